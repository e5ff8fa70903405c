/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-bridge-internal.h"
#include "tauri-json-private.h"

/*
 * Where the bridge's answers and pushes go, and in what order: the reply to
 * a lone call's message, the tauri:// request of a call with raw bytes, or
 * the outbox, which the page's long poll collects with the answers to its
 * batched calls and the messages pushed to it (events, channel messages).
 * An answer to a lone call never overtakes what the outbox holds: it waits
 * with it for the next poll.
 */

static gboolean
reply_to_is_empty (const ReplyTo *to)
{
  return to->reply == NULL && to->request == NULL && to->message == NULL && !to->outbox;
}

void
_tauri_bridge_finish_request (WebKitURISchemeRequest *request,
                guint                   status,
                const char             *content_type,
                GBytes                 *body)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (body));

  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  /* The page reads the type from the headers, which are sent as given. */
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* Sends the answer, and empties @to. */
static void
reply_to_send (ReplyTo        *to,
               TauriReplyKind  kind,
               GBytes         *payload)
{
  if (to->request != NULL)
    {
      _tauri_bridge_finish_request (to->request,
                      kind == TAURI_REPLY_ERROR ? 400 : 200,
                      kind == TAURI_REPLY_OK_BYTES ? "application/octet-stream" : "application/json",
                      payload);
    }
  else if (to->message != NULL)
    _tauri_bridge_reply_to_message (to->message, kind, payload);
  else if (to->reply != NULL && kind == TAURI_REPLY_ERROR)
    {
      /* Payloads in JSON are always followed by a NUL byte. */
      webkit_script_message_reply_return_error_message (to->reply, g_bytes_get_data (payload, NULL));
    }
  else if (to->reply != NULL)
    {
      g_autoptr(JSCValue) value = NULL;
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (payload, &size);

      /* Built in the message's own context: a value from another JSC VM
       * would corrupt WebKit's allocator. The ArrayBuffer borrows the bytes. */
      if (kind == TAURI_REPLY_OK_BYTES)
        value = jsc_value_new_array_buffer (to->context, (gpointer) data, size,
                                            (GDestroyNotify) g_bytes_unref, g_bytes_ref (payload));
      else
        value = jsc_value_new_string_from_bytes (to->context, payload);

      webkit_script_message_reply_return_value (to->reply, value);
    }

  g_clear_object (&to->request);
  g_clear_object (&to->message);
  g_clear_pointer (&to->reply, webkit_script_message_reply_unref);
  g_clear_object (&to->context);
  to->outbox = FALSE;
}

/* Forgets where the answer would go; a tauri:// request, or the web
 * process's message, still has to end. */
void
_tauri_bridge_reply_to_clear (ReplyTo *to)
{
  if (to->request != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                      "The page is gone");

      webkit_uri_scheme_request_finish_error (to->request, error);
    }
  else if (to->message != NULL)
    {
      g_autoptr(GBytes) json = _tauri_json_string_to_bytes ("The page is gone");

      _tauri_bridge_reply_to_message (to->message, TAURI_REPLY_ERROR, json);
    }

  g_clear_object (&to->request);
  g_clear_object (&to->message);
  g_clear_pointer (&to->reply, webkit_script_message_reply_unref);
  g_clear_object (&to->context);
  to->outbox = FALSE;
}

void
_tauri_bridge_held_answer_free (HeldAnswer *held)
{
  _tauri_bridge_reply_to_clear (&held->to);
  g_bytes_unref (held->payload);
  g_free (held);
}

void
_tauri_bridge_call_free (Call *call)
{
  if (call->bridge != NULL)
    g_hash_table_remove (call->bridge->calls, &call->id);

  _tauri_bridge_reply_to_clear (&call->to);
  g_weak_ref_clear (&call->invocation);
  g_free (call);
}

void
_tauri_bridge_call_abandon (Call *call)
{
  g_autoptr(TauriInvocation) invocation = g_weak_ref_get (&call->invocation);

  /* The page will never read the answer: let the handler stop early, and
   * drop the answer when it comes. */
  call->bridge = NULL;
  _tauri_bridge_reply_to_clear (&call->to);
  if (invocation != NULL)
    _tauri_invocation_cancel (invocation);
}

/* Starts one more push in the outbox: in the frame of pushes the outbox
 * ends with, or in a new one. */
static void
open_push (TauriBridge *self)
{
  if (self->push_frame_open)
    g_string_append_c (self->outbox, ',');
  else
    g_string_append (self->outbox, "P[");
  self->push_frame_open = TRUE;
}

/* Ends the frame of pushes the outbox ends with, if it does. */
static void
close_pushes (TauriBridge *self)
{
  if (!self->push_frame_open)
    return;

  g_string_append_c (self->outbox, ']');
  g_string_append_c (self->outbox, '\0');
  self->push_frame_open = FALSE;
}

static gboolean
has_outbox (TauriBridge *self)
{
  return self->outbox->len > 0;
}

/* The reply to the poll is the outbox: frames each ended by a NUL, which
 * JSON text never holds raw, in the order they were queued:
 * `P[[callback id,data],…]`, pushed messages (a channel's messages sent
 * one after the other as one `[callback id,first index,[message,…]]`, see
 * tauri-channel.c), and `A<call id> <tag><body>`,
 * the answer to a call of a batch (the tags are those of ipc.js). */
static void
send_outbox (TauriBridge *self)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GBytes) text = NULL;

  g_assert (self->poll != NULL);

  close_pushes (self);
  text = g_string_free_to_bytes (g_steal_pointer (&self->outbox));
  self->outbox = g_string_new (NULL);

  value = jsc_value_new_string_from_bytes (self->poll_context, text);
  webkit_script_message_reply_return_value (self->poll, value);
  g_clear_pointer (&self->poll, webkit_script_message_reply_unref);
  g_clear_object (&self->poll_context);
}

