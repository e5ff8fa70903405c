/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tauri-app-private.h"
#include "tauri-bridge-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-events-private.h"
#include "tauri-json-private.h"
#include "tauri-message-private.h"
#include "tauri-origin-private.h"
#include "tauri-window.h"

/*
 * The bridge of one window: who may call, the calls waiting for their
 * answers, and the scripts it gives the page.
 *
 * Trust rests on what this side controls, and is judged in one place,
 * _tauri_bridge_trust_caller(), for every way in. Each document gets a
 * token of its own, a random UUID in a closure of the bridge's scripts,
 * made when its navigation is answered and retired when the next document
 * commits; every message and every call with raw bytes begins with it. The
 * scripts are given only to a document of the app's own origin (scheme,
 * host and port), or of a remote page a capability lets call this window,
 * and only its top frame; they check the origin again when they start. A
 * message is judged by the document that sent it: the URI committed, never
 * one a navigation under way is heading for. The one script message
 * handler, "tauri", lives in an isolated world that only those scripts
 * run in; the web process extension gives the top frame alone its own way
 * to post. No frame reaches either.
 *
 * Every call, whatever way it came, starts in _tauri_bridge_start_call(),
 * the one way into the registry, and is answered once through the
 * TauriBridgeReply it came with.
 */

#define RESOURCE_PATH "/io/github/taurigtk/Tauri/bridge/"

G_DEFINE_FINAL_TYPE (TauriBridge, tauri_bridge, G_TYPE_OBJECT)

static void
log_refusal (TauriBridge *self,
             const char  *entry,
             const char  *why)
{
  const char *uri = self->committed_uri ? self->committed_uri : "(no page)";

  /* A data: URI may be the whole page: its beginning says enough. */
  g_message ("Refused %s in window “%s” showing %.200s%s: %s", entry, tauri_window_get_label (self->window),
             uri, strlen (uri) > 200 ? "…" : "", why);
}

/* Whether a document of @uri may call: the app's own, or a remote page a
 * capability lets call this window, in which case @remote_uri is set to
 * @uri so that the capabilities can tell. */
static gboolean
uri_may_call (TauriBridge  *self,
              const char   *uri,
              const char  **remote_uri)
{
  *remote_uri = NULL;

  if (uri == NULL)
    return FALSE;

  if (_tauri_app_is_trusted_uri (self->app, uri))
    return TRUE;

  if (_tauri_command_registry_allows_remote (self->registry, tauri_window_get_label (self->window), uri))
    {
      *remote_uri = uri;
      return TRUE;
    }

  return FALSE;
}

/* The one check of every way in: whether what came with @token,
 * @token_length bytes (NULL: none), comes from the window's own page.
 * If not, the refusal is logged, as @entry says what came, and the caller
 * answers with _tauri_bridge_reply_refuse() and TAURI_BRIDGE_NOT_ALLOWED. */
gboolean
_tauri_bridge_trust_caller (TauriBridge  *self,
                            const char   *token,
                            gsize         token_length,
                            const char   *entry,
                            const char  **remote_uri)
{
  gboolean has_token;

  g_assert (TAURI_IS_BRIDGE (self));

  *remote_uri = NULL;
  if (self->closed)
    return FALSE;

  has_token = token != NULL && token_length == strlen (self->token) &&
              memcmp (token, self->token, token_length) == 0;
  if (has_token && uri_may_call (self, self->committed_uri, remote_uri))
    return TRUE;

  log_refusal (self, entry, has_token ? "not the app’s own page" : "sent without the window’s token");
  return FALSE;
}

void
_tauri_bridge_refuse_too_large (TauriBridge      *self,
                                TauriBridgeReply *reply,
                                const char       *name,
                                guint64           length)
{
  g_autofree char *text =
    g_strdup_printf ("invalid args for command `%s`: the call is %" G_GUINT64_FORMAT
                     " bytes, more than the limit of %" G_GSIZE_FORMAT, name, length,
                     tauri_command_registry_get_max_message_size (self->registry));

  _tauri_bridge_reply_refuse (reply, text);
}

static void
call_free (TauriBridgeCall *call)
{
  if (call->bridge != NULL)
    g_hash_table_remove (call->bridge->calls, &call->id);

  _tauri_bridge_reply_drop (&call->reply);
  g_weak_ref_clear (&call->invocation);
  g_free (call);
}

