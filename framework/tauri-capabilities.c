/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-capabilities-private.h"
#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-acl-private.h"
#include "tauri-json-private.h"
#include "tauri-url-pattern-private.h"

/*
 * Capability files in the shape of Tauri v2's
 * (https://v2.tauri.app/reference/acl/capability/, tauri-utils
 * `acl/capability.rs`):
 *
 * - `identifier` (required) and `description`;
 * - `windows` and `webviews`: label patterns with `*` and `?` (a window has
 *   one web view, which bears the window's label);
 * - `permissions` (required): permission identifiers, resolved against the
 *   manifests of the plugins and of the framework's core by tauri-acl.c
 *   (`core:default`, `fs:allow-read-text-file`, `allow-log-message`), or
 *   objects `{"identifier": …, "allow": [...], "deny": [...]}` that give
 *   the permission a scope; tauri-gtk also takes a command's own name
 *   (`log_message`, `plugin:window|close`) and `allow-*` / `deny-*` for
 *   all of the application's own commands;
 * - `local` (default true): whether it applies to the app's own pages;
 * - `remote.urls`: pages of other origins it applies to, as
 *   `SCHEME://HOST[:PORT][/PATH]` with `*` wildcards;
 * - `platforms`: it applies only on the platforms listed.
 *
 * Here a file is only read and checked for its form; which plugin an
 * identifier names is known once the manifests are (tauri-acl.c).
 */

#if defined(G_OS_WIN32)
# define CURRENT_PLATFORM "windows"
#elif defined(__APPLE__)
# define CURRENT_PLATFORM "macOS"
#else
# define CURRENT_PLATFORM "linux"
#endif

static void
entry_free (TauriCapabilityEntry *entry)
{
  g_free (entry->identifier);
  g_clear_pointer (&entry->allow, json_array_unref);
  g_clear_pointer (&entry->deny, json_array_unref);
  g_free (entry);
}

void
_tauri_capability_free (TauriCapability *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->remote_urls, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->identifier);
  g_free (self->file);
  g_free (self);
}

const char *
_tauri_capability_get_identifier (TauriCapability *self)
{
  g_assert (self != NULL);

  return self->identifier;
}

/* Parsing */

/* Whether @text can name a permission: Tauri's identifiers, and the forms
 * tauri-gtk adds for the application's own commands and for host commands
 * by name. */
static gboolean
check_permission (const char  *text,
                  GError     **error)
{
  const char *base = strrchr (text, ':');

  base = base != NULL ? base + 1 : text;

  /* A host command as @tauri-apps/api invokes it: plugin:window|close. */
  if (g_str_has_prefix (text, "plugin:") || strchr (text, '|') != NULL)
    {
      const char *bar = strchr (text, '|');

      if (!g_str_has_prefix (text, "plugin:") || bar == NULL || bar == text + strlen ("plugin:") ||
          bar[1] == '\0' || strchr (bar + 1, '|') != NULL)
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                       "`%s` is not a command name: a plugin’s commands are written `plugin:NAME|COMMAND`",
                       text);
          return FALSE;
        }
      return TRUE;
    }

  if ((g_str_has_prefix (base, "allow-") || g_str_has_prefix (base, "deny-")) &&
      strchr (base, '_') != NULL)
    {
      g_autofree char *dashed = g_strdelimit (g_strdup (text), "_", '-');

      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "`%s`: a permission writes the command’s underscores as dashes: `%s`",
                   text, dashed);
      return FALSE;
    }

  if (g_str_equal (text, "allow-*") || g_str_equal (text, "deny-*") ||
      _tauri_permission_id_is_valid (text))
    return TRUE;

  if (g_str_has_suffix (text, ":allow-*") || g_str_has_suffix (text, ":deny-*"))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_UNSUPPORTED,
                   "`%s`: `allow-*` and `deny-*` only name the application’s own commands", text);
      return FALSE;
    }

  if (strchr (text, ':') == NULL && _tauri_command_is_valid_name (text))
    return TRUE;

  g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
               "`%s` is not a permission: letters, digits and single dashes, with a plugin "
               "prefix before a colon (`fs:allow-read-text-file`), or a command’s name", text);
  return FALSE;
}

