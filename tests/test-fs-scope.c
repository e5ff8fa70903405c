/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include <tauri.h>

#include "tauri-plugin-fs-private.h"

/*
 * The fs plugin's scope, without a web view: Tauri's glob semantics, path
 * variables, `..` and links resolved before matching, deny over allow.
 */

static void
test_glob (void)
{
  const struct { const char *pattern; const char *path; gboolean matches; } cases[] = {
    { "/data/*",          "/data/a.txt",          TRUE },
    { "/data/*",          "/data/sub/a.txt",      FALSE },   /* `*` stops at `/` */
    { "/data/*",          "/data",                FALSE },
    { "/data/**",         "/data/sub/deeper/a",   TRUE },
    { "/data/**",         "/data/a",              TRUE },
    { "/data/**",         "/data",                FALSE },   /* at the end, one component or more */
    { "/data/**/a",       "/data/a",              TRUE },    /* within, any number */
    { "/data/**/a",       "/data/x/y/a",          TRUE },
    { "/data/*",          "/data/.hidden",        FALSE },   /* no wildcard takes a leading dot */
    { "/data/**",         "/data/.git/config",    FALSE },
    { "/data/**",         "/data/x/.env",         FALSE },
    { "/data/.*",         "/data/.hidden",        TRUE },
    { "/data/a.*",        "/data/a.b.c",          TRUE },
    { "/data/?.txt",      "/data/a.txt",          TRUE },
    { "/data/?.txt",      "/data/ab.txt",         FALSE },
    { "/data/[ab].txt",   "/data/b.txt",          TRUE },
    { "/data/[!ab].txt",  "/data/b.txt",          FALSE },
    { "/data/[a-c]*",     "/data/cat",            TRUE },
    { "/data/[*]",        "/data/*",              TRUE },
    { "/data/[*]",        "/data/x",              FALSE },
    { "/data/notes.md",   "/data/notes.md",       TRUE },
    { "/data/notes.md",   "/data/notes.mdx",      FALSE },
    { "/da*/x",           "/data/x",              TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (_tauri_fs_glob_matches (cases[i].pattern, cases[i].path) != cases[i].matches)
        g_error ("%s against %s: expected %s", cases[i].pattern, cases[i].path,
                 cases[i].matches ? "a match" : "no match");
    }
}

static void
test_glob_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (_tauri_fs_glob_is_valid ("/data/a**", &error));
  g_assert_cmpstr (error->message, ==, "invalid glob pattern: Pattern syntax error near position 7: "
                                       "recursive wildcards must form a single path component");
  g_clear_error (&error);
  g_assert_false (_tauri_fs_glob_is_valid ("/data/[ab", &error));
  g_assert_cmpstr (error->message, ==, "invalid glob pattern: Pattern syntax error near position 6: "
                                       "invalid range pattern");
  g_clear_error (&error);
  g_assert_true (_tauri_fs_glob_is_valid ("/data/**/x/[!a-z]*", &error));
  g_assert_no_error (error);
}

static void
test_escape (void)
{
  g_autofree char *escaped = _tauri_fs_escape_glob ("/odd [dir]/what?*");

  g_assert_cmpstr (escaped, ==, "/odd [[]dir[]]/what[?][*]");
  g_assert_true (_tauri_fs_glob_matches (escaped, "/odd [dir]/what?*"));
  g_assert_false (_tauri_fs_glob_matches (escaped, "/odd d/whatx*"));
}

static void
test_variables (void)
{
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("$AUDIO"), ==, 1);
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("$APPDATA"), ==, 14);
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("$HOME"), ==, 21);
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("$TEMPLATE"), ==, 23);
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("$NOPE"), ==, 0);
  g_assert_cmpint (_tauri_fs_base_directory_from_variable ("APPDATA"), ==, 0);
}

typedef struct
{
  char *root;
  char *app_data;
  char *outside;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *escape = NULL;
  g_autofree char *loop = NULL;

  fixture->root = g_dir_make_tmp ("tauri-fs-scope-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->app_data = g_build_filename (fixture->root, "data", "org.example.App", NULL);
  fixture->outside = g_build_filename (fixture->root, "outside", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->app_data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->outside, 0700), ==, 0);

  secret = g_build_filename (fixture->outside, "secret", NULL);
  g_assert_true (g_file_set_contents (secret, "x", -1, NULL));

  /* A link inside that leads out, with `..` in its target. */
  escape = g_build_filename (fixture->app_data, "escape", NULL);
  g_assert_cmpint (symlink ("../../outside", escape), ==, 0);
  loop = g_build_filename (fixture->app_data, "loop", NULL);
  g_assert_cmpint (symlink ("loop", loop), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->app_data);
  g_free (fixture->outside);
}

static char *
directory_cb (gint64   directory,
              gpointer user_data)
{
  Fixture *fixture = user_data;

  if (directory == 14)     /* $APPDATA */
    return g_strdup (fixture->app_data);
  if (directory == 11)     /* $RESOURCE: none here */
    return NULL;
  return g_strdup ("/nonexistent-base");
}

