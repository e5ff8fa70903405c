/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * libFuzzer target: what a page's message goes through on the native side.
 *
 * An input is a message as the bridge receives it, `i<call id>\n<command>\n
 * <JSON arguments>`, or a batch of them, `b<length>:<message>…`, each
 * length in UTF-16 units. The header is read as tauri-bridge.c reads it,
 * with the functions of tauri-message.c, then each call goes
 * through _tauri_command_registry_dispatch() on a registry whose commands
 * declare every parameter type, behind a capability, and its handlers read
 * every argument with every getter and answer by every means. The call id
 * picks the calling window. Besides the sanitizers, the target checks:
 *
 * - every call is answered exactly once, and its reply released once;
 * - every answer is valid UTF-8 and valid JSON;
 * - text that _tauri_json_check_text() lets through, json-glib reads;
 * - text that _tauri_json_parse() accepts is written back by the
 *   framework's JSON writer as text that it accepts again;
 * - no warning or critical is logged.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tauri.h"
#include "tauri-bridge-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-json-private.h"
#include "tauri-message-private.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

/* A struct-like type with a property of every type a page can fill in. */
#define FUZZ_TYPE_RECORD (fuzz_record_get_type ())
G_DECLARE_FINAL_TYPE (FuzzRecord, fuzz_record, FUZZ, RECORD, GObject)

struct _FuzzRecord
{
  GObject  parent_instance;
  GValue   values[32];
};

enum {
  PROP_0,
  PROP_BOOLEAN,
  PROP_CHAR,
  PROP_UCHAR,
  PROP_INT,
  PROP_UINT,
  PROP_LONG,
  PROP_ULONG,
  PROP_INT64,
  PROP_UINT64,
  PROP_FLOAT,
  PROP_DOUBLE,
  PROP_STRING,
  PROP_ENUM,
  PROP_FLAGS,
  PROP_VARIANT,
  PROP_STRV,
  PROP_JSON,
  PROP_INNER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FuzzRecord, fuzz_record, G_TYPE_OBJECT)

static void
fuzz_record_finalize (GObject *object)
{
  FuzzRecord *self = FUZZ_RECORD (object);

  for (guint i = 0; i < N_PROPS; i++)
    {
      if (G_IS_VALUE (&self->values[i]))
        g_value_unset (&self->values[i]);
    }

  G_OBJECT_CLASS (fuzz_record_parent_class)->finalize (object);
}

static void
fuzz_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FuzzRecord *self = FUZZ_RECORD (object);

  if (G_IS_VALUE (&self->values[prop_id]))
    g_value_copy (&self->values[prop_id], value);
  else
    g_param_value_set_default (pspec, value);
}

static void
fuzz_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FuzzRecord *self = FUZZ_RECORD (object);

  if (G_IS_VALUE (&self->values[prop_id]))
    g_value_unset (&self->values[prop_id]);
  g_value_init (&self->values[prop_id], G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (value, &self->values[prop_id]);
}

