/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The measuring half of both benchmark programs, shared so that the bare
 * baseline and the tauri-gtk program are measured by the very same code.
 * It knows nothing of tauri-gtk: it watches WebKit's script messages, keeps
 * the clocks, and answers the page's control commands.
 */

/* Names of the control commands the page calls around its measurements;
 * NULL-terminated. Each program routes them to bench_probe_control(). */
extern const char * const bench_probe_control_commands[];

void      bench_probe_init           (GApplication  *application,
                                      const char    *program);
void      bench_probe_set_capability (const char    *name,
                                      gboolean       available);
void      bench_probe_answered       (void);
gboolean  bench_probe_is_control     (const char    *command);
JsonObject *bench_probe_measure_memory (void) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *bench_probe_control        (const char    *command,
                                      JsonObject    *arguments,
                                      GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
