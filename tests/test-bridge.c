/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "test-isolation.h"
#include "test-ui.h"
#include "tauri-app-private.h"
#include "tauri-bridge-private.h"
#include "tauri-window-private.h"

/*
 * The bridge end to end: the demo's commands called from JavaScript in a
 * real WebKitWebView, through the real bridge, with every answer and every
 * rejection text checked in the page.
 */

static TauriApp *app;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

/* Awaits @expression in the page and describes how it settled, as JSON:
 * {"ok": value} or {"err": error}. */
static char *
settle (TauriWindow *window,
        const char  *expression)
{
  g_autofree char *body =
    g_strdup_printf ("const { invoke } = window.__TAURI__.core;\n"
                     "try {\n"
                     "  const value = await (%s);\n"
                     "  return JSON.stringify({ ok: value === undefined ? '(undefined)' : value });\n"
                     "} catch (error) {\n"
                     "  return JSON.stringify({ err: error instanceof Error ? `${error.name}: ${error.message}` : error });\n"
                     "}", expression);

  return test_ui_run_js (window, NULL, body);
}

#define assert_settles(expression, expected) \
  G_STMT_START { \
    g_autofree char *_result = settle (main_window (), (expression)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

#define assert_settles_like(expression, pattern) \
  G_STMT_START { \
    g_autofree char *_result = settle (main_window (), (expression)); \
    if (!g_pattern_match_simple ((pattern), _result)) \
      g_error ("%s settled as %s, not like %s", (expression), _result, (pattern)); \
  } G_STMT_END

/* Whether this run has the build's web process extension (the test runs
 * again without it: test-bridge-without-extension). */
static gboolean
has_extension (void)
{
  g_autofree char *module = g_build_filename (g_getenv ("TAURI_WEB_EXTENSIONS_DIR"),
                                              "libtauri-gtk-web-extension.so", NULL);

  return g_file_test (module, G_FILE_TEST_EXISTS);
}

static void
test_bridge_globals (void)
{
  g_autofree char *result = NULL;

  result = test_ui_run_js (main_window (), NULL,
                            "return JSON.stringify([window.isTauri,\n"
                            "  window.__TAURI__.invoke === window.__TAURI__.core.invoke,\n"
                            "  window.__TAURI__.tauri.invoke === window.__TAURI__.core.invoke,\n"
                            "  typeof window.__TAURI_INTERNALS__.invoke,\n"
                            "  window.__TAURI_INTERNALS__.metadata.currentWindow.label,\n"
                            "  typeof window.webkit]);");
  /* No message handler at all in the page's own world: the bridge's is in
   * its isolated world alone. */
  g_assert_cmpstr (result, ==, "[true,true,true,\"function\",\"main\",\"undefined\"]");

  if (!has_extension ())
    {
      assert_settles ("typeof window.__TAURI_GTK_CALL__", "{\"ok\":\"undefined\"}");
      return;
    }

  /* The extension's way for calls made alone takes this document's token. */
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_CALL__(resolve, reject, 'i1\\ngreeting\\n'))",
                  "{\"err\":\"Command not allowed: the page is not the app’s own\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_CALL__(resolve, reject,\n"
                  "  '00000000-0000-4000-8000-000000000000i1\\ngreeting\\n'))",
                  "{\"err\":\"Command not allowed: the page is not the app’s own\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_CALL__(resolve, reject, 42))",
                  "{\"err\":\"TypeError: __TAURI_GTK_CALL__ takes (resolve, reject, message)\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_CALL__(resolve, reject, 'i1\\ngr\\ud800\\n'))",
                  "{\"err\":\"malformed message: a lone UTF-16 surrogate\"}");
}

