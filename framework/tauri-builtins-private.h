/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "tauri-types.h"

G_BEGIN_DECLS

void      _tauri_builtins_register_app (TauriApp    *app);
void      _tauri_window_get_inner_size (TauriWindow *window,
                                        int         *width,
                                        int         *height);
JsonNode *_tauri_size_to_json          (int          width,
                                        int          height) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
