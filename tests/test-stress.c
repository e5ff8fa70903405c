/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "test-isolation.h"
#include "test-ui.h"

/*
 * Many calls through the real bridge, many of them in flight at once, each
 * answer checked: a run made for the sanitizers (`make test` runs it under
 * AddressSanitizer and LeakSanitizer). STRESS_CALLS sets how many calls
 * (100,000 by default; `make stress` makes a million), STRESS_IN_FLIGHT
 * how many wait at once (20,000).
 */

static TauriApp *app;

/* Half the calls answer on the main thread, half from a worker, so both
 * ways back to the page are exercised. */
static void
echo (TauriInvocation *invocation,
      gpointer         user_data)
{
  tauri_invocation_return_value (invocation, tauri_invocation_get_argument (invocation, "n"));
}

static JsonNode *
echo_thread (TauriInvocation  *invocation,
             GCancellable     *cancellable,
             gpointer          user_data,
             GError          **error)
{
  return json_node_copy (tauri_invocation_get_argument (invocation, "n"));
}

static guint64
env_number (const char *name,
            guint64     fallback)
{
  const char *value = g_getenv (name);
  guint64 number = fallback;

  if (value != NULL)
    g_assert_true (g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &number, NULL));

  return number;
}

static void
test_stress_invokes (void)
{
  guint64 total = env_number ("STRESS_CALLS", 100000);
  guint64 in_flight = env_number ("STRESS_IN_FLIGHT", 20000);
  g_autofree char *body = NULL;
  g_autofree char *result = NULL;
  g_autofree char *expected = NULL;

  body = g_strdup_printf ("const { invoke } = window.__TAURI__.core;\n"
                          "const total = %" G_GUINT64_FORMAT ", inFlight = %" G_GUINT64_FORMAT ";\n"
                          "let sent = 0, answered = 0, wrong = 0;\n"
                          "await new Promise((resolve) => {\n"
                          "  const next = () => {\n"
                          "    if (sent === total) return;\n"
                          "    const n = sent++;\n"
                          "    invoke(n %% 2 ? 'stress_echo' : 'stress_echo_thread', { n }).then((v) => {\n"
                          "      if (v !== n) wrong++;\n"
                          "      if (++answered === total) resolve(); else next();\n"
                          "    }, () => { wrong++; if (++answered === total) resolve(); else next(); });\n"
                          "  };\n"
                          "  for (let i = 0; i < inFlight; i++) next();\n"
                          "});\n"
                          "return JSON.stringify({ answered, wrong });",
                          total, MIN (in_flight, total));
  result = test_ui_run_js (tauri_app_get_window (app, "main"), NULL, body);
  expected = g_strdup_printf ("{\"answered\":%" G_GUINT64_FORMAT ",\"wrong\":0}", total);
  g_assert_cmpstr (result, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = test_isolate_dirs ();
  g_autofree char *frontend = NULL;
  TauriCommandRegistry *registry;
  int status;

  g_test_init (&argc, &argv, NULL);

  frontend = g_test_build_filename (G_TEST_DIST, "frontend", NULL);
  test_ui_capture_prints (TRUE);
  app = test_ui_start_demo (NULL, frontend);
  test_ui_capture_prints (FALSE);

  registry = tauri_app_get_registry (app);
  tauri_command_registry_add (registry, tauri_command_new ("stress_echo", "n: integer", TAURI_COMMAND_FLAGS_NONE,
                                                           echo, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new_thread ("stress_echo_thread", "n: integer",
                                                                  TAURI_COMMAND_FLAGS_NONE,
                                                                  echo_thread, NULL, NULL));

  g_test_add_func ("/Tauri/Stress/invokes", test_stress_invokes);
  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  test_remove_tree (root);

  return status;
}