/* Delivers what can be delivered: the outbox, if the page is waiting for
 * it and no batch is being dispatched, then the answers that waited for
 * it. */
void
_tauri_bridge_flush (TauriBridge *self)
{
  if (has_outbox (self))
    {
      if (self->poll == NULL || self->in_batch)
        return;
      send_outbox (self);
    }

  while (!g_queue_is_empty (&self->held_answers))
    {
      HeldAnswer *held = g_queue_pop_head (&self->held_answers);

      reply_to_send (&held->to, held->kind, held->payload);
      _tauri_bridge_held_answer_free (held);
    }
}

/* Neither a script message reply nor the outbox can carry an ArrayBuffer:
 * raw bytes wait here, under the id returned, and the page fetches them
 * over the tauri:// scheme. */
static guint64
keep_answer_bytes (TauriBridge *self,
                   GBytes      *bytes)
{
  guint64 id = ++self->last_answer_bytes;

  g_hash_table_insert (self->answer_bytes, g_memdup2 (&id, sizeof id), g_bytes_ref (bytes));

  return id;
}

/* `A<call id> <tag><body>`: `+` or `-` and JSON text, or `*` and the id of
 * raw bytes kept. */
void
_tauri_bridge_queue_outbox_answer (TauriBridge    *self,
                                   guint64         id,
                                   TauriReplyKind  kind,
                                   GBytes         *payload)
{
  close_pushes (self);
  g_string_append_c (self->outbox, 'A');
  _tauri_json_append_uint (self->outbox, id);
  g_string_append_c (self->outbox, ' ');

  if (kind == TAURI_REPLY_OK_BYTES)
    {
      g_string_append_c (self->outbox, '*');
      _tauri_json_append_uint (self->outbox, keep_answer_bytes (self, payload));
    }
  else
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (payload, &size);

      g_string_append_c (self->outbox, kind == TAURI_REPLY_ERROR ? '-' : '+');
      g_string_append_len (self->outbox, data, size);
    }
  g_string_append_c (self->outbox, '\0');

  _tauri_bridge_flush (self);
}

void
_tauri_bridge_call_reply_cb (TauriReplyKind  kind,
                             GBytes         *payload,
                             gpointer        user_data)
{
  Call *call = user_data;
  TauriBridge *self = call->bridge;
  g_autoptr(GBytes) marker = NULL;
  HeldAnswer *held;

  if (reply_to_is_empty (&call->to))
    return;

  if (call->to.outbox)
    {
      call->to.outbox = FALSE;
      if (self != NULL)
        _tauri_bridge_queue_outbox_answer (self, call->id, kind, payload);
      return;
    }

  /* The reply says `!<id>` for raw bytes kept. */
  if (kind == TAURI_REPLY_OK_BYTES && call->to.reply != NULL)
    {
      char *text = g_strdup_printf ("!%" G_GUINT64_FORMAT, keep_answer_bytes (self, payload));

      payload = marker = g_bytes_new_take (text, strlen (text));
      kind = TAURI_REPLY_OK;
    }

  if (self != NULL)
    _tauri_bridge_flush (self);

  if (self == NULL || (!has_outbox (self) && g_queue_is_empty (&self->held_answers)))
    {
      reply_to_send (&call->to, kind, payload);
      return;
    }

  held = g_new0 (HeldAnswer, 1);
  held->to = call->to;
  held->kind = kind;
  held->payload = g_bytes_ref (payload);
  memset (&call->to, 0, sizeof call->to);
  g_queue_push_tail (&self->held_answers, held);
}

/* p: the page waits for pushes. */
void
_tauri_bridge_handle_poll (TauriBridge              *self,
                           WebKitScriptMessageReply *reply,
                           JSCContext               *context)
{
  /* A page polls once at a time; a second poll replaces the first. */
  if (self->poll != NULL)
    {
      g_autoptr(JSCValue) empty = jsc_value_new_string (self->poll_context, "");

      webkit_script_message_reply_return_value (self->poll, empty);
      g_clear_pointer (&self->poll, webkit_script_message_reply_unref);
      g_clear_object (&self->poll_context);
    }

  self->poll = webkit_script_message_reply_ref (reply);
  self->poll_context = g_object_ref (context);
  _tauri_bridge_flush (self);
}

/* Queues messages for the page: @items is one or more `[callback id,data]`
 * separated by commas, each running the page's callback with its data. */
void
_tauri_bridge_push_items (TauriBridge *self,
                          guint        generation,
                          const char  *items,
                          gsize        length)
{
  g_assert (TAURI_IS_BRIDGE (self));

  if (generation != self->generation || length == 0)
    return;

  open_push (self);
  g_string_append_len (self->outbox, items, length);

  _tauri_bridge_flush (self);
}

/* Queues one message for the page: the callback @callback_id will run with
 * @data, a JSON text. */
void
_tauri_bridge_push (TauriBridge *self,
                    guint        generation,
                    guint32      callback_id,
                    const char  *data,
                    gsize        length)
{
  g_assert (TAURI_IS_BRIDGE (self));

  if (generation != self->generation)
    return;

  open_push (self);
  g_string_append_c (self->outbox, '[');
  _tauri_json_append_uint (self->outbox, callback_id);
  g_string_append_c (self->outbox, ',');
  g_string_append_len (self->outbox, data, length);
  g_string_append_c (self->outbox, ']');

  _tauri_bridge_flush (self);
}
