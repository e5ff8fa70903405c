/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-bridge-private.h"
#include "tauri-json-private.h"
#include "tauri-window.h"

/*
 * What goes to the page, and in what order. The page keeps one message
 * ('p', a poll) waiting for a reply, and the reply is the outbox: the
 * answers to the calls of its batches and the messages pushed to it
 * (events, channel messages), in the order they were given. An answer that
 * goes another way (a call made alone, raw bytes) never overtakes what the
 * outbox holds: it is held until the outbox has gone to the page.
 */

/* An answer held until the outbox goes. */
typedef struct
{
  TauriBridgeReply  reply;
  TauriAnswer       answer;
} TauriBridgeHeld;

static void
held_free (TauriBridgeHeld *held)
{
  _tauri_bridge_reply_drop (&held->reply);
  g_bytes_unref (held->answer.payload);
  g_free (held);
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

/* The reply to the poll is the outbox: frames each ended by a NUL, which
 * neither JSON nor base64 holds, in the order they were queued:
 * `P[[callback id,data],…]`, pushed messages (a channel's messages sent
 * one after the other as one `[callback id,first index,[message,…]]`, see
 * tauri-channel.c), and the answers of batched calls (see
 * _tauri_bridge_reply_encode_outbox()). */
static void
send_outbox (TauriBridge *self)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GBytes) text = NULL;

  g_assert (self->poll != NULL);

  close_pushes (self);
  text = g_string_free_to_bytes (g_steal_pointer (&self->outbox));
  self->outbox = g_string_new (NULL);

  /* The page has its pushes: the room they took is free again. */
  _tauri_bridge_page_release (self->page, self->outbox_reserved);
  self->outbox_reserved = 0;

  value = jsc_value_new_string_from_bytes (self->poll_context, text);
  webkit_script_message_reply_return_value (self->poll, value);
  g_clear_pointer (&self->poll, webkit_script_message_reply_unref);
  g_clear_object (&self->poll_context);
}

/* Delivers what can be delivered: the outbox, if the page is waiting for
 * it and no batch is being dispatched, then the answers held for it. */
static void
flush (TauriBridge *self)
{
  if (self->outbox->len > 0)
    {
      if (self->poll == NULL || self->in_batch)
        return;
      send_outbox (self);
    }

  while (!g_queue_is_empty (&self->held))
    {
      TauriBridgeHeld *held = g_queue_pop_head (&self->held);

      _tauri_bridge_reply_send (&held->reply, &held->answer);
      held_free (held);
    }
}

/* Sends @answer through @reply, which it empties, once what the outbox
 * holds has gone to the page. */
void
_tauri_bridge_outbox_answer (TauriBridge       *self,
                             TauriBridgeReply  *reply,
                             const TauriAnswer *answer)
{
  TauriBridgeHeld *held;

  g_assert (TAURI_IS_BRIDGE (self));

  if (reply->kind != TAURI_BRIDGE_REPLY_OUTBOX)
    flush (self);

  if (reply->kind == TAURI_BRIDGE_REPLY_OUTBOX ||
      (self->outbox->len == 0 && g_queue_is_empty (&self->held)))
    {
      _tauri_bridge_reply_send (reply, answer);
      return;
    }

  held = g_new0 (TauriBridgeHeld, 1);
  held->reply = *reply;
  held->answer.kind = answer->kind;
  held->answer.payload = g_bytes_ref (answer->payload);
  memset (reply, 0, sizeof *reply);
  g_queue_push_tail (&self->held, held);
}

/* Queues the answer of the call @id of a batch. */
void
_tauri_bridge_outbox_queue (TauriBridge       *self,
                            guint64            id,
                            const TauriAnswer *answer)
{
  g_assert (TAURI_IS_BRIDGE (self));

  close_pushes (self);
  _tauri_bridge_reply_encode_outbox (self->outbox, id, answer);
  flush (self);
}

/* p: the page waits for the outbox. */
void
_tauri_bridge_outbox_poll (TauriBridge              *self,
                           WebKitScriptMessageReply *reply,
                           JSCContext               *context)
{
  g_assert (TAURI_IS_BRIDGE (self));

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
  flush (self);
}

/* Queues messages for the page: @items is one or more `[callback id,data]`
 * separated by commas, each running the page's callback with its data, for
 * which @reserved bytes of the page's room were taken. */
void
_tauri_bridge_outbox_push_items (TauriBridge *self,
                                 const char  *items,
                                 gsize        length,
                                 gsize        reserved)
{
  g_assert (TAURI_IS_BRIDGE (self));

  self->outbox_reserved += reserved;
  if (length == 0)
    return;

  open_push (self);
  g_string_append_len (self->outbox, items, length);
  flush (self);
}

/* Queues one message for the page: the callback @callback_id will run with
 * @data, a JSON text. On the main thread, which cannot wait: when the page
 * has more waiting than it may, the message is dropped, and said. */
void
_tauri_bridge_outbox_push (TauriBridge *self,
                           guint32      callback_id,
                           const char  *data,
                           gsize        length)
{
  g_assert (TAURI_IS_BRIDGE (self));

  if (!_tauri_bridge_page_reserve (self->page, length, FALSE))
    {
      g_message ("Dropped a message to the page of window “%s”: %u MiB wait for it to read",
                 tauri_window_get_label (self->window), TAURI_BRIDGE_PAGE_MAX_QUEUED / (1024 * 1024));
      return;
    }
  self->outbox_reserved += length;

  open_push (self);
  g_string_append_c (self->outbox, '[');
  _tauri_json_append_uint (self->outbox, callback_id);
  g_string_append_c (self->outbox, ',');
  g_string_append_len (self->outbox, data, length);
  g_string_append_c (self->outbox, ']');
  flush (self);
}

/* While the calls of a batch start, their answers wait in the outbox, to
 * go together. */
void
_tauri_bridge_outbox_begin_batch (TauriBridge *self)
{
  self->in_batch = TRUE;
}

void
_tauri_bridge_outbox_end_batch (TauriBridge *self)
{
  self->in_batch = FALSE;
  flush (self);
}

/* The page is gone: what was meant for it stays undelivered. */
void
_tauri_bridge_outbox_clear (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  g_string_truncate (self->outbox, 0);
  self->push_frame_open = FALSE;
  self->outbox_reserved = 0;
  g_queue_clear_full (&self->held, (GDestroyNotify) held_free);
  g_clear_pointer (&self->poll, webkit_script_message_reply_unref);
  g_clear_object (&self->poll_context);
}
