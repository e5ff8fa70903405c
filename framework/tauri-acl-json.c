/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-acl-private.h"
#include "tauri-command-registry.h"

/* Reading the members of capability and permission files, as serde reads
 * Tauri's: an absent member and a null one both count as missing. */

JsonNode *
_tauri_acl_json_member (JsonObject *object,
                        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

gboolean
_tauri_acl_json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Appends the strings of the list member @name, if any, to @strings; they
 * belong to the JSON tree. */
gboolean
_tauri_acl_json_strings (JsonObject  *object,
                         const char  *name,
                         GPtrArray   *strings,
                         GError     **error)
{
  JsonNode *node = _tauri_acl_json_member (object, name);
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!_tauri_acl_json_is_string (element))
        goto invalid;
      g_ptr_array_add (strings, (gpointer) json_node_get_string (element));
    }

  return TRUE;

invalid:
  g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
               "`%s` must be a list of strings", name);
  return FALSE;
}

/* The list member @name, if any, such as a scope's `allow`. */
gboolean
_tauri_acl_json_list (JsonObject  *object,
                      const char  *name,
                      JsonArray  **list,
                      GError     **error)
{
  JsonNode *node = _tauri_acl_json_member (object, name);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "`%s` must be a list", name);
      return FALSE;
    }

  *list = json_array_ref (json_node_get_array (node));
  return TRUE;
}
