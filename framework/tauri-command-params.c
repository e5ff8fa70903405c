/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-json-private.h"

/*
 * A command's parameters: the list it declares, read once, and each call's
 * arguments checked against it before the handler runs.
 */

/* Reads the parameter list @text into the command's parameters. */
gboolean
_tauri_command_params_parse (TauriCommand  *self,
                             const char    *text,
                             GError       **error)
{
  const char *cursor = text;

  for (;;)
    {
      g_autofree char *name = NULL;
      TauriParam *param;
      const char *start;

      while (g_ascii_isspace (*cursor))
        cursor++;
      if (*cursor == '\0')
        return TRUE;

      start = cursor;
      while (g_ascii_isalnum (*cursor) || *cursor == '_')
        cursor++;
      name = g_strndup (start, cursor - start);
      if (*name == '\0' || !_tauri_command_is_valid_name (name))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "expected a parameter name at “%s”", start);
          return FALSE;
        }
      if (_tauri_command_find_param (self, name) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "parameter “%s” is declared twice", name);
          return FALSE;
        }

      param = g_new0 (TauriParam, 1);
      g_ptr_array_add (self->params, param);
      param->name = g_steal_pointer (&name);
      param->key = (self->flags & TAURI_COMMAND_FLAGS_SNAKE_CASE)
                 ? g_strdup (param->name)
                 : _tauri_json_camel_case (param->name);

      while (g_ascii_isspace (*cursor))
        cursor++;
      if (*cursor == '?')
        {
          param->optional = TRUE;
          cursor++;
          while (g_ascii_isspace (*cursor))
            cursor++;
        }
      if (*cursor != ':')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "expected “:” and a type after “%s”", param->name);
          return FALSE;
        }
      cursor++;

      param->type = _tauri_type_spec_parse (&cursor, error);
      if (param->type == NULL)
        return FALSE;

      while (g_ascii_isspace (*cursor))
        cursor++;
      if (*cursor == ',')
        cursor++;
      else if (*cursor != '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "expected “,” after the type of “%s”", param->name);
          return FALSE;
        }
    }
}

/* A raw body is the whole of a call's arguments: it fits a command that
 * declares no parameter, or one parameter of type `bytes`. */
gboolean
_tauri_command_params_check_body (TauriCommand  *self,
                                  GError       **error)
{
  const TauriParam *param;

  g_assert (TAURI_IS_COMMAND (self));

  if (self->params->len == 0)
    return TRUE;

  param = g_ptr_array_index (self->params, 0);
  if (self->params->len == 1 && param->type->kind == TAURI_TYPE_SPEC_BYTES)
    return TRUE;

  /* Tauri's text, for the first argument that wanted a value. */
  g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
               "invalid args `%s` for command `%s`: command %s expected a value for key %s "
               "but the IPC call used a bytes payload",
               param->key, self->name, self->name, param->key);
  return FALSE;
}

gboolean
_tauri_command_params_check (TauriCommand  *self,
                             JsonObject    *arguments,
                             GError       **error)
{
  g_assert (TAURI_IS_COMMAND (self));
  g_assert (arguments != NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      const TauriParam *param = g_ptr_array_index (self->params, i);
      JsonNode *argument = json_object_get_member (arguments, param->key);
      g_autoptr(GError) type_error = NULL;

      if (argument == NULL || (JSON_NODE_HOLDS_NULL (argument) && param->optional))
        {
          if (param->optional)
            continue;

          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "invalid args `%s` for command `%s`: command %s missing required key %s",
                       param->key, self->name, self->name, param->key);
          return FALSE;
        }

      if (!_tauri_type_spec_check (param->type, argument, &type_error))
        {
          g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "invalid args `%s` for command `%s`: %s",
                       param->key, self->name, type_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
