/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"

G_BEGIN_DECLS

/* @window is the calling window, if any; @caller_label its label, or the
 * caller's when there is no window (NULL: the window's); @remote_uri NULL for
 * the app's own pages, or the URI of any other page the call comes from. */
TauriInvocation *_tauri_command_registry_dispatch              (TauriCommandRegistry  *self,
                                                                const char            *name,
                                                                const char            *arguments_json,
                                                                gsize                  arguments_length,
                                                                TauriWindow           *window,
                                                                const char            *caller_label,
                                                                const char            *remote_uri,
                                                                TauriReplyFunc         reply_func,
                                                                gpointer               reply_data,
                                                                GDestroyNotify         reply_destroy);
TauriInvocation *_tauri_command_registry_dispatch_body         (TauriCommandRegistry  *self,
                                                                const char            *name,
                                                                GBytes                *body,
                                                                TauriWindow           *window,
                                                                const char            *caller_label,
                                                                const char            *remote_uri,
                                                                TauriReplyFunc         reply_func,
                                                                gpointer               reply_data,
                                                                GDestroyNotify         reply_destroy);
gboolean         _tauri_command_registry_check_access          (TauriCommandRegistry  *self,
                                                                const char            *name,
                                                                const char            *label,
                                                                const char            *remote_uri,
                                                                GError               **error);
gboolean         _tauri_command_registry_allows_remote         (TauriCommandRegistry  *self,
                                                                const char            *label,
                                                                const char            *uri);
gboolean         _tauri_command_registry_has_remote            (TauriCommandRegistry  *self,
                                                                const char            *label);
gboolean         _tauri_command_registry_load_app_capabilities (TauriCommandRegistry  *self,
                                                                const char            *resource_base_path,
                                                                GError               **error);

/* What the files of TauriCommandRegistry share: tauri-command-registry.c
 * (commands and calls) and tauri-command-registry-capabilities.c (who may
 * call what). */

struct _TauriCommandRegistry
{
  GObject     parent_instance;

  GHashTable *commands;        /* (owned) name → TauriCommand */
  guint       max_depth;
  gsize       max_message_size;
  GPtrArray  *capabilities;    /* (owned) (element-type TauriCapability), in load order */
  gboolean    deny_all;        /* the app's own capability files failed to load */
};

G_END_DECLS
