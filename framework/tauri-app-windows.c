/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-config-private.h"
#include "tauri-app-private.h"
#include "tauri-events-private.h"
#include "tauri-window-private.h"

/*
 * An application's windows by label, and the events it emits to them.
 */

/**
 * tauri_app_get_window:
 * @self: an application
 * @label: a window label
 *
 * Looks up an open window by its label.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL
 *
 * Since: 0.1
 */
TauriWindow *
tauri_app_get_window (TauriApp   *self,
                      const char *label)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  return g_hash_table_lookup (priv->windows, label);
}

static gboolean
is_valid_label (const char *label)
{
  if (*label == '\0')
    return FALSE;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("-/:_", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * tauri_app_open_window:
 * @self: an application
 * @label: a label no open window has; letters, digits, `-`, `/`, `:` and `_`
 * @error: return location for an error
 *
 * Opens a window showing the application's front end, and presents it once
 * its page has loaded (so that it never shows a blank page first), or
 * after 1.5 seconds at the latest.
 * The application must be registered (its startup has run). Its pages
 * share the web process of the application's other windows, unless it
 * may show another origin's pages or asks for its own; see
 * [property@Window:web-process].
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the
 *   label is invalid or taken
 *
 * Since: 0.1
 */
TauriWindow *
tauri_app_open_window (TauriApp    *self,
                       const char  *label,
                       GError     **error)
{
  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return tauri_app_open_window_with_web_process (self, label, TAURI_WEB_PROCESS_AUTOMATIC, error);
}

/**
 * tauri_app_open_window_with_web_process:
 * @self: an application
 * @label: a label no open window has; letters, digits, `-`, `/`, `:` and `_`
 * @web_process: which web process its pages run in:
 *   %TAURI_WEB_PROCESS_OWN for one of its own, isolated from the other
 *   windows' pages; %TAURI_WEB_PROCESS_AUTOMATIC for what its `app.windows`
 *   entry says, else the default (see [property@Window:web-process])
 * @error: return location for an error
 *
 * Opens a window as [method@App.open_window] does, in the web process
 * @web_process says.
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the
 *   label is invalid or taken
 *
 * Since: 0.1
 */
TauriWindow *
tauri_app_open_window_with_web_process (TauriApp         *self,
                                        const char       *label,
                                        TauriWebProcess   web_process,
                                        GError          **error)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  const TauriWindowConfig *config;
  TauriWindow *window;

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (web_process >= TAURI_WEB_PROCESS_AUTOMATIC && web_process <= TAURI_WEB_PROCESS_OWN, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (priv->web_context != NULL, NULL);

  if (!is_valid_label (label))
    {
      g_set_error_literal (error, TAURI_APP_ERROR, TAURI_APP_ERROR_INVALID_LABEL,
                           "Window label must include only alphanumeric characters, `-`, `/`, `:` and `_`.");
      return NULL;
    }

  if (g_hash_table_contains (priv->windows, label))
    {
      g_set_error (error, TAURI_APP_ERROR, TAURI_APP_ERROR_LABEL_EXISTS,
                   "a window with label `%s` already exists", label);
      return NULL;
    }

  window = _tauri_window_new (self, label, web_process);
  g_hash_table_insert (priv->windows, g_strdup (label), window);

  /* Shown once its page has loaded. `visible: false` in app.windows: the
   * page shows it (`show()`); `focus: false`: shown without asking for
   * the focus. */
  config = _tauri_app_find_window_config (self, label);
  if (config == NULL || config->visible)
    _tauri_window_present_when_loaded (window, config == NULL || config->focus);

  return window;
}

/* The view of a window whose web process the windows share, for a new
 * shared window to be related to; NULL when none is open, and the new
 * window's process will be the shared one. */
WebKitWebView *
_tauri_app_find_shared_view (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  GHashTableIter iter;
  gpointer window;

  g_assert (TAURI_IS_APP (self));

  g_hash_table_iter_init (&iter, priv->windows);
  while (g_hash_table_iter_next (&iter, NULL, &window))
    {
      if (tauri_window_get_web_process (window) == TAURI_WEB_PROCESS_SHARED &&
          tauri_window_get_web_view (window) != NULL)
        return tauri_window_get_web_view (window);
    }

  return NULL;
}

/* A web view made ahead in the shared web process, for the next shared
 * window to take.
 *
 * WebKit makes each new page of a web process restyle and repaint every
 * other page of that process (it hands the process its accent color again
 * for each page, which WebCore takes as a change of theme); where GTK
 * draws without GL, each of those repaints is also copied and drawn on the
 * CPU. So a new shared window would wait behind one repaint per window
 * already open before its page could load. A page made while the app is
 * idle pays that off the way of the next window, which takes the view:
 * already in the shared process, with a content manager of its own and no
 * document yet (so no history either). The app keeps one once it has shown
 * it opens more than one shared window. */
static void
spare_view_terminated_cb (WebKitWebView                     *web_view,
                          WebKitWebProcessTerminationReason  reason,
                          TauriApp                          *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  /* Not during its own signal. */
  g_signal_handlers_disconnect_by_func (web_view, spare_view_terminated_cb, self);
  g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_steal_pointer (&priv->spare_view));
}

static gboolean
make_spare_view_cb (gpointer user_data)
{
  TauriApp *self = user_data;
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  g_autoptr(WebKitUserContentManager) content_manager = webkit_user_content_manager_new ();
  WebKitWebView *related;

  priv->spare_source = 0;
  related = _tauri_app_find_shared_view (self);
  if (related == NULL || priv->spare_view != NULL)
    return G_SOURCE_REMOVE;

  priv->spare_view = g_object_ref_sink (g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                                      "related-view", related,
                                                      "user-content-manager", content_manager,
                                                      NULL));
  g_signal_connect_object (priv->spare_view, "web-process-terminated",
                           G_CALLBACK (spare_view_terminated_cb), self, 0);

  return G_SOURCE_REMOVE;
}

