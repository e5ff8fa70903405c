/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "test-isolation.h"
#include "test-ui.h"
#include "tauri-plugin-fs-private.h"
#include "tauri-plugins-private.h"

/*
 * Tauri's official plugins through their real npm packages
 * (tests/plugins/src/plugins.js), in a real web view: store, fs inside and
 * outside its scope, os, clipboard, log, window-state across two starts,
 * process (the demo binary exits and relaunches), and the refusal of
 * plugin commands that no capability grants.
 */

#define APP_ID "io.github.taurigtk.Demo.Plugins"

static TauriApp *app;
static char *root;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

static char *
call_in (TauriWindow *window,
         const char  *call)
{
  g_autofree char *body = g_strdup_printf ("return JSON.stringify(await window.tests.%s);", call);

  return test_ui_run_js (window, NULL, body);
}

#define assert_call(call, expected) \
  G_STMT_START { \
    g_autofree char *_result = call_in (main_window (), (call)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

static JsonNode *
call_json (const char *call)
{
  g_autofree char *result = call_in (main_window (), call);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (result, &error);

  g_assert_no_error (error);
  return node;
}

static char *
member_json (JsonObject *object,
             const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_to_string (json_object_get_member (object, name), FALSE);
}

#define assert_member(object, name, expected) \
  G_STMT_START { \
    g_autofree char *_json = member_json ((object), (name)); \
    g_assert_cmpstr (_json, ==, (expected)); \
  } G_STMT_END

static void
test_store (void)
{
  g_autoptr(JsonNode) node = call_json ("store()");
  JsonObject *results = json_node_get_object (node);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "settings.json", NULL);
  g_autofree char *contents = NULL;

  assert_member (results, "same", "true");
  assert_member (results, "found", "true");
  assert_member (results, "missingStore", "null");
  assert_member (results, "theme", "\"light\"");
  assert_member (results, "volume", "7");
  assert_member (results, "missing", "true");
  assert_member (results, "has", "[true,false]");
  assert_member (results, "keys", "[\"nested\",\"theme\",\"volume\"]");
  assert_member (results, "length", "3");
  assert_member (results, "entries", "[[\"nested\",{\"a\":[1,2.5,\"x\"]}],[\"theme\",\"light\"],[\"volume\",7]]");
  assert_member (results, "deleted", "[true,false]");
  assert_member (results, "afterReset", "[[\"theme\",\"light\"]]");
  /* reset() left `theme` as it was: no change for it. */
  assert_member (results, "changes", "[[\"volume\",7],[\"nested\",{\"a\":[1,2.5,\"x\"]}],[\"volume\",null],"
                                     "[\"nested\",null]]");
  assert_member (results, "closed", "{\"err\":\"The resource id 1 is invalid.\"}");
  assert_member (results, "reopened", "true");
  assert_member (results, "lazy", "1");
  assert_member (results, "badRid", "{\"err\":\"The resource id 999999 is invalid.\"}");

  /* Written atomically into the application's data directory. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"theme\":\"light\",\"kept\":true}");

  /* autoSave (100 ms by default) writes `autosaved` without a save(). */
  while (strstr (contents, "autosaved") == NULL)
    {
      g_clear_pointer (&contents, g_free);
      g_main_context_iteration (NULL, TRUE);
      g_file_get_contents (path, &contents, NULL, NULL);
    }
  assert_call ("storeReload()", "[\"yes\",true]");
}

static void
test_ipc_values (void)
{
  assert_call ("ipcValues()", "[[1,2,255],[7,8],{\"a\":1,\"b\":[2]}]");
}

static void
test_fs (void)
{
  g_autofree char *inside = g_build_filename (root, "inside", NULL);
  g_autofree char *outside = g_build_filename (root, "outside", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.txt", NULL);
  g_autofree char *link = g_build_filename (inside, "link", NULL);
  g_autofree char *hidden = g_build_filename (inside, ".hidden", NULL);
  g_autofree char *app_data = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *from_base = g_build_filename (app_data, "from-base.txt", NULL);
  g_autofree char *written = NULL;
  g_autofree char *planted = g_build_filename (outside, "planted.txt", NULL);
  g_autofree char *call = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *expected = NULL;
  JsonObject *results;

  g_assert_cmpint (g_mkdir_with_parents (inside, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (app_data, 0700), ==, 0);
  g_assert_true (g_file_set_contents (secret, "not for the page", -1, NULL));
  g_assert_true (g_file_set_contents (hidden, "dot", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  /* What a dialog choice does, and what the scope of the app data grants. */
  _tauri_plugin_fs_allow_path (app, inside, TRUE, TRUE);
  _tauri_plugin_fs_allow_path (app, app_data, TRUE, TRUE);

  call = g_strdup_printf ("fsInside('%s')", inside);
  node = call_json (call);
  results = json_node_get_object (node);
  assert_member (results, "mkdir", "{}");
  assert_member (results, "writeText", "{}");
  assert_member (results, "readText", "{\"ok\":\"Grüße\\nline 2\\n\"}");
  assert_member (results, "writeBytes", "{}");
  assert_member (results, "append", "{}");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"failed to open file at path: %s/bytes.bin with error: "
                              "File exists (os error 17)\"}", inside);
  assert_member (results, "createNew", expected);
  assert_member (results, "baseDir", "{}");
  assert_member (results, "readBytes", "[0,1,2,255]");
  assert_member (results, "lines", "[\"Grüße\",\"line 2\",\"line 3\"]");
  assert_member (results, "exists", "[true,false]");
  assert_member (results, "readDir", "[[\"deeper\",false,true,false],[\"hello.txt\",true,false,false]]");
  assert_member (results, "stat", "[true,false,22,true,\"number\"]");
  assert_member (results, "size", "22");
  assert_member (results, "renamed", "\"Grü\"");
  assert_member (results, "handleRead", "[3,\"cde\"]");
  assert_member (results, "handleStat", "6");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (results, "closedHandle"), "err"),
                            "is invalid."));
  assert_member (results, "remove", "{}");
  assert_member (results, "removed", "false");
  assert_member (results, "baseDirRead", "{\"ok\":\"base\"}");

  /* Outside the scope: `..` is refused as an argument, the rest as a path. */
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&call, g_free);
  call = g_strdup_printf ("fsOutside('%s', '%s', '%s')", inside, outside, link);
  node = call_json (call);
  results = json_node_get_object (node);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"invalid args `path` for command `read_text_file`: invalid value: "
                              "string \\\"%s/../outside/secret.txt\\\", expected Unsafe PathBuf: cannot traverse "
                              "directory, rewrite the path without the use of `../`\"}", inside);
  assert_member (results, "parent", expected);
  assert_member (results, "parentBase", "{\"err\":\"invalid args `path` for command `read_text_file`: invalid value: "
                                        "string \\\"../secret.txt\\\", expected Unsafe PathBuf: cannot traverse "
                                        "directory, rewrite the path without the use of `../`\"}");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s\"}", secret);
  assert_member (results, "absolute", expected);
  assert_member (results, "exists", expected);
  assert_member (results, "remove", expected);
  assert_member (results, "url", expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s/secret.txt\"}", link);
  assert_member (results, "symlink", expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s/planted.txt\"}", link);
  assert_member (results, "symlinkCreate", expected);
  assert_member (results, "symlinkWrite", expected);
  assert_member (results, "writeParent", "{\"err\":\"invalid args `path` for command `write_text_file`: invalid value: "
                                         "string \\\"../planted.txt\\\", expected Unsafe PathBuf: cannot traverse "
                                         "directory, rewrite the path without the use of `../`\"}");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s/new\"}", outside);
  assert_member (results, "mkdir", expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s\"}", hidden);
  assert_member (results, "hidden", expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"err\":\"failed to open file at path: %s/missing.txt with error: "
                              "No such file or directory (os error 2)\"}", inside);
  assert_member (results, "notFile", expected);

  /* Written where it was said; nothing outside, and the secret is there. */
  g_assert_true (g_file_get_contents (from_base, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "base");
  g_assert_false (g_file_test (planted, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (secret, G_FILE_TEST_EXISTS));
}

static void
test_os (void)
{
  g_autoptr(JsonNode) node = call_json ("os()");
  JsonArray *values = json_node_get_array (node);
  g_autofree char *version = g_get_os_info (G_OS_INFO_KEY_VERSION_ID);

  g_assert_cmpstr (json_array_get_string_element (values, 0), ==, "linux");
  g_assert_cmpstr (json_array_get_string_element (values, 2), ==, "unix");
  g_assert_cmpstr (json_array_get_string_element (values, 3), ==, "linux");
  g_assert_cmpstr (json_array_get_string_element (values, 4), ==, version ? version : "unknown");
  g_assert_cmpstr (json_array_get_string_element (values, 5), ==, "\n");
  g_assert_cmpstr (json_array_get_string_element (values, 6), ==, "");
  /* The C locale has no language. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (values, 7)));
  g_assert_cmpstr (json_array_get_string_element (values, 8), ==, g_get_host_name ());
#if defined(__x86_64__)
  g_assert_cmpstr (json_array_get_string_element (values, 1), ==, "x86_64");
#endif
}

static void
test_clipboard (void)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (main_window ()));

  assert_call ("clipboard()",
               "[\"from the page ✓\",\"bold\",{\"err\":\"The clipboard contents were not available in the "
               "requested format or the clipboard is empty.\"}]");
  g_assert_null (gdk_clipboard_get_content (clipboard));
}

static void
test_log (void)
{
  assert_call ("log()", "[[3,\"an info\"],[4,\"a warning\"],[5,\"an error\"]]");
}

typedef struct
{
  gboolean  done;
  char     *errors;
} Run;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, NULL, &run->errors, NULL);
  run->done = TRUE;
}

/* Runs the demo binary on @frontend, whose page ends the program; a page
 * that never does fails the test with what the program printed. */
static int
run_demo (const char *frontend)
{
  g_autoptr(GSubprocess) demo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  Run run = { FALSE, NULL };

  demo = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           g_getenv ("DEMO_BINARY"), "--frontend", frontend, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (demo, NULL, NULL, communicated_cb, &run);

  while (!run.done)
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_subprocess_force_exit (demo);
          while (!run.done)
            g_main_context_iteration (NULL, TRUE);
          g_error ("The page of %s never ended the program, which printed:\n%s", frontend, run.errors);
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }

  g_free (run.errors);
  g_assert_true (g_subprocess_get_if_exited (demo));
  return g_subprocess_get_exit_status (demo);
}

/* The page of tests/plugins/window-state sizes its window to 701×503 and
 * quits on its first start; on the next, it exits with 51 when the window
 * came back at that size, 50 otherwise. */
static void
test_window_state (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), g_getenv ("DEMO_APP_ID"),
                                            ".window-state.json", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_demo (g_getenv ("WINDOW_STATE_FRONTEND")), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"main\":{\"width\":701,\"height\":503,"));

  g_assert_cmpint (run_demo (g_getenv ("WINDOW_STATE_FRONTEND")), ==, 51);
}

