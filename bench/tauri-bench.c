/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <tauri.h>

#include "bench-probe.h"

/*
 * The benchmark's workload through tauri-gtk, written as an application
 * would: a TauriApp, its commands on the app's registry, its page served
 * from the app's resources at tauri://localhost/ by the framework, and the
 * page calling window.__TAURI__.core.invoke().
 *
 * - `echo` (main thread): resolves with its arguments, whatever they are.
 * - `noop_thread` (worker thread): does nothing, resolves `null`.
 * - `echo_bytes` (main thread): invoke('echo_bytes', uint8array) resolves
 *   with the same bytes, as an ArrayBuffer.
 * - `stream` (worker thread): sends 0 … count-1 to its Channel, then
 *   resolves `count`.
 *
 * The control commands of the measurements go to bench-probe.c, as they do
 * in the baseline.
 */

#define APP_ID "io.github.taurigtk.Bench"

static void
echo (TauriInvocation *invocation,
      gpointer         user_data)
{
  g_autoptr(JsonNode) value = json_node_init_object (json_node_alloc (),
                                                     tauri_invocation_get_arguments (invocation));

  tauri_invocation_return_value (invocation, value);
  bench_probe_answered ();
}

static JsonNode *
noop_thread (TauriInvocation  *invocation,
             GCancellable     *cancellable,
             gpointer          user_data,
             GError          **error)
{
  return NULL;
}

static void
echo_bytes (TauriInvocation *invocation,
            gpointer         user_data)
{
  tauri_invocation_return_bytes (invocation, tauri_invocation_get_bytes (invocation, "data"));
}

static JsonNode *
stream (TauriInvocation  *invocation,
        GCancellable     *cancellable,
        gpointer          user_data,
        GError          **error)
{
  g_autoptr(TauriChannel) channel = tauri_invocation_dup_channel (invocation, "on_message");
  gint64 count = tauri_invocation_get_int (invocation, "count");

  for (gint64 i = 0; i < count; i++)
    {
      char number[24];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, i);
      tauri_channel_send_json (channel, number);
    }
  tauri_channel_close (channel);

  return json_node_init_int (json_node_alloc (), count);
}

static void
control (TauriInvocation *invocation,
         gpointer         user_data)
{
  g_autoptr(JsonNode) result = NULL;
  GError *error = NULL;

  result = bench_probe_control (tauri_invocation_get_command_name (invocation),
                                tauri_invocation_get_arguments (invocation),
                                &error);
  if (error != NULL)
    tauri_invocation_take_error (invocation, error);
  else
    tauri_invocation_return_value (invocation, result);
}

static void
register_commands (TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("echo", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 echo, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("noop_thread", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                        noop_thread, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("echo_bytes", "data: bytes", TAURI_COMMAND_FLAGS_NONE,
                                                 echo_bytes, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("stream", "count: integer, on_message: channel<integer>",
                                                        TAURI_COMMAND_FLAGS_NONE, stream, NULL, NULL));

  for (guint i = 0; bench_probe_control_commands[i] != NULL; i++)
    tauri_command_registry_add (registry,
                                tauri_command_new (bench_probe_control_commands[i], NULL,
                                                   TAURI_COMMAND_FLAGS_NONE, control, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TauriApp) app = NULL;

  app = tauri_app_new (APP_ID, G_APPLICATION_NON_UNIQUE);

  bench_probe_init (G_APPLICATION (app), "tauri-gtk");
  bench_probe_set_capability ("raw_bytes", TRUE);
  bench_probe_set_capability ("channel", TRUE);

  register_commands (tauri_app_get_registry (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
