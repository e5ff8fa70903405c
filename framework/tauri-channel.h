/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

#define TAURI_TYPE_CHANNEL (tauri_channel_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriChannel, tauri_channel, TAURI, CHANNEL, GObject)

TAURI_AVAILABLE_IN_ALL
guint32  tauri_channel_get_id    (TauriChannel *self);
TAURI_AVAILABLE_IN_ALL
gboolean tauri_channel_send      (TauriChannel *self,
                                  JsonNode     *message);
TAURI_AVAILABLE_IN_ALL
gboolean tauri_channel_send_json (TauriChannel *self,
                                  const char   *json);
TAURI_AVAILABLE_IN_ALL
void     tauri_channel_close     (TauriChannel *self);

G_END_DECLS
