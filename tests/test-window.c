/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-isolation.h"
#include "test-ui.h"
#include "tauri-app-private.h"

/*
 * Which web process a window's pages run in (TauriWindow:web-process), in
 * real web views: a second window shares the first one's by default, one
 * opened with TAURI_WEB_PROCESS_OWN, or that remote pages may call, gets
 * its own, and when a shared process dies every window that shared it
 * loads its page again. Once the app has two shared windows, it makes the
 * next one's web view ahead, in the shared process.
 */

static TauriApp *app;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

/* The pids of @root's descendants, every level: WebKit starts its
 * helpers, through bubblewrap when sandboxed, below the UI process. */
static GArray *
list_descendants (int root)
{
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  GArray *tree = g_array_new (FALSE, FALSE, sizeof (int));
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%s/stat", name);
      g_autofree char *contents = NULL;
      const char *paren;
      int ppid;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &contents, NULL, NULL))
        continue;

      /* pid (comm) state ppid …; comm may hold spaces and parentheses. */
      paren = strrchr (contents, ')');
      if (paren != NULL && sscanf (paren + 1, " %*c %d", &ppid) == 1)
        g_hash_table_insert (parents, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (ppid));
    }

  g_array_append_val (tree, root);
  for (guint i = 0; i < tree->len; i++)
    {
      GHashTableIter iter;
      gpointer pid;
      gpointer ppid;

      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, &pid, &ppid))
        {
          int child = GPOINTER_TO_INT (pid);

          if (GPOINTER_TO_INT (ppid) == g_array_index (tree, int, i))
            g_array_append_val (tree, child);
        }
    }
  g_array_remove_index (tree, 0);

  return tree;
}

/* How many web processes the test's app has running. */
static guint
count_web_processes (void)
{
  g_autoptr(GArray) tree = list_descendants (getpid ());
  guint count = 0;

  for (guint i = 0; i < tree->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/comm", g_array_index (tree, int, i));
      g_autofree char *comm = NULL;

      /* The kernel keeps 15 bytes of the name: "WebKitWebProces". */
      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_has_prefix (comm, "WebKitWebProces"))
        count++;
    }

  return count;
}

static void
assert_answers (TauriWindow *window)
{
  g_autofree char *label = test_ui_run_js (window, NULL,
                                           "return await window.__TAURI__.core.invoke('window_label');");

  g_assert_cmpstr (label, ==, tauri_window_get_label (window));
}

static void
terminated_cb (WebKitWebView                     *web_view,
               WebKitWebProcessTerminationReason  reason,
               gpointer                           user_data)
{
  guint *count = user_data;

  g_assert_cmpint (reason, ==, WEBKIT_WEB_PROCESS_TERMINATED_BY_API);
  (*count)++;
}

/* Counts the times @window's page loses its process. */
static gulong
watch_termination (TauriWindow *window,
                   guint       *count)
{
  return g_signal_connect (tauri_window_get_web_view (window), "web-process-terminated",
                           G_CALLBACK (terminated_cb), count);
}

static TauriWindow *
open_window (const char      *label,
             TauriWebProcess  web_process)
{
  g_autoptr(GError) error = NULL;
  TauriWindow *window = tauri_app_open_window_with_web_process (app, label, web_process, &error);

  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  return window;
}

/* A second window, a third: no new process, and each page its own window,
 * its own label and its own token. */
static void
test_window_shared (void)
{
  guint before = count_web_processes ();
  TauriWindow *second = NULL;
  TauriWindow *third = NULL;

  g_assert_cmpint (tauri_window_get_web_process (main_window ()), ==, TAURI_WEB_PROCESS_SHARED);
  g_assert_cmpuint (before, ==, 1);

  second = open_window ("second", TAURI_WEB_PROCESS_AUTOMATIC);
  third = open_window ("third", TAURI_WEB_PROCESS_SHARED);
  g_assert_cmpint (tauri_window_get_web_process (second), ==, TAURI_WEB_PROCESS_SHARED);
  g_assert_cmpint (tauri_window_get_web_process (third), ==, TAURI_WEB_PROCESS_SHARED);
  g_assert_cmpuint (count_web_processes (), ==, before);

  assert_answers (main_window ());
  assert_answers (second);
  assert_answers (third);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (third));
}

/* Pages that share a process reach each other no more than pages of two
 * processes: no opener, a session storage of their own, and no window
 * found by its name. */