/* The page of tests/plugins/process counts its runs in a store: the first
 * relaunches, the others exit with 40 + the count: the relaunched one
 * with 42, unseen, and the next one started here with 43. */
static void
test_process (void)
{
  g_autofree char *store = g_build_filename (g_get_user_data_dir (), g_getenv ("DEMO_APP_ID"), "process.json", NULL);
  g_autofree char *contents = NULL;
  gint64 deadline;

  g_assert_cmpint (run_demo (g_getenv ("PROCESS_FRONTEND")), ==, 0);
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  /* The relaunched instance counts, then exits on its own. */
  while (!g_file_get_contents (store, &contents, NULL, NULL) || strstr (contents, "\"count\":2") == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The relaunched program never counted its run: %s", contents ? contents : "no store");
      g_clear_pointer (&contents, g_free);
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }

  g_assert_cmpint (run_demo (g_getenv ("PROCESS_FRONTEND")), ==, 43);
}

static gboolean
manifest_has (JsonObject *manifest,
              const char *member,
              const char *identifier)
{
  JsonArray *entries = json_object_get_array_member (manifest, member);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "identifier"), identifier))
        return TRUE;
    }

  return FALSE;
}

/* Each plugin's permission manifest has Tauri's allow- and deny-
 * permission for every command the plugin registers, and its default set
 * and other sets name only what it declares. */
