/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _tauri_context_queue_push (GMainContext   *context,
                                GSourceFunc     func,
                                gpointer        data,
                                GDestroyNotify  destroy);

G_END_DECLS
