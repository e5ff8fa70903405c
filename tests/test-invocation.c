/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>

#include "tauri.h"
#include "tauri-invocation-private.h"
#include "test-utils.h"

#define OK    TAURI_ANSWER_VALUE
#define ERROR TAURI_ANSWER_ERROR

static void
unused_func (TauriInvocation *invocation,
             gpointer         user_data)
{
  g_assert_not_reached ();
}

/* An invocation of a command declared with @parameters, as the registry
 * makes it once the arguments have passed the checks. */
static TauriInvocation *
invocation_with_command (const char         *parameters,
                         TauriCommandFlags   flags,
                         gpointer            user_data,
                         const char         *arguments_json,
                         TestReply          *reply,
                         TauriCommand      **out_command)
{
  g_autoptr(TauriCommand) command = NULL;
  TauriInvocation *invocation;

  command = tauri_command_new ("greet", parameters, flags, unused_func, user_data, NULL);
  invocation = test_invocation_new ("greet", arguments_json, reply);
  _tauri_invocation_set_command (invocation, command);

  if (out_command != NULL)
    *out_command = command;

  return invocation;
}

static void
test_invocation_arguments (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TauriCommand *command = NULL;
  TestReply reply = { 0, };
  JsonNode *node;

  invocation = invocation_with_command ("invoke_message: string, count: integer, ratio: number,"
                                        "flag: boolean, maybe?: string, items: array",
                                        TAURI_COMMAND_FLAGS_NONE, NULL,
                                        "{\"invokeMessage\":\"hi\",\"count\":5,\"ratio\":1.5,"
                                        "\"flag\":true,\"maybe\":null,\"items\":[1],"
                                        "\"extraKey\":\"e\"}",
                                        &reply, &command);

  g_assert_cmpstr (tauri_invocation_get_command_name (invocation), ==, "greet");
  g_assert_true (tauri_invocation_get_command (invocation) == command);
  g_assert_cmpuint (json_object_get_size (tauri_invocation_get_arguments (invocation)), ==, 7);

  /* By the declared name and by the key. */
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "invoke_message"), ==, "hi");
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "invokeMessage"), ==, "hi");
  g_assert_cmpint (tauri_invocation_get_int (invocation, "count"), ==, 5);
  g_assert_cmpfloat (tauri_invocation_get_double (invocation, "ratio"), ==, 1.5);
  g_assert_true (tauri_invocation_get_boolean (invocation, "flag"));

  /* Undeclared arguments are there too, by either spelling. */
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "extra_key"), ==, "e");
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "extraKey"), ==, "e");

  /* Numbers convert; other types give the default. */
  g_assert_cmpint (tauri_invocation_get_int (invocation, "ratio"), ==, 1);
  g_assert_cmpfloat (tauri_invocation_get_double (invocation, "count"), ==, 5.0);
  g_assert_cmpint (tauri_invocation_get_int (invocation, "invoke_message"), ==, 0);
  g_assert_cmpint (tauri_invocation_get_int (invocation, "items"), ==, 0);
  g_assert_cmpint (tauri_invocation_get_int (invocation, "maybe"), ==, 0);
  g_assert_cmpfloat (tauri_invocation_get_double (invocation, "flag"), ==, 0.0);
  g_assert_cmpfloat (tauri_invocation_get_double (invocation, "items"), ==, 0.0);
  g_assert_null (tauri_invocation_get_string (invocation, "count"));
  g_assert_null (tauri_invocation_get_string (invocation, "maybe"));
  g_assert_null (tauri_invocation_get_string (invocation, "items"));
  g_assert_false (tauri_invocation_get_boolean (invocation, "count"));
  g_assert_false (tauri_invocation_get_boolean (invocation, "invoke_message"));

  /* Missing arguments give the default. */
  g_assert_null (tauri_invocation_get_string (invocation, "missing"));
  g_assert_cmpint (tauri_invocation_get_int (invocation, "missing"), ==, 0);
  g_assert_cmpfloat (tauri_invocation_get_double (invocation, "missing"), ==, 0.0);
  g_assert_false (tauri_invocation_get_boolean (invocation, "missing"));

  /* A null argument is no argument. */
  g_assert_true (tauri_invocation_has_argument (invocation, "invoke_message"));
  g_assert_true (tauri_invocation_has_argument (invocation, "invokeMessage"));
  g_assert_true (tauri_invocation_has_argument (invocation, "items"));
  g_assert_false (tauri_invocation_has_argument (invocation, "maybe"));
  g_assert_false (tauri_invocation_has_argument (invocation, "missing"));

  node = tauri_invocation_get_argument (invocation, "items");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (node), 0), ==, 1);
  node = tauri_invocation_get_argument (invocation, "maybe");
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_NULL (node));
  g_assert_null (tauri_invocation_get_argument (invocation, "missing"));

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_arguments_snake_case (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = invocation_with_command ("invoke_message: string",
                                        TAURI_COMMAND_FLAGS_SNAKE_CASE, NULL,
                                        "{\"invoke_message\":\"hi\"}", &reply, NULL);

  g_assert_cmpstr (tauri_invocation_get_string (invocation, "invoke_message"), ==, "hi");
  g_assert_true (tauri_invocation_has_argument (invocation, "invoke_message"));
  g_assert_null (tauri_invocation_get_string (invocation, "invokeMessage"));

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_arguments_without_command (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(TauriInvocation) empty = NULL;
  TestReply reply = { 0, };
  TestReply empty_reply = { 0, };

  /* As a handler of TauriCommandRegistry::command gets it. */
  invocation = test_invocation_new ("signal_only", "{\"invokeMessage\":\"hi\",\"n\":2}", &reply);

  g_assert_null (tauri_invocation_get_command (invocation));
  g_assert_null (tauri_invocation_get_user_data (invocation));
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "invoke_message"), ==, "hi");
  g_assert_cmpstr (tauri_invocation_get_string (invocation, "invokeMessage"), ==, "hi");
  g_assert_cmpint (tauri_invocation_get_int (invocation, "n"), ==, 2);

  /* No arguments at all: an empty object. */
  empty = test_invocation_new ("none", NULL, &empty_reply);
  g_assert_nonnull (tauri_invocation_get_arguments (empty));
  g_assert_cmpuint (json_object_get_size (tauri_invocation_get_arguments (empty)), ==, 0);
  g_assert_false (tauri_invocation_has_argument (empty, "anything"));

  tauri_invocation_return_value (invocation, NULL);
  tauri_invocation_return_value (empty, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_finalize_object (g_steal_pointer (&empty));
  test_reply_clear (&reply);
  test_reply_clear (&empty_reply);
}

