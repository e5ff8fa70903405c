/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Raw bytes between the UI process and the web process travel in sealed
 * memory files: the web process extension and the bridge both use these. */

int      _tauri_memfd_new_sealed (gconstpointer   data,
                                  gsize           size,
                                  GError        **error);
gboolean _tauri_memfd_check      (int             fd,
                                  gsize          *size,
                                  GError        **error);
gboolean _tauri_memfd_read       (int             fd,
                                  gpointer        buffer,
                                  gsize           size,
                                  GError        **error);

G_END_DECLS
