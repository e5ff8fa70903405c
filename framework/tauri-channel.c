/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-bridge-private.h"
#include "tauri-channel-private.h"
#include "tauri-context-queue-private.h"
#include "tauri-json-private.h"

/**
 * TauriChannel:
 *
 * A stream of messages to a page: the native side of a `Channel` from
 * `@tauri-apps/api/core`, passed as a command argument.
 *
 * ```js
 * import { Channel, invoke } from '@tauri-apps/api/core';
 *
 * const onNumber = new Channel();
 * onNumber.onmessage = (n) => console.log(n);
 * await invoke('stream_numbers', { count: 3, onNumber });
 * ```
 *
 * ```c
 * static void
 * stream_numbers (TauriInvocation *invocation, gpointer user_data)
 * {
 *   g_autoptr(TauriChannel) channel = tauri_invocation_dup_channel (invocation, "on_number");
 *   gint64 count = tauri_invocation_get_int (invocation, "count");
 *
 *   for (gint64 i = 0; i < count; i++)
 *     tauri_channel_send_json (channel, …);
 *   tauri_invocation_return_int (invocation, count);
 * }
 *
 * tauri_command_new ("stream_numbers", "count: integer, on_number: channel<integer>", …);
 * ```
 *
 * The page receives the messages in the order they were sent, then the end
 * of the channel when it is closed or finalized, after which the page
 * forgets it. A channel may be used from any thread. Once its page has gone
 * (closed, reloaded, navigated away), sending does nothing and returns
 * %FALSE.
 *
 * Since: 0.1
 */

/* What a channel shares with the flushes it schedules on the main thread,
 * which may outlive it. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  guint32          id;
  guint            next_index;
  gboolean         closed;
  gboolean         flush_scheduled;
  gboolean         run_open;         /* pending ends with an unfinished run */
  GString         *pending;          /* pushes not yet handed to the page */
  gsize            reserved;         /* of the page's room, they took */
  TauriBridgePage *page;             /* NULL: sends nowhere */
  GMainContext    *context;
  GThread         *thread;
} Queue;

struct _TauriChannel
{
  GObject  parent_instance;

  Queue   *queue;
};

G_DEFINE_FINAL_TYPE (TauriChannel, tauri_channel, G_TYPE_OBJECT)

static Queue *
queue_ref (Queue *queue)
{
  g_atomic_ref_count_inc (&queue->ref_count);
  return queue;
}

static void
queue_unref (Queue *queue)
{
  if (!g_atomic_ref_count_dec (&queue->ref_count))
    return;

  g_mutex_clear (&queue->mutex);
  g_string_free (queue->pending, TRUE);
  g_clear_pointer (&queue->page, _tauri_bridge_page_unref);
  g_main_context_unref (queue->context);
  g_free (queue);
}

/* Messages sent one after the other go to the page as one push, a run,
 * `[id,first index,[message,…]]`, rather than one `[id,{"index":i,
 * "message":m}]` each: core.js makes those objects for the page's
 * callback, cheaper than JSON.parse() reads them, and the text is a third
 * of the size for small messages. The end is `[id,{"end":true,"index":n}]`. */
static void
queue_close_run (Queue *queue)
{
  if (!queue->run_open)
    return;

  g_string_append (queue->pending, "]]");
  queue->run_open = FALSE;
}

/* On the main thread: hands what is pending to the page. */
static gboolean
queue_flush (gpointer user_data)
{
  Queue *queue = user_data;
  g_autofree char *items = NULL;
  gsize reserved;
  gsize length;

  g_mutex_lock (&queue->mutex);
  queue_close_run (queue);
  length = queue->pending->len;
  items = g_string_free (g_steal_pointer (&queue->pending), FALSE);
  queue->pending = g_string_new (NULL);
  reserved = queue->reserved;
  queue->reserved = 0;
  queue->flush_scheduled = FALSE;
  g_mutex_unlock (&queue->mutex);

  _tauri_bridge_page_push_items (queue->page, items, length, reserved);

  return G_SOURCE_REMOVE;
}

