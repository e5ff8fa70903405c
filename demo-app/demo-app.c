/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "demo-app.h"
#include "demo-custom-response.h"

/*
 * The commands of Tauri's "Create Rust Commands" guide, in C, one per
 * example, two more that show windows at work, and the channel, raw bytes
 * and events that a front end written with @tauri-apps/api uses.
 */

struct _DemoApp
{
  TauriApp parent_instance;
};

G_DEFINE_FINAL_TYPE (DemoApp, demo_app, TAURI_TYPE_APP)

/* Basic example: no arguments, no return value. */
static void
hello (TauriInvocation *invocation,
       gpointer         user_data)
{
  g_print ("I was invoked from JS!\n");
  tauri_invocation_return_value (invocation, NULL);
}

/* Passing arguments: `invoke_message` arrives as `invokeMessage`. */
static void
log_message (TauriInvocation *invocation,
             gpointer         user_data)
{
  g_print ("I was invoked from JS, with this message: %s\n",
           tauri_invocation_get_string (invocation, "invoke_message"));
  tauri_invocation_return_value (invocation, NULL);
}

/* Returning data. */
static void
greeting (TauriInvocation *invocation,
          gpointer         user_data)
{
  tauri_invocation_return_string (invocation, "Hello from C!");
}

/* Error handling: Result<String, String>. */
static void
try_operation (TauriInvocation *invocation,
               gpointer         user_data)
{
  if (tauri_invocation_get_boolean (invocation, "should_fail"))
    tauri_invocation_return_error_message (invocation, "This failed!");
  else
    tauri_invocation_return_string (invocation, "This worked!");
}

/* Async commands: a blocking function on a worker thread. The main loop
 * keeps running, so other commands answer meanwhile. */
static JsonNode *
slow_sum (TauriInvocation  *invocation,
          GCancellable     *cancellable,
          gpointer          user_data,
          GError          **error)
{
  double a = tauri_invocation_get_double (invocation, "a");
  double b = tauri_invocation_get_double (invocation, "b");
  gint64 delay_ms = tauri_invocation_get_int (invocation, "delay_ms");
  gint64 deadline;

  if (delay_ms < 0 || delay_ms > 60000)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "delayMs must be between 0 and 60000");
      return NULL;
    }

  /* Stands for real blocking work; it stops early if nobody waits anymore. */
  deadline = g_get_monotonic_time () + delay_ms * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < deadline)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_usleep (MIN (10 * G_TIME_SPAN_MILLISECOND, deadline - g_get_monotonic_time ()));
    }

  return json_node_init_double (json_node_alloc (), a + b);
}

/* Accessing the window: with_window. */
static void
window_label (TauriInvocation *invocation,
              gpointer         user_data)
{
  TauriWindow *window = tauri_invocation_get_window (invocation);

  tauri_invocation_return_string (invocation, tauri_window_get_label (window));
}

static void
open_window (TauriInvocation *invocation,
             gpointer         user_data)
{
  TauriApp *app = user_data;
  GError *error = NULL;

  if (tauri_app_open_window (app, tauri_invocation_get_string (invocation, "label"), &error) == NULL)
    tauri_invocation_take_error (invocation, error);
  else
    tauri_invocation_return_value (invocation, NULL);
}

/* The guide's some_other_function(): an asynchronous lookup that finds a
 * message for the caller, or none. Written as any GIO async function. */
static void
find_message_async (const char          *label,
                    gint64               number,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, find_message_async);
  if (number < 0)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_strdup_printf ("Called from %s", label), g_free);
}

static char *
find_message_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The complete example: async (the GIO way), with_window, an argument, a
 * struct-like result and an error. */
static void
my_custom_command_async (TauriInvocation     *invocation,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             callback_data)
{
  const char *label = tauri_window_get_label (tauri_invocation_get_window (invocation));

  g_print ("Called from %s\n", label);
  find_message_async (label, tauri_invocation_get_int (invocation, "number"),
                      cancellable, callback, callback_data);
}

static JsonNode *
my_custom_command_finish (TauriInvocation  *invocation,
                          GAsyncResult     *result,
                          GError          **error)
{
  g_autofree char *message = NULL;
  g_autoptr(DemoCustomResponse) response = NULL;

  message = find_message_finish (result, error);
  if (message == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No result");
      return NULL;
    }

  response = demo_custom_response_new (message, 42 + tauri_invocation_get_int (invocation, "number"));
  return tauri_json_from_object (G_OBJECT (response));
}

