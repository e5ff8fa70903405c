/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-error.h"
#include "tauri-json.h"
#include "tauri-json-private.h"

/* Objects returned as values are walked recursively: a cycle of object
 * properties must not take the stack with it. */
#define MAX_OBJECT_DEPTH 32

char *
_tauri_json_camel_case (const char *snake_name)
{
  GString *camel = g_string_sized_new (strlen (snake_name));
  gboolean upper_next = FALSE;

  g_assert (snake_name != NULL);

  for (const char *p = snake_name; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          upper_next = camel->len > 0;
          continue;
        }

      if (upper_next)
        g_string_append_c (camel, g_ascii_toupper (*p));
      else
        g_string_append_c (camel, g_ascii_tolower (*p));
      upper_next = FALSE;
    }

  return g_string_free (camel, FALSE);
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Whether json-glib reads the number token [start, end) right. It reads a
 * number too large for a double (1e400) as infinity, which JSON cannot
 * hold, and an integer beyond 64 bits with its sign or all its bits wrong
 * (2^64 as -1). serde_json refuses the first; both are refused here. */
static gboolean
is_number_in_range (const char *start,
                    const char *end)
{
  g_autofree char *token = NULL;
  gsize length = end - start;
  gboolean has_exponent = memchr (start, 'e', length) != NULL || memchr (start, 'E', length) != NULL;
  gboolean is_integer = !has_exponent && memchr (start, '.', length) == NULL;

  /* Shorter ones always fit: an integer of 18 characters, a decimal of 299. */
  if ((is_integer && length < 19) || (!is_integer && !has_exponent && length < 300))
    return TRUE;

  token = g_strndup (start, end - start);
  if (is_integer)
    return g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  return isfinite (g_ascii_strtod (token, NULL));
}

/* g_utf8_validate() goes a character at a time; strings are mostly ASCII,
 * which is checked here eight bytes at a time. A word with a byte above
 * 0x7F, or a zero byte (which g_utf8_validate() refuses too), is left to it. */
static gboolean
is_valid_utf8 (const char  *data,
               gsize        length,
               const char **bad_utf8)
{
  const guint64 high_bits = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low_bits = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      if ((word & high_bits) != 0 || ((word - low_bits) & ~word & high_bits) != 0)
        break;
    }

  return g_utf8_validate (data + i, length - i, bad_utf8);
}

/* Where the next `"` and `\` of the text are, found with memchr(), which
 * reads long strings a word or more at a time, and kept between calls so
 * that a string holding many of one is not searched again for the other. */
typedef struct
{
  const char *quote;
  const char *backslash;
} StringMarks;

static const char *
find_or_end (const char *p,
             const char *end,
             char        c)
{
  const char *found = memchr (p, c, end - p);

  return found != NULL ? found : end;
}

/* The first `"` or `\` at or after @p, or @end. */
static const char *
skip_string_body (const char  *p,
                  const char  *end,
                  StringMarks *marks)
{
  if (marks->quote == NULL || marks->quote < p)
    marks->quote = find_or_end (p, end, '"');
  if (marks->backslash == NULL || marks->backslash < p)
    marks->backslash = find_or_end (p, end, '\\');

  return MIN (marks->quote, marks->backslash);
}

/* Checks what json-glib does not: nesting depth (its parser recurses and
 * crashes some 100,000 levels down), the encoding, `\u` escapes that would
 * decode into invalid UTF-8 (lone surrogates) or cut a C string short
 * (`\u0000`), and text after the value (json-glib reads `{} {}` as two
 * statements, keeps the last, and leaks the first), and numbers too large
 * for a double. One linear pass; the rest of the syntax is left to the
 * parser. */
gboolean
_tauri_json_check_text (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error)
{
  const char *end = data + length;
  const char *bad_utf8 = NULL;
  gboolean in_string = FALSE;
  gboolean in_word = FALSE;     /* a number, true, false or null, at the top */
  gboolean complete = FALSE;    /* the top-level value has ended */
  const char *number = NULL;    /* the start of the number being read */
  StringMarks marks = { NULL, NULL };
  guint depth = 0;

  g_assert (data != NULL || length == 0);

  if (!is_valid_utf8 (data, length, &bad_utf8))
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "invalid UTF-8 at byte %" G_GSIZE_FORMAT, (gsize) (bad_utf8 - data));
      return FALSE;
    }

  for (const char *p = data; p < end; p++)
    {
      if (in_string)
        {
          gunichar unit;

          p = skip_string_body (p, end, &marks);
          if (p == end)
            break;

          if (*p == '"')
            {
              in_string = FALSE;
              complete = depth == 0;
            }
          else if (*p == '\\' && p + 1 < end && p[1] != 'u')
            {
              /* json-glib also takes GScanner's own escapes, octal ones
               * included: `\0` would cut a C string short. */
              if (p[1] == '\0' || strchr ("\"\\/bfnrt", p[1]) == NULL)
                goto bad_escape;
              p++;
            }
          else if (*p == '\\' && p + 1 < end)
            {
              /* And `\u` with fewer digits, which can decode into a lone
               * surrogate. */
              if (!read_hex4 (p + 2, end, &unit))
                goto bad_escape;
              p += 5;
              if (unit == 0)
                {
                  g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                                       "strings holding U+0000 are not supported");
                  return FALSE;
                }
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                goto lone_surrogate;
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  gunichar low;

                  if (end - p < 7 || p[1] != '\\' || p[2] != 'u' ||
                      !read_hex4 (p + 3, end, &low) || low < 0xDC00 || low > 0xDFFF)
                    goto lone_surrogate;
                  p += 6;
                }
            }
          continue;
        }

      if (number != NULL && !g_ascii_isdigit (*p) && strchr ("+-.eE", *p) == NULL)
        {
          if (!is_number_in_range (number, p))
            goto out_of_range;
          number = NULL;
        }
      else if (number == NULL && (g_ascii_isdigit (*p) || *p == '-'))
        number = p;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          complete = complete || in_word;
          in_word = FALSE;
          continue;
        }

      if (in_word && strchr ("[]{}\":,", *p) == NULL)
        continue;

      if (complete || in_word)
        {
          g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                               "malformed JSON: unexpected text after the value");
          return FALSE;
        }

      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_LIMIT_EXCEEDED,
                           "nested deeper than %u levels", max_depth);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0 && --depth == 0)
            complete = TRUE;
          break;

        default:
          in_word = depth == 0;
          break;
        }
    }

  if (number != NULL && !is_number_in_range (number, end))
    goto out_of_range;

  return TRUE;

