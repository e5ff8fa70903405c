/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The check a page's text passes before json-glib reads it: one linear pass
 * that accepts JSON as RFC 8259 has it and nothing else.
 *
 * json-glib's scanner takes much that is not JSON (`{'a':1}`, `0x10`, `01`,
 * comments, raw control characters, GScanner's octal escapes, `\u` with
 * fewer digits), some of its error paths leak what they had read, and its
 * parser recurses once per level. So it only ever sees text found here to
 * be JSON, nested no deeper than the limit, in valid UTF-8, without lone
 * surrogates or `\u0000`, with numbers that a double or a 64-bit integer
 * holds. Strings, most of any large payload, are crossed with memchr().
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-command-registry.h"
#include "tauri-json-private.h"

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,        /* just after `[` */
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,          /* just after `{` */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} Expect;

typedef struct
{
  const char  *data;
  const char  *end;
  const char  *printable_end;   /* the bytes before it are printable ASCII */
  const char  *next_quote;      /* kept between strings, so that one */
  const char  *next_backslash;  /* search serves many strings */
  GError     **error;
  guint        depth;
  guint        max_depth;
  guint8       in_object[TAURI_JSON_DEPTH_LIMIT / 8 + 1];
} Checker;

G_STATIC_ASSERT (TAURI_JSON_DEPTH_LIMIT == 10000);  /* as the registry's max-depth */

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

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether a byte of @word is below 0x20 (a NUL too). */
static inline gboolean
word_has_control (guint64 word)
{
  return ((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word & HIGH_BITS) != 0;
}

/* Whether every byte of @word is from 0x20 to 0x7F. */
static inline gboolean
word_is_printable_ascii (guint64 word)
{
  return (word & HIGH_BITS) == 0 && !word_has_control (word);
}

/* g_utf8_validate() goes a character at a time; payloads are mostly
 * printable ASCII, which is checked here eight bytes at a time. From the
 * first word that holds anything else, the rest is left to it (it refuses
 * NUL bytes too). Where the fast part ended is where strings start to need
 * a look for raw control characters. */
static gboolean
is_valid_utf8 (Checker     *checker,
               const char **bad_utf8)
{
  const char *data = checker->data;
  gsize length = checker->end - data;
  gsize i = 0;

  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      if (!word_is_printable_ascii (word))
        break;
    }

  checker->printable_end = data + i;
  return g_utf8_validate (data + i, length - i, bad_utf8);
}

static const char *
find_control (const char *p,
              const char *end)
{
  for (; end - p >= (gssize) sizeof (guint64); p += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word_has_control (word))
        break;
    }

  for (; p < end; p++)
    {
      if ((guchar) *p < 0x20)
        return p;
    }

  return NULL;
}

static const char *
find_or_end (const char *p,
             const char *end,
             char        c)
{
  const char *found = memchr (p, c, end - p);

  return found != NULL ? found : end;
}

/* The first `"` or `\` at or after @p, or the end of the text. */
static const char *
skip_string_body (Checker    *checker,
                  const char *p)
{
  if (checker->next_quote == NULL || checker->next_quote < p)
    checker->next_quote = find_or_end (p, checker->end, '"');
  if (checker->next_backslash == NULL || checker->next_backslash < p)
    checker->next_backslash = find_or_end (p, checker->end, '\\');

  return MIN (checker->next_quote, checker->next_backslash);
}

static gboolean
refuse (Checker    *checker,
        int         code,
        const char *message)
{
  g_set_error_literal (checker->error, TAURI_COMMAND_ERROR, code, message);
  return FALSE;
}

/* “expected `:` at byte 12, found `]`”: what the text needed and what it had. */
static gboolean
refuse_unexpected (Checker    *checker,
                   const char *at,
                   const char *expected)
{
  g_autofree char *found = NULL;

  if (at == checker->end)
    found = g_strdup ("the end of the text");
  else if (g_ascii_isgraph (*at))
    found = g_strdup_printf ("`%c`", *at);
  else
    found = g_strdup_printf ("U+%04X", g_utf8_get_char (at));

  g_set_error (checker->error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
               "malformed JSON: expected %s at byte %" G_GSIZE_FORMAT ", found %s",
               expected, (gsize) (at - checker->data), found);
  return FALSE;
}

