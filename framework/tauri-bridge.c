/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-bridge-internal.h"
#include "tauri-command-registry-private.h"
#include "tauri-error.h"
#include "tauri-events-private.h"
#include "tauri-json-private.h"
#include "tauri-message-private.h"
#include "tauri-window.h"

/*
 * The native half of the bridge for one window: the WebKit message handler
 * that receives the page's calls and starts them, and the scripts it gives
 * the page. Where the answers and the messages pushed to the page (events
 * and channel messages) go is tauri-bridge-outbox.c's concern.
 *
 * Trust rests on what this side controls. The main handler, "tauri", is
 * registered in an isolated script world, and the only script injected into
 * that world (bridge/ipc.js) is injected into the top frame alone, and only
 * when its URL is on the app's origin: no iframe and no foreign page can
 * reach it. The calls made alone come to a handler of the page's own world,
 * "tauriCall", which every frame sees: each of its messages must begin with
 * the window's token, which only its own page was given. Calls whose body
 * is raw bytes must carry the token too (tauri-bridge-bytes.c,
 * tauri-bridge-scheme.c). Each message is checked again against the page's
 * current URI, in case a navigation is under way.
 *
 * Pushes travel on a long poll: the page always keeps one message ('p')
 * waiting for a reply, and the reply is the outbox, everything queued since
 * the last one. The calls a page makes in one task come as one message
 * ('b'), and their answers go in the outbox too, so that a burst of calls
 * costs a few messages each way rather than one per call; a call made alone
 * ('i') is answered by the reply to its own message, the shortest way. An
 * answer never overtakes pushes queued before it: while the outbox waits for
 * the next poll, the answers to lone calls wait too.
 */

#define RESOURCE_PATH "/io/github/taurigtk/Tauri/bridge/"

G_DEFINE_FINAL_TYPE (TauriBridge, tauri_bridge, G_TYPE_OBJECT)

Call *
_tauri_bridge_call_new (TauriBridge *self,
          guint64      id)
{
  Call *call = g_new0 (Call, 1);

  call->bridge = self;
  call->id = id;
  g_weak_ref_init (&call->invocation, NULL);
  g_hash_table_replace (self->calls, &call->id, call);

  return call;
}

/* Keeps a weak reference on the call's invocation, to cancel it if the page
 * goes away; a call answered at once is gone already. */
void
_tauri_bridge_track_invocation (TauriBridge     *self,
                  guint64          id,
                  TauriInvocation *invocation)
{
  Call *call = g_hash_table_lookup (self->calls, &id);

  if (call != NULL)
    g_weak_ref_set (&call->invocation, invocation);
}

static void
reply_error (WebKitScriptMessageReply *reply,
             const char               *message)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (message);

  webkit_script_message_reply_return_error_message (reply, g_bytes_get_data (json, NULL));
}

/* Whether the page showing may call: the app's own, or a remote page a
 * capability lets call this window, in which case @remote_uri is set to
 * its URI so that the capabilities can tell. */
gboolean
_tauri_bridge_page_may_call (TauriBridge  *self,
               const char  **remote_uri)
{
  WebKitWebView *web_view = tauri_window_get_web_view (self->window);
  const char *uri = web_view ? webkit_web_view_get_uri (web_view) : NULL;

  *remote_uri = NULL;

  if (self->closed)
    return FALSE;

  if (uri != NULL && g_strcmp0 (uri, self->trusted_uri) == 0)
    return TRUE;

  if (_tauri_app_is_trusted_uri (self->app, uri))
    {
      g_free (self->trusted_uri);
      self->trusted_uri = g_strdup (uri);
      return TRUE;
    }

  if (uri != NULL && _tauri_command_registry_allows_remote (self->registry, tauri_window_get_label (self->window), uri))
    {
      *remote_uri = uri;
      return TRUE;
    }

  return FALSE;
}

