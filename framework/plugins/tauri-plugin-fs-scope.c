/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>

#include "tauri-plugin-fs-private.h"

/*
 * The fs plugin's scope, as Tauri's (tauri `scope/fs.rs`): patterns that
 * start with a path variable (`$APPDATA` then `/` and `**`; `$HOME` then
 * `/notes/` and `*.md`), matched
 * as the `glob` crate matches them with Tauri's options: `*` and `?` never
 * cross a `/`, `**` is a whole component that spans directories, and no
 * wildcard matches a name's leading dot. A forbidden pattern wins over an
 * allowed one.
 *
 * A path is matched once its symbolic links and `..` are resolved, all of
 * them, including those of a part that does not exist yet: a file created
 * through a link that leads out of the scope is outside it. Each pattern
 * is kept as written and with its existing part resolved the same way, so
 * that `$TEMP` with `**` below it still matches when the temporary
 * directory is a link.
 */

#define MAX_LINKS 40

typedef struct
{
  gboolean  deny;
  char     *pattern;
} Rule;

struct _TauriFsScope
{
  TauriFsDirectoryFunc  directory_func;
  gpointer              user_data;
  GArray               *rules;      /* (element-type Rule) */
};

static void
rule_clear (gpointer data)
{
  g_free (((Rule *) data)->pattern);
}

TauriFsScope *
_tauri_fs_scope_new (TauriFsDirectoryFunc directory_func,
                     gpointer             user_data)
{
  TauriFsScope *self = g_new0 (TauriFsScope, 1);

  self->directory_func = directory_func;
  self->user_data = user_data;
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_array_set_clear_func (self->rules, rule_clear);

  return self;
}

void
_tauri_fs_scope_free (TauriFsScope *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rules);
  g_free (self);
}

/* Tauri's path variables, by BaseDirectory number. */
static const char * const variables[] = {
  NULL, "$AUDIO", "$CACHE", "$CONFIG", "$DATA", "$LOCALDATA", "$DOCUMENT", "$DOWNLOAD", "$PICTURE",
  "$PUBLIC", "$VIDEO", "$RESOURCE", "$TEMP", "$APPCONFIG", "$APPDATA", "$APPLOCALDATA", "$APPCACHE",
  "$APPLOG", "$DESKTOP", "$EXE", "$FONT", "$HOME", "$RUNTIME", "$TEMPLATE",
};

gint64
_tauri_fs_base_directory_from_variable (const char *variable)
{
  for (guint i = 1; i < G_N_ELEMENTS (variables); i++)
    {
      if (g_str_equal (variables[i], variable))
        return i;
    }

  return 0;
}

/* Glob patterns */

/* Whether @pattern[*i] opens a valid `[...]` class; moves *i past it. */
static gboolean
skip_class (const char *pattern,
            gsize      *i)
{
  gsize j = *i + 1;

  if (pattern[j] == '!')
    j++;
  if (pattern[j] == ']')
    j++;
  while (pattern[j] != '\0' && pattern[j] != ']')
    j++;
  if (pattern[j] != ']')
    return FALSE;

  *i = j;
  return TRUE;
}

gboolean
_tauri_fs_glob_is_valid (const char  *pattern,
                         GError     **error)
{
  for (gsize i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == '[' && !skip_class (pattern, &i))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "invalid glob pattern: Pattern syntax error near position %" G_GSIZE_FORMAT
                       ": invalid range pattern", i);
          return FALSE;
        }

      /* `**` must be a component of its own. */
      if (pattern[i] == '*' && pattern[i + 1] == '*' &&
          ((i > 0 && pattern[i - 1] != '/') || (pattern[i + 2] != '\0' && pattern[i + 2] != '/')))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "invalid glob pattern: Pattern syntax error near position %" G_GSIZE_FORMAT
                       ": recursive wildcards must form a single path component", i);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether the class at @pattern (on its `[`) holds @c; *length gets its
 * length. */
static gboolean
class_matches (const char *pattern,
               char        c,
               gsize      *length)
{
  gsize i = 1;
  gboolean negated = FALSE;
  gboolean found = FALSE;

  if (pattern[i] == '!')
    {
      negated = TRUE;
      i++;
    }

  for (gboolean first = TRUE; pattern[i] != '\0' && (first || pattern[i] != ']'); first = FALSE)
    {
      char low = pattern[i];
      char high = low;

      if (pattern[i + 1] == '-' && pattern[i + 2] != ']' && pattern[i + 2] != '\0')
        {
          high = pattern[i + 2];
          i += 3;
        }
      else
        i++;

      if (c >= low && c <= high)
        found = TRUE;
    }

  *length = i + 1;
  return found != negated;
}

