/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The queue that carries answers and channel messages from worker threads
 * to the main thread: in order, all of them, a few at a time, and none
 * left behind when the context dies. */

#include "config.h"

#include "tauri-context-queue-private.h"

#define PUSHED 10000

typedef struct
{
  GArray  *ran;          /* the indexes, in the order they ran */
  guint    destroyed;
  guint    competitor_runs;
  guint    competitor_runs_at_last;
} Record;

typedef struct
{
  Record *record;
  guint   index;
  guint   sleep_us;
} Item;

static gboolean
item_run (gpointer user_data)
{
  Item *item = user_data;

  if (item->sleep_us > 0)
    g_usleep (item->sleep_us);
  g_array_append_val (item->record->ran, item->index);
  item->record->competitor_runs_at_last = item->record->competitor_runs;

  return G_SOURCE_CONTINUE;   /* ignored: each item runs once */
}

static void
item_free (gpointer user_data)
{
  Item *item = user_data;

  g_atomic_int_inc (&item->record->destroyed);
  g_free (item);
}

static void
push_items (GMainContext *context,
            Record       *record,
            guint         first,
            guint         count,
            guint         sleep_us)
{
  for (guint i = first; i < first + count; i++)
    {
      Item *item = g_new0 (Item, 1);

      item->record = record;
      item->index = i;
      item->sleep_us = sleep_us;
      _tauri_context_queue_push (context, item_run, item, item_free);
    }
}

static gpointer
pusher_thread (gpointer user_data)
{
  push_items (g_main_context_default (), user_data, 0, PUSHED, 0);
  return NULL;
}

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->ran, g_array_unref);
}

static void
test_context_queue_in_order (void)
{
  Record record = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0, 0 };
  GThread *thread = g_thread_new ("pusher", pusher_thread, &record);

  g_thread_join (thread);
  /* And some more from this thread, after the others. */
  push_items (g_main_context_default (), &record, PUSHED, 10, 0);

  while (record.ran->len < PUSHED + 10)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < record.ran->len; i++)
    g_assert_cmpuint (g_array_index (record.ran, guint, i), ==, i);
  g_assert_cmpuint (record.destroyed, ==, PUSHED + 10);
  g_assert_false (g_main_context_pending (NULL));

  record_clear (&record);
}

static gboolean
competitor_cb (gpointer user_data)
{
  Record *record = user_data;

  record->competitor_runs++;
  return G_SOURCE_CONTINUE;
}

/* Items that take long let the main loop's other sources of the same
 * priority (input events, timeouts, WebKit's messages) in between, rather
 * than all running in one iteration. */
static void
test_context_queue_yields (void)
{
  Record record = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0, 0 };
  guint competitor = g_idle_add_full (G_PRIORITY_DEFAULT, competitor_cb, &record, NULL);

  push_items (g_main_context_default (), &record, 0, 20, 2000);
  while (record.ran->len < 20)
    g_main_context_iteration (NULL, TRUE);

  /* Forty milliseconds of items, four per dispatch at most. */
  g_assert_cmpuint (record.competitor_runs_at_last, >=, 4);
  g_assert_cmpuint (record.destroyed, ==, 20);

  g_source_remove (competitor);
  record_clear (&record);
}

/* A context that dies with items waiting frees them, unrun. */
static void
test_context_queue_dead_context (void)
{
  Record record = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0, 0 };
  GMainContext *context = g_main_context_new ();

  push_items (context, &record, 0, 5, 0);
  g_main_context_unref (context);

  g_assert_cmpuint (record.ran->len, ==, 0);
  g_assert_cmpuint (record.destroyed, ==, 5);

  /* A new context, perhaps at the same address, starts a new queue. */
  context = g_main_context_new ();
  push_items (context, &record, 0, 3, 0);
  while (record.ran->len < 3)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (record.destroyed, ==, 8);
  g_main_context_unref (context);

  record_clear (&record);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/ContextQueue/in-order", test_context_queue_in_order);
  g_test_add_func ("/Tauri/ContextQueue/yields", test_context_queue_yields);
  g_test_add_func ("/Tauri/ContextQueue/dead-context", test_context_queue_dead_context);

  return g_test_run ();
}
