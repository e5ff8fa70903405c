/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-channel-private.h"
#include "tauri-command-registry.h"
#include "tauri-json-private.h"
#include "tauri-type-spec-private.h"

/* `array<array<…>>` nests; a parameter list is written by a programmer,
 * but it may come from a binding at run time. */
#define MAX_SPEC_DEPTH 16

static const struct {
  const char        *word;
  TauriTypeSpecKind  kind;
  const char        *description;
} simple_types[] = {
  { "any",     TAURI_TYPE_SPEC_ANY,     "any value" },
  { "null",    TAURI_TYPE_SPEC_NULL,    "null" },
  { "string",  TAURI_TYPE_SPEC_STRING,  "a string" },
  { "integer", TAURI_TYPE_SPEC_INTEGER, "an integer" },
  { "number",  TAURI_TYPE_SPEC_NUMBER,  "a number" },
  { "boolean", TAURI_TYPE_SPEC_BOOLEAN, "a boolean" },
  { "object",  TAURI_TYPE_SPEC_OBJECT,  "an object" },
  { "array",   TAURI_TYPE_SPEC_ARRAY,   "an array" },
  { "channel", TAURI_TYPE_SPEC_CHANNEL, "a Channel" },
  { "bytes",   TAURI_TYPE_SPEC_BYTES,   "raw bytes" },
};


static void
skip_spaces (const char **cursor)
{
  while (g_ascii_isspace (**cursor))
    (*cursor)++;
}

static char *
read_word (const char **cursor)
{
  const char *start = *cursor;

  while (g_ascii_isalnum (**cursor) || **cursor == '_')
    (*cursor)++;

  return g_strndup (start, *cursor - start);
}

/* The text between `<` and its matching `>`, which may nest. */
static char *
read_angle_argument (const char **cursor)
{
  const char *start = *cursor;
  guint depth = 1;

  for (; **cursor != '\0'; (*cursor)++)
    {
      if (**cursor == '<')
        depth++;
      else if (**cursor == '>' && --depth == 0)
        {
          char *argument = g_strndup (start, *cursor - start);

          (*cursor)++;
          return g_strstrip (argument);
        }
    }

  return NULL;
}

static TauriTypeSpec *
parse_spec (const char **cursor,
            guint        depth,
            GError     **error);

static gboolean
parse_argument (TauriTypeSpec  *spec,
                const char     *argument,
                guint           depth,
                GError        **error)
{
  switch (spec->kind)
    {
    case TAURI_TYPE_SPEC_ARRAY:
    case TAURI_TYPE_SPEC_CHANNEL:
      {
        const char *inner = argument;

        spec->element = parse_spec (&inner, depth + 1, error);
        if (spec->element == NULL)
          return FALSE;
        skip_spaces (&inner);
        if (*inner != '\0')
          break;
        return TRUE;
      }

    case TAURI_TYPE_SPEC_OBJECT:
      spec->kind = TAURI_TYPE_SPEC_GOBJECT;
      spec->gtype = g_type_from_name (argument);
      if (spec->gtype == G_TYPE_INVALID || !g_type_is_a (spec->gtype, G_TYPE_OBJECT))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "“%s” is not a registered GObject type", argument);
          return FALSE;
        }
      return TRUE;

    case TAURI_TYPE_SPEC_ANY:
      if (g_str_equal (spec->text, "variant"))
        {
          if (!g_variant_type_string_is_valid (argument))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“%s” is not a GVariant type", argument);
              return FALSE;
            }
          spec->kind = TAURI_TYPE_SPEC_VARIANT;
          spec->signature = g_strdup (argument);
          return TRUE;
        }
      break;

    case TAURI_TYPE_SPEC_NULL:
    case TAURI_TYPE_SPEC_STRING:
    case TAURI_TYPE_SPEC_INTEGER:
    case TAURI_TYPE_SPEC_NUMBER:
    case TAURI_TYPE_SPEC_BOOLEAN:
    case TAURI_TYPE_SPEC_GOBJECT:
    case TAURI_TYPE_SPEC_VARIANT:
    case TAURI_TYPE_SPEC_BYTES:
    default:
      break;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“%s<%s>” is not a type", spec->text, argument);
  return FALSE;
}

