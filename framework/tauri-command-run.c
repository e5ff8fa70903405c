/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"

/*
 * A call to a command, once its arguments are checked: its handler run on
 * the main thread, on a worker thread, or as a GIO asynchronous operation.
 *
 * Worker-thread handlers run in a pool of the registry's own, not GLib's
 * shared one, which GIO's own asynchronous work (loading the app's pages,
 * reading files) needs: slow commands can fill theirs, never GIO's. A call
 * that waits in the pool's queue and whose page goes meanwhile never runs.
 */

/* A registry's pool for its worker-thread handlers: threads of its own,
 * made at the first such call and kept (a shared pool's idle threads
 * beyond GLib's two spare ones end, and were made again by the main
 * thread in the next burst: 1,000 calls at once stalled the main loop for
 * 25 to 40 ms). The calls of one main-loop turn (a page's batch) go to
 * the threads together, at the start of the next: the first carries the
 * rest, which its worker hands on, since waking a worker costs a system
 * call, which the main thread then makes once per batch. */
struct _TauriCommandPool
{
  guint        max_threads;
  GThreadPool *threads;        /* (owned) (nullable) */
  GPtrArray   *burst;          /* (owned) (nullable) calls of this turn */
  GSource     *burst_source;   /* (owned) (nullable) hands them on */
  GMutex       lock;           /* held while a worker hands calls on, and to close */
  gboolean     closing;        /* a worker hands nothing on any more */
};

typedef struct
{
  TauriCommandPool *pool;
  GPtrArray        *rest;      /* (element-type TauriInvocation) */
} FanOut;

static GQuark
fan_out_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("tauri-command-fan-out"));

  return (GQuark) quark;
}

static void
fan_out_free (gpointer data)
{
  FanOut *fan_out = data;

  g_ptr_array_unref (fan_out->rest);
  g_free (fan_out);
}

/* Hands on the calls @invocation carries, unless the pool is closing;
 * those not handed on are dropped, which answers them. */
static void
fan_out (TauriInvocation *invocation)
{
  FanOut *fan_out = g_object_steal_qdata (G_OBJECT (invocation), fan_out_quark ());
  TauriCommandPool *pool;

  if (fan_out == NULL)
    return;

  pool = fan_out->pool;
  g_mutex_lock (&pool->lock);
  if (!pool->closing)
    {
      for (guint i = 0; i < fan_out->rest->len; i++)
        g_thread_pool_push (pool->threads, g_object_ref (g_ptr_array_index (fan_out->rest, i)), NULL);
    }
  g_mutex_unlock (&pool->lock);

  fan_out_free (fan_out);
}

/* Runs one call of a worker-thread handler, and takes @data, its invocation. */
static void
run_in_thread (gpointer data,
               gpointer user_data)
{
  g_autoptr(TauriInvocation) invocation = data;
  TauriCommand *self = tauri_invocation_get_command (invocation);
  GCancellable *cancellable = tauri_invocation_get_cancellable (invocation);
  g_autoptr(JsonNode) result = NULL;
  GError *error = NULL;

  fan_out (invocation);

  if (g_cancellable_is_cancelled (cancellable))
    {
      tauri_invocation_return_error_message (invocation, "The page is gone");
      return;
    }

  result = self->thread_func (invocation, cancellable, self->user_data, &error);

  /* Answering here serializes the result on this worker thread; the
   * invocation carries the text back to the main thread itself. A handler
   * that answered itself (raw bytes, say) returned nothing more. */
  if (error != NULL)
    tauri_invocation_take_error (invocation, error);
  else if (result != NULL || !tauri_invocation_is_answered (invocation))
    tauri_invocation_return_value (invocation, result);
}

TauriCommandPool *
_tauri_command_pool_new (guint max_threads)
{
  TauriCommandPool *self = g_new0 (TauriCommandPool, 1);

  self->max_threads = max_threads;
  g_mutex_init (&self->lock);

  return self;
}

/* The calls waiting are dropped, which answers them, and those running
 * are waited for; no worker hands calls on meanwhile. */
