/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-acl-private.h"
#include "tauri-command-registry.h"

/*
 * Resolving capabilities against permission manifests, as tauri-utils
 * `acl/resolved.rs` does at build time, and deciding calls against the
 * result, as tauri `ipc/authority.rs` does at run time:
 *
 * - An identifier `prefix:base` is looked up in the manifest of `prefix`
 *   (`fs`, `core:window`, `core`); one without a prefix in the
 *   application's own. `default` is the manifest's default set, a set
 *   stands for its permissions (which may name other plugins':
 *   `fs:default` in a set of `dialog`), a permission for itself.
 * - Each permission's commands are granted (or denied) to the windows of
 *   the capability, with the scope of the permission and of the
 *   capability's entry. A permission without commands adds its scope to
 *   the plugin's global scope instead (`fs:scope`).
 * - A call is allowed when a grant of a capability that applies to the
 *   calling window and page names its command, and no capability denies
 *   it: as in Tauri, a deny refuses the command whatever the window.
 * - The application's own commands also have the permissions Tauri's
 *   build generates for an app manifest, without one being declared:
 *   `allow-<command>` and `deny-<command>` (underscores written as dashes),
 *   and tauri-gtk's `allow-*`, `deny-*` and commands by name.
 *
 * A capability naming a plugin that has no manifest is warned about once,
 * and that entry ignored, rather than the file refused: the application may
 * simply not have that plugin.
 */

/* Sets that include each other would never end. */
#define MAX_SET_DEPTH 16

typedef struct
{
  TauriCapability *capability;       /* owned by the registry, which outlives this */
  JsonArray       *allow;            /* (nullable) */
  JsonArray       *deny;             /* (nullable) */
} TauriAclGrant;

/* A permission of the application's own commands that is a pattern rather
 * than a name: `allow-log-message`, `allow-*`. */
typedef struct
{
  TauriAclGrant  grant;
  gboolean       deny;
  char          *slug;               /* dashes for underscores, or "*" */
} AppRule;

typedef struct
{
  JsonArray *allow;
  JsonArray *deny;
} Scope;

struct _TauriAcl
{
  GHashTable *allowed;               /* command → GPtrArray of TauriAclGrant */
  GHashTable *denied;                /* command → identifier of a capability that denies it */
  GPtrArray  *app_rules;             /* AppRule */
  GHashTable *global;                /* manifest key → Scope */
  gboolean    has_scopes;
};

/* One permission reached from a capability's entry, and its manifest. */
typedef struct
{
  TauriManifest   *manifest;
  TauriPermission *permission;
} Reached;

typedef struct
{
  GHashTable      *manifests;
  GHashTable      *warned;           /* (nullable) when validating */
  TauriCapability *capability;
  gboolean         strict;           /* fail rather than warn */
} Walk;

static void
grant_clear (TauriAclGrant *grant)
{
  g_clear_pointer (&grant->allow, json_array_unref);
  g_clear_pointer (&grant->deny, json_array_unref);
}

static void
grant_free (TauriAclGrant *grant)
{
  grant_clear (grant);
  g_free (grant);
}

static void
app_rule_free (AppRule *rule)
{
  grant_clear (&rule->grant);
  g_free (rule->slug);
  g_free (rule);
}

static void
scope_free (Scope *scope)
{
  json_array_unref (scope->allow);
  json_array_unref (scope->deny);
  g_free (scope);
}

void
_tauri_acl_free (TauriAcl *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->allowed, g_hash_table_unref);
  g_clear_pointer (&self->denied, g_hash_table_unref);
  g_clear_pointer (&self->app_rules, g_ptr_array_unref);
  g_clear_pointer (&self->global, g_hash_table_unref);
  g_free (self);
}

gboolean
_tauri_acl_has_scopes (TauriAcl *self)
{
  g_assert (self != NULL);

  return self->has_scopes;
}

/* A plugin's manifest; `window` stands for `core:window` too, as tauri-gtk
 * has always read it. */
