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
