/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <gio/gunixfdlist.h>

#include "tauri-bridge-private.h"
#include "tauri-json-private.h"
#include "tauri-memfd-private.h"

/*
 * Where a call's answer goes, TauriBridgeReply, and how each transport
 * carries an answer. Three operations, each one switch over the kinds:
 * send an answer, refuse with a text, and drop (the page is gone). Each
 * empties the reply, so that a call is answered once.
 *
 * An answer's payload is JSON text or raw bytes, exactly as long as its
 * GBytes: it is never read as a C string. How each transport writes it:
 *
 * - the reply to a script message (a call made alone): a string, the JSON
 *   text of a value, or `~` and the bytes in base64 (a reply cannot carry an
 *   ArrayBuffer: a typed array arrives as an object of numbered keys); an
 *   error is the reply's error message, the JSON text of the error value;
 * - the outbox (a call of a batch): `A<call id> <tag><body>` and a NUL,
 *   tag `+` for a value, `-` for an error, `~` for bytes in base64;
 * - the web process extension's message: (y, ay), the tag `+` or `-` and
 *   the JSON text, or `*` with the bytes in a sealed memory file;
 * - a tauri:// request: the body, `application/json` with status 200 or
 *   400 for an error, `application/octet-stream` for bytes.
 *
 * Raw bytes answered to a call whose arguments were JSON thus ride in the
 * answer itself: nothing of the call is kept once it is answered, and no
 * second request, which a page's Content-Security-Policy or origin could
 * block, fetches them.
 *
 * Dropping ends what is still open with the rejection "The page is gone":
 * the page that would read it is gone, or gave up on the call (an
 * AbortSignal), and the transport must still end. An outbox entry has
 * nothing to end: the outbox goes with its page.
 */

#define PAGE_GONE "The page is gone"

static void
reply_clear (TauriBridgeReply *self)
{
  switch (self->kind)
    {
    case TAURI_BRIDGE_REPLY_SCRIPT:
      g_clear_pointer (&self->to.script.reply, webkit_script_message_reply_unref);
      g_clear_object (&self->to.script.context);
      break;

    case TAURI_BRIDGE_REPLY_REQUEST:
      g_clear_object (&self->to.request);
      break;

    case TAURI_BRIDGE_REPLY_MESSAGE:
      g_clear_object (&self->to.message);
      break;

    case TAURI_BRIDGE_REPLY_OUTBOX:
    case TAURI_BRIDGE_REPLY_NONE:
    default:
      break;
    }

  memset (self, 0, sizeof *self);
}

/* The text a script message's reply carries: JSON, or `~` and base64. */
GBytes *
_tauri_bridge_reply_encode_text (const TauriAnswer *answer)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (answer->payload, &size);
  gsize room;
  char *text;
  gsize length;
  int state = 0;
  int save = 0;

  if (answer->kind != TAURI_ANSWER_BYTES)
    return g_bytes_ref (answer->payload);

  /* As g_base64_encode() sizes it, with the tag in front. */
  room = 1 + (size / 3 + 1) * 4 + 4;
  text = g_malloc (room);
  text[0] = '~';
  length = 1 + g_base64_encode_step (data, size, FALSE, text + 1, &state, &save);
  length += g_base64_encode_close (FALSE, text + length, &state, &save);

  return g_bytes_new_take (text, length);
}

/* `A<call id> <tag><body>` and a NUL, which JSON and base64 never hold. */
void
_tauri_bridge_reply_encode_outbox (GString           *outbox,
                                   guint64            id,
                                   const TauriAnswer *answer)
{
  g_autoptr(GBytes) body = _tauri_bridge_reply_encode_text (answer);
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  g_string_append_c (outbox, 'A');
  _tauri_json_append_uint (outbox, id);
  g_string_append_c (outbox, ' ');
  if (answer->kind == TAURI_ANSWER_ERROR)
    g_string_append_c (outbox, '-');
  else if (answer->kind == TAURI_ANSWER_VALUE)
    g_string_append_c (outbox, '+');
  g_string_append_len (outbox, data, size);
  g_string_append_c (outbox, '\0');
}

/* (y, ay): `+` or `-` and the JSON text; `*` and nothing for bytes, which
 * go in a memory file of their own. */
GVariant *
_tauri_bridge_reply_encode_message (const TauriAnswer *answer)
{
  static const guchar nothing[1];
  GVariant *payload;
  char tag;

  switch (answer->kind)
    {
    case TAURI_ANSWER_BYTES:
      tag = '*';
      payload = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, nothing, 0, 1);
      break;

    case TAURI_ANSWER_ERROR:
      tag = '-';
      payload = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, answer->payload, TRUE);
      break;

    case TAURI_ANSWER_VALUE:
    default:
      tag = '+';
      payload = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, answer->payload, TRUE);
      break;
    }

  return g_variant_new ("(y@ay)", tag, payload);
}

