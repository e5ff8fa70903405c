/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-command-registry.h"
#include "tauri-json-private.h"
#include "tauri-message-private.h"

/* A name that error texts can quote and that stays one line. */
#define MAX_COMMAND_NAME 256

/* The decimal number that is all of [start, end), within [min, max]. */
static gboolean
parse_decimal (const char *start,
               const char *end,
               guint64     min,
               guint64     max,
               guint64    *value)
{
  char digits[21];

  if (end - start < 1 || end - start >= (gssize) sizeof digits)
    return FALSE;

  /* Digits alone: the copy is read as a C string, which a NUL would cut
   * short. */
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  memcpy (digits, start, end - start);
  digits[end - start] = '\0';
  return g_ascii_string_to_unsigned (digits, 10, min, max, value, NULL);
}

gboolean
_tauri_message_parse_call_id (const char *start,
                              const char *end,
                              guint64    *id)
{
  return parse_decimal (start, end, 1, TAURI_MESSAGE_MAX_CALL_ID - 1, id);
}

gboolean
_tauri_message_is_valid_name (const char *name,
                              gsize       length)
{
  if (length == 0 || length > MAX_COMMAND_NAME || !g_utf8_validate (name, length, NULL))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) name[i] < 0x20)
        return FALSE;
    }

  return TRUE;
}

/* The headers of invoke()'s options, a JSON object of strings: in a table
 * of lowercase names, as HTTP has them. */
GHashTable *
_tauri_message_parse_headers (const char  *json,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  node = _tauri_json_parse (json, length, 2, &parse_error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "malformed message: the headers are not an object of strings%s%s",
                   parse_error ? ": " : "", parse_error ? parse_error->message : "");
      return NULL;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "malformed message: the header “%s” is not a string", name);
          return NULL;
        }
      g_hash_table_replace (headers, g_ascii_strdown (name, -1), g_strdup (json_node_get_string (value)));
    }

  return g_steal_pointer (&headers);
}

/* i<call id>\n<command>\n<JSON arguments>, or
 * h<call id>\n<command>\n<JSON headers>\n<JSON arguments>: JSON text from
 * JSON.stringify() holds no raw newline. */
gboolean
_tauri_message_parse_call (const char    *message,
                           gsize          length,
                           TauriMessage  *out,
                           GError       **error)
{
  const char *end = message + length;
  const char *id_end = length > 0 ? memchr (message, '\n', length) : NULL;
  const char *name_end = id_end ? memchr (id_end + 1, '\n', end - id_end - 1) : NULL;
  const char *arguments = name_end ? name_end + 1 : NULL;

  g_assert (out != NULL);

  memset (out, 0, sizeof *out);

  if (length == 0 || (message[0] != 'i' && message[0] != 'h') || name_end == NULL ||
      !_tauri_message_parse_call_id (message + 1, id_end, &out->id))
    {
      g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS, "malformed message");
      return FALSE;
    }

  if (!_tauri_message_is_valid_name (id_end + 1, name_end - id_end - 1))
    {
      g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS, "invalid command name");
      return FALSE;
    }

  if (message[0] == 'h')
    {
      const char *headers_end = memchr (arguments, '\n', end - arguments);

      if (headers_end == NULL)
        {
          g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS, "malformed message");
          return FALSE;
        }
      out->headers = _tauri_message_parse_headers (arguments, headers_end - arguments, error);
      if (out->headers == NULL)
        return FALSE;
      arguments = headers_end + 1;
    }

  out->name = g_strndup (id_end + 1, name_end - id_end - 1);
  out->arguments = arguments;
  out->arguments_length = end - arguments;
  return TRUE;
}

/* A batch of calls is `<length>:<message>` frames one after the other, each
 * length counted as the page counts it, in UTF-16 code units of the text
 * that follows. Reads the frame at *@at, which must end by @end, and moves
 * *@at past it. The call id of the message in it, `i<call id>\n…`, is read
 * too: a frame whose id cannot be read could not be answered. Each frame
 * is `i…` or `h…` (see _tauri_message_parse_call()). */
gboolean
_tauri_message_next_frame (const char  **at,
                           const char   *end,
                           const char  **frame,
                           gsize        *frame_length,
                           guint64      *id)
{
  const char *colon = memchr (*at, ':', end - *at);
  const char *id_end;
  const char *p;
  guint64 units = 0;

  if (colon == NULL || !parse_decimal (*at, colon, 1, G_MAXSIZE, &units))
    return FALSE;

  /* The text is UTF-8: a character of four bytes is two UTF-16 units. */
  for (p = colon + 1; units > 0 && p < end;)
    {
      guchar c = *p;
      gsize bytes = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      guint64 width = bytes == 4 ? 2 : 1;

      if (width > units || (gsize) (end - p) < bytes)
        return FALSE;
      units -= width;
      p += bytes;
    }
  if (units > 0)
    return FALSE;

  id_end = memchr (colon + 1, '\n', p - colon - 1);
  if ((colon[1] != 'i' && colon[1] != 'h') || id_end == NULL || !_tauri_message_parse_call_id (colon + 2, id_end, id))
    return FALSE;

  *frame = colon + 1;
  *frame_length = p - colon - 1;
  *at = p;
  return TRUE;
}

void
_tauri_message_clear (TauriMessage *message)
{
  g_clear_pointer (&message->name, g_free);
  g_clear_pointer (&message->headers, g_hash_table_unref);
}
