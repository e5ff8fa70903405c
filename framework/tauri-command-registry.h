/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <gio/gio.h>

#include "tauri-command.h"
#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

/**
 * TAURI_COMMAND_ERROR:
 *
 * The error domain of the errors a [class@CommandRegistry] refuses a call
 * with, before the command's handler runs.
 *
 * Since: 0.1
 */
#define TAURI_COMMAND_ERROR (tauri_command_error_quark ())

/**
 * TauriCommandError:
 * @TAURI_COMMAND_ERROR_NOT_FOUND: no command has that name
 * @TAURI_COMMAND_ERROR_INVALID_ARGS: an argument is missing, of the wrong
 *   type, or the arguments are not valid JSON
 * @TAURI_COMMAND_ERROR_NOT_ALLOWED: the caller may not run the command
 * @TAURI_COMMAND_ERROR_LIMIT_EXCEEDED: the call is larger or nested deeper
 *   than the registry accepts
 *
 * Errors of the %TAURI_COMMAND_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum
{
  TAURI_COMMAND_ERROR_NOT_FOUND = 1,
  TAURI_COMMAND_ERROR_INVALID_ARGS,
  TAURI_COMMAND_ERROR_NOT_ALLOWED,
  TAURI_COMMAND_ERROR_LIMIT_EXCEEDED,
} TauriCommandError;

TAURI_AVAILABLE_IN_ALL
GQuark tauri_command_error_quark (void);

/**
 * TAURI_CAPABILITY_ERROR:
 *
 * The error domain of the errors met while loading capability files and
 * permission manifests into a [class@CommandRegistry].
 *
 * Since: 0.1
 */
#define TAURI_CAPABILITY_ERROR (tauri_capability_error_quark ())

/**
 * TauriCapabilityError:
 * @TAURI_CAPABILITY_ERROR_INVALID: the text is not valid JSON, or not a
 *   capability or a permission file: a member is missing or has the wrong
 *   type, a permission or a URL pattern is malformed, or a permission is
 *   not one its plugin has
 * @TAURI_CAPABILITY_ERROR_UNSUPPORTED: the file uses a part of Tauri's
 *   capability format that tauri-gtk does not enforce, such as a URL
 *   pattern with groups or a TOML file
 * @TAURI_CAPABILITY_ERROR_DUPLICATE: a capability with that identifier is
 *   already loaded
 *
 * Errors of the %TAURI_CAPABILITY_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum
{
  TAURI_CAPABILITY_ERROR_INVALID,
  TAURI_CAPABILITY_ERROR_UNSUPPORTED,
  TAURI_CAPABILITY_ERROR_DUPLICATE,
} TauriCapabilityError;

TAURI_AVAILABLE_IN_ALL
GQuark tauri_capability_error_quark (void);

#define TAURI_TYPE_COMMAND_REGISTRY (tauri_command_registry_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriCommandRegistry, tauri_command_registry, TAURI, COMMAND_REGISTRY, GObject)

TAURI_AVAILABLE_IN_ALL
TauriCommandRegistry  *tauri_command_registry_new                             (void) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_add                             (TauriCommandRegistry  *self,
                                                                               TauriCommand          *command);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_remove                          (TauriCommandRegistry  *self,
                                                                               const char            *name);
TAURI_AVAILABLE_IN_ALL
TauriCommand          *tauri_command_registry_lookup                          (TauriCommandRegistry  *self,
                                                                               const char            *name);
TAURI_AVAILABLE_IN_ALL
char                 **tauri_command_registry_list_names                      (TauriCommandRegistry  *self) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
guint                  tauri_command_registry_get_max_depth                   (TauriCommandRegistry  *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_max_depth                   (TauriCommandRegistry  *self,
                                                                               guint                  max_depth);
TAURI_AVAILABLE_IN_ALL
gsize                  tauri_command_registry_get_max_message_size            (TauriCommandRegistry  *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_max_message_size            (TauriCommandRegistry  *self,
                                                                               gsize                  max_message_size);
TAURI_AVAILABLE_IN_ALL
guint                  tauri_command_registry_get_max_threads                 (TauriCommandRegistry  *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_max_threads                 (TauriCommandRegistry  *self,
                                                                               guint                  max_threads);

TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_load_capabilities               (TauriCommandRegistry  *self,
                                                                               GFile                 *file,
                                                                               GError               **error);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_load_capabilities_from_resource (TauriCommandRegistry  *self,
                                                                               const char            *path,
                                                                               GError               **error);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_load_capabilities_from_data     (TauriCommandRegistry  *self,
                                                                               const char            *data,
                                                                               gssize                 length,
                                                                               GError               **error);
TAURI_AVAILABLE_IN_ALL
char                 **tauri_command_registry_list_capabilities               (TauriCommandRegistry  *self) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_load_permissions_from_data      (TauriCommandRegistry  *self,
                                                                               const char            *plugin,
                                                                               const char            *data,
                                                                               gssize                 length,
                                                                               GError               **error);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_load_permissions_from_resource  (TauriCommandRegistry  *self,
                                                                               const char            *plugin,
                                                                               const char            *path,
                                                                               GError               **error);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_get_check_app_commands          (TauriCommandRegistry  *self);
TAURI_AVAILABLE_IN_ALL
void                   tauri_command_registry_set_check_app_commands          (TauriCommandRegistry  *self,
                                                                               gboolean               check_app_commands);
TAURI_AVAILABLE_IN_ALL
gboolean               tauri_command_registry_is_allowed                      (TauriCommandRegistry  *self,
                                                                               const char            *name,
                                                                               const char            *window_label);

G_END_DECLS
