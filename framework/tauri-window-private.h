/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-window.h"
#include "tauri-bridge-private.h"

G_BEGIN_DECLS

TauriWindow *_tauri_window_new             (TauriApp        *app,
                                            const char      *label,
                                            TauriWebProcess  web_process) G_GNUC_WARN_UNUSED_RESULT;
TauriBridge *_tauri_window_get_bridge      (TauriWindow     *self);
void         _tauri_window_note_activation (TauriWindow     *self,
                                            gboolean         main_frame);
void         _tauri_window_present_when_loaded (TauriWindow *self,
                                                gboolean     focus);
void         _tauri_window_get_inner_size  (TauriWindow     *self,
                                            int             *width,
                                            int             *height);

G_END_DECLS
