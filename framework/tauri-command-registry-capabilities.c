/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-capabilities-private.h"
#include "tauri-command-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-command-registry.h"
#include "tauri-json-private.h"
#include "tauri-window.h"

/* The registry's capabilities: loading them, and deciding who may call
 * what (see tauri-capabilities.c for the files themselves). */

/**
 * tauri_capability_error_quark:
 *
 * The error domain of the errors met while loading capability files; see
 * [error@CapabilityError].
 *
 * Returns: the %TAURI_CAPABILITY_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (tauri-capability-error-quark, tauri_capability_error)

static gboolean
has_capability (TauriCommandRegistry *self,
                const char           *identifier)
{
  for (guint i = 0; i < self->capabilities->len; i++)
    {
      if (g_str_equal (_tauri_capability_get_identifier (g_ptr_array_index (self->capabilities, i)),
                       identifier))
        return TRUE;
    }

  return FALSE;
}

/* All of @loaded, or none of it. */
static gboolean
add_capabilities (TauriCommandRegistry  *self,
                  GPtrArray             *loaded,
                  GError               **error)
{
  for (guint i = 0; i < loaded->len; i++)
    {
      const char *identifier = _tauri_capability_get_identifier (g_ptr_array_index (loaded, i));
      gboolean twice = has_capability (self, identifier);

      for (guint j = 0; j < i && !twice; j++)
        twice = g_str_equal (identifier, _tauri_capability_get_identifier (g_ptr_array_index (loaded, j)));

      if (twice)
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_DUPLICATE,
                       "capability “%s” is defined twice", identifier);
          return FALSE;
        }
    }

  /* A permission its plugin does not have is an error now; a plugin not
   * loaded (yet) is a warning when the calls are decided. */
  if (!_tauri_acl_validate (loaded, self->manifests, error))
    return FALSE;

  g_ptr_array_extend_and_steal (self->capabilities, g_ptr_array_ref (loaded));
  _tauri_command_registry_invalidate_acl (self);
  return TRUE;
}

/**
 * tauri_command_registry_load_capabilities:
 * @self: a registry
 * @file: a capability file, or a directory of them
 * @error: return location for an error
 *
 * Loads capability files: @file itself, or every `*.json` file in the
 * directory @file, in the order of their names. A file holds one
 * capability, a list of them, or an object whose `capabilities` member is a
 * list of them, as in Tauri.
 *
 * Loading is all or nothing: when a file is malformed, names a permission
 * its plugin does not have, uses a part of the format that is not
 * supported, or names a capability already loaded, none of them is added
 * and @error says which file and which member. A TOML or JSON5 file in the
 * directory is an error too, not skipped. A permission of a plugin whose
 * manifest is not loaded is not an error: it is warned about once, when
 * the calls are first decided, and ignored.
 *
 * Once a capability is loaded, the commands the capabilities decide may be
 * called only as a capability grants them to the calling window; see the
 * class description.
 *
 * Returns: whether the capabilities were loaded
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_load_capabilities (TauriCommandRegistry  *self,
                                          GFile                 *file,
                                          GError               **error)
{
  g_autoptr(GPtrArray) loaded = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = _tauri_capabilities_load (file, error);

  return loaded != NULL && add_capabilities (self, loaded, error);
}

/**
 * tauri_command_registry_load_capabilities_from_resource:
 * @self: a registry
 * @path: the path of a capability file or a folder of them in the
 *   application's resources, such as `/org/example/App/capabilities`
 * @error: return location for an error
 *
 * Loads capability files from the application's resources, as
 * [method@CommandRegistry.load_capabilities] does from the file system.
 *
 * Returns: whether the capabilities were loaded
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_load_capabilities_from_resource (TauriCommandRegistry  *self,
                                                        const char            *path,
                                                        GError               **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL && path[0] == '/', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  uri = g_strconcat ("resource://", escaped, NULL);
  file = g_file_new_for_uri (uri);

  return tauri_command_registry_load_capabilities (self, file, error);
}

/**
 * tauri_command_registry_load_capabilities_from_data:
 * @self: a registry
 * @data: the text of a capability file
 * @length: the length of @data in bytes, or -1 when it ends with a NUL byte
 * @error: return location for an error
 *
 * Loads capabilities from the text of a capability file, like Tauri's
 * `Manager::add_capability()`; see
 * [method@CommandRegistry.load_capabilities].
 *
 * Returns: whether the capabilities were loaded
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_load_capabilities_from_data (TauriCommandRegistry  *self,
                                                    const char            *data,
                                                    gssize                 length,
                                                    GError               **error)
{
  g_autoptr(GPtrArray) loaded = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  loaded = _tauri_capabilities_parse (data, length, error);

  return loaded != NULL && add_capabilities (self, loaded, error);
}

/**
 * tauri_command_registry_list_capabilities:
 * @self: a registry
 *
 * Lists the identifiers of the loaded capabilities, in the order they were
 * loaded in.
 *
 * Returns: (transfer full) (array zero-terminated=1): the identifiers
 *
 * Since: 0.1
 */