TauriManifest *
_tauri_acl_lookup_manifest (GHashTable *manifests,
                            const char *key)
{
  TauriManifest *manifest = g_hash_table_lookup (manifests, key);

  if (manifest == NULL && key[0] != '\0' && !g_str_has_prefix (key, "core"))
    {
      g_autofree char *core_key = g_strconcat ("core:", key, NULL);

      manifest = g_hash_table_lookup (manifests, core_key);
    }

  return manifest;
}

/* Warns once per capability and subject; fails instead when strict. */
static gboolean
complain (Walk        *walk,
          gboolean     fatal,
          GError     **error,
          const char  *subject,
          const char  *format,
          ...) G_GNUC_PRINTF (5, 6);

static gboolean
complain (Walk        *walk,
          gboolean     fatal,
          GError     **error,
          const char  *subject,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (walk->strict)
    {
      if (!fatal)
        return TRUE;
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
                   "%s%scapability “%s”: %s",
                   walk->capability->file != NULL ? walk->capability->file : "",
                   walk->capability->file != NULL ? ": " : "",
                   _tauri_capability_get_identifier (walk->capability), message);
      return FALSE;
    }

  key = g_strconcat (_tauri_capability_get_identifier (walk->capability), "\037", subject, NULL);
  if (walk->warned != NULL && !g_hash_table_contains (walk->warned, key))
    {
      g_warning ("Capability “%s”: %s", _tauri_capability_get_identifier (walk->capability), message);
      g_hash_table_add (walk->warned, g_steal_pointer (&key));
    }

  return TRUE;
}

static const char *
manifest_name (TauriManifest *manifest)
{
  return manifest->key[0] != '\0' ? manifest->key : "the application";
}

static gboolean reach_name (Walk           *walk,
                            TauriManifest  *manifest,
                            const char     *name,
                            guint           depth,
                            GPtrArray      *reached,
                            GError        **error);

static gboolean
reach_set (Walk                *walk,
           TauriManifest       *manifest,
           TauriPermissionSet  *set,
           guint                depth,
           GPtrArray           *reached,
           GError             **error)
{
  if (depth >= MAX_SET_DEPTH)
    return complain (walk, TRUE, error, set->identifier,
                     "the set %s:%s nests sets deeper than %u levels", manifest_name (manifest),
                     set->identifier, MAX_SET_DEPTH);

  for (guint i = 0; set->permissions[i] != NULL; i++)
    {
      const char *item = set->permissions[i];
      g_autofree char *prefix = NULL;
      const char *base;

      /* A set may include another plugin's permissions. */
      if (_tauri_permission_id_split (item, &prefix, &base))
        {
          TauriManifest *other = _tauri_acl_lookup_manifest (walk->manifests, prefix);

          if (other == NULL)
            {
              if (!complain (walk, FALSE, error, prefix,
                             "the set %s:%s includes `%s`, of the plugin “%s”, which is not loaded",
                             manifest_name (manifest), set->identifier, item, prefix))
                return FALSE;
              continue;
            }

          if (!reach_name (walk, other, base, depth + 1, reached, error))
            return FALSE;
        }
      else if (!reach_name (walk, manifest, item, depth + 1, reached, error))
        return FALSE;
    }

  return TRUE;
}

/* The permissions @name stands for in @manifest: a permission, a set, or
 * the default set. */
static gboolean
reach_name (Walk           *walk,
            TauriManifest  *manifest,
            const char     *name,
            guint           depth,
            GPtrArray      *reached,
            GError        **error)
{
  TauriPermissionSet *set;
  TauriPermission *permission;

  if (g_str_equal (name, "default"))
    return manifest->default_set == NULL ||
           reach_set (walk, manifest, manifest->default_set, depth, reached, error);

  if ((set = g_hash_table_lookup (manifest->sets, name)) != NULL)
    return reach_set (walk, manifest, set, depth, reached, error);

  if ((permission = g_hash_table_lookup (manifest->permissions, name)) != NULL)
    {
      Reached *item = g_new (Reached, 1);

      item->manifest = manifest;
      item->permission = permission;
      g_ptr_array_add (reached, item);
      return TRUE;
    }

  return complain (walk, TRUE, error, name, "`%s` is not a permission of %s",
                   name, manifest_name (manifest));
}

