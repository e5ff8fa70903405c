/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <execinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo-app.h"
#include "test-ui.h"

/* What the tests that drive real web views share: the demo app started
 * without a main loop of its own, and JavaScript run in its pages. */

/* What a test started (xdotool, a web server) would keep its output open
 * after it ends, and meson waiting for it: when the test leads its process
 * group, as meson starts it, the group goes with it. */
static void
end_process_group (void)
{
  if (getpgrp () == getpid ())
    {
      signal (SIGTERM, SIG_IGN);
      kill (0, SIGTERM);
    }
}

/* An abort that nothing explained (no assertion, no sanitizer report)
 * still says where it came from: the stack, as addresses in each library,
 * on stderr, which the test log keeps. */
static void
print_abort_stack (int signum)
{
  static const char header[] = "\n# SIGABRT, from:\n";
  void *frames[64];
  int n_frames = backtrace (frames, G_N_ELEMENTS (frames));

  if (write (STDERR_FILENO, header, sizeof header - 1) < 0)
    {
      /* Nowhere else to say it. */
    }
  backtrace_symbols_fd (frames, n_frames, STDERR_FILENO);
  end_process_group ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
report_aborts (void)
{
  void *frame;

  /* backtrace() loads its unwinder the first time: not in a handler. */
  backtrace (&frame, 1);
  signal (SIGABRT, print_abort_stack);
}

/* A web process that dies in a test, other than by the test's own hand,
 * fails it at once, saying so, rather than leave it waiting for a page
 * that will not answer until its timeout. */
static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           TauriWindow                       *window)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  g_error ("The web process of window “%s” %s during the test", tauri_window_get_label (window),
           reason == WEBKIT_WEB_PROCESS_CRASHED ? "crashed" : "ran out of memory");
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 gpointer         user_data)
{
  guint finished = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (web_view), "test-loads-finished"));

  if (load_event == WEBKIT_LOAD_FINISHED)
    g_object_set_data (G_OBJECT (web_view), "test-loads-finished", GUINT_TO_POINTER (finished + 1));
}

/* Counts the page's finished loads from the start, so that a load that
 * finished before test_ui_wait_for_load() was called counts too. */
static void
watch_loads (WebKitWebView *web_view)
{
  if (g_object_get_data (G_OBJECT (web_view), "test-watched") != NULL)
    return;

  g_object_set_data (G_OBJECT (web_view), "test-watched", GUINT_TO_POINTER (TRUE));
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  if (!TAURI_IS_WINDOW (window))
    return;

  g_signal_connect_object (tauri_window_get_web_view (TAURI_WINDOW (window)), "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), window, 0);
  watch_loads (tauri_window_get_web_view (TAURI_WINDOW (window)));
}

TauriApp *
test_ui_start_demo (const char *application_id,
                    const char *frontend)
{
  g_autoptr(GError) error = NULL;
  TauriApp *app;

  report_aborts ();

  /* An id of the demo's family has its resources, capabilities included,
   * as demo_app_new() gives them; any other id has none. */
  app = TAURI_APP (g_object_new (DEMO_TYPE_APP,
                                 "application-id", application_id,
                                 "flags", G_APPLICATION_NON_UNIQUE,
                                 "frontend", frontend,
                                 NULL));
  if (application_id != NULL && g_str_has_prefix (application_id, "io.github.taurigtk.Demo."))
    g_application_set_resource_base_path (G_APPLICATION (app), "/io/github/taurigtk/Demo");
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_ui_wait_for_load (tauri_app_get_window (app, "main"));

  return app;
}

void
test_ui_stop (TauriApp *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
}

/* Waits until the page has loaded: never before a first load finished,
 * and, when one is under way, until it has. */
void
test_ui_wait_for_load (TauriWindow *window)
{
  WebKitWebView *web_view = tauri_window_get_web_view (window);

  watch_loads (web_view);

  while (webkit_web_view_is_loading (web_view) ||
         g_object_get_data (G_OBJECT (web_view), "test-loads-finished") == NULL)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  const char *body;
  char       *result;
} Run;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (error != NULL)
    g_error ("Running this failed (%s):\n%s", error->message, run->body);
  run->result = jsc_value_to_string (value);
}

/* Runs the body of an async function in @world (NULL: the page's own) of
 * @window's page, and returns what it returns, as a string. */
char *
test_ui_run_js (TauriWindow *window,
                const char  *world,
                const char  *body)
{
  Run run = { body, NULL };

  webkit_web_view_call_async_javascript_function (tauri_window_get_web_view (window),
                                                  body, -1, NULL, world, NULL, NULL,
                                                  js_done_cb, &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return run.result;
}

/* The demo's commands print on standard output, which is also where GTest
 * writes TAP: while a case runs, what they print is kept here instead. */
static GString *printed;
static GPrintFunc saved_print_handler;

static void
print_cb (const char *text)
{
  g_string_append (printed, text);
}

void
test_ui_capture_prints (gboolean capture)
{
  if (printed == NULL)
    printed = g_string_new (NULL);

  if (capture)
    {
      g_string_truncate (printed, 0);
      saved_print_handler = g_set_print_handler (print_cb);
    }
  else
    g_set_print_handler (saved_print_handler);
}

const char *
test_ui_get_printed (void)
{
  return printed ? printed->str : "";
}

static void
capture_cb (gpointer      fixture,
            gconstpointer data)
{
  test_ui_capture_prints (TRUE);
}

static void
release_cb (gpointer      fixture,
            gconstpointer data)
{
  test_ui_capture_prints (FALSE);
}

/* A case that waits for what never comes fails within a bound, naming
 * itself, rather than leave the suite to its timeout with no reason;
 * TEST_UI_CASE_SECONDS sets the bound (default 120, 0 for none). */
static char watched_case[256];

static void
case_overran (int signum)
{
  static const char head[] = "\nBail out! test case ";
  static const char tail[] = " did not finish in time (TEST_UI_CASE_SECONDS)\n";

  if (write (STDERR_FILENO, head, sizeof head - 1) < 0 ||
      write (STDERR_FILENO, watched_case, strlen (watched_case)) < 0 ||
      write (STDERR_FILENO, tail, sizeof tail - 1) < 0)
    {
      /* Nowhere else to say it. */
    }

  abort ();
}

static unsigned int
case_seconds (void)
{
  const char *text = g_getenv ("TEST_UI_CASE_SECONDS");

  return text != NULL ? (unsigned int) strtoul (text, NULL, 10) : 120;
}

static void
run_case_cb (gpointer      fixture,
             gconstpointer data)
{
  void (*func) (void) = (void (*) (void)) data;

  g_strlcpy (watched_case, g_test_get_path (), sizeof watched_case);
  signal (SIGALRM, case_overran);
  alarm (case_seconds ());
  func ();
  alarm (0);
}

/* Like g_test_add_func(), with the prints of the case kept aside. */
void
test_ui_add (const char  *path,
             void       (*func) (void))
{
  g_test_add_vtable (path, 0, (gconstpointer) func, capture_cb, run_case_cb, release_cb);
}
