/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tauri.h"
#include "tauri-app-config-private.h"
#include "tauri-app-private.h"
#include "tauri-assets-private.h"

/* tauri.conf.json as Tauri's schema has it, and the page's
 * Content-Security-Policy as Tauri sends it. */

static TauriAppConfig *
parse (const char *json,
       const char *expected_problems)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TauriAppConfig *config;

  config = _tauri_app_config_parse (json, strlen (json), "/project/src-tauri", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_cmpstr (problems->str, ==, expected_problems);

  return config;
}

/* create-tauri-app's vanilla template, as it renders. */
static void
test_config_template (void)
{
  g_autoptr(TauriAppConfig) config = parse (
    "{\n"
    "  \"$schema\": \"https://schema.tauri.app/config/2\",\n"
    "  \"productName\": \"tauri-app\",\n"
    "  \"version\": \"0.1.0\",\n"
    "  \"identifier\": \"com.example.tauri-app\",\n"
    "  \"build\": {\n"
    "    \"frontendDist\": \"../src\"\n"
    "  },\n"
    "  \"app\": {\n"
    "    \"withGlobalTauri\": true,\n"
    "    \"windows\": [\n"
    "      { \"title\": \"tauri-app\", \"width\": 800, \"height\": 600 }\n"
    "    ],\n"
    "    \"security\": { \"csp\": null }\n"
    "  },\n"
    "  \"bundle\": { \"active\": true, \"targets\": \"all\", \"icon\": [\"icons/32x32.png\"] }\n"
    "}\n", "");
  const TauriWindowConfig *window;

  g_assert_cmpstr (config->product_name, ==, "tauri-app");
  g_assert_cmpstr (config->version, ==, "0.1.0");
  g_assert_cmpstr (config->identifier, ==, "com.example.tauri-app");
  g_assert_cmpstr (config->frontend_dist, ==, "/project/src");
  g_assert_true (config->has_with_global_tauri && config->with_global_tauri);
  g_assert_true (config->has_csp);
  g_assert_null (config->csp);
  g_assert_null (config->dev_url);

  g_assert_cmpuint (config->windows->len, ==, 1);
  window = _tauri_app_config_find_window (config, "main");
  g_assert_nonnull (window);
  g_assert_cmpstr (window->title, ==, "tauri-app");
  g_assert_cmpfloat (window->width, ==, 800);
  g_assert_cmpfloat (window->height, ==, 600);
  g_assert_true (window->resizable && window->visible && window->decorations && window->focus && window->create);
  g_assert_false (window->maximized || window->fullscreen);
  g_assert_null (_tauri_app_config_find_window (config, "other"));
}

static void
test_config_full (void)
{
  g_autoptr(TauriAppConfig) config = parse (
    "{\"app\": {\"windows\": [{\"label\": \"editor\", \"url\": \"editor.html\", \"minWidth\": 300,"
    "                         \"minHeight\": 200.5, \"resizable\": false, \"maximized\": true,"
    "                         \"fullscreen\": true, \"visible\": false, \"decorations\": false, \"focus\": false,"
    "                         \"create\": false},"
    "                        {}],"
    "          \"security\": {\"csp\": {\"default-src\": \"'self'\", \"connect-src\": [\"ipc:\", \"http://ipc.localhost\"]},"
    "                         \"devCsp\": \"default-src *\","
    "                         \"dangerousDisableAssetCspModification\": [\"style-src\"],"
    "                         \"assetProtocol\": {\"enable\": true, \"scope\": {\"allow\": [\"$APPDATA/**\"], \"deny\": []}}}},"
    " \"build\": {\"devUrl\": \"http://localhost:1420\","
    "           \"beforeDevCommand\": {\"script\": \"npm run dev\", \"cwd\": \"../web\", \"wait\": false}}}",
    "");
  const TauriWindowConfig *editor = g_ptr_array_index (config->windows, 0);
  const TauriWindowConfig *plain = g_ptr_array_index (config->windows, 1);

  g_assert_cmpstr (editor->label, ==, "editor");
  g_assert_cmpstr (editor->url, ==, "editor.html");
  g_assert_cmpfloat (editor->min_width, ==, 300);
  g_assert_cmpfloat (editor->min_height, ==, 200.5);
  g_assert_false (editor->resizable || editor->visible || editor->decorations || editor->focus || editor->create);
  g_assert_true (editor->maximized && editor->fullscreen);
  /* Tauri's defaults. */
  g_assert_cmpstr (plain->label, ==, "main");
  g_assert_null (plain->title);
  g_assert_cmpfloat (plain->width, ==, 800);
  g_assert_cmpfloat (plain->height, ==, 600);

  g_assert_cmpstr (config->csp, ==, "default-src 'self'; connect-src ipc: http://ipc.localhost");
  g_assert_cmpstr (config->dev_csp, ==, "default-src *");
  g_assert_cmpstrv (config->csp_keep_directives, ((const char * const []) { "style-src", NULL }));
  g_assert_true (config->asset_protocol);
  g_assert_cmpstrv (config->asset_scope, ((const char * const []) { "$APPDATA/**", NULL }));
  g_assert_cmpstr (config->dev_url, ==, "http://localhost:1420");
  g_assert_cmpstr (config->before_dev_command, ==, "npm run dev");
  g_assert_cmpstr (config->before_dev_cwd, ==, "/project/web");
  g_assert_false (config->has_with_global_tauri);
  g_assert_true (config->with_global_tauri);
}