/* Appends @more to the scope list *@list. */
static void
extend (JsonArray **list,
        JsonArray  *more)
{
  if (more == NULL)
    return;

  if (*list == NULL)
    *list = json_array_new ();

  for (guint i = 0; i < json_array_get_length (more); i++)
    json_array_add_element (*list, json_node_copy (json_array_get_element (more, i)));
}

static void
add_grant (GHashTable     *table,
           const char     *command,
           TauriAclGrant  *grant)
{
  GPtrArray *grants = g_hash_table_lookup (table, command);

  if (grants == NULL)
    {
      grants = g_ptr_array_new_with_free_func ((GDestroyNotify) grant_free);
      g_hash_table_insert (table, g_strdup (command), grants);
    }

  g_ptr_array_add (grants, grant);
}

static void
add_global (TauriAcl      *self,
            const char    *key,
            TauriAclGrant *scope_of)
{
  Scope *scope = g_hash_table_lookup (self->global, key);

  if (scope_of->allow == NULL && scope_of->deny == NULL)
    return;

  if (scope == NULL)
    {
      scope = g_new0 (Scope, 1);
      scope->allow = json_array_new ();
      scope->deny = json_array_new ();
      g_hash_table_insert (self->global, g_strdup (key), scope);
    }

  extend (&scope->allow, scope_of->allow);
  extend (&scope->deny, scope_of->deny);
  self->has_scopes = TRUE;
}

/* One permission reached from @entry: its commands to the tables, or its
 * scope to the global one. */
static void
apply_permission (TauriAcl             *self,
                  TauriCapability      *capability,
                  TauriCapabilityEntry *entry,
                  Reached              *reached)
{
  TauriPermission *permission = reached->permission;
  const char *key = reached->manifest->key;
  TauriAclGrant scope = { capability, NULL, NULL };

  if (!permission->active)
    return;

  extend (&scope.allow, entry->allow);
  extend (&scope.allow, permission->scope_allow);
  extend (&scope.deny, entry->deny);
  extend (&scope.deny, permission->scope_deny);

  if (permission->commands_allow[0] == NULL && permission->commands_deny[0] == NULL)
    {
      add_global (self, key, &scope);
      grant_clear (&scope);
      return;
    }

  if (scope.allow != NULL || scope.deny != NULL)
    self->has_scopes = TRUE;

  for (guint i = 0; permission->commands_allow[i] != NULL; i++)
    {
      g_autofree char *command = _tauri_permission_command_name (key, permission->commands_allow[i]);
      TauriAclGrant *grant = g_new0 (TauriAclGrant, 1);

      grant->capability = capability;
      grant->allow = scope.allow != NULL ? json_array_ref (scope.allow) : NULL;
      grant->deny = scope.deny != NULL ? json_array_ref (scope.deny) : NULL;
      add_grant (self->allowed, command, grant);
    }

  for (guint i = 0; permission->commands_deny[i] != NULL; i++)
    {
      g_autofree char *command = _tauri_permission_command_name (key, permission->commands_deny[i]);

      if (!g_hash_table_contains (self->denied, command))
        g_hash_table_insert (self->denied, g_strdup (command), (gpointer) _tauri_capability_get_identifier (capability));
    }

  grant_clear (&scope);
}

/* tauri-gtk's forms for the application's own commands, where its
 * manifest (if any) has no such permission. */
static void
apply_app_form (TauriAcl             *self,
                TauriCapability      *capability,
                TauriCapabilityEntry *entry)
{
  const char *text = entry->identifier;
  TauriAclGrant *grant = NULL;
  gboolean deny = g_str_has_prefix (text, "deny-");

  if (entry->allow != NULL || entry->deny != NULL)
    self->has_scopes = TRUE;

  if (deny || g_str_has_prefix (text, "allow-"))
    {
      AppRule *rule = g_new0 (AppRule, 1);

      rule->deny = deny;
      rule->slug = g_strdup (text + (deny ? strlen ("deny-") : strlen ("allow-")));
      rule->grant.capability = capability;
      rule->grant.allow = entry->allow != NULL ? json_array_ref (entry->allow) : NULL;
      rule->grant.deny = entry->deny != NULL ? json_array_ref (entry->deny) : NULL;
      g_ptr_array_add (self->app_rules, rule);
      return;
    }

  /* A command by its own name: `log_message`, `plugin:window|close`. */
  grant = g_new0 (TauriAclGrant, 1);
  grant->capability = capability;
  grant->allow = entry->allow != NULL ? json_array_ref (entry->allow) : NULL;
  grant->deny = entry->deny != NULL ? json_array_ref (entry->deny) : NULL;
  add_grant (self->allowed, text, grant);
}

