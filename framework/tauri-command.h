/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

/**
 * TauriCommandFlags:
 * @TAURI_COMMAND_FLAGS_NONE: no flags
 * @TAURI_COMMAND_FLAGS_WITH_WINDOW: the handler receives the calling window
 *   through [method@Invocation.get_window], like Tauri's `with_window`
 * @TAURI_COMMAND_FLAGS_SNAKE_CASE: argument keys are the parameter names as
 *   written, not their camelCase form, like Tauri's `rename_all = "snake_case"`
 *
 * Flags that change how a command is called.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/
{
  TAURI_COMMAND_FLAGS_NONE        = 0,
  TAURI_COMMAND_FLAGS_WITH_WINDOW = 1 << 0,
  TAURI_COMMAND_FLAGS_SNAKE_CASE  = 1 << 1,
} TauriCommandFlags;

/**
 * TauriCommandFunc:
 * @invocation: the call
 * @user_data: the data the command was created with
 *
 * Handles one call of a command on the main thread.
 *
 * The handler answers with one of the `tauri_invocation_return_*()` methods,
 * either before it returns or later: to answer later, keep a reference on
 * @invocation (for example as the user data of a GIO async call).
 *
 * Since: 0.1
 */
typedef void (* TauriCommandFunc) (TauriInvocation *invocation,
                                   gpointer         user_data);

/**
 * TauriCommandThreadFunc:
 * @invocation: the call
 * @cancellable: (nullable): cancelled when the call is abandoned
 * @user_data: the data the command was created with
 * @error: return location for the error the call rejects with
 *
 * Handles one call of a command on a worker thread of the GTask pool.
 *
 * It may block. It must not touch GTK, WebKit or the main context; the
 * arguments of @invocation are safe to read. Its result is sent to the page
 * from the main thread. It may also answer @invocation itself, as with
 * [method@Invocation.return_bytes], and return %NULL.
 *
 * Returns: (transfer full) (nullable): the value the call resolves with,
 *   %NULL and @error set to reject it, or %NULL alone to resolve with `null`
 *   (unless the handler answered the call itself)
 *
 * Since: 0.1
 */
typedef JsonNode *(* TauriCommandThreadFunc) (TauriInvocation  *invocation,
                                              GCancellable     *cancellable,
                                              gpointer          user_data,
                                              GError          **error);

/**
 * TauriCommandAsyncFunc:
 * @invocation: the call, which plays the part of the source object
 * @cancellable: (nullable): cancelled when the call is abandoned
 * @callback: (scope async): to call when the result is ready
 * @callback_data: the data to pass to @callback
 *
 * Starts one call of a command, in the manner of a GIO `_async()` function:
 * typically `g_task_new (invocation, cancellable, callback, callback_data)`
 * followed by any GIO asynchronous operation.
 *
 * Since: 0.1
 */
typedef void (* TauriCommandAsyncFunc) (TauriInvocation     *invocation,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             callback_data);

/**
 * TauriCommandFinishFunc:
 * @invocation: the call
 * @result: the result passed to the callback of the #TauriCommandAsyncFunc
 * @error: return location for the error the call rejects with
 *
 * Finishes a call started by a #TauriCommandAsyncFunc, in the manner of a
 * GIO `_finish()` function.
 *
 * Returns: (transfer full) (nullable): the value the call resolves with,
 *   %NULL and @error set to reject it, or %NULL alone to resolve with `null`
 *
 * Since: 0.1
 */
typedef JsonNode *(* TauriCommandFinishFunc) (TauriInvocation  *invocation,
                                              GAsyncResult     *result,
                                              GError          **error);

#define TAURI_TYPE_COMMAND (tauri_command_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriCommand, tauri_command, TAURI, COMMAND, GObject)

TAURI_AVAILABLE_IN_ALL
TauriCommand      *tauri_command_new                  (const char              *name,
                                                       const char              *parameters,
                                                       TauriCommandFlags        flags,
                                                       TauriCommandFunc         func,
                                                       gpointer                 user_data,
                                                       GDestroyNotify           destroy) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
TauriCommand      *tauri_command_new_thread           (const char              *name,
                                                       const char              *parameters,
                                                       TauriCommandFlags        flags,
                                                       TauriCommandThreadFunc   func,
                                                       gpointer                 user_data,
                                                       GDestroyNotify           destroy) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
TauriCommand      *tauri_command_new_async            (const char              *name,
                                                       const char              *parameters,
                                                       TauriCommandFlags        flags,
                                                       TauriCommandAsyncFunc    async_func,
                                                       TauriCommandFinishFunc   finish_func,
                                                       gpointer                 user_data,
                                                       GDestroyNotify           destroy) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_name             (TauriCommand            *self);
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_parameters       (TauriCommand            *self);
TAURI_AVAILABLE_IN_ALL
TauriCommandFlags  tauri_command_get_flags            (TauriCommand            *self);
TAURI_AVAILABLE_IN_ALL
guint              tauri_command_get_n_parameters     (TauriCommand            *self);
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_parameter_name   (TauriCommand            *self,
                                                       guint                    position);
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_parameter_key    (TauriCommand            *self,
                                                       guint                    position);
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_parameter_type   (TauriCommand            *self,
                                                       guint                    position);
TAURI_AVAILABLE_IN_ALL
gboolean           tauri_command_get_parameter_optional (TauriCommand          *self,
                                                       guint                    position);
TAURI_AVAILABLE_IN_ALL
const char        *tauri_command_get_result_type      (TauriCommand            *self);
TAURI_AVAILABLE_IN_ALL
void               tauri_command_set_result_type      (TauriCommand            *self,
                                                       const char              *type);

G_END_DECLS