/* The page will never read the answer: the handler may stop early, and the
 * answer is dropped when it comes. */
static void
call_abandon (TauriBridgeCall *call)
{
  g_autoptr(TauriInvocation) invocation = g_weak_ref_get (&call->invocation);

  call->bridge = NULL;
  _tauri_bridge_reply_drop (&call->reply);
  if (invocation != NULL)
    _tauri_invocation_cancel (invocation);
}

static void
call_reply_cb (const TauriAnswer *answer,
               gpointer           user_data)
{
  TauriBridgeCall *call = user_data;
  TauriBridge *self = call->bridge;

  if (self == NULL)
    return;

  /* Answered: an abort can no longer find it. */
  g_hash_table_remove (self->calls, &call->id);
  call->bridge = NULL;
  _tauri_bridge_outbox_answer (self, &call->reply, answer);
}

/* Starts the call @request says, answered through @reply, which it takes:
 * the one way into the registry. */
void
_tauri_bridge_start_call (TauriBridge        *self,
                          TauriBridgeRequest *request,
                          TauriBridgeReply   *reply)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TauriCaller caller = { self->window, NULL, request->remote_uri, self->page, request->headers };
  gsize size = request->body ? g_bytes_get_size (request->body) : request->arguments_length;
  TauriBridgeCall *call;

  g_assert (TAURI_IS_BRIDGE (self));
  g_assert (request->name != NULL);

  self->page_called = TRUE;
  g_clear_handle_id (&self->silence_source, g_source_remove);

  if (size > tauri_command_registry_get_max_message_size (self->registry))
    {
      _tauri_bridge_refuse_too_large (self, reply, request->name, size);
      return;
    }

  /* The page names its calls, and an answer or an abort finds a call by
   * its name: two calls of the same id could not be told apart. */
  if (g_hash_table_contains (self->calls, &request->id))
    {
      g_autofree char *text = g_strdup_printf ("malformed message: the call id %" G_GUINT64_FORMAT
                                               " is already in use", request->id);

      _tauri_bridge_reply_refuse (reply, text);
      return;
    }

  call = g_new0 (TauriBridgeCall, 1);
  call->bridge = self;
  call->id = request->id;
  call->reply = *reply;
  memset (reply, 0, sizeof *reply);
  g_weak_ref_init (&call->invocation, NULL);
  g_hash_table_insert (self->calls, &call->id, call);

  invocation = _tauri_command_registry_dispatch (self->registry, request->name, &caller,
                                                 request->arguments, request->arguments_length,
                                                 request->body,
                                                 call_reply_cb, call, (GDestroyNotify) call_free);

  /* To cancel it if the page goes; a call answered at once is gone already. */
  if (g_hash_table_lookup (self->calls, &request->id) == call)
    g_weak_ref_set (&call->invocation, invocation);
}

/* A call written as text, `i…` or `h…` (see _tauri_message_parse_call()),
 * answered through @reply, which it takes. */
void
_tauri_bridge_start_call_text (TauriBridge      *self,
                               const char       *message,
                               gsize             length,
                               const char       *remote_uri,
                               TauriBridgeReply *reply)
{
  g_auto(TauriMessage) call = { 0 };
  g_autoptr(GError) error = NULL;
  TauriBridgeRequest request = { 0, };

  if (!_tauri_message_parse_call (message, length, &call, &error))
    {
      _tauri_bridge_reply_refuse (reply, error->message);
      return;
    }

  request.id = call.id;
  request.name = call.name;
  request.arguments = call.arguments;
  request.arguments_length = call.arguments_length;
  request.headers = call.headers;
  request.remote_uri = remote_uri;
  _tauri_bridge_start_call (self, &request, reply);
}

/* The page gave up on the call @id (an AbortSignal fired). */
void
_tauri_bridge_abort_call (TauriBridge *self,
                          guint64      id)
{
  TauriBridgeCall *call;

  g_assert (TAURI_IS_BRIDGE (self));

  call = g_hash_table_lookup (self->calls, &id);
  if (call == NULL)
    return;

  g_hash_table_remove (self->calls, &id);
  call_abandon (call);
}

