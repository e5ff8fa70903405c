/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <webkit/webkit.h>

#include "tauri-command-registry.h"
#include "tauri-invocation-private.h"
#include "tauri-types.h"

G_BEGIN_DECLS

/*
 * The bridge between one window's page and the command registry. One call
 * travels one way: a transport receives it (tauri-bridge-script.c, script
 * messages; tauri-bridge-bytes.c, raw bytes through the web process
 * extension; tauri-bridge-ipc.c, raw bytes over tauri://), the bridge
 * checks who sent it and starts it (tauri-bridge.c), and its one answer
 * goes back through the TauriBridgeReply it came with
 * (tauri-bridge-reply.c), in order with what was pushed to the page before
 * it (tauri-bridge-outbox.c). A TauriBridgePage (tauri-bridge-page.c) is
 * the page as other threads may hold it: where channels send.
 */

#define TAURI_TYPE_BRIDGE (tauri_bridge_get_type ())

G_DECLARE_FINAL_TYPE (TauriBridge, tauri_bridge, TAURI, BRIDGE, GObject)

/* The script world the native half of the bridge lives in. */
#define TAURI_BRIDGE_WORLD "tauri-gtk"

/* What a call from anywhere but the window's own page is refused with. */
#define TAURI_BRIDGE_NOT_ALLOWED "Command not allowed: the page is not the app’s own"

/* Where a call's answer goes. */
typedef enum
{
  TAURI_BRIDGE_REPLY_NONE,      /* answered or dropped already */
  TAURI_BRIDGE_REPLY_SCRIPT,    /* the reply to a script message: a call made alone */
  TAURI_BRIDGE_REPLY_OUTBOX,    /* an entry of the page's outbox: a call of a batch */
  TAURI_BRIDGE_REPLY_REQUEST,   /* a tauri:// request: raw bytes without the extension */
  TAURI_BRIDGE_REPLY_MESSAGE,   /* a user message of the web process extension: raw bytes */
} TauriBridgeReplyKind;

typedef struct
{
  TauriBridgeReplyKind kind;
  union
  {
    struct
    {
      WebKitScriptMessageReply *reply;
      JSCContext               *context;      /* where the answer's value is made */
    } script;
    struct
    {
      TauriBridge              *bridge;       /* unowned: the reply goes with the page */
      guint64                   id;
    } outbox;
    WebKitURISchemeRequest     *request;
    WebKitUserMessage          *message;
  } to;
} TauriBridgeReply;

/* One call waiting for its answer. Owned by its invocation, through the
 * reply function's data; the bridge finds it by id to abort it. */
typedef struct
{
  TauriBridge      *bridge;       /* NULL once the page is gone */
  guint64           id;           /* the page's id of the call */
  TauriBridgeReply  reply;
  GWeakRef          invocation;
} TauriBridgeCall;

/* What a transport knows of a call when it hands it over. */
typedef struct
{
  guint64      id;
  const char  *name;
  const char  *arguments;          /* JSON text, or NULL: @body */
  gsize        arguments_length;
  GBytes      *body;               /* raw bytes, or NULL: @arguments */
  GHashTable  *headers;            /* (transfer full) (nullable) lowercase name → value */
  const char  *remote_uri;         /* NULL for the app's own pages */
} TauriBridgeRequest;

struct _TauriBridge
{
  GObject                   parent_instance;

  TauriWindow              *window;             /* unowned: it owns us */
  TauriApp                 *app;                /* unowned: the window holds it */
  TauriCommandRegistry     *registry;
  WebKitUserContentManager *content_manager;
  TauriBridgePage          *page;               /* the page showing */
  GHashTable               *calls;              /* call id → TauriBridgeCall, unowned */
  char                     *committed_uri;      /* of the document showing */
  char                     *token;              /* what its messages begin with */
  char                     *pending_token;      /* the next document's */
  WebKitUserScript         *scripts[2];         /* core.js and ipc.js, for the next document */
  gboolean                  forward_console;       /* --dev */
  gboolean                  closed;             /* its window is going */
  gboolean                  page_called;        /* the page showing made a call */
  guint                     silence_source;     /* --dev: says so if it makes none */
  GPtrArray                *listeners;          /* see tauri-events.c */

  /* tauri-bridge-outbox.c */
  WebKitScriptMessageReply *poll;               /* the page's waiting poll, or NULL */
  JSCContext               *poll_context;
  GString                  *outbox;             /* frames for the next poll */
  gboolean                  push_frame_open;    /* it ends with a frame of pushes, unfinished */
  gboolean                  in_batch;           /* dispatching a batch of calls */
  gsize                     outbox_reserved;    /* of the page's room, its pushes took */
  GQueue                    held;               /* answers waiting for the outbox to go */
};

/* tauri-bridge.c: the bridge of a window, who may call, and the calls. */
TauriBridge              *_tauri_bridge_new                 (TauriWindow            *window,
                                                             TauriApp               *app,
                                                             WebKitUserContentManager *content_manager) G_GNUC_WARN_UNUSED_RESULT;
WebKitUserContentManager *_tauri_bridge_get_content_manager (TauriBridge            *self);
TauriBridgePage          *_tauri_bridge_get_page            (TauriBridge            *self);
const char               *_tauri_bridge_get_committed_uri   (TauriBridge            *self);
gboolean                  _tauri_bridge_document_may_call   (TauriBridge            *self);
guint                     _tauri_bridge_get_n_pending       (TauriBridge            *self);
GPtrArray                *_tauri_bridge_get_listeners       (TauriBridge            *self);
gboolean                  _tauri_bridge_trust_caller        (TauriBridge            *self,
                                                             const char             *token,
                                                             gsize                   token_length,
                                                             const char             *entry,
                                                             const char            **remote_uri);