static void
test_window_shared_apart (void)
{
  TauriWindow *second = NULL;
  g_autofree char *set = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *found = NULL;

  set = test_ui_run_js (main_window (), NULL,
                        "sessionStorage.setItem('secret', 'main'); window.name = 'main-page'; return 'set';");
  g_assert_cmpstr (set, ==, "set");

  second = open_window ("second", TAURI_WEB_PROCESS_SHARED);
  seen = test_ui_run_js (second, NULL,
                         "return `${sessionStorage.getItem('secret')} ${window.opener}`;");
  g_assert_cmpstr (seen, ==, "null null");
  found = test_ui_run_js (second, NULL, "return String(window.open('', 'main-page'));");
  g_assert_cmpstr (found, ==, "null");

  gtk_window_destroy (GTK_WINDOW (second));
}

/* `own`: a process of the window's own, which lives and dies alone. */
static void
test_window_own (void)
{
  guint before = count_web_processes ();
  guint own_stopped = 0;
  guint main_stopped = 0;
  TauriWindow *own = open_window ("own", TAURI_WEB_PROCESS_OWN);
  gulong own_handler = watch_termination (own, &own_stopped);
  gulong main_handler = watch_termination (main_window (), &main_stopped);
  TauriWebProcess web_process = TAURI_WEB_PROCESS_AUTOMATIC;

  g_object_get (own, "web-process", &web_process, NULL);
  g_assert_cmpint (web_process, ==, TAURI_WEB_PROCESS_OWN);
  g_assert_cmpuint (count_web_processes (), ==, before + 1);
  assert_answers (own);

  /* Its process goes; the shared windows never notice. */
  webkit_web_view_terminate_web_process (tauri_window_get_web_view (own));
  while (own_stopped == 0)
    g_main_context_iteration (NULL, TRUE);
  test_ui_wait_for_load (own);
  assert_answers (own);
  assert_answers (main_window ());
  g_assert_cmpuint (main_stopped, ==, 0);
  g_assert_cmpuint (own_stopped, ==, 1);

  g_signal_handler_disconnect (tauri_window_get_web_view (main_window ()), main_handler);
  g_signal_handler_disconnect (tauri_window_get_web_view (own), own_handler);
  gtk_window_destroy (GTK_WINDOW (own));
}

/* The shared process dies: every window that shared it loads its page
 * again, and answers. */
static void
test_window_shared_crash (void)
{
  TauriWindow *second = open_window ("second", TAURI_WEB_PROCESS_AUTOMATIC);
  TauriWindow *third = open_window ("third", TAURI_WEB_PROCESS_AUTOMATIC);
  TauriWindow *windows[] = { main_window (), second, third };
  guint stopped[G_N_ELEMENTS (windows)] = { 0, };
  gulong handlers[G_N_ELEMENTS (windows)];

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    handlers[i] = watch_termination (windows[i], &stopped[i]);

  webkit_web_view_terminate_web_process (tauri_window_get_web_view (second));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      while (stopped[i] == 0)
        g_main_context_iteration (NULL, TRUE);
      test_ui_wait_for_load (windows[i]);
      assert_answers (windows[i]);
      g_assert_cmpuint (stopped[i], ==, 1);
      g_signal_handler_disconnect (tauri_window_get_web_view (windows[i]), handlers[i]);
    }

  /* In one process again. */
  g_assert_cmpuint (count_web_processes (), ==, 1);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (third));
}

/* The app's spare view once it has made one (it does when idle). */
static WebKitWebView *
wait_for_spare_view (void)
{
  TauriAppPrivate *priv = _tauri_app_get_private (app);

  while (priv->spare_view == NULL)
    g_main_context_iteration (NULL, TRUE);

  return priv->spare_view;
}

/* With two shared windows, the app makes the next one's view ahead: the
 * next shared window takes it, in the same process, with its own label and
 * a history of its own page alone; a window of its own process does not
 * take it; a crash of the shared process takes it too, and the windows
 * opened after still answer. */