void
_tauri_bridge_log_refusal (TauriBridge *self,
             const char  *what,
             const char  *why)
{
  WebKitWebView *web_view = tauri_window_get_web_view (self->window);

  g_message ("Refused %s in window “%s” showing %s: %s", what, tauri_window_get_label (self->window),
             web_view ? webkit_web_view_get_uri (web_view) : "(no page)", why);
}

/* Whether a call that came with @token, @token_length bytes (or none),
 * comes from the window's own page: the token was given to that page
 * alone, and the page must still be showing. If not, the refusal is
 * logged, as @what, and the caller answers NOT_ALLOWED. */
gboolean
_tauri_bridge_caller_is_trusted (TauriBridge  *self,
                                 const char   *token,
                                 gsize         token_length,
                                 const char   *what,
                                 const char  **remote_uri)
{
  gboolean has_token = token != NULL && token_length == strlen (self->token) &&
                       memcmp (token, self->token, token_length) == 0;

  if (has_token && _tauri_bridge_page_may_call (self, remote_uri))
    return TRUE;

  _tauri_bridge_log_refusal (self, what, has_token ? "not the app’s own page" : "sent without the window’s token");
  return FALSE;
}

char *
_tauri_bridge_describe_too_large (TauriBridge *self,
                    const char  *name,
                    gsize        length)
{
  return g_strdup_printf ("invalid args for command `%s`: the call is %" G_GSIZE_FORMAT
                          " bytes, more than the limit of %" G_GSIZE_FORMAT, name, length,
                          tauri_command_registry_get_max_message_size (self->registry));
}

/* Answers at once a call that cannot start, and empties @to. */
static void
refuse_call (TauriBridge *self,
             ReplyTo     *to,
             guint64      id,
             const char  *text)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (text);

  if (to->outbox)
    _tauri_bridge_queue_outbox_answer (self, id, TAURI_REPLY_ERROR, json);
  else
    webkit_script_message_reply_return_error_message (to->reply, g_bytes_get_data (json, NULL));

  _tauri_bridge_reply_to_clear (to);
}

/* i<call id>\n<command>\n<JSON arguments>, to be answered to @to, which the
 * call takes. @id is the call's id when its frame told it, for errors. */
static void
start_call (TauriBridge *self,
            const char  *message,
            gsize        length,
            ReplyTo     *to,
            guint64      id,
            const char  *remote_uri)
{
  g_auto(TauriMessage) call_message = { 0 };
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(GError) error = NULL;
  Call *call;

  if (!_tauri_message_parse_invoke (message, length, &call_message, &error))
    {
      refuse_call (self, to, id, error->message);
      return;
    }

  if (length > tauri_command_registry_get_max_message_size (self->registry))
    {
      g_autofree char *text = _tauri_bridge_describe_too_large (self, call_message.name, length);

      refuse_call (self, to, call_message.id, text);
      return;
    }

  call = _tauri_bridge_call_new (self, call_message.id);
  call->to = *to;
  memset (to, 0, sizeof *to);

  invocation = _tauri_command_registry_dispatch (self->registry, call_message.name,
                                                 call_message.arguments, call_message.arguments_length,
                                                 self->window, NULL, remote_uri,
                                                 _tauri_bridge_call_reply_cb, call, (GDestroyNotify) _tauri_bridge_call_free);
  _tauri_bridge_track_invocation (self, call_message.id, invocation);
}

/* i…: a call made alone, answered by the reply. */
static void
handle_invoke (TauriBridge              *self,
               const char               *message,
               gsize                     length,
               WebKitScriptMessageReply *reply,
               JSCContext               *context,
               const char               *remote_uri)
{
  ReplyTo to = { webkit_script_message_reply_ref (reply), g_object_ref (context), NULL, NULL, FALSE };

  start_call (self, message, length, &to, 0, remote_uri);
}

/* One call of a batch, in its message. */
typedef struct
{
  const char *text;
  gsize       length;
  guint64     id;
} Frame;

