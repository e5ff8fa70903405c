/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "tauri-app.h"
#include "tauri-invocation.h"
#include "tauri-resources-private.h"

G_BEGIN_DECLS

/* The built-in plugins (tauri-plugins.c): Tauri's official plugins on GNOME,
 * each in its own pair of files, registered from one table. */

typedef struct
{
  const char  *name;                 /* as in `plugin:NAME|cmd` and `NAME:default` */
  void       (*register_commands)    (TauriApp             *app,
                                      TauriCommandRegistry *registry);
  void       (*setup_window)         (TauriApp             *app,
                                      TauriWindow          *window);
  char      *(*dup_init_script)      (TauriApp             *app);
} TauriPluginInfo;

const TauriPluginInfo *_tauri_plugins_lookup        (const char        *name);
const char * const    *_tauri_plugins_list_names    (void);
GBytes                *_tauri_plugins_dup_permissions (const char     *name) G_GNUC_WARN_UNUSED_RESULT;
void                   _tauri_plugins_register      (TauriApp          *app);
void                   _tauri_plugins_setup_window  (TauriApp          *app,
                                                     TauriWindow       *window);

/* What the plugins share. */
gboolean               _tauri_plugins_use_portal    (void);
TauriApp              *_tauri_plugin_get_app        (TauriInvocation   *invocation);
TauriResources        *_tauri_plugin_get_resources  (TauriApp          *app);
const char            *_tauri_plugin_get_options_string (TauriInvocation *invocation,
                                                     const char        *name,
                                                     const char        *member);
gboolean               _tauri_plugin_get_rid        (TauriInvocation   *invocation,
                                                     guint32           *rid,
                                                     GError           **error);

G_END_DECLS
