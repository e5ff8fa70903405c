/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-command-registry-private.h"
#include "tauri-permissions-private.h"

/* The registry's permission manifests: the framework's own (`core`,
 * `core:<module>`), and those plugins and the application load. */

void
_tauri_command_registry_add_core_permissions (TauriCommandRegistry *self)
{
  g_autoptr(GPtrArray) core = _tauri_manifests_new_core ();

  g_assert (TAURI_IS_COMMAND_REGISTRY (self));

  for (guint i = 0; i < core->len; i++)
    {
      TauriManifest *manifest = g_ptr_array_index (core, i);

      g_hash_table_replace (self->manifests, manifest->key, manifest);
    }
  g_ptr_array_set_free_func (core, NULL);
}

/* A plugin's name as Tauri's identifiers write it: `fs`,
 * `clipboard-manager`; never the framework's own `core`. */
static gboolean
check_plugin (const char  *plugin,
              GError     **error)
{
  if (plugin == NULL)
    return TRUE;

  if (!_tauri_permission_id_is_valid (plugin) || strchr (plugin, ':') != NULL ||
      g_str_equal (plugin, "core"))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "“%s” is not a plugin name: letters, digits and single dashes, and not `core`",
                   plugin);
      return FALSE;
    }

  return TRUE;
}

/**
 * tauri_command_registry_load_permissions_from_data:
 * @self: a registry
 * @plugin: (nullable): the plugin's name, as capability files prefix its
 *   permissions (`fs` for `fs:default`), or %NULL for the application's
 *   own permissions, which capability files name without a prefix
 * @data: the text of a permission file, as JSON
 * @length: the length of @data in bytes, or -1 when it ends with a NUL byte
 * @error: return location for an error
 *
 * Loads permissions of a plugin: what the TOML files of a Tauri plugin's
 * `permissions` folder say, written as JSON. An object whose `default` is the default set
 * (`{"description": …, "permissions": [...]}`), whose `set` lists named
 * sets (`{"identifier", "description", "permissions"}`), and whose
 * `permission` lists the permissions, each with the commands it allows or
 * denies and, if it has one, its scope:
 *
 * ```json
 * {
 *   "default": { "permissions": ["allow-read-text-file", "read-all"] },
 *   "set": [{ "identifier": "read-all", "description": "Reads everything",
 *             "permissions": ["allow-read-text-file", "allow-exists"] }],
 *   "permission": [
 *     { "identifier": "allow-read-text-file", "commands": { "allow": ["read_text_file"] } },
 *     { "identifier": "allow-exists", "commands": { "allow": ["exists"] } },
 *     { "identifier": "scope-appdata", "scope": { "allow": [{ "path": "$APPDATA/notes.json" }] } }
 *   ]
 * }
 * ```
 *
 * Identifiers are the plugin's own (`allow-read-text-file`); a capability
 * file names them with the plugin's prefix (`fs:allow-read-text-file`,
 * `fs:default`), and a set may name another plugin's (`fs:default`).
 * Commands are the plugin's own names, called as
 * `plugin:<plugin>|<command>`. Loading several files of one plugin adds
 * them up, as Tauri reads all of a plugin's files; a permission or set
 * loaded again replaces the earlier one.
 *
 * Loading is all or nothing: a malformed file adds nothing, and @error
 * names the member.
 *
 * The framework's own host commands have their manifests already, as
 * Tauri's core has: `core:default` and each `core:<module>:default`, and
 * `core:<module>:allow-<command>` for each of them.
 *
 * Returns: whether the permissions were loaded
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_load_permissions_from_data (TauriCommandRegistry  *self,
                                                   const char            *plugin,
                                                   const char            *data,
                                                   gssize                 length,
                                                   GError               **error)
{
  const char *key = plugin != NULL ? plugin : TAURI_APP_MANIFEST_KEY;
  TauriManifest *manifest;
  gboolean added = FALSE;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_plugin (plugin, error))
    return FALSE;

  if (length < 0)
    length = strlen (data);

  manifest = g_hash_table_lookup (self->manifests, key);
  if (manifest == NULL)
    {
      manifest = _tauri_manifest_new (key);
      added = TRUE;
    }

  if (!_tauri_manifest_add_json (manifest, data, length, error))
    {
      g_prefix_error (error, "permissions of %s: ", plugin != NULL ? plugin : "the application");
      if (added)
        _tauri_manifest_free (manifest);
      return FALSE;
    }

  if (added)
    g_hash_table_insert (self->manifests, manifest->key, manifest);

  _tauri_command_registry_invalidate_acl (self);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * tauri_command_registry_load_permissions_from_resource:
 * @self: a registry
 * @plugin: (nullable): the plugin's name, or %NULL for the application's
 *   own permissions
 * @path: the path of a permission file, or of a folder of them (`*.json`,
 *   loaded in the order of their names), in the application's resources
 * @error: return location for an error
 *
 * Loads permissions of a plugin from the application's resources; see
 * [method@CommandRegistry.load_permissions_from_data].
 *
 * Returns: whether the permissions were loaded
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_load_permissions_from_resource (TauriCommandRegistry  *self,
                                                       const char            *plugin,
                                                       const char            *path,
                                                       GError               **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) children = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL && path[0] == '/', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children == NULL)
    {
      gsize size = 0;
      const char *data;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      data = g_bytes_get_data (bytes, &size);
      if (!tauri_command_registry_load_permissions_from_data (self, plugin, size > 0 ? data : "", size, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; children[i] != NULL; i++)
    {
      if (g_str_has_suffix (children[i], ".json"))
        g_ptr_array_add (names, g_strdup (children[i]));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_path ("/", path, g_ptr_array_index (names, i), NULL);

      if (!tauri_command_registry_load_permissions_from_resource (self, plugin, child, error))
        return FALSE;
    }

  return TRUE;
}
