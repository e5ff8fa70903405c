/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DEMO_TYPE_CUSTOM_RESPONSE (demo_custom_response_get_type ())

G_DECLARE_FINAL_TYPE (DemoCustomResponse, demo_custom_response, DEMO, CUSTOM_RESPONSE, GObject)

DemoCustomResponse *demo_custom_response_new (const char *message,
                                              gint64      other_val) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