static gboolean
parse_labels (TauriCapability  *self,
              JsonObject       *object,
              GError          **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (!_tauri_acl_json_strings (object, "windows", labels, error) ||
      !_tauri_acl_json_strings (object, "webviews", labels, error))
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      if (*label == '\0' || strchr (label, '[') != NULL)
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_UNSUPPORTED,
                       "window pattern “%s”: a label, with `*` and `?` as wildcards", label);
          return FALSE;
        }
      g_ptr_array_add (self->labels, g_pattern_spec_new (label));
    }

  return TRUE;
}

static gboolean
parse_permissions (TauriCapability  *self,
                   JsonObject       *object,
                   GError          **error)
{
  JsonNode *node = _tauri_acl_json_member (object, "permissions");
  JsonArray *array;
  guint length;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "`permissions` must be a list");
      return FALSE;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      TauriCapabilityEntry *entry = g_new0 (TauriCapabilityEntry, 1);
      const char *text = NULL;

      g_ptr_array_add (self->entries, entry);

      if (_tauri_acl_json_is_string (element))
        text = json_node_get_string (element);
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *extended = json_node_get_object (element);
          JsonNode *identifier = _tauri_acl_json_member (extended, "identifier");

          if (identifier != NULL && _tauri_acl_json_is_string (identifier))
            text = json_node_get_string (identifier);

          /* A scope the entry gives its permission, as Tauri's
           * `ExtendedPermission` has it. */
          if (text != NULL &&
              (!_tauri_acl_json_list (extended, "allow", &entry->allow, error) ||
               !_tauri_acl_json_list (extended, "deny", &entry->deny, error)))
            {
              g_prefix_error (error, "permissions[%u]: ", i);
              return FALSE;
            }
        }

      if (text == NULL)
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                       "permissions[%u] must be a string, or an object with an `identifier`", i);
          return FALSE;
        }

      if (!check_permission (text, error))
        {
          g_prefix_error (error, "permissions[%u]: ", i);
          return FALSE;
        }
      entry->identifier = g_strdup (text);
    }

  return TRUE;
}

static gboolean
parse_remote (TauriCapability  *self,
              JsonObject       *object,
              GError          **error)
{
  JsonNode *node = _tauri_acl_json_member (object, "remote");
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node) || _tauri_acl_json_member (json_node_get_object (node), "urls") == NULL)
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "`remote` must be an object with a list of `urls`");
      return FALSE;
    }

  if (!_tauri_acl_json_strings (json_node_get_object (node), "urls", urls, error))
    {
      g_prefix_error (error, "remote: ");
      return FALSE;
    }

  for (guint i = 0; i < urls->len; i++)
    {
      TauriUrlPattern *pattern = _tauri_url_pattern_parse (g_ptr_array_index (urls, i), error);

      if (pattern == NULL)
        {
          g_prefix_error (error, "remote.urls[%u]: ", i);
          return FALSE;
        }
      g_ptr_array_add (self->remote_urls, pattern);
    }

  return TRUE;
}

static gboolean
parse_platforms (TauriCapability  *self,
                 JsonObject       *object,
                 GError          **error)
{
  static const char * const known[] = { "linux", "macOS", "windows", "android", "iOS", NULL };
  g_autoptr(GPtrArray) platforms = g_ptr_array_new ();

  if (!_tauri_acl_json_strings (object, "platforms", platforms, error))
    return FALSE;

  if (_tauri_acl_json_member (object, "platforms") == NULL)
    return TRUE;

  self->active = FALSE;
  for (guint i = 0; i < platforms->len; i++)
    {
      const char *platform = g_ptr_array_index (platforms, i);

      if (!g_strv_contains (known, platform))
        {
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                       "“%s” is not a platform: one of linux, macOS, windows, android or iOS",
                       platform);
          return FALSE;
        }
      if (g_str_equal (platform, CURRENT_PLATFORM))
        self->active = TRUE;
    }

  return TRUE;
}

