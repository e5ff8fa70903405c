/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"

/*
 * A call to a command, once its arguments are checked: its handler run on
 * the main thread, on a worker thread, or as a GIO asynchronous operation.
 */

static void
thread_func_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TauriInvocation *invocation = task_data;
  TauriCommand *self = source_object;
  g_autoptr(JsonNode) result = NULL;
  GError *error = NULL;

  result = self->thread_func (invocation, cancellable, self->user_data, &error);

  /* Answering here serializes the result on this worker thread; the
   * invocation carries the text back to the main thread itself. */
  if (error != NULL)
    tauri_invocation_take_error (invocation, error);
  else
    tauri_invocation_return_value (invocation, result);

  g_task_return_boolean (task, TRUE);
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
                    TauriInvocation *invocation)
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
      {
        g_autoptr(GTask) task = g_task_new (self, cancellable, NULL, NULL);

        g_task_set_source_tag (task, _tauri_command_run);
        g_task_set_task_data (task, g_object_ref (invocation), g_object_unref);
        g_task_run_in_thread (task, thread_func_cb);
        break;
      }

    case TAURI_COMMAND_HANDLER_ASYNC:
      self->async_func (invocation, cancellable, async_ready_cb, g_object_ref (invocation));
      break;

    case TAURI_COMMAND_HANDLER_NONE:
    default:
      g_assert_not_reached ();
    }
}
