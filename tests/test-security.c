/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <gio/gio.h>

#include "test-isolation.h"
#include "test-ui.h"
#include "tauri-bridge-private.h"
#include "tauri-window-private.h"

/*
 * The bridge's guarantees, tried from the outside in real web views: pages
 * of other origins (served by a local HTTP server on 127.0.0.1), data: pages and frames
 * get no command run by any means; navigation stays on the app's origin;
 * the Content-Security-Policy holds; capabilities allow and deny per
 * window; and a call ends cleanly when it is aborted, when its window
 * closes, when its page reloads, and when its web process dies.
 */

static TauriApp *app;
static GSubprocess *server;
static char *remote;                   /* http://127.0.0.1:<port> */
static char *site;                     /* what it serves */
static char *asset_dir;                /* the app's asset scope */
static GPtrArray *opened_externally;
static guint runs;                     /* of the `count_runs` command */
static gboolean saw_cancel;            /* in the `wait_for_cancel` command */

static const char attack_script[] =
  "<script>\n"
  "(async () => {\n"
  "  const out = {\n"
  "    tauri: typeof window.__TAURI__, internals: typeof window.__TAURI_INTERNALS__,\n"
  "    bridge: typeof window.webkit?.messageHandlers?.tauri, ipc: typeof window.__TAURI_IPC__,\n"
  "  };\n"
  "  try { out.parent = typeof parent.document.body; } catch (e) { out.parent = e.name; }\n"
  "  /* Forge the bridge's own request event, on its own document and its parent's. */\n"
  "  document.dispatchEvent(new CustomEvent('tauri-gtk:request', { detail: 'i1\\ncount_runs\\n{}' }));\n"
  "  try { parent.document.dispatchEvent(new CustomEvent('tauri-gtk:request', { detail: 'i2\\ncount_runs\\n{}' })); } catch (e) {}\n"
  "  const post = async (url, init) => { try { const r = await fetch(url, init); return r.status + ' ' + await r.text(); } catch (e) { return e.name; } };\n"
  "  out.ipc = await post('tauri://localhost/__tauri_ipc__/count_runs', { method: 'POST', body: 'x', headers: { 'Tauri-Token': 'guess' } });\n"
  "  /* Opaque: the native side refused it, and the page cannot even read that. */\n"
  "  out.simple = await post('tauri://localhost/__tauri_ipc__/count_runs', { method: 'POST', body: 'x', mode: 'no-cors' });\n"
  "  out.page = await post('tauri://localhost/index.html');\n"
  "  /* No script message handler is in the page's world; the web process\n"
  "   * extension's way to post is the main frame's alone, and takes the\n"
  "   * document's token. */\n"
  "  out.handlers = typeof window.webkit;\n"
  "  const forge = async (message) => {\n"
  "    if (typeof window.__TAURI_GTK_CALL__ !== 'function') return 'none';\n"
  "    try { return 'resolved ' + await new Promise((resolve, reject) => window.__TAURI_GTK_CALL__(resolve, reject, message)); }\n"
  "    catch (e) { return e; }\n"
  "  };\n"
  "  out.call = await forge('i3\\ncount_runs\\n{}');\n"
  "  out.guess = await forge('00000000-0000-4000-8000-000000000000i4\\ncount_runs\\n{}');\n"
  "  (window.parent !== window ? window.parent : window).postMessage(out, '*');\n"
  "  window.results = out;\n"
  "})();\n"
  "</script>";

/* What the attack script's forged calls got: a frame has no way to post;
 * a top-level page of another origin has the extension's, which refuses
 * a call without the document's token. */
#define REFUSED "Command not allowed: the page is not the app’s own"
#define FORGED_IN_FRAME "\"handlers\":\"undefined\",\"call\":\"none\",\"guess\":\"none\""
#define FORGED_ON_TOP "\"handlers\":\"undefined\",\"call\":\"" REFUSED "\",\"guess\":\"" REFUSED "\""

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

/* The pages of other origins come from a server in a process of its own
 * (Python's http.server), as a real remote site would: every path of
 * theirs holds the attack script. */
static void
write_page (const char *root,
            const char *path)
{
  g_autofree char *file = g_build_filename (root, path, NULL);
  g_autofree char *directory = g_path_get_dirname (file);
  g_autofree char *body = g_strdup_printf ("<!DOCTYPE html><html><body><p>%s</p>%s</body></html>",
                                           path, attack_script);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, body, -1, NULL));
}

/* A page that fetches the URL after its # and tells its parent what it
 * got: status and text, or the error's name. */
static const char fetch_page[] =
  "<!DOCTYPE html><script>\n"
  "(async () => {\n"
  "  let got;\n"
  "  try { const r = await fetch(decodeURIComponent(location.hash.slice(1))); got = r.status + ' ' + await r.text(); }\n"
  "  catch (e) { got = e.name; }\n"
  "  parent.postMessage(got, '*');\n"
  "})();\n"
  "</script>";

static void
start_server (const char *root)
{
  static const char * const pages[] = {
    "frame.html", "page.html", "elsewhere.html", "allowed/page.html", "other/page.html",
  };
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  int port = 0;

  g_autofree char *fetch_file = NULL;

  site = g_build_filename (root, "site", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    write_page (site, pages[i]);
  fetch_file = g_build_filename (site, "fetch.html", NULL);
  g_assert_true (g_file_set_contents (fetch_file, fetch_page, -1, NULL));
  g_clear_pointer (&fetch_file, g_free);
  /* A link that fills its page, to a site of its own, saying nothing of
   * where it is (no Referer): only the web process extension can tell. */
  fetch_file = g_build_filename (site, "link.html", NULL);
  g_assert_true (g_file_set_contents (fetch_file,
                                      "<!DOCTYPE html><body style='margin: 0'>"
                                      "<a href='https://frame-link.example/' referrerpolicy='no-referrer' style='display: block; width: 100vw; height: 100vh'>away</a>",
                                      -1, NULL));

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                             "--directory", site, NULL);
  g_assert_no_error (error);

  /* "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..." */
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Serving HTTP on 127.0.0.1 port %d", &port), ==, 1);
  remote = g_strdup_printf ("http://127.0.0.1:%d", port);
}

/* Runs an async function body in the page and returns its value in JSON. */
static char *
run (TauriWindow *window,
     const char  *body)
{
  g_autofree char *wrapped = g_strdup_printf ("return JSON.stringify(await (async () => {\n%s\n})());", body);

  return test_ui_run_js (window, NULL, wrapped);
}