static void
test_config_dev_command (void)
{
  g_autoptr(TauriAppConfig) config = parse (
    "{\"build\": {\"devUrl\": \"http://localhost:1420/\", \"beforeDevCommand\": \"npm run dev\","
    "            \"frontendDist\": \"https://example.com/app\"}}", "");

  /* `tauri dev` runs it in the project, the parent of src-tauri. */
  g_assert_cmpstr (config->before_dev_cwd, ==, "/project");
  g_assert_cmpstr (config->frontend_dist, ==, "https://example.com/app");
}

/* Tauri 1's places for the same things. */
static void
test_config_v1 (void)
{
  g_autoptr(TauriAppConfig) config = parse (
    "{\"package\": {\"productName\": \"old-app\", \"version\": \"1.2.3\"},"
    " \"build\": {\"distDir\": \"../dist\", \"devPath\": \"http://localhost:1420\", \"withGlobalTauri\": false},"
    " \"tauri\": {\"bundle\": {\"identifier\": \"com.example.old\"},"
    "           \"windows\": [{\"title\": \"Old\", \"width\": 640, \"height\": 480}],"
    "           \"security\": {\"csp\": \"default-src 'self'\"}}}", "");

  g_assert_cmpstr (config->product_name, ==, "old-app");
  g_assert_cmpstr (config->version, ==, "1.2.3");
  g_assert_cmpstr (config->identifier, ==, "com.example.old");
  g_assert_cmpstr (config->frontend_dist, ==, "/project/dist");
  g_assert_cmpstr (config->dev_url, ==, "http://localhost:1420");
  g_assert_true (config->has_with_global_tauri);
  g_assert_false (config->with_global_tauri);
  g_assert_cmpstr (config->csp, ==, "default-src 'self'");
  g_assert_cmpstr (((TauriWindowConfig *) g_ptr_array_index (config->windows, 0))->title, ==, "Old");
}

