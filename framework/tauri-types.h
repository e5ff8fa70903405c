/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TauriApp             TauriApp;
typedef struct _TauriChannel         TauriChannel;
typedef struct _TauriCommand         TauriCommand;
typedef struct _TauriCommandRegistry TauriCommandRegistry;
typedef struct _TauriInvocation      TauriInvocation;
typedef struct _TauriWindow          TauriWindow;

G_END_DECLS
