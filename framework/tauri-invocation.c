/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tauri-bridge-private.h"
#include "tauri-channel-private.h"
#include "tauri-command-private.h"
#include "tauri-context-queue-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"
#include "tauri-json-private.h"
#include "tauri-window.h"

/**
 * TauriInvocation:
 *
 * One call of a command from a page, in the manner of
 * [class@Gio.DBusMethodInvocation]: the command's name, its arguments, the
 * calling window when the command asked for it, a [class@Gio.Cancellable],
 * and the `return_*()` methods that answer the call.
 *
 * Every call gets exactly one answer. A handler may answer before it returns
 * or keep a reference and answer later, from any thread: the answer is sent
 * to the page from the main thread. Answering twice is a programmer error;
 * the second answer is ignored. An invocation finalized without an answer
 * rejects its call, so that no promise waits forever.
 *
 * The page sees an answer as Tauri's `invoke()` does: a value resolves the
 * promise with its JSON form, and an error rejects it with the error's
 * message (a string) or with the JSON value given to
 * [method@Invocation.return_error_value].
 *
 * To answer later, keep a reference, for example as the user data of a GIO
 * asynchronous call, and answer from its callback:
 *
 * ```c
 * static void
 * contents_loaded_cb (GObject      *object,
 *                     GAsyncResult *result,
 *                     gpointer      user_data)
 * {
 *   g_autoptr(TauriInvocation) invocation = user_data;
 *   g_autoptr(GError) error = NULL;
 *   g_autofree char *contents = NULL;
 *
 *   if (!g_file_load_contents_finish (G_FILE (object), result, &contents, NULL, NULL, &error))
 *     tauri_invocation_return_gerror (invocation, error);
 *   else
 *     tauri_invocation_return_string (invocation, contents);
 * }
 *
 * static void
 * read_file (TauriInvocation *invocation,
 *            gpointer         user_data)
 * {
 *   g_autoptr(GFile) file = g_file_new_for_path (tauri_invocation_get_string (invocation, "path"));
 *
 *   g_file_load_contents_async (file, tauri_invocation_get_cancellable (invocation),
 *                               contents_loaded_cb, g_object_ref (invocation));
 * }
 * ```
 *
 * In Python, a closure keeps the invocation:
 *
 * ```python
 * def read_file(invocation):
 *     def loaded(file, result):
 *         try:
 *             _, contents, _ = file.load_contents_finish(result)
 *         except GLib.Error as error:
 *             invocation.return_gerror(error)
 *         else:
 *             invocation.return_string(contents.decode())
 *
 *     file = Gio.File.new_for_path(invocation.get_string('path'))
 *     file.load_contents_async(invocation.get_cancellable(), loaded)
 * ```
 *
 * Since: 0.1
 */

G_DEFINE_FINAL_TYPE (TauriInvocation, tauri_invocation, G_TYPE_OBJECT)

typedef struct
{
  TauriReplyFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
  TauriAnswer     answer;
} Delivery;

static void
delivery_free (Delivery *delivery)
{
  if (delivery->destroy != NULL)
    delivery->destroy (delivery->data);
  g_bytes_unref (delivery->answer.payload);
  g_free (delivery);
}

static gboolean
delivery_run (gpointer user_data)
{
  Delivery *delivery = user_data;

  delivery->func (&delivery->answer, delivery->data);
  return G_SOURCE_REMOVE;
}

/* Takes @payload. */
static void
deliver (TauriInvocation *self,
         TauriAnswerKind  kind,
         GBytes          *payload)
{
  Delivery *delivery = g_new0 (Delivery, 1);

  delivery->func = g_steal_pointer (&self->reply_func);
  delivery->data = g_steal_pointer (&self->reply_data);
  delivery->destroy = g_steal_pointer (&self->reply_destroy);
  delivery->answer.kind = kind;
  delivery->answer.payload = payload;

  if (g_thread_self () == self->thread)
    {
      delivery_run (delivery);
      delivery_free (delivery);
      return;
    }

  /* The reply touches WebKit: hop to the thread the call came from. Not
   * g_main_context_invoke(), which runs the function right here whenever it
   * can acquire the context. */
  _tauri_context_queue_push (self->context, delivery_run, delivery, (GDestroyNotify) delivery_free);
}

/* Takes @payload. */
static void
answer (TauriInvocation *self,
        TauriAnswerKind  kind,
        GBytes          *payload,
        const char      *strfunc)
{
  if (!g_atomic_int_compare_and_exchange (&self->answered, FALSE, TRUE))
    {
      g_critical ("%s: the call of command “%s” was already answered; "
                  "this answer is ignored", strfunc, self->command_name);
      g_bytes_unref (payload);
      return;
    }

  /* An invocation that no page sent, made by a binding say, has nobody to
   * answer. */
  if (self->reply_func == NULL)
    {
      g_bytes_unref (payload);
      return;
    }

  deliver (self, kind, payload);
}