static void
test_invocation_dup_object (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(TestMessage) message = NULL;
  g_autoptr(GObject) none = NULL;
  g_autoptr(GError) error = NULL;
  TestReply reply = { 0, };

  g_type_ensure (TEST_TYPE_MESSAGE);
  invocation = invocation_with_command ("message: object<TestMessage>, other?: any",
                                        TAURI_COMMAND_FLAGS_NONE, NULL,
                                        "{\"message\":{\"message\":\"x\",\"other_val\":42},"
                                        "\"bad\":{\"other_val\":\"x\"},\"num\":5}",
                                        &reply, NULL);

  message = tauri_invocation_dup_object (invocation, "message", TEST_TYPE_MESSAGE, &error);
  g_assert_no_error (error);
  g_assert_true (TEST_IS_MESSAGE (message));
  g_assert_cmpstr (test_message_get_message (message), ==, "x");
  g_assert_cmpint (test_message_get_other_val (message), ==, 42);
  g_assert_finalize_object (g_steal_pointer (&message));

  none = tauri_invocation_dup_object (invocation, "bad", TEST_TYPE_MESSAGE, &error);
  g_assert_null (none);
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS);
  g_assert_cmpstr (error->message, ==, "field `other_val`: expected an integer, got a string");
  g_clear_error (&error);

  none = tauri_invocation_dup_object (invocation, "num", TEST_TYPE_MESSAGE, &error);
  g_assert_null (none);
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS);
  g_assert_cmpstr (error->message, ==, "expected an object of type TestMessage, got a number");
  g_clear_error (&error);

  none = tauri_invocation_dup_object (invocation, "other", TEST_TYPE_MESSAGE, &error);
  g_assert_null (none);
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS);
  g_assert_cmpstr (error->message, ==, "invalid args `other` for command `greet`: command greet missing required key other");
  g_clear_error (&error);

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_dup_variant (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new ("(ii)", 1, -2));
  g_autoptr(GVariant) pair = NULL;
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GVariant) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b = NULL;
  gint64 a = 0;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", "{\"pair\":[1,-2],\"dict\":{\"a\":1,\"b\":\"x\"}}",
                                    &reply);

  pair = tauri_invocation_dup_variant (invocation, "pair", "(ii)", &error);
  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (pair));
  g_assert_cmpvariant (pair, expected);

  dict = tauri_invocation_dup_variant (invocation, "dict", "a{sv}", &error);
  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (dict));
  g_assert_true (g_variant_lookup (dict, "a", "x", &a));
  g_assert_cmpint (a, ==, 1);
  g_assert_true (g_variant_lookup (dict, "b", "s", &b));
  g_assert_cmpstr (b, ==, "x");

  none = tauri_invocation_dup_variant (invocation, "dict", "(ii)", &error);
  g_assert_null (none);
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS);
  g_assert_true (g_str_has_prefix (error->message, "expected a value of GVariant type (ii): "));
  g_clear_error (&error);

  none = tauri_invocation_dup_variant (invocation, "nope", "s", &error);
  g_assert_null (none);
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS);
  g_assert_cmpstr (error->message, ==, "invalid args `nope` for command `greet`: command greet missing required key nope");
  g_clear_error (&error);

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_window (void)
{
  g_autoptr(TauriInvocation) plain = NULL;
  g_autoptr(TauriInvocation) with_window = NULL;
  g_autoptr(TauriInvocation) signal_only = NULL;
  TestReply reply = { 0, };

  /* A real TauriWindow needs WebKit: the ui suite covers it. */
  plain = invocation_with_command (NULL, TAURI_COMMAND_FLAGS_NONE, NULL, NULL, &reply, NULL);
  with_window = invocation_with_command (NULL, TAURI_COMMAND_FLAGS_WITH_WINDOW, NULL, NULL,
                                         &reply, NULL);
  signal_only = test_invocation_new ("signal_only", NULL, &reply);

  g_assert_null (tauri_invocation_get_window (plain));
  g_assert_null (_tauri_invocation_get_caller (plain));
  g_assert_null (tauri_invocation_get_window (with_window));
  g_assert_null (tauri_invocation_get_window (signal_only));

  tauri_invocation_return_value (plain, NULL);
  tauri_invocation_return_value (with_window, NULL);
  tauri_invocation_return_value (signal_only, NULL);
  g_assert_cmpuint (reply.count, ==, 3);
  g_assert_cmpuint (reply.destroyed, ==, 3);
  g_assert_finalize_object (g_steal_pointer (&plain));
  g_assert_finalize_object (g_steal_pointer (&with_window));
  g_assert_finalize_object (g_steal_pointer (&signal_only));
  test_reply_clear (&reply);
}

