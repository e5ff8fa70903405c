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

/* A pool for the worker-thread handlers of a registry, of at most
 * @max_threads threads at once; the calls beyond wait in its queue. */
GThreadPool *
_tauri_command_run_pool_new (guint max_threads)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool;

  pool = g_thread_pool_new_full (run_in_thread, NULL, g_object_unref, max_threads, FALSE, &error);
  g_assert_no_error (error);

  return pool;
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