/* The manifest and name @entry's identifier names; FALSE (after a warning
 * or an error) when its plugin is not loaded. */
static gboolean
find_manifest (Walk                  *walk,
               TauriCapabilityEntry  *entry,
               TauriManifest        **manifest,
               char                 **name,
               GError               **error)
{
  g_autofree char *prefix = NULL;
  const char *base;

  *manifest = NULL;
  *name = NULL;

  if (g_str_has_prefix (entry->identifier, "plugin:"))
    return TRUE;

  if (!_tauri_permission_id_split (entry->identifier, &prefix, &base))
    {
      TauriManifest *app = g_hash_table_lookup (walk->manifests, TAURI_APP_MANIFEST_KEY);

      if (app != NULL &&
          (g_hash_table_contains (app->permissions, base) || g_hash_table_contains (app->sets, base) ||
           (g_str_equal (base, "default") && app->default_set != NULL)))
        {
          *manifest = app;
          *name = g_strdup (base);
        }
      else if (g_str_equal (base, "default"))
        {
          complain (walk, FALSE, error, "default",
                    "`default` names the application’s own default permissions, and it "
                    "declares none: it is ignored");
          return FALSE;
        }
      return TRUE;
    }

  *manifest = _tauri_acl_lookup_manifest (walk->manifests, prefix);
  if (*manifest == NULL)
    {
      complain (walk, FALSE, error, prefix,
                "the plugin “%s” is not loaded: its permissions (`%s`) are ignored",
                prefix, entry->identifier);
      return FALSE;
    }

  *name = g_strdup (base);
  return TRUE;
}

/* Walks every entry of @capabilities through the manifests: into @self,
 * or, when @self is NULL, only to validate them (strictly). */
static gboolean
walk_capabilities (TauriAcl    *self,
                   GPtrArray   *capabilities,
                   GHashTable  *manifests,
                   GHashTable  *warned,
                   GError     **error)
{
  for (guint i = 0; i < capabilities->len; i++)
    {
      TauriCapability *capability = g_ptr_array_index (capabilities, i);
      Walk walk = { manifests, warned, capability, self == NULL };

      if (self != NULL && !capability->active)
        continue;

      for (guint j = 0; j < capability->entries->len; j++)
        {
          TauriCapabilityEntry *entry = g_ptr_array_index (capability->entries, j);
          g_autoptr(GPtrArray) reached = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *name = NULL;
          TauriManifest *manifest;

          if (!find_manifest (&walk, entry, &manifest, &name, error))
            continue;

          if (manifest == NULL)
            {
              if (self != NULL)
                apply_app_form (self, capability, entry);
              continue;
            }

          if (!reach_name (&walk, manifest, name, 0, reached, error))
            return FALSE;

          for (guint k = 0; self != NULL && k < reached->len; k++)
            apply_permission (self, capability, entry, g_ptr_array_index (reached, k));
        }
    }

  return TRUE;
}

TauriAcl *
_tauri_acl_resolve (GPtrArray  *capabilities,
                    GHashTable *manifests,
                    GHashTable *warned)
{
  TauriAcl *self = g_new0 (TauriAcl, 1);

  self->allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->denied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->app_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) app_rule_free);
  self->global = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) scope_free);

  /* Never fails: what is wrong is warned about and left out. */
  walk_capabilities (self, capabilities, manifests, warned, NULL);

  return self;
}

/* At load time: what can be told wrong with the manifests known now (a
 * permission that its plugin does not have) is an error; what may come
 * right once other plugins are loaded is left to the warnings of
 * _tauri_acl_resolve(). */
gboolean
_tauri_acl_validate (GPtrArray   *capabilities,
                     GHashTable  *manifests,
                     GError     **error)
{
  return walk_capabilities (NULL, capabilities, manifests, NULL, error);
}