static void
test_invocation_user_data (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };
  int data = 0;

  invocation = invocation_with_command (NULL, TAURI_COMMAND_FLAGS_NONE, &data, NULL,
                                        &reply, NULL);
  g_assert_true (tauri_invocation_get_user_data (invocation) == &data);

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

/* Answers */

typedef struct
{
  const char      *path;
  void           (*answer) (TauriInvocation *invocation);
  TauriAnswerKind   kind;
  const char      *text;
} AnswerCase;

static void
answer_value_null (TauriInvocation *invocation)
{
  tauri_invocation_return_value (invocation, NULL);
}

static void
answer_value (TauriInvocation *invocation)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"a\":[1,true,null],\"b\":{}}", NULL);

  tauri_invocation_return_value (invocation, node);
}

static void
answer_string (TauriInvocation *invocation)
{
  tauri_invocation_return_string (invocation, "Hello");
}

static void
answer_string_null (TauriInvocation *invocation)
{
  tauri_invocation_return_string (invocation, NULL);
}

static void
answer_string_escaped (TauriInvocation *invocation)
{
  tauri_invocation_return_string (invocation, "a\"b\\c\n\xc3\xa9");
}

static void
answer_int (TauriInvocation *invocation)
{
  tauri_invocation_return_int (invocation, 5);
}

static void
answer_int_min (TauriInvocation *invocation)
{
  tauri_invocation_return_int (invocation, G_MININT64);
}

static void
answer_double (TauriInvocation *invocation)
{
  tauri_invocation_return_double (invocation, 1.5);
}

static void
answer_double_whole (TauriInvocation *invocation)
{
  tauri_invocation_return_double (invocation, -2.0);
}