/* b<length>:<message><length>:<message>…: the calls a page made in one
 * task (see _tauri_message_next_frame()). The reply says nothing: each call
 * is answered in the outbox, sent once all have started. A batch whose
 * frames cannot all be read is refused whole, and the page fails each of
 * its calls. */
static void
handle_batch (TauriBridge              *self,
              const char               *message,
              gsize                     length,
              WebKitScriptMessageReply *reply,
              JSCContext               *context,
              const char               *remote_uri)
{
  g_autoptr(JSCValue) done = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  const char *end = message + length;

  for (const char *at = message + 1; at < end;)
    {
      Frame frame;

      if (!_tauri_message_next_frame (&at, end, &frame.text, &frame.length, &frame.id))
        {
          reply_error (reply, "malformed message");
          return;
        }
      g_array_append_val (frames, frame);
    }

  done = jsc_value_new_string (context, "");
  webkit_script_message_reply_return_value (reply, done);

  /* A call may close the window, and with it the bridge: the calls after
   * it are not made. */
  g_object_ref (self);
  self->in_batch = TRUE;
  for (guint i = 0; i < frames->len && !self->closed; i++)
    {
      const Frame *frame = &g_array_index (frames, Frame, i);
      ReplyTo to = { NULL, NULL, NULL, NULL, TRUE };

      start_call (self, frame->text, frame->length, &to, frame->id, remote_uri);
    }
  self->in_batch = FALSE;

  _tauri_bridge_flush (self);
  g_object_unref (self);
}

/* a<call id>: the page gave up on a call (an AbortSignal fired). */
static void
handle_abort (TauriBridge *self,
              const char  *message,
              gsize        length)
{
  guint64 id = 0;
  Call *call;

  if (!_tauri_message_parse_call_id (message + 1, message + length, &id))
    return;

  /* The same page id names a call made with a script message or over
   * tauri://. */
  if ((call = g_hash_table_lookup (self->calls, &id)) == NULL)
    {
      id |= BODY_CALL_IDS;
      call = g_hash_table_lookup (self->calls, &id);
    }

  if (call != NULL)
    {
      g_hash_table_remove (self->calls, &id);
      _tauri_bridge_call_abandon (call);
    }
}

/* c<level> <text> */
static void
handle_console (TauriBridge *self,
                const char  *message,
                gsize        length)
{
  static const char * const levels[] = { "debug", "log", "info", "warn", "error" };
  const char *space = memchr (message, ' ', length);

  if (!self->forward_console || space == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      if ((gsize) (space - message - 1) == strlen (levels[i]) &&
          strncmp (message + 1, levels[i], space - message - 1) == 0)
        {
          g_printerr ("console.%s: %.*s\n", levels[i], (int) (length - (space + 1 - message)), space + 1);
          return;
        }
    }
}

static gboolean
script_message_cb (WebKitUserContentManager *content_manager,
                   JSCValue                 *value,
                   WebKitScriptMessageReply *reply,
                   TauriBridge              *self)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *remote_uri;
  const char *message;
  gsize length = 0;

  if (!_tauri_bridge_page_may_call (self, &remote_uri))
    {
      _tauri_bridge_log_refusal (self, "a call", "not the app’s own page");
      reply_error (reply, NOT_ALLOWED);
      return TRUE;
    }

  if (!jsc_value_is_string (value))
    {
      reply_error (reply, "malformed message");
      return TRUE;
    }

  bytes = jsc_value_to_string_as_bytes (value);
  message = g_bytes_get_data (bytes, &length);

  switch (length > 0 ? message[0] : '\0')
    {
    case 'i':
      handle_invoke (self, message, length, reply, jsc_value_get_context (value), remote_uri);
      break;

    case 'b':
      handle_batch (self, message, length, reply, jsc_value_get_context (value), remote_uri);
      break;

    case 'p':
      _tauri_bridge_handle_poll (self, reply, jsc_value_get_context (value));
      break;

    case 'a':
      handle_abort (self, message, length);
      break;

    case 'c':
      handle_console (self, message, length);
      break;

    default:
      reply_error (reply, "malformed message");
      break;
    }

  return TRUE;
}

