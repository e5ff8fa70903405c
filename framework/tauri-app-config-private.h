/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-app.h"

G_BEGIN_DECLS

/* One window of `app.windows`, with Tauri's defaults. */
typedef struct _TauriWindowConfig
{
  char            *label;
  char            *title;               /* (nullable) then the page's, or the app's name */
  char            *url;                 /* (nullable) a path of the front end, or an http(s) URL */
  double           width;
  double           height;
  double           min_width;           /* 0 when unset */
  double           min_height;
  gboolean         resizable;
  gboolean         maximized;
  gboolean         fullscreen;
  gboolean         visible;
  gboolean         decorations;
  gboolean         focus;
  gboolean         create;
  TauriWebProcess  web_process;         /* webProcess, tauri-gtk's own */
} TauriWindowConfig;

/* What tauri.conf.json says, once read. */
typedef struct
{
  char       *product_name;
  char       *version;
  char       *identifier;
  GPtrArray  *windows;        /* (element-type TauriWindowConfig) */
  gboolean    has_csp;
  char       *csp;            /* NULL with has_csp for `null`: no policy */
  char       *dev_csp;        /* (nullable) */
  gboolean    csp_keep;       /* dangerousDisableAssetCspModification: true */
  GStrv       csp_keep_directives;
  gboolean    asset_protocol;
  GStrv       asset_scope;
  gboolean    has_with_global_tauri;
  gboolean    with_global_tauri;
  char       *frontend_dist;  /* absolute, or a URL */
  char       *dev_url;
  char       *before_dev_command;
  char       *before_dev_cwd; /* absolute */
  char       *directory;      /* of the file */
} TauriAppConfig;

/* A file that is not JSON, or not an object, is an error; a member of the
 * wrong type is a line of @problems, and left out. */
TauriAppConfig          *_tauri_app_config_read         (GFile             *file,
                                                         GString           *problems,
                                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
TauriAppConfig          *_tauri_app_config_parse        (const char        *data,
                                                         gsize              length,
                                                         const char        *directory,
                                                         GString           *problems,
                                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
void                     _tauri_app_config_free         (TauriAppConfig    *self);
const TauriWindowConfig *_tauri_app_config_find_window  (TauriAppConfig    *self,
                                                         const char        *label);
char                    *_tauri_app_config_csp_text     (JsonNode          *node) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriAppConfig, _tauri_app_config_free)

G_END_DECLS
