/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

/**
 * TauriWebProcess:
 * @TAURI_WEB_PROCESS_AUTOMATIC: shared, unless a capability lets remote
 *   pages call the window (its `remote.urls`): such a window may show
 *   another origin's pages, and gets a process of its own
 * @TAURI_WEB_PROCESS_SHARED: the web process of the application's other
 *   shared windows: no new process, and a few MiB, per window
 * @TAURI_WEB_PROCESS_OWN: a web process of the window's own, isolated from
 *   the other windows' pages
 *
 * Which web process a window's pages run in; see
 * [property@Window:web-process].
 *
 * Since: 0.1
 */
typedef enum
{
  TAURI_WEB_PROCESS_AUTOMATIC,
  TAURI_WEB_PROCESS_SHARED,
  TAURI_WEB_PROCESS_OWN,
} TauriWebProcess;

#define TAURI_TYPE_WINDOW (tauri_window_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriWindow, tauri_window, TAURI, WINDOW, GtkApplicationWindow)

TAURI_AVAILABLE_IN_ALL
const char      *tauri_window_get_label       (TauriWindow *self);
TAURI_AVAILABLE_IN_ALL
WebKitWebView   *tauri_window_get_web_view    (TauriWindow *self);
TAURI_AVAILABLE_IN_ALL
TauriApp        *tauri_window_get_app         (TauriWindow *self);
TAURI_AVAILABLE_IN_ALL
TauriWebProcess  tauri_window_get_web_process (TauriWindow *self);

G_END_DECLS
