/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-bridge-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-message-private.h"
#include "tauri-origin-private.h"

/*
 * Calls with raw bytes over tauri://, where the web process extension is
 * missing: the page POSTs the bytes to
 * tauri://localhost/__tauri_ipc__/<command>, with the headers Tauri-Token
 * (the window's token), Tauri-Call-Id (the page's id of the call) and
 * Tauri-Headers (the headers of invoke()'s options, a JSON object). The
 * answer is the response (see _tauri_bridge_reply_encode_request()).
 */

typedef struct
{
  TauriBridge        *bridge;
  TauriBridgeReply    reply;
  TauriBridgeRequest  request;      /* its strings and table owned by the read */
  char               *name;
  char               *remote_uri;
  GHashTable         *headers;
  GInputStream       *stream;
  GByteArray         *body;
  gsize               filled;       /* bytes of body read so far */
  gsize               expected;     /* the Content-Length, or 0 */
} TauriBridgeBodyRead;

static void
body_read_free (TauriBridgeBodyRead *read)
{
  _tauri_bridge_reply_drop (&read->reply);
  g_clear_object (&read->bridge);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_clear_pointer (&read->headers, g_hash_table_unref);
  g_free (read->name);
  g_free (read->remote_uri);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriBridgeBodyRead, body_read_free)

static void
start_call (TauriBridgeBodyRead *read)
{
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&read->body));

  read->request.name = read->name;
  read->request.remote_uri = read->remote_uri;
  read->request.headers = read->headers;
  read->request.body = body;
  _tauri_bridge_start_call (read->bridge, &read->request, &read->reply);
}

static void read_more (TauriBridgeBodyRead *read);

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TauriBridgeBodyRead) read = user_data;
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &bytes_read, &error))
    {
      _tauri_bridge_reply_refuse (&read->reply, error->message);
      return;
    }

  read->filled += bytes_read;

  /* The stream ended short of the room given, or holds what its
   * Content-Length announced. */
  if (read->filled < read->body->len || read->filled == read->expected)
    {
      g_byte_array_set_size (read->body, read->filled);
      start_call (read);
      return;
    }

  read_more (g_steal_pointer (&read));
}

/* Reads straight into the body's buffer, which has the announced size when
 * there is a Content-Length, and else grows 1 MiB at a time: no chunk is
 * copied, and the buffer is not grown by doubling. Reads one byte past the
 * size limit at most, to know that it is over. Takes @read. */
static void
read_more (TauriBridgeBodyRead *read)
{
  gsize limit = tauri_command_registry_get_max_message_size (read->bridge->registry);
  gsize room;

  if (read->filled > limit)
    {
      _tauri_bridge_refuse_too_large (read->bridge, &read->reply, read->name, read->filled);
      body_read_free (read);
      return;
    }

  if (read->filled == 0 && read->expected > 0)
    room = read->expected;
  else
    room = MIN (1024 * 1024, limit + 1 - read->filled);

  g_byte_array_set_size (read->body, read->filled + room);
  g_input_stream_read_all_async (read->stream, read->body->data + read->filled, room,
                                 G_PRIORITY_DEFAULT, NULL, body_read_cb, read);
}

static const char *
get_header (WebKitURISchemeRequest *request,
            const char             *name)
{
  SoupMessageHeaders *headers = webkit_uri_scheme_request_get_http_headers (request);

  return headers ? soup_message_headers_get_one (headers, name) : NULL;
}

/* The headers that let the window's page read the answer when it is on
 * another origin than tauri:// (the app's development server, a remote
 * page a capability names); a page of any other origin, a frame's say,
 * gets none, and cannot read it. */
