/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ids the page gives its calls are below this. */
#define TAURI_MESSAGE_MAX_CALL_ID (G_GUINT64_CONSTANT (1) << 63)

/* What a page's call, `i<call id>\n<command>\n<JSON arguments>` or
 * `h<call id>\n<command>\n<JSON headers>\n<JSON arguments>`, says.
 * Reading it needs nothing of WebKit, so it can be fuzzed on its own. */
typedef struct
{
  guint64     id;
  char       *name;          /* owned */
  GHashTable *headers;       /* owned, or NULL: lowercase name → value */
  const char *arguments;     /* points into the message */
  gsize       arguments_length;
} TauriMessage;

gboolean    _tauri_message_parse_call_id  (const char    *start,
                                           const char    *end,
                                           guint64       *id);
gboolean    _tauri_message_is_valid_name  (const char    *name,
                                           gsize          length);
GHashTable *_tauri_message_parse_headers  (const char    *json,
                                           gsize          length,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    _tauri_message_parse_call     (const char    *message,
                                           gsize          length,
                                           TauriMessage  *out,
                                           GError       **error);
gboolean    _tauri_message_next_frame     (const char   **at,
                                           const char    *end,
                                           const char   **frame,
                                           gsize         *frame_length,
                                           guint64       *id);
void        _tauri_message_clear          (TauriMessage  *message);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TauriMessage, _tauri_message_clear)

G_END_DECLS
