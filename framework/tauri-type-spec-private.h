/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The type of a command parameter, as written in a parameter list:
 *
 *   any | null | string | integer | number | boolean | object | array
 *   array<TYPE> | object<GTypeName> | variant<GVariantType>
 *   channel | channel<TYPE>     a Channel the page passed (`__CHANNEL__:<id>`)
 *   bytes                       the call's raw body (invoke(cmd, Uint8Array))
 *
 * Checked against an argument before the handler runs, and printed as
 * TypeScript by the bindings generator. */
typedef enum
{
  TAURI_TYPE_SPEC_ANY,
  TAURI_TYPE_SPEC_NULL,
  TAURI_TYPE_SPEC_STRING,
  TAURI_TYPE_SPEC_INTEGER,
  TAURI_TYPE_SPEC_NUMBER,
  TAURI_TYPE_SPEC_BOOLEAN,
  TAURI_TYPE_SPEC_OBJECT,
  TAURI_TYPE_SPEC_ARRAY,
  TAURI_TYPE_SPEC_GOBJECT,
  TAURI_TYPE_SPEC_VARIANT,
  TAURI_TYPE_SPEC_CHANNEL,
  TAURI_TYPE_SPEC_BYTES,
} TauriTypeSpecKind;

typedef struct _TauriTypeSpec TauriTypeSpec;

struct _TauriTypeSpec
{
  TauriTypeSpecKind  kind;
  TauriTypeSpec     *element;       /* ARRAY, CHANNEL: of what, or NULL for any */
  GType              gtype;         /* GOBJECT */
  char              *signature;     /* VARIANT */
  char              *text;          /* as written, normalized */
};

TauriTypeSpec *_tauri_type_spec_parse (const char          **cursor,
                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void           _tauri_type_spec_free  (TauriTypeSpec        *spec);
gboolean       _tauri_type_spec_check (const TauriTypeSpec  *spec,
                                       JsonNode             *node,
                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriTypeSpec, _tauri_type_spec_free)

G_END_DECLS
