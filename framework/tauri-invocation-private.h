/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-invocation.h"

G_BEGIN_DECLS

typedef enum
{
  TAURI_REPLY_OK,
  TAURI_REPLY_ERROR,
  TAURI_REPLY_OK_BYTES,
} TauriReplyKind;

/* Carries one answer to whoever sent the call. Always called on the thread
 * of the main context the invocation was created on, exactly once, with the
 * answer as JSON text (followed by a NUL byte not counted in its size), or
 * as raw bytes for TAURI_REPLY_OK_BYTES. */
typedef void (* TauriReplyFunc) (TauriReplyKind  kind,
                                 GBytes         *payload,
                                 gpointer        user_data);

TauriInvocation *_tauri_invocation_new         (const char      *command_name,
                                                JsonNode        *arguments,
                                                TauriWindow     *window,
                                                TauriReplyFunc   reply_func,
                                                gpointer         reply_data,
                                                GDestroyNotify   reply_destroy) G_GNUC_WARN_UNUSED_RESULT;
void             _tauri_invocation_set_command (TauriInvocation *self,
                                                TauriCommand    *command);
void             _tauri_invocation_set_body    (TauriInvocation *self,
                                                GBytes          *body);
TauriWindow     *_tauri_invocation_get_caller  (TauriInvocation *self);
void             _tauri_invocation_cancel      (TauriInvocation *self);

/* What the files of TauriInvocation share: tauri-invocation.c (the call
 * and its answer) and tauri-invocation-arguments.c (reading the
 * arguments). */

struct _TauriInvocation
{
  GObject          parent_instance;

  char            *command_name;
  TauriCommand    *command;
  JsonNode        *arguments;          /* an object, never modified */
  GBytes          *body;               /* a raw body instead of JSON, or NULL */
  GHashTable      *bytes;              /* name → GBytes read from JSON arrays */
  TauriWindow     *window;
  GCancellable    *cancellable;

  GMainContext    *context;
  GThread         *thread;
  TauriReplyFunc   reply_func;
  gpointer         reply_data;
  GDestroyNotify   reply_destroy;
  int              answered;           /* atomic */
};

G_END_DECLS