/* One component against one pattern component, without `/` in either. */
static gboolean
component_matches (const char *pattern,
                   gsize       pattern_length,
                   const char *name,
                   gsize       name_length,
                   gboolean    at_start)
{
  gsize p = 0, n = 0;
  gsize star_p = G_MAXSIZE, star_n = 0;

  while (n < name_length)
    {
      /* No wildcard takes a leading dot. */
      gboolean dot_guard = at_start && n == 0 && name[0] == '.';

      if (p < pattern_length && pattern[p] == '*' && !dot_guard)
        {
          star_p = ++p;
          star_n = n;
          continue;
        }
      if (p < pattern_length && pattern[p] == '?' && !dot_guard)
        {
          p++, n++;
          continue;
        }
      if (p < pattern_length && pattern[p] == '[' && !dot_guard)
        {
          gsize length;

          if (class_matches (pattern + p, name[n], &length))
            {
              p += length, n++;
              continue;
            }
        }
      else if (p < pattern_length && pattern[p] == name[n] && pattern[p] != '*' && pattern[p] != '?')
        {
          p++, n++;
          continue;
        }

      /* Backtrack: the last `*` takes one more character. */
      if (star_p == G_MAXSIZE)
        return FALSE;
      p = star_p;
      n = ++star_n;
    }

  while (p < pattern_length && pattern[p] == '*')
    p++;

  return p == pattern_length;
}

static gboolean
components_match (char **pattern,
                  char **path)
{
  if (*pattern == NULL)
    return *path == NULL;

  if (g_str_equal (*pattern, "**"))
    {
      /* At the end, `**` takes one component or more; within, any number. */
      gboolean last = pattern[1] == NULL;

      for (char **rest = path; ; rest++)
        {
          if ((!last || rest != path) && components_match (pattern + 1, rest))
            return TRUE;
          if (*rest == NULL || (*rest)[0] == '.')
            return FALSE;
        }
    }

  if (*path == NULL ||
      !component_matches (*pattern, strlen (*pattern), *path, strlen (*path), TRUE))
    return FALSE;

  return components_match (pattern + 1, path + 1);
}

/* Splits on `/`, dropping empty components but the leading one. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i == 0 || *parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

gboolean
_tauri_fs_glob_matches (const char *pattern,
                        const char *path)
{
  g_auto(GStrv) pattern_parts = split_path (pattern);
  g_auto(GStrv) path_parts = split_path (path);

  return components_match (pattern_parts, path_parts);
}

/* The glob crate's Pattern::escape(). */
char *
_tauri_fs_escape_glob (const char *path)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = path; *p != '\0'; p++)
    {
      if (strchr ("?*[]", *p) != NULL)
        g_string_append_printf (escaped, "[%c]", *p);
      else
        g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}

/* Paths */

/* @path made absolute, its links and `..` resolved, including in a part
 * that does not exist (which is then taken as written). */
char *
_tauri_fs_canonicalize (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autoptr(GQueue) pending = g_queue_new ();
  g_autoptr(GString) resolved = g_string_new ("");
  g_auto(GStrv) parts = g_strsplit (absolute, "/", -1);
  gboolean missing = FALSE;
  guint links = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_queue_push_tail (pending, g_strdup (parts[i]));

  while (!g_queue_is_empty (pending))
    {
      g_autofree char *part = g_queue_pop_head (pending);
      gsize before = resolved->len;
      struct stat info;

      if (g_str_equal (part, "."))
        continue;
      if (g_str_equal (part, ".."))
        {
          char *slash = strrchr (resolved->str, '/');

          g_string_truncate (resolved, slash ? (gsize) (slash - resolved->str) : 0);
          continue;
        }

      g_string_append_c (resolved, '/');
      g_string_append (resolved, part);
      if (missing || lstat (resolved->str, &info) != 0)
        {
          missing = TRUE;
          continue;
        }

      if (S_ISLNK (info.st_mode) && links++ < MAX_LINKS)
        {
          g_autofree char *target = g_file_read_link (resolved->str, NULL);
          g_auto(GStrv) target_parts = NULL;

          g_string_truncate (resolved, before);
          if (target == NULL)
            continue;
          if (g_path_is_absolute (target))
            g_string_truncate (resolved, 0);

          target_parts = g_strsplit (target, "/", -1);
          for (int j = (int) g_strv_length (target_parts) - 1; j >= 0; j--)
            if (*target_parts[j] != '\0')
              g_queue_push_head (pending, g_strdup (target_parts[j]));
        }
    }

  if (resolved->len == 0)
    g_string_append_c (resolved, '/');

  return g_string_free (g_steal_pointer (&resolved), FALSE);
}

