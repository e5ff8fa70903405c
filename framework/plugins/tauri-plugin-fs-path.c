/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-builtins-private.h"
#include "tauri-json-private.h"
#include "tauri-plugin-fs-private.h"

/*
 * The paths of the fs plugin's calls, before anything touches them, as
 * Tauri checks them: a path holding `..` is refused as an argument; a
 * file:// URL is read as its path; `options.baseDir` (BaseDirectory) puts
 * a relative path below that directory; then the path, its links
 * resolved, must match the scope (tauri-plugin-fs-scope.c): the
 * capabilities' scope entries, and what the application allowed at run
 * time (a file chosen in a dialog).
 */

/* Paths allowed at run time, as Tauri's `FsExt::fs_scope()`. */
typedef struct
{
  GMutex     mutex;
  GPtrArray *patterns;     /* escaped globs */
} RuntimeScope;

static void
runtime_scope_free (RuntimeScope *scope)
{
  g_ptr_array_unref (scope->patterns);
  g_mutex_clear (&scope->mutex);
  g_free (scope);
}

static RuntimeScope *
runtime_scope (TauriApp *app)
{
  static GMutex creation;
  RuntimeScope *scope;

  g_mutex_lock (&creation);
  scope = g_object_get_data (G_OBJECT (app), "tauri-plugin-fs-scope");
  if (scope == NULL)
    {
      scope = g_new0 (RuntimeScope, 1);
      g_mutex_init (&scope->mutex);
      scope->patterns = g_ptr_array_new_with_free_func (g_free);
      g_object_set_data_full (G_OBJECT (app), "tauri-plugin-fs-scope", scope,
                              (GDestroyNotify) runtime_scope_free);
    }
  g_mutex_unlock (&creation);

  return scope;
}

/* Lets the pages reach @path: a file, or a directory and what it holds
 * (all the way down when @recursive). */
void
_tauri_plugin_fs_allow_path (TauriApp   *app,
                             const char *path,
                             gboolean    directory,
                             gboolean    recursive)
{
  RuntimeScope *scope = runtime_scope (app);
  g_autofree char *escaped = _tauri_fs_escape_glob (path);

  g_mutex_lock (&scope->mutex);
  g_ptr_array_add (scope->patterns, g_strdup (escaped));
  if (directory)
    g_ptr_array_add (scope->patterns,
                     g_strconcat (escaped, g_str_has_suffix (escaped, "/") ? "" : "/",
                                  recursive ? "**" : "*", NULL));
  g_mutex_unlock (&scope->mutex);
}

static char *
directory_cb (gint64   directory,
              gpointer user_data)
{
  return _tauri_builtins_resolve_directory (user_data, directory);
}

static TauriFsScope *
build_scope (TauriInvocation  *invocation,
             TauriApp         *app,
             GError          **error)
{
  g_autoptr(TauriFsScope) scope = _tauri_fs_scope_new (directory_cb, app);
  g_autoptr(JsonNode) entries = tauri_invocation_dup_scope (invocation);
  RuntimeScope *runtime = runtime_scope (app);
  gboolean ok = TRUE;

  g_mutex_lock (&runtime->mutex);
  for (guint i = 0; ok && i < runtime->patterns->len; i++)
    ok = _tauri_fs_scope_add (scope, FALSE, g_ptr_array_index (runtime->patterns, i), error);
  g_mutex_unlock (&runtime->mutex);

  if (!ok || !_tauri_fs_scope_add_entries (scope, entries, error))
    return NULL;

  return g_steal_pointer (&scope);
}

static gboolean
has_parent_component (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return TRUE;
    }

  return FALSE;
}

/* Rust's `{:?}` of a string, as serde quotes it. */
static char *
debug_quote (const char *text)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* The path an argument names, before the scope check: Tauri's
 * SafeFilePath, joined to its base directory. */
static char *
argument_path (TauriApp    *app,
               const char  *command,
               const char  *argument,
               const char  *value,
               gint64       base_directory,
               GError     **error)
{
  g_autofree char *scheme = g_uri_parse_scheme (value);
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;

  if (scheme != NULL && strlen (scheme) > 1)
    {
      path = g_ascii_strcasecmp (scheme, "file") == 0 ? g_filename_from_uri (value, NULL, NULL) : NULL;
      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "URL is not a valid path");
          return NULL;
        }
      return g_steal_pointer (&path);
    }

  if (has_parent_component (value))
    {
      g_autofree char *quoted = debug_quote (value);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "invalid args `%s` for command `%s`: invalid value: string %s, expected Unsafe PathBuf: "
                   "cannot traverse directory, rewrite the path without the use of `../`",
                   argument, command, quoted);
      return NULL;
    }

  if (base_directory == 0 || g_path_is_absolute (value))
    return g_strdup (value);

  base = _tauri_builtins_resolve_directory (app, base_directory);
  if (base == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "unknown path");
      return NULL;
    }

  return *value != '\0' ? g_build_filename (base, value, NULL) : g_steal_pointer (&base);
}

/* A member of an options object, or the fallback when it is missing or
 * of another type. */
gboolean
_tauri_plugin_fs_member_boolean (JsonObject *options,
                                 const char *member,
                                 gboolean    fallback)
{
  JsonNode *node = options ? json_object_get_member (options, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

gint64
_tauri_plugin_fs_member_integer (JsonObject *options,
                                 const char *member,
                                 gint64      fallback)
{
  JsonNode *node = options ? json_object_get_member (options, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

/* The `options` argument, if it is an object. */
static JsonObject *
options_object (TauriInvocation *invocation)
{
  JsonNode *options = tauri_invocation_get_argument (invocation, "options");

  return options && JSON_NODE_HOLDS_OBJECT (options) ? json_node_get_object (options) : NULL;
}

gint64
_tauri_plugin_fs_option_integer (TauriInvocation *invocation,
                                 const char      *member)
{
  return _tauri_plugin_fs_member_integer (options_object (invocation), member, 0);
}

gboolean
_tauri_plugin_fs_option_boolean (TauriInvocation *invocation,
                                 const char      *member,
                                 gboolean         fallback)
{
  return _tauri_plugin_fs_member_boolean (options_object (invocation), member, fallback);
}

/* @value, the path the page gave for the argument @key, joined to its
 * base directory, once it may be used. */
char *
_tauri_plugin_fs_check_path (TauriInvocation  *invocation,
                             TauriApp         *app,
                             const char       *command,
                             const char       *key,
                             const char       *value,
                             gint64            base_directory,
                             GError          **error)
{
  g_autofree char *path = argument_path (app, command, key, value, base_directory, error);
  g_autoptr(TauriFsScope) scope = NULL;

  if (path == NULL)
    return NULL;

  scope = build_scope (invocation, app, error);
  if (scope == NULL)
    return NULL;

  if (!_tauri_fs_scope_is_allowed (scope, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "forbidden path: %s", path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* The checked path of the argument @argument, whose base directory is the
 * option @base_member; NULL with @error set when it may not be used. */
char *
_tauri_plugin_fs_checked_path (TauriInvocation  *invocation,
                               TauriApp         *app,
                               const char       *command,
                               const char       *argument,
                               const char       *base_member,
                               GError          **error)
{
  g_autofree char *key = _tauri_json_camel_case (argument);

  return _tauri_plugin_fs_check_path (invocation, app, command, key, tauri_invocation_get_string (invocation, argument),
                     _tauri_plugin_fs_option_integer (invocation, base_member), error);
}

