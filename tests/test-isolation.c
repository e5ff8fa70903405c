/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gio/gio.h>

#include "test-isolation.h"

/* Programs that start WebKit once for all their cases, or start the demo
 * binary, isolate their directories once for the whole program rather than
 * per case as G_TEST_OPTION_ISOLATE_DIRS does: WebKit's processes need a real
 * home. Call before g_test_init(). */
char *
test_isolate_dirs (void)
{
  static const char * const variables[] = {
    "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("tauri-test-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *path = g_build_filename (root, variables[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (variables[i], path, TRUE);
    }

  return root;
}

static void
remove_file_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_file_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  remove_file_tree (file);
}
