/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <glib-object.h>

#include "tauri-command.h"
#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

#define TAURI_TYPE_COMMAND_REGISTRY (tauri_command_registry_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriCommandRegistry, tauri_command_registry, TAURI, COMMAND_REGISTRY, GObject)

TAURI_AVAILABLE_IN_ALL
TauriCommandRegistry  *tauri_command_registry_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_add                  (TauriCommandRegistry *self,
                                                                    TauriCommand         *command);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_remove               (TauriCommandRegistry *self,
                                                                    const char           *name);
TAURI_AVAILABLE_IN_ALL
TauriCommand          *tauri_command_registry_lookup               (TauriCommandRegistry *self,
                                                                    const char           *name);
TAURI_AVAILABLE_IN_ALL
char                 **tauri_command_registry_list_names           (TauriCommandRegistry *self) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
guint                  tauri_command_registry_get_max_depth        (TauriCommandRegistry *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_max_depth        (TauriCommandRegistry *self,
                                                                    guint                 max_depth);
TAURI_AVAILABLE_IN_ALL
gsize                  tauri_command_registry_get_max_message_size (TauriCommandRegistry *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_max_message_size (TauriCommandRegistry *self,
                                                                    gsize                 max_message_size);

G_END_DECLS