/* The status of a tauri:// answer, and its type. */
guint
_tauri_bridge_reply_encode_request (const TauriAnswer  *answer,
                                    const char        **content_type)
{
  switch (answer->kind)
    {
    case TAURI_ANSWER_BYTES:
      *content_type = "application/octet-stream";
      return 200;

    case TAURI_ANSWER_ERROR:
      *content_type = "application/json";
      return 400;

    case TAURI_ANSWER_VALUE:
    default:
      *content_type = "application/json";
      return 200;
    }
}

static void
send_script (WebKitScriptMessageReply *reply,
             JSCContext               *context,
             const TauriAnswer        *answer)
{
  g_autoptr(GBytes) text = _tauri_bridge_reply_encode_text (answer);
  g_autoptr(JSCValue) value = NULL;

  if (answer->kind == TAURI_ANSWER_ERROR)
    {
      /* WebKit takes the error's message as a C string: a copy with its NUL. */
      gsize size = 0;
      const char *data = g_bytes_get_data (text, &size);
      g_autofree char *message = g_strndup (data, size);

      webkit_script_message_reply_return_error_message (reply, message);
      return;
    }

  /* Made in the message's own context: a value of another JavaScriptCore
   * VM would corrupt WebKit's allocator. */
  value = jsc_value_new_string_from_bytes (context, text);
  webkit_script_message_reply_return_value (reply, value);
}

static void
send_request (WebKitURISchemeRequest *request,
              const TauriAnswer      *answer)
{
  const char *content_type = NULL;
  guint status = _tauri_bridge_reply_encode_request (answer, &content_type);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (answer->payload);
  g_autoptr(WebKitURISchemeResponse) response =
    webkit_uri_scheme_response_new (stream, g_bytes_get_size (answer->payload));
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  /* The page reads the type from the headers, which are sent as given. */
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  _tauri_bridge_ipc_add_cors_headers (request, headers);
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
send_message (WebKitUserMessage *message,
              const TauriAnswer *answer)
{
  g_autoptr(GUnixFDList) fds = NULL;
  g_autoptr(GError) error = NULL;
  WebKitUserMessage *reply;
  TauriAnswer refusal;

  if (answer->kind == TAURI_ANSWER_BYTES)
    {
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (answer->payload, &size);
      int fd = _tauri_memfd_new_sealed (data, size, &error);

      if (fd < 0)
        {
          g_autoptr(GBytes) text = _tauri_json_string_to_bytes (error->message);

          refusal.kind = TAURI_ANSWER_ERROR;
          refusal.payload = text;
          send_message (message, &refusal);
          return;
        }
      fds = g_unix_fd_list_new_from_array (&fd, 1);
    }

  reply = webkit_user_message_new_with_fd_list (webkit_user_message_get_name (message),
                                                _tauri_bridge_reply_encode_message (answer), fds);
  webkit_user_message_send_reply (message, reply);
}

/* Sends @answer where the call came from. */
void
_tauri_bridge_reply_send (TauriBridgeReply  *self,
                          const TauriAnswer *answer)
{
  g_assert (self != NULL);
  g_assert (answer != NULL && answer->payload != NULL);

  switch (self->kind)
    {
    case TAURI_BRIDGE_REPLY_SCRIPT:
      send_script (self->to.script.reply, self->to.script.context, answer);
      break;

    case TAURI_BRIDGE_REPLY_OUTBOX:
      _tauri_bridge_outbox_queue (self->to.outbox.bridge, self->to.outbox.id, answer);
      break;

    case TAURI_BRIDGE_REPLY_REQUEST:
      send_request (self->to.request, answer);
      break;

    case TAURI_BRIDGE_REPLY_MESSAGE:
      send_message (self->to.message, answer);
      break;

    case TAURI_BRIDGE_REPLY_NONE:
    default:
      break;
    }

  reply_clear (self);
}

/* Rejects the call with @text, a message of the framework's own. */
void
_tauri_bridge_reply_refuse (TauriBridgeReply *self,
                            const char       *text)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (text);
  TauriAnswer answer = { TAURI_ANSWER_ERROR, json };

  g_assert (self != NULL);

  switch (self->kind)
    {
    case TAURI_BRIDGE_REPLY_SCRIPT:
    case TAURI_BRIDGE_REPLY_OUTBOX:
    case TAURI_BRIDGE_REPLY_REQUEST:
    case TAURI_BRIDGE_REPLY_MESSAGE:
      _tauri_bridge_reply_send (self, &answer);
      break;

    case TAURI_BRIDGE_REPLY_NONE:
    default:
      break;
    }
}

/* The page is gone, or gave up on the call: ends what is still open. */
void
_tauri_bridge_reply_drop (TauriBridgeReply *self)
{
  g_assert (self != NULL);

  switch (self->kind)
    {
    case TAURI_BRIDGE_REPLY_SCRIPT:
    case TAURI_BRIDGE_REPLY_REQUEST:
    case TAURI_BRIDGE_REPLY_MESSAGE:
      _tauri_bridge_reply_refuse (self, PAGE_GONE);
      break;

    case TAURI_BRIDGE_REPLY_OUTBOX:
    case TAURI_BRIDGE_REPLY_NONE:
    default:
      reply_clear (self);
      break;
    }
}
