/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-plugins-private.h"

G_BEGIN_DECLS

void  _tauri_plugin_window_state_register (TauriApp             *app,
                                    TauriCommandRegistry *registry);
void  _tauri_plugin_window_state_setup_window (TauriApp    *app,
                                           TauriWindow *window);

G_END_DECLS
