/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tauri.h"
#include "test-isolation.h"
#include "test-ui.h"

/*
 * Tauri projects run as they are, with `--config src-tauri/tauri.conf.json`:
 * create-tauri-app's own templates rendered by its renderer (vanilla,
 * and react-ts built with npm's tsc and vite), a fixture shaped like
 * Tauri's commands example (tauri-commands/), the dev loop with a Vite
 * server started by `beforeDevCommand` (tauri-dev/), and bad
 * configurations. Each runs a TauriApp with g_application_run(), as an
 * application's main() does.
 */

static char *root;           /* the source tree, with node_modules */
static char *work;           /* projects are made here, below the tree */

/* The commands a ported project registers. */

static void
greet (TauriInvocation *invocation,
       gpointer         user_data)
{
  g_autofree char *text = g_strdup_printf ("Hello, %s! You've been greeted from C!",
                                           tauri_invocation_get_string (invocation, "name"));

  tauri_invocation_return_string (invocation, text);
}

static void
answer_argument (TauriInvocation *invocation,
                 gpointer         user_data)
{
  const char *argument = tauri_invocation_get_string (invocation, "the_argument");

  /* Result<String, MyError>: an empty or missing argument is FooError. */
  if (GPOINTER_TO_INT (user_data) == 1 && (argument == NULL || *argument == '\0'))
    tauri_invocation_return_error_message (invocation, "FooError");
  else if (GPOINTER_TO_INT (user_data) == 2)
    tauri_invocation_return_string (invocation, argument ? argument : "");
  else if (GPOINTER_TO_INT (user_data) == 0)
    tauri_invocation_return_value (invocation, NULL);
  else
    tauri_invocation_return_string (invocation, argument);
}

static JsonNode *
answer_argument_thread (TauriInvocation  *invocation,
                        GCancellable     *cancellable,
                        gpointer          user_data,
                        GError          **error)
{
  const char *argument = tauri_invocation_get_string (invocation, "the_argument");

  if (GPOINTER_TO_INT (user_data) == 0)
    return NULL;

  return json_node_init_string (json_node_alloc (), argument);
}

static void
raw_request (TauriInvocation *invocation,
             gpointer         user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("raw bytes from C", strlen ("raw bytes from C"));

  tauri_invocation_return_bytes (invocation, bytes);
}

static void
register_commands_cb (GApplication *application,
                      gpointer      user_data)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (TAURI_APP (application));
  static const struct {
    const char        *name;
    const char        *params;
    TauriCommandFlags  flags;
    int                kind;     /* 0: null, 1: Result, 2: Option's default, 3: the argument */
    gboolean           thread;
  } commands[] = {
    { "borrow_cmd", "the_argument: string", TAURI_COMMAND_FLAGS_NONE, 3, FALSE },
    { "window_label", NULL, TAURI_COMMAND_FLAGS_WITH_WINDOW, 0, FALSE },
    { "simple_command", "the_argument: string", TAURI_COMMAND_FLAGS_NONE, 0, FALSE },
    { "stateful_command", "the_argument?: string", TAURI_COMMAND_FLAGS_NONE, 0, FALSE },
    { "async_simple_command", "the_argument: string", TAURI_COMMAND_FLAGS_NONE, 0, TRUE },
    { "async_simple_command_snake", "the_argument: string", TAURI_COMMAND_FLAGS_SNAKE_CASE, 0, TRUE },
    { "future_simple_command_with_result_snake", "the_argument: string", TAURI_COMMAND_FLAGS_SNAKE_CASE, 3, TRUE },
    { "force_async_with_result_snake", "the_argument: string", TAURI_COMMAND_FLAGS_SNAKE_CASE, 1, FALSE },
    { "simple_command_with_result", "the_argument: string", TAURI_COMMAND_FLAGS_NONE, 1, FALSE },
    { "stateful_command_with_result", "the_argument?: string", TAURI_COMMAND_FLAGS_NONE, 1, FALSE },
    { "async_stateful_command_with_result", "the_argument?: string", TAURI_COMMAND_FLAGS_NONE, 2, FALSE },
    { "command_arguments_struct", "person: object", TAURI_COMMAND_FLAGS_NONE, 0, FALSE },
    { "command_arguments_tuple_struct", "inline_person: array", TAURI_COMMAND_FLAGS_NONE, 0, FALSE },
  };

  tauri_command_registry_add (registry, tauri_command_new ("greet", "name: string", TAURI_COMMAND_FLAGS_NONE,
                                                           greet, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("raw_request", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           raw_request, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gpointer kind = GINT_TO_POINTER (commands[i].kind);

      tauri_command_registry_add (registry,
                                  commands[i].thread
                                    ? tauri_command_new_thread (commands[i].name, commands[i].params, commands[i].flags,
                                                                answer_argument_thread, kind, NULL)
                                    : tauri_command_new (commands[i].name, commands[i].params, commands[i].flags,
                                                         answer_argument, kind, NULL));
    }
}

/* Running a project */

typedef void (* CheckFunc) (TauriApp *app, TauriWindow *window);

static void
count_loads_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  load_event,
                guint           *loads)
{
  if (load_event == WEBKIT_LOAD_FINISHED)
    (*loads)++;
}

