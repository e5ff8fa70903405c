/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <webkit/webkit.h>

#include "tauri-types.h"

G_BEGIN_DECLS

#define TAURI_TYPE_BRIDGE (tauri_bridge_get_type ())

G_DECLARE_FINAL_TYPE (TauriBridge, tauri_bridge, TAURI, BRIDGE, GObject)

/* The script world the native half of the bridge lives in. */
#define TAURI_BRIDGE_WORLD "tauri-gtk"

TauriBridge              *_tauri_bridge_new                 (TauriWindow *window) G_GNUC_WARN_UNUSED_RESULT;
WebKitUserContentManager *_tauri_bridge_get_content_manager (TauriBridge *self);
guint                     _tauri_bridge_get_n_pending       (TauriBridge *self);
void                      _tauri_bridge_abandon_calls       (TauriBridge *self);

G_END_DECLS
