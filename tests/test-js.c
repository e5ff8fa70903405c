/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "test-isolation.h"
#include "test-ui.h"

/*
 * Front ends built with the real @tauri-apps/api from npm, v2 and v1,
 * bundled by esbuild (tests/js/src), run unmodified against the demo app:
 * the functions of the page's window.tests are called here, and what they
 * return is checked.
 */

#define APP_ID "io.github.taurigtk.Demo.Tests"

static TauriApp *app;
static char *asset_dir;
static char *outside_dir;
static GSubprocess *window_manager;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

/* Calls window.tests.<call> in @window and returns its value as JSON. */
static char *
call_in (TauriWindow *window,
         const char  *call)
{
  g_autofree char *body = g_strdup_printf ("return JSON.stringify(await window.tests.%s);", call);

  return test_ui_run_js (window, NULL, body);
}

#define assert_call(window, call, expected) \
  G_STMT_START { \
    g_autofree char *_result = call_in ((window), (call)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

static JsonObject *
call_object (TauriWindow *window,
             const char  *call,
             JsonNode   **node)
{
  g_autofree char *result = call_in (window, call);
  g_autoptr(GError) error = NULL;

  *node = json_from_string (result, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*node));

  return json_node_get_object (*node);
}

static void
test_v2_invoke (void)
{
  assert_call (main_window (), "invoke()",
               "[true,"
               "{\"ok\":\"Hello from C!\"},"
               "{\"ok\":null},"
               "{\"err\":\"This failed!\"},"
               "{\"ok\":{\"message\":\"Called from main\",\"other_val\":50}},"
               "{\"err\":\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"},"
               "{\"err\":\"Command nope not found\"},"
               "{\"ok\":\"Hello from C!\"}]");
}

static void
test_v2_unsupported (void)
{
  assert_call (main_window (), "unsupported()",
               "[{\"err\":\"Command plugin:window|center is not supported by tauri-gtk\"},"
               "{\"err\":\"Command plugin:window|set_always_on_top is not supported by tauri-gtk\"},"
               /* No plugin grants what no capability can name, as in Tauri. */
               "{\"err\":\"Command plugin:shell|execute not allowed by ACL\"}]");
}

static TauriWindow *
open_second (void)
{
  TauriWindow *second = tauri_app_get_window (app, "second");
  g_autoptr(GError) error = NULL;

  if (second == NULL)
    {
      second = tauri_app_open_window (app, "second", &error);
      g_assert_no_error (error);
      test_ui_wait_for_load (second);
    }

  return second;
}

static void
test_v2_events (void)
{
  TauriWindow *second = open_second ();

  assert_call (main_window (), "listenAll()", "\"main\"");
  assert_call (second, "listenAll()", "\"second\"");

  /* emit() reaches every listener; emitTo() the listeners of that target
   * and those that listen to any target. once() hears one event. */
  assert_call (main_window (), "emit('js-event', 1)", "{}");
  assert_call (main_window (), "emitTo('second', 'js-event', 2)", "{}");
  assert_call (second, "emitTo('main', 'js-event', 3)", "{}");
  assert_call (second, "emit('js-once', 4)", "{}");
  assert_call (second, "emit('js-once', 5)", "{}");
  assert_call (main_window (), "emit('js-done')", "{}");

  assert_call (main_window (), "received()",
               "[[\"any\",1],[\"window\",1],[\"label main\",1],"
               "[\"any\",2],"
               "[\"any\",3],[\"window\",3],[\"label main\",3],"
               "[\"once\",4],"
               "[\"done\"]]");
  assert_call (second, "received()",
               "[[\"any\",1],[\"window\",1],[\"label main\",1],"
               "[\"any\",2],[\"window\",2],"
               "[\"any\",3],[\"label main\",3],"
               "[\"once\",4],"
               "[\"done\"]]");

  /* After unlisten, nothing arrives; `js-done` still does. */
  assert_call (second, "unlistenAll()", "true");
  assert_call (main_window (), "emit('js-event', 6)", "{}");
  assert_call (main_window (), "emit('js-done')", "{}");
  assert_call (second, "received()", "[[\"done\"]]");
  assert_call (main_window (), "received()", "[[\"any\",6],[\"window\",6],[\"label main\",6],[\"done\"]]");
  assert_call (main_window (), "unlistenAll()", "true");

  assert_call (main_window (), "emit('bad name', 1)",
               "{\"err\":\"Event name must include only alphanumeric characters, `-`, `/`, `:` and `_`.\"}");
}