static void
answer_double_nan (TauriInvocation *invocation)
{
  tauri_invocation_return_double (invocation, NAN);
}

static void
answer_double_infinity (TauriInvocation *invocation)
{
  tauri_invocation_return_double (invocation, -INFINITY);
}

static void
answer_boolean_true (TauriInvocation *invocation)
{
  tauri_invocation_return_boolean (invocation, TRUE);
}

static void
answer_boolean_false (TauriInvocation *invocation)
{
  tauri_invocation_return_boolean (invocation, FALSE);
}

static void
answer_object (TauriInvocation *invocation)
{
  g_autoptr(TestMessage) message = test_message_new ("x", 42);

  tauri_invocation_return_object (invocation, G_OBJECT (message));
  g_assert_finalize_object (g_steal_pointer (&message));
}

static void
answer_object_default (TauriInvocation *invocation)
{
  g_autoptr(TestMessage) message = g_object_new (TEST_TYPE_MESSAGE, NULL);

  tauri_invocation_return_object (invocation, G_OBJECT (message));
  g_assert_finalize_object (g_steal_pointer (&message));
}

static void
answer_object_null (TauriInvocation *invocation)
{
  tauri_invocation_return_object (invocation, NULL);
}

static void
answer_variant_floating (TauriInvocation *invocation)
{
  /* Consumed: nothing to free here. */
  tauri_invocation_return_variant (invocation, g_variant_new ("(ii)", 1, 2));
}

static void
answer_variant_owned (TauriInvocation *invocation)
{
  g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_string ("kept"));

  tauri_invocation_return_variant (invocation, variant);

  /* Not consumed: still ours. */
  g_assert_cmpstr (g_variant_get_string (variant, NULL), ==, "kept");
}

static void
answer_variant_dict (TauriInvocation *invocation)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "n", g_variant_new_int32 (7));
  tauri_invocation_return_variant (invocation, g_variant_builder_end (&builder));
}

static void
answer_variant_null (TauriInvocation *invocation)
{
  tauri_invocation_return_variant (invocation, NULL);
}

static void
answer_json (TauriInvocation *invocation)
{
  tauri_invocation_return_json (invocation, "{\"a\": [1, 2]}");
}

static void
answer_gerror (TauriInvocation *invocation)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk \"full\"");

  tauri_invocation_return_gerror (invocation, error);
}

static void
answer_take_error (TauriInvocation *invocation)
{
  tauri_invocation_take_error (invocation,
                               g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                            "No file %s", "a.txt"));
}

static void
answer_error_message (TauriInvocation *invocation)
{
  tauri_invocation_return_error_message (invocation, "This failed!");
}

static void
answer_error_value (TauriInvocation *invocation)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"code\":42,\"message\":\"bad\"}", NULL);

  tauri_invocation_return_error_value (invocation, node);
}

static void
answer_error_value_null (TauriInvocation *invocation)
{
  tauri_invocation_return_error_value (invocation, NULL);
}

static const AnswerCase answer_cases[] = {
  { "value-null", answer_value_null, OK, "null" },
  { "value", answer_value, OK, "{\"a\":[1,true,null],\"b\":{}}" },
  { "string", answer_string, OK, "\"Hello\"" },
  { "string-null", answer_string_null, OK, "null" },
  { "string-escaped", answer_string_escaped, OK, "\"a\\\"b\\\\c\\n\xc3\xa9\"" },
  { "int", answer_int, OK, "5" },
  { "int-min", answer_int_min, OK, "-9223372036854775808" },
  { "double", answer_double, OK, "1.5" },
  { "double-whole", answer_double_whole, OK, "-2.0" },
  { "double-nan", answer_double_nan, OK, "null" },
  { "double-infinity", answer_double_infinity, OK, "null" },
  { "boolean-true", answer_boolean_true, OK, "true" },
  { "boolean-false", answer_boolean_false, OK, "false" },
  { "object", answer_object, OK, "{\"message\":\"x\",\"other_val\":42}" },
  { "object-default", answer_object_default, OK, "{\"message\":null,\"other_val\":0}" },
  { "object-null", answer_object_null, OK, "null" },
  { "variant-floating", answer_variant_floating, OK, "[1,2]" },
  { "variant-owned", answer_variant_owned, OK, "\"kept\"" },
  { "variant-dict", answer_variant_dict, OK, "{\"n\":7}" },
  { "variant-null", answer_variant_null, OK, "null" },
  { "json", answer_json, OK, "{\"a\": [1, 2]}" },
  { "gerror", answer_gerror, ERROR, "\"disk \\\"full\\\"\"" },
  { "take-error", answer_take_error, ERROR, "\"No file a.txt\"" },
  { "error-message", answer_error_message, ERROR, "\"This failed!\"" },
  { "error-value", answer_error_value, ERROR, "{\"code\":42,\"message\":\"bad\"}" },
  { "error-value-null", answer_error_value_null, ERROR, "null" },
};

