/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-acl-private.h"
#include "tauri-command-registry.h"
#include "tauri-json-private.h"

/*
 * Permission manifests, in the JSON form of what the TOML files of a Tauri
 * plugin's `permissions` folder say (tauri-utils `acl/manifest.rs`,
 * `PermissionFile`):
 *
 * ```json
 * {
 *   "default": { "description": "…", "permissions": ["allow-read-text-file", "read-all"] },
 *   "set": [{ "identifier": "read-all", "description": "…", "permissions": ["allow-exists", …] }],
 *   "permission": [{ "identifier": "allow-read-text-file", "description": "…",
 *                    "commands": { "allow": ["read_text_file"], "deny": [] },
 *                    "scope": { "allow": [{ "path": "$APPDATA/notes.json" }], "deny": [] },
 *                    "platforms": ["linux", "macOS"] }]
 * }
 * ```
 *
 * Several files of one plugin add up to one manifest, as Tauri merges a
 * plugin's TOML files; a later permission or set of the same identifier
 * replaces the earlier one. Members Tauri does not read (`$schema`,
 * `version`) are ignored.
 */

#if defined(G_OS_WIN32)
# define CURRENT_PLATFORM "windows"
#elif defined(__APPLE__)
# define CURRENT_PLATFORM "macOS"
#else
# define CURRENT_PLATFORM "linux"
#endif

/* tauri-utils `acl/identifier.rs`: 64 bytes of prefix less `tauri-plugin-`,
 * a colon and 64 bytes of base. */
#define MAX_IDENTIFIER_LENGTH (64 - 13 + 1 + 64)

static void
permission_free (TauriPermission *self)
{
  g_free (self->identifier);
  g_strfreev (self->commands_allow);
  g_strfreev (self->commands_deny);
  g_clear_pointer (&self->scope_allow, json_array_unref);
  g_clear_pointer (&self->scope_deny, json_array_unref);
  g_free (self);
}

static void
permission_set_free (TauriPermissionSet *self)
{
  if (self == NULL)
    return;

  g_free (self->identifier);
  g_strfreev (self->permissions);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriPermissionSet, permission_set_free)

TauriManifest *
_tauri_manifest_new (const char *key)
{
  TauriManifest *self = g_new0 (TauriManifest, 1);

  g_assert (key != NULL);

  self->key = g_strdup (key);
  self->permissions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) permission_free);
  self->sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) permission_set_free);

  return self;
}

void
_tauri_manifest_free (TauriManifest *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->permissions, g_hash_table_unref);
  g_clear_pointer (&self->sets, g_hash_table_unref);
  g_clear_pointer (&self->default_set, permission_set_free);
  g_free (self->key);
  g_free (self);
}

/* Identifiers */

/* Tauri's identifier grammar: ASCII letters and digits, words joined by
 * single dashes, and one colon between a prefix and a base; identifiers
 * of the framework's own modules (`core:window:allow-close`) may have two,
 * the last one separating the base. */
gboolean
_tauri_permission_id_is_valid (const char *identifier)
{
  gboolean core = g_str_has_prefix (identifier, "core:");
  gsize length = strlen (identifier);
  guint colons = 0;
  char previous = ':';

  if (length == 0 || length > MAX_IDENTIFIER_LENGTH || g_str_has_prefix (identifier, "tauri-plugin-"))
    return FALSE;

  for (const char *p = identifier; *p != '\0'; p++)
    {
      if (*p == ':')
        {
          if (previous == '-' || previous == ':' || (++colons > 1 && !core))
            return FALSE;
        }
      else if (*p == '-')
        {
          if (previous == '-' || previous == ':')
            return FALSE;
        }
      else if (!g_ascii_isalnum (*p))
        return FALSE;

      previous = *p;
    }

  return previous != '-' && previous != ':';
}

/* Splits a valid identifier at its last colon: @prefix is NULL when it has
 * none. */
gboolean
_tauri_permission_id_split (const char  *identifier,
                            char       **prefix,
                            const char **base)
{
  const char *colon = strrchr (identifier, ':');

  g_assert (prefix != NULL && base != NULL);

  if (colon == NULL)
    {
      *prefix = NULL;
      *base = identifier;
      return FALSE;
    }

  *prefix = g_strndup (identifier, colon - identifier);
  *base = colon + 1;
  return TRUE;
}

/* The name a page invokes a manifest's command by: `plugin:fs|read_file`,
 * `plugin:window|close` for `core:window`, the command itself for the
 * application's own. */
