/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The desktop portal (FileChooser, OpenURI, Notification) and the file
 * manager (org.freedesktop.FileManager1), as a test's own D-Bus services:
 * each call is recorded, and a request is answered as the test says. */

void        test_portal_mock_start          (const char *bus_address);
void        test_portal_mock_stop           (void);
void        test_portal_mock_answer         (guint32     response,
                                             GVariant   *results);
char       *test_portal_mock_wait_call      (const char *method) G_GNUC_WARN_UNUSED_RESULT;
guint       test_portal_mock_count_calls    (const char *method);

G_END_DECLS
