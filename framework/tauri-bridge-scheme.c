/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-bridge-internal.h"
#include "tauri-command-registry-private.h"
#include "tauri-json-private.h"
#include "tauri-window.h"

/*
 * Calls whose body is raw bytes, which a script message cannot carry: the
 * page POSTs them to tauri://localhost/__tauri_ipc__/<command> with its
 * window's token, and fetches raw answers to script-message calls from
 * tauri://localhost/__tauri_ipc__/__bytes__/<id>.
 */

typedef struct
{
  TauriBridge            *bridge;
  WebKitURISchemeRequest *request;
  char                   *name;
  char                   *remote_uri;
  guint64                 call_id;     /* the page's, or 0 */
  GInputStream           *stream;
  GByteArray             *body;
  gsize                   filled;      /* bytes of body read so far */
  gsize                   expected;    /* the Content-Length, or 0 */
} BodyRead;

static void
body_read_free (BodyRead *read)
{
  g_clear_object (&read->bridge);
  g_clear_object (&read->request);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_free (read->name);
  g_free (read->remote_uri);
  g_free (read);
}

static void
finish_request_with_error (WebKitURISchemeRequest *request,
                           const char             *message)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (message);

  _tauri_bridge_finish_request (request, 400, "application/json", json);
}

/* Starts the call @name with the raw @body, answered to @to, which it
 * takes. @page_id is the id the page gave the call, or 0. */
void
_tauri_bridge_dispatch_body (TauriBridge *self,
                             const char  *name,
                             const char  *remote_uri,
                             guint64      page_id,
                             GBytes      *body,
                             ReplyTo     *to)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  guint64 id = page_id | BODY_CALL_IDS;
  Call *call;

  /* Kept under the page's id, for an abort to find, unless it has none or
   * it is taken. */
  if (page_id == 0 || page_id >= BODY_CALL_IDS || g_hash_table_contains (self->calls, &id))
    id = UNNAMED_BODY_CALL_IDS + ++self->last_body_call;
  call = _tauri_bridge_call_new (self, id);

  call->to = *to;
  memset (to, 0, sizeof *to);
  invocation = _tauri_command_registry_dispatch_body (self->registry, name, body,
                                                      self->window, NULL, remote_uri,
                                                      _tauri_bridge_call_reply_cb, call, (GDestroyNotify) _tauri_bridge_call_free);
  _tauri_bridge_track_invocation (self, id, invocation);
}

static void
dispatch_body (BodyRead *read)
{
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&read->body));
  ReplyTo to = { NULL, };

  to.request = g_steal_pointer (&read->request);
  _tauri_bridge_dispatch_body (read->bridge, read->name, read->remote_uri, read->call_id, body, &to);
}

static void read_more (BodyRead *read);

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BodyRead *read = user_data;
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &bytes_read, &error))
    {
      finish_request_with_error (read->request, error->message);
      body_read_free (read);
      return;
    }

  read->filled += bytes_read;

  /* The stream ended short of the room given, or holds what its
   * Content-Length announced. */
  if (read->filled < read->body->len || read->filled == read->expected)
    {
      g_byte_array_set_size (read->body, read->filled);
      dispatch_body (read);
      body_read_free (read);
      return;
    }

  read_more (read);
}

/* Reads straight into the body's buffer, which has the announced size when
 * there is a Content-Length, and else grows 1 MiB at a time: no chunk is
 * copied, and the buffer is not grown by doubling. Reads one byte past the
 * size limit at most, to know that it is over. */
static void
read_more (BodyRead *read)
{
  gsize limit = tauri_command_registry_get_max_message_size (read->bridge->registry);
  gsize room;

  if (read->filled > limit)
    {
      g_autofree char *text = _tauri_bridge_describe_too_large (read->bridge, read->name, read->filled);

      finish_request_with_error (read->request, text);
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

/* GET tauri://localhost/__tauri_ipc__/__bytes__/<id>: raw bytes answered to
 * a call made with a script message. */
static void
send_answer_bytes (TauriBridge            *self,
                   WebKitURISchemeRequest *request,
                   const char             *id_text)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 id = 0;
  gpointer key = NULL;

  if (g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXUINT64, &id, NULL) &&
      g_hash_table_steal_extended (self->answer_bytes, &id, &key, (gpointer *) &bytes))
    {
      g_free (key);
      _tauri_bridge_finish_request (request, 200, "application/octet-stream", bytes);
      return;
    }

  finish_request_with_error (request, "no such answer");
}

/* POST tauri://localhost/__tauri_ipc__/<command>, with the raw body. */
void
_tauri_bridge_handle_ipc_request (TauriBridge            *self,
                                  WebKitURISchemeRequest *request,
                                  const char             *name)
{
  SoupMessageHeaders *headers = webkit_uri_scheme_request_get_http_headers (request);
  const char *token = headers ? soup_message_headers_get_one (headers, "Tauri-Token") : NULL;
  const char *content_length = headers ? soup_message_headers_get_one (headers, "Content-Length") : NULL;
  const char *call_id = headers ? soup_message_headers_get_one (headers, "Tauri-Call-Id") : NULL;
  g_autoptr(GInputStream) stream = webkit_uri_scheme_request_get_http_body (request);
  const char *remote_uri = NULL;
  BodyRead *read;

  g_assert (TAURI_IS_BRIDGE (self));

  /* Another frame or page cannot send the token, whatever origin it claims. */
  if (!_tauri_bridge_caller_is_trusted (self, token, token ? strlen (token) : 0, "a tauri:// call", &remote_uri))
    {
      finish_request_with_error (request, NOT_ALLOWED);
      return;
    }

  if (g_str_has_prefix (name, "__bytes__/"))
    {
      send_answer_bytes (self, request, name + strlen ("__bytes__/"));
      return;
    }

  if (g_strcmp0 (webkit_uri_scheme_request_get_http_method (request), "POST") != 0)
    {
      finish_request_with_error (request, "malformed message");
      return;
    }

  if (!_tauri_message_is_valid_name (name, strlen (name)))
    {
      finish_request_with_error (request, "invalid command name");
      return;
    }

  if (content_length != NULL &&
      g_ascii_strtoull (content_length, NULL, 10) > tauri_command_registry_get_max_message_size (self->registry))
    {
      g_autofree char *text = _tauri_bridge_describe_too_large (self, name, g_ascii_strtoull (content_length, NULL, 10));

      finish_request_with_error (request, text);
      return;
    }

  read = g_new0 (BodyRead, 1);
  read->bridge = g_object_ref (self);
  read->request = g_object_ref (request);
  read->name = g_strdup (name);
  read->remote_uri = g_strdup (remote_uri);
  read->body = g_byte_array_new ();
  if (call_id == NULL || !g_ascii_string_to_unsigned (call_id, 10, 1, BODY_CALL_IDS - 1, &read->call_id, NULL))
    read->call_id = 0;

  if (stream == NULL)
    {
      dispatch_body (read);
      body_read_free (read);
      return;
    }

  read->stream = g_steal_pointer (&stream);
  if (content_length != NULL)
    read->expected = g_ascii_strtoull (content_length, NULL, 10);
  read_more (read);
}

