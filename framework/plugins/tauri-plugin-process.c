/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdlib.h>

#include "tauri-plugin-process-private.h"

/*
 * Tauri's process plugin (@tauri-apps/plugin-process): exit(code) quits the
 * application, as Tauri's `AppHandle::exit()` does, and the process then
 * ends with that status once GApplication has shut down; relaunch() quits
 * the same way, and starts the same program with the same arguments as it
 * goes.
 */

typedef struct
{
  int    status;
  char **relaunch;     /* the program and its arguments, or NULL */
} Exit;

static void
exit_free (gpointer data,
           GClosure *closure)
{
  Exit *exit_data = data;

  g_strfreev (exit_data->relaunch);
  g_free (exit_data);
}

/* Once the application has shut down. A unique application lets go of its
 * name on the bus first, so that the new instance, started only now, is
 * the primary one rather than a remote of this one as it goes. */
static void
shutdown_cb (GApplication *application,
             gpointer      user_data)
{
  Exit *exit_data = user_data;
  GDBusConnection *bus = g_application_get_dbus_connection (application);
  const char *id = g_application_get_application_id (application);
  g_autoptr(GError) error = NULL;

  if (exit_data->relaunch != NULL && bus != NULL && id != NULL &&
      !(g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE))
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "ReleaseName",
                                                               g_variant_new ("(s)", id), NULL,
                                                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    }

  if (exit_data->relaunch != NULL &&
      !g_spawn_async (NULL, exit_data->relaunch, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    g_printerr ("%s: could not relaunch: %s\n", g_get_prgname (), error->message);

  exit (exit_data->status);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* Answers first, then quits from the main loop: the page gets its answer. */
static void
quit_with_status (TauriInvocation  *invocation,
                  TauriApp         *app,
                  int               status,
                  char            **relaunch)
{
  Exit *exit_data = g_new0 (Exit, 1);

  exit_data->status = status;
  exit_data->relaunch = relaunch;
  g_signal_connect_data (app, "shutdown", G_CALLBACK (shutdown_cb), exit_data, exit_free, G_CONNECT_AFTER);
  tauri_invocation_return_value (invocation, NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT, quit_cb, g_object_ref (app), g_object_unref);
}

static void
process_exit (TauriInvocation *invocation,
              gpointer         user_data)
{
  gint64 code = tauri_invocation_get_int (invocation, "code");

  if (code < G_MININT32 || code > G_MAXINT32)
    {
      tauri_invocation_return_error_message (invocation,
                                             "invalid args `code` for command `exit`: "
                                             "invalid value: integer out of range for i32");
      return;
    }

  quit_with_status (invocation, user_data, (int) code, NULL);
}

/* The arguments the process was started with, from /proc. */
static char **
dup_arguments (GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length = 0;

  if (!g_file_get_contents ("/proc/self/cmdline", &contents, &length, error))
    return NULL;

  for (gsize offset = 0; offset < length; offset += strlen (contents + offset) + 1)
    g_strv_builder_add (builder, contents + offset);

  return g_strv_builder_end (builder);
}

static void
process_restart (TauriInvocation *invocation,
                 gpointer         user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_file_read_link ("/proc/self/exe", &error);
  g_auto(GStrv) arguments = program ? dup_arguments (&error) : NULL;

  if (arguments != NULL && arguments[0] != NULL)
    {
      g_free (arguments[0]);
      arguments[0] = g_steal_pointer (&program);
    }
  else if (error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "failed to read the program’s arguments");

  if (error != NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  quit_with_status (invocation, user_data, 0, g_steal_pointer (&arguments));
}

void
_tauri_plugin_process_register (TauriApp             *app,
                                TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:process|exit", "code: integer",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 process_exit, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:process|restart", NULL,
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 process_restart, app, NULL));
}