static guint window_loads;

static gboolean
count_window_loads_cb (gpointer user_data)
{
  g_autoptr(TauriWindow) window = user_data;

  g_signal_connect (tauri_window_get_web_view (window), "load-changed",
                    G_CALLBACK (count_loads_cb), &window_loads);
  return G_SOURCE_REMOVE;
}

/* Counted from the window's first load on, which may finish before the
 * checks start (and not before the main loop runs again, once the window
 * has its web view). */
static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  window_loads = 0;
  g_idle_add_full (G_PRIORITY_HIGH, count_window_loads_cb, g_object_ref (window), NULL);
}

static gboolean
checks_cb (gpointer user_data)
{
  TauriApp *app = user_data;
  CheckFunc check = g_object_get_data (G_OBJECT (app), "test-check");
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  TauriWindow *window;

  /* `--dev` opens the window once the server answers. */
  if (windows == NULL)
    return G_SOURCE_CONTINUE;

  window = TAURI_WINDOW (g_list_last (windows)->data);
  while (window_loads == 0 || webkit_web_view_is_loading (tauri_window_get_web_view (window)))
    g_main_context_iteration (NULL, TRUE);
  check (app, window);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  return G_SOURCE_REMOVE;
}

/* Once, though `--dev` activates again when the server answers. */
static void
activated_cb (GApplication *application,
              gpointer      user_data)
{
  if (g_object_get_data (G_OBJECT (application), "test-checking") != NULL)
    return;

  g_object_set_data (G_OBJECT (application), "test-checking", GINT_TO_POINTER (TRUE));
  g_timeout_add (50, checks_cb, application);
}

/* Runs `app [--dev] --config CONFIG` as main() would, with @check once the
 * first window has loaded; returns the exit status. */
