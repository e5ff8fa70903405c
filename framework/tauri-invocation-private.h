/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-invocation.h"

G_BEGIN_DECLS

typedef struct _TauriBridgePage TauriBridgePage;

typedef enum
{
  TAURI_ANSWER_VALUE,     /* resolves the call with the JSON payload */
  TAURI_ANSWER_ERROR,     /* rejects the call with the JSON payload */
  TAURI_ANSWER_BYTES,     /* resolves the call with the raw payload, an ArrayBuffer */
} TauriAnswerKind;

/* One answer to a call. The payload is exactly g_bytes_get_size() bytes
 * long, JSON text or raw bytes: it is never followed by a NUL and never
 * read as a C string. */
typedef struct
{
  TauriAnswerKind  kind;
  GBytes          *payload;
} TauriAnswer;

/* Carries the one answer of a call to whoever sent it: called exactly once,
 * on the thread of the main context the invocation was created on. */
typedef void (* TauriReplyFunc) (const TauriAnswer *answer,
                                 gpointer           user_data);

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
void             _tauri_invocation_set_page    (TauriInvocation *self,
                                                TauriBridgePage *page);
void             _tauri_invocation_set_headers (TauriInvocation *self,
                                                GHashTable      *headers);
TauriWindow     *_tauri_invocation_get_caller  (TauriInvocation *self);
void             _tauri_invocation_set_scope   (TauriInvocation *self,
                                                char            *scope);
void             _tauri_invocation_cancel      (TauriInvocation *self);

/* What the files of TauriInvocation share: tauri-invocation.c (the call
 * and its answer) and tauri-invocation-arguments.c (reading the arguments
 * and the headers). */

struct _TauriInvocation
{
  GObject          parent_instance;

  char            *command_name;
  TauriCommand    *command;
  JsonNode        *arguments;          /* an object, never modified */
  GBytes          *body;               /* a raw body instead of JSON, or NULL */
  GHashTable      *headers;            /* lowercase name → value, or NULL */
  GMutex           bytes_lock;         /* guards bytes: arguments are read from any thread */
  GHashTable      *bytes;              /* name → GBytes read from JSON arrays */
  TauriWindow     *window;
  TauriBridgePage *page;               /* where its channels send, or NULL */
  GCancellable    *cancellable;

  GMainContext    *context;
  GThread         *thread;
  TauriReplyFunc   reply_func;         /* NULL: made by a binding, answers go nowhere */
  gpointer         reply_data;
  GDestroyNotify   reply_destroy;
  int              answered;           /* atomic */
};

G_END_DECLS