static gboolean
parse_flags (TauriCapability  *self,
             JsonObject       *object,
             GError          **error)
{
  JsonNode *member;

  if ((member = _tauri_acl_json_member (object, "description")) != NULL && !_tauri_acl_json_is_string (member))
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "`description` must be a string");
      return FALSE;
    }

  if ((member = _tauri_acl_json_member (object, "local")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                               "`local` must be true or false");
          return FALSE;
        }
      self->local = json_node_get_boolean (member);
    }

  return TRUE;
}

static TauriCapability *
parse_capability (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(TauriCapability) self = NULL;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "a capability is an object, not %s", _tauri_json_describe (node));
      return NULL;
    }
  object = json_node_get_object (node);

  member = _tauri_acl_json_member (object, "identifier");
  if (member == NULL || !_tauri_acl_json_is_string (member) || *json_node_get_string (member) == '\0')
    {
      g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                           "a capability needs an `identifier`");
      return NULL;
    }

  self = g_new0 (TauriCapability, 1);
  self->identifier = g_strdup (json_node_get_string (member));
  self->active = TRUE;
  self->local = TRUE;
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_pattern_spec_free);
  self->remote_urls = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_url_pattern_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  if (!parse_flags (self, object, error) ||
      !parse_labels (self, object, error) ||
      !parse_permissions (self, object, error) ||
      !parse_remote (self, object, error) ||
      !parse_platforms (self, object, error))
    {
      g_prefix_error (error, "capability “%s”: ", self->identifier);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* A file holds one capability, a list of them, or {"capabilities": [...]}. */
GPtrArray *
_tauri_capabilities_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GPtrArray) capabilities = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_capability_free);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list = NULL;

  g_assert (data != NULL || length == 0);

  root = _tauri_json_parse (data, length, TAURI_JSON_DEFAULT_MAX_DEPTH, &parse_error);
  if (root == NULL)
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "not a capability file: %s", parse_error->message);
      return NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (root))
    list = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root) &&
           json_object_has_member (json_node_get_object (root), "capabilities"))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), "capabilities");

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error_literal (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                               "`capabilities` must be a list");
          return NULL;
        }
      list = json_node_get_array (member);
    }

  if (list == NULL)
    {
      TauriCapability *capability = parse_capability (root, error);

      if (capability == NULL)
        return NULL;
      g_ptr_array_add (capabilities, capability);
      return g_steal_pointer (&capabilities);
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      TauriCapability *capability = parse_capability (json_array_get_element (list, i), error);

      if (capability == NULL)
        {
          g_prefix_error (error, "capabilities[%u]: ", i);
          return NULL;
        }
      g_ptr_array_add (capabilities, capability);
    }

  return g_steal_pointer (&capabilities);
}

static gboolean
load_file (GFile      *file,
           GPtrArray  *capabilities,
           GError    **error)
{
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  parsed = _tauri_capabilities_parse (contents, length, error);
  if (parsed == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  for (guint i = 0; i < parsed->len; i++)
    {
      TauriCapability *capability = g_ptr_array_index (parsed, i);

      capability->file = g_file_get_basename (file);
    }

  g_ptr_array_extend_and_steal (capabilities, g_steal_pointer (&parsed));
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A directory's `*.json` files, in the order of their names; or one file. */
GPtrArray *
_tauri_capabilities_load (GFile   *file,
                          GError **error)
{
  g_autoptr(GPtrArray) capabilities = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_capability_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_assert (G_IS_FILE (file));

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    return load_file (file, capabilities, error) ? g_steal_pointer (&capabilities) : NULL;

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *child_info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &child_info, NULL, NULL, error))
        return NULL;
      if (child_info == NULL)
        break;

      name = g_file_info_get_name (child_info);
      if (name[0] == '.' || g_file_info_get_file_type (child_info) == G_FILE_TYPE_DIRECTORY)
        continue;

      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
      else if (g_str_has_suffix (name, ".toml") || g_str_has_suffix (name, ".json5"))
        {
          /* Skipping it could skip a deny. */
          g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_UNSUPPORTED,
                       "%s: only JSON capability files are supported", name);
          return NULL;
        }
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_ptr_array_index (names, i));

      if (!load_file (child, capabilities, error))
        return NULL;
    }

  return g_steal_pointer (&capabilities);
}
