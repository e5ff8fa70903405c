/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tauri-app-private.h"
#include "tauri-bindings-private.h"

/*
 * The options every TauriApp understands on its command line (README,
 * "Options every TauriApp understands").
 */

static const GOptionEntry option_entries[] = {
  { "frontend", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use this front end instead of the built-in one"), N_("DIR|URL") },
  { "config", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read this tauri.conf.json over the built-in one"), N_("FILE") },
  { "dev", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Enable the web inspector and print the page’s console on standard error"), NULL },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save a PNG of the main window once its page has settled, then quit"), N_("FILE") },
  { "automation", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Let WebDriver drive the application"), NULL },
  { "print-bindings", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print TypeScript bindings for the commands and exit"), NULL },
  { "print-global-bindings", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print TypeScript bindings that call window.__TAURI__ and exit"), NULL },
  { "print-global-types", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print TypeScript declarations of window.__TAURI__ and exit"), NULL },
  { NULL }
};

/* GApplication translates its main options in the application's domain:
 * these are given already in the library's. */
void
_tauri_app_add_option_entries (TauriApp *self)
{
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];

  for (guint i = 0; i < G_N_ELEMENTS (option_entries); i++)
    {
      entries[i] = option_entries[i];
      if (entries[i].description != NULL)
        entries[i].description = g_dgettext (GETTEXT_PACKAGE, entries[i].description);
      if (entries[i].arg_description != NULL)
        entries[i].arg_description = g_dgettext (GETTEXT_PACKAGE, entries[i].arg_description);
    }

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* What the options of the command line ask, before the application is
 * registered: an exit status when the run ends here, or -1 to go on. */
int
_tauri_app_handle_options (TauriApp     *self,
                           GVariantDict *options)
{
  GApplication *application = G_APPLICATION (self);
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  const char *frontend = NULL;
  const char *screenshot = NULL;
  const char *config = NULL;
  int status;

  /* Before anything that registers the application or needs a display. */
  if ((status = _tauri_bindings_handle_options (self, options)) >= 0)
    return status;

  if (g_variant_dict_lookup (options, "frontend", "&s", &frontend))
    {
      g_autofree char *directory = NULL;

      if (_tauri_app_is_web_url (frontend))
        tauri_app_set_frontend (self, frontend);
      else if (g_file_test (frontend, G_FILE_TEST_IS_DIR))
        {
          /* A path typed on the command line is the current directory's. */
          directory = g_canonicalize_filename (frontend, NULL);
          tauri_app_set_frontend (self, directory);
        }
      else
        {
          g_printerr (_("%s: the front end “%s” is neither a directory nor an http(s) URL\n"),
                      g_get_prgname (), frontend);
          return EXIT_FAILURE;
        }
    }

  if (g_variant_dict_contains (options, "dev"))
    tauri_app_set_developer_mode (self, TRUE);

  /* Read at startup; its identifier is needed before that. */
  if (g_variant_dict_lookup (options, "config", "^&ay", &config))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (config);

      priv->config_path = g_file_get_path (file);
      if (g_application_get_application_id (application) == NULL)
        _tauri_app_peek_identifier (self, file);
    }

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot))
    priv->screenshot_path = g_canonicalize_filename (screenshot, NULL);

  priv->automation = g_variant_dict_contains (options, "automation");

  /* A run that takes a screenshot or is driven by WebDriver must be its own
   * instance, not a request to an instance already running. */
  if (priv->screenshot_path != NULL || priv->automation)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}
