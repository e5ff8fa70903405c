/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * JSON to and from GValues, GObjects and GVariants, for arguments and
 * answers. JSON as text (checks, parsing, generation) is in
 * tauri-json-text.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-command-registry.h"
#include "tauri-json.h"
#include "tauri-json-private.h"

/* Objects returned as values are walked recursively: a cycle of object
 * properties must not take the stack with it. */
#define MAX_OBJECT_DEPTH 32

static JsonNode *object_to_node (GObject *object,
                                 guint    depth);

static JsonNode *
value_to_node (const GValue *value,
               guint         depth)
{
  GType type = G_VALUE_TYPE (value);
  JsonNode *node = json_node_alloc ();

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (node, g_value_get_boolean (value));
    case G_TYPE_CHAR:
      return json_node_init_int (node, g_value_get_schar (value));
    case G_TYPE_UCHAR:
      return json_node_init_int (node, g_value_get_uchar (value));
    case G_TYPE_INT:
      return json_node_init_int (node, g_value_get_int (value));
    case G_TYPE_UINT:
      return json_node_init_int (node, g_value_get_uint (value));
    case G_TYPE_LONG:
      return json_node_init_int (node, g_value_get_long (value));
    case G_TYPE_ULONG:
      return json_node_init_int (node, (gint64) g_value_get_ulong (value));
    case G_TYPE_INT64:
      return json_node_init_int (node, g_value_get_int64 (value));
    case G_TYPE_UINT64:
      return json_node_init_int (node, (gint64) g_value_get_uint64 (value));
    case G_TYPE_FLOAT:
      return json_node_init_double (node, g_value_get_float (value));
    case G_TYPE_DOUBLE:
      return json_node_init_double (node, g_value_get_double (value));
    case G_TYPE_STRING:
      if (g_value_get_string (value) == NULL)
        return json_node_init_null (node);
      return json_node_init_string (node, g_value_get_string (value));
    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (type);
        GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (value));

        /* Like serde, which writes a unit enum variant as its name. */
        if (enum_value == NULL)
          return json_node_init_int (node, g_value_get_enum (value));
        return json_node_init_string (node, enum_value->value_nick);
      }
    case G_TYPE_FLAGS:
      return json_node_init_int (node, g_value_get_flags (value));
    case G_TYPE_VARIANT:
      json_node_free (node);
      if (g_value_get_variant (value) == NULL)
        return json_node_new (JSON_NODE_NULL);
      return json_gvariant_serialize (g_value_get_variant (value));
    case G_TYPE_OBJECT:
      json_node_free (node);
      return object_to_node (g_value_get_object (value), depth + 1);
    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (value);
          JsonArray *array = json_array_new ();

          for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
            json_array_add_string_element (array, strv[i]);
          json_node_init (node, JSON_NODE_ARRAY);
          json_node_take_array (node, array);
          return node;
        }
      if (type == JSON_TYPE_NODE && g_value_get_boxed (value) != NULL)
        {
          json_node_free (node);
          return json_node_copy (g_value_get_boxed (value));
        }
      if (type == G_TYPE_VARIANT && g_value_get_boxed (value) != NULL)
        {
          json_node_free (node);
          return json_gvariant_serialize (g_value_get_boxed (value));
        }
      return json_node_init_null (node);
    default:
      return json_node_init_null (node);
    }
}

static JsonNode *
object_to_node (GObject *object,
                guint    depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *members;
  JsonNode *node;
  guint n_pspecs = 0;

  if (object == NULL || depth > MAX_OBJECT_DEPTH)
    return json_node_new (JSON_NODE_NULL);

  if (JSON_IS_SERIALIZABLE (object))
    return json_gobject_serialize (object);

  /* json_gobject_serialize() leaves out properties that hold their default
   * value; a Tauri front end expects every field of a struct, always. */
  members = json_object_new ();
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = NULL;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || (pspecs[i]->flags & G_PARAM_DEPRECATED))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (object, pspecs[i]->name, &value);

      /* GObject spells `other_val` as `other-val`; a struct field keeps its underscore. */
      key = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      json_object_set_member (members, key, value_to_node (&value, depth));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, members);
  return node;
}

JsonNode *
_tauri_json_from_object (GObject *object)
{
  return object_to_node (object, 0);
}

JsonNode *
_tauri_json_from_variant (GVariant *variant)
{
  if (variant == NULL)
    return json_node_new (JSON_NODE_NULL);

  return json_gvariant_serialize (variant);
}

