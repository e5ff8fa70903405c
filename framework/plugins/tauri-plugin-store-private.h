/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-plugins-private.h"

G_BEGIN_DECLS

void  _tauri_plugin_store_register (TauriApp             *app,
                                    TauriCommandRegistry *registry);

G_END_DECLS