static int
run_project (const char *config,
             gboolean    dev,
             CheckFunc   check)
{
  g_autoptr(TauriApp) app = tauri_app_new (NULL, G_APPLICATION_NON_UNIQUE);
  const char *argv[] = { "project", "--config", config, dev ? "--dev" : NULL, NULL };

  g_object_set_data (G_OBJECT (app), "test-check", check);
  g_signal_connect (app, "startup", G_CALLBACK (register_commands_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);

  return g_application_run (G_APPLICATION (app), dev ? 4 : 3, (char **) argv);
}

static char *
run_js (TauriWindow *window,
        const char  *body)
{
  return test_ui_run_js (window, NULL, body);
}

static void
assert_js (TauriWindow *window,
           const char  *body,
           const char  *expected)
{
  g_autofree char *result = run_js (window, body);

  g_assert_cmpstr (result, ==, expected);
}

/* Runs a program in @directory, which must succeed. */
static void
spawn (const char         *directory,
       const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_set_cwd (launcher, directory);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

static char *
node_bin (const char *tool)
{
  return g_build_filename (root, "node_modules", ".bin", tool, NULL);
}

/* A new project from create-tauri-app's own template, as `npm create
 * tauri-app` makes it: its renderer, the native module that the npm
 * package's script runs. */
static char *
create_project (const char *name,
                const char *template)
{
  g_autofree char *identifier = g_strdup_printf ("com.example.%s", template);
  g_autofree char *script = g_strdup_printf ("require ('create-tauri-app-linux-x64-gnu').run ("
                                             "['%s', '--manager', 'npm', '--template', '%s', '--identifier', '%s',"
                                             " '--yes', '--force'], 'create-tauri-app', 'npm');",
                                             name, template, identifier);

  spawn (work, (const char * const []) { "node", "-e", script, NULL });
  return g_build_filename (work, name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Tolerates the warning of a plugin the test has no manifest for: the
 * template's opener, the bad configuration's made-up one. */
static gboolean
fatal_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  return strstr (message, "is not loaded: its permissions") == NULL;
}

/* The template's window and page */

static void
check_template (TauriApp    *app,
                TauriWindow *window,
                const char  *name,
                const char  *set_input)
{
  g_autofree char *body = NULL;
  int width = 0;
  int height = 0;

  /* From tauri.conf.json: the window, the version, the name. */
  g_assert_cmpstr (tauri_window_get_label (window), ==, "main");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
  assert_js (window, "return await window.__TAURI_INTERNALS__.invoke('plugin:app|version');", "0.1.0");
  body = g_strdup_printf ("return await window.__TAURI_INTERNALS__.invoke('plugin:app|name');");
  assert_js (window, body, name);

  /* The stock capability file loaded. */
  {
    g_auto(GStrv) capabilities = tauri_command_registry_list_capabilities (tauri_app_get_registry (app));

    g_assert_cmpstrv (capabilities, ((const char * const []) { "default", NULL }));
  }

  /* Greet, as a person would: type a name, press the button. */
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("const input = document.querySelector('#greet-input');\n"
                          "%s\n"
                          "document.querySelector('button[type=submit]').click();\n"
                          "for (;;) {\n"
                          "  const shown = [...document.querySelectorAll('p')].map((p) => p.textContent)\n"
                          "                 .find((text) => text.startsWith('Hello'));\n"
                          "  if (shown) return shown;\n"
                          "  await new Promise((resolve) => setTimeout(resolve, 10));\n"
                          "}", set_input);
  assert_js (window, body, "Hello, World! You've been greeted from C!");
}

static void
check_vanilla (TauriApp    *app,
               TauriWindow *window)
{
  check_template (app, window, "vanilla-app", "input.value = 'World';");
  assert_js (window, "return window.inlineRan === true;", "true");
}

static void
test_project_vanilla (void)
{
  g_autofree char *project = create_project ("vanilla-app", "vanilla");
  g_autofree char *config = g_build_filename (project, "src-tauri", "tauri.conf.json", NULL);
  g_autofree char *page = g_build_filename (project, "src", "index.html", NULL);
  g_autofree char *html = NULL;
  g_autofree char *contents = NULL;

  g_test_log_set_fatal_handler (fatal_log_cb, NULL);

  /* An inline script of the app's own, as pages have. */
  g_assert_true (g_file_get_contents (page, &html, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (html, "</head>", 2);
    g_autofree char *edited = g_strjoinv ("<script>window.inlineRan = true;</script>\n  </head>", parts);

    write_file (page, edited);
  }

  /* `"csp": null`: no policy, as Tauri has it. */
  g_assert_cmpint (run_project (config, FALSE, check_vanilla), ==, 0);

  /* A policy of 'self' alone: the inline script runs by its hash. */
  g_assert_true (g_file_get_contents (config, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "\"csp\": null", 2);
    g_autofree char *strict = g_strjoinv ("\"csp\": \"default-src 'self'; style-src 'self'\"", parts);

    write_file (config, strict);
  }
  g_assert_cmpint (run_project (config, FALSE, check_vanilla), ==, 0);
}

static void
check_react (TauriApp    *app,
             TauriWindow *window)
{
  /* React reads the input's value from its input event. */
  check_template (app, window, "react-app",
                  "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, 'World');\n"
                  "input.dispatchEvent(new Event('input', { bubbles: true }));");
}

/* The react-ts template, built as `npm run build` builds it. */
static void
test_project_react (void)
{
  g_autofree char *project = create_project ("react-app", "react-ts");
  g_autofree char *config = g_build_filename (project, "src-tauri", "tauri.conf.json", NULL);
  g_autofree char *tsc = node_bin ("tsc");
  g_autofree char *vite = node_bin ("vite");

  g_test_log_set_fatal_handler (fatal_log_cb, NULL);

  spawn (project, (const char * const []) { tsc, NULL });
  spawn (project, (const char * const []) { vite, "build", "--logLevel", "warn", NULL });

  g_assert_cmpint (run_project (config, FALSE, check_react), ==, 0);
}

/* Tauri's commands example, ported */

static void
check_commands (TauriApp    *app,
                TauriWindow *window)
{
  g_autofree char *results = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Welcome to Tauri!");
  /* The page's one inline script ran, under the config's policy. */
  assert_js (window, "return window.inlineScriptRan === true;", "true");

  results = run_js (window, "return JSON.stringify(await window.runAll());");
#define MISSING(cmd, key) "Err(invalid args `" key "` for command `" cmd "`: command " cmd " missing required key " key ")"
  expected = g_strjoin (",",
    "[[\"borrow_cmd\",\"Ok(value)\",\"" MISSING ("borrow_cmd", "theArgument") "\"]",
    "[\"raw_request\",\"Ok(raw bytes from C)\",\"Ok(raw bytes from C)\"]",
    "[\"window_label\",\"Ok(null)\",\"Ok(null)\"]",
    "[\"simple_command\",\"Ok(null)\",\"" MISSING ("simple_command", "theArgument") "\"]",
    "[\"stateful_command\",\"Ok(null)\",\"Ok(null)\"]",
    "[\"async_simple_command\",\"Ok(null)\",\"" MISSING ("async_simple_command", "theArgument") "\"]",
    "[\"async_simple_command_snake\",\"Ok(null)\",\"" MISSING ("async_simple_command_snake", "the_argument") "\"]",
    "[\"future_simple_command_with_result_snake\",\"Ok(value)\",\""
      MISSING ("future_simple_command_with_result_snake", "the_argument") "\"]",
    "[\"force_async_with_result_snake\",\"Ok(value)\",\"" MISSING ("force_async_with_result_snake", "the_argument") "\"]",
    "[\"simple_command_with_result\",\"Ok(value)\",\"" MISSING ("simple_command_with_result", "theArgument") "\"]",
    "[\"stateful_command_with_result\",\"Ok(value)\",\"Err(FooError)\"]",
    "[\"async_stateful_command_with_result\",\"Ok(value)\",\"Ok()\"]",
    "[\"command_arguments_struct\",\"Ok(null)\",\"" MISSING ("command_arguments_struct", "person") "\"]",
    "[\"command_arguments_tuple_struct\",\"Ok(null)\",\""
      MISSING ("command_arguments_tuple_struct", "inlinePerson") "\"]",
    "[\"simple_command_with_result\",\"Err(FooError)\",\"" MISSING ("simple_command_with_result", "theArgument") "\"]]",
    NULL);
#undef MISSING
  g_assert_cmpstr (results, ==, expected);
}

/* With --dev, what the policy blocks is printed, directive and source. */
static void
check_violation (TauriApp    *app,
                 TauriWindow *window)
{
  assert_js (window,
             "const blocked = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));\n"
             "const script = document.createElement('script');\n"
             "script.textContent = 'window.notAllowed = true';\n"
             "document.body.append(script);\n"
             "const image = document.createElement('img');\n"
             "image.src = 'https://example.com/pixel.png';\n"
             "document.body.append(image);\n"
             "await blocked;\n"
             "await new Promise((resolve) => setTimeout(resolve, 100));\n"
             "return window.notAllowed === undefined;",
             "true");
}

static void
test_project_csp_violations (void)
{
  g_autofree char *config = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "tauri-commands", "tauri.conf.json", NULL);

  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_project (config, TRUE, check_violation), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*console.error: Content-Security-Policy: script-src-elem blocked inline\n*");
  g_test_trap_assert_stderr ("*console.error: Content-Security-Policy: img-src blocked https://example.com/pixel.png*");
}

static void
test_project_commands (void)
{
  g_autofree char *config = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "tauri-commands", "tauri.conf.json", NULL);

  g_assert_cmpint (run_project (config, FALSE, check_commands), ==, 0);
}

/* `tauri dev` */

static guint dev_port;
static char *dev_project;

typedef struct
{
  gboolean  done;
  char     *result;
} TryRun;

static void
tried_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  TryRun *run = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, NULL);
  run->result = value ? jsc_value_to_string (value) : NULL;
  run->done = TRUE;
}