/* Whether @number fits the integer type @fundamental: g_value_transform()
 * truncates, and the truncated value may well pass the pspec's range. */
static gboolean
int_fits (GType  fundamental,
          gint64 number)
{
  switch (fundamental)
    {
    case G_TYPE_CHAR:
      return (gint8) number == number;
    case G_TYPE_UCHAR:
      return (guint8) number == number;
    case G_TYPE_INT:
      return (int) number == number;
    case G_TYPE_UINT:
    case G_TYPE_FLAGS:
      return (guint) number == number;
    case G_TYPE_LONG:
      return (long) number == number;
    case G_TYPE_ULONG:
    case G_TYPE_UINT64:
      return number >= 0 && (gulong) number == (guint64) number;
    default:
      return TRUE;
    }
}

/* @field is the member's name as the page wrote it, `other_val`, where
 * @pspec is named `other-val`. */
static gboolean
node_to_value (JsonNode    *node,
               GParamSpec  *pspec,
               const char  *field,
               GValue      *value,
               GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  GType fundamental = G_TYPE_FUNDAMENTAL (type);
  const char *expected = NULL;
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gboolean is_number = value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;

  g_value_init (value, type);

  switch (fundamental)
    {
    case G_TYPE_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        {
          expected = "a boolean";
          break;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;

    case G_TYPE_CHAR:
    case G_TYPE_UCHAR:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_FLAGS:
      {
        GValue int_value = G_VALUE_INIT;

        if (value_type != G_TYPE_INT64)
          {
            expected = "an integer";
            break;
          }
        g_value_init (&int_value, G_TYPE_INT64);
        g_value_set_int64 (&int_value, json_node_get_int (node));
        if (fundamental == G_TYPE_FLAGS)
          g_value_set_flags (value, (guint) json_node_get_int (node));
        else
          g_value_transform (&int_value, value);
        g_value_unset (&int_value);
        if (!int_fits (fundamental, json_node_get_int (node)) ||
            g_param_value_validate (pspec, value))
          {
            g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                         "field `%s`: %" G_GINT64_FORMAT " is out of range", field,
                         json_node_get_int (node));
            return FALSE;
          }
        return TRUE;
      }

    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
      if (!is_number)
        {
          expected = "a number";
          break;
        }
      /* Casting a double beyond a float's range is undefined. */
      if (fundamental == G_TYPE_FLOAT && fabs (json_node_get_double (node)) > G_MAXFLOAT)
        {
          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "field `%s`: %g is out of range", field, json_node_get_double (node));
          return FALSE;
        }
      if (fundamental == G_TYPE_FLOAT)
        g_value_set_float (value, (float) json_node_get_double (node));
      else
        g_value_set_double (value, json_node_get_double (node));
      return TRUE;

    case G_TYPE_STRING:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (value_type != G_TYPE_STRING)
        {
          expected = "a string";
          break;
        }
      g_value_set_string (value, json_node_get_string (node));
      return TRUE;

    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (type);
        GEnumValue *enum_value = NULL;

        if (value_type == G_TYPE_STRING)
          enum_value = g_enum_get_value_by_nick (klass, json_node_get_string (node));
        else if (value_type == G_TYPE_INT64)
          enum_value = g_enum_get_value (klass, (int) json_node_get_int (node));
        if (enum_value == NULL)
          {
            expected = "one of the enumeration's names";
            break;
          }
        g_value_set_enum (value, enum_value->value);
        return TRUE;
      }

    case G_TYPE_VARIANT:
      {
        g_autoptr(GError) variant_error = NULL;
        GParamSpecVariant *vspec = G_PARAM_SPEC_VARIANT (pspec);
        g_autofree char *signature = g_variant_type_dup_string (vspec->type);
        GVariant *variant = json_gvariant_deserialize (node, signature, &variant_error);

        if (variant == NULL)
          {
            g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                         "field `%s`: %s", field, variant_error->message);
            return FALSE;
          }
        g_value_take_variant (value, variant);
        return TRUE;
      }

    case G_TYPE_OBJECT:
      {
        g_autoptr(GError) object_error = NULL;
        g_autoptr(GObject) object = NULL;

        if (JSON_NODE_HOLDS_NULL (node))
          return TRUE;
        if (G_TYPE_IS_ABSTRACT (type))
          {
            expected = g_type_name (type);
            break;
          }
        /* A nested struct: the JSON nests no deeper than the parser allowed. */
        object = _tauri_json_to_object (type, node, &object_error);
        if (object == NULL)
          {
            g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                         "field `%s`: %s", field, object_error->message);
            return FALSE;
          }
        g_value_set_object (value, object);
        return TRUE;
      }

    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV && !JSON_NODE_HOLDS_ARRAY (node))
        {
          expected = "an array of strings";
          break;
        }
      if (type == G_TYPE_STRV)
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint i = 0; i < n; i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
                {
                  expected = "an array of strings";
                  break;
                }
              g_strv_builder_add (builder, json_node_get_string (element));
            }
          if (expected == NULL)
            {
              g_value_take_boxed (value, g_strv_builder_end (builder));
              return TRUE;
            }
          break;
        }
      if (type == JSON_TYPE_NODE)
        {
          g_value_set_boxed (value, node);
          return TRUE;
        }
      expected = g_type_name (type);
      break;

    default:
      expected = g_type_name (type);
      break;
    }

  g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
               "field `%s`: expected %s, got %s", field, expected,
               _tauri_json_describe (node));
  return FALSE;
}