static void
test_window_made_ahead (void)
{
  TauriAppPrivate *priv = _tauri_app_get_private (app);
  TauriWindow *second = NULL;
  TauriWindow *third = NULL;
  TauriWindow *own = NULL;
  TauriWindow *fourth = NULL;
  WebKitWebView *spare = NULL;
  g_autofree char *history = NULL;
  guint stopped = 0;
  gulong handler;

  second = open_window ("second", TAURI_WEB_PROCESS_SHARED);
  spare = wait_for_spare_view ();

  third = open_window ("third", TAURI_WEB_PROCESS_AUTOMATIC);
  g_assert_true (tauri_window_get_web_view (third) == spare);
  g_assert_cmpuint (count_web_processes (), ==, 1);
  assert_answers (third);
  history = test_ui_run_js (third, NULL, "return String(history.length);");
  g_assert_cmpstr (history, ==, "1");

  /* The shared process dies: the spare made meanwhile goes with it. (The
   * main window's page died in an earlier case too, so it is not loaded
   * again; the others are.) */
  spare = wait_for_spare_view ();
  handler = watch_termination (third, &stopped);
  webkit_web_view_terminate_web_process (tauri_window_get_web_view (second));
  while (stopped == 0 || priv->spare_view == spare)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (tauri_window_get_web_view (third), handler);
  test_ui_wait_for_load (second);
  test_ui_wait_for_load (third);

  fourth = open_window ("fourth", TAURI_WEB_PROCESS_SHARED);
  assert_answers (fourth);
  assert_answers (third);
  g_assert_cmpuint (count_web_processes (), ==, 1);

  spare = wait_for_spare_view ();
  own = open_window ("own", TAURI_WEB_PROCESS_OWN);
  g_assert_true (tauri_window_get_web_view (own) != spare);
  g_assert_true (priv->spare_view == spare);

  gtk_window_destroy (GTK_WINDOW (own));
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (third));
  gtk_window_destroy (GTK_WINDOW (fourth));
}

/* A window remote pages may call gets a process of its own; asked for
 * `shared`, it shares. */
static void
test_window_remote (void)
{
  static const char capability[] =
    "{ \"identifier\": \"remote-window\", \"windows\": [\"remote\"],\n"
    "  \"remote\": { \"urls\": [\"https://example.com/*\"] },\n"
    "  \"permissions\": [\"window_label\"] }";
  TauriCommandRegistry *registry = tauri_app_get_registry (app);
  g_autoptr(GError) error = NULL;
  guint before = count_web_processes ();
  TauriWindow *window;

  tauri_command_registry_load_capabilities_from_data (registry, capability, -1, &error);
  g_assert_no_error (error);

  window = open_window ("remote", TAURI_WEB_PROCESS_AUTOMATIC);
  g_assert_cmpint (tauri_window_get_web_process (window), ==, TAURI_WEB_PROCESS_OWN);
  g_assert_cmpuint (count_web_processes (), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window ("remote", TAURI_WEB_PROCESS_SHARED);
  g_assert_cmpint (tauri_window_get_web_process (window), ==, TAURI_WEB_PROCESS_SHARED);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gboolean mapped;
  double   progress_when_mapped;
} Showing;

/* The window shows itself as its page's load finishes, which may be in
 * the same emission of load-changed: the progress says where it was. */
static void
showing_map_cb (TauriWindow *window,
                Showing     *showing)
{
  showing->mapped = TRUE;
  showing->progress_when_mapped = webkit_web_view_get_estimated_load_progress (tauri_window_get_web_view (window));
}

/* A window is shown once its page has loaded, never blank before: as a
 * Tauri app that opens it hidden and calls show(). */
static void
test_window_shown_when_loaded (void)
{
  g_autoptr(GError) error = NULL;
  Showing showing = { FALSE, 0 };
  TauriWindow *window = tauri_app_open_window (app, "shown", &error);
  gulong map_handler;

  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));
  map_handler = g_signal_connect (window, "map", G_CALLBACK (showing_map_cb), &showing);

  while (!showing.mapped)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (showing.progress_when_mapped, ==, 1.0);
  assert_answers (window);

  g_signal_handler_disconnect (window, map_handler);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *frontend = NULL;
  g_autofree char *root = NULL;
  int status;

  root = test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  test_ui_capture_prints (TRUE);
  frontend = g_test_build_filename (G_TEST_DIST, "frontend", NULL);
  app = test_ui_start_demo (NULL, frontend);
  test_ui_capture_prints (FALSE);

  test_ui_add ("/Tauri/Window/web-process/shared", test_window_shared);
  test_ui_add ("/Tauri/Window/web-process/shared-apart", test_window_shared_apart);
  test_ui_add ("/Tauri/Window/web-process/own", test_window_own);
  test_ui_add ("/Tauri/Window/web-process/shared-crash", test_window_shared_crash);
  test_ui_add ("/Tauri/Window/web-process/remote", test_window_remote);
  test_ui_add ("/Tauri/Window/web-process/made-ahead", test_window_made_ahead);
  test_ui_add ("/Tauri/Window/shown-when-loaded", test_window_shown_when_loaded);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  test_remove_tree (root);

  return status;
}
