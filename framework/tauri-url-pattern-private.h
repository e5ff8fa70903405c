/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A URL pattern of a capability's `remote.urls`. */
typedef struct _TauriUrlPattern TauriUrlPattern;

TauriUrlPattern *_tauri_url_pattern_parse   (const char             *text,
                                             GError                **error) G_GNUC_WARN_UNUSED_RESULT;
void             _tauri_url_pattern_free    (TauriUrlPattern        *pattern);
gboolean         _tauri_url_pattern_matches (const TauriUrlPattern  *pattern,
                                             GUri                   *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriUrlPattern, _tauri_url_pattern_free)

G_END_DECLS