static gboolean
queue_is_dead (Queue *queue)
{
  return !_tauri_bridge_page_is_live (queue->page);
}

/* What a message takes of the page's room: its text, and room for the
 * framing around it. */
#define MESSAGE_COST(length) ((length) + 32)

/* Appends one item; returns FALSE when the channel is closed or the page
 * gone, or, on the main thread, when the page has more waiting than it
 * may (elsewhere, this waits for the page to read). */
static gboolean
queue_append (Queue      *queue,
              const char *data,
              gsize       length,
              gboolean    end)
{
  gboolean schedule = FALSE;
  gboolean on_main = g_thread_self () == queue->thread;

  if (!end && !_tauri_bridge_page_reserve (queue->page, MESSAGE_COST (length), !on_main))
    return FALSE;

  g_mutex_lock (&queue->mutex);
  if (queue->closed)
    {
      g_mutex_unlock (&queue->mutex);
      if (!end)
        _tauri_bridge_page_release (queue->page, MESSAGE_COST (length));
      return FALSE;
    }
  if (!end)
    queue->reserved += MESSAGE_COST (length);

  if (end)
    {
      queue->closed = TRUE;
      queue_close_run (queue);
      if (queue->pending->len > 0)
        g_string_append_c (queue->pending, ',');
      g_string_append_c (queue->pending, '[');
      _tauri_json_append_uint (queue->pending, queue->id);
      g_string_append (queue->pending, ",{\"end\":true,\"index\":");
      _tauri_json_append_uint (queue->pending, queue->next_index);
      g_string_append (queue->pending, "}]");
    }
  else if (queue->run_open)
    {
      g_string_append_c (queue->pending, ',');
      g_string_append_len (queue->pending, data, length);
      queue->next_index++;
    }
  else
    {
      if (queue->pending->len > 0)
        g_string_append_c (queue->pending, ',');
      g_string_append_c (queue->pending, '[');
      _tauri_json_append_uint (queue->pending, queue->id);
      g_string_append_c (queue->pending, ',');
      _tauri_json_append_uint (queue->pending, queue->next_index++);
      g_string_append (queue->pending, ",[");
      g_string_append_len (queue->pending, data, length);
      queue->run_open = TRUE;
    }

  if (!on_main && !queue->flush_scheduled)
    schedule = queue->flush_scheduled = TRUE;
  g_mutex_unlock (&queue->mutex);

  /* On the main thread, at once: an answer sent right after must not
   * overtake these messages. From another thread, through the main
   * context, in order with the answers sent the same way. */
  if (on_main)
    queue_flush (queue);
  else if (schedule)
    _tauri_context_queue_push (queue->context, queue_flush, queue_ref (queue), (GDestroyNotify) queue_unref);

  return TRUE;
}

static void
tauri_channel_finalize (GObject *object)
{
  TauriChannel *self = TAURI_CHANNEL (object);

  /* As a Rust channel does when dropped. */
  queue_append (self->queue, NULL, 0, TRUE);
  queue_unref (self->queue);

  G_OBJECT_CLASS (tauri_channel_parent_class)->finalize (object);
}

static void
tauri_channel_class_init (TauriChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tauri_channel_finalize;
}

static void
tauri_channel_init (TauriChannel *self)
{
}

/* @page is where the messages go (NULL: nowhere); @context and @thread
 * are those of the page's bridge, where they are handed over. The channel
 * may be created on any thread. */
TauriChannel *
_tauri_channel_new (TauriBridgePage *page,
                    guint32          callback_id,
                    GMainContext    *context,
                    GThread         *thread)
{
  TauriChannel *self = g_object_new (TAURI_TYPE_CHANNEL, NULL);
  Queue *queue = g_new0 (Queue, 1);

  g_atomic_ref_count_init (&queue->ref_count);
  g_mutex_init (&queue->mutex);
  queue->id = callback_id;
  queue->pending = g_string_new (NULL);
  queue->page = page ? _tauri_bridge_page_ref (page) : NULL;
  queue->context = g_main_context_ref (context);
  queue->thread = thread;
  self->queue = queue;

  return self;
}