/* <token>i<call id>\n<command>\n<JSON arguments>: a call made alone,
 * posted by core.js from the page's own world, which spares it the trip
 * through the isolated world and back (some 15 µs of the web process's
 * time per call). This handler is in every frame of that world, foreign
 * ones too, so each message carries the token that only the window's own
 * page was given, as calls over tauri:// do. */
static gboolean
page_call_cb (WebKitUserContentManager *content_manager,
              JSCValue                 *value,
              WebKitScriptMessageReply *reply,
              TauriBridge              *self)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize token_length = strlen (self->token);
  const char *remote_uri;
  const char *message = NULL;
  gsize length = 0;

  if (jsc_value_is_string (value))
    {
      bytes = jsc_value_to_string_as_bytes (value);
      message = g_bytes_get_data (bytes, &length);
    }

  /* The token, then the message: one without a message has no token. */
  if (!_tauri_bridge_caller_is_trusted (self, message, length > token_length ? token_length : 0,
                                        "a call", &remote_uri))
    {
      reply_error (reply, NOT_ALLOWED);
      return TRUE;
    }

  if (message[token_length] != 'i')
    {
      reply_error (reply, "malformed message");
      return TRUE;
    }

  handle_invoke (self, message + token_length, length - token_length, reply,
                 jsc_value_get_context (value), remote_uri);
  return TRUE;
}

/* @allowed_origin NULL: every page, for a window that a capability lets
 * remote pages call (the native side still checks each page). */
static WebKitUserScript *
load_script (const char *name,
             const char *suffix,
             const char *world,
             const char *allowed_origin)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = allowed_origin ? g_uri_parse (allowed_origin, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *allow_list[] = { NULL, NULL };
  const char * const *patterns = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *source = NULL;

  g_assert (bytes != NULL);

  /* WebKit's URL patterns match hosts without ports; the port is checked
   * on each message. */
  if (uri != NULL)
    {
      pattern = g_strdup_printf ("%s://%s/*", g_uri_get_scheme (uri), g_uri_get_host (uri));
      allow_list[0] = pattern;
      patterns = allow_list;
    }
  source = g_strconcat (g_bytes_get_data (bytes, NULL), suffix, NULL);

  if (world == NULL)
    return webkit_user_script_new (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, patterns, NULL);

  return webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                           WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                           world, patterns, NULL);
}

static char *
build_config (TauriBridge *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) config = NULL;
  g_autoptr(GBytes) json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, tauri_window_get_label (self->window));
  json_builder_set_member_name (builder, "forwardConsole");
  json_builder_add_boolean_value (builder, self->forward_console);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, self->token);
  json_builder_set_member_name (builder, "ipcUrl");
  json_builder_add_string_value (builder, TAURI_APP_ORIGIN "/__tauri_ipc__/");
  json_builder_end_object (builder);
  config = json_builder_get_root (builder);
  json = _tauri_json_to_bytes (config);

  return g_strdup_printf ("(%s);\n", (const char *) g_bytes_get_data (json, NULL));
}

static void
add_scripts (TauriBridge *self)
{
  g_autofree char *origin = _tauri_command_registry_has_remote (self->registry, tauri_window_get_label (self->window))
                            ? NULL : _tauri_app_dup_trusted_origin (self->app);
  g_autofree char *config = build_config (self);
  g_autoptr(WebKitUserScript) core = load_script ("core.js", config, NULL, origin);
  g_autoptr(WebKitUserScript) ipc = load_script ("ipc.js", "", TAURI_BRIDGE_WORLD, origin);

  webkit_user_content_manager_add_script (self->content_manager, core);
  webkit_user_content_manager_add_script (self->content_manager, ipc);
}

/* The window is going: its calls are cancelled and no message reaches the
 * bridge any more. Done before the web view goes, which may deliver a last
 * message while it is destroyed, when the window is half gone. */