void                      _tauri_bridge_start_call          (TauriBridge            *self,
                                                             TauriBridgeRequest     *request,
                                                             TauriBridgeReply       *reply);
void                      _tauri_bridge_start_call_text     (TauriBridge            *self,
                                                             const char             *message,
                                                             gsize                   length,
                                                             const char             *remote_uri,
                                                             TauriBridgeReply       *reply);
void                      _tauri_bridge_abort_call          (TauriBridge            *self,
                                                             guint64                 id);
void                      _tauri_bridge_refuse_too_large    (TauriBridge            *self,
                                                             TauriBridgeReply       *reply,
                                                             const char             *name,
                                                             guint64                 length);
void                      _tauri_bridge_prepare_page        (TauriBridge            *self,
                                                             const char             *uri);
void                      _tauri_bridge_page_committed      (TauriBridge            *self,
                                                             const char             *uri);
void                      _tauri_bridge_page_loaded         (TauriBridge            *self);
void                      _tauri_bridge_abandon_calls       (TauriBridge            *self);
void                      _tauri_bridge_close               (TauriBridge            *self);

/* tauri-bridge-script.c: the script-message handlers. */
void                      _tauri_bridge_script_register     (TauriBridge            *self);
void                      _tauri_bridge_script_unregister   (TauriBridge            *self);

/* tauri-bridge-extension.c: calls made alone and raw bytes, through the
 * web process extension. */
void                      _tauri_bridge_extension_watch     (TauriBridge            *self,
                                                             WebKitWebView          *web_view);

/* tauri-bridge-ipc.c: raw bytes over tauri://localhost/__tauri_ipc__/. */
#define TAURI_BRIDGE_IPC_PATH "/__tauri_ipc__/"
void                      _tauri_bridge_ipc_handle_request  (TauriBridge            *self,
                                                             WebKitURISchemeRequest *request);
void                      _tauri_bridge_ipc_add_cors_headers (WebKitURISchemeRequest *request,
                                                              SoupMessageHeaders     *headers);
void                      _tauri_bridge_ipc_allow_origin    (WebKitURISchemeRequest *request);

/* tauri-bridge-reply.c: where an answer goes; each operation empties it. */
void                      _tauri_bridge_reply_send          (TauriBridgeReply       *self,
                                                             const TauriAnswer      *answer);
void                      _tauri_bridge_reply_refuse        (TauriBridgeReply       *self,
                                                             const char             *text);
void                      _tauri_bridge_reply_drop          (TauriBridgeReply       *self);
GBytes                   *_tauri_bridge_reply_encode_text   (const TauriAnswer      *answer) G_GNUC_WARN_UNUSED_RESULT;
void                      _tauri_bridge_reply_encode_outbox (GString                *outbox,
                                                             guint64                 id,
                                                             const TauriAnswer      *answer);
GVariant                 *_tauri_bridge_reply_encode_message (const TauriAnswer     *answer) G_GNUC_WARN_UNUSED_RESULT;
guint                     _tauri_bridge_reply_encode_request (const TauriAnswer     *answer,
                                                              const char           **content_type);

/* tauri-bridge-outbox.c: what goes to the page, in order. */
void                      _tauri_bridge_outbox_answer       (TauriBridge            *self,
                                                             TauriBridgeReply       *reply,
                                                             const TauriAnswer      *answer);
void                      _tauri_bridge_outbox_queue        (TauriBridge            *self,
                                                             guint64                 id,
                                                             const TauriAnswer      *answer);
void                      _tauri_bridge_outbox_poll         (TauriBridge            *self,
                                                             WebKitScriptMessageReply *reply,
                                                             JSCContext             *context);
void                      _tauri_bridge_outbox_push         (TauriBridge            *self,
                                                             guint32                 callback_id,
                                                             const char             *data,
                                                             gsize                   length);
void                      _tauri_bridge_outbox_push_items   (TauriBridge            *self,
                                                             const char             *items,
                                                             gsize                   length,
                                                             gsize                   reserved);
void                      _tauri_bridge_outbox_begin_batch  (TauriBridge            *self);
void                      _tauri_bridge_outbox_end_batch    (TauriBridge            *self);
void                      _tauri_bridge_outbox_clear        (TauriBridge            *self);

/* tauri-bridge-page.c: the page as any thread may hold it. At most this
 * many bytes pushed to it (channel messages, events) wait for it to read. */
#define TAURI_BRIDGE_PAGE_MAX_QUEUED (16 * 1024 * 1024)

TauriBridgePage          *_tauri_bridge_page_new            (TauriBridge            *bridge) G_GNUC_WARN_UNUSED_RESULT;
TauriBridgePage          *_tauri_bridge_page_ref            (TauriBridgePage        *self);
void                      _tauri_bridge_page_unref          (TauriBridgePage        *self);
void                      _tauri_bridge_page_retire         (TauriBridgePage        *self);
gboolean                  _tauri_bridge_page_is_live        (TauriBridgePage        *self);
void                      _tauri_bridge_page_push_items     (TauriBridgePage        *self,
                                                             const char             *items,
                                                             gsize                   length,
                                                             gsize                   reserved);
gboolean                  _tauri_bridge_page_reserve        (TauriBridgePage        *self,
                                                             gsize                   length,
                                                             gboolean                wait);
void                      _tauri_bridge_page_release        (TauriBridgePage        *self,
                                                             gsize                   length);
gsize                     _tauri_bridge_page_get_queued     (TauriBridgePage        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriBridgePage, _tauri_bridge_page_unref)

G_END_DECLS