#define assert_run(window, body, expected) \
  G_STMT_START { \
    g_autofree char *_result = run ((window), (body)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

static void
load (TauriWindow *window,
      const char  *uri)
{
  webkit_web_view_load_uri (tauri_window_get_web_view (window), uri);
  test_ui_wait_for_load (window);
}

static void
back_home (void)
{
  load (main_window (), "tauri://localhost/");
}

/* A page of another origin, framed by the app's page, sends what it found
 * back with postMessage. */
static char *
frame_results (const char *frame_src)
{
  g_autofree char *body =
    g_strdup_printf ("const got = new Promise((resolve) => window.addEventListener('message', (e) => resolve(e.data), { once: true }));\n"
                     "const frame = document.createElement('iframe');\n"
                     "frame.src = %s;\n"
                     "document.body.append(frame);\n"
                     "const out = await got;\n"
                     "frame.remove();\n"
                     "return out;", frame_src);

  return run (main_window (), body);
}

/* What a frame of @src (an expression) posts to its parent. */
static char *
frame_message (const char *make_frame)
{
  g_autofree char *body =
    g_strdup_printf ("const got = new Promise((resolve) => window.addEventListener('message', (e) => resolve(e.data), { once: true }));\n"
                     "const frame = document.createElement('iframe');\n"
                     "%s\n"
                     "document.body.append(frame);\n"
                     "const out = await got;\n"
                     "frame.remove();\n"
                     "return out;", make_frame);

  return run (main_window (), body);
}

static void
test_security_foreign_frame (void)
{
  g_autofree char *src = g_strdup_printf ("'%s/frame.html'", remote);
  g_autofree char *results = NULL;

  /* No Content-Security-Policy here: the frame loads, and the bridge alone
   * has to hold. */
  tauri_app_set_content_security_policy (app, "");
  back_home ();
  runs = 0;

  results = frame_results (src);
  g_assert_cmpstr (results, ==,
                   "{\"tauri\":\"undefined\",\"internals\":\"undefined\",\"bridge\":\"undefined\","
                   "\"ipc\":\"TypeError\",\"parent\":\"SecurityError\","
                   "\"simple\":\"0 \",\"page\":\"TypeError\"," FORGED_IN_FRAME "}");
  g_assert_cmpuint (runs, ==, 0);

  /* The app's own page still calls, and the frame's forgeries ran nothing. */
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('count_runs');", "1");
  tauri_app_set_content_security_policy (app, TAURI_APP_STRICT_CSP);
}

static void
test_security_data_frame (void)
{
  g_autofree char *src = NULL;
  g_autofree char *escaped = g_uri_escape_string (attack_script, NULL, FALSE);
  g_autofree char *results = NULL;

  tauri_app_set_content_security_policy (app, "");
  back_home ();
  runs = 0;

  src = g_strdup_printf ("'data:text/html,%s'", escaped);
  results = frame_results (src);
  g_assert_cmpstr (results, ==,
                   "{\"tauri\":\"undefined\",\"internals\":\"undefined\",\"bridge\":\"undefined\","
                   "\"ipc\":\"TypeError\",\"parent\":\"SecurityError\","
                   "\"simple\":\"0 \",\"page\":\"TypeError\"," FORGED_IN_FRAME "}");
  g_assert_cmpuint (runs, ==, 0);
  tauri_app_set_content_security_policy (app, TAURI_APP_STRICT_CSP);
}

/* A page the window was allowed to show, of another origin or data:, gets
 * no bridge; code planted in the bridge's own script world, a foothold no
 * page has, is still refused by the native side. */
static void
try_foreign_page (const char *uri)
{
  g_autofree char *results = NULL;
  g_autofree char *forged = NULL;

  runs = 0;
  load (main_window (), uri);

  results = run (main_window (), "while (!window.results) await new Promise((r) => setTimeout(r, 20)); return window.results;");
  /* Its own top frame: no parent to reach; its tauri:// calls fail. */
  g_assert_cmpstr (results, ==,
                   "{\"tauri\":\"undefined\",\"internals\":\"undefined\",\"bridge\":\"undefined\","
                   "\"ipc\":\"TypeError\",\"parent\":\"object\",\"simple\":\"0 \",\"page\":\"TypeError\","
                   FORGED_ON_TOP "}");

  forged = test_ui_run_js (main_window (), TAURI_BRIDGE_WORLD,
                           "try { return 'resolved ' + await window.webkit.messageHandlers.tauri.postMessage('i9\\ncount_runs\\n{}'); }\n"
                           "catch (e) { return 'rejected ' + e.message; }");
  g_assert_cmpstr (forged, ==, "rejected \"Command not allowed: the page is not the app’s own\"");
  g_assert_cmpuint (runs, ==, 0);
}

static void
test_security_foreign_pages (void)
{
  g_autofree char *page = g_strdup_printf ("%s/page.html", remote);
  g_autofree char *escaped = g_uri_escape_string (attack_script, NULL, FALSE);
  g_autofree char *data = g_strdup_printf ("data:text/html,%s", escaped);

  tauri_app_allow_navigation (app, "*");
  try_foreign_page (page);
  try_foreign_page (data);
  back_home ();
}

static gboolean
open_external_cb (TauriApp   *self,
                  const char *uri,
                  gpointer    user_data)
{
  g_ptr_array_add (opened_externally, g_strdup (uri));
  return TRUE;
}

/* Runs before any navigation is allowed. */
static void
test_security_navigation (void)
{
  g_autofree char *page = g_strdup_printf ("%s/elsewhere.html", remote);
  g_autofree char *script = NULL;
  gulong handler = g_signal_connect (app, "open-external", G_CALLBACK (open_external_cb), NULL);

  back_home ();

  /* A link to another site opens in the browser; a script's navigation is
   * refused; the window stays on the app. (window.open() without a user
   * gesture never gets this far: WebKit blocks such popups.) */
  script = g_strdup_printf ("const a = document.createElement('a');\n"
                            "a.href = '%s'; a.textContent = 'away';\n"
                            "document.body.append(a);\n"
                            "a.click();\n"
                            "setTimeout(() => { location.href = '%s?script'; }, 50);\n"
                            "return 'tried';", page, page);
  assert_run (main_window (), script, "\"tried\"");

  while (opened_externally->len < 1)
    g_main_context_iteration (NULL, TRUE);
  assert_run (main_window (), "await new Promise((r) => setTimeout(r, 300)); return location.href;",
              "\"tauri://localhost/\"");
  g_assert_cmpstr (g_ptr_array_index (opened_externally, 0), ==, page);
  g_assert_cmpuint (opened_externally->len, ==, 1);

  g_signal_handler_disconnect (app, handler);
}

/* Lets the main loop run for @ms: what GTK asked of the X server goes. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The X window of @window, found by its title once the X server shows it;
 * never waits in xdotool, which would hold the main loop that sends the
 * window's title and map to the server. */
static char *
find_x_window (TauriWindow *window)
{
  g_autofree char *command = g_strdup_printf ("xdotool search --onlyvisible --name '^%s$'",
                                              gtk_window_get_title (GTK_WINDOW (window)));

  for (guint attempt = 0; attempt < 200; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      int status = 0;

      if (gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
          g_spawn_command_line_sync (command, &id, NULL, &status, &error);
          g_assert_no_error (error);
          if (g_spawn_check_wait_status (status, NULL) && *g_strstrip (id) != '\0')
            return g_steal_pointer (&id);
        }
      spin (25);
    }

  g_error ("No visible X window is titled “%s”", gtk_window_get_title (GTK_WINDOW (window)));
}

/* A real click of the pointer in the middle of @window, as the X server
 * delivers it: WebKit sees a user's click, trusted. */
static void
click_middle (TauriWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = find_x_window (window);
  g_autofree char *command = g_strdup_printf ("xdotool mousemove --window %s 200 200 click 1", id);
  int status = 0;

  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

/* The user clicks a link in a frame of another origin that fills the
 * window: the web process extension says the click was the frame's, and
 * the link stays in it; the same click on the app's own page opens the
 * browser. */
static void
test_security_user_clicks (void)
{
  g_autofree char *page = g_strdup_printf ("%s/elsewhere.html", remote);
  g_autofree char *frame = NULL;
  g_autofree char *link = NULL;
  gulong handler = g_signal_connect (app, "open-external", G_CALLBACK (open_external_cb), NULL);
  g_autoptr(GError) error = NULL;
  TauriWindow *window;

  /* A window of its own: the browser opens at most once a second for each. */
  tauri_app_set_content_security_policy (app, "");
  window = tauri_app_open_window (app, "clicks", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  g_ptr_array_set_size (opened_externally, 0);

  frame = g_strdup_printf ("document.title = 'clicks-in-a-frame';\n"
                           "document.body.innerHTML = '';\n"
                           "document.body.style.margin = '0';\n"
                           "const frame = document.createElement('iframe');\n"
                           "frame.style = 'border: 0; width: 100vw; height: 100vh; display: block';\n"
                           "frame.src = '%s/link.html';\n"
                           "const loaded = new Promise((resolve) => { frame.onload = resolve; });\n"
                           "document.body.append(frame);\n"
                           "await loaded;\n"
                           "return 'framed';", remote);
  assert_run (window, frame, "\"framed\"");
  click_middle (window);
  assert_run (window, "await new Promise((r) => setTimeout(r, 500)); return location.href;",
              "\"tauri://localhost/\"");
  g_assert_cmpuint (opened_externally->len, ==, 0);

  link = g_strdup_printf ("document.title = 'clicks-on-the-page';\n"
                          "document.body.innerHTML = '';\n"
                          "document.body.style.margin = '0';\n"
                          "const a = document.createElement('a');\n"
                          "a.href = '%s';\n"
                          "a.style = 'display: block; width: 100vw; height: 100vh';\n"
                          "document.body.append(a);\n"
                          "return 'linked';", page);
  assert_run (window, link, "\"linked\"");
  click_middle (window);
  while (opened_externally->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (opened_externally, 0), ==, page);

  gtk_window_destroy (GTK_WINDOW (window));
  g_signal_handler_disconnect (app, handler);
  tauri_app_set_content_security_policy (app, TAURI_APP_STRICT_CSP);
}

/* The browser opens for what the user did in the window's own document,
 * once in a while: not for a page's own clicks, however many, nor for a
 * frame of another origin. */
static void
test_security_external_launches (void)
{
  g_autofree char *page = g_strdup_printf ("%s/elsewhere.html", remote);
  g_autofree char *storm = NULL;
  g_autofree char *user = NULL;
  g_autofree char *frame = NULL;
  g_autofree char *got = NULL;
  gulong handler = g_signal_connect (app, "open-external", G_CALLBACK (open_external_cb), NULL);

  tauri_app_set_content_security_policy (app, "");
  back_home ();
  g_ptr_array_set_size (opened_externally, 0);

  /* The page's script clicks fifty times, with no user behind it. */
  /* Later than WebKit carries the test's own user gesture to a timer. */
  storm = g_strdup_printf ("await new Promise((resolve) => setTimeout(() => {\n"
                           "  for (let i = 0; i < 50; i++) {\n"
                           "    const a = document.createElement('a');\n"
                           "    a.href = i %% 2 ? '%s' : 'mailto:someone@example.com';\n"
                           "    document.body.append(a);\n"
                           "    a.click();\n"
                           "  }\n"
                           "  resolve();\n"
                           "}, 1500));\n"
                           "await new Promise((resolve) => setTimeout(resolve, 300));\n"
                           "return location.href;", page);
  assert_run (main_window (), storm, "\"tauri://localhost/\"");
  g_assert_cmpuint (opened_externally->len, ==, 0);

  /* A frame of another origin clicks its links to another site and to a
   * mail address: they stay in the frame, or go nowhere. */
  frame = g_strdup_printf ("frame.src = 'data:text/html,' + encodeURIComponent(`<a id=a href=\"%s\">x</a>"
                           "<a id=m href=\"mailto:x@example.com\">m</a><script>"
                           "document.getElementById('m').click(); document.getElementById('a').click();"
                           "setTimeout(() => parent.postMessage('clicked', '*'), 300);</` + 'script>');", page);
  got = frame_message (frame);
  g_assert_cmpstr (got, ==, "\"clicked\"");
  g_assert_cmpuint (opened_externally->len, ==, 0);

  /* The user clicks a link of the app's page: the browser opens, once; a
   * second click a moment later does not open it again. */
  user = g_strdup_printf ("const a = document.createElement('a');\n"
                          "a.href = '%s';\n"
                          "document.body.append(a);\n"
                          "a.click();\n"
                          "a.click();\n"
                          "return 'clicked';", page);
  assert_run (main_window (), user, "\"clicked\"");
  while (opened_externally->len < 1)
    g_main_context_iteration (NULL, TRUE);
  assert_run (main_window (), "await new Promise((r) => setTimeout(r, 300)); return location.href;",
              "\"tauri://localhost/\"");
  g_assert_cmpuint (opened_externally->len, ==, 1);

  g_signal_handler_disconnect (app, handler);
  tauri_app_set_content_security_policy (app, NULL);
}

static void
test_security_csp (void)
{
  back_home ();

  /* The strict policy: no inline script, the bridge still works. */
  assert_run (main_window (),
              "const blocked = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));\n"
              "const script = document.createElement('script');\n"
              "script.textContent = 'window.inlineRan = true';\n"
              "document.body.append(script);\n"
              "return [await blocked, window.inlineRan === undefined, await window.__TAURI__.core.invoke('greeting')];",
              "[\"script-src-elem\",true,\"Hello from C!\"]");
}

static void
count_runs (TauriInvocation *invocation,
            gpointer         user_data)
{
  tauri_invocation_return_int (invocation, ++runs);
}

/* Blocks its worker thread until the call is cancelled, as real work that
 * honours cancellation does. */
static JsonNode *
wait_for_cancel (TauriInvocation  *invocation,
                 GCancellable     *cancellable,
                 gpointer          user_data,
                 GError          **error)
{
  g_atomic_int_inc (&runs);
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (G_TIME_SPAN_MILLISECOND);
  g_atomic_int_set (&saw_cancel, TRUE);

  g_cancellable_set_error_if_cancelled (cancellable, error);
  return NULL;
}

static void
wait_for (gboolean *flag)
{
  while (!g_atomic_int_get (flag))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_until_running (void)
{
  while (g_atomic_int_get (&runs) == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_security_abort (void)
{
  back_home ();
  runs = 0;

  /* Aborted before: rejected at once, never run. */
  assert_run (main_window (),
              "const controller = new AbortController();\n"
              "controller.abort();\n"
              "try { await window.__TAURI__.core.invoke('count_runs', {}, { signal: controller.signal }); return 'resolved'; }\n"
              "catch (e) { return e.name; }",
              "\"AbortError\"");
  g_assert_cmpuint (runs, ==, 0);

  /* Aborted during a threaded command: rejected at once, and the worker
   * sees its cancellable cancelled. */
  saw_cancel = FALSE;
  assert_run (main_window (),
              "window.controller = new AbortController();\n"
              "window.waiting = window.__TAURI__.core.invoke('wait_for_cancel', {}, { signal: window.controller.signal })\n"
              "  .then(() => 'resolved', (e) => e.name);\n"
              "return 'started';", "\"started\"");
  wait_until_running ();
  assert_run (main_window (), "window.controller.abort(); return await window.waiting;", "\"AbortError\"");
  wait_for (&saw_cancel);

  /* The same with raw bytes, which travel their own way. The abort comes
   * once the call runs: one aborted while it waits for a worker thread
   * never runs at all. */
  saw_cancel = FALSE;
  runs = 0;
  assert_run (main_window (),
              "window.controller = new AbortController();\n"
              "window.waiting = window.__TAURI__.core.invoke('wait_for_cancel', new Uint8Array(4096), { signal: window.controller.signal })\n"
              "  .then(() => 'resolved', (e) => e.name);\n"
              "return 'started';", "\"started\"");
  wait_until_running ();
  assert_run (main_window (), "window.controller.abort(); return await window.waiting;", "\"AbortError\"");
  wait_for (&saw_cancel);

  /* Aborted in the task that made the call, while the call still waits to
   * leave with the others made in that task: the abort follows it, never
   * overtakes it, and the worker sees its cancellable cancelled. */
  saw_cancel = FALSE;
  assert_run (main_window (),
              "const controller = new AbortController();\n"
              "const calls = [1, 2].map(() => window.__TAURI__.core.invoke('count_runs', {}));\n"
              "const call = window.__TAURI__.core.invoke('wait_for_cancel', {}, { signal: controller.signal });\n"
              "controller.abort();\n"
              "const name = await call.then(() => 'resolved', (e) => e.name);\n"
              "return [name, (await Promise.all(calls)).length];",
              "[\"AbortError\",2]");
  /* Had the abort overtaken the call, the call would be waiting still. */
  g_assert_cmpuint (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (main_window ())), ==, 0);

  /* The same through @tauri-apps/api's signature: invoke(cmd, args, options). */
  saw_cancel = FALSE;
  runs = 0;
  assert_run (main_window (),
              "window.controller = new AbortController();\n"
              "window.waiting = window.__TAURI_INTERNALS__.invoke('wait_for_cancel', {}, { signal: window.controller.signal })\n"
              "  .then(() => 'resolved', (e) => e.name);\n"
              "return 'started';", "\"started\"");
  wait_until_running ();
  assert_run (main_window (),
              "window.controller.abort(new DOMException('stop', 'TimeoutError'));\n"
              "return await window.waiting;",
              "\"TimeoutError\"");
  wait_for (&saw_cancel);
}

/* Each load of the app's page keeps the one before in the back-forward
 * cache. A page kept there stops polling: otherwise it could take the
 * outbox meant for the page shown, with the answers to its batched calls. */
static void
test_security_back_forward_cache (void)
{
  back_home ();
  back_home ();
  back_home ();

  assert_run (main_window (),
              "let answered = 0;\n"
              "for (let round = 0; round < 20; round++)\n"
              "  answered += (await Promise.all([1, 2, 3].map(() => window.__TAURI__.core.invoke('count_runs')))).length;\n"
              "return answered;",
              "60");
}

static void
test_security_reload_runs_once (void)
{
  back_home ();
  runs = 0;
  saw_cancel = FALSE;

  assert_run (main_window (), "window.__TAURI__.core.invoke('wait_for_cancel'); return 'started';", "\"started\"");
  wait_until_running ();
  webkit_web_view_reload (tauri_window_get_web_view (main_window ()));
  test_ui_wait_for_load (main_window ());
  wait_for (&saw_cancel);

  /* Nothing was run again by the reload. */
  g_assert_cmpuint (g_atomic_int_get (&runs), ==, 1);
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  g_assert_cmpuint (g_atomic_int_get (&runs), ==, 1);

  /* A call with raw bytes: its answer ("The page is gone") reaches the web
   * process after the page that made it has gone. */
  runs = 0;
  saw_cancel = FALSE;
  assert_run (main_window (), "window.__TAURI__.core.invoke('wait_for_cancel', new Uint8Array(1 << 16)); return 'started';",
              "\"started\"");
  wait_until_running ();
  webkit_web_view_reload (tauri_window_get_web_view (main_window ()));
  test_ui_wait_for_load (main_window ());
  wait_for (&saw_cancel);
  g_assert_cmpuint (g_atomic_int_get (&runs), ==, 1);
  assert_run (main_window (), "return new Uint8Array(await window.__TAURI__.core.invoke('echo_bytes', new Uint8Array([5]))).length;",
              "1");
}

static void
test_security_window_closed (void)
{
  g_autoptr(GError) error = NULL;
  TauriWindow *window = tauri_app_open_window (app, "closing", &error);

  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  runs = 0;
  saw_cancel = FALSE;

  assert_run (window, "window.__TAURI__.core.invoke('wait_for_cancel'); return 'started';", "\"started\"");
  wait_until_running ();
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (&saw_cancel);
  g_assert_cmpuint (g_atomic_int_get (&runs), ==, 1);

  /* And while a call with raw bytes runs. */
  window = tauri_app_open_window (app, "closing", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  runs = 0;
  saw_cancel = FALSE;

  assert_run (window, "window.__TAURI__.core.invoke('wait_for_cancel', new Uint8Array(1 << 20)); return 'started';",
              "\"started\"");
  wait_until_running ();
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (&saw_cancel);
  g_assert_cmpuint (g_atomic_int_get (&runs), ==, 1);
}

static void
test_security_web_process_killed (void)
{
  g_autoptr(GError) error = NULL;
  TauriWindow *other = tauri_app_open_window_with_web_process (app, "other", TAURI_WEB_PROCESS_OWN, &error);
  TauriWindow *sharing = NULL;
  WebKitWebView *web_view = tauri_window_get_web_view (main_window ());

  g_assert_no_error (error);
  sharing = tauri_app_open_window (app, "sharing", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (other);
  test_ui_wait_for_load (sharing);
  back_home ();
  runs = 0;
  saw_cancel = FALSE;

  assert_run (main_window (), "window.__TAURI__.core.invoke('wait_for_cancel'); return 'started';", "\"started\"");
  wait_until_running ();
  g_assert_cmpuint (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (main_window ())), ==, 1);

  webkit_web_view_terminate_web_process (web_view);
  wait_for (&saw_cancel);
  g_assert_cmpuint (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (main_window ())), ==, 0);

  /* The window of another process never noticed; the page came back by
   * itself, and so did the one of the window that shared its process. */
  assert_run (other, "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  test_ui_wait_for_load (main_window ());
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  test_ui_wait_for_load (sharing);
  assert_run (sharing, "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  gtk_window_destroy (GTK_WINDOW (sharing));

  /* Dead again at once: the window says so rather than reload in a loop. */
  webkit_web_view_terminate_web_process (web_view);
  while (g_strcmp0 (webkit_web_view_get_title (web_view), "Page stopped") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* And should even that page die, it is left as it is. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "*“main” stopped (terminated)*");
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "*“main” is left stopped*3 times*");
  webkit_web_view_terminate_web_process (web_view);
  g_test_assert_expected_messages ();

  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_security_capabilities (void)
{
  g_autoptr(GError) error = NULL;
  TauriWindow *second = NULL;
  static const char capability[] =
    "{ \"identifier\": \"main-window\", \"windows\": [\"main\"],\n"
    "  \"permissions\": [\"greeting\", \"count_runs\", \"deny-count-runs\", \"plugin:window|close\"] }";

  /* The app's own commands too, as an app that declares an app manifest
   * has them in Tauri. */
  tauri_command_registry_set_check_app_commands (tauri_app_get_registry (app), TRUE);
  tauri_command_registry_load_capabilities_from_data (tauri_app_get_registry (app), capability, -1, &error);
  g_assert_no_error (error);
  back_home ();
  second = tauri_app_open_window (app, "second", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (second);

  /* Granted, denied (deny wins), and not granted to this window. */
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  assert_run (main_window (),
              "try { await window.__TAURI__.core.invoke('count_runs'); } catch (e) { return e; }",
              "\"Command count_runs not allowed by ACL\"");
  assert_run (main_window (),
              "try { await window.__TAURI__.core.invoke('window_label'); } catch (e) { return e; }",
              "\"Command window_label not allowed by ACL\"");
  assert_run (second,
              "try { await window.__TAURI__.core.invoke('greeting'); } catch (e) { return e; }",
              "\"Command greeting not allowed by ACL\"");
  assert_run (second,
              "try { await window.__TAURI__.core.invoke('echo_bytes', new Uint8Array([1])); } catch (e) { return e; }",
              "\"Command echo_bytes not allowed by ACL\"");

  gtk_window_destroy (GTK_WINDOW (second));
}

/* remote.urls: a remote page a capability names may call what it grants,
 * and nothing else; another remote page still calls nothing. */
static void
test_security_remote_capability (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *capability = NULL;
  g_autofree char *allowed = g_strdup_printf ("%s/allowed/page.html", remote);
  g_autofree char *other = g_strdup_printf ("%s/other/page.html", remote);
  TauriWindow *window;

  capability = g_strdup_printf ("{ \"identifier\": \"remote-page\", \"windows\": [\"remote\"],\n"
                                "  \"remote\": { \"urls\": [\"%s/allowed/*\"] },\n"
                                "  \"permissions\": [\"greeting\"] }", remote);
  tauri_command_registry_load_capabilities_from_data (tauri_app_get_registry (app), capability, -1, &error);
  g_assert_no_error (error);

  window = tauri_app_open_window (app, "remote", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (window);

  load (window, allowed);
  assert_run (window, "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
  assert_run (window, "try { await window.__TAURI__.core.invoke('window_label'); } catch (e) { return e; }",
              "\"Command window_label not allowed by ACL\"");

  /* Another page of that site, that no capability names, gets no bridge,
   * though its window may call from remote pages. */
  load (window, other);
  assert_run (window, "return [typeof window.__TAURI__, typeof window.__TAURI_INTERNALS__];",
              "[\"undefined\",\"undefined\"]");
  assert_run (window, "while (!window.results) await new Promise((r) => setTimeout(r, 20)); return window.results.call;",
              "\"Command not allowed: the page is not the app’s own\"");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* asset:// answers the window's own page, on its own origin: a frame of
 * another origin, or an opaque one, cannot read the asset scope. */
static void
test_security_asset_origins (void)
{
  g_autofree char *file = g_build_filename (asset_dir, "secret.txt", NULL);
  g_autofree char *escaped = g_uri_escape_string (file, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("asset://localhost/%s", escaped);
  g_autofree char *read_here = g_strdup_printf ("const r = await fetch('%s');\n"
                                                "return [r.status, await r.text()];", url);
  g_autofree char *foreign = g_strdup_printf ("frame.src = '%s/fetch.html#' + encodeURIComponent('%s');", remote, url);
  g_autofree char *opaque = g_strdup_printf ("frame.sandbox = 'allow-scripts';\n"
                                             "frame.srcdoc = window.fetchPage.replace('location.hash.slice(1)',\n"
                                             "                                        \"encodeURIComponent('%s')\");", url);
  g_autofree char *got = NULL;

  g_assert_true (g_file_set_contents (file, "the asset", -1, NULL));
  tauri_app_set_content_security_policy (app, "");
  back_home ();

  assert_run (main_window (), read_here, "[200,\"the asset\"]");

  got = frame_message (foreign);
  g_assert_cmpstr (got, ==, "\"TypeError\"");
  g_clear_pointer (&got, g_free);

  /* An opaque (sandboxed) frame of the app's own page. */
  assert_run (main_window (), "window.fetchPage = `<script>(async () => { let got;\n"
                              "  try { const r = await fetch(decodeURIComponent(location.hash.slice(1))); got = r.status + ' ' + await r.text(); }\n"
                              "  catch (e) { got = e.name; } parent.postMessage(got, '*'); })();</` + 'script>'; return 1;",
              "1");
  got = frame_message (opaque);
  g_assert_cmpstr (got, ==, "\"TypeError\"");

  tauri_app_set_content_security_policy (app, NULL);
}

/* asset:// streams what it serves, asynchronously: a file far larger than
 * memory is served, a FIFO refused, and the app answers meanwhile. */
static void
test_security_asset_streams (void)
{
  g_autofree char *huge = g_build_filename (asset_dir, "huge.bin", NULL);
  g_autofree char *fifo = g_build_filename (asset_dir, "fifo", NULL);
  g_autofree char *huge_url = NULL;
  g_autofree char *fifo_url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *escaped = NULL;
  int fd;

  /* 64 GiB, sparse: taking its size in memory would abort the app. */
  fd = g_open (huge, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (64) << 30), ==, 0);
  close (fd);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  escaped = g_uri_escape_string (huge, NULL, FALSE);
  huge_url = g_strdup_printf ("asset://localhost/%s", escaped);
  g_free (escaped);
  escaped = g_uri_escape_string (fifo, NULL, FALSE);
  fifo_url = g_strdup_printf ("asset://localhost/%s", escaped);

  back_home ();
  body = g_strdup_printf ("const range = await fetch('%s', { headers: { Range: 'bytes=68719476730-' } });\n"
                          "const controller = new AbortController();\n"
                          "const whole = await fetch('%s', { signal: controller.signal });\n"
                          "controller.abort();\n"
                          "const answered = await window.__TAURI__.core.invoke('greeting');\n"
                          "const fifo = await fetch('%s');\n"
                          "return [range.status, range.headers.get('Content-Range'), (await range.arrayBuffer()).byteLength,\n"
                          "        whole.status, whole.headers.get('Content-Length'), answered, fifo.status];",
                          huge_url, huge_url, fifo_url);
  assert_run (main_window (), body,
              "[206,\"bytes 68719476730-68719476735/68719476736\",6,200,\"68719476736\",\"Hello from C!\",403]");

  g_unlink (huge);
  g_unlink (fifo);
}

/* Slow commands on worker threads fill a pool of their own: the app's
 * pages load meanwhile, and a reload ends them as it starts. */
static void
test_security_busy_workers (void)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (app);

  back_home ();
  runs = 0;

  /* Every worker thread taken, and hundreds of calls waiting. */
  assert_run (main_window (),
              "window.busy = [];\n"
              "for (let i = 0; i < 400; i++)\n"
              "  window.busy.push(window.__TAURI__.core.invoke('wait_for_cancel').catch(() => 'cancelled'));\n"
              "return 'started';", "\"started\"");
  while (g_atomic_int_get (&runs) < tauri_command_registry_get_max_threads (registry))
    g_main_context_iteration (NULL, TRUE);

  /* A file of the app, and a call on the main thread, answer meanwhile. */
  assert_run (main_window (), "return (await fetch('tauri://localhost/index.html')).status;", "200");
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");

  /* The reload comes, and the calls end; those that waited never ran. */
  webkit_web_view_reload (tauri_window_get_web_view (main_window ()));
  test_ui_wait_for_load (main_window ());
  while (_tauri_bridge_get_n_pending (_tauri_window_get_bridge (main_window ())) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_atomic_int_get (&runs), <=, 2 * tauri_command_registry_get_max_threads (registry));
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
}

/* The window commands a page may call check their arguments as an app's
 * commands do: a title of megabytes, sizes negative, huge or not numbers
 * are refused with a text, and the app goes on. */
static void
test_security_window_commands (void)
{
  back_home ();
  assert_run (main_window (),
              "const { invoke } = window.__TAURI__.core;\n"
              "const settle = (p) => p.then((v) => ['ok', v], (e) => ['err', e]);\n"
              "const size = (width, height) => settle(invoke('plugin:window|set_size', { value: { Logical: { width, height } } }));\n"
              "return [await settle(invoke('plugin:window|set_title', { value: 'x'.repeat(2 * 1024 * 1024) })),\n"
              "        await size(-5, 10), await size(1e300, 10), await size('wide', 10), await size(10),\n"
              "        await settle(invoke('plugin:window|set_size', { value: { Wide: 3 } })),\n"
              "        await size(640, 480), await settle(invoke('plugin:window|set_title', { value: 'fine' }))];",
              "[[\"err\",\"invalid args `value` for command `plugin:window|set_title`: the title is 2097152 bytes, more than 4096\"],"
              "[\"err\",\"invalid args `value` for command `plugin:window|set_size`: width and height must be numbers of pixels from 1 to 32767\"],"
              "[\"err\",\"invalid args `value` for command `plugin:window|set_size`: width and height must be numbers of pixels from 1 to 32767\"],"
              "[\"err\",\"invalid args `value` for command `plugin:window|set_size`: width and height must be numbers of pixels from 1 to 32767\"],"
              "[\"err\",\"invalid args `value` for command `plugin:window|set_size`: width and height must be numbers of pixels from 1 to 32767\"],"
              "[\"err\",\"invalid args `value` for command `plugin:window|set_size`: expected {Logical: {width, height}} or {Physical: {width, height}}\"],"
              "[\"ok\",null],[\"ok\",null]]");
}

/* flood: on a worker thread, sends `count` strings of `size` bytes to the
 * channel, and answers how many went. */
static JsonNode *
flood (TauriInvocation  *invocation,
       GCancellable     *cancellable,
       gpointer          user_data,
       GError          **error)
{
  g_autoptr(TauriChannel) channel = tauri_invocation_dup_channel (invocation, "on_message");
  gint64 count = tauri_invocation_get_int (invocation, "count");
  g_autoptr(GString) text = g_string_new ("\"");
  gint64 sent = 0;

  for (gint64 i = 0; i < tauri_invocation_get_int (invocation, "size"); i++)
    g_string_append_c (text, 'x');
  g_string_append_c (text, '"');

  while (sent < count && tauri_channel_send_json (channel, text->str))
    sent++;

  return json_node_init_int (json_node_alloc (), sent);
}

static gsize most_queued;

static gboolean
sample_queued_cb (gpointer user_data)
{
  TauriBridge *bridge = _tauri_window_get_bridge (main_window ());

  most_queued = MAX (most_queued, _tauri_bridge_page_get_queued (_tauri_bridge_get_page (bridge)));
  return G_SOURCE_CONTINUE;
}

/* A channel floods a page that does not read for a while: what waits for
 * the page stays bounded (the sender waits), all arrives once the page
 * reads, and a page that goes frees the sender. */
static void
test_security_slow_reader (void)
{
  guint sampler;

  back_home ();
  most_queued = 0;
  sampler = g_timeout_add (2, sample_queued_cb, NULL);
  assert_run (main_window (),
              "const { invoke, Channel } = window.__TAURI__.core;\n"
              "let got = 0;\n"
              "const onMessage = new Channel((m) => { got += m.length; });\n"
              "const flooding = invoke('flood', { onMessage, count: 16000, size: 4096 });\n"
              "const until = Date.now() + 1500;\n"
              "while (Date.now() < until) {}\n"
              "const sent = await flooding;\n"
              "while (got < sent * 4096) await new Promise((resolve) => setTimeout(resolve, 20));\n"
              "return [sent, got];",
              "[16000,65536000]");
  g_source_remove (sampler);
  g_test_message ("at most %" G_GSIZE_FORMAT " bytes waited for the page", most_queued);
  g_assert_cmpuint (most_queued, >, 0);
  g_assert_cmpuint (most_queued, <=, TAURI_BRIDGE_PAGE_MAX_QUEUED + 4096 + 64);

  /* The page goes while the sender waits for it: the sender is freed. */
  assert_run (main_window (),
              "const { invoke, Channel } = window.__TAURI__.core;\n"
              "invoke('flood', { onMessage: new Channel(() => {}), count: 1000000, size: 4096 });\n"
              "const until = Date.now() + 500;\n"
              "while (Date.now() < until) {}\n"
              "return 'flooding';", "\"flooding\"");
  back_home ();
  while (_tauri_bridge_page_get_queued (_tauri_bridge_get_page (_tauri_window_get_bridge (main_window ()))) > 0)
    g_main_context_iteration (NULL, TRUE);
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('greeting');", "\"Hello from C!\"");
}

/* The resident memory of this process, the UI process, in bytes. */
static gsize
resident_size (void)
{
  g_autofree char *statm = NULL;
  gsize pages = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%*u %" G_GSIZE_MODIFIER "u", &pages), ==, 1);
  return pages * (gsize) sysconf (_SC_PAGESIZE);
}

/* A call larger than the registry takes is refused before it is copied
 * to this process: its memory does not grow by the call's size. */
static void
test_security_oversized_calls (void)
{
  gsize before;
  gsize after;

  back_home ();
  before = resident_size ();
  assert_run (main_window (),
              "const { invoke } = window.__TAURI__.core;\n"
              "const settle = (p) => p.then((v) => ['ok', v], (e) => ['err', e]);\n"
              "const text = 'x'.repeat(70 * 1024 * 1024);\n"
              "const bytes = new Uint8Array(65 * 1024 * 1024);\n"
              "return [await settle(invoke('greeting', { text })),\n"
              "        await settle(Promise.all([invoke('greeting'), invoke('greeting', { text })])),\n"
              "        await settle(invoke('echo_bytes', bytes))];",
              "[[\"err\",\"invalid args for command `greeting`: the call is 73400331 bytes, more than the limit of 67108864\"],"
              "[\"err\",\"invalid args for command `greeting`: the call is 73400331 bytes, more than the limit of 67108864\"],"
              "[\"err\",\"invalid args for command `echo_bytes`: the call is 68157440 bytes, more than the limit of 67108864\"]]");
  after = resident_size ();
  g_test_message ("the UI process grew by %" G_GSIZE_FORMAT " KiB", (after - MIN (before, after)) / 1024);
  g_assert_cmpuint (after, <, before + 64 * 1024 * 1024);
}

/* The page names its calls; a second call of a name in use is refused at
 * once, and the first one is answered as it should be. A command name
 * that cannot be sent whole fails alone, not the calls made with it. */
static void
test_security_call_names (void)
{
  TauriBridge *bridge = _tauri_window_get_bridge (main_window ());
  g_autofree char *body = NULL;
  g_autofree char *got = NULL;

  back_home ();
  body = g_strdup_printf ("const post = (message) => window.webkit.messageHandlers.tauri.postMessage('%s' + message)\n"
                          "  .then((v) => ['ok', JSON.parse(v)], (e) => ['err', JSON.parse(e.message)]);\n"
                          "const first = post('i900\\nslow_sum\\n{\"a\":1,\"b\":2,\"delayMs\":200}');\n"
                          "const second = await post('i900\\ngreeting\\n');\n"
                          "return JSON.stringify([second, await first]);", bridge->token);
  got = test_ui_run_js (main_window (), TAURI_BRIDGE_WORLD, body);
  g_assert_cmpstr (got, ==, "[[\"err\",\"malformed message: the call id 900 is already in use\"],[\"ok\",3]]");

  assert_run (main_window (),
              "const { invoke } = window.__TAURI__.core;\n"
              "const settle = (p) => p.then((v) => ['ok', v], (e) => ['err', e]);\n"
              "return await Promise.all([settle(invoke('greeting')), settle(invoke('gree\\ud800ting')), settle(invoke('greeting'))]);",
              "[[\"ok\",\"Hello from C!\"],[\"err\",\"invalid command name\"],[\"ok\",\"Hello from C!\"]]");
}

/* Each document has a token of its own, which goes with it: a page that
 * had one cannot pass it on to the document after it. */
static void
test_security_token_per_document (void)
{
  TauriBridge *bridge = _tauri_window_get_bridge (main_window ());
  g_autofree char *old_token = NULL;
  g_autofree char *forge = NULL;

  back_home ();
  old_token = g_strdup (bridge->token);
  runs = 0;
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('count_runs');", "1");

  back_home ();
  g_assert_cmpstr (bridge->token, !=, old_token);
  forge = g_strdup_printf ("try { return await new Promise((resolve, reject) =>\n"
                           "  window.__TAURI_GTK_CALL__(resolve, reject, '%si7\\ncount_runs\\n')); }\n"
                           "catch (e) { return e; }", old_token);
  assert_run (main_window (), forge, "\"Command not allowed: the page is not the app’s own\"");
  g_assert_cmpuint (runs, ==, 1);
  assert_run (main_window (), "return await window.__TAURI__.core.invoke('count_runs');", "2");
}

/* A development server's host on another port is another origin: no
 * bridge there, though WebKit's URL patterns ignore ports. */
static void
test_security_other_port (void)
{
  g_autofree char *saved = g_strdup (tauri_app_get_frontend (app));
  g_autofree char *app_page = g_strdup_printf ("%s/page.html", remote);
  g_autoptr(GSubprocess) other_server = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *other_page = NULL;
  TauriWindow *window;
  int port = 0;

  other_server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                   "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                   "--directory", site, NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (other_server));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (line, "Serving HTTP on 127.0.0.1 port %d", &port), ==, 1);
  other_page = g_strdup_printf ("http://127.0.0.1:%d/page.html", port);

  tauri_app_set_frontend (app, app_page);
  tauri_app_allow_navigation (app, other_page);
  window = tauri_app_open_window (app, "dev", &error);
  g_assert_no_error (error);
  test_ui_wait_for_load (window);
  assert_run (window, "return typeof window.__TAURI__;", "\"object\"");

  load (window, other_page);
  assert_run (window, "return [typeof window.__TAURI__, typeof window.__TAURI_INTERNALS__];",
              "[\"undefined\",\"undefined\"]");

  gtk_window_destroy (GTK_WINDOW (window));
  tauri_app_set_frontend (app, saved);
  g_subprocess_force_exit (other_server);
  g_subprocess_wait (other_server, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = test_isolate_dirs ();
  g_autofree char *frontend = NULL;
  TauriCommandRegistry *registry;
  int status;

  g_test_init (&argc, &argv, NULL);

  start_server (root);
  opened_externally = g_ptr_array_new_with_free_func (g_free);

  frontend = g_test_build_filename (G_TEST_DIST, "frontend", NULL);
  test_ui_capture_prints (TRUE);
  app = test_ui_start_demo (NULL, frontend);
  test_ui_capture_prints (FALSE);
  /* The strict policy, not Tauri's default of none. */
  tauri_app_set_content_security_policy (app, TAURI_APP_STRICT_CSP);
  webkit_web_view_reload (tauri_window_get_web_view (tauri_app_get_window (app, "main")));
  test_ui_wait_for_load (tauri_app_get_window (app, "main"));

  asset_dir = g_build_filename (root, "assets", NULL);
  g_assert_cmpint (g_mkdir (asset_dir, 0700), ==, 0);
  tauri_app_add_asset_scope (app, asset_dir);

  registry = tauri_app_get_registry (app);
  tauri_command_registry_add (registry, tauri_command_new ("count_runs", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           count_runs, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new_thread ("wait_for_cancel", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                                  wait_for_cancel, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new_thread ("flood",
                                                                  "on_message: channel<string>, count: integer, size: integer",
                                                                  TAURI_COMMAND_FLAGS_NONE, flood, NULL, NULL));

  test_ui_add ("/Tauri/Security/foreign-frame", test_security_foreign_frame);
  test_ui_add ("/Tauri/Security/data-frame", test_security_data_frame);
  test_ui_add ("/Tauri/Security/navigation", test_security_navigation);
  test_ui_add ("/Tauri/Security/external-launches", test_security_external_launches);
  test_ui_add ("/Tauri/Security/user-clicks", test_security_user_clicks);
  test_ui_add ("/Tauri/Security/csp", test_security_csp);
  test_ui_add ("/Tauri/Security/abort", test_security_abort);
  test_ui_add ("/Tauri/Security/back-forward-cache", test_security_back_forward_cache);
  test_ui_add ("/Tauri/Security/reload-runs-once", test_security_reload_runs_once);
  test_ui_add ("/Tauri/Security/window-closed", test_security_window_closed);
  test_ui_add ("/Tauri/Security/web-process-killed", test_security_web_process_killed);
  test_ui_add ("/Tauri/Security/foreign-pages", test_security_foreign_pages);
  test_ui_add ("/Tauri/Security/token-per-document", test_security_token_per_document);
  test_ui_add ("/Tauri/Security/other-port", test_security_other_port);
  test_ui_add ("/Tauri/Security/asset-origins", test_security_asset_origins);
  test_ui_add ("/Tauri/Security/asset-streams", test_security_asset_streams);
  test_ui_add ("/Tauri/Security/busy-workers", test_security_busy_workers);
  test_ui_add ("/Tauri/Security/window-commands", test_security_window_commands);
  test_ui_add ("/Tauri/Security/slow-reader", test_security_slow_reader);
  test_ui_add ("/Tauri/Security/oversized-calls", test_security_oversized_calls);
  test_ui_add ("/Tauri/Security/call-names", test_security_call_names);
  /* Last: a capability, once loaded, governs the rest of the app's life. */
  test_ui_add ("/Tauri/Security/capabilities", test_security_capabilities);
  test_ui_add ("/Tauri/Security/remote-capability", test_security_remote_capability);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  g_subprocess_force_exit (server);
  g_clear_object (&server);
  g_clear_pointer (&opened_externally, g_ptr_array_unref);
  g_free (remote);
  g_free (site);
  g_free (asset_dir);
  test_remove_tree (root);

  return status;
}