static void
test_config_package_version (void)
{
  g_autofree char *directory = g_dir_make_tmp ("config-XXXXXX", NULL);
  g_autofree char *package = g_build_filename (directory, "package.json", NULL);
  g_autofree char *subdirectory = g_build_filename (directory, "src-tauri", NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(TauriAppConfig) config = NULL;
  const char *json = "{\"version\": \"../package.json\"}";

  g_assert_true (g_file_set_contents (package, "{\"name\": \"x\", \"version\": \"2.0.1\"}", -1, NULL));
  config = _tauri_app_config_parse (json, strlen (json), subdirectory, problems, NULL);
  g_assert_cmpstr (config->version, ==, "2.0.1");
  g_assert_cmpstr (problems->str, ==, "");
  g_clear_pointer (&config, _tauri_app_config_free);

  g_assert_cmpint (g_remove (package), ==, 0);
  config = _tauri_app_config_parse (json, strlen (json), subdirectory, problems, NULL);
  g_assert_null (config->version);
  g_assert_cmpstr (problems->str, ==, "version: expected a version, or a package.json that has one");
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

/* Each member of the wrong type, named by its path; the rest still read. */
static void
test_config_wrong_types (void)
{
  g_autoptr(TauriAppConfig) config = parse (
    "{\"productName\": 3, \"version\": \"0.2.0\", \"identifier\": [],"
    " \"app\": {\"windows\": [{\"width\": \"800\", \"height\": -1, \"title\": \"ok\", \"resizable\": 1},"
    "                        7],"
    "          \"security\": {\"csp\": 42, \"assetProtocol\": {\"enable\": \"yes\", \"scope\": [1]}},"
    "          \"withGlobalTauri\": \"true\"},"
    " \"build\": {\"frontendDist\": false, \"devUrl\": \"localhost:1420\", \"beforeDevCommand\": {}}}",
    "productName: expected a string\n"
    "identifier: expected a string\n"
    "app.windows[0].width: expected a number\n"
    "app.windows[0].height: expected a number\n"
    "app.windows[0].resizable: expected true or false\n"
    "app.windows[1]: expected an object\n"
    "app.security.csp: expected a string, an object of directives or null\n"
    "app.security.assetProtocol.enable: expected true or false\n"
    "app.security.assetProtocol.scope: expected a list of strings\n"
    "app.withGlobalTauri: expected true or false\n"
    "build.frontendDist: expected a string\n"
    "build.devUrl: expected an http:// or https:// URL\n"
    "build.beforeDevCommand.script: expected a string");

  g_assert_null (config->product_name);
  g_assert_cmpstr (config->version, ==, "0.2.0");
  g_assert_cmpuint (config->windows->len, ==, 1);
  g_assert_cmpstr (((TauriWindowConfig *) g_ptr_array_index (config->windows, 0))->title, ==, "ok");
  g_assert_cmpfloat (((TauriWindowConfig *) g_ptr_array_index (config->windows, 0))->width, ==, 800);
  g_assert_false (config->has_csp);

  {
    g_autoptr(TauriAppConfig) other = parse ("{\"app\": [], \"build\": \"x\"}",
                                             "app: expected an object\nbuild: expected an object");
  }
}

static void
test_config_malformed (void)
{
  static const char * const cases[] = { "", "{", "[]", "\"x\"", "{\"a\": 1,}" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_assert_null (_tauri_app_config_parse (cases[i], strlen (cases[i]), "/", problems, &error));
      g_assert_error (error, TAURI_APP_ERROR, TAURI_APP_ERROR_INVALID_CONFIG);
      g_assert_true (g_str_has_prefix (error->message, "not a Tauri configuration: "));
    }
}

/* Members tauri-gtk does not read are named, at debug level. */
static void
test_config_unread (void)
{
  g_autoptr(TauriAppConfig) config = NULL;

  g_test_expect_message ("Tauri", G_LOG_LEVEL_DEBUG, "tauri.conf.json: `app.windows[0].transparent` is not read by tauri-gtk");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_DEBUG, "tauri.conf.json: `app.trayIcon` is not read by tauri-gtk");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_DEBUG, "tauri.conf.json: `bundle` is not read by tauri-gtk");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_DEBUG, "tauri.conf.json: `productNmae` is not read by tauri-gtk");
  config = parse ("{\"$schema\": \"x\", \"app\": {\"windows\": [{\"transparent\": true}], \"trayIcon\": {}},"
                  " \"bundle\": {}, \"productNmae\": \"typo\"}", "");
  g_test_assert_expected_messages ();
}

