/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-app-private.h"
#include "tauri-plugins-private.h"

/*
 * An application's plugins: which of the built-in ones it has, and the
 * resource table they share with `plugin:resources|close`.
 */

/**
 * tauri_app_get_plugins:
 * @self: an application
 *
 * Gets the built-in plugins the application has; see
 * [property@App:plugins].
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the names
 *   of the plugins, or %NULL for all of them
 *
 * Since: 0.1
 */
const char * const *
tauri_app_get_plugins (TauriApp *self)
{
  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return (const char * const *) _tauri_app_get_private (self)->plugins;
}

/**
 * tauri_app_set_plugins:
 * @self: an application
 * @plugins: (nullable) (array zero-terminated=1): the names of the
 *   built-in plugins the application has, such as `"fs"` and `"store"`, or
 *   %NULL for all of them
 *
 * Chooses the built-in plugins the application has; see
 * [property@App:plugins]. Call it before the application starts: the
 * plugins' commands are registered at startup.
 *
 * Since: 0.1
 */
void
tauri_app_set_plugins (TauriApp           *self,
                       const char * const *plugins)
{
  TauriAppPrivate *priv;

  g_return_if_fail (TAURI_IS_APP (self));

  priv = _tauri_app_get_private (self);

  for (guint i = 0; plugins != NULL && plugins[i] != NULL; i++)
    {
      if (_tauri_plugins_lookup (plugins[i]) == NULL)
        {
          g_critical ("%s: “%s” is not a built-in plugin", G_STRFUNC, plugins[i]);
          return;
        }
    }

  if (priv->plugins == NULL && plugins == NULL)
    return;
  if (priv->plugins != NULL && plugins != NULL &&
      g_strv_equal ((const char * const *) priv->plugins, plugins))
    return;

  g_strfreev (priv->plugins);
  priv->plugins = g_strdupv ((char **) plugins);
  _tauri_app_notify_plugins (self);
}

/* Tauri's `plugin:resources|close`, which Resource.close() sends. */
static void
resources_close (TauriInvocation *invocation,
                 gpointer         user_data)
{
  TauriApp *app = user_data;
  g_autoptr(GError) error = NULL;
  guint32 rid;

  if (!_tauri_plugin_get_rid (invocation, &rid, &error) ||
      !_tauri_resources_close (_tauri_app_get_private (app)->resources, rid, &error))
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_value (invocation, NULL);
}

void
_tauri_app_register_plugins (TauriApp *self)
{
  tauri_command_registry_add (tauri_app_get_registry (self),
                              tauri_command_new ("plugin:resources|close", "rid: integer",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 resources_close, self, NULL));
  _tauri_plugins_register (self);
}