/* Scope */

/* `$APPDATA/x/` then `**` becomes `/home/u/.local/share/<id>/x/` then
 * `**`; the `..` of a
 * pattern are dropped, as Tauri's PathResolver::parse() drops them. NULL
 * when the variable names a directory that cannot be resolved. */
static char *
expand_pattern (TauriFsScope *self,
                const char   *pattern)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  g_autoptr(GString) expanded = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i == 0 && parts[i][0] == '$' && _tauri_fs_base_directory_from_variable (parts[i]) != 0)
        {
          g_autofree char *directory =
            self->directory_func (_tauri_fs_base_directory_from_variable (parts[i]), self->user_data);

          if (directory == NULL)
            return NULL;
          g_string_append (expanded, directory);
          continue;
        }
      if (g_str_equal (parts[i], ".."))
        continue;
      if (i > 0)
        g_string_append_c (expanded, '/');
      g_string_append (expanded, parts[i]);
    }

  return g_string_free (g_steal_pointer (&expanded), FALSE);
}

/* The pattern with its literal leading part resolved on disk. */
static char *
resolve_pattern_prefix (const char *pattern)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  g_autoptr(GString) prefix = g_string_new (NULL);
  g_autofree char *canonical = NULL;
  guint i;

  for (i = 0; parts[i] != NULL && strpbrk (parts[i], "*?[") == NULL; i++)
    {
      if (i > 0)
        g_string_append_c (prefix, '/');
      g_string_append (prefix, parts[i]);
    }

  if (prefix->len == 0)
    return NULL;

  canonical = _tauri_fs_canonicalize (prefix->str);
  for (; parts[i] != NULL; i++)
    {
      char *longer = g_strconcat (canonical, g_str_has_suffix (canonical, "/") ? "" : "/", parts[i], NULL);

      g_free (canonical);
      canonical = longer;
    }

  return g_steal_pointer (&canonical);
}

static void
add_rule (TauriFsScope *self,
          gboolean      deny,
          char         *pattern)
{
  Rule rule = { deny, pattern };

  g_array_append_val (self->rules, rule);
}

gboolean
_tauri_fs_scope_add (TauriFsScope  *self,
                     gboolean       deny,
                     const char    *pattern,
                     GError       **error)
{
  g_autofree char *expanded = NULL;
  char *resolved;

  g_assert (self != NULL);
  g_assert (pattern != NULL);

  if (!_tauri_fs_glob_is_valid (pattern, error))
    return FALSE;

  expanded = expand_pattern (self, pattern);
  if (expanded == NULL || !g_path_is_absolute (expanded))
    return TRUE;

  resolved = resolve_pattern_prefix (expanded);
  if (resolved != NULL && !g_str_equal (resolved, expanded))
    add_rule (self, deny, resolved);
  else
    g_free (resolved);

  add_rule (self, deny, g_steal_pointer (&expanded));
  return TRUE;
}

/* A scope entry: a pattern, or an object whose `path` is one. */
static gboolean
add_entries (TauriFsScope  *self,
             JsonObject    *scope,
             const char    *member,
             GError       **error)
{
  JsonNode *node = json_object_get_member (scope, member);
  JsonArray *entries;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);
      const char *path = NULL;

      if (JSON_NODE_HOLDS_VALUE (entry) && json_node_get_value_type (entry) == G_TYPE_STRING)
        path = json_node_get_string (entry);
      else if (JSON_NODE_HOLDS_OBJECT (entry))
        path = json_object_get_string_member_with_default (json_node_get_object (entry), "path", NULL);

      if (path != NULL && !_tauri_fs_scope_add (self, g_str_equal (member, "deny"), path, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_tauri_fs_scope_add_entries (TauriFsScope  *self,
                             JsonNode      *scope,
                             GError       **error)
{
  g_assert (self != NULL);

  if (scope == NULL || !JSON_NODE_HOLDS_OBJECT (scope))
    return TRUE;

  return add_entries (self, json_node_get_object (scope), "allow", error) &&
         add_entries (self, json_node_get_object (scope), "deny", error);
}

gboolean
_tauri_fs_scope_is_allowed (TauriFsScope *self,
                            const char   *path)
{
  g_autofree char *canonical = NULL;
  gboolean allowed = FALSE;

  g_assert (self != NULL);
  g_assert (path != NULL);

  canonical = _tauri_fs_canonicalize (path);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = &g_array_index (self->rules, Rule, i);

      if (!_tauri_fs_glob_matches (rule->pattern, canonical))
        continue;
      if (rule->deny)
        return FALSE;
      allowed = TRUE;
    }

  return allowed;
}