static void
fuzz_record_class_init (FuzzRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
  GParamSpec *properties[N_PROPS] = { NULL, };

  object_class->finalize = fuzz_record_finalize;
  object_class->get_property = fuzz_record_get_property;
  object_class->set_property = fuzz_record_set_property;

  properties[PROP_BOOLEAN] = g_param_spec_boolean ("boolean", NULL, NULL, FALSE, flags);
  properties[PROP_CHAR] = g_param_spec_char ("char", NULL, NULL, G_MININT8, G_MAXINT8, 0, flags);
  properties[PROP_UCHAR] = g_param_spec_uchar ("uchar", NULL, NULL, 0, G_MAXUINT8, 0, flags);
  properties[PROP_INT] = g_param_spec_int ("int", NULL, NULL, -1000, 1000, 0, flags);
  properties[PROP_UINT] = g_param_spec_uint ("uint", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LONG] = g_param_spec_long ("long", NULL, NULL, G_MINLONG, G_MAXLONG, 0, flags);
  properties[PROP_ULONG] = g_param_spec_ulong ("ulong", NULL, NULL, 0, G_MAXULONG, 0, flags);
  properties[PROP_INT64] = g_param_spec_int64 ("int64", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UINT64] = g_param_spec_uint64 ("uint64", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_FLOAT] = g_param_spec_float ("float", NULL, NULL, -G_MAXFLOAT, G_MAXFLOAT, 0, flags);
  properties[PROP_DOUBLE] = g_param_spec_double ("double", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_STRING] = g_param_spec_string ("string", NULL, NULL, NULL, flags);
  properties[PROP_ENUM] = g_param_spec_enum ("enum", NULL, NULL, TAURI_TYPE_COMMAND_ERROR,
                                             TAURI_COMMAND_ERROR_NOT_FOUND, flags);
  properties[PROP_FLAGS] = g_param_spec_flags ("flags", NULL, NULL, TAURI_TYPE_COMMAND_FLAGS,
                                               TAURI_COMMAND_FLAGS_NONE, flags);
  properties[PROP_VARIANT] = g_param_spec_variant ("variant", NULL, NULL, G_VARIANT_TYPE ("a{sv}"),
                                                   NULL, flags);
  properties[PROP_STRV] = g_param_spec_boxed ("strv", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_JSON] = g_param_spec_boxed ("json", NULL, NULL, JSON_TYPE_NODE, flags);
  properties[PROP_INNER] = g_param_spec_object ("inner", NULL, NULL, FUZZ_TYPE_RECORD, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fuzz_record_init (FuzzRecord *self)
{
}

/* Handlers */

static const char * const argument_names[] = {
  "s", "i", "n", "b", "z", "o", "a", "x", "ai", "aas", "r", "v", "t", "ay", "snake_name", "snakeName",
};

/* Reads every argument with every getter, as handlers do, and returns what
 * it read, in one of several ways picked by the arguments. */
static void
read_everything (TauriInvocation *invocation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(FuzzRecord) record = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (argument_names); i++)
    {
      const char *name = argument_names[i];

      if (!tauri_invocation_has_argument (invocation, name))
        continue;
      json_builder_add_string_value (builder, tauri_invocation_get_string (invocation, name));
      json_builder_add_int_value (builder, tauri_invocation_get_int (invocation, name));
      json_builder_add_double_value (builder, tauri_invocation_get_double (invocation, name));
      json_builder_add_boolean_value (builder, tauri_invocation_get_boolean (invocation, name));
      json_builder_add_value (builder, json_node_copy (tauri_invocation_get_argument (invocation, name)));
    }
  json_builder_end_array (builder);
  result = json_builder_get_root (builder);

  if (tauri_invocation_has_argument (invocation, "r"))
    {
      record = tauri_invocation_dup_object (invocation, "r", FUZZ_TYPE_RECORD, &error);
      if (record == NULL)
        {
          tauri_invocation_return_gerror (invocation, error);
          return;
        }
    }

  if (tauri_invocation_has_argument (invocation, "v"))
    {
      g_clear_error (&error);
      variant = tauri_invocation_dup_variant (invocation, "v", "a{sv}", &error);
      if (variant == NULL)
        {
          tauri_invocation_take_error (invocation, g_steal_pointer (&error));
          return;
        }
    }

  switch (tauri_invocation_get_int (invocation, "i") & 7)
    {
    case 1:
      if (record != NULL)
        {
          tauri_invocation_return_object (invocation, G_OBJECT (record));
          return;
        }
      break;

    case 2:
      if (variant != NULL)
        {
          tauri_invocation_return_variant (invocation, variant);
          return;
        }
      break;

    case 3:
      tauri_invocation_return_error_value (invocation, result);
      return;

    case 4:
      if (tauri_invocation_get_string (invocation, "s") != NULL)
        {
          tauri_invocation_return_error_message (invocation, tauri_invocation_get_string (invocation, "s"));
          return;
        }
      break;

    case 5:
      if (tauri_invocation_get_string (invocation, "s") != NULL)
        {
          tauri_invocation_return_string (invocation, tauri_invocation_get_string (invocation, "s"));
          return;
        }
      break;

    case 6:
      tauri_invocation_return_double (invocation, tauri_invocation_get_double (invocation, "n"));
      return;

    case 7:
      /* Never answered: the invocation answers for itself when dropped. */
      return;

    default:
      break;
    }

  tauri_invocation_return_value (invocation, result);
}

static void
all_types_func (TauriInvocation *invocation,
                gpointer         user_data)
{
  read_everything (invocation);
}

static JsonNode *
thread_func (TauriInvocation  *invocation,
             GCancellable     *cancellable,
             gpointer          user_data,
             GError          **error)
{
  const char *s = tauri_invocation_get_string (invocation, "s");
  JsonNode *x = tauri_invocation_get_argument (invocation, "x");

  if (s != NULL && *s == 'e')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, s);
      return NULL;
    }

  return x ? json_node_copy (x) : NULL;
}

