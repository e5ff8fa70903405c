/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-app-private.h"
#include "tauri-command.h"
#include "tauri-invocation.h"

/*
 * The host commands every app has, under the `plugin:` names that
 * @tauri-apps/api calls. They live in the app's registry like any other
 * command, so a capability file can allow or deny them.
 */

static TauriWindow *
target_window (TauriInvocation *invocation)
{
  TauriWindow *caller = tauri_invocation_get_window (invocation);
  const char *label = tauri_invocation_get_string (invocation, "label");
  TauriApp *app;

  if (label == NULL || g_str_equal (label, tauri_window_get_label (caller)))
    return caller;

  app = tauri_window_get_app (caller);
  return app ? tauri_app_get_window (app, label) : NULL;
}

static void
window_close (TauriInvocation *invocation,
              gpointer         user_data)
{
  TauriWindow *window = target_window (invocation);

  if (window == NULL)
    {
      g_autofree char *message = g_strdup_printf ("window not found: %s",
                                                  tauri_invocation_get_string (invocation, "label"));

      tauri_invocation_return_error_message (invocation, message);
      return;
    }

  /* Answer first: the page goes away with the window. */
  tauri_invocation_return_value (invocation, NULL);
  gtk_window_close (GTK_WINDOW (window));
}

void
_tauri_app_register_builtins (TauriApp *self)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (self);

  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:window|close", "label?: string",
                                                 TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 window_close, NULL, NULL));
}