/* What each command resolves with, like the return type of a Rust command:
 * the typed TypeScript bindings (`--print-bindings`) are made of these and
 * of the parameter lists. tests/ts/demo-bindings.ts holds what they give. */
static const struct {
  const char *command;
  const char *type;
} result_types[] = {
  { "hello",             "null" },
  { "log_message",       "null" },
  { "greeting",          "string" },
  { "try_operation",     "string" },
  { "slow_sum",          "number" },
  { "window_label",      "string" },
  { "open_window",       "null" },
  { "my_custom_command", "object<DemoCustomResponse>" },
  { "stream_numbers",    "integer" },
  { "echo_bytes",        "bytes" },
};

/* Channels: counts on a worker thread, each number a message to the page,
 * which receives them in order, then the end. */
static JsonNode *
stream_numbers (TauriInvocation  *invocation,
                GCancellable     *cancellable,
                gpointer          user_data,
                GError          **error)
{
  g_autoptr(TauriChannel) on_number = tauri_invocation_dup_channel (invocation, "on_number");
  gint64 count = tauri_invocation_get_int (invocation, "count");

  for (gint64 i = 0; i < count; i++)
    {
      char number[24];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, i);
      tauri_channel_send_json (on_number, number);
    }
  tauri_channel_close (on_number);

  return json_node_init_int (json_node_alloc (), count);
}

/* Raw bytes: invoke('echo_bytes', uint8array) resolves with an ArrayBuffer
 * of the same bytes, without JSON or base64 on the way. */
static void
echo_bytes (TauriInvocation *invocation,
            gpointer         user_data)
{
  tauri_invocation_return_bytes (invocation, tauri_invocation_get_bytes (invocation, "data"));
}

/* Events: a page that emits demo://ping gets demo://pong back, with the
 * same payload, in the window it came from. */
static void
ping_cb (TauriApp    *app,
         const char  *event,
         JsonNode    *payload,
         TauriWindow *source,
         gpointer     user_data)
{
  if (source != NULL)
    tauri_app_emit_to (app, tauri_window_get_label (source), "demo://pong", payload);
}

static void
demo_app_register_commands (TauriApp             *app,
                            TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("hello", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 hello, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("log_message", "invoke_message: string",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 log_message, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("greeting", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 greeting, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("try_operation", "should_fail: boolean",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 try_operation, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("slow_sum", "a: number, b: number, delay_ms: integer",
                                                        TAURI_COMMAND_FLAGS_NONE,
                                                        slow_sum, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("window_label", NULL, TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 window_label, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("open_window", "label: string",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 open_window, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_async ("my_custom_command", "number: integer",
                                                       TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                       my_custom_command_async,
                                                       my_custom_command_finish,
                                                       NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("stream_numbers",
                                                        "count: integer, on_number: channel<integer>",
                                                        TAURI_COMMAND_FLAGS_NONE,
                                                        stream_numbers, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("echo_bytes", "data: bytes", TAURI_COMMAND_FLAGS_NONE,
                                                 echo_bytes, NULL, NULL));
  g_signal_connect (app, "event::demo://ping", G_CALLBACK (ping_cb), NULL);

  /* object<DemoCustomResponse> names a type that must be registered. */
  g_type_ensure (DEMO_TYPE_CUSTOM_RESPONSE);
  for (guint i = 0; i < G_N_ELEMENTS (result_types); i++)
    tauri_command_set_result_type (tauri_command_registry_lookup (registry, result_types[i].command),
                                   result_types[i].type);
}

static void
demo_app_class_init (DemoAppClass *klass)
{
  TauriAppClass *app_class = TAURI_APP_CLASS (klass);

  app_class->register_commands = demo_app_register_commands;
}

static void
demo_app_init (DemoApp *self)
{
}

DemoApp *
demo_app_new (const char *application_id)
{
  return g_object_new (DEMO_TYPE_APP,
                       "application-id", application_id,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same front end for the stable and the .Devel ids. */
                       "resource-base-path", "/io/github/taurigtk/Demo",
                       NULL);
}
