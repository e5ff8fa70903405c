/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "demo-app.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DemoApp) app = NULL;

  /* The demo's own domain; the library binds its own. */
  setlocale (LC_ALL, "");
  bindtextdomain (DEMO_GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (DEMO_GETTEXT_PACKAGE, "UTF-8");
  textdomain (DEMO_GETTEXT_PACKAGE);

  g_set_application_name (_("tauri-gtk Demo"));

  app = demo_app_new (APP_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
