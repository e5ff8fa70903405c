/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-bridge-private.h"
#include "tauri-channel.h"

G_BEGIN_DECLS

/* How a Channel argument reaches the native side: `__CHANNEL__:<id>`. */
#define TAURI_CHANNEL_PREFIX "__CHANNEL__:"

TauriChannel *_tauri_channel_new       (TauriBridgePage *page,
                                        guint32          callback_id,
                                        GMainContext    *context,
                                        GThread         *thread) G_GNUC_WARN_UNUSED_RESULT;
gboolean      _tauri_channel_ref_parse (const char      *text,
                                        guint32         *callback_id);

G_END_DECLS
