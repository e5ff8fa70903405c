/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-command-private.h"

G_BEGIN_DECLS

/* What tauri-command.c (a command and what it declares) and
 * tauri-command-run.c (checking a call's arguments, running the handler)
 * share. */

typedef enum
{
  HANDLER_NONE,
  HANDLER_FUNC,
  HANDLER_THREAD,
  HANDLER_ASYNC,
} HandlerKind;

struct _TauriCommand
{
  GObject                 parent_instance;

  char                   *name;
  TauriCommandFlags       flags;
  GPtrArray              *params;           /* (element-type TauriParam) */
  TauriTypeSpec          *result_type;      /* (nullable): undeclared */

  HandlerKind             kind;
  union {
    TauriCommandFunc        func;
    TauriCommandThreadFunc  thread_func;
    TauriCommandAsyncFunc   async_func;
  };
  TauriCommandFinishFunc  finish_func;
  gpointer                user_data;
  GDestroyNotify          destroy;
};

G_END_DECLS
