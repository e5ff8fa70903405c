/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-command.h"
#include "tauri-type-spec-private.h"

G_BEGIN_DECLS

/* A registry's threads for worker-thread handlers (tauri-command-run.c). */
typedef struct _TauriCommandPool TauriCommandPool;

typedef struct
{
  char          *name;      /* as written: invoke_message */
  char          *key;       /* as sent: invokeMessage */
  TauriTypeSpec *type;
  gboolean       optional;
} TauriParam;

/* The struct is shared by tauri-command.c (a command, what it declares and
 * how a call's arguments are checked against it) and tauri-command-run.c
 * (running its handler). */
typedef enum
{
  TAURI_COMMAND_HANDLER_NONE,
  TAURI_COMMAND_HANDLER_FUNC,
  TAURI_COMMAND_HANDLER_THREAD,
  TAURI_COMMAND_HANDLER_ASYNC,
} TauriCommandHandlerKind;

struct _TauriCommand
{
  GObject                 parent_instance;

  char                   *name;
  char                   *parameters;       /* the list as written, or NULL */
  TauriCommandFlags       flags;
  GPtrArray              *params;           /* (element-type TauriParam) */
  TauriTypeSpec          *result_type;      /* (nullable): undeclared */

  TauriCommandHandlerKind             kind;
  union {
    TauriCommandFunc        func;
    TauriCommandThreadFunc  thread_func;
    TauriCommandAsyncFunc   async_func;
  };
  TauriCommandFinishFunc  finish_func;
  gpointer                user_data;
  GDestroyNotify          destroy;
};

gboolean          _tauri_command_is_valid_name   (const char       *name);
gboolean          _tauri_command_has_handler     (TauriCommand     *self);
TauriCommandPool *_tauri_command_pool_new        (guint             max_threads) G_GNUC_WARN_UNUSED_RESULT;
void              _tauri_command_pool_free       (TauriCommandPool *self);
guint             _tauri_command_pool_get_max_threads (TauriCommandPool *self);
void              _tauri_command_pool_set_max_threads (TauriCommandPool *self,
                                                       guint             max_threads);
void              _tauri_command_run             (TauriCommand     *self,
                                                  TauriInvocation  *invocation,
                                                  TauriCommandPool *pool);
const TauriParam *_tauri_command_get_param       (TauriCommand     *self,
                                                  guint             position);
const TauriParam *_tauri_command_find_param      (TauriCommand     *self,
                                                  const char       *name);
gpointer          _tauri_command_get_user_data   (TauriCommand     *self);
gboolean          _tauri_command_params_parse      (TauriCommand     *self,
                                                    const char       *text,
                                                    GError          **error);
gboolean          _tauri_command_params_check_body (TauriCommand     *self,
                                                    GError          **error);
gboolean          _tauri_command_params_check      (TauriCommand     *self,
                                                    JsonObject       *arguments,
                                                    GError          **error);
const TauriTypeSpec *_tauri_command_get_result_spec (TauriCommand *self);

G_END_DECLS
