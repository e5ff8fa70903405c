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

#define TAURI_TYPE_WINDOW (tauri_window_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriWindow, tauri_window, TAURI, WINDOW, GtkApplicationWindow)

TAURI_AVAILABLE_IN_ALL
const char    *tauri_window_get_label    (TauriWindow *self);
TAURI_AVAILABLE_IN_ALL
WebKitWebView *tauri_window_get_web_view (TauriWindow *self);
TAURI_AVAILABLE_IN_ALL
TauriApp      *tauri_window_get_app      (TauriWindow *self);

G_END_DECLS
