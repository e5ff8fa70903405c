/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ids the page gives its calls are below this; the native side keeps the
 * calls that come over tauri:// above it. */
#define TAURI_MESSAGE_MAX_CALL_ID (G_GUINT64_CONSTANT (1) << 63)

/* What a page's `i<call id>\n<command>\n<JSON arguments>` message says.
 * Reading it needs nothing of WebKit, so it can be fuzzed on its own. */
typedef struct
{
  guint64     id;
  char       *name;          /* owned */
  const char *arguments;     /* points into the message */
  gsize       arguments_length;
} TauriMessage;

gboolean _tauri_message_parse_call_id  (const char    *start,
                                        const char    *end,
                                        guint64       *id);
gboolean _tauri_message_is_valid_name  (const char    *name,
                                        gsize          length);
gboolean _tauri_message_parse_invoke   (const char    *message,
                                        gsize          length,
                                        TauriMessage  *out,
                                        GError       **error);
gboolean _tauri_message_next_frame     (const char   **at,
                                        const char    *end,
                                        const char   **frame,
                                        gsize         *frame_length,
                                        guint64       *id);
void     _tauri_message_clear          (TauriMessage  *message);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TauriMessage, _tauri_message_clear)

G_END_DECLS