/* JSON's escapes only: json-glib also takes GScanner's, octal ones
 * included (`\0` would cut a C string short), and `\u` with fewer digits,
 * which can decode into a lone surrogate. Returns what follows the escape
 * at @p, or %NULL. */
static const char *
check_escape (Checker    *checker,
              const char *p)
{
  const char *end = checker->end;
  gunichar unit;
  gunichar low;

  if (p + 1 < end && p[1] != 'u' && p[1] != '\0' && strchr ("\"\\/bfnrt", p[1]) != NULL)
    return p + 2;

  if (p + 1 == end || p[1] != 'u' || !read_hex4 (p + 2, end, &unit))
    {
      refuse (checker, TAURI_COMMAND_ERROR_INVALID_ARGS,
              "malformed JSON: a string holds an invalid escape");
      return NULL;
    }

  p += 6;
  if (unit == 0)
    {
      refuse (checker, TAURI_COMMAND_ERROR_INVALID_ARGS,
              "strings holding U+0000 are not supported");
      return NULL;
    }

  if (unit < 0xD800 || unit > 0xDFFF)
    return p;

  if (unit <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
      read_hex4 (p + 2, end, &low) && low >= 0xDC00 && low <= 0xDFFF)
    return p + 6;

  refuse (checker, TAURI_COMMAND_ERROR_INVALID_ARGS,
          "a string holds a lone UTF-16 surrogate, which is not valid Unicode");
  return NULL;
}

/* The string that starts with the `"` at @p. Returns what follows it, or
 * %NULL. */
static const char *
check_string (Checker    *checker,
              const char *p)
{
  const char *end = checker->end;

  for (p++; ; )
    {
      const char *mark = skip_string_body (checker, p);
      const char *control;

      /* Raw control characters are not JSON; only text past the first
       * word of anything but printable ASCII can hold them. */
      if (mark > checker->printable_end &&
          (control = find_control (MAX (p, checker->printable_end), mark)) != NULL)
        {
          g_set_error (checker->error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "malformed JSON: a string holds a raw control character at byte %"
                       G_GSIZE_FORMAT, (gsize) (control - checker->data));
          return NULL;
        }

      if (mark == end)
        {
          refuse_unexpected (checker, end, "`\"`");
          return NULL;
        }

      if (*mark == '"')
        return mark + 1;

      p = check_escape (checker, mark);
      if (p == NULL)
        return NULL;
    }
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

/* `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at @p. Returns what
 * follows it, or %NULL. */
static const char *
check_number (Checker    *checker,
              const char *p)
{
  const char *start = p;
  const char *end = checker->end;

  if (*p == '-')
    p++;
  if (p == end || !g_ascii_isdigit (*p))
    goto no_digit;
  p = *p == '0' ? p + 1 : skip_digits (p, end);

  if (p < end && *p == '.')
    {
      if (++p == end || !g_ascii_isdigit (*p))
        goto no_digit;
      p = skip_digits (p, end);
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        goto no_digit;
      p = skip_digits (p, end);
    }

  if (!is_number_in_range (start, p))
    {
      refuse (checker, TAURI_COMMAND_ERROR_INVALID_ARGS, "a number is out of range");
      return NULL;
    }

  return p;

no_digit:
  refuse_unexpected (checker, p, "a digit");
  return NULL;
}

static const char *
check_word (Checker    *checker,
            const char *p,
            const char *expected)
{
  static const char * const words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize length = strlen (words[i]);

      if ((gsize) (checker->end - p) >= length && memcmp (p, words[i], length) == 0)
        return p + length;
    }

  refuse_unexpected (checker, p, expected);
  return NULL;
}

static gboolean
is_in_object (Checker *checker)
{
  guint level = checker->depth - 1;

  return (checker->in_object[level / 8] & (1u << (level % 8))) != 0;
}

