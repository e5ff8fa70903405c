/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-json-private.h"
#include "test-utils.h"

void
test_reply_func (const TauriAnswer *answer,
                 gpointer           user_data)
{
  TestReply *reply = user_data;
  const char *data;
  gsize size = 0;

  g_assert_nonnull (answer->payload);
  data = g_bytes_get_data (answer->payload, &size);

  reply->count++;
  reply->kind = answer->kind;
  reply->thread = g_thread_self ();
  g_free (reply->text);
  reply->text = g_strndup (data, size);
}

void
test_reply_destroy (gpointer user_data)
{
  TestReply *reply = user_data;

  reply->destroyed++;
}

void
test_reply_clear (TestReply *reply)
{
  g_clear_pointer (&reply->text, g_free);
  memset (reply, 0, sizeof *reply);
}

/* Iterates the main context until the call is answered: answers given on
 * another thread, or by an idle callback, arrive this way. */
void
test_reply_wait (TestReply *reply)
{
  while (reply->count == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Exactly one answer, of this kind and text, delivered on this thread. */
void
test_assert_reply (TestReply      *reply,
                   TauriAnswerKind  kind,
                   const char     *text)
{
  g_assert_cmpuint (reply->count, ==, 1);
  g_assert_cmpint (reply->kind, ==, kind);
  g_assert_cmpstr (reply->text, ==, text);
  g_assert_true (reply->thread == g_thread_self ());
}

TauriInvocation *
test_invocation_new (const char *command_name,
                     const char *arguments_json,
                     TestReply  *reply)
{
  g_autoptr(JsonNode) arguments = NULL;
  g_autoptr(GError) error = NULL;

  if (arguments_json != NULL)
    {
      arguments = _tauri_json_parse (arguments_json, strlen (arguments_json),
                                     TAURI_JSON_DEFAULT_MAX_DEPTH, &error);
      g_assert_no_error (error);
    }

  return _tauri_invocation_new (command_name, arguments, NULL,
                                test_reply_func, reply, test_reply_destroy);
}

TauriInvocation *
test_dispatch (TauriCommandRegistry *registry,
               const char           *command_name,
               const char           *arguments_json,
               TestReply            *reply)
{
  TauriCaller caller = { NULL, };

  return _tauri_command_registry_dispatch (registry, command_name, &caller,
                                           arguments_json,
                                           arguments_json ? strlen (arguments_json) : 0, NULL,
                                           test_reply_func, reply, test_reply_destroy);
}

/* For calls answered before the dispatch returns: checks the answer and
 * that nothing else holds on to the invocation. */
void
test_assert_call (TauriCommandRegistry *registry,
                  const char           *command_name,
                  const char           *arguments_json,
                  TauriAnswerKind        kind,
                  const char           *text)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  invocation = test_dispatch (registry, command_name, arguments_json, &reply);

  g_assert_true (TAURI_IS_INVOCATION (invocation));
  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, kind, text);
  g_assert_cmpuint (reply.destroyed, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&invocation));
  g_assert_cmpuint (reply.count, ==, 1);

  test_reply_clear (&reply);
}

/* Whether the app's own page in the window @label may call @name. */
void
test_assert_allowed (TauriCommandRegistry *registry,
                     const char           *label,
                     const char           *name,
                     gboolean              allowed)
{
  if (tauri_command_registry_is_allowed (registry, name, label) != allowed)
    g_error ("“%s” is %s to window “%s”", name, allowed ? "refused" : "allowed", label);
}

void
test_load_permissions (TauriCommandRegistry *registry,
                       const char           *plugin,
                       const char           *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tauri_command_registry_load_permissions_from_data (registry, plugin, json, -1, &error));
  g_assert_no_error (error);
}

void
test_increment (guint *counter)
{
  (*counter)++;
}

static void
finalized_cb (gpointer data)
{
  int *finalized = data;

  g_atomic_int_set (finalized, TRUE);
  g_main_context_wakeup (NULL);
}

/* Drops the caller's reference on @object and iterates the main context
 * until the object is finalized. The last reference may go on another
 * thread: a GTask running a thread command holds its source object until it
 * completes, and it completes on whichever thread lets go of it last. The
 * data set here is freed at the very end of g_object_finalize(). */
void
test_wait_finalized (gpointer object)
{
  int finalized = FALSE;

  g_object_set_data_full (object, "test-finalized", &finalized, finalized_cb);
  g_object_unref (object);

  while (!g_atomic_int_get (&finalized))
    g_main_context_iteration (NULL, TRUE);
}

struct _TestMessage
{
  GObject  parent_instance;

  char    *message;
  int      other_val;
};

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_OTHER_VAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TestMessage, test_message, G_TYPE_OBJECT)

static void
test_message_finalize (GObject *object)
{
  TestMessage *self = TEST_MESSAGE (object);

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (test_message_parent_class)->finalize (object);
}

static void
test_message_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMessage *self = TEST_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_OTHER_VAL:
      g_value_set_int (value, self->other_val);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_message_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TestMessage *self = TEST_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_free (self->message);
      self->message = g_value_dup_string (value);
      break;

    case PROP_OTHER_VAL:
      self->other_val = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_message_class_init (TestMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_message_finalize;
  object_class->get_property = test_message_get_property;
  object_class->set_property = test_message_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_VAL] =
    g_param_spec_int ("other-val", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
test_message_init (TestMessage *self)
{
}

TestMessage *
test_message_new (const char *message,
                  int         other_val)
{
  return g_object_new (TEST_TYPE_MESSAGE,
                       "message", message,
                       "other-val", other_val,
                       NULL);
}

const char *
test_message_get_message (TestMessage *self)
{
  g_assert (TEST_IS_MESSAGE (self));

  return self->message;
}

int
test_message_get_other_val (TestMessage *self)
{
  g_assert (TEST_IS_MESSAGE (self));

  return self->other_val;
}
