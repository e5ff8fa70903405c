/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-bridge-private.h"
#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"
#include "tauri-message-private.h"

G_BEGIN_DECLS

/* What the files of the bridge share: tauri-bridge.c (script messages),
 * tauri-bridge-outbox.c (where answers and pushes go),
 * tauri-bridge-scheme.c (calls over tauri://) and tauri-bridge-bytes.c
 * (calls with raw bytes through the web process extension). */

/* What a call from anywhere but the window's own page is answered. */
#define NOT_ALLOWED "Command not allowed: the page is not the app’s own"

/* Calls over tauri:// are kept under the page's id with this bit set, or
 * under a number of their own above it. */
#define BODY_CALL_IDS TAURI_MESSAGE_MAX_CALL_ID
#define UNNAMED_BODY_CALL_IDS (BODY_CALL_IDS | (G_GUINT64_CONSTANT (1) << 62))

struct _TauriBridge
{
  GObject                   parent_instance;

  TauriWindow              *window;             /* unowned: it owns us */
  TauriApp                 *app;                /* unowned: the window holds it */
  TauriCommandRegistry     *registry;
  WebKitUserContentManager *content_manager;
  GHashTable               *calls;              /* call id → Call, unowned */
  guint64                   last_body_call;     /* unnamed tauri:// calls */
  char                     *trusted_uri;        /* the page URI last found trusted */
  char                     *token;              /* the page's proof on tauri:// calls */
  gboolean                  forward_console;
  gboolean                  closed;             /* its window is going */

  /* The page now showing; each new page gets a new generation. */
  guint                     generation;
  GPtrArray                *listeners;          /* see tauri-events.c */

  WebKitScriptMessageReply *poll;               /* the page's waiting poll, or NULL */
  JSCContext               *poll_context;
  GString                  *outbox;             /* frames for the next poll, see send_outbox() */
  gboolean                  push_frame_open;    /* it ends with a frame of pushes, unfinished */
  gboolean                  in_batch;           /* dispatching a batch of calls */
  GHashTable               *answer_bytes;       /* id → GBytes the page will fetch */
  guint64                   last_answer_bytes;
  GQueue                    held_answers;       /* HeldAnswer, waiting for pushes */
};

/* Where an answer goes: the reply to a script message, a tauri://
 * request, the reply to the web process extension's message, or, for a
 * call of a batch, the outbox. Empty once sent or dropped. */
typedef struct
{
  WebKitScriptMessageReply *reply;
  JSCContext               *context;
  WebKitURISchemeRequest   *request;
  WebKitUserMessage        *message;
  gboolean                  outbox;
} ReplyTo;

/* One call waiting for its answer. Owned by its invocation, through the
 * reply closure; the bridge only looks it up to abandon it. */
typedef struct
{
  TauriBridge *bridge;     /* NULL once the page is gone */
  guint64      id;         /* the page's id, or one from 2⁶³ for tauri:// calls */
  ReplyTo      to;
  GWeakRef     invocation;
} Call;

/* An answer held back until the pushes queued before it are delivered. */
typedef struct
{
  ReplyTo         to;
  TauriReplyKind  kind;
  GBytes         *payload;
} HeldAnswer;

void     _tauri_bridge_finish_request      (WebKitURISchemeRequest  *request,
                                            guint                    status,
                                            const char              *content_type,
                                            GBytes                  *body);
void     _tauri_bridge_reply_to_clear      (ReplyTo                 *to);
void     _tauri_bridge_reply_to_message    (WebKitUserMessage       *message,
                                            TauriReplyKind           kind,
                                            GBytes                  *payload);
void     _tauri_bridge_dispatch_body       (TauriBridge             *self,
                                            const char              *name,
                                            const char              *remote_uri,
                                            guint64                  page_id,
                                            GBytes                  *body,
                                            ReplyTo                 *to);
void     _tauri_bridge_held_answer_free    (HeldAnswer              *held);
void     _tauri_bridge_call_abandon        (Call                    *call);
void     _tauri_bridge_flush               (TauriBridge             *self);
void     _tauri_bridge_queue_outbox_answer (TauriBridge             *self,
                                            guint64                  id,
                                            TauriReplyKind           kind,
                                            GBytes                  *payload);
void     _tauri_bridge_handle_poll         (TauriBridge             *self,
                                            WebKitScriptMessageReply *reply,
                                            JSCContext              *context);
Call    *_tauri_bridge_call_new            (TauriBridge             *self,
                                            guint64                  id);
void     _tauri_bridge_call_free           (Call                    *call);
void     _tauri_bridge_call_reply_cb       (TauriReplyKind           kind,
                                            GBytes                  *payload,
                                            gpointer                 user_data);
void     _tauri_bridge_track_invocation    (TauriBridge             *self,
                                            guint64                  id,
                                            TauriInvocation         *invocation);
gboolean _tauri_bridge_page_may_call       (TauriBridge             *self,
                                            const char             **remote_uri);
gboolean _tauri_bridge_caller_is_trusted  (TauriBridge             *self,
                                            const char              *token,
                                            gsize                    token_length,
                                            const char              *what,
                                            const char             **remote_uri);
void     _tauri_bridge_log_refusal         (TauriBridge             *self,
                                            const char              *what,
                                            const char              *why);
char    *_tauri_bridge_describe_too_large  (TauriBridge             *self,
                                            const char              *name,
                                            gsize                    length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
