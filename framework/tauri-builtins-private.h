/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-types.h"

G_BEGIN_DECLS

void _tauri_builtins_register_app  (TauriApp    *app);
void _tauri_window_get_inner_size  (TauriWindow *window,
                                    int         *width,
                                    int         *height);

G_END_DECLS