/* The result of @body, or NULL when the page went away meanwhile. */
static char *
try_js (TauriWindow *window,
        const char  *body)
{
  TryRun run = { FALSE, NULL };

  webkit_web_view_call_async_javascript_function (tauri_window_get_web_view (window), body, -1, NULL, NULL,
                                                  NULL, NULL, tried_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  return run.result;
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_answers (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
wait_for_message (TauriWindow *window,
                  const char  *prefix)
{
  g_autofree char *body = g_strdup_printf ("for (;;) {\n"
                                           "  const text = document.querySelector('#message')?.textContent ?? '';\n"
                                           "  if (text.startsWith('%s')) return text;\n"
                                           "  await new Promise((resolve) => setTimeout(resolve, 20));\n"
                                           "}", prefix);
  g_autofree char *shown = NULL;

  /* Vite may reload the page meanwhile (its first optimisation of the
   * dependencies): then ask the new page. */
  while (shown == NULL)
    {
      while (webkit_web_view_is_loading (tauri_window_get_web_view (window)))
        g_main_context_iteration (NULL, TRUE);
      shown = try_js (window, body);
    }
  g_assert_true (g_str_has_prefix (shown, prefix));
}

static void
check_dev (TauriApp    *app,
           TauriWindow *window)
{
  guint loads = 0;
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/", dev_port);
  g_autofree char *script = g_build_filename (dev_project, "main.js", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpstr (webkit_web_view_get_uri (tauri_window_get_web_view (window)), ==, uri);
  g_assert_true (g_str_has_prefix (uri, tauri_app_get_frontend (app)));
  wait_for_message (window, "First version: Hello, Vite!");

  /* An edit: Vite reloads the page, which calls again. */
  g_signal_connect (tauri_window_get_web_view (window), "load-changed", G_CALLBACK (count_loads_cb), &loads);
  g_assert_true (g_file_get_contents (script, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "First version", 2);
    g_autofree char *edited = g_strjoinv ("Second version", parts);

    write_file (script, edited);
  }
  while (loads == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_for_message (window, "Second version: Hello, Vite!");
  g_signal_handlers_disconnect_by_func (tauri_window_get_web_view (window), count_loads_cb, &loads);
}

static void
test_project_dev (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "tauri-dev", NULL);
  g_autofree char *tauri_dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *json = NULL;
  g_autofree char *vite = node_bin ("vite");

  dev_project = g_build_filename (work, "dev-app", NULL);
  tauri_dir = g_build_filename (dev_project, "src-tauri", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tauri_dir, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "index.html" : "main.js";
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dev_project, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      write_file (to, contents);
    }

  /* Vite on a port of its own, in the project's directory. */
  dev_port = free_port ();
  json = g_strdup_printf ("{\"productName\": \"dev-app\", \"version\": \"0.1.0\", \"identifier\": \"com.example.dev\","
                          " \"build\": {\"devUrl\": \"http://127.0.0.1:%u\","
                          "             \"beforeDevCommand\": \"exec '%s' --port %u --strictPort --host 127.0.0.1 --logLevel warn\","
                          "             \"frontendDist\": \"../dist\"},"
                          " \"app\": {\"withGlobalTauri\": true, \"windows\": [{\"title\": \"dev-app\"}]}}",
                          dev_port, vite, dev_port);
  config = g_build_filename (tauri_dir, "tauri.conf.json", NULL);
  write_file (config, json);
  g_assert_false (port_answers (dev_port));

  g_assert_cmpint (run_project (config, TRUE, check_dev), ==, 0);

  /* The command is gone with the app. */
  g_assert_false (port_answers (dev_port));
  g_clear_pointer (&dev_project, g_free);
}

/* Bad configurations: a clear message each, never a dead app. */

static void
check_still_runs (TauriApp    *app,
                  TauriWindow *window)
{
  assert_js (window, "return await window.__TAURI__.core.invoke('greet', { name: 'you' });",
             "Hello, you! You've been greeted from C!");
}

static void
test_project_bad_configs (void)
{
  g_autofree char *directory = g_build_filename (work, "bad-app", "src-tauri", NULL);
  g_autofree char *capabilities = g_build_filename (directory, "capabilities", NULL);
  g_autofree char *config = g_build_filename (directory, "tauri.conf.json", NULL);
  g_autofree char *capability = g_build_filename (capabilities, "default.json", NULL);
  g_autofree char *page = g_build_filename (work, "bad-app", "index.html", NULL);

  if (g_test_subprocess ())
    {
      g_test_log_set_fatal_handler (fatal_log_cb, NULL);
      g_assert_cmpint (run_project (config, FALSE, check_still_runs), ==, 0);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (capabilities, 0755), ==, 0);
  write_file (page, "<!doctype html><title>bad</title><p>still here</p>");
  write_file (config,
              "{\"productName\": \"bad-app\", \"version\": 1, \"frobnicate\": true,"
              " \"app\": {\"withGlobalTauri\": true,"
              "          \"windows\": [{\"title\": \"bad-app\", \"width\": \"wide\", \"transparent\": true}]},"
              " \"build\": {\"frontendDist\": \"../dist\"}}");
  write_file (capability,
              "{\"identifier\": \"default\", \"windows\": [\"main\"],"
              " \"permissions\": [\"core:default\", \"nosuchplugin:default\"]}");

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*tauri.conf.json: version: expected a string\n"
                             "app.windows[0].width: expected a number\n*");
  g_test_trap_assert_stderr ("*build.frontendDist: there is no directory *bad-app/dist; build the front end first*");
  g_test_trap_assert_stderr ("*Capability “default”: the plugin “nosuchplugin” is not loaded: "
                             "its permissions (`nosuchplugin:default`) are ignored*");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *isolated = test_isolate_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  root = g_path_get_dirname (g_getenv ("G_TEST_SRCDIR"));
  /* Below the tree, where node finds its node_modules. */
  work = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "tauri-projects", NULL);
  if (!g_test_subprocess ())
    test_remove_tree (work);
  g_assert_cmpint (g_mkdir_with_parents (work, 0755), ==, 0);

  test_ui_add ("/Tauri/Project/vanilla", test_project_vanilla);
  test_ui_add ("/Tauri/Project/react-ts", test_project_react);
  test_ui_add ("/Tauri/Project/commands", test_project_commands);
  g_test_add_func ("/Tauri/Project/csp-violations", test_project_csp_violations);
  test_ui_add ("/Tauri/Project/dev-loop", test_project_dev);
  g_test_add_func ("/Tauri/Project/bad-configs", test_project_bad_configs);

  status = g_test_run ();

  if (!g_test_subprocess ())
    test_remove_tree (work);
  g_free (work);
  g_free (root);
  test_remove_tree (isolated);

  return status;
}
