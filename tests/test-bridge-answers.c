/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "test-isolation.h"
#include "test-ui.h"
#include "tauri-bridge-private.h"
#include "tauri-window-private.h"

/*
 * Every kind of answer through every way a call travels, as the page gets
 * it, in a real web view: a value, a string, raw bytes, JSON text, an error
 * message, a JSON error value and no answer at all, to a call made alone, a
 * call of a batch, a large call relayed by the isolated world, and a call
 * whose arguments are raw bytes (through the web process extension, and
 * over tauri:// when the test runs without it). Then what the bridge keeps
 * of a call once it is over, bad JSON handed to a channel or an answer, a
 * Content-Security-Policy and a development server front end, and what a
 * closed window leaves registered.
 */

static TauriApp *app;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

static char *
run (TauriWindow *window,
     const char  *body)
{
  g_autofree char *wrapped =
    g_strdup_printf ("const { invoke, Channel } = window.__TAURI__.core;\n"
                     "const show = (p) => p.then(\n"
                     "  (v) => ['ok', v instanceof ArrayBuffer ? ['bytes', [...new Uint8Array(v)]] : v],\n"
                     "  (e) => ['err', e instanceof Error ? `${e.name}: ${e.message}` : e]);\n"
                     "return JSON.stringify(await (async () => {\n%s\n})());", body);

  return test_ui_run_js (window, NULL, wrapped);
}

#define assert_run(body, expected) \
  G_STMT_START { \
    g_autofree char *_result = run (main_window (), (body)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

/* answer_as: answers as the header `Answer-Kind` says. */
static void
answer_as (TauriInvocation *invocation,
           gpointer         user_data)
{
  const char *kind = tauri_invocation_get_header (invocation, "answer-kind");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (g_strcmp0 (kind, "value") == 0)
    {
      node = json_from_string ("{\"a\": [1, 2.5, \"x\"]}", NULL);
      tauri_invocation_return_value (invocation, node);
    }
  else if (g_strcmp0 (kind, "string") == 0)
    tauri_invocation_return_string (invocation, "text");
  else if (g_strcmp0 (kind, "bytes") == 0)
    {
      static const guint8 data[] = { 4, 5, 0, 255 };

      bytes = g_bytes_new_static (data, sizeof data);
      tauri_invocation_return_bytes (invocation, bytes);
    }
  else if (g_strcmp0 (kind, "json") == 0)
    tauri_invocation_return_json (invocation, "[true,null]");
  else if (g_strcmp0 (kind, "error") == 0)
    tauri_invocation_return_error_message (invocation, "it failed");
  else if (g_strcmp0 (kind, "error-value") == 0)
    {
      node = json_from_string ("{\"code\": 7}", NULL);
      tauri_invocation_return_error_value (invocation, node);
    }
  else if (g_strcmp0 (kind, "none") != 0)
    tauri_invocation_return_error_message (invocation, "no such kind");
}

/* What each kind of answer settles as, in order. */
#define ANSWERS \
  "[[\"ok\",{\"a\":[1,2.5,\"x\"]}],[\"ok\",\"text\"],[\"ok\",[\"bytes\",[4,5,0,255]]],[\"ok\",[true,null]]," \
  "[\"err\",\"it failed\"],[\"err\",{\"code\":7}],[\"err\",\"Command answer_as was dropped without an answer\"]]"

#define KINDS "['value', 'string', 'bytes', 'json', 'error', 'error-value', 'none']"

static void
test_answers_alone (void)
{
  /* Each call awaited before the next: each goes alone, from the page's
   * world, answered by its message's reply. */
  assert_run ("const settled = [];\n"
              "for (const kind of " KINDS ")\n"
              "  settled.push(await show(invoke('answer_as', {}, { headers: { 'Answer-Kind': kind } })));\n"
              "return settled;",
              ANSWERS);
}

static void
test_answers_batched (void)
{
  /* Made in one task: the first goes alone, the others in one batch,
   * answered in the outbox. */
  assert_run ("const settled = await Promise.all([show(invoke('greeting')),\n"
              "  ..." KINDS ".map((kind) => show(invoke('answer_as', { n: 1 }, { headers: { 'Answer-Kind': kind } })))]);\n"
              "return settled.slice(1);",
              ANSWERS);
}

static void
test_answers_relayed (void)
{
  /* Made among others and of 64 KiB or more: each goes as it is through
   * the isolated world, answered by its message's reply. */
  assert_run ("const pad = 'x'.repeat(70000);\n"
              "const settled = await Promise.all([show(invoke('greeting')),\n"
              "  ..." KINDS ".map((kind) => show(invoke('answer_as', { pad }, { headers: { 'Answer-Kind': kind } })))]);\n"
              "return settled.slice(1);",
              ANSWERS);
}

static void
test_answers_raw_bytes (void)
{
  /* Through the web process extension, or over tauri:// without it. */
  assert_run ("const settled = [];\n"
              "for (const kind of " KINDS ")\n"
              "  settled.push(await show(invoke('answer_as', new Uint8Array([1, 2, 3]), { headers: { 'Answer-Kind': kind } })));\n"
              "return settled;",
              ANSWERS);
  assert_run ("return await Promise.all(" KINDS ".map((kind) =>\n"
              "  show(invoke('answer_as', new Uint8Array([1]), { headers: { 'Answer-Kind': kind } }))));",
              ANSWERS);
}

static void
test_answers_headers (void)
{
  /* A Headers object, pairs and a record; names in any case. */
  assert_run ("return [await invoke('echo_header', {}, { headers: new Headers({ 'X-Thing': 'one' }) }),\n"
              "        await invoke('echo_header', {}, { headers: [['x-thing', 'two']] }),\n"
              "        await invoke('echo_header', new Uint8Array(1), { headers: { 'X-THING': 'three' } }),\n"
              "        await invoke('echo_header', {}),\n"
              "        await show(invoke('echo_header', {}, { headers: { 'bad name': 'x' } }))];",
              "[\"one\",\"two\",\"three\",null,[\"err\",\"invalid headers for command `echo_header`: "
              "Invalid header name: 'bad name'\"]]");
}

/* slow_bytes: once cancelled, or after two seconds, answers with raw
 * bytes whose release is counted. */
static guint bytes_released;

static void
count_release (gpointer data)
{
  g_atomic_int_inc (&bytes_released);
  g_free (data);
}

static gboolean
answer_slow_bytes_cb (gpointer user_data)
{
  TauriInvocation *invocation = user_data;
  gint64 started = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (invocation), "test-started"));
  gsize size = 100 * 1024;
  g_autoptr(GBytes) bytes = NULL;
  gpointer data;

  if (!g_cancellable_is_cancelled (tauri_invocation_get_cancellable (invocation)) &&
      g_get_monotonic_time () - started < 2 * G_TIME_SPAN_SECOND)
    return G_SOURCE_CONTINUE;

  data = g_malloc0 (size);
  bytes = g_bytes_new_with_free_func (data, size, count_release, data);
  tauri_invocation_return_bytes (invocation, bytes);
  return G_SOURCE_REMOVE;
}

