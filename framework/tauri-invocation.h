/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tauri-types.h"
#include "tauri-version.h"

G_BEGIN_DECLS

#define TAURI_TYPE_INVOCATION (tauri_invocation_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TauriInvocation, tauri_invocation, TAURI, INVOCATION, GObject)

TAURI_AVAILABLE_IN_ALL
const char   *tauri_invocation_get_command_name   (TauriInvocation  *self);
TAURI_AVAILABLE_IN_ALL
TauriCommand *tauri_invocation_get_command        (TauriInvocation  *self);
TAURI_AVAILABLE_IN_ALL
JsonObject   *tauri_invocation_get_arguments      (TauriInvocation  *self);
TAURI_AVAILABLE_IN_ALL
char         *tauri_invocation_dup_arguments_json (TauriInvocation  *self) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
JsonNode     *tauri_invocation_get_argument       (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
gboolean      tauri_invocation_has_argument       (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
const char   *tauri_invocation_get_string         (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
gint64        tauri_invocation_get_int            (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
double        tauri_invocation_get_double         (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
gboolean      tauri_invocation_get_boolean        (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
gpointer      tauri_invocation_dup_object         (TauriInvocation  *self,
                                                   const char       *name,
                                                   GType             object_type,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
GVariant     *tauri_invocation_dup_variant        (TauriInvocation  *self,
                                                   const char       *name,
                                                   const char       *signature,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
GBytes       *tauri_invocation_get_bytes          (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
TauriChannel *tauri_invocation_dup_channel        (TauriInvocation  *self,
                                                   const char       *name) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
const char   *tauri_invocation_get_header         (TauriInvocation  *self,
                                                   const char       *name);
TAURI_AVAILABLE_IN_ALL
TauriWindow  *tauri_invocation_get_window         (TauriInvocation  *self);
TAURI_AVAILABLE_IN_ALL
GCancellable *tauri_invocation_get_cancellable    (TauriInvocation  *self);
TAURI_AVAILABLE_IN_ALL
gpointer      tauri_invocation_get_user_data      (TauriInvocation  *self);

TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_value       (TauriInvocation  *self,
                                                   JsonNode         *value);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_json        (TauriInvocation  *self,
                                                   const char       *json);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_string      (TauriInvocation  *self,
                                                   const char       *value);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_int         (TauriInvocation  *self,
                                                   gint64            value);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_double      (TauriInvocation  *self,
                                                   double            value);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_boolean     (TauriInvocation  *self,
                                                   gboolean          value);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_object      (TauriInvocation  *self,
                                                   GObject          *object);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_variant     (TauriInvocation  *self,
                                                   GVariant         *variant);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_bytes       (TauriInvocation  *self,
                                                   GBytes           *bytes);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_gerror      (TauriInvocation  *self,
                                                   const GError     *error);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_take_error         (TauriInvocation  *self,
                                                   GError           *error);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_error_message (TauriInvocation *self,
                                                   const char       *message);
TAURI_AVAILABLE_IN_ALL
void          tauri_invocation_return_error_value (TauriInvocation  *self,
                                                   JsonNode         *value);
TAURI_AVAILABLE_IN_ALL
gboolean      tauri_invocation_is_answered        (TauriInvocation  *self);

TAURI_AVAILABLE_IN_ALL
JsonNode     *tauri_invocation_dup_scope          (TauriInvocation  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