void
_tauri_command_pool_free (TauriCommandPool *self)
{
  if (self->burst_source != NULL)
    g_source_destroy (self->burst_source);
  g_clear_pointer (&self->burst_source, g_source_unref);
  g_clear_pointer (&self->burst, g_ptr_array_unref);

  if (self->threads != NULL)
    {
      g_mutex_lock (&self->lock);
      self->closing = TRUE;
      g_mutex_unlock (&self->lock);
      g_thread_pool_free (g_steal_pointer (&self->threads), TRUE, TRUE);
    }

  g_mutex_clear (&self->lock);
  g_free (self);
}

guint
_tauri_command_pool_get_max_threads (TauriCommandPool *self)
{
  return self->max_threads;
}

void
_tauri_command_pool_set_max_threads (TauriCommandPool *self,
                                     guint             max_threads)
{
  self->max_threads = max_threads;
  if (self->threads != NULL)
    g_thread_pool_set_max_threads (self->threads, (int) max_threads, NULL);
}

/* Hands this turn's calls to the threads: the first, carrying the rest. */
static gboolean
flush_burst_cb (gpointer user_data)
{
  TauriCommandPool *self = user_data;
  g_autoptr(GPtrArray) burst = g_steal_pointer (&self->burst);
  TauriInvocation *first = g_ptr_array_index (burst, 0);

  g_clear_pointer (&self->burst_source, g_source_unref);

  if (burst->len > 1)
    {
      FanOut *fan_out = g_new0 (FanOut, 1);

      fan_out->pool = self;
      fan_out->rest = g_ptr_array_new_full (burst->len - 1, g_object_unref);
      for (guint i = 1; i < burst->len; i++)
        g_ptr_array_add (fan_out->rest, g_object_ref (g_ptr_array_index (burst, i)));
      g_object_set_qdata_full (G_OBJECT (first), fan_out_quark (), fan_out, fan_out_free);
    }

  g_thread_pool_push (self->threads, g_object_ref (first), NULL);
  return G_SOURCE_REMOVE;
}

static void
pool_queue (TauriCommandPool *self,
            TauriInvocation  *invocation)
{
  if (self->threads == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->threads = g_thread_pool_new_full (run_in_thread, NULL, g_object_unref,
                                              self->max_threads, TRUE, &error);
      g_assert_no_error (error);
    }

  if (self->burst == NULL)
    {
      self->burst = g_ptr_array_new_with_free_func (g_object_unref);
      self->burst_source = g_idle_source_new ();
      g_source_set_priority (self->burst_source, G_PRIORITY_HIGH);
      g_source_set_callback (self->burst_source, flush_burst_cb, self, NULL);
      g_source_set_static_name (self->burst_source, "[tauri] thread calls");
      g_source_attach (self->burst_source, g_main_context_get_thread_default ());
    }

  g_ptr_array_add (self->burst, g_object_ref (invocation));
}

static void
async_ready_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  TauriCommand *self = tauri_invocation_get_command (invocation);
  g_autoptr(JsonNode) value = NULL;
  GError *error = NULL;

  value = self->finish_func (invocation, result, &error);

  if (error != NULL)
    tauri_invocation_take_error (invocation, error);
  else
    tauri_invocation_return_value (invocation, value);
}

void
_tauri_command_run (TauriCommand     *self,
                    TauriInvocation  *invocation,
                    TauriCommandPool *pool)
{
  GCancellable *cancellable = tauri_invocation_get_cancellable (invocation);

  g_assert (TAURI_IS_COMMAND (self));
  g_assert (TAURI_IS_INVOCATION (invocation));

  switch (self->kind)
    {
    case TAURI_COMMAND_HANDLER_FUNC:
      self->func (invocation, self->user_data);
      break;

    case TAURI_COMMAND_HANDLER_THREAD:
      pool_queue (pool, invocation);
      break;

    case TAURI_COMMAND_HANDLER_ASYNC:
      self->async_func (invocation, cancellable, async_ready_cb, g_object_ref (invocation));
      break;

    case TAURI_COMMAND_HANDLER_NONE:
    default:
      g_assert_not_reached ();
    }
}
