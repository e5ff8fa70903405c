/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-context-queue-private.h"

/* Work that other threads hand to the thread of a main context: answers
 * given on worker threads, and the channel messages sent there. One FIFO
 * per context keeps them in the order they were given, so that a channel's
 * messages never overtake the answer sent after them.
 *
 * One source drains it, for a few milliseconds per main-loop iteration, at
 * the default priority, which input events and WebKit's own messages share.
 * An idle source per item, as g_idle_add() makes, would be dispatched all in
 * one iteration: a thousand answers coming back from the thread pool at once
 * would keep input waiting until the last was sent. */

/* How long one dispatch may run before the main loop gets its turn again. */
#define BUDGET_US 4000

typedef struct
{
  GSourceFunc    func;
  gpointer       data;
  GDestroyNotify destroy;
} Item;

typedef struct
{
  GMainContext *context;      /* not owned: the queue dies with its source */
  GQueue        items;
} ContextQueue;

G_LOCK_DEFINE_STATIC (queues);
static GHashTable *queues;    /* GMainContext * → ContextQueue *, under the lock */

static void
item_free (Item *item)
{
  if (item->destroy != NULL)
    item->destroy (item->data);
  g_free (item);
}

static gboolean
context_queue_dispatch (gpointer user_data)
{
  ContextQueue *queue = user_data;
  gint64 deadline = g_get_monotonic_time () + BUDGET_US;

  for (gboolean first = TRUE; ; first = FALSE)
    {
      Item *item;

      G_LOCK (queues);
      if (g_queue_is_empty (&queue->items))
        {
          /* From here on, what is pushed goes to a new queue and source. */
          g_hash_table_remove (queues, queue->context);
          G_UNLOCK (queues);
          return G_SOURCE_REMOVE;
        }

      /* Out of time with items left: the rest wait for the next
       * iteration. With none left, the source goes now, whatever the time,
       * rather than linger for one empty dispatch. */
      if (!first && g_get_monotonic_time () >= deadline)
        {
          G_UNLOCK (queues);
          return G_SOURCE_CONTINUE;
        }

      item = g_queue_pop_head (&queue->items);
      G_UNLOCK (queues);

      item->func (item->data);
      item_free (item);
    }
}

/* Also when the context dies with items still waiting: they are dropped,
 * as the idle sources of a dead context are. */
static void
context_queue_free (gpointer user_data)
{
  ContextQueue *queue = user_data;

  G_LOCK (queues);
  if (g_hash_table_lookup (queues, queue->context) == queue)
    g_hash_table_remove (queues, queue->context);
  G_UNLOCK (queues);

  g_queue_clear_full (&queue->items, (GDestroyNotify) item_free);
  g_free (queue);
}

/*
 * _tauri_context_queue_push:
 * @context: the main context whose thread runs @func
 * @func: called once with @data on that thread; its return value is ignored
 * @data: data for @func
 * @destroy: (nullable): frees @data after @func ran, or when it never will
 *
 * Calls @func on the thread of @context, after everything pushed to the
 * same context before it. Callable from any thread.
 */
void
_tauri_context_queue_push (GMainContext   *context,
                           GSourceFunc     func,
                           gpointer        data,
                           GDestroyNotify  destroy)
{
  g_autoptr(GSource) source = NULL;
  Item *item = g_new0 (Item, 1);
  ContextQueue *queue;

  g_assert (context != NULL);
  g_assert (func != NULL);

  item->func = func;
  item->data = data;
  item->destroy = destroy;

  G_LOCK (queues);
  if (queues == NULL)
    queues = g_hash_table_new (NULL, NULL);

  queue = g_hash_table_lookup (queues, context);
  if (queue == NULL)
    {
      queue = g_new0 (ContextQueue, 1);
      queue->context = context;
      g_queue_init (&queue->items);
      g_hash_table_insert (queues, context, queue);

      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (source, "[tauri] from other threads");
      g_source_set_callback (source, context_queue_dispatch, queue, context_queue_free);
    }
  g_queue_push_tail (&queue->items, item);
  G_UNLOCK (queues);

  /* Outside the lock, which the source's callbacks take: GLib takes the
   * context's own lock here. */
  if (source != NULL)
    g_source_attach (source, context);
}
