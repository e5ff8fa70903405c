/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <webkit/webkit.h>

#include "tauri-types.h"

G_BEGIN_DECLS

#define TAURI_TYPE_BRIDGE (tauri_bridge_get_type ())

G_DECLARE_FINAL_TYPE (TauriBridge, tauri_bridge, TAURI, BRIDGE, GObject)

/* The script world the native half of the bridge lives in. */
#define TAURI_BRIDGE_WORLD "tauri-gtk"

TauriBridge              *_tauri_bridge_new                 (TauriWindow            *window) G_GNUC_WARN_UNUSED_RESULT;
WebKitUserContentManager *_tauri_bridge_get_content_manager (TauriBridge            *self);
TauriWindow              *_tauri_bridge_get_window          (TauriBridge            *self);
guint                     _tauri_bridge_get_n_pending       (TauriBridge            *self);
guint                     _tauri_bridge_get_generation      (TauriBridge            *self);
GPtrArray                *_tauri_bridge_get_listeners       (TauriBridge            *self);
void                      _tauri_bridge_push                (TauriBridge            *self,
                                                             guint                   generation,
                                                             guint32                 callback_id,
                                                             const char             *data,
                                                             gsize                   length);
void                      _tauri_bridge_push_items          (TauriBridge            *self,
                                                             guint                   generation,
                                                             const char             *items,
                                                             gsize                   length);
void                      _tauri_bridge_handle_ipc_request  (TauriBridge            *self,
                                                             WebKitURISchemeRequest *request,
                                                             const char             *name);
void                      _tauri_bridge_abandon_calls       (TauriBridge            *self);
void                      _tauri_bridge_close               (TauriBridge            *self);
void                      _tauri_bridge_watch_web_view      (TauriBridge            *self,
                                                             WebKitWebView          *web_view);

G_END_DECLS
