/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "demo-app.h"
#include "test-isolation.h"
#include "test-ui.h"

/*
 * The first hour's mistakes, each of which used to leave a bare "Not Found"
 * and nothing on standard error: each now logs one line saying what is
 * wrong and what to do, and nothing else.
 */

static void
test_first_hour_no_builtin_frontend (void)
{
  TauriApp *app;

  /* An id whose resource base path holds no front end. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "tauri://localhost/: the app has no built-in front end, no "
                         "resource:///org/example/Empty/frontend/index.html in its resources; *");
  app = test_ui_start_demo ("org.example.Empty", NULL);
  g_test_assert_expected_messages ();
  test_ui_stop (app);
}

static void
test_first_hour_frontend_without_index (void)
{
  g_autofree char *empty = g_build_filename (g_get_user_cache_dir (), "unbuilt", NULL);
  TauriApp *app;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "tauri://localhost/: the front end * has no index.html; build it, *");
  app = test_ui_start_demo ("org.example.Unbuilt", empty);
  g_test_assert_expected_messages ();
  test_ui_stop (app);
}

static void
test_first_hour_missing_page (void)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "missing-page-frontend", NULL);
  TauriApp *app;

  /* A page, even without --dev. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "tauri://localhost/missing.html: not found in the front end *missing-page-frontend");
  app = test_ui_start_demo ("org.example.MissingPage", frontend);
  g_test_assert_expected_messages ();
  test_ui_stop (app);
}

/* test_ui_start_demo(), with --dev. */
static TauriApp *
start_in_developer_mode (const char *frontend)
{
  g_autoptr(GError) error = NULL;
  TauriApp *app = TAURI_APP (g_object_new (DEMO_TYPE_APP,
                                           "application-id", "org.example.MissingFileDev",
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "frontend", frontend,
                                           "developer-mode", TRUE,
                                           NULL));

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_ui_wait_for_load (tauri_app_get_window (app, "main"));

  return app;
}

static void
count_message_cb (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  guint *count = user_data;

  g_printerr ("# unexpected: %s\n", message);
  (*count)++;
}

static void
test_first_hour_missing_file (void)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "missing-file-frontend", NULL);
  guint messages = 0;
  guint handler;
  TauriApp *app;

  /* Without --dev, a missing script says nothing: pages may probe. */
  handler = g_log_set_handler ("Tauri", G_LOG_LEVEL_MESSAGE, count_message_cb, &messages);
  app = test_ui_start_demo ("org.example.MissingFile", frontend);
  test_ui_stop (app);
  g_log_remove_handler ("Tauri", handler);
  g_assert_cmpuint (messages, ==, 0);

  /* With it (--dev), it says so. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "tauri://localhost/missing.js: not found in the front end *missing-file-frontend");
  app = start_in_developer_mode (frontend);
  g_test_assert_expected_messages ();
  test_ui_stop (app);
}

static void
test_first_hour_relative_frontend (void)
{
  g_autoptr(TauriApp) app = tauri_app_new ("org.example.Relative", G_APPLICATION_NON_UNIQUE);
  g_autofree char *expected = g_canonicalize_filename ("web", NULL);

  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "The front end “web” is a relative path, taken from the current directory as *");
  tauri_app_set_frontend (app, "web");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (tauri_app_get_frontend (app), ==, expected);

  /* Absolute paths and URLs are taken as they are, quietly. */
  tauri_app_set_frontend (app, "/srv/web");
  g_assert_cmpstr (tauri_app_get_frontend (app), ==, "/srv/web");
  tauri_app_set_frontend (app, "http://localhost:5173");
  g_assert_cmpstr (tauri_app_get_frontend (app), ==, "http://localhost:5173");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = test_isolate_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  test_ui_add ("/Tauri/FirstHour/no-builtin-frontend", test_first_hour_no_builtin_frontend);
  test_ui_add ("/Tauri/FirstHour/frontend-without-index", test_first_hour_frontend_without_index);
  test_ui_add ("/Tauri/FirstHour/missing-page", test_first_hour_missing_page);
  test_ui_add ("/Tauri/FirstHour/missing-file", test_first_hour_missing_file);
  test_ui_add ("/Tauri/FirstHour/relative-frontend", test_first_hour_relative_frontend);

  status = g_test_run ();
  test_remove_tree (root);

  return status;
}
