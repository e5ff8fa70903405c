/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "tauri-types.h"

G_BEGIN_DECLS

void      _tauri_builtins_register_app (TauriApp    *app);

G_END_DECLS