static void
slow_bytes (TauriInvocation *invocation,
            gpointer         user_data)
{
  g_object_set_data (G_OBJECT (invocation), "test-started", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  g_timeout_add_full (G_PRIORITY_DEFAULT, 10, answer_slow_bytes_cb, g_object_ref (invocation), g_object_unref);
}

static void
test_answers_aborted_kept_nowhere (void)
{
  TauriBridge *bridge = _tauri_window_get_bridge (main_window ());

  /* Fifty calls whose answers are 100 kB of raw bytes, aborted: their
   * answers are dropped as they come, and nothing of them stays. */
  g_atomic_int_set (&bytes_released, 0);
  assert_run ("const controller = new AbortController();\n"
              "const calls = [];\n"
              "for (let i = 0; i < 50; i++)\n"
              "  calls.push(show(invoke('slow_bytes', {}, { signal: controller.signal })));\n"
              "controller.abort();\n"
              "const settled = await Promise.all(calls);\n"
              "return settled.every(([how, what]) => how === 'err' && what.startsWith('AbortError'));",
              "true");
  while (g_atomic_int_get (&bytes_released) < 50)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (_tauri_bridge_get_n_pending (bridge), ==, 0);
  g_assert_true (g_queue_is_empty (&bridge->held));
  g_assert_cmpuint (bridge->outbox->len, ==, 0);
}

/* bad_json: returns JSON text that is not JSON. */
static void
bad_json (TauriInvocation *invocation,
          gpointer         user_data)
{
  tauri_invocation_return_json (invocation, tauri_invocation_get_string (invocation, "text"));
}

/* channel_texts: sends each text to the channel as JSON, then answers. */
static void
channel_texts (TauriInvocation *invocation,
               gpointer         user_data)
{
  g_autoptr(TauriChannel) channel = tauri_invocation_dup_channel (invocation, "on_message");
  JsonArray *texts = json_node_get_array (tauri_invocation_get_argument (invocation, "texts"));
  g_autoptr(JsonBuilder) sent = json_builder_new ();
  g_autoptr(JsonNode) result = NULL;

  json_builder_begin_array (sent);
  for (guint i = 0; i < json_array_get_length (texts); i++)
    json_builder_add_boolean_value (sent, tauri_channel_send_json (channel, json_array_get_string_element (texts, i)));
  json_builder_end_array (sent);
  result = json_builder_get_root (sent);
  tauri_invocation_return_value (invocation, result);
}

static void
test_answers_bad_json (void)
{
  /* Text that is not JSON never reaches the page as it is: a critical, and
   * the call is rejected, or the channel's message dropped, alone. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*Command bad_json answered with invalid JSON*");
  assert_run ("return await show(invoke('bad_json', { text: '\"oops' }));",
              "[\"err\",\"Command bad_json answered with invalid JSON: malformed JSON: "
              "expected `\\\"` at byte 5, found the end of the text\"]");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*tauri_channel_send_json*not JSON*");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*tauri_channel_send_json*not JSON*");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*tauri_channel_send_json*not JSON*");
  assert_run ("const got = [];\n"
              "const other = [];\n"
              "const onMessage = new Channel((m) => got.push(m));\n"
              "const onOther = new Channel((m) => other.push(m));\n"
              "const sent = await Promise.all([\n"
              "  invoke('channel_texts', { onMessage, texts: ['1', '1]],[0,0,[2', 'oops', '\"oops', '{\"two\":2}'] }),\n"
              "  invoke('channel_texts', { onMessage: onOther, texts: ['3'] })]);\n"
              "await new Promise((resolve) => setTimeout(resolve, 50));\n"
              "return [sent, got, other];",
              "[[[true,false,false,false,true],[true]],[1,{\"two\":2}],[3]]");
  g_test_assert_expected_messages ();
}

static void
test_answers_csp (void)
{
  g_autofree char *saved = g_strdup (tauri_app_get_content_security_policy (app));

  /* The policy of Tauri's own commands example: raw bytes still come back,
   * and calls with raw bytes still go. */
  tauri_app_set_content_security_policy (app, "default-src 'self'; connect-src ipc: http://ipc.localhost");
  webkit_web_view_reload (tauri_window_get_web_view (main_window ()));
  test_ui_wait_for_load (main_window ());
  assert_run ("return [await show(invoke('answer_as', {}, { headers: { 'Answer-Kind': 'bytes' } })),\n"
              "        await show(invoke('answer_as', { n: 1 }, { headers: { 'Answer-Kind': 'bytes' } }))];",
              "[[\"ok\",[\"bytes\",[4,5,0,255]]],[\"ok\",[\"bytes\",[4,5,0,255]]]]");

  tauri_app_set_content_security_policy (app, saved);
  webkit_web_view_reload (tauri_window_get_web_view (main_window ()));
  test_ui_wait_for_load (main_window ());
}

/* A development server front end: the app's own origin is then http:. */
static void
test_answers_dev_server (void)
{
  g_autofree char *root = g_dir_make_tmp ("tauri-dev-server-XXXXXX", NULL);
  g_autofree char *index = g_build_filename (root, "index.html", NULL);
  g_autofree char *saved = g_strdup (tauri_app_get_frontend (app));
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autofree char *result = NULL;
  TauriWindow *window;
  int port = 0;

  g_assert_true (g_file_set_contents (index, "<!DOCTYPE html><title>dev</title><p>dev server</p>", -1, NULL));
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                             "--directory", root, NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (line, "Serving HTTP on 127.0.0.1 port %d", &port), ==, 1);
  url = g_strdup_printf ("http://127.0.0.1:%d/", port);

  tauri_app_set_frontend (app, url);
  window = tauri_app_open_window (app, "dev", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  result = run (window,
                "return [await show(invoke('answer_as', {}, { headers: { 'Answer-Kind': 'bytes' } })),\n"
                "        await show(invoke('answer_as', new Uint8Array(3), { headers: { 'Answer-Kind': 'json' } }))];");
  g_assert_cmpstr (result, ==, "[[\"ok\",[\"bytes\",[4,5,0,255]]],[\"ok\",[true,null]]]");

  gtk_window_destroy (GTK_WINDOW (window));
  tauri_app_set_frontend (app, saved);
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  test_remove_tree (root);
}

/* channel_when_gone: on a worker thread, waits until its page is gone,
 * then makes its channel and sends. */
static gboolean channel_started;
static gboolean channel_sent;

static JsonNode *
channel_when_gone (TauriInvocation  *invocation,
                   GCancellable     *cancellable,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr(TauriChannel) channel = NULL;

  g_atomic_int_set (&channel_started, TRUE);
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (1000);

  channel = tauri_invocation_dup_channel (invocation, "on_message");
  g_atomic_int_set (&channel_sent, tauri_channel_send_json (channel, "1") ? 1 : 2);
  return NULL;
}

static void
test_answers_window_closed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WebKitUserContentManager) content_manager = NULL;
  TauriWindow *window = tauri_app_open_window (app, "closing", &error);
  TauriWindow *gone = window;
  g_autofree char *started = NULL;

  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  content_manager = g_object_ref (_tauri_bridge_get_content_manager (_tauri_window_get_bridge (window)));

  /* A call on a worker thread outlives its window, then makes a channel
   * of the page that is gone, and sends into it: nothing is read of the
   * window, and nothing is sent. */
  g_atomic_int_set (&channel_started, FALSE);
  g_atomic_int_set (&channel_sent, 0);
  started = test_ui_run_js (window, NULL,
                            "window.__TAURI__.core.invoke('channel_when_gone', "
                            "  { onMessage: new window.__TAURI__.core.Channel() });\n"
                            "return 'started';");
  g_assert_cmpstr (started, ==, "started");
  /* Running, not only arrived: a worker-thread call whose window closes
   * before a thread takes it is dropped, never run. */
  while (!g_atomic_int_get (&channel_started))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (window)), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_atomic_int_get (&channel_sent) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_atomic_int_get (&channel_sent), ==, 2);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Both of the bridge's handlers are gone with it: they can be
   * registered again. */
  g_assert_true (webkit_user_content_manager_register_script_message_handler_with_reply (content_manager,
                                                                                         "tauriCall", NULL));
  g_assert_true (webkit_user_content_manager_register_script_message_handler_with_reply (content_manager,
                                                                                         "tauri", TAURI_BRIDGE_WORLD));
  webkit_user_content_manager_unregister_script_message_handler (content_manager, "tauriCall", NULL);
  webkit_user_content_manager_unregister_script_message_handler (content_manager, "tauri", TAURI_BRIDGE_WORLD);
}

