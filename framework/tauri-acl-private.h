/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-capabilities-private.h"
#include "tauri-permissions-private.h"

G_BEGIN_DECLS

/* The capabilities' permissions resolved against the manifests, as Tauri's
 * `Resolved` is: which command each capability allows or denies, with
 * which scope, and the global scope of each plugin. Built on the main
 * thread, read there; rebuilt whenever a capability or a manifest is
 * added. */
typedef struct _TauriAcl TauriAcl;

/* What the capabilities say about one call. */
typedef enum
{
  TAURI_ACCESS_NONE,       /* no capability that applies to the caller grants it */
  TAURI_ACCESS_ALLOWED,
  TAURI_ACCESS_DENIED,     /* a capability denies it */
} TauriAccess;

/* @manifests: key → TauriManifest; @warned: the warnings already given,
 * which this adds to. */
TauriAcl    *_tauri_acl_resolve    (GPtrArray    *capabilities,
                                    GHashTable   *manifests,
                                    GHashTable   *warned) G_GNUC_WARN_UNUSED_RESULT;
gboolean     _tauri_acl_validate   (GPtrArray    *capabilities,
                                    GHashTable   *manifests,
                                    GError      **error);
void         _tauri_acl_free       (TauriAcl     *self);
gboolean     _tauri_acl_has_scopes (TauriAcl     *self);
TauriAccess  _tauri_acl_check      (TauriAcl     *self,
                                    const char   *command,
                                    const char   *label,
                                    const char   *remote_uri,
                                    GPtrArray    *grants,
                                    const char  **denied_by);
char        *_tauri_acl_dup_scope  (TauriAcl     *self,
                                    const char   *command,
                                    GPtrArray    *grants) G_GNUC_WARN_UNUSED_RESULT;
TauriManifest *_tauri_acl_lookup_manifest (GHashTable *manifests,
                                           const char *key);

JsonNode    *_tauri_acl_json_member    (JsonObject   *object,
                                        const char   *name);
gboolean     _tauri_acl_json_is_string (JsonNode     *node);
gboolean     _tauri_acl_json_strings   (JsonObject   *object,
                                        const char   *name,
                                        GPtrArray    *strings,
                                        GError      **error);
gboolean     _tauri_acl_json_list      (JsonObject   *object,
                                        const char   *name,
                                        JsonArray   **list,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriAcl, _tauri_acl_free)

G_END_DECLS
