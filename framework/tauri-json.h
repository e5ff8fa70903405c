/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "tauri-version.h"

G_BEGIN_DECLS

TAURI_AVAILABLE_IN_ALL
JsonNode *tauri_json_from_object (GObject     *object) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
gpointer  tauri_json_to_object   (GType        object_type,
                                  JsonNode    *node,
                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
