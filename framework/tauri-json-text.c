/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * JSON as text: the checks made before json-glib reads what a page sent
 * (nesting, UTF-8, escapes), parsing, and the text of an answer. The
 * marshalling of GValues, GObjects and GVariants is in tauri-json.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-error.h"
#include "tauri-json-private.h"

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

/* Answers are written here rather than by JsonGenerator, in one pass into
 * one buffer and with no object to make per answer. It also writes what a
 * page can read where JsonGenerator does not: a double whose text has no `.`
 * gets `.0` only when it has no exponent either (JsonGenerator writes 1e21
 * as `1e+21.0`), a double that is not a number is `null`, as in
 * JSON.stringify() (JsonGenerator writes `inf.0`), and U+001F is escaped
 * like every other control character (JsonGenerator leaves it raw). */
static void write_node (GString  *out,
                        JsonNode *node);

static void
write_string (GString    *out,
              const char *string)
{
  const char *run = string;
  const char *p = string;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      guchar c = *p;
      char unicode[8];
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (unicode, sizeof unicode, "\\u%04x", c);
          escape = unicode;
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
write_int (GString *out,
           gint64   value)
{
  if (value < 0)
    g_string_append_c (out, '-');
  _tauri_json_append_uint (out, value < 0 ? -(guint64) value : (guint64) value);
}

/* A number in decimal, without printf(), which costs more than all the
 * rest of a small message. */
void
_tauri_json_append_uint (GString *out,
                         guint64  value)
{
  char digits[24];
  char *p = digits + sizeof digits;

  do
    *--p = '0' + value % 10;
  while ((value /= 10) != 0);

  g_string_append_len (out, p, digits + sizeof digits - p);
}

static void
write_double (GString *out,
              double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append (out, g_ascii_dtostr (text, sizeof text, value));
  if (strpbrk (text, ".e") == NULL)
    g_string_append (out, ".0");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  const char *string;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      write_int (out, json_node_get_int (node));
      break;

    case G_TYPE_DOUBLE:
      write_double (out, json_node_get_double (node));
      break;

    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;

    case G_TYPE_STRING:
      string = json_node_get_string (node);
      if (string != NULL)
        write_string (out, string);
      else
        g_string_append (out, "null");
      break;

    default:
      g_string_append (out, "null");
      break;
    }
}

typedef struct
{
  GString  *out;
  gboolean  first;
} MemberWriter;

/* Members go in the order they were added, as JsonGenerator writes them. */
static void
write_member (JsonObject  *object,
              const char  *name,
              JsonNode    *member,
              gpointer     user_data)
{
  MemberWriter *writer = user_data;

  if (!writer->first)
    g_string_append_c (writer->out, ',');
  writer->first = FALSE;

  write_string (writer->out, name);
  g_string_append_c (writer->out, ':');
  write_node (writer->out, member);
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  JsonObject *object;
  JsonArray *array;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      if ((object = json_node_get_object (node)) == NULL)
        {
          g_string_append (out, "null");
          break;
        }
      g_string_append_c (out, '{');
      json_object_foreach_member (object, write_member, &(MemberWriter) { out, TRUE });
      g_string_append_c (out, '}');
      break;

    case JSON_NODE_ARRAY:
      if ((array = json_node_get_array (node)) == NULL)
        {
          g_string_append (out, "null");
          break;
        }
      g_string_append_c (out, '[');
      for (guint i = 0, n = json_array_get_length (array); i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

GBytes *
_tauri_json_to_bytes (JsonNode *node)
{
  GString *out;

  if (node == NULL)
    return g_bytes_new_static ("null", 4);

  out = g_string_sized_new (64);
  write_node (out, node);

  return g_string_free_to_bytes (out);
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
