/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-plugins-private.h"

G_BEGIN_DECLS

/* Tauri's dialog plugin: its commands (tauri-plugin-dialog.c) and the
 * FileChooser portal, spoken to directly (tauri-plugin-dialog-portal.c). */

void      _tauri_plugin_dialog_register      (TauriApp             *app,
                                              TauriCommandRegistry *registry);

/* What open() and save() were asked. */
typedef struct
{
  TauriInvocation *invocation;
  TauriApp        *app;
  JsonObject      *options;
  gboolean         save;
  gboolean         multiple;
  gboolean         directory;
  gboolean         recursive;
} TauriFileRequest;

void      _tauri_plugin_dialog_portal_choose (TauriFileRequest     *request);
void      _tauri_plugin_dialog_answer        (TauriFileRequest     *request,
                                              char                **paths);
void      _tauri_file_request_free           (TauriFileRequest     *request);

G_END_DECLS
