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

/* The calls that came with the first of a burst, which the worker that
 * takes it hands to the pool: waking a worker costs a system call, which
 * the main thread then makes once per burst rather than once per call. */
typedef struct
{
  GThreadPool *pool;
  GPtrArray   *rest;   /* (element-type TauriInvocation) */
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

/* The pools being freed: a worker hands nothing on to one of them, whose
 * pushes would fail. Held while a worker hands calls on, and while a pool
 * is marked. */
static GMutex fan_out_lock;
static GHashTable *closing_pools;

static void
fan_out (TauriInvocation *invocation)
{
  FanOut *fan_out = g_object_steal_qdata (G_OBJECT (invocation), fan_out_quark ());

  if (fan_out == NULL)
    return;

  g_mutex_lock (&fan_out_lock);
  if (closing_pools == NULL || !g_hash_table_contains (closing_pools, fan_out->pool))
    {
      for (guint i = 0; i < fan_out->rest->len; i++)
        g_thread_pool_push (fan_out->pool, g_object_ref (g_ptr_array_index (fan_out->rest, i)), NULL);
    }
  g_mutex_unlock (&fan_out_lock);

  /* Those not handed on are dropped, which answers them. */
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

/* A pool for the worker-thread handlers of a registry, of @max_threads
 * threads, the calls beyond waiting in its queue. Its own threads, kept:
 * a shared pool's idle threads beyond GLib's two spare ones end, and are
 * made again by the main thread in the next burst (1,000 calls at once
 * stalled the main loop for 25 to 40 ms, mostly making threads). */
GThreadPool *
_tauri_command_run_pool_new (guint max_threads)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool;

  pool = g_thread_pool_new_full (run_in_thread, NULL, g_object_unref, max_threads, TRUE, &error);
  g_assert_no_error (error);

  return pool;
}

/* Frees @pool: the calls waiting are dropped, which answers them, and
 * those running are waited for; no worker hands calls on to it meanwhile. */
void
_tauri_command_run_pool_free (GThreadPool *pool)
{
  g_mutex_lock (&fan_out_lock);
  if (closing_pools == NULL)
    closing_pools = g_hash_table_new (NULL, NULL);
  g_hash_table_add (closing_pools, pool);
  g_mutex_unlock (&fan_out_lock);

  g_thread_pool_free (pool, TRUE, TRUE);

  g_mutex_lock (&fan_out_lock);
  g_hash_table_remove (closing_pools, pool);
  g_mutex_unlock (&fan_out_lock);
}

/* Hands the worker-thread calls @burst holds, which it takes, to @pool:
 * the first one, carrying the others for its worker to hand on. A call
 * dropped with the pool drops those it carries. */
void
_tauri_command_run_burst (GThreadPool *pool,
                          GPtrArray   *burst)
{
  TauriInvocation *first;

  g_assert (pool != NULL);
  g_assert (burst != NULL && burst->len > 0);

  first = g_ptr_array_index (burst, 0);
  if (burst->len > 1)
    {
      FanOut *fan_out = g_new0 (FanOut, 1);

      fan_out->pool = pool;
      fan_out->rest = g_ptr_array_new_full (burst->len - 1, g_object_unref);
      for (guint i = 1; i < burst->len; i++)
        g_ptr_array_add (fan_out->rest, g_object_ref (g_ptr_array_index (burst, i)));
      g_object_set_qdata_full (G_OBJECT (first), fan_out_quark (), fan_out, fan_out_free);
    }

  g_thread_pool_push (pool, g_object_ref (first), NULL);
  g_ptr_array_unref (burst);
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
_tauri_command_run (TauriCommand    *self,
                    TauriInvocation *invocation,
                    GThreadPool     *pool)
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
      g_thread_pool_push (pool, g_object_ref (invocation), NULL);
      break;

    case TAURI_COMMAND_HANDLER_ASYNC:
      self->async_func (invocation, cancellable, async_ready_cb, g_object_ref (invocation));
      break;

    case TAURI_COMMAND_HANDLER_NONE:
    default:
      g_assert_not_reached ();
    }
}
