/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <webkit/webkit.h>

#include "tauri-types.h"

G_BEGIN_DECLS

void        _tauri_assets_serve_frontend (TauriApp               *app,
                                          WebKitURISchemeRequest *request);
void        _tauri_assets_serve_asset    (TauriApp               *app,
                                          WebKitURISchemeRequest *request);
char       *_tauri_assets_dup_mime_type  (const char       *path) G_GNUC_WARN_UNUSED_RESULT;
char       *_tauri_assets_resolve_path   (const char       *uri_path) G_GNUC_WARN_UNUSED_RESULT;
char       *_tauri_assets_dup_page_csp   (TauriApp         *app,
                                          const char       *policy,
                                          const char       *html,
                                          gsize             length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