/* Whether @slug, with dashes, stands for the command @name, with
 * underscores. */
static gboolean
slug_matches (const char *slug,
              const char *name)
{
  if (g_str_equal (slug, "*"))
    return TRUE;

  for (; *slug != '\0' && *name != '\0'; slug++, name++)
    {
      if (*slug != (*name == '_' ? '-' : *name))
        return FALSE;
    }

  return *slug == '\0' && *name == '\0';
}

TauriAccess
_tauri_acl_check (TauriAcl    *self,
                  const char  *command,
                  const char  *label,
                  const char  *remote_uri,
                  GPtrArray   *grants,
                  const char **denied_by)
{
  gboolean app_command = !g_str_has_prefix (command, "plugin:");
  gboolean allowed = FALSE;
  GPtrArray *candidates;

  g_assert (self != NULL);
  g_assert (command != NULL);

  /* As in Tauri, a deny refuses the command in every window. */
  if ((*denied_by = g_hash_table_lookup (self->denied, command)) != NULL)
    return TAURI_ACCESS_DENIED;

  for (guint i = 0; app_command && i < self->app_rules->len; i++)
    {
      AppRule *rule = g_ptr_array_index (self->app_rules, i);

      if (rule->deny && slug_matches (rule->slug, command))
        {
          *denied_by = _tauri_capability_get_identifier (rule->grant.capability);
          return TAURI_ACCESS_DENIED;
        }
    }

  candidates = g_hash_table_lookup (self->allowed, command);
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      TauriAclGrant *grant = g_ptr_array_index (candidates, i);

      if (_tauri_capability_applies_to (grant->capability, label, remote_uri))
        {
          allowed = TRUE;
          if (grants != NULL)
            g_ptr_array_add (grants, grant);
        }
    }

  for (guint i = 0; app_command && i < self->app_rules->len; i++)
    {
      AppRule *rule = g_ptr_array_index (self->app_rules, i);

      if (!rule->deny && slug_matches (rule->slug, command) &&
          _tauri_capability_applies_to (rule->grant.capability, label, remote_uri))
        {
          allowed = TRUE;
          if (grants != NULL)
            g_ptr_array_add (grants, &rule->grant);
        }
    }

  return allowed ? TAURI_ACCESS_ALLOWED : TAURI_ACCESS_NONE;
}

/* The scope of a call that @grants allowed, as JSON text
 * `{"allow": [...], "deny": [...]}`: the scopes of those grants (Tauri's
 * `CommandScope`) and the global scope of the command's plugin (its
 * `GlobalScope`); NULL when both are empty. */
char *
_tauri_acl_dup_scope (TauriAcl   *self,
                      const char *command,
                      GPtrArray  *grants)
{
  g_autoptr(JsonArray) allow = json_array_new ();
  g_autoptr(JsonArray) deny = json_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *key = NULL;
  Scope *global;

  g_assert (self != NULL);

  for (guint i = 0; grants != NULL && i < grants->len; i++)
    {
      TauriAclGrant *grant = g_ptr_array_index (grants, i);

      extend (&allow, grant->allow);
      extend (&deny, grant->deny);
    }

  if (g_str_has_prefix (command, "plugin:"))
    {
      const char *plugin = command + strlen ("plugin:");
      const char *bar = strchr (plugin, '|');

      key = g_strndup (plugin, bar != NULL ? (gsize) (bar - plugin) : strlen (plugin));
    }
  else
    key = g_strdup (TAURI_APP_MANIFEST_KEY);

  global = g_hash_table_lookup (self->global, key);
  if (global == NULL && key[0] != '\0')
    {
      g_autofree char *core_key = g_strconcat ("core:", key, NULL);

      global = g_hash_table_lookup (self->global, core_key);
    }
  if (global != NULL)
    {
      extend (&allow, global->allow);
      extend (&deny, global->deny);
    }

  if (json_array_get_length (allow) == 0 && json_array_get_length (deny) == 0)
    return NULL;

  json_object_set_array_member (object, "allow", g_steal_pointer (&allow));
  json_object_set_array_member (object, "deny", g_steal_pointer (&deny));
  root = json_node_init_object (json_node_alloc (), object);

  return json_to_string (root, FALSE);
}
