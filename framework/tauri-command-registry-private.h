/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"

G_BEGIN_DECLS

TauriInvocation *_tauri_command_registry_dispatch (TauriCommandRegistry *self,
                                                   const char           *name,
                                                   const char           *arguments_json,
                                                   gsize                 arguments_length,
                                                   TauriWindow          *window,
                                                   TauriReplyFunc        reply_func,
                                                   gpointer              reply_data,
                                                   GDestroyNotify        reply_destroy);
TauriInvocation *_tauri_command_registry_dispatch_body (TauriCommandRegistry *self,
                                                        const char           *name,
                                                        GBytes               *body,
                                                        TauriWindow          *window,
                                                        TauriReplyFunc        reply_func,
                                                        gpointer              reply_data,
                                                        GDestroyNotify        reply_destroy);

G_END_DECLS
