/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-channel-private.h"
#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"
#include "tauri-json-private.h"

/* Reading a call's arguments: by the parameter's name, typed, or built
 * into objects, variants, bytes and channels. */

/**
 * tauri_invocation_get_arguments:
 * @self: an invocation
 *
 * Gets the arguments of the call, as the page sent them: an object keyed by
 * the camelCase names. It is owned by the invocation and must not be
 * modified; it may be read from any thread.
 *
 * Returns: (transfer none): the arguments
 *
 * Since: 0.1
 */
JsonObject *
tauri_invocation_get_arguments (TauriInvocation *self)
{
  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  return json_node_get_object (self->arguments);
}

/**
 * tauri_invocation_dup_arguments_json:
 * @self: an invocation
 *
 * Gets the arguments of the call as JSON text: the object of
 * [method@Invocation.get_arguments], keyed by the camelCase names, `{}` for
 * a call without arguments or whose body is raw bytes. It is the simplest
 * way to read arguments of any shape in a language that has its own JSON,
 * as [method@Invocation.return_json] is to answer. May be called from any
 * thread.
 *
 * ```python
 * arguments = json.loads(invocation.dup_arguments_json())
 * ```
 *
 * ```js
 * const {invokeMessage} = JSON.parse(invocation.dup_arguments_json());
 * ```
 *
 * Returns: (transfer full): the arguments, as a JSON object
 *
 * Since: 0.1
 */
char *
tauri_invocation_dup_arguments_json (TauriInvocation *self)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  bytes = _tauri_json_to_bytes (self->arguments);
  data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

/**
 * tauri_invocation_get_argument:
 * @self: an invocation
 * @name: a parameter name, as declared (`invoke_message`) or as sent
 *   (`invokeMessage`)
 *
 * Gets one argument of the call.
 *
 * Returns: (transfer none) (nullable): the argument, or %NULL when the page
 *   did not send it
 *
 * Since: 0.1
 */
JsonNode *
tauri_invocation_get_argument (TauriInvocation *self,
                               const char      *name)
{
  JsonObject *arguments;
  g_autofree char *camel = NULL;
  JsonNode *member;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  arguments = json_node_get_object (self->arguments);

  if (self->command != NULL)
    {
      const TauriParam *param = _tauri_command_find_param (self->command, name);

      if (param != NULL)
        return json_object_get_member (arguments, param->key);
    }

  if ((member = json_object_get_member (arguments, name)) != NULL)
    return member;

  camel = _tauri_json_camel_case (name);
  return json_object_get_member (arguments, camel);
}

/**
 * tauri_invocation_has_argument:
 * @self: an invocation
 * @name: a parameter name
 *
 * Checks whether the page sent an argument, other than `null`, for a
 * parameter; useful for optional parameters.
 *
 * Returns: whether the argument is there
 *
 * Since: 0.1
 */
gboolean
tauri_invocation_has_argument (TauriInvocation *self,
                               const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  node = tauri_invocation_get_argument (self, name);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static JsonNode *
get_value (TauriInvocation *self,
           const char      *name)
{
  JsonNode *node = tauri_invocation_get_argument (self, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

/**
 * tauri_invocation_get_string:
 * @self: an invocation
 * @name: the parameter's name
 *
 * Gets a string argument.
 *
 * Returns: (nullable): the string, or %NULL when the argument is missing or
 *   not a string
 *
 * Since: 0.1
 */
const char *
tauri_invocation_get_string (TauriInvocation *self,
                             const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = get_value (self, name);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * tauri_invocation_get_int:
 * @self: an invocation
 * @name: the parameter's name
 *
 * Gets an integer argument.
 *
 * Returns: the integer, or 0 when the argument is missing or not a number;
 *   a number with a fraction is truncated, and one beyond the range of
 *   #gint64 gives its nearest end
 *
 * Since: 0.1
 */
gint64
tauri_invocation_get_int (TauriInvocation *self,
                          const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  node = get_value (self, name);
  if (node == NULL)
    return 0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* Casting a double outside gint64's range is undefined: saturate. */
        if (value >= 9223372036854775808.0)
          return G_MAXINT64;
        if (value < -9223372036854775808.0)
          return G_MININT64;
        return value == value ? (gint64) value : 0;
      }
    default:
      return 0;
    }
}

/**
 * tauri_invocation_get_double:
 * @self: an invocation
 * @name: the parameter's name
 *
 * Gets a number argument.
 *
 * Returns: the number, or 0 when the argument is missing or not a number
 *
 * Since: 0.1
 */
double
tauri_invocation_get_double (TauriInvocation *self,
                             const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), 0.0);
  g_return_val_if_fail (name != NULL, 0.0);

  node = get_value (self, name);
  if (node == NULL)
    return 0.0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    default:
      return 0.0;
    }
}

/**
 * tauri_invocation_get_boolean:
 * @self: an invocation
 * @name: the parameter's name
 *
 * Gets a boolean argument.
 *
 * Returns: the boolean, or %FALSE when the argument is missing or not a
 *   boolean
 *
 * Since: 0.1
 */
