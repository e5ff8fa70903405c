/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

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
 * - `open_windows` (main thread): opens windows one after the other, up to
 *   `upTo` in all, each once the previous one's page answered its first
 *   call, in the web process `webProcess` says (`shared`, `own`); resolves
 *   with each one's open time (the call that opens it → its page's first
 *   invoke answered) and the memory of the process tree at `measureAt`
 *   windows. Their pages stop after their first calls.
 *
 * The control commands of the measurements go to bench-probe.c, as they do
 * in the baseline.
 */

#define APP_ID "io.github.taurigtk.Bench"

typedef struct
{
  TauriInvocation *invocation;
  TauriWebProcess  web_process;
  guint            up_to;
  guint            pause_ms;         /* between an answer and the next window */
  JsonArray       *measure_at;
  guint            n_windows;        /* open, the main one included */
  char            *waiting_for;      /* the label of the window opening */
  gint64           opened_at;
  JsonArray       *open_ms;
  JsonObject      *memory;           /* by number of windows */
} Opening;

static Opening *opening;

static void open_next_window (void);

static void
echo (TauriInvocation *invocation,
      gpointer         user_data)
{
  g_autoptr(JsonNode) value = json_node_init_object (json_node_alloc (),
                                                     tauri_invocation_get_arguments (invocation));

  tauri_invocation_return_value (invocation, value);
  bench_probe_answered ();

  if (opening != NULL && opening->waiting_for != NULL &&
      g_strcmp0 (tauri_window_get_label (tauri_invocation_get_window (invocation)), opening->waiting_for) == 0)
    {
      gint64 now = g_get_monotonic_time ();

      json_array_add_double_element (opening->open_ms, (now - opening->opened_at) / 1000.0);
      g_clear_pointer (&opening->waiting_for, g_free);
      opening->n_windows++;
      /* Out of the page's call; after the pause a user leaves between
       * two windows, if the run asks for one. */
      if (opening->pause_ms > 0)
        g_timeout_add_once (opening->pause_ms, (GSourceOnceFunc) open_next_window, NULL);
      else
        g_idle_add_once ((GSourceOnceFunc) open_next_window, NULL);
    }
}

static gboolean
should_measure (guint n_windows)
{
  for (guint i = 0; i < json_array_get_length (opening->measure_at); i++)
    if (json_array_get_int_element (opening->measure_at, i) == n_windows)
      return TRUE;
  return FALSE;
}

static void
finish_opening (void)
{
  g_autoptr(JsonNode) result = json_node_init_object (json_node_alloc (), json_object_new ());
  JsonObject *object = json_node_get_object (result);

  json_object_set_array_member (object, "open_ms", g_steal_pointer (&opening->open_ms));
  json_object_set_object_member (object, "memory", g_steal_pointer (&opening->memory));
  tauri_invocation_return_value (opening->invocation, result);
  g_object_unref (opening->invocation);
  json_array_unref (opening->measure_at);
  g_clear_pointer (&opening, g_free);
}

static void
open_next_window (void)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;

  if (should_measure (opening->n_windows))
    {
      char key[16];

      g_snprintf (key, sizeof key, "%u", opening->n_windows);
      json_object_set_object_member (opening->memory, key, bench_probe_measure_memory ());
    }

  if (opening->n_windows >= opening->up_to)
    {
      finish_opening ();
      return;
    }

  opening->waiting_for = g_strdup_printf ("window-%u", opening->n_windows + 1);
  opening->opened_at = g_get_monotonic_time ();
  if (tauri_app_open_window_with_web_process (TAURI_APP (app), opening->waiting_for,
                                              opening->web_process, &error) == NULL)
    g_error ("open_windows: %s", error->message);
}

static void
open_windows (TauriInvocation *invocation,
              gpointer         user_data)
{
  const char *web_process = tauri_invocation_get_string (invocation, "web_process");

  g_assert (opening == NULL);
  opening = g_new0 (Opening, 1);
  opening->invocation = g_object_ref (invocation);
  opening->web_process = g_str_equal (web_process, "own") ? TAURI_WEB_PROCESS_OWN : TAURI_WEB_PROCESS_SHARED;
  opening->up_to = tauri_invocation_get_int (invocation, "up_to");
  opening->pause_ms = tauri_invocation_has_argument (invocation, "pause_ms")
                      ? tauri_invocation_get_int (invocation, "pause_ms") : 0;
  opening->measure_at = json_array_ref (json_node_get_array (tauri_invocation_get_argument (invocation, "measure_at")));
  opening->n_windows = 1;
  opening->open_ms = json_array_new ();
  opening->memory = json_object_new ();
  open_next_window ();
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
  /* The pages of the windows open_windows opens stop after their first
   * call. */
  if (result != NULL && g_str_equal (tauri_invocation_get_command_name (invocation), "bench_config"))
    json_object_set_boolean_member (json_node_get_object (result), "secondary",
                                    g_strcmp0 (tauri_window_get_label (tauri_invocation_get_window (invocation)),
                                               "main") != 0);
  if (error != NULL)
    tauri_invocation_take_error (invocation, error);
  else
    tauri_invocation_return_value (invocation, result);
}

/* A run that opens windows needs to know which window's page an echo
 * came from; the others keep echo as plain as the baseline's. */
static gboolean
is_windows_run (void)
{
  const char *params = g_getenv ("BENCH_PARAMS");

  return params != NULL && strstr (params, "\"windows\"") != NULL;
}

static void
register_commands (TauriCommandRegistry *registry)
{
  TauriCommandFlags echo_flags = is_windows_run () ? TAURI_COMMAND_FLAGS_WITH_WINDOW : TAURI_COMMAND_FLAGS_NONE;

  tauri_command_registry_add (registry,
                              tauri_command_new ("echo", NULL, echo_flags, echo, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("noop_thread", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                        noop_thread, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("echo_bytes", "data: bytes", TAURI_COMMAND_FLAGS_NONE,
                                                 echo_bytes, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("open_windows", "up_to: integer, web_process: string, measure_at: array, pause_ms?: integer",
                                                 TAURI_COMMAND_FLAGS_NONE, open_windows, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("stream", "count: integer, on_message: channel<integer>",
                                                        TAURI_COMMAND_FLAGS_NONE, stream, NULL, NULL));

  for (guint i = 0; bench_probe_control_commands[i] != NULL; i++)
    tauri_command_registry_add (registry,
                                tauri_command_new (bench_probe_control_commands[i], NULL,
                                                   TAURI_COMMAND_FLAGS_WITH_WINDOW, control, NULL, NULL));
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
