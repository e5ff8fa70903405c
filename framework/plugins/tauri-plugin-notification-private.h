/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-plugins-private.h"

G_BEGIN_DECLS

void  _tauri_plugin_notification_register (TauriApp             *app,
                                    TauriCommandRegistry *registry);
char *_tauri_plugin_notification_dup_init_script (TauriApp *app) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
