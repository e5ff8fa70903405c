/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The manifest key of the application's own permissions. */
#define TAURI_APP_MANIFEST_KEY ""

/* One permission of a manifest, as the TOML files of a plugin's `permissions`
 * folder write it under `[[permission]]`. */
typedef struct
{
  char      *identifier;
  GStrv      commands_allow;    /* the plugin's own command names */
  GStrv      commands_deny;
  JsonArray *scope_allow;       /* (nullable) */
  JsonArray *scope_deny;        /* (nullable) */
  gboolean   active;            /* on this platform */
} TauriPermission;

/* A named list of permissions: `[[set]]`, and `[default]`. */
typedef struct
{
  char  *identifier;
  GStrv  permissions;           /* local identifiers, or `other:identifier` */
} TauriPermissionSet;

/* What one plugin (or the framework's `core:<module>`, or the application)
 * grants: its permissions and sets by identifier, and its default set. */
typedef struct
{
  char               *key;          /* "fs", "core:window", "core", or "" for the app */
  TauriPermissionSet *default_set;  /* (nullable) */
  GHashTable         *permissions;  /* identifier → TauriPermission */
  GHashTable         *sets;         /* identifier → TauriPermissionSet */
} TauriManifest;

TauriManifest *_tauri_manifest_new          (const char     *key) G_GNUC_WARN_UNUSED_RESULT;
void           _tauri_manifest_free         (TauriManifest  *self);
gboolean       _tauri_manifest_add_json     (TauriManifest  *self,
                                             const char     *data,
                                             gsize           length,
                                             GError        **error);
void           _tauri_manifest_add_command  (TauriManifest  *self,
                                             const char     *command,
                                             gboolean        in_default);

GPtrArray     *_tauri_manifests_new_core    (void) G_GNUC_WARN_UNUSED_RESULT;

gboolean       _tauri_permission_id_is_valid (const char    *identifier);
gboolean       _tauri_permission_id_split    (const char    *identifier,
                                              char         **prefix,
                                              const char   **base);
char          *_tauri_permission_command_name (const char   *key,
                                               const char   *command) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriManifest, _tauri_manifest_free)

G_END_DECLS
