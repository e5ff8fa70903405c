/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri.h"
#include "tauri-command-registry-private.h"
#include "test-utils.h"

#define OK    TAURI_ANSWER_VALUE
#define ERROR TAURI_ANSWER_ERROR

/* Resolves with the arguments the handler saw, as one object. */
static void
echo_func (TauriInvocation *invocation,
           gpointer         user_data)
{
  JsonObject *arguments = tauri_invocation_get_arguments (invocation);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), arguments);

  tauri_invocation_return_value (invocation, node);
}

static void
null_func (TauriInvocation *invocation,
           gpointer         user_data)
{
  tauri_invocation_return_value (invocation, NULL);
}

static void
hello_func (TauriInvocation *invocation,
            gpointer         user_data)
{
  tauri_invocation_return_string (invocation, "Hello");
}

static void
five_func (TauriInvocation *invocation,
           gpointer         user_data)
{
  tauri_invocation_return_int (invocation, 5);
}

static void
message_func (TauriInvocation *invocation,
              gpointer         user_data)
{
  g_autoptr(TestMessage) message = test_message_new ("x", 42);

  tauri_invocation_return_object (invocation, G_OBJECT (message));
}

/* Resolves with the `message` argument, rebuilt as a TestMessage. */
static void
dup_object_func (TauriInvocation *invocation,
                 gpointer         user_data)
{
  g_autoptr(TestMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = tauri_invocation_dup_object (invocation, "message", TEST_TYPE_MESSAGE, &error);
  g_assert_no_error (error);
  tauri_invocation_return_object (invocation, G_OBJECT (message));
}

/* Resolves with the `pair` argument, rebuilt as a GVariant, swapped. */
static void
dup_variant_func (TauriInvocation *invocation,
                  gpointer         user_data)
{
  g_autoptr(GVariant) pair = NULL;
  g_autoptr(GError) error = NULL;
  gint32 a = 0;
  gint32 b = 0;

  pair = tauri_invocation_dup_variant (invocation, "pair", "(ii)", &error);
  g_assert_no_error (error);
  g_variant_get (pair, "(ii)", &a, &b);
  tauri_invocation_return_variant (invocation, g_variant_new ("(ii)", b, a));
}

static void
unreachable_func (TauriInvocation *invocation,
                  gpointer         user_data)
{
  g_assert_not_reached ();
}

static void
add_command (TauriCommandRegistry *registry,
             const char           *name,
             const char           *parameters,
             TauriCommandFunc      func)
{
  tauri_command_registry_add (registry,
                              tauri_command_new (name, parameters, TAURI_COMMAND_FLAGS_NONE,
                                                 func, NULL, NULL));
}

static void
test_registry_add_lookup_remove (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  TauriCommand *command;
  guint destroyed = 0;

  g_assert_null (tauri_command_registry_lookup (registry, "greet"));
  g_assert_false (tauri_command_registry_remove (registry, "greet"));

  command = tauri_command_new ("greet", NULL, TAURI_COMMAND_FLAGS_NONE, hello_func,
                               &destroyed, (GDestroyNotify) test_increment);
  g_object_add_weak_pointer (G_OBJECT (command), (gpointer *) &command);
  tauri_command_registry_add (registry, command);

  g_assert_true (tauri_command_registry_lookup (registry, "greet") == command);
  g_assert_null (tauri_command_registry_lookup (registry, "Greet"));
  g_assert_null (tauri_command_registry_lookup (registry, "greet "));
  test_assert_call (registry, "greet", NULL, OK, "\"Hello\"");

  /* The registry held the only reference. */
  g_assert_true (tauri_command_registry_remove (registry, "greet"));
  g_assert_null (command);
  g_assert_cmpuint (destroyed, ==, 1);
  g_assert_null (tauri_command_registry_lookup (registry, "greet"));
  g_assert_false (tauri_command_registry_remove (registry, "greet"));
  test_assert_call (registry, "greet", NULL, ERROR, "\"Command greet not found\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_list_names (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  static const char * const names[] = { "zeta", "alpha", "mid", "beta_2", "Beta", "a", "zz" };
  g_auto(GStrv) empty = tauri_command_registry_list_names (registry);
  g_auto(GStrv) listed = NULL;

  g_assert_nonnull (empty);
  g_assert_null (empty[0]);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_command (registry, names[i], NULL, null_func);

  listed = tauri_command_registry_list_names (registry);
  g_assert_cmpstrv (listed, ((const char * const []) {
    "Beta", "a", "alpha", "beta_2", "mid", "zeta", "zz", NULL
  }));

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_replace (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_auto(GStrv) listed = NULL;
  TauriCommand *first;
  TauriCommand *second;
  guint first_destroyed = 0;
  guint second_destroyed = 0;

  first = tauri_command_new ("greet", NULL, TAURI_COMMAND_FLAGS_NONE, hello_func,
                             &first_destroyed, (GDestroyNotify) test_increment);
  second = tauri_command_new ("greet", NULL, TAURI_COMMAND_FLAGS_NONE, five_func,
                              &second_destroyed, (GDestroyNotify) test_increment);
  tauri_command_registry_add (registry, first);
  test_assert_call (registry, "greet", NULL, OK, "\"Hello\"");

  /* The first command goes, its name with it, and the key stays valid. */
  tauri_command_registry_add (registry, second);
  g_assert_cmpuint (first_destroyed, ==, 1);
  g_assert_cmpuint (second_destroyed, ==, 0);
  g_assert_true (tauri_command_registry_lookup (registry, "greet") == second);
  listed = tauri_command_registry_list_names (registry);
  g_assert_cmpstrv (listed, ((const char * const []) { "greet", NULL }));
  test_assert_call (registry, "greet", NULL, OK, "5");

  g_assert_finalize_object (g_steal_pointer (&registry));
  g_assert_cmpuint (second_destroyed, ==, 1);
}

static void
test_registry_max_depth (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  guint notified = 0;
  guint value = 0;

  g_signal_connect_swapped (registry, "notify::max-depth", G_CALLBACK (test_increment), &notified);

  g_assert_cmpuint (tauri_command_registry_get_max_depth (registry), ==, 128);
  g_object_get (registry, "max-depth", &value, NULL);
  g_assert_cmpuint (value, ==, 128);

  tauri_command_registry_set_max_depth (registry, 128);
  g_assert_cmpuint (notified, ==, 0);

  tauri_command_registry_set_max_depth (registry, 5);
  tauri_command_registry_set_max_depth (registry, 5);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (tauri_command_registry_get_max_depth (registry), ==, 5);

  g_object_set (registry, "max-depth", 6, NULL);
  g_object_set (registry, "max-depth", 6, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (registry, "max-depth", &value, NULL);
  g_assert_cmpuint (value, ==, 6);

  tauri_command_registry_set_max_depth (registry, 1);
  tauri_command_registry_set_max_depth (registry, 10000);
  g_assert_cmpuint (notified, ==, 4);

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_command_registry_set_max_depth: assertion "
                         "'max_depth >= 1 && max_depth <= 10000' failed");
  tauri_command_registry_set_max_depth (registry, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_command_registry_set_max_depth: assertion "
                         "'max_depth >= 1 && max_depth <= 10000' failed");
  tauri_command_registry_set_max_depth (registry, 10001);
  g_test_assert_expected_messages ();

  /* The property has the same range. */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING,
                         "*out of range for property 'max-depth'*");
  g_object_set (registry, "max-depth", 0, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (tauri_command_registry_get_max_depth (registry), ==, 10000);
  g_assert_cmpuint (notified, ==, 4);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_max_message_size (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  guint notified = 0;
  guint64 value = 0;

  g_signal_connect_swapped (registry, "notify::max-message-size",
                            G_CALLBACK (test_increment), &notified);

  g_assert_cmpuint (tauri_command_registry_get_max_message_size (registry), ==, 64 * 1024 * 1024);

  tauri_command_registry_set_max_message_size (registry, 64 * 1024 * 1024);
  g_assert_cmpuint (notified, ==, 0);

  tauri_command_registry_set_max_message_size (registry, 1024);
  tauri_command_registry_set_max_message_size (registry, 1024);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (tauri_command_registry_get_max_message_size (registry), ==, 1024);

  g_object_set (registry, "max-message-size", (guint64) 4096, NULL);
  g_object_set (registry, "max-message-size", (guint64) 4096, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (registry, "max-message-size", &value, NULL);
  g_assert_cmpuint (value, ==, 4096);

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_command_registry_set_max_message_size: assertion "
                         "'max_message_size >= 1024' failed");
  tauri_command_registry_set_max_message_size (registry, 1023);
  g_test_assert_expected_messages ();

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING,
                         "*out of range for property 'max-message-size'*");
  g_object_set (registry, "max-message-size", (guint64) 1023, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (tauri_command_registry_get_max_message_size (registry), ==, 4096);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_not_found (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "log_message", "invoke_message: string", null_func);

  test_assert_call (registry, "nope", NULL, ERROR, "\"Command nope not found\"");
  test_assert_call (registry, "nope", "{\"a\":1}", ERROR, "\"Command nope not found\"");
  /* The name comes first: bad arguments to no command are still no command. */
  test_assert_call (registry, "nope", "{", ERROR, "\"Command nope not found\"");
  test_assert_call (registry, "Log_message", NULL, ERROR, "\"Command Log_message not found\"");
  test_assert_call (registry, "", NULL, ERROR, "\"Command  not found\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_missing_key (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "log_message", "invoke_message: string", echo_func);

  test_assert_call (registry, "log_message", "{}", ERROR,
                    "\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"");
  test_assert_call (registry, "log_message", NULL, ERROR,
                    "\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"");
  /* The snake_case name is not the key. */
  test_assert_call (registry, "log_message", "{\"invoke_message\":\"x\"}", ERROR,
                    "\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"");
  test_assert_call (registry, "log_message", "{\"invokeMessage\":\"x\"}", OK,
                    "{\"invokeMessage\":\"x\"}");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_snake_case (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  tauri_command_registry_add (registry,
                              tauri_command_new ("log_message", "invoke_message: string",
                                                 TAURI_COMMAND_FLAGS_SNAKE_CASE,
                                                 echo_func, NULL, NULL));

  test_assert_call (registry, "log_message", "{\"invoke_message\":\"x\"}", OK,
                    "{\"invoke_message\":\"x\"}");
  test_assert_call (registry, "log_message", "{\"invokeMessage\":\"x\"}", ERROR,
                    "\"invalid args `invoke_message` for command `log_message`: command log_message missing required key invoke_message\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_wrong_type (void)
{
  static const struct {
    const char *json;
    const char *got;
  } cases[] = {
    { "{\"invokeMessage\":5}", "a number" },
    { "{\"invokeMessage\":5.5}", "a number" },
    { "{\"invokeMessage\":null}", "null" },
    { "{\"invokeMessage\":{}}", "an object" },
    { "{\"invokeMessage\":[\"x\"]}", "an array" },
    { "{\"invokeMessage\":true}", "a boolean" },
  };
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "log_message", "invoke_message: string", unreachable_func);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = NULL;

      expected = g_strconcat ("\"invalid args `invokeMessage` for command `log_message`: "
                              "expected a string, got ", cases[i].got, "\"", NULL);
      test_assert_call (registry, "log_message", cases[i].json, ERROR, expected);
    }

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_simple_types (void)
{
  static const struct {
    const char *type;
    const char *json;
    const char *error;       /* NULL: accepted, and echoed as is */
  } cases[] = {
    { "integer", "5", NULL },
    { "integer", "-5", NULL },
    { "integer", "5.0", NULL },
    { "integer", "9007199254740993", NULL },
    { "integer", "5.5", "expected an integer, got a number" },
    { "integer", "1e300", "expected an integer, got a number" },
    { "integer", "\"5\"", "expected an integer, got a string" },
    { "integer", "true", "expected an integer, got a boolean" },
    { "number", "5", NULL },
    { "number", "5.5", NULL },
    { "number", "-1e+300", NULL },
    { "number", "\"5\"", "expected a number, got a string" },
    { "number", "[]", "expected a number, got an array" },
    { "boolean", "false", NULL },
    { "boolean", "0", "expected a boolean, got a number" },
    { "null", "null", NULL },
    { "null", "0", "expected null, got a number" },
    { "object", "{\"a\":[1]}", NULL },
    { "object", "[]", "expected an object, got an array" },
    { "array", "[1,\"a\",null]", NULL },
    { "array", "{}", "expected an array, got an object" },
    { "any", "null", NULL },
    { "any", "{\"a\":1}", NULL },
    { "string", "\"\"", NULL },
    { "string", "\"\\u00e9\"", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
      g_autofree char *parameters = g_strconcat ("value: ", cases[i].type, NULL);
      g_autofree char *json = g_strconcat ("{\"value\":", cases[i].json, "}", NULL);
      g_autofree char *expected = NULL;

      g_test_message ("%s: %s", cases[i].type, cases[i].json);
      add_command (registry, "check", parameters, echo_func);

      if (cases[i].error == NULL)
        {
          /* json-glib writes back what it read, `\u00e9` as é. */
          g_autoptr(JsonNode) node = NULL;
          g_autoptr(JsonGenerator) generator = json_generator_new ();

          node = json_from_string (json, NULL);
          json_generator_set_root (generator, node);
          expected = json_generator_to_data (generator, NULL);
          test_assert_call (registry, "check", json, OK, expected);
        }
      else
        {
          expected = g_strconcat ("\"invalid args `value` for command `check`: ",
                                  cases[i].error, "\"", NULL);
          test_assert_call (registry, "check", json, ERROR, expected);
        }

      g_assert_finalize_object (g_steal_pointer (&registry));
    }
}

static void
test_registry_integer (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "int", "n: integer", echo_func);

  test_assert_call (registry, "int", "{\"n\":5}", OK, "{\"n\":5}");
  test_assert_call (registry, "int", "{\"n\":5.0}", OK, "{\"n\":5.0}");
  test_assert_call (registry, "int", "{\"n\":5.5}", ERROR,
                    "\"invalid args `n` for command `int`: expected an integer, got a number\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_optional (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "opt", "text: string, maybe_text?: string", echo_func);

  test_assert_call (registry, "opt", "{\"text\":\"a\"}", OK, "{\"text\":\"a\"}");
  test_assert_call (registry, "opt", "{\"text\":\"a\",\"maybeText\":null}", OK,
                    "{\"text\":\"a\",\"maybeText\":null}");
  test_assert_call (registry, "opt", "{\"text\":\"a\",\"maybeText\":\"b\"}", OK,
                    "{\"text\":\"a\",\"maybeText\":\"b\"}");
  test_assert_call (registry, "opt", "{\"text\":\"a\",\"maybeText\":5}", ERROR,
                    "\"invalid args `maybeText` for command `opt`: "
                    "expected a string, got a number\"");
  /* Only an optional parameter may be null. */
  test_assert_call (registry, "opt", "{\"text\":null}", ERROR,
                    "\"invalid args `text` for command `opt`: expected a string, got null\"");
  test_assert_call (registry, "opt", "{\"maybeText\":\"b\"}", ERROR,
                    "\"invalid args `text` for command `opt`: command opt missing required key text\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_arrays (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "names", "names: array<string>", echo_func);
  add_command (registry, "grid", "grid: array<array<integer>>", echo_func);

  test_assert_call (registry, "names", "{\"names\":[]}", OK, "{\"names\":[]}");
  test_assert_call (registry, "names", "{\"names\":[\"a\",\"b\"]}", OK,
                    "{\"names\":[\"a\",\"b\"]}");
  test_assert_call (registry, "names", "{\"names\":[\"a\",1]}", ERROR,
                    "\"invalid args `names` for command `names`: "
                    "at index 1: expected a string, got a number\"");
  test_assert_call (registry, "names", "{\"names\":[null]}", ERROR,
                    "\"invalid args `names` for command `names`: "
                    "at index 0: expected a string, got null\"");
  test_assert_call (registry, "names", "{\"names\":\"a\"}", ERROR,
                    "\"invalid args `names` for command `names`: "
                    "expected an array, got a string\"");

  test_assert_call (registry, "grid", "{\"grid\":[[1,2],[],[3.0]]}", OK,
                    "{\"grid\":[[1,2],[],[3.0]]}");
  test_assert_call (registry, "grid", "{\"grid\":[[1],[2,\"x\"]]}", ERROR,
                    "\"invalid args `grid` for command `grid`: "
                    "at index 1: at index 1: expected an integer, got a string\"");
  test_assert_call (registry, "grid", "{\"grid\":[1]}", ERROR,
                    "\"invalid args `grid` for command `grid`: "
                    "at index 0: expected an array, got a number\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_object_argument (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  g_type_ensure (TEST_TYPE_MESSAGE);
  add_command (registry, "objects", "message: object<TestMessage>", dup_object_func);

  test_assert_call (registry, "objects", "{\"message\":{\"message\":\"x\",\"other_val\":42}}",
                    OK, "{\"message\":\"x\",\"other_val\":42}");
  /* Missing members keep their default, unknown ones are ignored. */
  test_assert_call (registry, "objects", "{\"message\":{\"extra\":[1,2]}}",
                    OK, "{\"message\":null,\"other_val\":0}");
  test_assert_call (registry, "objects", "{\"message\":{\"other_val\":\"x\"}}", ERROR,
                    "\"invalid args `message` for command `objects`: "
                    "field `other_val`: expected an integer, got a string\"");
  test_assert_call (registry, "objects", "{\"message\":5}", ERROR,
                    "\"invalid args `message` for command `objects`: "
                    "expected an object of type TestMessage, got a number\"");
  test_assert_call (registry, "objects", "{\"message\":null}", ERROR,
                    "\"invalid args `message` for command `objects`: "
                    "expected an object of type TestMessage, got null\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_variant_argument (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  static const char * const bad[] = {
    "{\"pair\":[1]}",
    "{\"pair\":[1,2,3]}",
    "{\"pair\":{\"a\":1}}",
    "{\"pair\":null}",
  };

  add_command (registry, "variants", "pair: variant<(ii)>", dup_variant_func);

  test_assert_call (registry, "variants", "{\"pair\":[1,2]}", OK, "[2,1]");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TauriInvocation) invocation = NULL;
      TestReply reply = { 0, };

      g_test_message ("%s", bad[i]);
      invocation = test_dispatch (registry, "variants", bad[i], &reply);
      g_assert_cmpuint (reply.count, ==, 1);
      g_assert_cmpint (reply.kind, ==, ERROR);
      g_assert_true (g_str_has_prefix (reply.text,
                                       "\"invalid args `pair` for command `variants`: "
                                       "expected a value of GVariant type (ii): "));
      g_assert_finalize_object (g_steal_pointer (&invocation));
      test_reply_clear (&reply);
    }

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_arguments_not_object (void)
{
  static const struct {
    const char *json;
    const char *got;
  } cases[] = {
    { "[1]", "an array" },
    { "[]", "an array" },
    { "5", "a number" },
    { "\"s\"", "a string" },
    { "true", "a boolean" },
  };
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "x", NULL, unreachable_func);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = NULL;

      expected = g_strconcat ("\"invalid args for command `x`: expected an object, got ",
                              cases[i].got, "\"", NULL);
      test_assert_call (registry, "x", cases[i].json, ERROR, expected);
    }

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_no_arguments (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "none", NULL, echo_func);
  add_command (registry, "optional", "maybe?: integer", echo_func);
  add_command (registry, "required", "value: integer", unreachable_func);

  /* No text and `null` both mean no arguments. */
  test_assert_call (registry, "none", NULL, OK, "{}");
  test_assert_call (registry, "none", "null", OK, "{}");
  test_assert_call (registry, "none", " null ", OK, "{}");
  test_assert_call (registry, "none", "{}", OK, "{}");
  /* Extra arguments are passed on. */
  test_assert_call (registry, "none", "{\"extra\":1}", OK, "{\"extra\":1}");

  test_assert_call (registry, "optional", NULL, OK, "{}");
  test_assert_call (registry, "optional", "null", OK, "{}");

  test_assert_call (registry, "required", NULL, ERROR,
                    "\"invalid args `value` for command `required`: command required missing required key value\"");
  test_assert_call (registry, "required", "null", ERROR,
                    "\"invalid args `value` for command `required`: command required missing required key value\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
assert_call_prefix (TauriCommandRegistry *registry,
                    const char           *name,
                    const char           *json,
                    gsize                 length,
                    const char           *prefix)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  TauriCaller caller = { NULL, };

  invocation = _tauri_command_registry_dispatch (registry, name, &caller, json, length, NULL,
                                                 test_reply_func, &reply, test_reply_destroy);
  g_assert_cmpuint (reply.count, ==, 1);
  g_assert_cmpint (reply.kind, ==, ERROR);
  g_test_message ("%s", reply.text);
  g_assert_true (g_str_has_prefix (reply.text, prefix));
  g_assert_true (g_str_has_suffix (reply.text, "\""));
  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_cmpuint (reply.destroyed, ==, 1);

  test_reply_clear (&reply);
}

static void
test_registry_malformed (void)
{
  static const char * const texts[] = { "{", "{\"a\":}", "[1,", "nope", "{\"a\" 1}", "   " };
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "x", "a?: any", unreachable_func);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_call_prefix (registry, "x", texts[i], strlen (texts[i]),
                        "\"invalid args for command `x`: malformed JSON");

  test_assert_call (registry, "x", "{\"a\":\"\xff\"}", ERROR,
                    "\"invalid args for command `x`: invalid UTF-8 at byte 6\"");
  test_assert_call (registry, "x", "{\"a\":\"\\ud800\"}", ERROR,
                    "\"invalid args for command `x`: a string holds a lone UTF-16 surrogate, "
                    "which is not valid Unicode\"");
  test_assert_call (registry, "x", "{\"a\":\"\\u0000\"}", ERROR,
                    "\"invalid args for command `x`: strings holding U+0000 are not supported\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_depth (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  GString *deep = g_string_new ("{\"a\":");
  g_autofree char *deep_text = NULL;

  add_command (registry, "deep", "a: any", echo_func);

  /* The default is 128 levels, the arguments object included. */
  for (guint i = 0; i < 127; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 127; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  deep_text = g_string_free (deep, FALSE);
  test_assert_call (registry, "deep", deep_text, OK, deep_text);

  tauri_command_registry_set_max_depth (registry, 3);
  test_assert_call (registry, "deep", "{\"a\":[[1]]}", OK, "{\"a\":[[1]]}");
  test_assert_call (registry, "deep", "{\"a\":[[[1]]]}", ERROR,
                    "\"invalid args for command `deep`: nested deeper than 3 levels\"");
  test_assert_call (registry, "deep", deep_text, ERROR,
                    "\"invalid args for command `deep`: nested deeper than 3 levels\"");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_registry_results (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();

  add_command (registry, "hello", NULL, hello_func);
  add_command (registry, "nothing", NULL, null_func);
  add_command (registry, "five", NULL, five_func);
  add_command (registry, "message", NULL, message_func);

  test_assert_call (registry, "hello", NULL, OK, "\"Hello\"");
  test_assert_call (registry, "nothing", NULL, OK, "null");
  test_assert_call (registry, "five", NULL, OK, "5");
  test_assert_call (registry, "message", NULL, OK, "{\"message\":\"x\",\"other_val\":42}");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

typedef struct
{
  guint  calls;
  char  *last_name;
} SignalData;

static gboolean
greeting_cb (TauriCommandRegistry *registry,
             TauriInvocation      *invocation,
             SignalData           *data)
{
  g_autofree char *greeting = NULL;

  data->calls++;
  g_assert_cmpstr (tauri_invocation_get_command_name (invocation), ==, "greeting");
  g_assert_null (tauri_invocation_get_command (invocation));
  g_assert_null (tauri_invocation_get_window (invocation));
  g_assert_null (tauri_invocation_get_user_data (invocation));

  /* Without a TauriCommand nothing was checked: the handler checks. */
  if (tauri_invocation_get_string (invocation, "name") == NULL)
    {
      tauri_invocation_return_error_message (invocation, "Who?");
      return TRUE;
    }

  greeting = g_strdup_printf ("Hello, %s!", tauri_invocation_get_string (invocation, "name"));
  tauri_invocation_return_string (invocation, greeting);
  return TRUE;
}

static void
test_registry_signal_detailed (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  SignalData data = { 0, };

  g_signal_connect (registry, "command::greeting", G_CALLBACK (greeting_cb), &data);

  test_assert_call (registry, "greeting", "{\"name\":\"Ada\"}", OK, "\"Hello, Ada!\"");
  test_assert_call (registry, "greeting", NULL, ERROR, "\"Who?\"");
  g_assert_cmpuint (data.calls, ==, 2);

  /* The arguments are still parsed. */
  test_assert_call (registry, "greeting", "[1]", ERROR,
                    "\"invalid args for command `greeting`: expected an object, got an array\"");
  g_assert_cmpuint (data.calls, ==, 2);

  /* Other names are not the handler's business. */
  test_assert_call (registry, "greetings", NULL, ERROR, "\"Command greetings not found\"");
  g_assert_cmpuint (data.calls, ==, 2);

  g_signal_handlers_disconnect_by_func (registry, greeting_cb, &data);
  test_assert_call (registry, "greeting", NULL, ERROR, "\"Command greeting not found\"");
  g_assert_cmpuint (data.calls, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static gboolean
decline_cb (TauriCommandRegistry *registry,
            TauriInvocation      *invocation,
            SignalData           *data)
{
  data->calls++;
  return FALSE;
}

static gboolean
answer_and_decline_cb (TauriCommandRegistry *registry,
                       TauriInvocation      *invocation,
                       SignalData           *data)
{
  data->calls++;
  tauri_invocation_return_boolean (invocation, TRUE);
  return FALSE;
}

static void
test_registry_signal_unhandled (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  SignalData declined = { 0, };
  SignalData answered = { 0, };

  g_signal_connect (registry, "command::x", G_CALLBACK (decline_cb), &declined);
  g_signal_connect (registry, "command::y", G_CALLBACK (answer_and_decline_cb), &answered);

  test_assert_call (registry, "x", NULL, ERROR, "\"Command x not found\"");
  g_assert_cmpuint (declined.calls, ==, 1);

  /* An answer stands even when the handler returns FALSE. */
  test_assert_call (registry, "y", NULL, OK, "true");
  g_assert_cmpuint (answered.calls, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static gboolean
greet_cb (TauriCommandRegistry *registry,
          TauriInvocation      *invocation,
          SignalData           *data)
{
  g_autofree char *greeting = NULL;

  data->calls++;
  g_assert_true (tauri_invocation_get_command (invocation) ==
                 tauri_command_registry_lookup (registry, "greet"));
  g_assert_true (tauri_invocation_get_user_data (invocation) == data);

  greeting = g_strdup_printf ("Hello, %s!", tauri_invocation_get_string (invocation, "user_name"));
  tauri_invocation_return_string (invocation, greeting);
  return TRUE;
}

static void
test_registry_signal_null_func (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  SignalData data = { 0, };
  gulong handler_id;

  tauri_command_registry_add (registry,
                              tauri_command_new ("greet", "user_name: string",
                                                 TAURI_COMMAND_FLAGS_NONE, NULL, &data, NULL));

  /* Nobody answers yet. */
  test_assert_call (registry, "greet", "{\"userName\":\"Ada\"}", ERROR,
                    "\"Command greet not found\"");

  handler_id = g_signal_connect (registry, "command::greet", G_CALLBACK (greet_cb), &data);
  test_assert_call (registry, "greet", "{\"userName\":\"Ada\"}", OK, "\"Hello, Ada!\"");
  g_assert_cmpuint (data.calls, ==, 1);

  /* The command's parameters are checked before the handler runs. */
  test_assert_call (registry, "greet", "{\"userName\":5}", ERROR,
                    "\"invalid args `userName` for command `greet`: "
                    "expected a string, got a number\"");
  test_assert_call (registry, "greet", NULL, ERROR,
                    "\"invalid args `userName` for command `greet`: command greet missing required key userName\"");
  g_assert_cmpuint (data.calls, ==, 1);

  g_signal_handler_disconnect (registry, handler_id);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static gboolean
record_cb (TauriCommandRegistry *registry,
           TauriInvocation      *invocation,
           SignalData           *data)
{
  data->calls++;
  g_free (data->last_name);
  data->last_name = g_strdup (tauri_invocation_get_command_name (invocation));
  return FALSE;
}

static gboolean
catch_all_cb (TauriCommandRegistry *registry,
              TauriInvocation      *invocation,
              SignalData           *data)
{
  data->calls++;
  tauri_invocation_return_string (invocation, tauri_invocation_get_command_name (invocation));
  return TRUE;
}

static void
test_registry_signal_undetailed (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  SignalData seen = { 0, };
  SignalData greeted = { 0, };
  SignalData caught = { 0, };
  gulong catch_all_id;

  add_command (registry, "hello", NULL, hello_func);
  g_signal_connect (registry, "command", G_CALLBACK (record_cb), &seen);
  g_signal_connect (registry, "command::greeting", G_CALLBACK (greeting_cb), &greeted);

  /* A registered command: seen, then run by the default handler. */
  test_assert_call (registry, "hello", NULL, OK, "\"Hello\"");
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpstr (seen.last_name, ==, "hello");

  /* A command answered by a detailed handler. */
  test_assert_call (registry, "greeting", "{\"name\":\"Ada\"}", OK, "\"Hello, Ada!\"");
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpstr (seen.last_name, ==, "greeting");
  g_assert_cmpuint (greeted.calls, ==, 1);

  /* A name nobody handles, whether or not GLib knows it as a quark. */
  test_assert_call (registry, "no_such_command_anywhere", NULL, ERROR,
                    "\"Command no_such_command_anywhere not found\"");
  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpstr (seen.last_name, ==, "no_such_command_anywhere");
  test_assert_call (registry, "notify", NULL, ERROR, "\"Command notify not found\"");
  g_assert_cmpuint (seen.calls, ==, 4);
  g_assert_cmpstr (seen.last_name, ==, "notify");

  /* An undetailed handler that answers takes every call nobody else took. */
  catch_all_id = g_signal_connect (registry, "command", G_CALLBACK (catch_all_cb), &caught);
  test_assert_call (registry, "anything_at_all", NULL, OK, "\"anything_at_all\"");
  test_assert_call (registry, "notify", NULL, OK, "\"notify\"");
  g_assert_cmpuint (caught.calls, ==, 2);
  g_assert_cmpuint (seen.calls, ==, 6);
  g_signal_handler_disconnect (registry, catch_all_id);

  g_signal_handlers_disconnect_by_func (registry, record_cb, &seen);
  g_signal_handlers_disconnect_by_func (registry, greeting_cb, &greeted);
  g_free (seen.last_name);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static gboolean
keep_cb (TauriCommandRegistry *registry,
         TauriInvocation      *invocation,
         TauriInvocation     **kept)
{
  *kept = g_object_ref (invocation);
  return TRUE;
}

static void
test_registry_signal_answer_later (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(TauriInvocation) invocation = NULL;
  TauriInvocation *kept = NULL;
  TestReply reply = { 0, };

  g_signal_connect (registry, "command::later", G_CALLBACK (keep_cb), &kept);

  invocation = test_dispatch (registry, "later", NULL, &reply);
  g_assert_true (kept == invocation);
  g_assert_cmpuint (reply.count, ==, 0);
  g_assert_false (tauri_invocation_is_answered (invocation));

  tauri_invocation_return_int (kept, -1);
  g_clear_object (&kept);
  test_assert_reply (&reply, OK, "-1");
  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_cmpuint (reply.destroyed, ==, 1);

  test_reply_clear (&reply);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

/* Thread commands */

typedef struct
{
  GThread *thread;        /* where the thread func ran */
  guint    destroyed;
} ThreadData;

static void
thread_data_destroy (gpointer user_data)
{
  ThreadData *data = user_data;

  g_atomic_int_inc (&data->destroyed);
}

static JsonNode *
shout_thread_func (TauriInvocation  *invocation,
                   GCancellable     *cancellable,
                   gpointer          user_data,
                   GError          **error)
{
  ThreadData *data = user_data;
  const char *text = tauri_invocation_get_string (invocation, "text");
  g_autofree char *upper = NULL;

  g_atomic_pointer_set (&data->thread, g_thread_self ());
  g_assert_true (G_IS_CANCELLABLE (cancellable));
  g_assert_true (tauri_invocation_get_user_data (invocation) == data);

  if (g_str_equal (text, "fail"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "It failed: %s", text);
      return NULL;
    }
  if (g_str_equal (text, "nothing"))
    return NULL;

  upper = g_utf8_strup (text, -1);
  return json_node_init_string (json_node_alloc (), upper);
}

static void
run_thread_command (const char     *text,
                    TauriAnswerKind  kind,
                    const char     *expected)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(JsonObject) members = json_object_new ();
  g_autoptr(JsonNode) arguments = json_node_init_object (json_node_alloc (), members);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  TauriCommand *command;
  ThreadData data = { NULL, 0 };
  TestReply reply = { 0, };

  json_object_set_string_member (json_node_get_object (arguments), "text", text);
  json_generator_set_root (generator, arguments);
  json = json_generator_to_data (generator, NULL);

  command = tauri_command_new_thread ("shout", "text: string", TAURI_COMMAND_FLAGS_NONE,
                                      shout_thread_func, &data, thread_data_destroy);
  tauri_command_registry_add (registry, g_object_ref (command));

  invocation = test_dispatch (registry, "shout", json, &reply);

  /* The answer comes through the main context, never before it runs. */
  g_assert_cmpuint (reply.count, ==, 0);
  test_reply_wait (&reply);
  test_assert_reply (&reply, kind, expected);
  g_assert_cmpuint (reply.destroyed, ==, 1);
  g_assert_true (tauri_invocation_is_answered (invocation));

  g_assert_nonnull (g_atomic_pointer_get (&data.thread));
  g_assert_true (g_atomic_pointer_get (&data.thread) != g_thread_self ());

  g_assert_finalize_object (g_steal_pointer (&registry));
  g_clear_object (&invocation);

  /* The GTask lets go of the command when it completes. */
  test_wait_finalized (command);
  g_assert_cmpuint (g_atomic_int_get (&data.destroyed), ==, 1);
  g_assert_cmpuint (reply.count, ==, 1);

  test_reply_clear (&reply);
}

static void
test_registry_thread_resolve (void)
{
  run_thread_command ("hi", OK, "\"HI\"");
  run_thread_command ("nothing", OK, "null");
}

static void
test_registry_thread_reject (void)
{
  run_thread_command ("fail", ERROR, "\"It failed: fail\"");
}

static void
test_registry_thread_invalid_args (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  ThreadData data = { NULL, 0 };

  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("shout", "text: string",
                                                        TAURI_COMMAND_FLAGS_NONE,
                                                        shout_thread_func, &data,
                                                        thread_data_destroy));

  /* Refused on the main thread: no worker ever runs. */
  test_assert_call (registry, "shout", "{\"text\":5}", ERROR,
                    "\"invalid args `text` for command `shout`: expected a string, got a number\"");
  g_assert_null (data.thread);

  g_assert_finalize_object (g_steal_pointer (&registry));
  g_assert_cmpuint (data.destroyed, ==, 1);
}

#define BURST 300

/* The calls of one main-loop turn go to the pool at once, the first
 * carrying the rest for its worker to hand on: each is answered, once. */
static void
test_registry_thread_burst (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  TauriInvocation *invocations[BURST];
  TestReply replies[BURST];
  ThreadData data = { NULL, 0 };

  memset (replies, 0, sizeof replies);
  tauri_command_registry_add (registry,
                              tauri_command_new_thread ("shout", "text: string", TAURI_COMMAND_FLAGS_NONE,
                                                        shout_thread_func, &data, thread_data_destroy));

  for (guint i = 0; i < BURST; i++)
    invocations[i] = test_dispatch (registry, "shout", "{\"text\":\"hi\"}", &replies[i]);

  for (guint i = 0; i < BURST; i++)
    {
      g_clear_object (&invocations[i]);
      test_reply_wait (&replies[i]);
    }
  g_clear_object (&registry);

  /* The workers let go of the last calls, and of the command with them. */
  while (g_atomic_int_get (&data.destroyed) == 0)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  for (guint i = 0; i < BURST; i++)
    {
      g_assert_cmpuint (replies[i].count, ==, 1);
      g_assert_cmpuint (replies[i].destroyed, ==, 1);
      test_assert_reply (&replies[i], OK, "\"HI\"");
      test_reply_clear (&replies[i]);
    }
}


/* Async commands */

static void async_echo_func (TauriInvocation     *invocation,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             callback_data);

static gboolean
async_complete_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  TauriInvocation *invocation = g_task_get_source_object (task);
  const char *text = tauri_invocation_get_string (invocation, "text");

  if (g_str_equal (text, "fail"))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such thing: %s", text);
  else if (g_str_equal (text, "nothing"))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, json_node_init_string (json_node_alloc (), text),
                           (GDestroyNotify) json_node_unref);

  return G_SOURCE_REMOVE;
}

static void
async_echo_func (TauriInvocation     *invocation,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             callback_data)
{
  GTask *task = g_task_new (invocation, cancellable, callback, callback_data);
  guint *started = tauri_invocation_get_user_data (invocation);

  (*started)++;
  g_assert_true (cancellable == tauri_invocation_get_cancellable (invocation));
  g_task_set_source_tag (task, async_echo_func);

  /* Finish later, as a real GIO operation would. */
  g_idle_add (async_complete_cb, task);
}

static JsonNode *
async_echo_finish (TauriInvocation  *invocation,
                   GAsyncResult     *result,
                   GError          **error)
{
  g_assert_true (g_task_is_valid (result, invocation));
  g_assert_true (g_task_get_source_tag (G_TASK (result)) == async_echo_func);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
run_async_command (const char     *json,
                   TauriAnswerKind  kind,
                   const char     *expected)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(TauriInvocation) invocation = NULL;
  guint started = 0;
  guint destroyed = 0;
  TestReply reply = { 0, };

  tauri_command_registry_add (registry,
                              tauri_command_new_async ("echo", "text: string",
                                                       TAURI_COMMAND_FLAGS_NONE,
                                                       async_echo_func, async_echo_finish,
                                                       &started, NULL));
  g_object_weak_ref (G_OBJECT (tauri_command_registry_lookup (registry, "echo")),
                     (GWeakNotify) test_increment, &destroyed);

  invocation = test_dispatch (registry, "echo", json, &reply);
  g_assert_cmpuint (started, ==, 1);
  g_assert_cmpuint (reply.count, ==, 0);

  test_reply_wait (&reply);
  test_assert_reply (&reply, kind, expected);
  g_assert_cmpuint (reply.destroyed, ==, 1);

  /* The task and the callback data let go of the invocation. */
  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_finalize_object (g_steal_pointer (&registry));
  g_assert_cmpuint (destroyed, ==, 1);

  test_reply_clear (&reply);
}

static void
test_registry_async_resolve (void)
{
  run_async_command ("{\"text\":\"hi\"}", OK, "\"hi\"");
  run_async_command ("{\"text\":\"nothing\"}", OK, "null");
}

static void
test_registry_async_reject (void)
{
  run_async_command ("{\"text\":\"fail\"}", ERROR, "\"No such thing: fail\"");
}

/* Neither answers nor keeps the invocation. */
static void
forget_func (TauriInvocation *invocation,
             gpointer         user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
test_registry_unanswered (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };
  guint calls = 0;

  tauri_command_registry_add (registry,
                              tauri_command_new ("forgetful", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 forget_func, &calls, NULL));

  invocation = test_dispatch (registry, "forgetful", NULL, &reply);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (reply.count, ==, 0);
  g_assert_false (tauri_invocation_is_answered (invocation));

  /* The last reference goes: the call is rejected, once. */
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_assert_reply (&reply, ERROR, "\"Command forgetful was dropped without an answer\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);

  test_reply_clear (&reply);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/CommandRegistry/add-lookup-remove", test_registry_add_lookup_remove);
  g_test_add_func ("/Tauri/CommandRegistry/list-names", test_registry_list_names);
  g_test_add_func ("/Tauri/CommandRegistry/replace", test_registry_replace);
  g_test_add_func ("/Tauri/CommandRegistry/max-depth", test_registry_max_depth);
  g_test_add_func ("/Tauri/CommandRegistry/max-message-size", test_registry_max_message_size);
  g_test_add_func ("/Tauri/CommandRegistry/not-found", test_registry_not_found);
  g_test_add_func ("/Tauri/CommandRegistry/missing-key", test_registry_missing_key);
  g_test_add_func ("/Tauri/CommandRegistry/snake-case", test_registry_snake_case);
  g_test_add_func ("/Tauri/CommandRegistry/wrong-type", test_registry_wrong_type);
  g_test_add_func ("/Tauri/CommandRegistry/simple-types", test_registry_simple_types);
  g_test_add_func ("/Tauri/CommandRegistry/integer", test_registry_integer);
  g_test_add_func ("/Tauri/CommandRegistry/optional", test_registry_optional);
  g_test_add_func ("/Tauri/CommandRegistry/arrays", test_registry_arrays);
  g_test_add_func ("/Tauri/CommandRegistry/object-argument", test_registry_object_argument);
  g_test_add_func ("/Tauri/CommandRegistry/variant-argument", test_registry_variant_argument);
  g_test_add_func ("/Tauri/CommandRegistry/arguments-not-object",
                   test_registry_arguments_not_object);
  g_test_add_func ("/Tauri/CommandRegistry/no-arguments", test_registry_no_arguments);
  g_test_add_func ("/Tauri/CommandRegistry/malformed", test_registry_malformed);
  g_test_add_func ("/Tauri/CommandRegistry/depth", test_registry_depth);
  g_test_add_func ("/Tauri/CommandRegistry/results", test_registry_results);
  g_test_add_func ("/Tauri/CommandRegistry/signal-detailed", test_registry_signal_detailed);
  g_test_add_func ("/Tauri/CommandRegistry/signal-unhandled", test_registry_signal_unhandled);
  g_test_add_func ("/Tauri/CommandRegistry/signal-null-func", test_registry_signal_null_func);
  g_test_add_func ("/Tauri/CommandRegistry/signal-undetailed", test_registry_signal_undetailed);
  g_test_add_func ("/Tauri/CommandRegistry/signal-answer-later", test_registry_signal_answer_later);
  g_test_add_func ("/Tauri/CommandRegistry/thread-resolve", test_registry_thread_resolve);
  g_test_add_func ("/Tauri/CommandRegistry/thread-reject", test_registry_thread_reject);
  g_test_add_func ("/Tauri/CommandRegistry/thread-invalid-args", test_registry_thread_invalid_args);
  g_test_add_func ("/Tauri/CommandRegistry/thread-burst", test_registry_thread_burst);
  g_test_add_func ("/Tauri/CommandRegistry/async-resolve", test_registry_async_resolve);
  g_test_add_func ("/Tauri/CommandRegistry/async-reject", test_registry_async_reject);
  g_test_add_func ("/Tauri/CommandRegistry/unanswered", test_registry_unanswered);

  return g_test_run ();
}
