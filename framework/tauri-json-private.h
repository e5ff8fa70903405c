/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused before parsing: json-glib's parser
 * recurses once per level. 128 is serde_json's default recursion limit. */
#define TAURI_JSON_DEFAULT_MAX_DEPTH 128
/* The most TauriCommandRegistry:max-depth allows. */
#define TAURI_JSON_DEPTH_LIMIT 10000

char       *_tauri_json_camel_case        (const char  *snake_name) G_GNUC_WARN_UNUSED_RESULT;
gboolean    _tauri_json_check_text        (const char  *data,
                                           gsize        length,
                                           guint        max_depth,
                                           GError     **error);
JsonNode   *_tauri_json_parse             (const char  *data,
                                           gsize        length,
                                           guint        max_depth,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
const char *_tauri_json_describe          (JsonNode    *node);
GBytes     *_tauri_json_to_bytes          (JsonNode    *node) G_GNUC_WARN_UNUSED_RESULT;
void        _tauri_json_append_uint       (GString     *out,
                                           guint64      value);
GBytes     *_tauri_json_string_to_bytes   (const char  *string) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *_tauri_json_from_object       (GObject     *object) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *_tauri_json_from_size         (int          width,
                                           int          height) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *_tauri_json_from_variant      (GVariant    *variant) G_GNUC_WARN_UNUSED_RESULT;
GObject    *_tauri_json_to_object         (GType        type,
                                           JsonNode    *node,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GVariant   *_tauri_json_to_variant        (JsonNode    *node,
                                           const char  *signature,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
