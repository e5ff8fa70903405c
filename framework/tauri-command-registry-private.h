/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-acl-private.h"
#include "tauri-command-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"

G_BEGIN_DECLS

/* Who makes a call. */
typedef struct
{
  TauriWindow     *window;       /* the calling window, or NULL */
  const char      *label;        /* the caller's label, when it is not @window's */
  const char      *remote_uri;   /* NULL for the app's own pages */
  TauriBridgePage *page;         /* where the call's channels send, or NULL */
  GHashTable      *headers;      /* the call's headers, lowercase name → value, or NULL */
} TauriCaller;

/* Starts a call whose arguments are @arguments, @arguments_length bytes of
 * JSON text (none when 0), or the raw bytes @body. */
TauriInvocation *_tauri_command_registry_dispatch              (TauriCommandRegistry  *self,
                                                                const char            *name,
                                                                const TauriCaller     *caller,
                                                                const char            *arguments,
                                                                gsize                  arguments_length,
                                                                GBytes                *body,
                                                                TauriReplyFunc         reply_func,
                                                                gpointer               reply_data,
                                                                GDestroyNotify         reply_destroy);
gboolean         _tauri_command_registry_check_access          (TauriCommandRegistry  *self,
                                                                const char            *name,
                                                                const char            *label,
                                                                const char            *remote_uri,
                                                                char                 **scope,
                                                                GError               **error);
gboolean         _tauri_command_registry_allows_remote         (TauriCommandRegistry  *self,
                                                                const char            *label,
                                                                const char            *uri);
gboolean         _tauri_command_registry_has_remote            (TauriCommandRegistry  *self,
                                                                const char            *label);
gboolean         _tauri_command_registry_load_app_capabilities (TauriCommandRegistry  *self,
                                                                const char            *resource_base_path,
                                                                GError               **error);
void             _tauri_command_registry_resolve_acl           (TauriCommandRegistry  *self);
void             _tauri_command_registry_invalidate_acl        (TauriCommandRegistry  *self);
void             _tauri_command_registry_add_core_permissions  (TauriCommandRegistry  *self);

/* What the files of TauriCommandRegistry share: tauri-command-registry.c
 * (commands and calls), tauri-command-registry-capabilities.c (who may
 * call what) and tauri-command-registry-permissions.c (the permission
 * manifests). */

struct _TauriCommandRegistry
{
  GObject     parent_instance;

  GHashTable *commands;        /* (owned) name → TauriCommand */
  guint       max_depth;
  gsize       max_message_size;
  GPtrArray  *capabilities;    /* (owned) (element-type TauriCapability), in load order */
  GHashTable *manifests;       /* (owned) key → TauriManifest: "core:window", "fs", "" for the app */
  TauriAcl   *acl;             /* (owned) (nullable) resolved from both; NULL until needed again */
  GHashTable *warned;          /* (owned) the ACL warnings given, so each is given once */
  gboolean    deny_all;        /* the app's own capability files failed to load */
  TauriCommandPool *pool;      /* (owned) runs thread handlers */
  gboolean    check_app_commands;
};

G_END_DECLS
