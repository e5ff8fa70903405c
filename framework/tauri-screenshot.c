/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-bridge-private.h"
#include "tauri-screenshot-private.h"
#include "tauri-window-private.h"

/*
 * --screenshot: wait until the page has loaded and settled, then save a PNG
 * of the web view. Settled means no load in progress and no command call
 * waiting for an answer for a while, then web fonts loaded and two frames
 * painted.
 */

#define POLL_INTERVAL_MS 100
#define QUIET_POLLS      3
#define GIVE_UP_POLLS    300

typedef struct
{
  char  *path;
  guint  poll_source;
  guint  polls;
  guint  quiet_polls;
} Screenshot;

static void
screenshot_free (Screenshot *screenshot)
{
  g_clear_handle_id (&screenshot->poll_source, g_source_remove);
  g_free (screenshot->path);
  g_free (screenshot);
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Screenshot *screenshot = g_task_get_task_data (task);
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;

  texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!gdk_texture_save_to_png (texture, screenshot->path))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "Could not write the screenshot to %s", screenshot->path);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
painted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  /* A page that breaks the script still gets its picture taken. */
  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (error != NULL)
    g_debug ("Waiting for the page to paint failed: %s", error->message);

  webkit_web_view_get_snapshot (WEBKIT_WEB_VIEW (object),
                                WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                g_task_get_cancellable (task),
                                snapshot_cb,
                                g_object_ref (task));
}

static gboolean
poll_cb (gpointer user_data)
{
  GTask *task = user_data;
  Screenshot *screenshot = g_task_get_task_data (task);
  TauriWindow *window = g_task_get_source_object (task);
  WebKitWebView *web_view = tauri_window_get_web_view (window);
  gboolean busy;

  if (web_view == NULL)
    {
      screenshot->poll_source = 0;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               "The window closed before its screenshot was taken");
      return G_SOURCE_REMOVE;
    }

  busy = webkit_web_view_is_loading (web_view) ||
         _tauri_bridge_get_n_pending (_tauri_window_get_bridge (window)) > 0;
  screenshot->quiet_polls = busy ? 0 : screenshot->quiet_polls + 1;

  if (screenshot->quiet_polls < QUIET_POLLS && ++screenshot->polls < GIVE_UP_POLLS)
    return G_SOURCE_CONTINUE;

  screenshot->poll_source = 0;
  webkit_web_view_call_async_javascript_function (web_view,
                                                  "await document.fonts.ready;\n"
                                                  "await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));\n"
                                                  "return true;",
                                                  -1, NULL, TAURI_BRIDGE_WORLD, NULL,
                                                  g_task_get_cancellable (task),
                                                  painted_cb, g_object_ref (task));
  return G_SOURCE_REMOVE;
}

void
_tauri_screenshot_save_async (TauriWindow         *window,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Screenshot *screenshot;

  g_assert (TAURI_IS_WINDOW (window));
  g_assert (path != NULL);

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, _tauri_screenshot_save_async);

  screenshot = g_new0 (Screenshot, 1);
  screenshot->path = g_strdup (path);
  g_task_set_task_data (task, screenshot, (GDestroyNotify) screenshot_free);
  screenshot->poll_source = g_timeout_add_full (G_PRIORITY_DEFAULT, POLL_INTERVAL_MS, poll_cb,
                                                g_object_ref (task), g_object_unref);
}

gboolean
_tauri_screenshot_save_finish (TauriWindow   *window,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_assert (TAURI_IS_WINDOW (window));
  g_assert (g_task_is_valid (result, window));

  return g_task_propagate_boolean (G_TASK (result), error);
}
