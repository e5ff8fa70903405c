/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <signal.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif

#include <glib/gi18n-lib.h>

#include "tauri-app-config-private.h"
#include "tauri-app-private.h"

/*
 * `tauri dev`'s loop, for `my-app --dev` with a configuration whose
 * `build.devUrl` is set: the windows load the development server; when
 * nothing answers there, `build.beforeDevCommand` is started in the
 * project's directory, in a process group of its own, and the windows open
 * once the server answers. The command's whole group is stopped when the
 * application shuts down.
 */

/* How often the server is asked whether it answers, in ms. */
#define RETRY_INTERVAL 200

typedef struct _TauriDevServer
{
  TauriApp      *app;              /* unowned: the app owns this */
  char          *url;
  GSubprocess   *process;          /* (nullable) the command, leader of its group */
  GSocketClient *client;
  GCancellable  *cancellable;
  guint          retry_id;
  gboolean       ready;
  gboolean       held;
  gboolean       announced;
} TauriDevServer;

static void probe (TauriDevServer *self);

static void
dev_server_free (TauriDevServer *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->process);
  g_free (self->url);
  g_free (self);
}

static void
release (TauriDevServer *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self->app);

  if (self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self->app));
    }

  if (priv->activate_pending)
    {
      priv->activate_pending = FALSE;
      g_application_activate (G_APPLICATION (self->app));
    }
}

static void
ready (TauriDevServer *self)
{
  self->ready = TRUE;
  if (self->process != NULL)
    g_printerr (_("%s: the development server answers at %s\n"), g_get_prgname (), self->url);
  tauri_app_set_frontend (self->app, self->url);
  release (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  TauriDevServer *self = user_data;

  self->retry_id = 0;
  probe (self);
  return G_SOURCE_REMOVE;
}

static void
command_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TauriDevServer *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error))
    return;                                /* cancelled: the app stops it */

  if (self->ready)
    return;

  /* It will never answer: say so, and let the windows show what they can. */
  g_printerr (_("%s: build.beforeDevCommand ended (status %d) before %s answered\n"),
              g_get_prgname (), g_subprocess_get_status (G_SUBPROCESS (object)), self->url);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  release (self);
}

/* In the child: a group of its own, which the app stops as one, and the
 * command's end should the app die first. */
static void
start_command_in_group (gpointer user_data)
{
  setsid ();
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static void
start_command (TauriDevServer *self,
               TauriAppConfig *config)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  g_printerr (_("%s: nothing answers at %s yet; running `%s` in %s and waiting for it…\n"),
              g_get_prgname (), self->url, config->before_dev_command, config->before_dev_cwd);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_cwd (launcher, config->before_dev_cwd);
  g_subprocess_launcher_set_child_setup (launcher, start_command_in_group, NULL, NULL);
  /* What Tauri's CLI tells the command it runs. */
  g_subprocess_launcher_setenv (launcher, "TAURI_ENV_DEBUG", "true", TRUE);
  g_subprocess_launcher_setenv (launcher, "TAURI_ENV_PLATFORM", "linux", TRUE);
  g_subprocess_launcher_setenv (launcher, "TAURI_ENV_FAMILY", "unix", TRUE);

  self->process = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", config->before_dev_command, NULL);
  if (self->process == NULL)
    {
      g_printerr ("%s: build.beforeDevCommand: %s\n", g_get_prgname (), error->message);
      return;
    }

  g_subprocess_wait_async (self->process, self->cancellable, command_exited_cb, self);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  TauriDevServer *self;
  TauriAppConfig *config = NULL;
  TauriAppPrivate *priv;

  connection = g_socket_client_connect_to_uri_finish (G_SOCKET_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (connection != NULL)
    {
      ready (self);
      return;
    }

  priv = _tauri_app_get_private (self->app);
  for (guint i = priv->configs->len; i > 0 && config == NULL; i--)
    {
      TauriAppConfig *candidate = g_ptr_array_index (priv->configs, i - 1);

      if (candidate->dev_url != NULL)
        config = candidate;
    }

  if (!self->announced && config != NULL && config->before_dev_command != NULL)
    start_command (self, config);
  else if (!self->announced)
    g_printerr (_("%s: waiting for a development server at %s (build.beforeDevCommand is not set)…\n"),
                g_get_prgname (), self->url);
  self->announced = TRUE;

  self->retry_id = g_timeout_add (RETRY_INTERVAL, retry_cb, self);
}

static void
probe (TauriDevServer *self)
{
  g_socket_client_connect_to_uri_async (self->client, self->url, 80, self->cancellable, connected_cb, self);
}

gboolean
_tauri_app_start_dev_server (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  TauriDevServer *server;

  g_assert (TAURI_IS_APP (self));
  g_assert (priv->dev_server == NULL);

  for (guint i = priv->configs->len; i > 0; i--)
    {
      TauriAppConfig *config = g_ptr_array_index (priv->configs, i - 1);

      if (config->dev_url == NULL)
        continue;

      server = g_new0 (TauriDevServer, 1);
      server->app = self;
      server->url = g_strdup (config->dev_url);
      server->client = g_socket_client_new ();
      server->cancellable = g_cancellable_new ();
      g_socket_client_set_timeout (server->client, 2);
      priv->dev_server = server;

      /* The windows wait; the application with them. */
      server->held = TRUE;
      g_application_hold (G_APPLICATION (self));
      probe (server);
      return TRUE;
    }

  return FALSE;
}

/* Whether the windows must wait for the server. */
gboolean
_tauri_app_dev_server_pending (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  return priv->dev_server != NULL && priv->dev_server->held;
}

/* Stops the command's whole process group (a package manager and the
 * server it started), gently, then not. */
void
_tauri_app_stop_dev_server (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  TauriDevServer *server = priv->dev_server;

  if (server == NULL)
    return;

  priv->dev_server = NULL;
  g_cancellable_cancel (server->cancellable);

  if (server->process != NULL && g_subprocess_get_identifier (server->process) != NULL)
    {
      pid_t group = (pid_t) g_ascii_strtoll (g_subprocess_get_identifier (server->process), NULL, 10);

      /* GLib's worker reaps the leader, and init the rest, so the group
       * empties once they have all exited. */
      kill (-group, SIGTERM);
      for (guint waited = 0; waited < 50 && kill (-group, 0) == 0; waited++)
        g_usleep (100 * G_TIME_SPAN_MILLISECOND);
      if (kill (-group, 0) == 0)
        kill (-group, SIGKILL);
    }

  if (server->held)
    {
      server->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }
  dev_server_free (server);
}
