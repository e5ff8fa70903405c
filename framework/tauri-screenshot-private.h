/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>

#include "tauri-types.h"

G_BEGIN_DECLS

void     _tauri_screenshot_save_async  (TauriWindow          *window,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean _tauri_screenshot_save_finish (TauriWindow          *window,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