static TauriTypeSpec *
parse_spec (const char **cursor,
            guint        depth,
            GError     **error)
{
  g_autoptr(TauriTypeSpec) spec = g_new0 (TauriTypeSpec, 1);
  g_autofree char *argument = NULL;
  gboolean known = FALSE;

  if (depth > MAX_SPEC_DEPTH)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "type nested too deeply");
      return NULL;
    }

  skip_spaces (cursor);
  spec->text = read_word (cursor);

  for (guint i = 0; i < G_N_ELEMENTS (simple_types); i++)
    {
      if (g_str_equal (spec->text, simple_types[i].word))
        {
          spec->kind = simple_types[i].kind;
          known = TRUE;
        }
    }
  /* `variant` only exists with its argument. */
  known = known || g_str_equal (spec->text, "variant");

  if (!known)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a type", spec->text);
      return NULL;
    }

  skip_spaces (cursor);
  if (**cursor == '<')
    {
      (*cursor)++;
      argument = read_angle_argument (cursor);
      if (argument == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "“%s<” has no closing “>”", spec->text);
          return NULL;
        }
      if (!parse_argument (spec, argument, depth, error))
        return NULL;

      g_free (spec->text);
      spec->text = g_strdup_printf ("%s<%s>",
                                    spec->kind == TAURI_TYPE_SPEC_ARRAY ? "array" :
                                    spec->kind == TAURI_TYPE_SPEC_CHANNEL ? "channel" :
                                    spec->kind == TAURI_TYPE_SPEC_GOBJECT ? "object" : "variant",
                                    spec->element ? spec->element->text : argument);
    }
  else if (g_str_equal (spec->text, "variant"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“variant” needs its GVariant type, as in “variant<a{sv}>”");
      return NULL;
    }

  return g_steal_pointer (&spec);
}

TauriTypeSpec *
_tauri_type_spec_parse (const char **cursor,
                        GError     **error)
{
  g_assert (cursor != NULL && *cursor != NULL);

  return parse_spec (cursor, 0, error);
}

void
_tauri_type_spec_free (TauriTypeSpec *spec)
{
  if (spec == NULL)
    return;

  g_clear_pointer (&spec->element, _tauri_type_spec_free);
  g_free (spec->signature);
  g_free (spec->text);
  g_free (spec);
}

static const char *
describe_spec (const TauriTypeSpec *spec)
{
  for (guint i = 0; i < G_N_ELEMENTS (simple_types); i++)
    {
      if (simple_types[i].kind == spec->kind)
        return simple_types[i].description;
    }

  return spec->text;
}

static gboolean
is_integral (JsonNode *node)
{
  double value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;

  value = json_node_get_double (node);
  return value == floor (value) && fabs (value) <= 9007199254740992.0;
}

static gboolean
check_node (const TauriTypeSpec  *spec,
            JsonNode             *node,
            GError              **error)
{
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gboolean matches = FALSE;

  switch (spec->kind)
    {
    case TAURI_TYPE_SPEC_ANY:
      return TRUE;
    case TAURI_TYPE_SPEC_NULL:
      matches = JSON_NODE_HOLDS_NULL (node);
      break;
    case TAURI_TYPE_SPEC_STRING:
      matches = value_type == G_TYPE_STRING;
      break;
    case TAURI_TYPE_SPEC_INTEGER:
      matches = (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE) && is_integral (node);
      break;
    case TAURI_TYPE_SPEC_NUMBER:
      matches = value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
      break;
    case TAURI_TYPE_SPEC_BOOLEAN:
      matches = value_type == G_TYPE_BOOLEAN;
      break;
    case TAURI_TYPE_SPEC_OBJECT:
      matches = JSON_NODE_HOLDS_OBJECT (node);
      break;
    case TAURI_TYPE_SPEC_ARRAY:
      matches = JSON_NODE_HOLDS_ARRAY (node);
      if (matches && spec->element != NULL)
        {
          JsonArray *array = json_node_get_array (node);
          guint length = json_array_get_length (array);

          for (guint i = 0; i < length; i++)
            {
              g_autoptr(GError) element_error = NULL;

              if (!check_node (spec->element, json_array_get_element (array, i), &element_error))
                {
                  g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                               "at index %u: %s", i, element_error->message);
                  return FALSE;
                }
            }
        }
      break;
    case TAURI_TYPE_SPEC_GOBJECT:
      {
        g_autoptr(GObject) object = _tauri_json_to_object (spec->gtype, node, error);

        return object != NULL;
      }
    case TAURI_TYPE_SPEC_VARIANT:
      {
        g_autoptr(GVariant) variant = _tauri_json_to_variant (node, spec->signature, error);

        return variant != NULL;
      }
    case TAURI_TYPE_SPEC_CHANNEL:
      {
        guint32 id;

        matches = value_type == G_TYPE_STRING &&
                  _tauri_channel_ref_parse (json_node_get_string (node), &id);
        break;
      }
    case TAURI_TYPE_SPEC_BYTES:
      /* Sent as JSON, bytes are an array of numbers, as serde reads a Vec<u8>. */
      matches = JSON_NODE_HOLDS_ARRAY (node);
      if (matches)
        {
          JsonArray *array = json_node_get_array (node);
          guint length = json_array_get_length (array);

          for (guint i = 0; i < length && matches; i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              matches = JSON_NODE_HOLDS_VALUE (element) &&
                        json_node_get_value_type (element) == G_TYPE_INT64 &&
                        json_node_get_int (element) >= 0 && json_node_get_int (element) <= 255;
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!matches)
    g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                 "expected %s, got %s", describe_spec (spec), _tauri_json_describe (node));

  return matches;
}

gboolean
_tauri_type_spec_check (const TauriTypeSpec  *spec,
                        JsonNode             *node,
                        GError              **error)
{
  g_assert (spec != NULL);
  g_assert (node != NULL);

  return check_node (spec, node, error);
}
