/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib-object.h>

#include "tauri-type-spec-private.h"

G_BEGIN_DECLS

/* What printing one module has gathered: the interfaces of the GObject
 * types its commands name, each printed once, and what it must import. */
typedef struct
{
  GHashTable *interfaces;      /* GType → TS name, (owned) values */
  GHashTable *bodies;          /* TS name → interface text, (owned) */
  gboolean    uses_channel;
  gboolean    uses_raw_body;
} TauriTsPrinter;

gboolean  _tauri_ts_is_identifier         (const char          *text);
void      _tauri_ts_append_string_literal (GString             *out,
                                           const char          *text);
void      _tauri_ts_append_comment_text   (GString             *out,
                                           const char          *text);
char     *_tauri_ts_function_name         (const char          *command_name) G_GNUC_WARN_UNUSED_RESULT;
char     *_tauri_ts_parameter_name        (const char          *key) G_GNUC_WARN_UNUSED_RESULT;
char     *_tauri_ts_unique_name           (const char          *base,
                                           GHashTable          *taken) G_GNUC_WARN_UNUSED_RESULT;
char     *_tauri_ts_or_null               (const char          *type) G_GNUC_WARN_UNUSED_RESULT;
char     *_tauri_ts_spec_type             (TauriTsPrinter      *printer,
                                           const TauriTypeSpec *spec,
                                           gboolean             input,
                                           gboolean             top) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
