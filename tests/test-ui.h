/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <tauri.h>

G_BEGIN_DECLS

TauriApp *test_ui_start_demo    (const char  *application_id,
                                 const char  *frontend) G_GNUC_WARN_UNUSED_RESULT;
void      test_ui_stop          (TauriApp    *app);
void      test_ui_wait_for_load (TauriWindow *window);
char     *test_ui_run_js        (TauriWindow *window,
                                 const char  *world,
                                 const char  *body) G_GNUC_WARN_UNUSED_RESULT;
void      test_ui_add           (const char  *path,
                                 void       (*func) (void));
void      test_ui_capture_prints (gboolean    capture);
const char *test_ui_get_printed (void);

G_END_DECLS