static gboolean
async_done_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  TauriInvocation *invocation = g_task_get_source_object (task);
  JsonNode *x = tauri_invocation_get_argument (invocation, "x");

  g_task_return_pointer (task, x ? json_node_copy (x) : NULL, (GDestroyNotify) json_node_unref);
  return G_SOURCE_REMOVE;
}

static void
async_func (TauriInvocation     *invocation,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             callback_data)
{
  GTask *task = g_task_new (invocation, cancellable, callback, callback_data);

  g_idle_add (async_done_cb, task);
}

static JsonNode *
async_finish (TauriInvocation  *invocation,
              GAsyncResult     *result,
              GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
signalled_cb (TauriCommandRegistry *registry,
              TauriInvocation      *invocation,
              gpointer              user_data)
{
  read_everything (invocation);
  return TRUE;
}

static const char capabilities[] =
  "["
  " {\"identifier\": \"main\", \"windows\": [\"main\", \"second-*\"],"
  "  \"permissions\": [\"allow-*\", \"deny-forbidden\", \"core:window:allow-close\", \"plugin:x|y\"]},"
  " {\"identifier\": \"other\", \"windows\": [\"other\"], \"remote\": {\"urls\": [\"https://*.example.com/*\"]},"
  "  \"permissions\": [\"all_types\", \"allow-required\", \"window:deny-close\"]}"
  "]";

static TauriCommandRegistry *registry;

static void
add (TauriCommand *command)
{
  g_assert (command != NULL);
  tauri_command_registry_add (registry, command);
}

/* Warnings and criticals are bugs, and abort, which libFuzzer catches (GLib
 * would raise SIGTRAP, which it does not); the rest, such as the ACL's
 * refusals, is not shown. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* object<FuzzRecord> names a type that must be registered by then. */
  g_type_ensure (FUZZ_TYPE_RECORD);

  registry = tauri_command_registry_new ();
  tauri_command_registry_set_check_app_commands (registry, TRUE);
  add (tauri_command_new ("all_types",
                          "s?: string, i?: integer, n?: number, b?: boolean, z?: null, o?: object,"
                          " a?: array, x?: any, ai?: array<integer>, aas?: array<array<string>>,"
                          " r?: object<FuzzRecord>, v?: variant<a{sv}>, t?: variant<(ixsmbad)>,"
                          " ay?: variant<ay>",
                          TAURI_COMMAND_FLAGS_NONE, all_types_func, NULL, NULL));
  add (tauri_command_new ("required", "s: string, i: integer, r: object<FuzzRecord>, v: variant<a{sv}>",
                          TAURI_COMMAND_FLAGS_NONE, all_types_func, NULL, NULL));
  add (tauri_command_new ("snake", "snake_name: array<array<array<number>>>, x?: any",
                          TAURI_COMMAND_FLAGS_SNAKE_CASE, all_types_func, NULL, NULL));
  add (tauri_command_new ("forbidden", NULL, TAURI_COMMAND_FLAGS_NONE, all_types_func, NULL, NULL));
  add (tauri_command_new_thread ("thread", "s?: string, x?: any", TAURI_COMMAND_FLAGS_NONE,
                                 thread_func, NULL, NULL));
  add (tauri_command_new_async ("async", "x?: any", TAURI_COMMAND_FLAGS_NONE,
                                async_func, async_finish, NULL, NULL));
  /* Checked by the registry, answered by a signal handler. */
  add (tauri_command_new ("plugin:window|close", "label?: string", TAURI_COMMAND_FLAGS_NONE,
                          NULL, NULL, NULL));
  g_signal_connect (registry, "command::plugin:window|close", G_CALLBACK (signalled_cb), NULL);
  g_signal_connect (registry, "command::signalled", G_CALLBACK (signalled_cb), NULL);

  if (!tauri_command_registry_load_capabilities_from_data (registry, capabilities, -1, &error))
    g_error ("%s", error->message);

  return 0;
}

/* The answer */

typedef struct
{
  guint answers;
  guint destroyed;
} Reply;

/* Each answer, as every transport writes it: the payload is read with its
 * length alone, never as a C string, which ASan would see. */
