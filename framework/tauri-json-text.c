/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * JSON as text: parsing what a page sent, once tauri-json-check.c has
 * found it to be JSON, and the text of an answer. The marshalling of
 * GValues, GObjects and GVariants is in tauri-json.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-command-registry.h"
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