char *
_tauri_permission_command_name (const char *key,
                                const char *command)
{
  if (key[0] == '\0')
    return g_strdup (command);

  if (g_str_has_prefix (key, "core:"))
    key += strlen ("core:");

  return g_strconcat ("plugin:", key, "|", command, NULL);
}

/* Parsing */

static gboolean
read_strings (JsonObject  *object,
              const char  *name,
              gboolean     required,
              GStrv       *strings,
              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (required && _tauri_acl_json_member (object, name) == NULL)
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "`%s` must be a list of strings", name);
      return FALSE;
    }

  if (!_tauri_acl_json_strings (object, name, list, error))
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (list, i));
  *strings = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
check_identifier (const char  *identifier,
                  gboolean     local,
                  GError     **error)
{
  if (!_tauri_permission_id_is_valid (identifier) || (local && strchr (identifier, ':') != NULL))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "“%s” is not a permission identifier: letters, digits and single dashes%s",
                   identifier, local ? "" : ", with a plugin prefix before a colon");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_set_permissions (JsonObject          *object,
                      TauriPermissionSet  *set,
                      GError             **error)
{
  if (!read_strings (object, "permissions", TRUE, &set->permissions, error))
    return FALSE;

  for (guint i = 0; set->permissions[i] != NULL; i++)
    {
      if (!check_identifier (set->permissions[i], FALSE, error))
        {
          g_prefix_error (error, "permissions[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_description (JsonObject  *object,
                  GError     **error)
{
  JsonNode *node = _tauri_acl_json_member (object, "description");

  if (node != NULL && !_tauri_acl_json_is_string (node))
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "`description` must be a string");
      return FALSE;
    }

  return TRUE;
}

static const char *
read_identifier (JsonObject  *object,
                 GError     **error)
{
  JsonNode *node = _tauri_acl_json_member (object, "identifier");

  if (node == NULL || !_tauri_acl_json_is_string (node))
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "an `identifier` is required");
      return NULL;
    }

  if (!check_identifier (json_node_get_string (node), TRUE, error))
    return NULL;

  return json_node_get_string (node);
}

static TauriPermissionSet *
parse_set (JsonNode  *node,
           gboolean   is_default,
           GError   **error)
{
  g_autoptr(TauriPermissionSet) set = g_new0 (TauriPermissionSet, 1);
  JsonObject *object;
  const char *identifier = "default";

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "a permission set is an object, not %s", _tauri_json_describe (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!is_default && (identifier = read_identifier (object, error)) == NULL)
    return NULL;

  set->identifier = g_strdup (identifier);
  if (!read_description (object, error) || !read_set_permissions (object, set, error))
    {
      g_prefix_error (error, "set “%s”: ", identifier);
      return NULL;
    }

  return g_steal_pointer (&set);
}

static gboolean
read_platforms (JsonObject       *object,
                TauriPermission  *permission,
                GError          **error)
{
  static const char * const known[] = { "linux", "macOS", "windows", "android", "iOS", NULL };
  g_auto(GStrv) platforms = NULL;

  if (_tauri_acl_json_member (object, "platforms") == NULL)
    return TRUE;

  if (!read_strings (object, "platforms", TRUE, &platforms, error))
    return FALSE;

  permission->active = FALSE;
  for (guint i = 0; platforms[i] != NULL; i++)
    {
      if (!g_strv_contains (known, platforms[i]))
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                       "“%s” is not a platform: one of linux, macOS, windows, android or iOS",
                       platforms[i]);
          return FALSE;
        }
      if (g_str_equal (platforms[i], CURRENT_PLATFORM))
        permission->active = TRUE;
    }

  return TRUE;
}

static TauriPermission *
parse_permission (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  TauriPermission *permission;
  JsonObject *object;
  JsonObject *commands = NULL;
  JsonObject *scope = NULL;
  const char *identifier;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "a permission is an object, not %s", _tauri_json_describe (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if ((identifier = read_identifier (object, error)) == NULL)
    return NULL;

  permission = g_new0 (TauriPermission, 1);
  permission->identifier = g_strdup (identifier);
  permission->active = TRUE;

  if ((member = _tauri_acl_json_member (object, "commands")) != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (member))
        commands = json_node_get_object (member);
      else
        g_set_error_literal (&local_error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                             "`commands` must be an object with `allow` and `deny` lists");
    }

  if (local_error == NULL && (member = _tauri_acl_json_member (object, "scope")) != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (member))
        scope = json_node_get_object (member);
      else
        g_set_error_literal (&local_error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                             "`scope` must be an object with `allow` and `deny` lists");
    }

  if (local_error == NULL)
    {
      if (commands != NULL)
        {
          if (read_strings (commands, "allow", FALSE, &permission->commands_allow, &local_error))
            read_strings (commands, "deny", FALSE, &permission->commands_deny, &local_error);
          if (local_error != NULL)
            g_prefix_error (&local_error, "commands: ");
        }
      else
        {
          permission->commands_allow = g_new0 (char *, 1);
          permission->commands_deny = g_new0 (char *, 1);
        }
    }

  if (local_error == NULL && scope != NULL &&
      (!_tauri_acl_json_list (scope, "allow", &permission->scope_allow, &local_error) ||
       !_tauri_acl_json_list (scope, "deny", &permission->scope_deny, &local_error)))
    g_prefix_error (&local_error, "scope: ");

  if (local_error == NULL && read_description (object, &local_error))
    read_platforms (object, permission, &local_error);

  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "permission “%s”: ", identifier);
      permission_free (permission);
      return NULL;
    }

  return permission;
}