/* The URI of the document showing, as it committed. */
const char *
_tauri_bridge_get_committed_uri (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->committed_uri;
}

/* Whether the document showing may call, and reach the asset scope: the
 * app's own, or a remote page a capability lets call this window. */
gboolean
_tauri_bridge_document_may_call (TauriBridge *self)
{
  const char *remote_uri = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  return !self->closed && uri_may_call (self, self->committed_uri, &remote_uri);
}

/* A script of the bridge, for the top frame of pages of @origin alone:
 * WebKit's URL patterns match hosts without ports, so the script checks
 * the origin itself too, first thing. */
static WebKitUserScript *
load_script (const char *name,
             const char *config,
             const char *world,
             const char *origin)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = g_uri_parse (origin, G_URI_FLAGS_NONE, NULL);
  g_autofree char *pattern = NULL;
  g_autofree char *source = NULL;
  const char *allow_list[] = { NULL, NULL };

  g_assert (bytes != NULL);
  g_assert (uri != NULL);

  pattern = g_strdup_printf ("%s://%s/*", g_uri_get_scheme (uri), g_uri_get_host (uri));
  allow_list[0] = pattern;
  source = g_strdup_printf ("%.*s(%s);\n", (int) g_bytes_get_size (bytes),
                            (const char *) g_bytes_get_data (bytes, NULL), config);

  if (world == NULL)
    return webkit_user_script_new (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, allow_list, NULL);

  return webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                           WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                           world, allow_list, NULL);
}

/* What both scripts are called with: the document's token and origin. */
static char *
build_config (TauriBridge *self,
              const char  *token,
              const char  *origin)
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
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, origin);
  json_builder_set_member_name (builder, "maxMessageSize");
  json_builder_add_int_value (builder, (gint64) MIN (tauri_command_registry_get_max_message_size (self->registry),
                                                      (gsize) G_MAXINT32));
  json_builder_set_member_name (builder, "ipcUrl");
  json_builder_add_string_value (builder, TAURI_APP_ORIGIN TAURI_BRIDGE_IPC_PATH);
  json_builder_end_object (builder);
  config = json_builder_get_root (builder);
  json = _tauri_json_to_bytes (config);

  return g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
}

static void
remove_scripts (TauriBridge *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->scripts); i++)
    {
      if (self->scripts[i] != NULL)
        webkit_user_content_manager_remove_script (self->content_manager, self->scripts[i]);
      g_clear_pointer (&self->scripts[i], webkit_user_script_unref);
    }
}

/* The main frame's next document will be @uri: it gets a token of its own,
 * and the bridge's scripts if it may call. Done as WebKit decides on the
 * document's response, before it commits: the web process has the scripts
 * before the document starts. */
void
_tauri_bridge_prepare_page (TauriBridge *self,
                            const char  *uri)
{
  g_autofree char *origin = _tauri_origin_of (uri);
  g_autofree char *config = NULL;
  const char *remote_uri = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  g_free (self->pending_token);
  self->pending_token = g_uuid_string_random ();

  remove_scripts (self);
  if (origin == NULL || self->closed || !uri_may_call (self, uri, &remote_uri))
    return;

  config = build_config (self, self->pending_token, origin);
  self->scripts[0] = load_script ("core.js", config, NULL, origin);
  self->scripts[1] = load_script ("ipc.js", config, TAURI_BRIDGE_WORLD, origin);
  for (guint i = 0; i < G_N_ELEMENTS (self->scripts); i++)
    webkit_user_content_manager_add_script (self->content_manager, self->scripts[i]);
}

/* The main frame shows a new document, of @uri: the old one's calls end,
 * its token is retired, and the new one's takes its place. A document
 * that came without a response WebKit decided on (an error page, say) has
 * a token nobody was given. */
