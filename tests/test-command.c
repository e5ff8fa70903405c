/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri.h"
#include "tauri-command-private.h"
#include "test-utils.h"

static void
noop_func (TauriInvocation *invocation,
           gpointer         user_data)
{
  tauri_invocation_return_value (invocation, NULL);
}

static JsonNode *
noop_thread_func (TauriInvocation  *invocation,
                  GCancellable     *cancellable,
                  gpointer          user_data,
                  GError          **error)
{
  return NULL;
}

static void
noop_async_func (TauriInvocation     *invocation,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             callback_data)
{
  g_autoptr(GTask) task = g_task_new (invocation, cancellable, callback, callback_data);

  g_task_return_pointer (task, NULL, NULL);
}

static JsonNode *
noop_finish_func (TauriInvocation  *invocation,
                  GAsyncResult     *result,
                  GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  const char *name;
  const char *key;
  const char *type;
  gboolean    optional;
} ExpectedParam;

static void
assert_params (TauriCommand        *command,
               const ExpectedParam *expected,
               guint                n_expected)
{
  g_assert_cmpuint (tauri_command_get_n_parameters (command), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpstr (tauri_command_get_parameter_name (command, i), ==, expected[i].name);
      g_assert_cmpstr (tauri_command_get_parameter_key (command, i), ==, expected[i].key);
      g_assert_cmpstr (tauri_command_get_parameter_type (command, i), ==, expected[i].type);
      g_assert_cmpint (tauri_command_get_parameter_optional (command, i), ==, expected[i].optional);
      g_assert_true (_tauri_command_find_param (command, expected[i].name) ==
                     _tauri_command_get_param (command, i));
    }
}

