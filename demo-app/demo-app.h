/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <tauri.h>

G_BEGIN_DECLS

#define DEMO_TYPE_APP (demo_app_get_type ())

G_DECLARE_FINAL_TYPE (DemoApp, demo_app, DEMO, APP, TauriApp)

DemoApp *demo_app_new (const char *application_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
