/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "test-isolation.h"

/*
 * The options every TauriApp understands, on the demo binary as a user runs
 * it: --screenshot, --dev, --frontend, and the app quitting when its page
 * closes its last window.
 */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
stop_demo_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/* The result is kept here, not on the process: it holds the process. */
static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
run_demo (Run                *run,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint timeout;

  g_ptr_array_add (argv, (char *) g_getenv ("DEMO_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  /* A demo that never exits is stopped, so that what it printed is seen. */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &result);
  timeout = g_timeout_add_seconds (120, stop_demo_cb, process);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_main_context_find_source_by_id (NULL, timeout) != NULL)
    g_source_remove (timeout);

  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("The demo did not exit normally; it printed:\n%s\n%s", run->out, run->err);
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_app_screenshot (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "shot.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_demo (&run, (const char * const []) { "--screenshot", path, NULL });
  g_assert_cmpint (run.status, ==, 0);

  /* It waited for the page's calls: their handlers printed. */
  g_assert_nonnull (strstr (run.out, "I was invoked from JS!\n"));
  g_assert_nonnull (strstr (run.out, "I was invoked from JS, with this message: Hello!\n"));
  g_assert_nonnull (strstr (run.out, "Called from main\n"));

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 600);
}

static void
test_app_dev_console (void)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "console-frontend", NULL);
  g_auto(Run) run = { 0 };

  /* The page closes its only window: the app quits by itself. */
  run_demo (&run, (const char * const []) { "--dev", "--frontend", frontend, NULL });
  g_assert_cmpint (run.status, ==, 0);

  g_assert_nonnull (strstr (run.err, "console.log: hello {\"a\":1} [2,3]\n"));
  g_assert_nonnull (strstr (run.err, "console.info: info line\n"));
  g_assert_nonnull (strstr (run.err, "console.warn: careful\n"));
  g_assert_nonnull (strstr (run.err, "console.error: TypeError: broken\n"));
  g_assert_nonnull (strstr (run.err, "console.log: greeting: Hello from C!\n"));
}

static void
test_app_quiet_console (void)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "console-frontend", NULL);
  g_auto(Run) run = { 0 };

  run_demo (&run, (const char * const []) { "--frontend", frontend, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.err, "console."));
}

static void
test_app_silent_page (void)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "silent-frontend", NULL);
  g_auto(Run) run = { 0 };

  /* With --dev, a page that calls nothing is said, once. */
  run_demo (&run, (const char * const []) { "--dev", "--frontend", frontend, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "tauri-gtk: the page of window “main”, tauri://localhost/, has called no command "
                                     "5 s after it loaded: did its script load?"));

  /* Without it, nothing is said. */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_demo (&run, (const char * const []) { "--frontend", frontend, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.err, "has called no command"));
}

static void
test_app_bad_frontend (void)
{
  g_auto(Run) run = { 0 };

  run_demo (&run, (const char * const []) { "--frontend", "/nonexistent/front-end", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the front end “/nonexistent/front-end” is neither a directory nor an http(s) URL"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = test_isolate_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Tauri/App/screenshot", test_app_screenshot);
  g_test_add_func ("/Tauri/App/dev-console", test_app_dev_console);
  g_test_add_func ("/Tauri/App/quiet-console", test_app_quiet_console);
  g_test_add_func ("/Tauri/App/silent-page", test_app_silent_page);
  g_test_add_func ("/Tauri/App/bad-frontend", test_app_bad_frontend);

  status = g_test_run ();
  test_remove_tree (root);

  return status;
}