static void
tauri_invocation_dispose (GObject *object)
{
  TauriInvocation *self = TAURI_INVOCATION (object);

  if (!g_atomic_int_get (&self->answered) && self->reply_func != NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("The call of command “%s” was dropped without an answer", self->command_name);
      message = g_strdup_printf ("Command %s was dropped without an answer", self->command_name);
      answer (self, TAURI_ANSWER_ERROR, _tauri_json_string_to_bytes (message), G_STRFUNC);
    }

  G_OBJECT_CLASS (tauri_invocation_parent_class)->dispose (object);
}

static gboolean
nothing_to_do (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
tauri_invocation_finalize (GObject *object)
{
  TauriInvocation *self = TAURI_INVOCATION (object);

  /* An invocation may end on a worker thread (a GTask drops its data on
   * whichever thread lets the task go last), and the calling window, which
   * it may hold last, may only go on the thread of the call. */
  if (self->window != NULL && g_thread_self () != self->thread)
    _tauri_context_queue_push (self->context, nothing_to_do,
                               g_steal_pointer (&self->window), g_object_unref);

  g_clear_pointer (&self->command_name, g_free);
  g_clear_object (&self->command);
  g_clear_pointer (&self->arguments, json_node_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_hash_table_unref);
  g_mutex_clear (&self->bytes_lock);
  g_clear_pointer (&self->page, _tauri_bridge_page_unref);
  g_clear_object (&self->window);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (tauri_invocation_parent_class)->finalize (object);
}

static void
tauri_invocation_class_init (TauriInvocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tauri_invocation_dispose;
  object_class->finalize = tauri_invocation_finalize;
}

static void
tauri_invocation_init (TauriInvocation *self)
{
  /* What an invocation made by a binding, with no call behind it, has:
   * no arguments, and nobody to answer. json_node_init_object() would take
   * a second reference on the object. */
  self->command_name = g_strdup ("");
  self->arguments = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (self->arguments, json_object_new ());
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->bytes_lock);
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_self ();
}

TauriInvocation *
_tauri_invocation_new (const char     *command_name,
                       JsonNode       *arguments,
                       TauriWindow    *window,
                       TauriReplyFunc  reply_func,
                       gpointer        reply_data,
                       GDestroyNotify  reply_destroy)
{
  TauriInvocation *self;

  g_assert (command_name != NULL);
  g_assert (arguments == NULL || JSON_NODE_HOLDS_OBJECT (arguments));
  g_assert (window == NULL || TAURI_IS_WINDOW (window));
  g_assert (reply_func != NULL);

  self = g_object_new (TAURI_TYPE_INVOCATION, NULL);
  g_free (self->command_name);
  self->command_name = g_strdup (command_name);
  if (arguments != NULL)
    {
      json_node_unref (self->arguments);
      self->arguments = json_node_ref (arguments);
    }
  self->window = window ? g_object_ref (window) : NULL;
  self->reply_func = reply_func;
  self->reply_data = reply_data;
  self->reply_destroy = reply_destroy;

  return self;
}

void
_tauri_invocation_set_command (TauriInvocation *self,
                               TauriCommand    *command)
{
  g_assert (TAURI_IS_INVOCATION (self));
  g_assert (TAURI_IS_COMMAND (command));

  g_set_object (&self->command, command);
}

void
_tauri_invocation_set_body (TauriInvocation *self,
                            GBytes          *body)
{
  g_assert (TAURI_IS_INVOCATION (self));
  g_assert (self->body == NULL);

  self->body = g_bytes_ref (body);
}

/* The page the call came from, where the channels it is passed send. */
void
_tauri_invocation_set_page (TauriInvocation *self,
                            TauriBridgePage *page)
{
  g_assert (TAURI_IS_INVOCATION (self));
  g_assert (self->page == NULL);

  self->page = page ? _tauri_bridge_page_ref (page) : NULL;
}

/* Takes @headers, lowercase names to values. */
void
_tauri_invocation_set_headers (TauriInvocation *self,
                               GHashTable      *headers)
{
  g_assert (TAURI_IS_INVOCATION (self));
  g_assert (self->headers == NULL);

  self->headers = headers;
}

TauriWindow *
_tauri_invocation_get_caller (TauriInvocation *self)
{
  g_assert (TAURI_IS_INVOCATION (self));

  return self->window;
}