static void
test_v2_events_from_c (void)
{
  g_autoptr(JsonNode) early = json_from_string ("\"early\"", NULL);
  g_autoptr(JsonNode) late = json_from_string ("{\"late\":true}", NULL);

  /* Emitted before anyone listens: not kept, as in Tauri. */
  tauri_app_emit (app, "js-event", early);

  assert_call (main_window (), "listenAll()", "\"main\"");
  tauri_app_emit (app, "js-event", late);
  tauri_app_emit_to (app, "second", "js-event", NULL);
  tauri_app_emit_to (app, "main", "js-event", NULL);
  tauri_app_emit (app, "js-done", NULL);

  assert_call (main_window (), "received()",
               "[[\"any\",{\"late\":true}],[\"window\",{\"late\":true}],[\"label main\",{\"late\":true}],"
               "[\"any\",null],"
               "[\"any\",null],[\"window\",null],[\"label main\",null],"
               "[\"done\"]]");
  assert_call (main_window (), "unlistenAll()", "true");
}

static void
test_v2_ping_pong (void)
{
  assert_call (main_window (), "pingPong()", "[\"demo://pong\",{\"from\":\"main\"}]");
  assert_call (open_second (), "pingPong()", "[\"demo://pong\",{\"from\":\"second\"}]");
}

static void
test_v2_channel (void)
{
  assert_call (main_window (), "channel(10000)", "[10000,10000,true,true]");
  assert_call (main_window (), "channel(0)", "[0,0,true,true]");
}

static void
test_v2_raw_bytes (void)
{
  assert_call (main_window (), "rawBytes(32 * 1024 * 1024)", "[true,33554432,true]");
  assert_call (main_window (), "rawBytes(1)", "[true,1,true]");
}

static void
test_v2_window_api (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *results;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (main_window ()));

  open_second ();
  results = call_object (main_window (), "windowApi()", &node);

  g_assert_cmpstr (json_object_get_string_member (results, "label"), ==, "main");
  g_assert_cmpstr (json_object_get_string_member (results, "title"), ==, "js suite");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (main_window ())), ==, "js suite");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (results, "resized"), "width"), ==, 640 * scale);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (results, "innerSize"), "width"), ==, 640 * scale);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (results, "innerSize"), "height"), ==, 480 * scale);
  g_assert_true (json_object_get_boolean_member (results, "maximized"));
  g_assert_true (json_object_get_boolean_member (results, "unmaximized"));
  g_assert_true (json_object_get_boolean_member (results, "fullscreen"));
  g_assert_true (json_object_get_boolean_member (results, "notFullscreen"));
  g_assert_true (json_object_get_boolean_member (results, "hidden"));
  g_assert_true (json_object_get_boolean_member (results, "shown"));
  g_assert_true (json_object_get_boolean_member (results, "minimized"));
  g_assert_true (json_object_get_boolean_member (results, "focused"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (results, "windows"), 0), ==, "main");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (results, "windows"), 1), ==, "second");
}

static void
test_v2_close_requested (void)
{
  TauriWindow *second = open_second ();

  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);

  /* Refused once: still there after answering; then closed. */
  assert_call (second, "refuseFirstClose()", "1");
  g_assert_nonnull (second);
  g_assert_nonnull (tauri_app_get_window (app, "second"));
  while (second != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (tauri_app_get_window (app, "second"));
}

static void
test_v2_app_api (void)
{
  g_autofree char *expected = g_strdup_printf ("[\"%s\",\"1.2.3\",\"" APP_ID "\",\"%s\"]",
                                               g_get_application_name (), TAURI_VERSION_S);

  assert_call (main_window (), "appApi()", expected);
}

static void
test_v2_path_api (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *paths = call_object (main_window (), "pathApi()", &node);
  g_autofree char *app_data = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *app_config = g_build_filename (g_get_user_config_dir (), APP_ID, NULL);
  g_autofree char *app_cache = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);

  g_assert_cmpstr (json_object_get_string_member (paths, "sep"), ==, "/");
  g_assert_cmpstr (json_object_get_string_member (paths, "delimiter"), ==, ":");
  g_assert_cmpstr (json_object_get_string_member (paths, "appDataDir"), ==, app_data);
  g_assert_cmpstr (json_object_get_string_member (paths, "appConfigDir"), ==, app_config);
  g_assert_cmpstr (json_object_get_string_member (paths, "appCacheDir"), ==, app_cache);
  g_assert_cmpstr (json_object_get_string_member (paths, "homeDir"), ==, g_get_home_dir ());
  g_assert_cmpstr (json_object_get_string_member (paths, "tempDir"), ==, g_get_tmp_dir ());
  g_assert_cmpstr (json_object_get_string_member (paths, "resolve"), ==, "/usr/share/doc");
  g_assert_cmpstr (json_object_get_string_member (paths, "resolveRelative"), ==, "/srv/a/c");
  g_assert_cmpstr (json_object_get_string_member (paths, "join"), ==, "a/c/d.txt");
  g_assert_cmpstr (json_object_get_string_member (paths, "basename"), ==, "file.tar.gz");
  g_assert_cmpstr (json_object_get_string_member (paths, "basenameExt"), ==, "page");
  g_assert_cmpstr (json_object_get_string_member (paths, "dirname"), ==, "/tmp/dir");
  g_assert_cmpstr (json_object_get_string_member (paths, "extname"), ==, "gz");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (paths, "noExtname"), "err"), ==,
                   "Couldn't get the extension of the file");
}