void
_tauri_bridge_ipc_add_cors_headers (WebKitURISchemeRequest *request,
                                    SoupMessageHeaders     *headers)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  GtkWidget *window = web_view ? gtk_widget_get_ancestor (GTK_WIDGET (web_view), TAURI_TYPE_WINDOW) : NULL;
  TauriApp *app = window ? tauri_window_get_app (TAURI_WINDOW (window)) : NULL;
  const char *origin = get_header (request, "Origin");

  if (origin == NULL || app == NULL || !_tauri_origin_equal (origin, webkit_web_view_get_uri (web_view)))
    return;
  if (!_tauri_app_is_trusted_uri (app, origin) &&
      !_tauri_command_registry_allows_remote (tauri_app_get_registry (app),
                                              tauri_window_get_label (TAURI_WINDOW (window)), origin))
    return;

  soup_message_headers_replace (headers, "Access-Control-Allow-Origin", origin);
  soup_message_headers_replace (headers, "Vary", "Origin");
}

/* OPTIONS: the answer to a CORS preflight. */
void
_tauri_bridge_ipc_allow_origin (WebKitURISchemeRequest *request)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, 0);
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  _tauri_bridge_ipc_add_cors_headers (request, headers);
  soup_message_headers_replace (headers, "Access-Control-Allow-Methods", "POST");
  soup_message_headers_replace (headers, "Access-Control-Allow-Headers",
                                "Content-Type, Tauri-Token, Tauri-Call-Id, Tauri-Headers");
  soup_message_headers_replace (headers, "Access-Control-Max-Age", "600");
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_response_set_status (response, 204, NULL);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* POST tauri://localhost/__tauri_ipc__/<command>, with the raw body. */
void
_tauri_bridge_ipc_handle_request (TauriBridge            *self,
                                  WebKitURISchemeRequest *request)
{
  g_autoptr(TauriBridgeBodyRead) read = g_new0 (TauriBridgeBodyRead, 1);
  const char *token = get_header (request, "Tauri-Token");
  const char *call_id = get_header (request, "Tauri-Call-Id");
  const char *headers = get_header (request, "Tauri-Headers");
  const char *content_length = get_header (request, "Content-Length");
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autoptr(GError) error = NULL;
  const char *remote_uri = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  /* A page on another origin (a development server) may ask first. */
  if (g_strcmp0 (webkit_uri_scheme_request_get_http_method (request), "OPTIONS") == 0)
    {
      _tauri_bridge_ipc_allow_origin (request);
      return;
    }

  read->bridge = g_object_ref (self);
  read->reply.kind = TAURI_BRIDGE_REPLY_REQUEST;
  read->reply.to.request = g_object_ref (request);

  /* Another frame or page cannot send the token, whatever origin it claims. */
  if (!_tauri_bridge_trust_caller (self, token, token ? strlen (token) : 0, "a tauri:// call", &remote_uri))
    {
      _tauri_bridge_reply_refuse (&read->reply, TAURI_BRIDGE_NOT_ALLOWED);
      return;
    }
  read->remote_uri = g_strdup (remote_uri);

  read->name = g_uri_unescape_string (path + strlen (TAURI_BRIDGE_IPC_PATH), NULL);
  if (g_strcmp0 (webkit_uri_scheme_request_get_http_method (request), "POST") != 0 ||
      call_id == NULL || !_tauri_message_parse_call_id (call_id, call_id + strlen (call_id), &read->request.id))
    {
      _tauri_bridge_reply_refuse (&read->reply, "malformed message");
      return;
    }

  if (read->name == NULL || !_tauri_message_is_valid_name (read->name, strlen (read->name)))
    {
      _tauri_bridge_reply_refuse (&read->reply, "invalid command name");
      return;
    }

  if (headers != NULL &&
      (read->headers = _tauri_message_parse_headers (headers, strlen (headers), &error)) == NULL)
    {
      _tauri_bridge_reply_refuse (&read->reply, error->message);
      return;
    }

  /* Refused before a byte of the body is read. */
  if (content_length != NULL)
    read->expected = g_ascii_strtoull (content_length, NULL, 10);
  if (read->expected > tauri_command_registry_get_max_message_size (self->registry))
    {
      _tauri_bridge_refuse_too_large (self, &read->reply, read->name, read->expected);
      return;
    }

  read->body = g_byte_array_new ();
  read->stream = webkit_uri_scheme_request_get_http_body (request);
  if (read->stream == NULL)
    {
      start_call (read);
      return;
    }

  read_more (g_steal_pointer (&read));
}
