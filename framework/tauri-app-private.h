/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-app.h"
#include "tauri-resources-private.h"

G_BEGIN_DECLS

/* The origin the built-in front end is served from. */
#define TAURI_APP_ORIGIN "tauri://localhost"

typedef struct
{
  TauriCommandRegistry *registry;
  GHashTable           *windows;          /* label → TauriWindow, unowned */
  WebKitWebContext     *web_context;
  WebKitNetworkSession *network_session;
  char                 *frontend;
  char                 *version;
  GPtrArray            *asset_scope;      /* directories convertFileSrc() may reach */
  GPtrArray            *navigation;       /* origins the windows may show, "*" for any */
  char                 *csp;              /* NULL for the default, "" for none */
  char                 *screenshot_path;
  char                **plugins;          /* the built-in plugins it has, NULL for all */
  TauriResources       *resources;
  gboolean              developer_mode;
  gboolean              skip_default_open_external;
  gboolean              automation;

  /* tauri.conf.json (tauri-app-config-apply.c), and `tauri dev`'s loop
   * (tauri-app-dev.c). */
  GPtrArray            *configs;          /* (element-type TauriAppConfig), in load order */
  char                 *config_path;      /* --config */
  char                 *name;             /* productName */
  gboolean              with_global_tauri;
  gboolean              csp_keep;         /* dangerousDisableAssetCspModification */
  GStrv                 csp_keep_directives;
  struct _TauriDevServer *dev_server;
  gboolean              activate_pending; /* until the development server answers */

  /* The next shared window's web view, made ahead (tauri-app-windows.c). */
  WebKitWebView        *spare_view;
  guint                 spare_source;
} TauriAppPrivate;

TauriAppPrivate      *_tauri_app_get_private         (TauriApp   *self);
gboolean              _tauri_app_is_web_url          (const char *string);
void                  _tauri_app_setup_web_context   (TauriApp   *self);
void                  _tauri_app_add_option_entries  (TauriApp   *self);
int                   _tauri_app_handle_options      (TauriApp     *self,
                                                      GVariantDict *options);
gboolean              _tauri_app_may_navigate        (TauriApp   *self,
                                                      const char *uri);
const char           *_tauri_app_get_csp             (TauriApp   *self);
void                  _tauri_app_open_external       (TauriApp   *self,
                                                      const char *uri);
gboolean              _tauri_app_open_external_taken (TauriApp   *self,
                                                      const char *uri);
gboolean              _tauri_app_real_open_external  (TauriApp   *self,
                                                      const char *uri);

WebKitWebContext     *_tauri_app_get_web_context     (TauriApp   *self);
WebKitNetworkSession *_tauri_app_get_network_session (TauriApp   *self);
WebKitWebView        *_tauri_app_find_shared_view    (TauriApp   *self);
WebKitWebView        *_tauri_app_take_spare_view     (TauriApp   *self) G_GNUC_WARN_UNUSED_RESULT;
void                  _tauri_app_update_spare_view   (TauriApp   *self);
void                  _tauri_app_drop_spare_view     (TauriApp   *self);
GFile                *_tauri_app_dup_frontend_root   (TauriApp   *self) G_GNUC_WARN_UNUSED_RESULT;
char                 *_tauri_app_dup_start_uri       (TauriApp   *self) G_GNUC_WARN_UNUSED_RESULT;
char                 *_tauri_app_dup_trusted_origin  (TauriApp   *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean              _tauri_app_is_trusted_uri      (TauriApp   *self,
                                                      const char *uri);
gboolean              _tauri_app_get_automation      (TauriApp   *self);
gboolean              _tauri_app_asset_in_scope      (TauriApp   *self,
                                                      const char *path);
void                  _tauri_app_register_builtins   (TauriApp   *self);
void                  _tauri_app_load_startup_config (TauriApp   *self);
void                  _tauri_app_peek_identifier     (TauriApp   *self,
                                                      GFile      *file);
const struct _TauriWindowConfig *_tauri_app_find_window_config (TauriApp   *self,
                                                       const char *label);
GPtrArray            *_tauri_app_dup_window_labels   (TauriApp   *self) G_GNUC_WARN_UNUSED_RESULT;
const char           *_tauri_app_get_name            (TauriApp   *self);
gboolean              _tauri_app_start_dev_server    (TauriApp   *self);
gboolean              _tauri_app_dev_server_pending  (TauriApp   *self);
void                  _tauri_app_stop_dev_server     (TauriApp   *self);
void                  _tauri_app_register_plugins    (TauriApp   *self);
void                  _tauri_app_notify_plugins      (TauriApp   *self);
void                  _tauri_app_emit_event_signal   (TauriApp    *self,
                                                      const char  *event,
                                                      JsonNode    *payload,
                                                      TauriWindow *source);

G_END_DECLS