static void
test_canonicalize (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *through = g_build_filename (fixture->app_data, "escape", "secret", NULL);
  g_autofree char *canonical = _tauri_fs_canonicalize (through);
  g_autofree char *new_file = g_build_filename (fixture->app_data, "escape", "new", "file.txt", NULL);
  g_autofree char *new_canonical = _tauri_fs_canonicalize (new_file);
  g_autofree char *real_outside = _tauri_fs_canonicalize (fixture->outside);
  g_autofree char *looped = g_build_filename (fixture->app_data, "loop", NULL);
  g_autofree char *looped_canonical = _tauri_fs_canonicalize (looped);

  /* Through a link, into a file that exists and one that does not yet. */
  g_assert_true (g_str_has_prefix (canonical, real_outside));
  g_assert_true (g_str_has_suffix (canonical, "/outside/secret"));
  g_assert_true (g_str_has_suffix (new_canonical, "/outside/new/file.txt"));
  g_assert_true (g_str_has_prefix (new_canonical, real_outside));

  /* A loop of links ends, and stays where it is. */
  g_assert_true (g_str_has_prefix (looped_canonical, "/"));
  g_assert_false (g_str_has_prefix (looped_canonical, real_outside));

  /* Lexical `..` and `.` of a path that does not exist. */
  {
    g_autofree char *odd = _tauri_fs_canonicalize ("/nonexistent/./a/../b");

    g_assert_cmpstr (odd, ==, "/nonexistent/b");
  }
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TauriFsScope) scope = _tauri_fs_scope_new (directory_cb, fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (fixture->app_data, "notes", "a.txt", NULL);
  g_autofree char *hidden = g_build_filename (fixture->app_data, ".cache", "x", NULL);
  g_autofree char *denied = g_build_filename (fixture->app_data, "private", "key", NULL);
  g_autofree char *through = g_build_filename (fixture->app_data, "escape", "secret", NULL);
  g_autofree char *planted = g_build_filename (fixture->app_data, "escape", "planted", NULL);
  g_autofree char *secret = g_build_filename (fixture->outside, "secret", NULL);

  g_assert_true (_tauri_fs_scope_add (scope, FALSE, "$APPDATA/**", &error));
  g_assert_true (_tauri_fs_scope_add (scope, TRUE, "$APPDATA/private/**", &error));
  /* `..` in a pattern is dropped, as Tauri's path resolver drops it. */
  g_assert_true (_tauri_fs_scope_add (scope, FALSE, "$APPDATA/../../outside/../nope/*", &error));
  /* Unresolvable and unknown variables grant nothing. */
  g_assert_true (_tauri_fs_scope_add (scope, FALSE, "$RESOURCE/**", &error));
  g_assert_true (_tauri_fs_scope_add (scope, FALSE, "$NOPE/**", &error));
  g_assert_no_error (error);

  g_assert_true (_tauri_fs_scope_is_allowed (scope, inside));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, fixture->app_data));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, hidden));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, denied));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, through));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, planted));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, secret));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, "/etc/passwd"));

  g_assert_false (_tauri_fs_scope_add (scope, FALSE, "$APPDATA/a**", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Scope entries as capabilities give them: strings or {path}, allow and
 * deny; and a base directory reached through a link still matches. */
static void
test_scope_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TauriFsScope) scope = _tauri_fs_scope_new (directory_cb, fixture);
  g_autofree char *linked_base = g_build_filename (fixture->root, "linked", NULL);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (fixture->app_data, "a.txt", NULL);
  g_autofree char *denied = g_build_filename (fixture->app_data, "b.txt", NULL);
  g_autofree char *secret = g_build_filename (fixture->outside, "secret", NULL);

  g_assert_cmpint (symlink (fixture->outside, linked_base), ==, 0);
  json = g_strdup_printf ("{\"allow\": [{\"path\": \"$APPDATA/*\"}, \"%s/*\"], \"deny\": [\"$APPDATA/b.txt\"]}",
                          linked_base);
  entries = json_from_string (json, &error);
  g_assert_no_error (error);

  g_assert_true (_tauri_fs_scope_add_entries (scope, entries, &error));
  g_assert_no_error (error);
  g_assert_true (_tauri_fs_scope_is_allowed (scope, inside));
  g_assert_false (_tauri_fs_scope_is_allowed (scope, denied));
  g_assert_true (_tauri_fs_scope_is_allowed (scope, secret));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/FsScope/glob", test_glob);
  g_test_add_func ("/Tauri/FsScope/glob-errors", test_glob_errors);
  g_test_add_func ("/Tauri/FsScope/escape", test_escape);
  g_test_add_func ("/Tauri/FsScope/variables", test_variables);
  g_test_add ("/Tauri/FsScope/canonicalize", Fixture, NULL, fixture_set_up, test_canonicalize, fixture_tear_down);
  g_test_add ("/Tauri/FsScope/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/Tauri/FsScope/entries", Fixture, NULL, fixture_set_up, test_scope_entries, fixture_tear_down);

  return g_test_run ();
}
