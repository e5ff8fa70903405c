/* @NAME@: a tauri-gtk application. */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <tauri.h>

#define @UPPER@_TYPE_APP (@SNAKE@_app_get_type ())
G_DECLARE_FINAL_TYPE (@CAMEL@App, @SNAKE@_app, @UPPER@, APP, TauriApp)

struct _@CAMEL@App
{
  TauriApp parent_instance;
};

G_DEFINE_FINAL_TYPE (@CAMEL@App, @SNAKE@_app, TAURI_TYPE_APP)

/* greet (name: string) -> string, on the main thread. */
static void
greet (TauriInvocation *invocation,
       gpointer         user_data)
{
  const char *name = tauri_invocation_get_string (invocation, "name");
  g_autofree char *greeting = g_strdup_printf ("Hello, %s! You’ve been greeted from C!", name);

  tauri_invocation_return_string (invocation, greeting);
}

/* count_words (text: string) -> integer, on a worker thread: the page
 * keeps getting answers while it runs. */
static JsonNode *
count_words (TauriInvocation  *invocation,
             GCancellable     *cancellable,
             gpointer          user_data,
             GError          **error)
{
  g_auto(GStrv) words = g_strsplit_set (tauri_invocation_get_string (invocation, "text"), " \t\n", -1);
  gint64 count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      count++;

  if (count == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "There is no word to count");
      return NULL;
    }

  return json_node_init_int (json_node_alloc (), count);
}

static void
@SNAKE@_app_register_commands (TauriApp             *app,
                               TauriCommandRegistry *registry)
{
  TauriCommand *command;

  command = tauri_command_new ("greet", "name: string", TAURI_COMMAND_FLAGS_NONE, greet, NULL, NULL);
  tauri_command_set_result_type (command, "string");
  tauri_command_registry_add (registry, command);

  command = tauri_command_new_thread ("count_words", "text: string", TAURI_COMMAND_FLAGS_NONE,
                                      count_words, NULL, NULL);
  tauri_command_set_result_type (command, "integer");
  tauri_command_registry_add (registry, command);
}

static void
@SNAKE@_app_class_init (@CAMEL@AppClass *klass)
{
  TAURI_APP_CLASS (klass)->register_commands = @SNAKE@_app_register_commands;
}

static void
@SNAKE@_app_init (@CAMEL@App *self)
{
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(@CAMEL@App) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("@NAME@"));
  app = g_object_new (@UPPER@_TYPE_APP,
                      "application-id", APP_ID,
                      "version", PACKAGE_VERSION,
                      NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
