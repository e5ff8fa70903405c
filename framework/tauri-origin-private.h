/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *_tauri_origin_of     (const char *uri) G_GNUC_WARN_UNUSED_RESULT;
gboolean  _tauri_origin_equal  (const char *uri,
                                const char *other_uri);
int       _tauri_origin_default_port (const char *scheme);

G_END_DECLS
