/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-app.h"
#include "tauri-command-registry.h"

G_BEGIN_DECLS

/* Where the generated functions get `invoke` from. */
typedef enum
{
  TAURI_BINDINGS_INVOKE_API,      /* import { invoke } from '@tauri-apps/api/core' */
  TAURI_BINDINGS_INVOKE_GLOBAL,   /* window.__TAURI__.core.invoke */
} TauriBindingsInvoke;

char *_tauri_bindings_print_module       (TauriCommandRegistry *registry,
                                          TauriBindingsInvoke   invoke) G_GNUC_WARN_UNUSED_RESULT;
char *_tauri_bindings_print_global_types (void) G_GNUC_WARN_UNUSED_RESULT;
int   _tauri_bindings_handle_options     (TauriApp             *app,
                                          GVariantDict         *options);

G_END_DECLS