void
_tauri_bridge_page_committed (TauriBridge *self,
                              const char  *uri)
{
  g_assert (TAURI_IS_BRIDGE (self));

  _tauri_bridge_abandon_calls (self);

  g_free (self->token);
  self->token = self->pending_token ? g_steal_pointer (&self->pending_token) : g_uuid_string_random ();
  g_free (self->committed_uri);
  self->committed_uri = g_strdup (uri);
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
      _tauri_bridge_script_unregister (self);
      remove_scripts (self);
    }
  self->closed = TRUE;
  _tauri_bridge_page_retire (self->page);
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

  g_clear_pointer (&self->page, _tauri_bridge_page_unref);
  g_clear_pointer (&self->calls, g_hash_table_unref);
  g_clear_pointer (&self->listeners, g_ptr_array_unref);
  g_string_free (self->outbox, TRUE);
  g_clear_pointer (&self->committed_uri, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->pending_token, g_free);

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
  g_queue_init (&self->held);
  self->token = g_uuid_string_random ();
  self->page = _tauri_bridge_page_new (self);
}

TauriBridge *
_tauri_bridge_new (TauriWindow              *window,
                   TauriApp                 *app,
                   WebKitUserContentManager *content_manager)
{
  TauriBridge *self;

  g_assert (TAURI_IS_WINDOW (window));
  g_assert (TAURI_IS_APP (app));

  self = g_object_new (TAURI_TYPE_BRIDGE, NULL);
  self->window = window;
  self->app = app;
  self->registry = g_object_ref (tauri_app_get_registry (self->app));
  self->forward_console = tauri_app_get_developer_mode (self->app);

  self->content_manager = content_manager != NULL ? g_object_ref (content_manager)
                                                  : webkit_user_content_manager_new ();
  _tauri_bridge_script_register (self);

  return self;
}

WebKitUserContentManager *
_tauri_bridge_get_content_manager (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->content_manager;
}

TauriBridgePage *
_tauri_bridge_get_page (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->page;
}

guint
_tauri_bridge_get_n_pending (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return g_hash_table_size (self->calls);
}

GPtrArray *
_tauri_bridge_get_listeners (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->listeners;
}

/* How long a page may be silent, with --dev, before it is said. */
#define SILENCE_SECONDS 5

static gboolean
page_silent_cb (gpointer user_data)
{
  TauriBridge *self = user_data;
  WebKitWebView *web_view = tauri_window_get_web_view (self->window);
  const char *uri = web_view ? webkit_web_view_get_uri (web_view) : NULL;
  const char *label = tauri_window_get_label (self->window);

  self->silence_source = 0;

  /* Translators: with --dev, for a page that never called the app; %s are
   * a window's label, a URL, and the app's origin. */
  if (uri != NULL && !_tauri_app_is_trusted_uri (self->app, uri) &&
      !_tauri_command_registry_allows_remote (self->registry, label, uri))
    g_printerr (_("tauri-gtk: the page of window “%s”, %s, has called no command: it is not on the app’s "
                  "origin (%s), so it has no window.__TAURI__; serve it from there, or let a capability’s "
                  "remote.urls name it\n"), label, uri, TAURI_APP_ORIGIN);
  else
    /* Translators: with --dev, for a page of the app that never called it. */
    g_printerr (_("tauri-gtk: the page of window “%s”, %s, has called no command %u s after it loaded: "
                  "did its script load? Its console errors are printed above\n"),
                label, uri ? uri : "", SILENCE_SECONDS);

  return G_SOURCE_REMOVE;
}

/* The page has loaded. With --dev, a page that calls nothing for a while
 * is said, as the first thing a new app gets wrong. */
void
_tauri_bridge_page_loaded (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  if (!self->forward_console || self->page_called || self->closed)
    return;

  g_clear_handle_id (&self->silence_source, g_source_remove);
  self->silence_source = g_timeout_add_seconds (SILENCE_SECONDS, page_silent_cb, self);
}

/* The page is gone (another committed, its process died, its window
 * closes): nothing of it outlives it. */
void
_tauri_bridge_abandon_calls (TauriBridge *self)
{
  g_autoptr(GList) calls = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  _tauri_bridge_page_retire (self->page);
  _tauri_bridge_page_unref (self->page);
  self->page = _tauri_bridge_page_new (self);
  self->page_called = FALSE;
  g_clear_handle_id (&self->silence_source, g_source_remove);

  g_ptr_array_set_size (self->listeners, 0);
  _tauri_bridge_outbox_clear (self);

  calls = g_hash_table_get_values (self->calls);
  g_hash_table_remove_all (self->calls);
  for (GList *l = calls; l != NULL; l = l->next)
    call_abandon (l->data);
}