static void
test_config_load (void)
{
  g_autoptr(TauriApp) app = tauri_app_new ("org.example.Config", G_APPLICATION_NON_UNIQUE);
  g_autofree char *directory = g_dir_make_tmp ("config-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "tauri.conf.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path,
    "{\"productName\": \"Shown\", \"version\": \"3.1.4\","
    " \"app\": {\"security\": {\"csp\": \"default-src 'self'\"}, \"windows\": [{\"width\": \"wide\"}]}}", -1, NULL));
  g_assert_false (tauri_app_load_config (app, file, &error));
  g_assert_error (error, TAURI_APP_ERROR, TAURI_APP_ERROR_INVALID_CONFIG);
  g_assert_true (g_str_has_suffix (error->message, "tauri.conf.json: app.windows[0].width: expected a number"));
  g_clear_error (&error);

  /* The rest applied. */
  g_assert_cmpstr (tauri_app_get_version (app), ==, "3.1.4");
  g_assert_cmpstr (_tauri_app_get_name (app), ==, "Shown");
  g_assert_cmpstr (tauri_app_get_content_security_policy (app), ==, "default-src 'self'");
  g_assert_nonnull (_tauri_app_find_window_config (app, "main"));

  /* `null`: no policy, as by default. */
  g_assert_true (g_file_set_contents (path, "{\"app\": {\"security\": {\"csp\": null}}}", -1, NULL));
  g_assert_true (tauri_app_load_config (app, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tauri_app_get_content_security_policy (app), ==, "");
  /* A later file without windows keeps the earlier ones. */
  g_assert_nonnull (_tauri_app_find_window_config (app, "main"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_false (tauri_app_load_config (app, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

static void
assert_page_csp (TauriApp   *app,
                 const char *policy,
                 const char *html,
                 const char *expected)
{
  g_autofree char *csp = _tauri_assets_dup_page_csp (app, policy, html, strlen (html));

  g_assert_cmpstr (csp, ==, expected);
}

static void
test_config_page_csp (void)
{
  g_autoptr(TauriApp) app = tauri_app_new ("org.example.Csp", G_APPLICATION_NON_UNIQUE);
  TauriAppPrivate *priv = _tauri_app_get_private (app);
  /* Tauri's commands example: a script, a style, and a script file. */
  static const char page[] =
    "<!doctype html><html><head>\n"
    "<STYLE type=\"text/css\">body { margin: 0 }</STYLE>\n"
    "<script src=\"main.js\"></script>\n"
    "<!-- <script>not this one</script> -->\n"
    "<script type='module'>window.ran = true;</script>\n"
    "</head><body><script>\n  const x = 1;\n</script></body></html>";

  /* sha256 of `window.ran = true;`, of `\n  const x = 1;\n` and of
   * `body { margin: 0 }`; 'self' where Tauri adds it. */
  assert_page_csp (app, "default-src 'self'; connect-src ipc: http://ipc.localhost", page,
                   "default-src 'self'; connect-src ipc: http://ipc.localhost tauri://localhost; "
                   "script-src 'self' 'sha256-9OqpFbZ3hGTNGXfQ8qfXGVmJZgqL2BPI/bk3xuR9Aq0=' "
                   "'sha256-qdStue+0evJCClwSh6rzOQ9T5YdfOE8f0LHEAu7YsGM='; "
                   "style-src 'self' 'sha256-mX+s7KJgWpgxJola85xdpAFPBQaV091gzM2oPjgTW2w='");
  /* connect-src from default-src when there is none; 'none' stays none. */
  assert_page_csp (app, "default-src 'self' https://api.example.com", "<p>static</p>",
                   "default-src 'self' https://api.example.com; "
                   "connect-src 'self' https://api.example.com tauri://localhost");
  assert_page_csp (app, "connect-src 'none'; IMG-SRC *", "", "connect-src 'none'; img-src *");
  assert_page_csp (app, "img-src *", "<script>x</script>",
                   "img-src *; script-src 'self' 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='");

  /* dangerousDisableAssetCspModification. */
  priv->csp_keep_directives = g_strdupv ((char **) (const char * const []) { "script-src", NULL });
  assert_page_csp (app, "img-src *", "<script>x</script><style>y</style>",
                   "img-src *; style-src 'self' 'sha256-ofzkNjhU/4iM/0uOeHXWAMJoI5BBKoz3mzfQsRFIsPo='");
  priv->csp_keep = TRUE;
  assert_page_csp (app, "img-src *", "<script>x</script>", "img-src *");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Config/template", test_config_template);
  g_test_add_func ("/Tauri/Config/full", test_config_full);
  g_test_add_func ("/Tauri/Config/dev-command", test_config_dev_command);
  g_test_add_func ("/Tauri/Config/v1", test_config_v1);
  g_test_add_func ("/Tauri/Config/package-version", test_config_package_version);
  g_test_add_func ("/Tauri/Config/wrong-types", test_config_wrong_types);
  g_test_add_func ("/Tauri/Config/malformed", test_config_malformed);
  g_test_add_func ("/Tauri/Config/unread", test_config_unread);
  g_test_add_func ("/Tauri/Config/load", test_config_load);
  g_test_add_func ("/Tauri/Config/page-csp", test_config_page_csp);

  return g_test_run ();
}