static void
check_encodings (const TauriAnswer *answer)
{
  g_autoptr(GString) outbox = g_string_new (NULL);
  g_autoptr(GBytes) text = _tauri_bridge_reply_encode_text (answer);
  g_autoptr(GVariant) message = g_variant_ref_sink (_tauri_bridge_reply_encode_message (answer));
  const char *content_type = NULL;

  _tauri_bridge_reply_encode_outbox (outbox, 1, answer);
  if (memchr (outbox->str, '\0', outbox->len - 1) != NULL || outbox->str[outbox->len - 1] != '\0')
    g_error ("An outbox frame holds a NUL before its end");
  if (g_bytes_get_size (text) < g_bytes_get_size (answer->payload))
    g_error ("The text of an answer is shorter than its payload");
  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(yay)")))
    g_error ("The extension's answer is not (yay)");
  g_assert (_tauri_bridge_reply_encode_request (answer, &content_type) >= 200 && content_type != NULL);
}

static void
reply_func (const TauriAnswer *answer,
            gpointer           user_data)
{
  Reply *reply = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length = 0;

  reply->answers++;

  text = g_bytes_get_data (answer->payload, &length);
  if (!g_utf8_validate (text, length, NULL))
    g_error ("The answer is not UTF-8: %.*s", (int) length, text);
  if (!json_parser_load_from_data (parser, text, length, &error))
    g_error ("The answer is not JSON (%s): %.*s", error->message, (int) length, text);
  check_encodings (answer);
}

static void
reply_destroy (gpointer user_data)
{
  Reply *reply = user_data;

  reply->destroyed++;
}

/* What the parser accepts, the generator writes in a form it accepts again. */
static void
check_round_trip (const char *json,
                  gsize       length)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize written_length = 0;

  /* What the check lets through, json-glib reads. */
  if (!_tauri_json_check_text (json, length, TAURI_JSON_DEFAULT_MAX_DEPTH, NULL))
    return;
  node = _tauri_json_parse (json, length, TAURI_JSON_DEFAULT_MAX_DEPTH, &error);
  if (node == NULL)
    g_error ("Checked, then refused by json-glib (%s): %.*s", error->message, (int) length, json);

  written = _tauri_json_to_bytes (node);
  text = g_bytes_get_data (written, &written_length);
  again = _tauri_json_parse (text, written_length, TAURI_JSON_DEFAULT_MAX_DEPTH + 1, &error);
  if (again == NULL)
    g_error ("Parsed, written, and refused (%s): %.*s", error->message, (int) written_length, text);
}

static void
run_call (const char *data,
          gsize       size)
{
  static const char * const labels[] = { "main", "second-2", "other", NULL };
  g_autoptr(TauriInvocation) invocation = NULL;
  g_auto(TauriMessage) message = { 0 };
  TauriCaller caller = { NULL, };
  const char *name;
  Reply reply = { 0, 0 };
  guint64 id;

  /* The bridge's own reading of the header. */
  if (!_tauri_message_parse_call (data, size, &message, NULL))
    return;
  if (size > tauri_command_registry_get_max_message_size (registry))
    return;
  name = message.name;
  id = message.id;

  check_round_trip (message.arguments, message.arguments_length);

  /* The call id picks the window, and, one time in five, a remote page. */
  caller.label = labels[id % G_N_ELEMENTS (labels)];
  caller.remote_uri = id % 5 == 4 ? "https://a.example.com/x" : NULL;
  caller.headers = message.headers;
  invocation = _tauri_command_registry_dispatch (registry, name, &caller,
                                                 message.arguments, message.arguments_length, NULL,
                                                 reply_func, &reply, reply_destroy);
  g_assert (TAURI_IS_INVOCATION (invocation));
  g_clear_object (&invocation);

  /* Thread and async commands answer through the main context; an
   * invocation dropped unanswered answers for itself. */
  while (reply.destroyed == 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (reply.answers != 1 || reply.destroyed != 1)
    g_error ("“%s” was answered %u times, its reply released %u times",
             name, reply.answers, reply.destroyed);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  const char *end = text + size;
  const char *at = text + 1;
  const char *frame;
  gsize frame_length;
  guint64 id;

  if (size == 0 || text[0] != 'b')
    {
      run_call (text, size);
      return 0;
    }

  /* A batch, `b<length>:<message>…`, read frame by frame as the bridge
   * reads it: each frame lies inside the input, right after the one
   * before, and holds the id it was read with. */
  while (at < end && _tauri_message_next_frame (&at, end, &frame, &frame_length, &id))
    {
      g_auto(TauriMessage) message = { 0 };

      g_assert (frame > text && frame + frame_length == at && at <= end);
      g_assert (frame[0] == 'i' || frame[0] == 'h');
      if (_tauri_message_parse_call (frame, frame_length, &message, NULL))
        g_assert (message.id == id);
      run_call (frame, frame_length);
    }

  return 0;
}
