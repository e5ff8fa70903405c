/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-window.h"
#include "tauri-bridge-private.h"

G_BEGIN_DECLS

/* What a window's navigation policy remembers (tauri-window-policy.c). */
typedef struct
{
  gint64   activation_time;          /* of the user's last click */
  gboolean activation_in_main_frame; /* in the window's own document */
  gboolean activations_known;        /* the web process extension says */
  gint64   last_external;            /* when the browser was last opened */
} TauriWindowPolicy;

TauriWindow *_tauri_window_new             (TauriApp        *app,
                                            const char      *label,
                                            TauriWebProcess  web_process) G_GNUC_WARN_UNUSED_RESULT;
TauriBridge *_tauri_window_get_bridge      (TauriWindow     *self);
TauriWindowPolicy *_tauri_window_get_policy (TauriWindow    *self);
void         _tauri_window_present_when_loaded (TauriWindow *self,
                                                gboolean     focus);
void         _tauri_window_get_inner_size  (TauriWindow     *self,
                                            int             *width,
                                            int             *height);

/* tauri-window-policy.c */
void         _tauri_window_policy_watch    (TauriWindow     *self,
                                            WebKitWebView   *web_view);
void         _tauri_window_note_activation (TauriWindow     *self,
                                            gboolean         main_frame);

G_END_DECLS