bad_escape:
  g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "malformed JSON: a string holds an invalid escape");
  return FALSE;

out_of_range:
  g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "a number is out of range");
  return FALSE;

lone_surrogate:
  g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "a string holds a lone UTF-16 surrogate, which is not valid Unicode");
  return FALSE;
}

JsonNode *
_tauri_json_parse (const char  *data,
                   gsize        length,
                   guint        max_depth,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!_tauri_json_check_text (data, length, max_depth, error))
    return NULL;

  /* Not json_parser_new_immutable(): sealing an object hashes every string
   * in it, a whole extra pass over a large payload. Nothing writes to the
   * arguments, and threads may read what nobody writes. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the text it choked on, decoded as far as it got,
       * lone surrogates included: that is not always UTF-8. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "malformed JSON: %s", message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                           "malformed JSON: no value");
      return NULL;
    }

  return root;
}

const char *
_tauri_json_describe (JsonNode *node)
{
  if (node == NULL)
    return "nothing";

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      break;
    default:
      g_assert_not_reached ();
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

/* json-glib writes a double whose text has no `.` with `.0` appended: 1e21
 * becomes `1e+21.0` and infinity `inf.0`, which are not JSON, and which a
 * page cannot parse. Mends its output in one pass: an exponent loses the
 * `.0`, and what is not a number becomes `null`, as JSON.stringify() has
 * it. Returns NULL when there is nothing to mend. */
static GString *
mend_numbers (const char *text,
              gsize       length)
{
  GString *mended = NULL;
  gboolean in_string = FALSE;
  StringMarks marks = { NULL, NULL };
  gsize copied = 0;

  for (gsize i = 0; i < length; i++)
    {
      const char *token;
      gsize token_length;
      const char *replacement = NULL;
      gsize replacement_length = 0;

      if (in_string)
        {
          i = skip_string_body (text + i, text + length, &marks) - text;
          if (i == length)
            break;
          if (text[i] == '\\')
            i++;
          else if (text[i] == '"')
            in_string = FALSE;
          continue;
        }

      if (text[i] == '"')
        {
          in_string = TRUE;
          continue;
        }

      if (!is_number_char (text[i]))
        continue;

      token = text + i;
      for (token_length = 0; i + token_length < length && is_number_char (token[token_length]); token_length++)
        ;
      i += token_length - 1;

      /* true, false and null are left alone. */
      if (g_strstr_len (token, token_length, "inf") != NULL || g_strstr_len (token, token_length, "nan") != NULL)
        {
          replacement = "null";
          replacement_length = 4;
        }
      else if (token_length > 2 && g_ascii_isdigit (token[0] == '-' ? token[1] : token[0]) &&
               memchr (token, 'e', token_length) != NULL &&
               token[token_length - 2] == '.' && token[token_length - 1] == '0')
        {
          replacement = token;
          replacement_length = token_length - 2;
        }

      if (replacement == NULL)
        continue;

      if (mended == NULL)
        mended = g_string_sized_new (length);
      g_string_append_len (mended, text + copied, token - text - copied);
      g_string_append_len (mended, replacement, replacement_length);
      copied = token - text + token_length;
    }

  if (mended != NULL)
    g_string_append_len (mended, text + copied, length - copied);

  return mended;
}

GBytes *
_tauri_json_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = NULL;
  GString *mended;
  gsize length = 0;
  char *text;

  if (node == NULL)
    return g_bytes_new_static ("null", 4);

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  mended = mend_numbers (text, length);
  if (mended != NULL)
    {
      g_free (text);
      return g_string_free_to_bytes (mended);
    }

  return g_bytes_new_take (text, length);
}

GBytes *
_tauri_json_string_to_bytes (const char *string)
{
  g_autoptr(JsonNode) node = NULL;

  if (string == NULL)
    return _tauri_json_to_bytes (NULL);

  node = json_node_init_string (json_node_alloc (), string);
  return _tauri_json_to_bytes (node);
}

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