char **
tauri_command_registry_list_capabilities (TauriCommandRegistry *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->capabilities->len; i++)
    g_strv_builder_add (builder, _tauri_capability_get_identifier (g_ptr_array_index (self->capabilities, i)));

  return g_strv_builder_end (builder);
}

void
_tauri_command_registry_invalidate_acl (TauriCommandRegistry *self)
{
  g_assert (TAURI_IS_COMMAND_REGISTRY (self));

  g_clear_pointer (&self->acl, _tauri_acl_free);
}

static TauriAcl *
ensure_acl (TauriCommandRegistry *self)
{
  if (self->acl == NULL)
    self->acl = _tauri_acl_resolve (self->capabilities, self->manifests, self->warned);

  return self->acl;
}

/* Resolves the capabilities now, so that what they name and no manifest
 * has is warned about at startup rather than at the first call. */
void
_tauri_command_registry_resolve_acl (TauriCommandRegistry *self)
{
  g_assert (TAURI_IS_COMMAND_REGISTRY (self));

  ensure_acl (self);
}

/* Whether @name is one of the framework's own host commands, which a
 * `core:` manifest names: `plugin:window|close`. */
static gboolean
is_core_command (TauriCommandRegistry *self,
                 const char           *name)
{
  const char *plugin = name + strlen ("plugin:");
  const char *bar = strchr (plugin, '|');
  g_autofree char *key = NULL;

  if (bar == NULL)
    return FALSE;

  key = g_strdup_printf ("core:%.*s", (int) (bar - plugin), plugin);
  return g_hash_table_contains (self->manifests, key);
}

/* Whether the capabilities decide this call at all: as in Tauri, a
 * plugin's commands (`plugin:*`) always, the application's own only when it
 * asks for it; and, in tauri-gtk, every call of a page not the app's own. */
static gboolean
is_checked (TauriCommandRegistry *self,
            const char           *name,
            const char           *remote_uri)
{
  return remote_uri != NULL || self->check_app_commands || g_str_has_prefix (name, "plugin:");
}

/* Whether @label's page may call @name: @remote_uri is NULL for the app's
 * own pages, and the page's URI for any other. @grants, if not NULL, gets
 * the grants that allowed it. */
static gboolean
decide_access (TauriCommandRegistry  *self,
               const char            *name,
               const char            *label,
               const char            *remote_uri,
               GPtrArray             *grants,
               const char           **denied_by)
{
  if (!is_checked (self, name, remote_uri))
    return TRUE;

  /* A capability file of the app's own that failed to load. */
  if (self->deny_all)
    return FALSE;

  /* No capability: the app's own pages may call the framework's host
   * commands, as before capabilities existed; a plugin's commands need a
   * capability, as in Tauri. */
  if (self->capabilities->len == 0)
    return remote_uri == NULL && (!g_str_has_prefix (name, "plugin:") || is_core_command (self, name));

  return _tauri_acl_check (ensure_acl (self), name, label, remote_uri, grants, denied_by) == TAURI_ACCESS_ALLOWED;
}

/* Rejected calls are logged here, and @error gets the text Tauri rejects
 * them with. @scope, if not NULL, gets the scope the capabilities give
 * the call (see tauri_invocation_dup_scope()), or NULL. */