static void
test_command_parameters (void)
{
  static const ExpectedParam expected[] = {
    { "invoke_message", "invokeMessage", "string", FALSE },
    { "delay_ms", "delayMs", "integer", TRUE },
    { "x", "x", "number", FALSE },
    { "is_on", "isOn", "boolean", TRUE },
  };
  g_autoptr(TauriCommand) command = NULL;

  command = tauri_command_new ("log_message",
                               "invoke_message: string, delay_ms?: integer,"
                               "  x :number , is_on ? : boolean",
                               TAURI_COMMAND_FLAGS_NONE, noop_func, NULL, NULL);

  g_assert_cmpstr (tauri_command_get_name (command), ==, "log_message");
  g_assert_cmpint (tauri_command_get_flags (command), ==, TAURI_COMMAND_FLAGS_NONE);
  g_assert_true (_tauri_command_has_handler (command));
  assert_params (command, expected, G_N_ELEMENTS (expected));
  g_assert_null (_tauri_command_find_param (command, "invokeMessage"));
  g_assert_null (_tauri_command_find_param (command, "nope"));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_command_types (void)
{
  static const ExpectedParam expected[] = {
    { "s", "s", "string", FALSE },
    { "i", "i", "integer", FALSE },
    { "n", "n", "number", FALSE },
    { "b", "b", "boolean", FALSE },
    { "z", "z", "null", FALSE },
    { "o", "o", "object", FALSE },
    { "a", "a", "array", FALSE },
    { "y", "y", "any", TRUE },
    { "names", "names", "array<string>", FALSE },
    { "grid", "grid", "array<array<integer>>", FALSE },
    { "spaced", "spaced", "array<array<integer>>", FALSE },
    { "message", "message", "object<TestMessage>", FALSE },
    { "messages", "messages", "array<object<TestMessage>>", TRUE },
    { "pair", "pair", "variant<(ii)>", FALSE },
    { "dict", "dict", "variant<a{sv}>", FALSE },
  };
  g_autoptr(TauriCommand) command = NULL;

  g_type_ensure (TEST_TYPE_MESSAGE);

  command = tauri_command_new ("types",
                               "s: string, i: integer, n: number, b: boolean, z: null,"
                               "o: object, a: array, y?: any, names: array<string>,"
                               "grid: array<array<integer>>,"
                               "spaced: array < array< integer > >,"
                               "message: object<TestMessage>,"
                               "messages?: array<object<TestMessage>>,"
                               "pair: variant<(ii)>, dict: variant< a{sv} >",
                               TAURI_COMMAND_FLAGS_NONE, noop_func, NULL, NULL);

  assert_params (command, expected, G_N_ELEMENTS (expected));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_command_snake_case (void)
{
  static const ExpectedParam expected[] = {
    { "invoke_message", "invoke_message", "string", FALSE },
    { "delay_ms", "delay_ms", "integer", TRUE },
  };
  g_autoptr(TauriCommand) command = NULL;
  TauriCommandFlags flags = TAURI_COMMAND_FLAGS_SNAKE_CASE | TAURI_COMMAND_FLAGS_WITH_WINDOW;

  command = tauri_command_new ("log_message", "invoke_message: string, delay_ms?: integer",
                               flags, noop_func, NULL, NULL);

  g_assert_cmpint (tauri_command_get_flags (command), ==, flags);
  assert_params (command, expected, G_N_ELEMENTS (expected));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_command_no_parameters (void)
{
  static const char * const lists[] = { NULL, "", "   ", " \n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(TauriCommand) command = NULL;

      command = tauri_command_new ("none", lists[i], TAURI_COMMAND_FLAGS_NONE, NULL, NULL, NULL);
      g_assert_cmpuint (tauri_command_get_n_parameters (command), ==, 0);
      g_assert_false (_tauri_command_has_handler (command));
      g_assert_finalize_object (g_steal_pointer (&command));
    }
}

static void
test_command_trailing_comma (void)
{
  static const ExpectedParam expected[] = {
    { "a", "a", "string", FALSE },
  };
  g_autoptr(TauriCommand) command = NULL;

  command = tauri_command_new ("trailing", "a: string, ", TAURI_COMMAND_FLAGS_NONE,
                               noop_func, NULL, NULL);
  assert_params (command, expected, G_N_ELEMENTS (expected));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_command_invalid_parameters (void)
{
  static const struct {
    const char *parameters;
    const char *message;
  } cases[] = {
    { "1x: string", "expected a parameter name at “1x: string”" },
    { ": string", "expected a parameter name at “: string”" },
    { "a string", "expected “:” and a type after “a”" },
    { "a: strnig", "“strnig” is not a type" },
    { "a:", "“” is not a type" },
    { "a: string, a: number", "parameter “a” is declared twice" },
    { "a: string b: number", "expected “,” after the type of “a”" },
    { "a: variant", "“variant” needs its GVariant type, as in “variant<a{sv}>”" },
    { "a: variant<zz>", "“zz” is not a GVariant type" },
    { "a: object<NoSuchType>", "“NoSuchType” is not a registered GObject type" },
    { "a: object<gint>", "“gint” is not a registered GObject type" },
    { "a: array<string", "“array<” has no closing “>”" },
    { "a: array<strnig>", "“strnig” is not a type" },
    { "a: array<string x>", "“array<string x>” is not a type" },
    { "a: string<x>", "“string<x>” is not a type" },
    { "a: any<string>", "“any<string>” is not a type" },
    { "a: array<array<array<array<array<array<array<array<array<array<array<array<"
      "array<array<array<array<array<integer>>>>>>>>>>>>>>>>>",
      "type nested too deeply" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TauriCommand) command = NULL;
      g_autofree char *message = NULL;

      message = g_strconcat ("Invalid parameter list for command “broken”: ",
                             cases[i].message, NULL);
      g_test_message ("%s", cases[i].parameters);
      g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, message);
      command = tauri_command_new ("broken", cases[i].parameters, TAURI_COMMAND_FLAGS_NONE,
                                   noop_func, NULL, NULL);
      g_test_assert_expected_messages ();

      /* The command exists all the same, and dies cleanly. */
      g_assert_true (TAURI_IS_COMMAND (command));
      g_assert_finalize_object (g_steal_pointer (&command));
    }
}

static void
test_command_deep_type (void)
{
  static const ExpectedParam expected[] = {
    { "deep", "deep", "array<array<array<array<array<array<array<array<array<array<"
                      "array<array<array<array<array<array<integer>>>>>>>>>>>>>>>>",
      FALSE },
  };
  g_autoptr(TauriCommand) command = NULL;

  /* Sixteen levels are allowed. */
  command = tauri_command_new ("deep",
                               "deep: array<array<array<array<array<array<array<array<"
                               "array<array<array<array<array<array<array<array<"
                               "integer>>>>>>>>>>>>>>>>",
                               TAURI_COMMAND_FLAGS_NONE, noop_func, NULL, NULL);
  assert_params (command, expected, G_N_ELEMENTS (expected));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_command_destroy_notify (void)
{
  guint destroyed = 0;
  g_autoptr(TauriCommand) command = NULL;

  command = tauri_command_new ("func", NULL, TAURI_COMMAND_FLAGS_NONE, noop_func,
                               &destroyed, (GDestroyNotify) test_increment);
  g_assert_true (_tauri_command_get_user_data (command) == &destroyed);
  g_assert_cmpuint (destroyed, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&command));
  g_assert_cmpuint (destroyed, ==, 1);

  command = tauri_command_new_thread ("thread", NULL, TAURI_COMMAND_FLAGS_NONE,
                                      noop_thread_func, &destroyed,
                                      (GDestroyNotify) test_increment);
  g_assert_true (_tauri_command_has_handler (command));
  g_assert_cmpuint (destroyed, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&command));
  g_assert_cmpuint (destroyed, ==, 2);

  command = tauri_command_new_async ("async", NULL, TAURI_COMMAND_FLAGS_NONE,
                                     noop_async_func, noop_finish_func, &destroyed,
                                     (GDestroyNotify) test_increment);
  g_assert_true (_tauri_command_has_handler (command));
  g_assert_cmpuint (destroyed, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&command));
  g_assert_cmpuint (destroyed, ==, 3);

  /* With a NULL handler, the data is the signal handler's business, but it
   * is freed all the same. */
  command = tauri_command_new ("signal", NULL, TAURI_COMMAND_FLAGS_NONE, NULL,
                               &destroyed, (GDestroyNotify) test_increment);
  g_assert_finalize_object (g_steal_pointer (&command));
  g_assert_cmpuint (destroyed, ==, 4);

  /* A critical in the parameter list does not lose the data either. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "Invalid parameter list for command*");
  command = tauri_command_new ("broken", "a: nope", TAURI_COMMAND_FLAGS_NONE, noop_func,
                               &destroyed, (GDestroyNotify) test_increment);
  g_test_assert_expected_messages ();
  g_assert_finalize_object (g_steal_pointer (&command));
  g_assert_cmpuint (destroyed, ==, 5);
}

static void
test_command_preconditions (void)
{
  g_autoptr(TauriCommand) command = NULL;

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*tauri_command_new: assertion*failed");
  g_assert_null (tauri_command_new (NULL, NULL, TAURI_COMMAND_FLAGS_NONE, noop_func, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*tauri_command_new: assertion*failed");
  g_assert_null (tauri_command_new ("", NULL, TAURI_COMMAND_FLAGS_NONE, noop_func, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "*tauri_command_new_thread: assertion 'func != NULL' failed");
  g_assert_null (tauri_command_new_thread ("t", NULL, TAURI_COMMAND_FLAGS_NONE,
                                           NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "*tauri_command_new_async: assertion 'finish_func != NULL' failed");
  g_assert_null (tauri_command_new_async ("a", NULL, TAURI_COMMAND_FLAGS_NONE,
                                          noop_async_func, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  command = tauri_command_new ("one", "a: string", TAURI_COMMAND_FLAGS_NONE,
                               noop_func, NULL, NULL);
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "*tauri_command_get_parameter_name: assertion "
                         "'position < self->params->len' failed");
  g_assert_null (tauri_command_get_parameter_name (command, 1));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "*tauri_command_get_parameter_optional: assertion "
                         "'position < self->params->len' failed");
  g_assert_false (tauri_command_get_parameter_optional (command, 1));
  g_test_assert_expected_messages ();

  g_assert_finalize_object (g_steal_pointer (&command));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Command/parameters", test_command_parameters);
  g_test_add_func ("/Tauri/Command/types", test_command_types);
  g_test_add_func ("/Tauri/Command/snake-case", test_command_snake_case);
  g_test_add_func ("/Tauri/Command/no-parameters", test_command_no_parameters);
  g_test_add_func ("/Tauri/Command/trailing-comma", test_command_trailing_comma);
  g_test_add_func ("/Tauri/Command/invalid-parameters", test_command_invalid_parameters);
  g_test_add_func ("/Tauri/Command/deep-type", test_command_deep_type);
  g_test_add_func ("/Tauri/Command/destroy-notify", test_command_destroy_notify);
  g_test_add_func ("/Tauri/Command/preconditions", test_command_preconditions);

  return g_test_run ();
}