static void
test_manifests (void)
{
  const char * const *names = _tauri_plugins_list_names ();
  g_auto(GStrv) commands = tauri_command_registry_list_names (tauri_app_get_registry (app));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = _tauri_plugins_dup_permissions (names[i]);
      g_autofree char *prefix = g_strdup_printf ("plugin:%s|", names[i]);
      g_autoptr(JsonNode) document = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *manifest;
      JsonArray *sets;

      g_assert_nonnull (bytes);
      document = json_from_string (g_bytes_get_data (bytes, NULL), &error);
      g_assert_no_error (error);
      manifest = json_node_get_object (document);

      for (guint j = 0; commands[j] != NULL; j++)
        {
          g_autofree char *slug = NULL;
          g_autofree char *allow = NULL;
          g_autofree char *deny = NULL;

          if (!g_str_has_prefix (commands[j], prefix))
            continue;
          slug = g_strdelimit (g_strdup (commands[j] + strlen (prefix)), "_", '-');
          allow = g_strconcat ("allow-", slug, NULL);
          deny = g_strconcat ("deny-", slug, NULL);
          if (!manifest_has (manifest, "permission", allow) || !manifest_has (manifest, "permission", deny))
            g_error ("%s: no %s or %s", names[i], allow, deny);
        }

      sets = json_object_get_array_member (manifest, "set");
      for (guint j = 0; j <= json_array_get_length (sets); j++)
        {
          JsonObject *set = j < json_array_get_length (sets) ? json_array_get_object_element (sets, j)
                                                             : json_object_get_object_member (manifest, "default");
          JsonArray *members = json_object_get_array_member (set, "permissions");

          for (guint k = 0; k < json_array_get_length (members); k++)
            {
              const char *member = json_array_get_string_element (members, k);

              if (!manifest_has (manifest, "permission", member) && !manifest_has (manifest, "set", member))
                g_error ("%s: a set names %s, which is not declared", names[i], member);
            }
        }
    }
}