void
_tauri_invocation_cancel (TauriInvocation *self)
{
  g_assert (TAURI_IS_INVOCATION (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * tauri_invocation_get_command_name:
 * @self: an invocation
 *
 * Gets the name of the command being called.
 *
 * Returns: the command's name
 *
 * Since: 0.1
 */
const char *
tauri_invocation_get_command_name (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  return self->command_name;
}

/**
 * tauri_invocation_get_command:
 * @self: an invocation
 *
 * Gets the command being called, when it was registered as a
 * [class@Command]; a call answered only by a handler of
 * [signal@CommandRegistry::command] has none.
 *
 * Returns: (transfer none) (nullable): the command
 *
 * Since: 0.1
 */
TauriCommand *
tauri_invocation_get_command (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  return self->command;
}

/**
 * tauri_invocation_get_window:
 * @self: an invocation
 *
 * Gets the window whose page made the call, for commands created with
 * %TAURI_COMMAND_FLAGS_WITH_WINDOW and for calls answered by a handler of
 * [signal@CommandRegistry::command]. Other commands get %NULL, as a Tauri
 * command without `with_window` has no window.
 *
 * The window is a GTK object: use it on the main thread only. Its label may
 * be read from any thread.
 *
 * Returns: (transfer none) (nullable): the calling window
 *
 * Since: 0.1
 */
TauriWindow *
tauri_invocation_get_window (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  if (self->command != NULL &&
      !(tauri_command_get_flags (self->command) & TAURI_COMMAND_FLAGS_WITH_WINDOW))
    return NULL;

  return self->window;
}

/**
 * tauri_invocation_get_cancellable:
 * @self: an invocation
 *
 * Gets the cancellable of the call. It is cancelled when nobody waits for the
 * answer any longer, for example when the calling window closes; pass it to
 * the GIO calls the handler makes.
 *
 * Returns: (transfer none): the call's cancellable
 *
 * Since: 0.1
 */
GCancellable *
tauri_invocation_get_cancellable (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  return self->cancellable;
}

/**
 * tauri_invocation_get_user_data: (skip)
 * @self: an invocation
 *
 * Gets the user data the command was created with. Bindings keep their
 * data in the handler's closure instead.
 *
 * Returns: (nullable): the command's user data
 *
 * Since: 0.1
 */
gpointer
tauri_invocation_get_user_data (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  return self->command ? _tauri_command_get_user_data (self->command) : NULL;
}

/**
 * tauri_invocation_is_answered:
 * @self: an invocation
 *
 * Checks whether the call has been answered already.
 *
 * Returns: whether one of the `return_*()` methods has been called
 *
 * Since: 0.1
 */
gboolean
tauri_invocation_is_answered (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), FALSE);

  return g_atomic_int_get (&self->answered);
}

/**
 * tauri_invocation_return_value:
 * @self: an invocation
 * @value: (nullable): the value, or %NULL for `null`
 *
 * Resolves the call with a JSON value. May be called from any thread.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_value (TauriInvocation *self,
                               JsonNode        *value)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));

  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (value), G_STRFUNC);
}

/**
 * tauri_invocation_return_json:
 * @self: an invocation
 * @json: a JSON text
 *
 * Resolves the call with a value already written as JSON, for example by a
 * binding's own JSON library. The text must be one JSON value (RFC 8259):
 * anything else is a programmer error, reported with a critical, and the
 * call is rejected with `Command NAME answered with invalid JSON: …`
 * rather than resolved with text the page cannot read.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_json (TauriInvocation *self,
                              const char      *json)
{
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (json != NULL);

  length = strlen (json);
  if (!_tauri_json_check_text (json, length, TAURI_JSON_DEPTH_LIMIT, &error))
    {
      g_autofree char *message = g_strdup_printf ("Command %s answered with invalid JSON: %s",
                                                  self->command_name, error->message);

      g_critical ("%s: %s", G_STRFUNC, message);
      answer (self, TAURI_ANSWER_ERROR, _tauri_json_string_to_bytes (message), G_STRFUNC);
      return;
    }

  answer (self, TAURI_ANSWER_VALUE, g_bytes_new (json, length), G_STRFUNC);
}

/**
 * tauri_invocation_return_string:
 * @self: an invocation
 * @value: (nullable): a string, or %NULL for `null`
 *
 * Resolves the call with a string.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_string (TauriInvocation *self,
                                const char      *value)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));

  answer (self, TAURI_ANSWER_VALUE, _tauri_json_string_to_bytes (value), G_STRFUNC);
}

/**
 * tauri_invocation_return_int:
 * @self: an invocation
 * @value: an integer
 *
 * Resolves the call with an integer. JavaScript numbers hold integers
 * exactly up to 2⁵³.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_int (TauriInvocation *self,
                             gint64           value)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TAURI_IS_INVOCATION (self));

  node = json_node_init_int (json_node_alloc (), value);
  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (node), G_STRFUNC);
}

/**
 * tauri_invocation_return_double:
 * @self: an invocation
 * @value: a number
 *
 * Resolves the call with a number. A value that is not finite resolves with
 * `null`, as `JSON.stringify()` writes it.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_double (TauriInvocation *self,
                                double           value)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TAURI_IS_INVOCATION (self));

  if (isfinite (value))
    node = json_node_init_double (json_node_alloc (), value);
  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (node), G_STRFUNC);
}

/**
 * tauri_invocation_return_boolean:
 * @self: an invocation
 * @value: a boolean
 *
 * Resolves the call with a boolean.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_boolean (TauriInvocation *self,
                                 gboolean         value)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TAURI_IS_INVOCATION (self));

  node = json_node_init_boolean (json_node_alloc (), value);
  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (node), G_STRFUNC);
}

/**
 * tauri_invocation_return_object:
 * @self: an invocation
 * @object: (nullable): an object, or %NULL for `null`
 *
 * Resolves the call with an object built from the readable properties of
 * @object, like a Rust struct serialized by serde: every property is there,
 * and a property `other-val` is written `other_val`. Object-valued
 * properties nest; types implementing [iface@Json.Serializable] serialize
 * themselves.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_object (TauriInvocation *self,
                                GObject         *object)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  node = _tauri_json_from_object (object);
  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (node), G_STRFUNC);
}

/**
 * tauri_invocation_return_variant:
 * @self: an invocation
 * @variant: (nullable): a variant, or %NULL for `null`
 *
 * Resolves the call with the JSON form of a #GVariant, as
 * json_gvariant_serialize() writes it: a dictionary becomes an object, an
 * array or tuple an array. A floating @variant is consumed.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_variant (TauriInvocation *self,
                                 GVariant        *variant)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (TAURI_IS_INVOCATION (self));

  if (variant != NULL)
    owned = g_variant_ref_sink (variant);
  node = _tauri_json_from_variant (owned);
  answer (self, TAURI_ANSWER_VALUE, _tauri_json_to_bytes (node), G_STRFUNC);
}

/**
 * tauri_invocation_return_bytes:
 * @self: an invocation
 * @bytes: the bytes
 *
 * Resolves the call with raw bytes, which the page receives as an
 * `ArrayBuffer`, without JSON or base64, as a Tauri command returning
 * `tauri::ipc::Response` does.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_bytes (TauriInvocation *self,
                               GBytes          *bytes)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (bytes != NULL);

  answer (self, TAURI_ANSWER_BYTES, g_bytes_ref (bytes), G_STRFUNC);
}

/**
 * tauri_invocation_return_gerror:
 * @self: an invocation
 * @error: the error
 *
 * Rejects the call with the error's message, as a Tauri command returning
 * `Err(String)` does.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_gerror (TauriInvocation *self,
                                const GError    *error)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (error != NULL);

  answer (self, TAURI_ANSWER_ERROR, _tauri_json_string_to_bytes (error->message), G_STRFUNC);
}

/**
 * tauri_invocation_take_error:
 * @self: an invocation
 * @error: (transfer full): the error
 *
 * Like [method@Invocation.return_gerror], and frees @error.
 *
 * Since: 0.1
 */
void
tauri_invocation_take_error (TauriInvocation *self,
                             GError          *error)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (error != NULL);

  tauri_invocation_return_gerror (self, error);
  g_error_free (error);
}

/**
 * tauri_invocation_return_error_message:
 * @self: an invocation
 * @message: the message
 *
 * Rejects the call with a message string, like `Err("This failed!")`.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_error_message (TauriInvocation *self,
                                       const char      *message)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));
  g_return_if_fail (message != NULL);

  answer (self, TAURI_ANSWER_ERROR, _tauri_json_string_to_bytes (message), G_STRFUNC);
}

/**
 * tauri_invocation_return_error_value:
 * @self: an invocation
 * @value: (nullable): the error value, or %NULL for `null`
 *
 * Rejects the call with any JSON value, such as an object with a code and a
 * message, as a Tauri command whose error type serializes to an object does.
 *
 * Since: 0.1
 */
void
tauri_invocation_return_error_value (TauriInvocation *self,
                                     JsonNode        *value)
{
  g_return_if_fail (TAURI_IS_INVOCATION (self));

  answer (self, TAURI_ANSWER_ERROR, _tauri_json_to_bytes (value), G_STRFUNC);
}
