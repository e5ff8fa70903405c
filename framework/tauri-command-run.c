/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-command-internal.h"
#include "tauri-error.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"

/*
 * A call to a command: its arguments checked against the parameters the
 * command declares, then its handler run on the main thread, on a worker
 * thread, or as a GIO asynchronous operation.
 */

/* A raw body is the whole of a call's arguments: it fits a command that
 * declares no parameter, or one parameter of type `bytes`. */
gboolean
_tauri_command_validate_body (TauriCommand  *self,
                              GError       **error)
{
  const TauriParam *param;

  g_assert (TAURI_IS_COMMAND (self));

  if (self->params->len == 0)
    return TRUE;

  param = g_ptr_array_index (self->params, 0);
  if (self->params->len == 1 && param->type->kind == TAURI_TYPE_SPEC_BYTES)
    return TRUE;

  g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
               "invalid args for command `%s`: expected an object, got raw bytes", self->name);
  return FALSE;
}

gboolean
_tauri_command_validate (TauriCommand  *self,
                         JsonObject    *arguments,
                         GError       **error)
{
  g_assert (TAURI_IS_COMMAND (self));
  g_assert (arguments != NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      const TauriParam *param = g_ptr_array_index (self->params, i);
      JsonNode *argument = json_object_get_member (arguments, param->key);
      g_autoptr(GError) type_error = NULL;

      if (argument == NULL || (JSON_NODE_HOLDS_NULL (argument) && param->optional))
        {
          if (param->optional)
            continue;

          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "command %s missing required key %s", self->name, param->key);
          return FALSE;
        }

      if (!_tauri_type_spec_check (param->type, argument, &type_error))
        {
          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "invalid args `%s` for command `%s`: %s",
                       param->key, self->name, type_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

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
    case HANDLER_FUNC:
      self->func (invocation, self->user_data);
      break;

    case HANDLER_THREAD:
      {
        g_autoptr(GTask) task = g_task_new (self, cancellable, NULL, NULL);

        g_task_set_source_tag (task, _tauri_command_run);
        g_task_set_task_data (task, g_object_ref (invocation), g_object_unref);
        g_task_run_in_thread (task, thread_func_cb);
        break;
      }

    case HANDLER_ASYNC:
      self->async_func (invocation, cancellable, async_ready_cb, g_object_ref (invocation));
      break;

    case HANDLER_NONE:
    default:
      g_assert_not_reached ();
    }
}
