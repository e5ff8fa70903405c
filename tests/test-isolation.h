/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_isolate_dirs (void) G_GNUC_WARN_UNUSED_RESULT;
void  test_remove_tree  (const char *path);

G_END_DECLS
