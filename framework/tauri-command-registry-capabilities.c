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

  g_ptr_array_extend_and_steal (self->capabilities, g_ptr_array_ref (loaded));
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
 * Loading is all or nothing: when a file is malformed, uses a part of the
 * format that is not supported, or names a capability already loaded, none
 * of them is added and @error says which file and which member. A TOML or
 * JSON5 file in the directory is an error too, not skipped.
 *
 * Once a capability is loaded, only the commands a capability grants to the
 * calling window may be called; see the class description.
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

/* Whether @label's page may call @name: @remote_uri is NULL for the app's
 * own pages, and the page's URI for any other. A deny in any capability
 * that applies wins over every allow. */
static gboolean
decide_access (TauriCommandRegistry  *self,
               const char            *name,
               const char            *label,
               const char            *remote_uri,
               const char           **denied_by)
{
  gboolean allowed = FALSE;

  /* No capability: the app's own pages may call everything, as before. */
  if (self->capabilities->len == 0 && !self->deny_all)
    return remote_uri == NULL;

  for (guint i = 0; i < self->capabilities->len; i++)
    {
      TauriCapability *capability = g_ptr_array_index (self->capabilities, i);

      switch (_tauri_capability_check (capability, name, label, remote_uri))
        {
        case TAURI_ACCESS_ALLOWED:
          allowed = TRUE;
          break;

        case TAURI_ACCESS_DENIED:
          *denied_by = _tauri_capability_get_identifier (capability);
          return FALSE;

        case TAURI_ACCESS_NONE:
        default:
          break;
        }
    }

  return allowed;
}

/* Rejected calls are logged here, and @error gets the text Tauri rejects
 * them with. */
gboolean
_tauri_command_registry_check_access (TauriCommandRegistry  *self,
                                      const char            *name,
                                      const char            *label,
                                      const char            *remote_uri,
                                      GError               **error)
{
  const char *denied_by = NULL;

  g_assert (TAURI_IS_COMMAND_REGISTRY (self));
  g_assert (name != NULL);

  if (decide_access (self, name, label, remote_uri, &denied_by))
    return TRUE;

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
 * @window_label may call @name, according to the loaded capabilities: when
 * none is loaded, every call is allowed. Whether the command exists does
 * not matter.
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

  return decide_access (self, name, window_label, NULL, &denied_by);
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
 * file that fails to load leaves the registry refusing every call, rather
 * than allowing every call the file meant to restrict. */
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