static void
test_invocation_answer (gconstpointer data)
{
  const AnswerCase *answer_case = data;
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", NULL, &reply);
  g_assert_false (tauri_invocation_is_answered (invocation));

  answer_case->answer (invocation);

  /* Answered on the thread of its main context: delivered at once. */
  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, answer_case->kind, answer_case->text);
  g_assert_cmpuint (reply.destroyed, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_cmpuint (reply.count, ==, 1);
  test_reply_clear (&reply);
}

static void
test_invocation_answer_twice (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", NULL, &reply);
  tauri_invocation_return_string (invocation, "first");

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_invocation_return_int: the call of command “greet” was "
                         "already answered; this answer is ignored");
  tauri_invocation_return_int (invocation, 2);
  g_test_assert_expected_messages ();

  /* Every kind of answer is refused, and what it owns is freed. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*already answered*");
  tauri_invocation_take_error (invocation,
                               g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no"));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*already answered*");
  tauri_invocation_return_variant (invocation, g_variant_new_int32 (3));
  g_test_assert_expected_messages ();

  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, OK, "\"first\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_cmpuint (reply.count, ==, 1);
  test_reply_clear (&reply);
}

static void
test_invocation_dropped (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", NULL, &reply);
  g_assert_finalize_object (g_steal_pointer (&invocation));

  test_assert_reply (&reply, ERROR, "\"Command greet was dropped without an answer\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);
  test_reply_clear (&reply);
}

static void
answer_later_cb (gpointer user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;

  tauri_invocation_return_string (invocation, "later");
}

static void
test_invocation_answer_later (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", NULL, &reply);
  g_idle_add_once (answer_later_cb, g_object_ref (invocation));

  g_assert_false (tauri_invocation_is_answered (invocation));
  g_assert_cmpuint (reply.count, ==, 0);

  test_reply_wait (&reply);
  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, OK, "\"later\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static gpointer
answer_thread_func (gpointer user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;

  tauri_invocation_return_string (invocation, "from a thread");

  return NULL;
}

static gpointer
drop_thread_func (gpointer user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;

  return NULL;
}

static void
test_invocation_answer_from_thread (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };
  GThread *thread;

  invocation = test_invocation_new ("greet", NULL, &reply);
  thread = g_thread_new ("answer", answer_thread_func, g_object_ref (invocation));
  g_thread_join (thread);

  /* Answered, but only delivered once the main context runs, on its
   * thread. */
  g_assert_true (tauri_invocation_is_answered (invocation));
  g_assert_cmpuint (reply.count, ==, 0);
  g_assert_cmpuint (reply.destroyed, ==, 0);

  test_reply_wait (&reply);
  test_assert_reply (&reply, OK, "\"from a thread\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_dropped_on_thread (void)
{
  TestReply reply = { 0, };
  GThread *thread;

  /* The thread holds the last reference and lets it go unanswered. */
  thread = g_thread_new ("drop", drop_thread_func, test_invocation_new ("greet", NULL, &reply));
  g_thread_join (thread);
  g_assert_cmpuint (reply.count, ==, 0);

  test_reply_wait (&reply);
  test_assert_reply (&reply, ERROR, "\"Command greet was dropped without an answer\"");
  g_assert_cmpuint (reply.destroyed, ==, 1);
  test_reply_clear (&reply);
}

static void
test_invocation_cancel (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };
  GCancellable *cancellable;
  guint cancelled = 0;

  invocation = test_invocation_new ("greet", NULL, &reply);
  cancellable = tauri_invocation_get_cancellable (invocation);
  g_assert_true (G_IS_CANCELLABLE (cancellable));
  g_assert_false (g_cancellable_is_cancelled (cancellable));
  g_signal_connect_swapped (cancellable, "cancelled", G_CALLBACK (test_increment), &cancelled);

  _tauri_invocation_cancel (invocation);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpuint (cancelled, ==, 1);
  _tauri_invocation_cancel (invocation);
  g_assert_cmpuint (cancelled, ==, 1);

  /* Cancelling does not answer: the handler still does. */
  g_assert_false (tauri_invocation_is_answered (invocation));
  g_assert_cmpuint (reply.count, ==, 0);
  tauri_invocation_return_error_message (invocation, "Cancelled");
  test_assert_reply (&reply, ERROR, "\"Cancelled\"");

  g_signal_handlers_disconnect_by_func (cancellable, test_increment, &cancelled);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static void
test_invocation_is_answered (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_invocation_new ("greet", NULL, &reply);
  g_assert_false (tauri_invocation_is_answered (invocation));

  /* A refused answer is no answer. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_invocation_return_json: assertion 'json != NULL' failed");
  tauri_invocation_return_json (invocation, NULL);
  g_test_assert_expected_messages ();
  g_assert_false (tauri_invocation_is_answered (invocation));
  g_assert_cmpuint (reply.count, ==, 0);

  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL,
                         "tauri_invocation_return_error_message: assertion "
                         "'message != NULL' failed");
  tauri_invocation_return_error_message (invocation, NULL);
  g_test_assert_expected_messages ();
  g_assert_false (tauri_invocation_is_answered (invocation));

  tauri_invocation_return_boolean (invocation, FALSE);
  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, OK, "false");

  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

static gpointer
read_bytes_thread (gpointer data)
{
  return tauri_invocation_get_bytes (data, "data");
}

/* Arguments may be read from any thread: bytes read from a JSON array are
 * made once, and every thread gets the same. */
static void
test_invocation_bytes_from_threads (void)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(GString) json = g_string_new ("{\"data\": [");
  GThread *threads[8];
  GBytes *first = NULL;
  TestReply reply = { 0, };

  for (guint i = 0; i < 4096; i++)
    g_string_append_printf (json, "%s%u", i ? "," : "", i % 256);
  g_string_append (json, "]}");
  invocation = test_invocation_new ("read_bytes", json->str, &reply);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("read-bytes", read_bytes_thread, invocation);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      GBytes *bytes = g_thread_join (threads[i]);

      g_assert_nonnull (bytes);
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, 4096);
      if (first == NULL)
        first = bytes;
      g_assert_true (bytes == first);
    }
  g_assert_true (tauri_invocation_get_bytes (invocation, "data") == first);

  tauri_invocation_return_value (invocation, NULL);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  test_reply_clear (&reply);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Invocation/arguments", test_invocation_arguments);
  g_test_add_func ("/Tauri/Invocation/arguments-snake-case", test_invocation_arguments_snake_case);
  g_test_add_func ("/Tauri/Invocation/arguments-without-command",
                   test_invocation_arguments_without_command);
  g_test_add_func ("/Tauri/Invocation/dup-object", test_invocation_dup_object);
  g_test_add_func ("/Tauri/Invocation/dup-variant", test_invocation_dup_variant);
  g_test_add_func ("/Tauri/Invocation/window", test_invocation_window);
  g_test_add_func ("/Tauri/Invocation/user-data", test_invocation_user_data);

  for (guint i = 0; i < G_N_ELEMENTS (answer_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/Tauri/Invocation/return/", answer_cases[i].path, NULL);

      g_test_add_data_func (path, &answer_cases[i], test_invocation_answer);
    }

  g_test_add_func ("/Tauri/Invocation/answer-twice", test_invocation_answer_twice);
  g_test_add_func ("/Tauri/Invocation/dropped", test_invocation_dropped);
  g_test_add_func ("/Tauri/Invocation/answer-later", test_invocation_answer_later);
  g_test_add_func ("/Tauri/Invocation/answer-from-thread", test_invocation_answer_from_thread);
  g_test_add_func ("/Tauri/Invocation/dropped-on-thread", test_invocation_dropped_on_thread);
  g_test_add_func ("/Tauri/Invocation/cancel", test_invocation_cancel);
  g_test_add_func ("/Tauri/Invocation/is-answered", test_invocation_is_answered);
  g_test_add_func ("/Tauri/Invocation/bytes-from-threads", test_invocation_bytes_from_threads);

  return g_test_run ();
}