void
_tauri_bridge_close (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  _tauri_bridge_abandon_calls (self);

  /* WebKit complains about messages for a handler whose manager is gone. */
  if (self->content_manager != NULL && !self->closed)
    {
      g_signal_handlers_disconnect_by_data (self->content_manager, self);
      webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                     "tauri", TAURI_BRIDGE_WORLD);
    }
  self->closed = TRUE;
}

static void
tauri_bridge_dispose (GObject *object)
{
  TauriBridge *self = TAURI_BRIDGE (object);

  _tauri_bridge_close (self);

  g_clear_object (&self->content_manager);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (tauri_bridge_parent_class)->dispose (object);
}

static void
tauri_bridge_finalize (GObject *object)
{
  TauriBridge *self = TAURI_BRIDGE (object);

  g_clear_pointer (&self->calls, g_hash_table_unref);
  g_clear_pointer (&self->listeners, g_ptr_array_unref);
  g_clear_pointer (&self->answer_bytes, g_hash_table_unref);
  g_string_free (self->outbox, TRUE);
  g_clear_pointer (&self->trusted_uri, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (tauri_bridge_parent_class)->finalize (object);
}

static void
tauri_bridge_class_init (TauriBridgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tauri_bridge_dispose;
  object_class->finalize = tauri_bridge_finalize;
}

static void
tauri_bridge_init (TauriBridge *self)
{
  self->calls = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->listeners = _tauri_listeners_new ();
  self->outbox = g_string_new (NULL);
  self->answer_bytes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);
  g_queue_init (&self->held_answers);
  self->token = g_uuid_string_random ();
  self->generation = 1;
}

TauriBridge *
_tauri_bridge_new (TauriWindow *window)
{
  TauriBridge *self;

  g_assert (TAURI_IS_WINDOW (window));

  self = g_object_new (TAURI_TYPE_BRIDGE, NULL);
  self->window = window;
  self->app = tauri_window_get_app (window);
  self->registry = g_object_ref (tauri_app_get_registry (self->app));
  self->forward_console = tauri_app_get_developer_mode (self->app);

  self->content_manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_register_script_message_handler_with_reply (self->content_manager,
                                                                          "tauri", TAURI_BRIDGE_WORLD);
  g_signal_connect (self->content_manager, "script-message-with-reply-received::tauri",
                    G_CALLBACK (script_message_cb), self);
  webkit_user_content_manager_register_script_message_handler_with_reply (self->content_manager,
                                                                          "tauriCall", NULL);
  g_signal_connect (self->content_manager, "script-message-with-reply-received::tauriCall",
                    G_CALLBACK (page_call_cb), self);
  add_scripts (self);

  return self;
}

WebKitUserContentManager *
_tauri_bridge_get_content_manager (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->content_manager;
}

TauriWindow *
_tauri_bridge_get_window (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->window;
}

guint
_tauri_bridge_get_n_pending (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return g_hash_table_size (self->calls);
}

guint
_tauri_bridge_get_generation (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->generation;
}

GPtrArray *
_tauri_bridge_get_listeners (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->listeners;
}

void
_tauri_bridge_abandon_calls (TauriBridge *self)
{
  g_autoptr(GList) calls = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  /* Whatever was meant for the page that is gone stays undelivered. */
  self->generation++;
  g_ptr_array_set_size (self->listeners, 0);
  g_hash_table_remove_all (self->answer_bytes);
  g_string_truncate (self->outbox, 0);
  self->push_frame_open = FALSE;
  g_queue_clear_full (&self->held_answers, (GDestroyNotify) _tauri_bridge_held_answer_free);
  g_clear_pointer (&self->poll, webkit_script_message_reply_unref);
  g_clear_object (&self->poll_context);

  calls = g_hash_table_get_values (self->calls);
  g_hash_table_remove_all (self->calls);

  for (GList *l = calls; l != NULL; l = l->next)
    _tauri_bridge_call_abandon (l->data);
}
