/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-plugin-log-private.h"

/*
 * Tauri's log plugin (@tauri-apps/plugin-log): a page's trace(), debug(),
 * info(), warn() and error() become structured log messages of the domain
 * `webview` (Tauri's target), with the caller's location, file, line and
 * key-values as fields: in the journal when the process logs there, on
 * standard error otherwise (Tauri prints them on standard output, which a
 * GNOME program keeps for its own output). They never go through the application's own
 * fatal-warnings handling: a page's warning is not the program's. Each is
 * also emitted to the pages as the `log://log` event ({message, level}),
 * which attachConsole() and attachLogger() listen to.
 */

/* LogLevel of the JavaScript package: Trace 1 … Error 5. */
static const GLogLevelFlags levels[] = {
  G_LOG_LEVEL_DEBUG, G_LOG_LEVEL_DEBUG, G_LOG_LEVEL_INFO, G_LOG_LEVEL_WARNING, G_LOG_LEVEL_CRITICAL,
};

static const char * const priorities[] = { "7", "7", "6", "4", "3" };

/* A journal field name: capitals, digits and underscores. */
static char *
field_name (const char *key)
{
  GString *name = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) ? g_ascii_toupper (*p) : '_');

  if (name->len == 0 || g_ascii_isdigit (name->str[0]) || name->str[0] == '_')
    g_string_prepend (name, "TAURI_");

  return g_string_free (name, FALSE);
}

static void
log_log (TauriInvocation *invocation,
         gpointer         user_data)
{
  TauriApp *app = user_data;
  gint64 level = tauri_invocation_get_int (invocation, "level");
  const char *message = tauri_invocation_get_string (invocation, "message");
  const char *location = tauri_invocation_get_string (invocation, "location");
  const char *file = tauri_invocation_get_string (invocation, "file");
  JsonNode *key_values = tauri_invocation_get_argument (invocation, "key_values");
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (GLogField));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GLogField field;

  if (level < 1 || level > 5)
    {
      g_autofree char *text = g_strdup_printf ("invalid args `level` for command `log`: "
                                               "invalid value: %" G_GINT64_FORMAT ", expected one of: "
                                               "1, 2, 3, 4, 5", level);

      tauri_invocation_return_error_message (invocation, text);
      return;
    }

#define ADD_FIELD(k, v) \
  G_STMT_START { field.key = (k); field.value = (v); field.length = -1; \
                 g_array_append_val (fields, field); } G_STMT_END

  ADD_FIELD ("MESSAGE", message);
  ADD_FIELD ("PRIORITY", priorities[level - 1]);
  ADD_FIELD ("GLIB_DOMAIN", "webview");
  ADD_FIELD ("CODE_FUNC", location != NULL ? location : "webview");
  if (file != NULL)
    ADD_FIELD ("CODE_FILE", file);
  if (tauri_invocation_has_argument (invocation, "line"))
    {
      line = g_strdup_printf ("%" G_GINT64_FORMAT, tauri_invocation_get_int (invocation, "line"));
      ADD_FIELD ("CODE_LINE", line);
    }

  if (key_values != NULL && JSON_NODE_HOLDS_OBJECT (key_values))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (key_values));
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            continue;
          g_ptr_array_add (names, field_name (key));
          ADD_FIELD (g_ptr_array_index (names, names->len - 1), json_node_get_string (value));
        }
    }

#undef ADD_FIELD

  if (g_log_writer_is_journald (fileno (stderr)))
    g_log_writer_journald (levels[level - 1], (GLogField *) fields->data, fields->len, NULL);
  else
    {
      /* Standard error, whatever the level: standard output is the
       * program's own (TAP, --print-bindings). */
      g_autofree char *text = g_log_writer_format_fields (levels[level - 1], (GLogField *) fields->data,
                                                          fields->len, g_log_writer_supports_color (fileno (stderr)));

      g_printerr ("%s\n", text);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, level);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  tauri_app_emit (app, "log://log", payload);

  tauri_invocation_return_value (invocation, NULL);
}

void
_tauri_plugin_log_register (TauriApp             *app,
                            TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:log|log",
                                                 "level: integer, message: string, location?: string, "
                                                 "file?: string, line?: integer, "
                                                 "key_values?: object",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 log_log, app, NULL));
}