/**
 * tauri_channel_get_id:
 * @self: a channel
 *
 * Gets the id the page knows the channel by.
 *
 * Returns: the channel's id
 *
 * Since: 0.1
 */
guint32
tauri_channel_get_id (TauriChannel *self)
{
  g_return_val_if_fail (TAURI_IS_CHANNEL (self), 0);

  return self->queue->id;
}

/**
 * tauri_channel_send:
 * @self: a channel
 * @message: (nullable): the message, or %NULL for `null`
 *
 * Sends a message, which the channel's `onmessage` receives after every
 * message sent before it. May be called from any thread.
 *
 * At most 16 MiB of messages wait for a page to read them. Beyond, a
 * sender on another thread than the main one waits until the page has
 * read (so a fast producer goes at the page's pace, and memory stays
 * bounded), and on the main thread, which must not wait, the message is
 * dropped.
 *
 * Returns: %FALSE when the channel is closed or its page is gone, or, on
 *   the main thread, when 16 MiB already wait for the page: the message
 *   was dropped
 *
 * Since: 0.1
 */
gboolean
tauri_channel_send (TauriChannel *self,
                    JsonNode     *message)
{
  g_autoptr(GBytes) json = NULL;

  g_return_val_if_fail (TAURI_IS_CHANNEL (self), FALSE);

  if (queue_is_dead (self->queue))
    return FALSE;

  json = _tauri_json_to_bytes (message);
  return queue_append (self->queue, g_bytes_get_data (json, NULL), g_bytes_get_size (json), FALSE);
}

/**
 * tauri_channel_send_json:
 * @self: a channel
 * @json: a message already written in JSON
 *
 * Like [method@Channel.send], for a message already in JSON, for example
 * written by a binding's own JSON library or built with printf for a
 * number. The text must be one JSON value (RFC 8259): anything else is a
 * programmer error, reported with a critical, and the message is dropped,
 * so that it can never touch the channel's other messages or another
 * channel's.
 *
 * Returns: %FALSE when the channel is closed or its page is gone, or the
 *   text is not JSON, and the message was dropped
 *
 * Since: 0.1
 */
gboolean
tauri_channel_send_json (TauriChannel *self,
                         const char   *json)
{
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (TAURI_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* The text goes into a frame shared with other messages. */
  length = strlen (json);
  if (!_tauri_json_check_text (json, length, TAURI_JSON_DEPTH_LIMIT, &error))
    {
      g_critical ("%s: the message is not JSON, and is dropped: %s", G_STRFUNC, error->message);
      return FALSE;
    }

  if (queue_is_dead (self->queue))
    return FALSE;

  return queue_append (self->queue, json, length, FALSE);
}

/**
 * tauri_channel_close:
 * @self: a channel
 *
 * Ends the channel: the page receives the end after the messages sent
 * before, and forgets the channel. Later sends are dropped. A channel is
 * closed when it is finalized, if it was not before.
 *
 * Since: 0.1
 */
void
tauri_channel_close (TauriChannel *self)
{
  g_return_if_fail (TAURI_IS_CHANNEL (self));

  queue_append (self->queue, NULL, 0, TRUE);
}

/* A Channel reaches the native side as the string `__CHANNEL__:<id>`, the id
 * of the page's callback that receives its messages. */
gboolean
_tauri_channel_ref_parse (const char *text,
                          guint32    *callback_id)
{
  guint64 id = 0;

  g_assert (callback_id != NULL);

  if (text == NULL || !g_str_has_prefix (text, TAURI_CHANNEL_PREFIX))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text + strlen (TAURI_CHANNEL_PREFIX), 10, 0, G_MAXUINT32, &id, NULL))
    return FALSE;

  *callback_id = (guint32) id;
  return TRUE;
}