gboolean
_tauri_command_registry_check_access (TauriCommandRegistry  *self,
                                      const char            *name,
                                      const char            *label,
                                      const char            *remote_uri,
                                      char                 **scope,
                                      GError               **error)
{
  g_autoptr(GPtrArray) grants = NULL;
  const char *denied_by = NULL;

  g_assert (TAURI_IS_COMMAND_REGISTRY (self));
  g_assert (name != NULL);

  if (scope != NULL)
    *scope = NULL;

  /* Scopes are rare: only then are the grants collected. */
  if (scope != NULL && self->capabilities->len > 0 && _tauri_acl_has_scopes (ensure_acl (self)))
    grants = g_ptr_array_new ();

  if (grants != NULL && !is_checked (self, name, remote_uri))
    {
      /* Not decided by the capabilities, but they may give it a scope. */
      if (_tauri_acl_check (self->acl, name, label, remote_uri, grants, &denied_by) == TAURI_ACCESS_ALLOWED)
        *scope = _tauri_acl_dup_scope (self->acl, name, grants);
      return TRUE;
    }

  if (decide_access (self, name, label, remote_uri, grants, &denied_by))
    {
      if (grants != NULL)
        *scope = _tauri_acl_dup_scope (self->acl, name, grants);
      return TRUE;
    }

  g_message ("Refused “%s” to window “%s”%s%s: %s%s%s",
             name, label ? label : "",
             remote_uri ? " at " : "", remote_uri ? remote_uri : "",
             denied_by ? "denied by capability “" : "no capability grants it",
             denied_by ? denied_by : "", denied_by ? "”" : "");

  g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_NOT_ALLOWED,
               "Command %s not allowed by ACL", name);
  return FALSE;
}

/**
 * tauri_command_registry_is_allowed:
 * @self: a registry
 * @name: a command name
 * @window_label: (nullable): the label of the calling window
 *
 * Checks whether the application's own page in the window labelled
 * @window_label may call @name, according to the loaded capabilities; see
 * the class description. Whether the command exists does not matter.
 *
 * Returns: whether the call is allowed
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_is_allowed (TauriCommandRegistry *self,
                                   const char           *name,
                                   const char           *window_label)
{
  const char *denied_by = NULL;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return decide_access (self, name, window_label, NULL, NULL, &denied_by);
}

/* Whether a capability lets the page at @uri, not the app's own, call
 * commands in the window labelled @label: the bridge refuses every other
 * foreign page outright. */
gboolean
_tauri_command_registry_allows_remote (TauriCommandRegistry *self,
                                       const char           *label,
                                       const char           *uri)
{
  g_assert (TAURI_IS_COMMAND_REGISTRY (self));
  g_assert (uri != NULL);

  for (guint i = 0; i < self->capabilities->len; i++)
    {
      if (_tauri_capability_allows_remote (g_ptr_array_index (self->capabilities, i), label, uri))
        return TRUE;
    }

  return FALSE;
}

/* Whether a capability lets remote pages call the window @label. */
gboolean
_tauri_command_registry_has_remote (TauriCommandRegistry *self,
                                    const char           *label)
{
  g_assert (TAURI_IS_COMMAND_REGISTRY (self));

  for (guint i = 0; i < self->capabilities->len; i++)
    {
      if (_tauri_capability_has_remote (g_ptr_array_index (self->capabilities, i), label))
        return TRUE;
    }

  return FALSE;
}

/* An application's `capabilities/` resource folder, when it has one. A
 * file that fails to load leaves the registry refusing every call the
 * capabilities decide, rather than allowing every call the file meant to
 * restrict. */
gboolean
_tauri_command_registry_load_app_capabilities (TauriCommandRegistry  *self,
                                               const char            *resource_base_path,
                                               GError               **error)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) children = NULL;

  g_assert (TAURI_IS_COMMAND_REGISTRY (self));

  if (resource_base_path == NULL)
    return TRUE;

  path = g_build_path ("/", resource_base_path, "capabilities", NULL);
  children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children == NULL)
    return TRUE;

  if (!tauri_command_registry_load_capabilities_from_resource (self, path, error))
    {
      self->deny_all = TRUE;
      return FALSE;
    }

  return TRUE;
}