/* A plugin command that no capability grants is refused with Tauri's
 * text, as is one that a capability denies though another grants it (the
 * demo's grants fs, os's hostname and store). */
static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;

  tauri_command_registry_load_capabilities_from_data (tauri_app_get_registry (app),
                                                      "{\"identifier\": \"denials\","
                                                      " \"windows\": [\"main\"],"
                                                      " \"permissions\": [\"fs:deny-read-text-file\","
                                                      " \"os:deny-hostname\", \"store:deny-load\"]}",
                                                      -1, &error);
  g_assert_no_error (error);

  assert_call ("denied()",
               "[{\"err\":\"Command plugin:fs|read_text_file not allowed by ACL\"},"
               "{\"err\":\"Command plugin:os|hostname not allowed by ACL\"},"
               "{\"err\":\"Command plugin:store|load not allowed by ACL\"},"
               "{\"err\":\"Command plugin:clipboard-manager|read_image not allowed by ACL\"}]");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  root = test_isolate_dirs ();
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  test_ui_capture_prints (TRUE);
  app = test_ui_start_demo (APP_ID, g_getenv ("PLUGINS_FRONTEND"));
  test_ui_capture_prints (FALSE);

  test_ui_add ("/Tauri/Plugins/store", test_store);
  test_ui_add ("/Tauri/Plugins/ipc-values", test_ipc_values);
  test_ui_add ("/Tauri/Plugins/fs", test_fs);
  test_ui_add ("/Tauri/Plugins/os", test_os);
  test_ui_add ("/Tauri/Plugins/clipboard", test_clipboard);
  test_ui_add ("/Tauri/Plugins/log", test_log);
  test_ui_add ("/Tauri/Plugins/window-state", test_window_state);
  test_ui_add ("/Tauri/Plugins/process", test_process);
  test_ui_add ("/Tauri/Plugins/manifests", test_manifests);
  test_ui_add ("/Tauri/Plugins/permissions", test_permissions);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  test_remove_tree (root);
  g_free (root);

  return status;
}