static void
echo_header (TauriInvocation *invocation,
             gpointer         user_data)
{
  tauri_invocation_return_string (invocation, tauri_invocation_get_header (invocation, "X-Thing"));
}

static void
add_commands (TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry, tauri_command_new ("answer_as", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           answer_as, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("echo_header", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           echo_header, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("slow_bytes", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           slow_bytes, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("bad_json", "text: string", TAURI_COMMAND_FLAGS_NONE,
                                                           bad_json, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("channel_texts",
                                                           "on_message: channel<any>, texts: array<string>",
                                                           TAURI_COMMAND_FLAGS_NONE, channel_texts, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new_thread ("channel_when_gone", "on_message: channel<any>",
                                                                  TAURI_COMMAND_FLAGS_NONE,
                                                                  channel_when_gone, NULL, NULL));
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
  add_commands (tauri_app_get_registry (app));
  test_ui_capture_prints (FALSE);

  test_ui_add ("/Tauri/BridgeAnswers/alone", test_answers_alone);
  test_ui_add ("/Tauri/BridgeAnswers/batched", test_answers_batched);
  test_ui_add ("/Tauri/BridgeAnswers/relayed", test_answers_relayed);
  test_ui_add ("/Tauri/BridgeAnswers/raw-bytes", test_answers_raw_bytes);
  test_ui_add ("/Tauri/BridgeAnswers/headers", test_answers_headers);
  test_ui_add ("/Tauri/BridgeAnswers/aborted-kept-nowhere", test_answers_aborted_kept_nowhere);
  test_ui_add ("/Tauri/BridgeAnswers/bad-json", test_answers_bad_json);
  test_ui_add ("/Tauri/BridgeAnswers/csp", test_answers_csp);
  test_ui_add ("/Tauri/BridgeAnswers/dev-server", test_answers_dev_server);
  test_ui_add ("/Tauri/BridgeAnswers/window-closed", test_answers_window_closed);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  test_remove_tree (root);

  return status;
}