static void
test_bridge_guide_examples (void)
{
  assert_settles ("invoke('hello')", "{\"ok\":null}");
  assert_settles ("invoke('log_message', { invokeMessage: 'Hello!' })", "{\"ok\":null}");
  g_assert_cmpstr (test_ui_get_printed (), ==,
                   "I was invoked from JS!\n"
                   "I was invoked from JS, with this message: Hello!\n");

  assert_settles ("invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
  assert_settles ("invoke('try_operation', { shouldFail: false })", "{\"ok\":\"This worked!\"}");
  assert_settles ("invoke('try_operation', { shouldFail: true })", "{\"err\":\"This failed!\"}");
  assert_settles ("invoke('slow_sum', { a: 2, b: 3.5, delayMs: 10 })", "{\"ok\":5.5}");
  assert_settles ("invoke('window_label')", "{\"ok\":\"main\"}");
  assert_settles ("invoke('my_custom_command', { number: 42 })",
                  "{\"ok\":{\"message\":\"Called from main\",\"other_val\":84}}");
  assert_settles ("invoke('my_custom_command', { number: -1 })", "{\"err\":\"No result\"}");
}

static void
test_bridge_guide_forms (void)
{
  /* The guide's own invocation: extra keys are ignored, as serde does. */
  assert_settles ("invoke('my_custom_command', { message: 'Hi', number: 42 })"
                  "  .then((res) => `Message: ${res.message}, Other Val: ${res.other_val}`)",
                  "{\"ok\":\"Message: Called from main, Other Val: 84\"}");
  assert_settles ("window.__TAURI__.invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
  assert_settles ("window.__TAURI_INTERNALS__.invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
}

static void
test_bridge_quick_while_slow (void)
{
  assert_settles ("(async () => {\n"
                  "  const order = [];\n"
                  "  const slow = invoke('slow_sum', { a: 1, b: 2, delayMs: 1500 }).then((sum) => order.push(`slow ${sum}`));\n"
                  "  order.push(`quick ${await invoke('greeting')}`);\n"
                  "  order.push(`label ${await invoke('window_label')}`);\n"
                  "  await slow;\n"
                  "  return order;\n"
                  "})()",
                  "{\"ok\":[\"quick Hello from C!\",\"label main\",\"slow 3\"]}");
}

static void
test_bridge_many_concurrent (void)
{
  assert_settles ("(async () => {\n"
                  "  const calls = [];\n"
                  "  for (let i = 0; i < 1000; i++) {\n"
                  "    calls.push(i % 2\n"
                  "      ? invoke('slow_sum', { a: i, b: 1, delayMs: 0 }).then((sum) => sum === i + 1)\n"
                  "      : invoke('my_custom_command', { number: i }).then((res) => res.other_val === 42 + i));\n"
                  "  }\n"
                  "  const results = await Promise.all(calls);\n"
                  "  return results.filter(Boolean).length;\n"
                  "})()",
                  "{\"ok\":1000}");
}

/* Calls made in one task leave as one event, but for the first, which
 * leaves at once when no other call is in flight, as a call made alone
 * does: through the web process extension, or, without it, as a request
 * event of its own through the isolated world. Answers that come in one
 * task return as one. Each is still settled on its own, in a burst where
 * both happen. */
static void
test_bridge_batched (void)
{
  g_autofree char *counts = NULL;

  counts = settle (main_window (),
                   "(async () => {\n"
                   "  const seen = { request: 0, requests: 0, responses: 0, single: 0 };\n"
                   "  const count = (event) => {\n"
                   "    if (event.type === 'tauri-gtk:request') seen.request++;\n"
                   "    else if (event.type === 'tauri-gtk:requests') seen.requests++;\n"
                   "    else if (event.type === 'tauri-gtk:responses') seen.responses++;\n"
                   "    else seen.single++;\n"
                   "  };\n"
                   "  const types = ['tauri-gtk:request', 'tauri-gtk:requests', 'tauri-gtk:responses', 'tauri-gtk:response'];\n"
                   "  types.forEach((type) => document.addEventListener(type, count));\n"
                   "  const calls = [];\n"
                   "  for (let i = 0; i < 1000; i++)\n"
                   "    calls.push(i % 2 ? invoke('greeting') : invoke('my_custom_command', { number: i }));\n"
                   "  const results = await Promise.all(calls);\n"
                   "  const right = results.every((r, i) => i % 2 ? r === 'Hello from C!' : r.other_val === 42 + i);\n"
                   "  const alone = await invoke('greeting');\n"
                   "  types.forEach((type) => document.removeEventListener(type, count));\n"
                   "  return [right, seen.request, seen.requests, seen.responses > 0, seen.responses + seen.single < 1000, alone];\n"
                   "})()");
  if (has_extension ())
    g_assert_cmpstr (counts, ==, "{\"ok\":[true,0,1,true,true,\"Hello from C!\"]}");
  else
    g_assert_cmpstr (counts, ==, "{\"ok\":[true,2,1,true,true,\"Hello from C!\"]}");

  /* Errors of batched calls come back as those of lone ones. */
  assert_settles ("Promise.allSettled([invoke('greeting'), invoke('nope'), invoke('log_message', {}),\n"
                  "                    invoke('my_custom_command', { number: 1 })])\n"
                  "  .then((all) => all.map((r) => r.status === 'fulfilled' ? r.value : r.reason))",
                  "{\"ok\":[\"Hello from C!\",\"Command nope not found\","
                  "\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\","
                  "{\"message\":\"Called from main\",\"other_val\":43}]}");
}

static void
test_bridge_errors (void)
{
  assert_settles ("invoke('nope')", "{\"err\":\"Command nope not found\"}");
  assert_settles ("invoke('log_message')", "{\"err\":\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"}");
  assert_settles ("invoke('log_message', {})", "{\"err\":\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"}");
  assert_settles ("invoke('log_message', { invokeMessage: 5 })",
                  "{\"err\":\"invalid args `invokeMessage` for command `log_message`: expected a string, got a number\"}");
  assert_settles ("invoke('log_message', { invoke_message: 'snake' })",
                  "{\"err\":\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"}");
  assert_settles ("invoke('try_operation', { shouldFail: 'yes' })",
                  "{\"err\":\"invalid args `shouldFail` for command `try_operation`: expected a boolean, got a string\"}");
  assert_settles ("invoke('my_custom_command', { number: 1.5 })",
                  "{\"err\":\"invalid args `number` for command `my_custom_command`: expected an integer, got a number\"}");
  assert_settles ("invoke('slow_sum', [1, 2])",
                  "{\"err\":\"invalid args for command `slow_sum`: expected an object, got an array\"}");
  assert_settles ("invoke('greeting', { big: 10n })",
                  "{\"err\":\"invalid args for command `greeting`: JSON.stringify cannot serialize BigInt.\"}");
  assert_settles ("invoke('open_window', { label: 'main' })",
                  "{\"err\":\"a window with label `main` already exists\"}");
  assert_settles ("invoke('open_window', { label: 'no spaces' })",
                  "{\"err\":\"Window label must include only alphanumeric characters, `-`, `/`, `:` and `_`.\"}");
}

/* Answers of 64 KiB and more travel from the isolated world without their
 * head joined to them: the same values as small ones. */
static void
test_bridge_large_answer (void)
{
  assert_settles ("invoke('plugin:path|join', { paths: ['a'.repeat(65535), 'b'] })"
                  "  .then((path) => [path.length, path.slice(-3)])",
                  "{\"ok\":[65537,\"a/b\"]}");
  assert_settles ("invoke('plugin:path|join', { paths: ['a'.repeat(1 << 20), '\u00e9'] })"
                  "  .then((path) => [path.length, path.slice(-3), path.startsWith('aaa')])",
                  "{\"ok\":[1048578,\"a/\u00e9\",true]}");
}

static void
test_bridge_bad_input (void)
{
  /* 64 MiB and its JSON: over the registry's limit, refused before any parsing. */
  assert_settles_like ("invoke('log_message', { invokeMessage: 'x'.repeat(64 * 1024 * 1024) })",
                       "{\"err\":\"invalid args for command `log_message`: the call is 6710???? bytes, "
                       "more than the limit of 67108864\"}");

  assert_settles ("(() => {\n"
                  "  let deep = [];\n"
                  "  for (let i = 0; i < 10000; i++) deep = [deep];\n"
                  "  return invoke('log_message', { invokeMessage: deep });\n"
                  "})()",
                  "{\"err\":\"invalid args for command `log_message`: nested deeper than 128 levels\"}");

  /* A lone surrogate is the page's way of sending invalid UTF-8. */
  assert_settles ("invoke('log_message', { invokeMessage: 'a\\ud800b' })",
                  "{\"err\":\"invalid args for command `log_message`: "
                  "a string holds a lone UTF-16 surrogate, which is not valid Unicode\"}");
  assert_settles ("invoke('log_message', { invokeMessage: 'nul\\u0000' })",
                  "{\"err\":\"invalid args for command `log_message`: strings holding U+0000 are not supported\"}");

  /* The bridge still works afterwards. */
  assert_settles ("invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
}

static void
test_bridge_channel (void)
{
  assert_settles ("(async () => {\n"
                  "  const received = [];\n"
                  "  let ended;\n"
                  "  const done = new Promise((resolve) => { ended = resolve; });\n"
                  "  const onNumber = new window.__TAURI__.core.Channel((n) => {\n"
                  "    received.push(n);\n"
                  "    if (received.length === 10000) ended();\n"
                  "  });\n"
                  "  const count = await invoke('stream_numbers', { count: 10000, onNumber });\n"
                  "  /* Sent from a worker thread before the answer: all here before it. */\n"
                  "  const atAnswer = received.length;\n"
                  "  await done;\n"
                  "  const inOrder = received.every((n, i) => n === i);\n"
                  "  return [count, atAnswer, received.length, inOrder, window.__TAURI_INTERNALS__.callbacks.has(onNumber.id)];\n"
                  "})()",
                  "{\"ok\":[10000,10000,10000,true,false]}");
  assert_settles ("invoke('stream_numbers', { count: 1, onNumber: 'not a channel' })",
                  "{\"err\":\"invalid args `onNumber` for command `stream_numbers`: expected a Channel, got a string\"}");
}

static void
test_bridge_raw_bytes (void)
{
  assert_settles ("(async () => {\n"
                  "  const sent = new Uint8Array(32 * 1024 * 1024);\n"
                  "  for (let i = 0; i < sent.length; i++) sent[i] = (i * 7 + (i >> 11)) & 255;\n"
                  "  const back = await invoke('echo_bytes', sent);\n"
                  "  const got = new Uint8Array(back);\n"
                  "  let same = got.length === sent.length;\n"
                  "  for (let i = 0; same && i < got.length; i++) same = got[i] === sent[i];\n"
                  "  return [back instanceof ArrayBuffer, got.length, same];\n"
                  "})()",
                  "{\"ok\":[true,33554432,true]}");
  /* An ArrayBuffer and an empty body, and bytes sent as a JSON array. */
  assert_settles ("invoke('echo_bytes', new Uint8Array([1, 2, 3]).buffer).then((b) => [...new Uint8Array(b)])",
                  "{\"ok\":[1,2,3]}");
  assert_settles ("invoke('echo_bytes', new Uint8Array(0)).then((b) => b.byteLength)", "{\"ok\":0}");
  assert_settles ("invoke('echo_bytes', { data: [4, 5, 255] }).then((b) => [...new Uint8Array(b)])",
                  "{\"ok\":[4,5,255]}");
  assert_settles ("invoke('greeting', new Uint8Array([1]))", "{\"ok\":\"Hello from C!\"}");
  assert_settles ("invoke('log_message', new Uint8Array([1]))",
                  "{\"err\":\"invalid args `invokeMessage` for command `log_message`: command log_message expected a value for key invokeMessage but the IPC call used a bytes payload\"}");
  assert_settles ("invoke('nope', new Uint8Array([1]))", "{\"err\":\"Command nope not found\"}");
  /* Without the window's token, the scheme refuses the call. */
  assert_settles ("fetch('tauri://localhost/__tauri_ipc__/echo_bytes', { method: 'POST', body: new Uint8Array([1]) })"
                  "  .then(async (r) => [r.status, await r.json()])",
                  "{\"ok\":[400,\"Command not allowed: the page is not the app’s own\"]}");
}

/* Raw bytes through the web process extension, when the build's is there
 * (the test runs again without it: test-bridge-without-extension). */
static void
test_bridge_raw_bytes_extension (void)
{
  g_autofree char *module = g_build_filename (g_getenv ("TAURI_WEB_EXTENSIONS_DIR"),
                                              "libtauri-gtk-web-extension.so", NULL);
  TauriCommandRegistry *registry = tauri_app_get_registry (app);
  gsize max_size = tauri_command_registry_get_max_message_size (registry);

  /* Views on part of a buffer send that part, either way. */
  assert_settles ("invoke('echo_bytes', new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4)).then((b) => [...new Uint8Array(b)])",
                  "{\"ok\":[1,2,3]}");
  assert_settles ("invoke('echo_bytes', new DataView(new Uint8Array([7, 8, 9]).buffer, 1, 2)).then((b) => [...new Uint8Array(b)])",
                  "{\"ok\":[8,9]}");
  assert_settles ("invoke('echo_bytes', new Int16Array([1, -1])).then((b) => [...new Uint8Array(b)])",
                  "{\"ok\":[1,0,255,255]}");

  tauri_command_registry_set_max_message_size (registry, 1024 * 1024);
  /* tauri:// reads a body without a length one byte past the limit. */
  assert_settles_like ("invoke('echo_bytes', new Uint8Array(2 * 1024 * 1024))",
                       "{\"err\":\"invalid args for command `echo_bytes`: the call is * bytes, "
                       "more than the limit of 1048576\"}");
  tauri_command_registry_set_max_message_size (registry, max_size);

  if (!g_file_test (module, G_FILE_TEST_EXISTS))
    {
      assert_settles ("typeof window.__TAURI_GTK_SEND_BYTES__", "{\"ok\":\"undefined\"}");
      return;
    }

  assert_settles ("typeof window.__TAURI_GTK_SEND_BYTES__", "{\"ok\":\"function\"}");

  /* invoke() takes that way: the size is known before anything is read. */
  tauri_command_registry_set_max_message_size (registry, 1024 * 1024);
  assert_settles ("invoke('echo_bytes', new Uint8Array(2 * 1024 * 1024))",
                  "{\"err\":\"invalid args for command `echo_bytes`: the call is 2097152 bytes, "
                  "more than the limit of 1048576\"}");
  tauri_command_registry_set_max_message_size (registry, max_size);

  /* The function proves nothing: the bridge checks the token, as it does
   * on tauri://, and the arguments are checked before anything is sent. */
  assert_settles ("new Promise((resolve, reject) =>\n"
                  "  window.__TAURI_GTK_SEND_BYTES__(resolve, reject, 'not the token', 'echo_bytes', 1, new Uint8Array([1]), {}))",
                  "{\"err\":\"Command not allowed: the page is not the app’s own\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_SEND_BYTES__(resolve, reject, 'x', 'echo_bytes', 1, [1], {}))",
                  "{\"err\":\"TypeError: __TAURI_GTK_SEND_BYTES__ takes (resolve, reject, token, command, callId, bytes, headers)\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_SEND_BYTES__(resolve, reject, 'x', 'echo_bytes', NaN, new Uint8Array(1), {}))",
                  "{\"err\":\"TypeError: __TAURI_GTK_SEND_BYTES__ takes (resolve, reject, token, command, callId, bytes, headers)\"}");
  assert_settles ("new Promise((resolve, reject) => window.__TAURI_GTK_SEND_BYTES__(resolve, reject, 'x', 'echo_bytes', 1, new Uint8Array(1), { a: 1 }))",
                  "{\"err\":\"TypeError: __TAURI_GTK_SEND_BYTES__ takes (resolve, reject, token, command, callId, bytes, headers)\"}");
  assert_settles ("new Promise(() => window.__TAURI_GTK_SEND_BYTES__())",
                  "{\"err\":\"TypeError: __TAURI_GTK_SEND_BYTES__ takes (resolve, reject, token, command, callId, bytes, headers)\"}");

  /* Not in frames: they have tauri:// alone. */
  assert_settles ("new Promise((resolve) => {\n"
                  "  const frame = document.createElement('iframe');\n"
                  "  frame.onload = () => { resolve(typeof frame.contentWindow.__TAURI_GTK_SEND_BYTES__); frame.remove(); };\n"
                  "  frame.src = 'about:blank';\n"
                  "  document.body.append(frame);\n"
                  "})",
                  "{\"ok\":\"undefined\"}");
}

static void
test_bridge_events (void)
{
  /* The page emits demo://ping; the demo answers demo://pong to it. */
  assert_settles ("(async () => {\n"
                  "  const { listen, emit } = window.__TAURI__.event;\n"
                  "  let got;\n"
                  "  const pong = new Promise((resolve) => { got = resolve; });\n"
                  "  const unlisten = await listen('demo://pong', (event) => got(event));\n"
                  "  await emit('demo://ping', { n: 7 });\n"
                  "  const event = await pong;\n"
                  "  await unlisten();\n"
                  "  return [event.event, event.payload, typeof event.id];\n"
                  "})()",
                  "{\"ok\":[\"demo://pong\",{\"n\":7},\"number\"]}");
  assert_settles ("window.__TAURI__.event.emit('bad name!', 1)",
                  "{\"err\":\"Event name must include only alphanumeric characters, `-`, `/`, `:` and `_`.\"}");
}

static void
test_bridge_events_from_c (void)
{
  g_autofree char *listening = NULL;
  g_autoptr(JsonNode) payload = json_from_string ("{\"from\":\"C\"}", NULL);

  listening = test_ui_run_js (main_window (), NULL,
                               "window.heard = [];\n"
                               "window.unlistenAll = await window.__TAURI__.event.listen('c-event', (e) => window.heard.push(['any', e.payload]));\n"
                               "window.unlistenMain = await window.__TAURI__.event.listen('c-event', (e) => window.heard.push(['main', e.payload]), { target: { kind: 'Window', label: 'main' } });\n"
                               "window.unlistenOther = await window.__TAURI__.event.listen('c-event', (e) => window.heard.push(['other', e.payload]), { target: 'other' });\n"
                               "return 'listening';");
  g_assert_cmpstr (listening, ==, "listening");

  tauri_app_emit (app, "c-event", payload);
  tauri_app_emit_to (app, "main", "c-event", NULL);
  tauri_app_emit_to (app, "other", "c-event", NULL);

  /* Delivered in the order emitted, each to the listeners whose target fits. */
  assert_settles ("new Promise((resolve) => setTimeout(() => resolve(window.heard.map((h) => h[0] + ':' + JSON.stringify(h[1]))), 200))",
                  "{\"ok\":[\"any:{\\\"from\\\":\\\"C\\\"}\",\"main:{\\\"from\\\":\\\"C\\\"}\",\"other:{\\\"from\\\":\\\"C\\\"}\","
                  "\"any:null\",\"main:null\",\"any:null\",\"other:null\"]}");

  /* Unlistening stops delivery at once. */
  assert_settles ("(async () => { await window.unlistenAll(); await window.unlistenMain(); await window.unlistenOther(); window.heard = []; return 0; })()",
                  "{\"ok\":0}");
  tauri_app_emit (app, "c-event", payload);
  assert_settles ("new Promise((resolve) => setTimeout(() => resolve(window.heard.length), 200))", "{\"ok\":0}");
}

/* Posts @message_expression to the isolated world's handler, after the
 * window's token, as ipc.js does. */
static char *
post_raw (const char *message_expression)
{
  TauriBridge *bridge = _tauri_window_get_bridge (main_window ());
  g_autofree char *body =
    g_strdup_printf ("try {\n"
                     "  return 'resolved ' + await window.webkit.messageHandlers.tauri.postMessage('%s' + %s);\n"
                     "} catch (error) {\n"
                     "  return 'rejected ' + error.message;\n"
                     "}", bridge->token, message_expression);

  return test_ui_run_js (main_window (), TAURI_BRIDGE_WORLD, body);
}

#define assert_raw(message, expected) \
  G_STMT_START { \
    g_autofree char *_result = post_raw (message); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

static void
test_bridge_malformed_messages (void)
{
  g_autofree char *untokened = NULL;

  /* Straight to the message handler, past the page's JavaScript API. */
  assert_raw ("'i1\\ngreeting\\n'", "resolved \"Hello from C!\"");
  assert_raw ("'i2\\nlog_message\\n{\"invokeMessage\": '",
              "rejected \"invalid args for command `log_message`: malformed JSON: "
              "expected a value at byte 18, found the end of the text\"");
  assert_raw ("'i3\\nlog_message\\n{\"invokeMessage\": \"x\",}'",
              "rejected \"invalid args for command `log_message`: malformed JSON: "
              "expected a string key at byte 22, found `}`\"");
  assert_raw ("'garbage'", "rejected \"malformed message\"");
  assert_raw ("'i4'", "rejected \"malformed message\"");
  assert_raw ("'ix\\ngreeting\\n'", "rejected \"malformed message\"");
  assert_raw ("'i3\\0\\ngreeting\\n'", "rejected \"malformed message\"");
  assert_raw ("'i5\\n\\n{}'", "rejected \"invalid command name\"");
  assert_raw ("'i6\\n' + 'c'.repeat(300) + '\\n{}'", "rejected \"invalid command name\"");
  assert_raw ("{ cmd: 'greeting' }", "rejected \"malformed message\"");
  assert_raw ("42", "rejected \"malformed message\"");
  assert_raw ("''", "rejected \"malformed message\"");

  /* Without the window's token, nothing is read. */
  untokened = test_ui_run_js (main_window (), TAURI_BRIDGE_WORLD,
                              "try { return 'resolved ' + await window.webkit.messageHandlers.tauri.postMessage('i1\\ngreeting\\n'); }\n"
                              "catch (error) { return 'rejected ' + error.message; }");
  g_assert_cmpstr (untokened, ==, "rejected \"Command not allowed: the page is not the app’s own\"");

  /* A batch is refused whole when one frame cannot be read, its lengths
   * counted in UTF-16 units; the calls of one that can are answered in the
   * outbox, not by the reply. */
  assert_raw ("'b14:i7\\ngreeting\\n{}'", "resolved ");
  assert_raw ("'b21:i8\\ngreeting\\n{\"a\":\"\u00e9\"}10:i9\\nnope\\n{}'", "resolved ");
  assert_raw ("'b15:i7\\ngreeting\\n{}'", "rejected \"malformed message\"");
  assert_raw ("'b5:i1\\ng14:i7\\ngreeting\\n{}'", "rejected \"malformed message\"");
  assert_raw ("'b2:ix'", "rejected \"malformed message\"");
  assert_raw ("'b14:i7\\0\\ngreeting\\n{'", "rejected \"malformed message\"");
  assert_raw ("'b1\\x004:i7\\ngreeting\\n{}'", "rejected \"malformed message\"");
  assert_raw ("'b0:'", "rejected \"malformed message\"");
  assert_raw ("'b:i1\\ngreeting\\n'", "rejected \"malformed message\"");
  assert_raw ("'b' + '9'.repeat(30) + ':i1'", "rejected \"malformed message\"");
}

static void
test_bridge_two_windows (void)
{
  TauriWindow *second;
  g_autofree char *label = NULL;

  assert_settles ("invoke('open_window', { label: 'second' })", "{\"ok\":null}");
  second = tauri_app_get_window (app, "second");
  g_assert_nonnull (second);
  test_ui_wait_for_load (second);

  label = settle (second, "invoke('window_label')");
  g_assert_cmpstr (label, ==, "{\"ok\":\"second\"}");
  assert_settles ("invoke('window_label')", "{\"ok\":\"main\"}");
  g_clear_pointer (&label, g_free);
  label = settle (second, "invoke('my_custom_command', { number: 0 })");
  g_assert_cmpstr (label, ==, "{\"ok\":{\"message\":\"Called from second\",\"other_val\":42}}");

  /* window.close() from the page closes its own window only, here in the
   * middle of a batch of calls, whose calls after it are not made. */
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_free (test_ui_run_js (second, NULL,
                          "setTimeout(() => {\n"
                          "  const invoke = window.__TAURI__.core.invoke;\n"
                          "  invoke('greeting');\n"
                          "  invoke('greeting');\n"
                          "  window.close();\n"
                          "  invoke('greeting');\n"
                          "}, 0);\n"
                          "return 'closing';"));
  while (second != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (tauri_app_get_window (app, "second"));
  assert_settles ("invoke('window_label')", "{\"ok\":\"main\"}");
}

static void
note_finalizing_thread (gpointer  data,
                        GObject  *where_the_object_was)
{
  g_atomic_pointer_set ((GThread **) data, g_thread_self ());
}

static void
test_bridge_window_closed_mid_call (void)
{
  TauriWindow *third;
  GThread *finalized_on = NULL;
  g_autofree char *started = NULL;

  assert_settles ("invoke('open_window', { label: 'third' })", "{\"ok\":null}");
  third = tauri_app_get_window (app, "third");
  test_ui_wait_for_load (third);

  /* A long threaded call is running when its window goes away: the call is
   * cancelled, its late answer dropped, and nothing crashes. */
  started = test_ui_run_js (third, NULL,
                             "window.__TAURI__.core.invoke('slow_sum', { a: 1, b: 1, delayMs: 60000 });\n"
                             "return 'started';");
  g_assert_cmpstr (started, ==, "started");
  while (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (third)) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The window goes on the main thread, though the call, which holds it,
   * ends on a worker thread. */
  g_object_weak_ref (G_OBJECT (third), note_finalizing_thread, &finalized_on);
  gtk_window_destroy (GTK_WINDOW (third));
  while (g_atomic_pointer_get (&finalized_on) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (finalized_on == g_thread_self ());

  assert_settles ("invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
}

static void
test_bridge_reload_mid_call (void)
{
  TauriWindow *window = main_window ();
  TauriBridge *bridge = _tauri_window_get_bridge (window);
  g_autofree char *started = NULL;

  started = test_ui_run_js (window, NULL,
                             "window.__TAURI__.core.invoke('slow_sum', { a: 1, b: 1, delayMs: 60000 });\n"
                             "return 'started';");
  g_assert_cmpstr (started, ==, "started");
  while (_tauri_bridge_get_n_pending (bridge) == 0)
    g_main_context_iteration (NULL, TRUE);

  webkit_web_view_reload (tauri_window_get_web_view (window));
  test_ui_wait_for_load (window);
  g_assert_cmpuint (_tauri_bridge_get_n_pending (bridge), ==, 0);

  assert_settles ("invoke('greeting')", "{\"ok\":\"Hello from C!\"}");
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

  test_ui_add ("/Tauri/Bridge/globals", test_bridge_globals);
  test_ui_add ("/Tauri/Bridge/guide-examples", test_bridge_guide_examples);
  test_ui_add ("/Tauri/Bridge/guide-forms", test_bridge_guide_forms);
  test_ui_add ("/Tauri/Bridge/quick-while-slow", test_bridge_quick_while_slow);
  test_ui_add ("/Tauri/Bridge/many-concurrent", test_bridge_many_concurrent);
  test_ui_add ("/Tauri/Bridge/batched", test_bridge_batched);
  test_ui_add ("/Tauri/Bridge/errors", test_bridge_errors);
  test_ui_add ("/Tauri/Bridge/large-answer", test_bridge_large_answer);
  test_ui_add ("/Tauri/Bridge/bad-input", test_bridge_bad_input);
  test_ui_add ("/Tauri/Bridge/malformed-messages", test_bridge_malformed_messages);
  test_ui_add ("/Tauri/Bridge/channel", test_bridge_channel);
  test_ui_add ("/Tauri/Bridge/raw-bytes", test_bridge_raw_bytes);
  test_ui_add ("/Tauri/Bridge/raw-bytes-extension", test_bridge_raw_bytes_extension);
  test_ui_add ("/Tauri/Bridge/events", test_bridge_events);
  test_ui_add ("/Tauri/Bridge/events-from-c", test_bridge_events_from_c);
  test_ui_add ("/Tauri/Bridge/two-windows", test_bridge_two_windows);
  test_ui_add ("/Tauri/Bridge/window-closed-mid-call", test_bridge_window_closed_mid_call);
  test_ui_add ("/Tauri/Bridge/reload-mid-call", test_bridge_reload_mid_call);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));

  test_remove_tree (root);

  return status;
}
