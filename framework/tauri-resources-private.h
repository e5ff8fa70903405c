/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Tauri's resource table: objects a page refers to by a number (an open
 * file, a store), which `plugin:resources|close` and the `close()` of
 * @tauri-apps/api's Resource class drop. One per application; a resource
 * may belong to a window, and goes with it. Safe to use from any thread. */
typedef struct _TauriResources TauriResources;

TauriResources *_tauri_resources_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void            _tauri_resources_free         (TauriResources  *self);
guint32         _tauri_resources_add          (TauriResources  *self,
                                               gpointer         object,
                                               const char      *owner);
gpointer        _tauri_resources_dup          (TauriResources  *self,
                                               guint32          rid,
                                               GType            type,
                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        _tauri_resources_close        (TauriResources  *self,
                                               guint32          rid,
                                               GError         **error);
void            _tauri_resources_close_owned  (TauriResources  *self,
                                               const char      *owner);
void            _tauri_resources_set_bad_id_error (GError     **error,
                                               gint64           rid);

G_END_DECLS