static void
test_v2_asset (void)
{
  g_autofree char *inside = g_build_filename (asset_dir, "hello world.txt", NULL);
  g_autofree char *outside = g_build_filename (outside_dir, "secret.txt", NULL);
  g_autofree char *call = g_strdup_printf ("asset('%s', '%s')", inside, outside);
  g_autofree char *expected = NULL;
  g_autofree char *encoded = g_uri_escape_string (inside, NULL, FALSE);

  g_assert_true (g_file_set_contents (inside, "0123456789", -1, NULL));
  g_assert_true (g_file_set_contents (outside, "not for the page", -1, NULL));

  expected = g_strdup_printf ("[\"asset://localhost/%s\","
                              "[200,\"text/plain; charset=utf-8\",null,\"0123456789\"],"
                              "[206,\"text/plain; charset=utf-8\",\"bytes 2-4/10\",\"234\"],"
                              "[206,\"text/plain; charset=utf-8\",\"bytes 7-9/10\",\"789\"],"
                              "[403,\"text/plain; charset=utf-8\",null,\"Forbidden\"],"
                              "[404,\"text/plain; charset=utf-8\",null,\"Not Found\"]]",
                              encoded);
  assert_call (main_window (), call, expected);
}

static void
test_v1 (void)
{
  WebKitWebView *web_view = tauri_window_get_web_view (main_window ());

  webkit_web_view_load_uri (web_view, "tauri://localhost/v1.html");
  test_ui_wait_for_load (main_window ());

  assert_call (main_window (), "invoke()",
               "[{\"ok\":\"Hello from C!\"},"
               "{\"ok\":null},"
               "{\"err\":\"This failed!\"},"
               "{\"ok\":{\"message\":\"Called from main\",\"other_val\":43}},"
               "{\"err\":\"Command nope not found\"},"
               "{\"err\":\"invalid args `invokeMessage` for command `log_message`: expected a string, got a number\"}]");
  assert_call (main_window (), "globals()",
               "[\"function\",{\"ok\":\"Hello from C!\"},{\"ok\":\"Hello from C!\"},"
               "\"asset://localhost/%2Ftmp%2Fa%20b.png\"]");
  assert_call (main_window (), "modules()",
               "{\"err\":\"Command tauri (module Window, cmd manage) is not supported by tauri-gtk\"}");
}

/* Maximizing, going fullscreen and minimizing take a window manager, which
 * a bare X server has not: start one, and wait until it runs. */
static void
start_window_manager (const char *root)
{
  g_autofree char *ready = g_build_filename (root, "wm-ready", NULL);
  g_autofree char *startup = g_strdup_printf ("touch '%s'", ready);
  g_autoptr(GError) error = NULL;

  window_manager = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                     "openbox", "--sm-disable", "--startup", startup, NULL);
  g_assert_no_error (error);

  while (!g_file_test (ready, G_FILE_TEST_EXISTS))
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = test_isolate_dirs ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  asset_dir = g_build_filename (root, "assets", NULL);
  outside_dir = g_build_filename (root, "outside", NULL);
  g_assert_cmpint (g_mkdir (asset_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (outside_dir, 0700), ==, 0);

  start_window_manager (root);
  g_set_application_name ("tauri-gtk js suite");
  test_ui_capture_prints (TRUE);
  app = test_ui_start_demo (APP_ID, g_getenv ("JS_FRONTEND"));
  test_ui_capture_prints (FALSE);
  tauri_app_set_version (app, "1.2.3");
  tauri_app_add_asset_scope (app, asset_dir);

  test_ui_add ("/Tauri/Js/v2/invoke", test_v2_invoke);
  test_ui_add ("/Tauri/Js/v2/unsupported", test_v2_unsupported);
  test_ui_add ("/Tauri/Js/v2/events", test_v2_events);
  test_ui_add ("/Tauri/Js/v2/events-from-c", test_v2_events_from_c);
  test_ui_add ("/Tauri/Js/v2/ping-pong", test_v2_ping_pong);
  test_ui_add ("/Tauri/Js/v2/channel", test_v2_channel);
  test_ui_add ("/Tauri/Js/v2/raw-bytes", test_v2_raw_bytes);
  test_ui_add ("/Tauri/Js/v2/window-api", test_v2_window_api);
  test_ui_add ("/Tauri/Js/v2/close-requested", test_v2_close_requested);
  test_ui_add ("/Tauri/Js/v2/app-api", test_v2_app_api);
  test_ui_add ("/Tauri/Js/v2/path-api", test_v2_path_api);
  test_ui_add ("/Tauri/Js/v2/asset", test_v2_asset);
  test_ui_add ("/Tauri/Js/v1/all", test_v1);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  g_subprocess_force_exit (window_manager);
  g_clear_object (&window_manager);
  g_free (asset_dir);
  g_free (outside_dir);
  test_remove_tree (root);

  return status;
}