static gboolean
parse_list (JsonObject  *root,
            const char  *name,
            GPtrArray   *items,
            gboolean     sets,
            GError     **error)
{
  g_autoptr(JsonArray) array = NULL;

  if (!_tauri_acl_json_list (root, name, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item = sets ? (gpointer) parse_set (element, FALSE, error)
                           : (gpointer) parse_permission (element, error);

      if (item == NULL)
        {
          g_prefix_error (error, "%s[%u]: ", name, i);
          return FALSE;
        }
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/* All of the file, or nothing of it. */
gboolean
_tauri_manifest_add_json (TauriManifest  *self,
                          const char     *data,
                          gsize           length,
                          GError        **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) permission_set_free);
  g_autoptr(GPtrArray) permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) permission_free);
  g_autoptr(TauriPermissionSet) default_set = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *node;

  g_assert (self != NULL);

  root = _tauri_json_parse (data, length, TAURI_JSON_DEFAULT_MAX_DEPTH, &parse_error);
  if (root == NULL)
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "not a permission file: %s", parse_error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "a permission file is an object of `default`, `set` and `permission`, not %s",
                   _tauri_json_describe (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  if ((node = _tauri_acl_json_member (object, "default")) != NULL &&
      (default_set = parse_set (node, TRUE, error)) == NULL)
    return FALSE;

  if (!parse_list (object, "set", sets, TRUE, error) ||
      !parse_list (object, "permission", permissions, FALSE, error))
    return FALSE;

  if (default_set != NULL)
    {
      g_clear_pointer (&self->default_set, permission_set_free);
      self->default_set = g_steal_pointer (&default_set);
    }

  for (guint i = 0; i < sets->len; i++)
    {
      TauriPermissionSet *set = g_ptr_array_index (sets, i);

      g_hash_table_replace (self->sets, set->identifier, set);
    }
  g_ptr_array_set_free_func (sets, NULL);

  for (guint i = 0; i < permissions->len; i++)
    {
      TauriPermission *permission = g_ptr_array_index (permissions, i);

      g_hash_table_replace (self->permissions, permission->identifier, permission);
    }
  g_ptr_array_set_free_func (permissions, NULL);

  return TRUE;
}

/* What Tauri's build generates for each command of a plugin:
 * `allow-<command>` and `deny-<command>`, the underscores written as
 * dashes, and the allow one in the default set when @in_default is set. */
void
_tauri_manifest_add_command (TauriManifest *self,
                             const char    *command,
                             gboolean       in_default)
{
  g_autofree char *slug = g_strdelimit (g_strdup (command), "_", '-');
  const char *commands[] = { command, NULL };
  const char *none[] = { NULL };

  g_assert (self != NULL);

  for (guint deny = 0; deny < 2; deny++)
    {
      TauriPermission *permission = g_new0 (TauriPermission, 1);

      permission->identifier = g_strconcat (deny ? "deny-" : "allow-", slug, NULL);
      permission->commands_allow = g_strdupv ((char **) (deny ? none : commands));
      permission->commands_deny = g_strdupv ((char **) (deny ? commands : none));
      permission->active = TRUE;
      g_hash_table_replace (self->permissions, permission->identifier, permission);
    }

  if (in_default)
    {
      g_autofree char *allow = g_strconcat ("allow-", slug, NULL);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (self->default_set == NULL)
        {
          self->default_set = g_new0 (TauriPermissionSet, 1);
          self->default_set->identifier = g_strdup ("default");
          self->default_set->permissions = g_new0 (char *, 1);
        }

      g_strv_builder_addv (builder, (const char **) self->default_set->permissions);
      g_strv_builder_add (builder, allow);
      g_strfreev (self->default_set->permissions);
      self->default_set->permissions = g_strv_builder_end (builder);
    }
}