GObject *
_tauri_json_to_object (GType      type,
                       JsonNode  *node,
                       GError   **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) values = NULL;
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *member;

  g_assert (g_type_is_a (type, G_TYPE_OBJECT));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "expected an object of type %s, got %s", g_type_name (type),
                   _tauri_json_describe (node));
      return NULL;
    }

  if (g_type_is_a (type, JSON_TYPE_SERIALIZABLE))
    return json_gobject_deserialize (type, node);

  klass = g_type_class_ref (type);
  names = g_ptr_array_new_with_free_func (g_free);
  values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member_name, &member))
    {
      g_autofree char *property_name = g_strdelimit (g_strdup (member_name), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property_name);
      GValue value = G_VALUE_INIT;

      /* Like serde, fields the type does not have are ignored. */
      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
        continue;

      if (!node_to_value (member, pspec, member_name, &value, error))
        {
          g_value_unset (&value);
          return NULL;
        }

      g_ptr_array_add (names, g_steal_pointer (&property_name));
      g_array_append_val (values, value);
    }

  return g_object_new_with_properties (type, names->len, (const char **) names->pdata,
                                       (const GValue *) values->data);
}

GVariant *
_tauri_json_to_variant (JsonNode    *node,
                        const char  *signature,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GVariant *variant;

  variant = json_gvariant_deserialize (node, signature, &local_error);
  if (variant == NULL)
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "expected a value of GVariant type %s: %s", signature, local_error->message);
      return NULL;
    }

  return g_variant_ref_sink (variant);
}

/**
 * tauri_json_from_object:
 * @object: (nullable): an object
 *
 * Writes an object as JSON the way a Tauri command's struct result is
 * written: one member per readable property, every property present even
 * when it holds its default value, and `other-val` spelled `other_val`.
 * Object-valued properties nest. Types implementing
 * [iface@Json.Serializable] serialize themselves.
 *
 * This is what [method@Invocation.return_object] sends; use it where a JSON
 * node is wanted, such as in a [callback@CommandFinishFunc].
 *
 * Returns: (transfer full): the JSON form of @object, `null` for %NULL
 *
 * Since: 0.1
 */
JsonNode *
tauri_json_from_object (GObject *object)
{
  g_return_val_if_fail (object == NULL || G_IS_OBJECT (object), NULL);

  return _tauri_json_from_object (object);
}

/**
 * tauri_json_to_object:
 * @object_type: a #GObject type
 * @node: a JSON object
 * @error: return location for an error
 *
 * Builds an object from JSON the way [method@Invocation.dup_object] does:
 * one property per member, `other_val` setting `other-val`, unknown members
 * ignored.
 *
 * Returns: (transfer full) (type GObject) (nullable): the new object, or
 *   %NULL with @error set when a member has the wrong type
 *
 * Since: 0.1
 */
gpointer
tauri_json_to_object (GType      object_type,
                      JsonNode  *node,
                      GError   **error)
{
  g_return_val_if_fail (g_type_is_a (object_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _tauri_json_to_object (object_type, node, error);
}

/* A size as @tauri-apps/api reads it: `{width, height}`, in pixels. */
JsonNode *
_tauri_json_from_size (int width,
                       int height)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, height);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