static guint
count_shared_windows (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  GHashTableIter iter;
  gpointer window;
  guint n = 0;

  g_hash_table_iter_init (&iter, priv->windows);
  while (g_hash_table_iter_next (&iter, NULL, &window))
    if (tauri_window_get_web_process (window) == TAURI_WEB_PROCESS_SHARED)
      n++;

  return n;
}

/* After a shared window's page has loaded, or a window has gone: with
 * two shared windows or more, a spare view is made when the app is idle;
 * with none, the spare goes too. */
void
_tauri_app_update_spare_view (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  guint n_shared;

  g_assert (TAURI_IS_APP (self));

  n_shared = count_shared_windows (self);
  if (n_shared == 0)
    _tauri_app_drop_spare_view (self);

  if (priv->spare_view != NULL || priv->spare_source != 0 || n_shared < 2)
    return;

  priv->spare_source = g_idle_add_full (G_PRIORITY_LOW, make_spare_view_cb, self, NULL);
  g_source_set_name_by_id (priv->spare_source, "[tauri] spare web view");
}

/* The spare view for a new shared window, or NULL when there is none. */
WebKitWebView *
_tauri_app_take_spare_view (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));

  if (priv->spare_view != NULL)
    g_signal_handlers_disconnect_by_func (priv->spare_view, spare_view_terminated_cb, self);

  return g_steal_pointer (&priv->spare_view);
}

void
_tauri_app_drop_spare_view (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_clear_handle_id (&priv->spare_source, g_source_remove);
  g_clear_object (&priv->spare_view);
}

/**
 * tauri_app_emit:
 * @self: an application
 * @event: the event's name: letters, digits, `-`, `/`, `:` and `_`
 * @payload: (nullable): the payload, or %NULL for `null`
 *
 * Emits an event to every listener of every window, as Tauri's
 * `app.emit()`: the pages' `listen()` callbacks receive
 * `{event, id, payload}`, and the [signal@App::event] signal is emitted.
 * An event emitted before a page listens is not kept for it.
 *
 * Since: 0.1
 */
void
tauri_app_emit (TauriApp   *self,
                const char *event,
                JsonNode   *payload)
{
  g_return_if_fail (TAURI_IS_APP (self));
  g_return_if_fail (_tauri_event_name_is_valid (event));

  _tauri_events_emit (self, event, payload, NULL, NULL);
}

/**
 * tauri_app_emit_to:
 * @self: an application
 * @label: the label of the window the event is for
 * @event: the event's name: letters, digits, `-`, `/`, `:` and `_`
 * @payload: (nullable): the payload, or %NULL for `null`
 *
 * Emits an event to one window, as Tauri's `app.emit_to(label, …)`: its
 * page's listeners hear it, and so do the listeners of any window that
 * listen to every target (`listen()` without a target).
 *
 * Since: 0.1
 */
void
tauri_app_emit_to (TauriApp   *self,
                   const char *label,
                   const char *event,
                   JsonNode   *payload)
{
  TauriEventTarget target = { TAURI_EVENT_TARGET_ANY_LABEL, label };

  g_return_if_fail (TAURI_IS_APP (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (_tauri_event_name_is_valid (event));

  _tauri_events_emit (self, event, payload, &target, NULL);
}
