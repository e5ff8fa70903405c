/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "tauri-command-registry.h"
#include "tauri-types.h"
#include "tauri-version.h"
#include "tauri-window.h"

G_BEGIN_DECLS

/**
 * TAURI_APP_ERROR:
 *
 * The error domain of the errors a [class@App] reports about its windows
 * and its configuration.
 *
 * Since: 0.1
 */
#define TAURI_APP_ERROR (tauri_app_error_quark ())

/**
 * TauriAppError:
 * @TAURI_APP_ERROR_INVALID_LABEL: a window label holds characters other
 *   than letters, digits, `-`, `/`, `:` and `_`
 * @TAURI_APP_ERROR_LABEL_EXISTS: a window with that label is open already
 * @TAURI_APP_ERROR_INVALID_CONFIG: a `tauri.conf.json` is not JSON, or not an
 *   object, or a member has the wrong type (the message names each by its
 *   path); see [method@App.load_config]
 *
 * Errors of the %TAURI_APP_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum
{
  TAURI_APP_ERROR_INVALID_LABEL = 1,
  TAURI_APP_ERROR_LABEL_EXISTS,
  TAURI_APP_ERROR_INVALID_CONFIG,
} TauriAppError;

TAURI_AVAILABLE_IN_ALL
GQuark tauri_app_error_quark (void);

/**
 * TAURI_APP_STRICT_CSP:
 *
 * A strict `Content-Security-Policy` for [property@App:content-security-policy]:
 * scripts only from the app's own files (no inline script, no `eval`),
 * images and media also from the asset protocol, and no framing. The
 * bridge works under it.
 *
 * Since: 0.1
 */
#define TAURI_APP_STRICT_CSP \
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " \
  "img-src 'self' asset: data: blob:; media-src 'self' asset: blob:; font-src 'self' data:; " \
  "connect-src 'self' asset:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

#define TAURI_TYPE_APP (tauri_app_get_type ())

TAURI_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (TauriApp, tauri_app, TAURI, APP, GtkApplication)

/**
 * TauriAppClass:
 * @parent_class: the parent class
 * @register_commands: registers the application's commands at startup
 * @open_external: class handler of [signal@App::open-external]
 *
 * The class structure of [class@App].
 *
 * Since: 0.1
 */
struct _TauriAppClass
{
  GtkApplicationClass parent_class;

  void     (* register_commands) (TauriApp             *self,
                                  TauriCommandRegistry *registry);
  gboolean (* open_external)     (TauriApp             *self,
                                  const char           *uri);

  /*< private >*/
  gpointer padding[7];
};

TAURI_AVAILABLE_IN_ALL
TauriApp             *tauri_app_new                (const char         *application_id,
                                                    GApplicationFlags   flags) G_GNUC_WARN_UNUSED_RESULT;
TAURI_AVAILABLE_IN_ALL
TauriCommandRegistry *tauri_app_get_registry       (TauriApp           *self);
TAURI_AVAILABLE_IN_ALL
TauriWindow          *tauri_app_get_window         (TauriApp           *self,
                                                    const char         *label);
TAURI_AVAILABLE_IN_ALL
TauriWindow          *tauri_app_open_window        (TauriApp           *self,
                                                    const char         *label,
                                                    GError            **error);
TAURI_AVAILABLE_IN_ALL
TauriWindow          *tauri_app_open_window_with_web_process (TauriApp         *self,
                                                              const char       *label,
                                                              TauriWebProcess   web_process,
                                                              GError          **error);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_emit               (TauriApp           *self,
                                                    const char         *event,
                                                    JsonNode           *payload);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_emit_to            (TauriApp           *self,
                                                    const char         *label,
                                                    const char         *event,
                                                    JsonNode           *payload);
TAURI_AVAILABLE_IN_ALL
const char           *tauri_app_get_frontend       (TauriApp           *self);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_set_frontend       (TauriApp           *self,
                                                    const char         *frontend);
TAURI_AVAILABLE_IN_ALL
const char           *tauri_app_get_version        (TauriApp           *self);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_set_version        (TauriApp           *self,
                                                    const char         *version);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_add_asset_scope    (TauriApp           *self,
                                                    const char         *directory);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_allow_navigation   (TauriApp           *self,
                                                    const char         *origin);
TAURI_AVAILABLE_IN_ALL
const char           *tauri_app_get_content_security_policy (TauriApp  *self);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_set_content_security_policy (TauriApp  *self,
                                                    const char         *policy);
TAURI_AVAILABLE_IN_ALL
gboolean              tauri_app_load_config        (TauriApp           *self,
                                                    GFile              *file,
                                                    GError            **error);
TAURI_AVAILABLE_IN_ALL
const char * const   *tauri_app_get_plugins        (TauriApp           *self);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_set_plugins        (TauriApp           *self,
                                                    const char * const *plugins);
TAURI_AVAILABLE_IN_ALL
gboolean              tauri_app_get_developer_mode (TauriApp           *self);
TAURI_AVAILABLE_IN_ALL
void                  tauri_app_set_developer_mode (TauriApp           *self,
                                                    gboolean            developer_mode);

G_END_DECLS