gboolean
tauri_invocation_get_boolean (TauriInvocation *self,
                              const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  node = get_value (self, name);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

/**
 * tauri_invocation_dup_object:
 * @self: an invocation
 * @name: the parameter's name
 * @object_type: the type of object to build, a #GObject type
 * @error: return location for an error
 *
 * Builds a #GObject from an object argument, setting one property per
 * member; a member named `other_val` sets the property `other-val`. Members
 * without a matching property are ignored. Types implementing
 * [iface@Json.Serializable] deserialize themselves.
 *
 * Returns: (transfer full) (type GObject) (nullable): the new object, or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
gpointer
tauri_invocation_dup_object (TauriInvocation  *self,
                             const char       *name,
                             GType             object_type,
                             GError          **error)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (object_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = tauri_invocation_get_argument (self, name);
  if (node == NULL)
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "invalid args `%s` for command `%s`: command %s missing required key %s",
                   name, self->command_name, self->command_name, name);
      return NULL;
    }

  return _tauri_json_to_object (object_type, node, error);
}

/**
 * tauri_invocation_dup_variant:
 * @self: an invocation
 * @name: the parameter's name
 * @signature: the GVariant type to build, such as `a{sv}`
 * @error: return location for an error
 *
 * Builds a #GVariant from an argument, with json-glib's mapping between JSON
 * and GVariant (see json_gvariant_deserialize()).
 *
 * Returns: (transfer full) (nullable): the new variant, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
GVariant *
tauri_invocation_dup_variant (TauriInvocation  *self,
                              const char       *name,
                              const char       *signature,
                              GError          **error)
{
  JsonNode *node;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (signature != NULL && g_variant_type_string_is_valid (signature), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = tauri_invocation_get_argument (self, name);
  if (node == NULL)
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "invalid args `%s` for command `%s`: command %s missing required key %s",
                   name, self->command_name, self->command_name, name);
      return NULL;
    }

  return _tauri_json_to_variant (node, signature, error);
}

/**
 * tauri_invocation_get_bytes:
 * @self: an invocation
 * @name: the parameter's name
 *
 * Gets a `bytes` argument. When the page called `invoke(cmd, data)` with a
 * `Uint8Array` or an `ArrayBuffer`, the bytes are the call's whole body,
 * which arrives without JSON or base64, and @name is the command's one
 * `bytes` parameter. An argument sent in a JSON object as an array of
 * numbers from 0 to 255 is read into bytes too.
 *
 * Returns: (transfer none) (nullable): the bytes, or %NULL when the
 *   argument is missing or not bytes
 *
 * Since: 0.1
 */
GBytes *
tauri_invocation_get_bytes (TauriInvocation *self,
                            const char      *name)
{
  g_autoptr(GByteArray) array = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  JsonNode *node;
  JsonArray *elements;
  GBytes *bytes;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->body != NULL)
    return self->body;

  /* Arguments may be read from any thread, and the bytes read from an
   * array are kept, so that the pointer returned stays valid. */
  locker = g_mutex_locker_new (&self->bytes_lock);

  if (self->bytes != NULL && (bytes = g_hash_table_lookup (self->bytes, name)) != NULL)
    return bytes;

  node = tauri_invocation_get_argument (self, name);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  elements = json_node_get_array (node);
  array = g_byte_array_sized_new (json_array_get_length (elements));
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode *element = json_array_get_element (elements, i);
      guint8 byte;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > 255)
        return NULL;
      byte = (guint8) json_node_get_int (element);
      g_byte_array_append (array, &byte, 1);
    }

  if (self->bytes == NULL)
    self->bytes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  g_hash_table_insert (self->bytes, g_strdup (name), bytes);

  return bytes;
}

/**
 * tauri_invocation_dup_channel:
 * @self: an invocation
 * @name: the parameter's name, of type `channel`
 *
 * Gets the [class@Channel] the page passed for a parameter: a
 * `new Channel()` of `@tauri-apps/api/core`, whose messages the page
 * receives in order. The channel may be kept and used after the call is
 * answered, from any thread.
 *
 * Returns: (transfer full) (nullable): the channel, or %NULL when the
 *   argument is not a channel
 *
 * Since: 0.1
 */
TauriChannel *
tauri_invocation_dup_channel (TauriInvocation *self,
                              const char      *name)
{
  guint32 callback_id;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_tauri_channel_ref_parse (tauri_invocation_get_string (self, name), &callback_id))
    return NULL;

  /* The page, not its window: a handle that the main thread retires when
   * the page goes, and that any thread may hold. A call whose page is gone
   * gets a channel that sends nowhere. */
  return _tauri_channel_new (self->page, callback_id, self->context, self->thread);
}

/**
 * tauri_invocation_get_header:
 * @self: an invocation
 * @name: a header's name, in any case
 *
 * Gets a header the page sent with the call, as
 * `invoke(cmd, args, { headers: { name: value } })` of `@tauri-apps/api`
 * sends it (Tauri's `Request::headers()`). Plugins such as `fs` send the
 * path of a file written from raw bytes this way. May be called from any
 * thread.
 *
 * Returns: (nullable): the header's value, or %NULL when the call has no
 *   such header
 *
 * Since: 0.1
 */
const char *
tauri_invocation_get_header (TauriInvocation *self,
                             const char      *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->headers == NULL)
    return NULL;

  key = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (self->headers, key);
}
