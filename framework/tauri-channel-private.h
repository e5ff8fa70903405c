/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-channel.h"

G_BEGIN_DECLS

TauriChannel *_tauri_channel_new (TauriWindow  *window,
                                  guint32       callback_id,
                                  GMainContext *context,
                                  GThread      *thread) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
