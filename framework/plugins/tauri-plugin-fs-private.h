/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <sys/stat.h>

#include "tauri-plugins-private.h"

G_BEGIN_DECLS

/* Tauri's fs plugin: its commands (tauri-plugin-fs.c, and the open files of
 * tauri-plugin-fs-handle.c), how each path of a call is checked
 * (tauri-plugin-fs-path.c) and the scope it is checked against
 * (tauri-plugin-fs-scope.c). */

void          _tauri_plugin_fs_register        (TauriApp             *app,
                                                TauriCommandRegistry *registry);
void          _tauri_plugin_fs_register_handles (TauriApp            *app,
                                                TauriCommandRegistry *registry);
void          _tauri_plugin_fs_allow_path      (TauriApp             *app,
                                                const char           *path,
                                                gboolean              directory,
                                                gboolean              recursive);

char         *_tauri_plugin_fs_checked_path    (TauriInvocation      *invocation,
                                                TauriApp             *app,
                                                const char           *command,
                                                const char           *argument,
                                                const char           *base_member,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
char         *_tauri_plugin_fs_check_path      (TauriInvocation      *invocation,
                                                TauriApp             *app,
                                                const char           *command,
                                                const char           *key,
                                                const char           *value,
                                                gint64                base_directory,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      _tauri_plugin_fs_member_boolean  (JsonObject           *options,
                                                const char           *member,
                                                gboolean              fallback);
gint64        _tauri_plugin_fs_member_integer  (JsonObject           *options,
                                                const char           *member,
                                                gint64                fallback);
gboolean      _tauri_plugin_fs_option_boolean  (TauriInvocation      *invocation,
                                                const char           *member,
                                                gboolean              fallback);
gint64        _tauri_plugin_fs_option_integer  (TauriInvocation      *invocation,
                                                const char           *member);
void          _tauri_plugin_fs_set_io_error    (GError              **error,
                                                int                   errsv,
                                                const char           *format,
                                                ...) G_GNUC_PRINTF (3, 4);
JsonNode     *_tauri_plugin_fs_file_info       (const struct stat    *info) G_GNUC_WARN_UNUSED_RESULT;

/* Resolves a path variable's number (Tauri's BaseDirectory) to a
 * directory, or NULL. */
typedef char *(* TauriFsDirectoryFunc) (gint64   directory,
                                        gpointer user_data);

/* Allowed and forbidden glob patterns, as Tauri's fs scope has them. */
typedef struct _TauriFsScope TauriFsScope;

TauriFsScope *_tauri_fs_scope_new              (TauriFsDirectoryFunc  directory_func,
                                                gpointer              user_data) G_GNUC_WARN_UNUSED_RESULT;
void          _tauri_fs_scope_free             (TauriFsScope         *self);
gboolean      _tauri_fs_scope_add              (TauriFsScope         *self,
                                                gboolean              deny,
                                                const char           *pattern,
                                                GError              **error);
gboolean      _tauri_fs_scope_add_entries      (TauriFsScope         *self,
                                                JsonNode             *scope,
                                                GError              **error);
gboolean      _tauri_fs_scope_is_allowed       (TauriFsScope         *self,
                                                const char           *path);

gint64        _tauri_fs_base_directory_from_variable (const char     *variable);
gboolean      _tauri_fs_glob_is_valid          (const char           *pattern,
                                                GError              **error);
gboolean      _tauri_fs_glob_matches           (const char           *pattern,
                                                const char           *path);
char         *_tauri_fs_canonicalize           (const char           *path) G_GNUC_WARN_UNUSED_RESULT;
char         *_tauri_fs_escape_glob            (const char           *path) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriFsScope, _tauri_fs_scope_free)

G_END_DECLS
