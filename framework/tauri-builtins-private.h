/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "tauri-types.h"

G_BEGIN_DECLS

void      _tauri_builtins_register_app      (TauriApp    *app);
char     *_tauri_builtins_resolve_directory (TauriApp    *app,
                                             gint64       directory) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