/* What the text needs once a value has ended. */
static Expect
after_value (Checker *checker)
{
  return checker->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

static gboolean
open_container (Checker  *checker,
                gboolean  is_object)
{
  guint level = checker->depth;

  if (++checker->depth > checker->max_depth)
    {
      g_set_error (checker->error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_LIMIT_EXCEEDED,
                   "nested deeper than %u levels", checker->max_depth);
      return FALSE;
    }

  if (is_object)
    checker->in_object[level / 8] |= 1u << (level % 8);
  else
    checker->in_object[level / 8] &= ~(1u << (level % 8));

  return TRUE;
}

static const char *
describe_expected (Checker *checker,
                   Expect   expect)
{
  switch (expect)
    {
    case EXPECT_VALUE:
      return "a value";
    case EXPECT_VALUE_OR_CLOSE:
      return "a value or `]`";
    case EXPECT_KEY:
      return "a string key";
    case EXPECT_KEY_OR_CLOSE:
      return "a string key or `}`";
    case EXPECT_COLON:
      return "`:`";
    case EXPECT_COMMA_OR_CLOSE:
      return is_in_object (checker) ? "`,` or `}`" : "`,` or `]`";
    case EXPECT_END:
    default:
      g_assert_not_reached ();
    }
}

/* The value that starts at @p: a container is opened, anything else read
 * whole. Returns what follows, or %NULL. */
static const char *
check_value (Checker    *checker,
             const char *p,
             Expect     *expect)
{
  switch (*p)
    {
    case '[':
    case '{':
      if (!open_container (checker, *p == '{'))
        return NULL;
      *expect = *p == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      return p + 1;

    case '"':
      p = check_string (checker, p);
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      p = check_number (checker, p);
      break;

    default:
      p = check_word (checker, p, describe_expected (checker, *expect));
      break;
    }

  *expect = after_value (checker);
  return p;
}

/* One step of the grammar: what comes at @p, given what the text needs
 * there. Returns what follows, or %NULL. */
static const char *
check_next (Checker    *checker,
            const char *p,
            Expect     *expect)
{
  switch (*expect)
    {
    case EXPECT_END:
      refuse (checker, TAURI_COMMAND_ERROR_INVALID_ARGS,
              "malformed JSON: unexpected text after the value");
      return NULL;

    case EXPECT_COLON:
      if (*p != ':')
        break;
      *expect = EXPECT_VALUE;
      return p + 1;

    case EXPECT_COMMA_OR_CLOSE:
      if (*p == ',')
        {
          *expect = is_in_object (checker) ? EXPECT_KEY : EXPECT_VALUE;
          return p + 1;
        }
      if (*p != (is_in_object (checker) ? '}' : ']'))
        break;
      checker->depth--;
      *expect = after_value (checker);
      return p + 1;

    case EXPECT_KEY_OR_CLOSE:
    case EXPECT_VALUE_OR_CLOSE:
      if (*p == (*expect == EXPECT_KEY_OR_CLOSE ? '}' : ']'))
        {
          checker->depth--;
          *expect = after_value (checker);
          return p + 1;
        }
      if (*expect == EXPECT_VALUE_OR_CLOSE)
        return check_value (checker, p, expect);
      G_GNUC_FALLTHROUGH;

    case EXPECT_KEY:
      if (*p != '"')
        break;
      *expect = EXPECT_COLON;
      return check_string (checker, p);

    case EXPECT_VALUE:
    default:
      return check_value (checker, p, expect);
    }

  refuse_unexpected (checker, p, describe_expected (checker, *expect));
  return NULL;
}

gboolean
_tauri_json_check_text (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error)
{
  Checker checker;
  Expect expect = EXPECT_VALUE;
  const char *bad_utf8 = NULL;
  const char *p = data;

  g_assert (data != NULL || length == 0);
  g_assert (max_depth >= 1 && max_depth <= TAURI_JSON_DEPTH_LIMIT);

  /* Not zeroed as a whole: a level's bit is written when it opens. */
  checker.data = data;
  checker.end = data + length;
  checker.next_quote = NULL;
  checker.next_backslash = NULL;
  checker.error = error;
  checker.depth = 0;
  checker.max_depth = max_depth;

  if (!is_valid_utf8 (&checker, &bad_utf8))
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "invalid UTF-8 at byte %" G_GSIZE_FORMAT, (gsize) (bad_utf8 - data));
      return FALSE;
    }

  while (p != NULL && p < checker.end)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
      else
        p = check_next (&checker, p, &expect);
    }

  if (p == NULL)
    return FALSE;

  if (expect == EXPECT_END)
    return TRUE;

  if (expect == EXPECT_VALUE && checker.depth == 0)
    return refuse (&checker, TAURI_COMMAND_ERROR_INVALID_ARGS, "malformed JSON: no value");

  return refuse_unexpected (&checker, checker.end, describe_expected (&checker, expect));
}
