/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-bridge-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-error.h"
#include "tauri-json-private.h"
#include "tauri-window.h"

/*
 * The native half of the bridge for one window: the WebKit message handler
 * that receives the page's calls and sends each one answer.
 *
 * Trust rests on what this side controls. The handler is registered in an
 * isolated script world, and the only script injected into that world
 * (bridge/ipc.js) is injected into the top frame alone, and only when its
 * URL is on the app's origin: no iframe and no foreign page can reach the
 * handler. Each message is checked again against the page's current URI,
 * in case a navigation is under way.
 */

#define RESOURCE_PATH "/io/github/taurigtk/Tauri/bridge/"
#define MAX_COMMAND_NAME 256

struct _TauriBridge
{
  GObject                   parent_instance;

  TauriWindow              *window;             /* unowned: it owns us */
  TauriApp                 *app;                /* unowned: the window holds it */
  TauriCommandRegistry     *registry;
  WebKitUserContentManager *content_manager;
  GHashTable               *calls;              /* call id → Call, unowned */
  char                     *trusted_uri;        /* the page URI last found trusted */
  gboolean                  forward_console;
};

G_DEFINE_FINAL_TYPE (TauriBridge, tauri_bridge, G_TYPE_OBJECT)

/* One call waiting for its answer. Owned by its invocation, through the
 * reply closure; the bridge only looks it up to abandon it. */
typedef struct
{
  TauriBridge              *bridge;     /* NULL once the page is gone */
  guint64                   id;
  WebKitScriptMessageReply *reply;      /* NULL once abandoned */
  JSCContext               *context;
  GWeakRef                  invocation;
} Call;

static void
call_free (Call *call)
{
  if (call->bridge != NULL)
    g_hash_table_remove (call->bridge->calls, &call->id);

  g_clear_pointer (&call->reply, webkit_script_message_reply_unref);
  g_clear_object (&call->context);
  g_weak_ref_clear (&call->invocation);
  g_free (call);
}

static void
call_abandon (Call *call)
{
  g_autoptr(TauriInvocation) invocation = g_weak_ref_get (&call->invocation);

  /* The page will never read the answer: let the handler stop early, and
   * drop the answer when it comes. */
  call->bridge = NULL;
  g_clear_pointer (&call->reply, webkit_script_message_reply_unref);
  if (invocation != NULL)
    _tauri_invocation_cancel (invocation);
}

static void
call_reply_cb (TauriReplyKind  kind,
               GBytes         *payload,
               gpointer        user_data)
{
  Call *call = user_data;

  if (call->reply == NULL)
    return;

  if (kind == TAURI_REPLY_OK)
    {
      /* Built in the message's own context: a value from another JSC VM
       * would corrupt WebKit's allocator. */
      g_autoptr(JSCValue) value = jsc_value_new_string_from_bytes (call->context, payload);

      webkit_script_message_reply_return_value (call->reply, value);
    }
  else
    {
      /* Payloads are always followed by a NUL byte. */
      webkit_script_message_reply_return_error_message (call->reply, g_bytes_get_data (payload, NULL));
    }
}

static void
reply_error (WebKitScriptMessageReply *reply,
             const char               *message)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (message);

  webkit_script_message_reply_return_error_message (reply, g_bytes_get_data (json, NULL));
}

static gboolean
is_trusted (TauriBridge *self)
{
  WebKitWebView *web_view = tauri_window_get_web_view (self->window);
  const char *uri = web_view ? webkit_web_view_get_uri (web_view) : NULL;

  if (uri != NULL && g_strcmp0 (uri, self->trusted_uri) == 0)
    return TRUE;

  if (!_tauri_app_is_trusted_uri (self->app, uri))
    return FALSE;

  g_free (self->trusted_uri);
  self->trusted_uri = g_strdup (uri);
  return TRUE;
}

static gboolean
is_valid_command_name (const char *name,
                       gsize       length)
{
  if (length == 0 || length > MAX_COMMAND_NAME || !g_utf8_validate (name, length, NULL))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) name[i] < 0x20)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_call_id (const char *start,
               const char *end,
               guint64    *id)
{
  char digits[21];

  if (end - start < 1 || end - start >= (gssize) sizeof digits)
    return FALSE;

  memcpy (digits, start, end - start);
  digits[end - start] = '\0';
  return g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT64, id, NULL);
}

/* i<call id>\n<command>\n<JSON arguments> */
static void
handle_invoke (TauriBridge              *self,
               const char               *message,
               gsize                     length,
               WebKitScriptMessageReply *reply,
               JSCContext               *context)
{
  const char *end = message + length;
  const char *id_end = memchr (message, '\n', length);
  const char *name_end = id_end ? memchr (id_end + 1, '\n', end - id_end - 1) : NULL;
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autofree char *name = NULL;
  guint64 id = 0;
  Call *call;

  if (name_end == NULL || !parse_call_id (message + 1, id_end, &id))
    {
      reply_error (reply, "malformed message");
      return;
    }

  if (!is_valid_command_name (id_end + 1, name_end - id_end - 1))
    {
      reply_error (reply, "invalid command name");
      return;
    }
  name = g_strndup (id_end + 1, name_end - id_end - 1);

  if (length > tauri_command_registry_get_max_message_size (self->registry))
    {
      g_autofree char *text = g_strdup_printf ("invalid args for command `%s`: the call is %" G_GSIZE_FORMAT
                                               " bytes, more than the limit of %" G_GSIZE_FORMAT,
                                               name, length,
                                               tauri_command_registry_get_max_message_size (self->registry));

      reply_error (reply, text);
      return;
    }

  call = g_new0 (Call, 1);
  call->bridge = self;
  call->id = id;
  call->reply = webkit_script_message_reply_ref (reply);
  call->context = g_object_ref (context);
  g_weak_ref_init (&call->invocation, NULL);
  g_hash_table_replace (self->calls, &call->id, call);

  invocation = _tauri_command_registry_dispatch (self->registry, name,
                                                 name_end + 1, end - name_end - 1,
                                                 self->window,
                                                 call_reply_cb, call, (GDestroyNotify) call_free);

  /* A call answered at once is gone already. */
  if ((call = g_hash_table_lookup (self->calls, &id)) != NULL)
    g_weak_ref_set (&call->invocation, invocation);
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
  const char *message;
  gsize length = 0;

  if (!is_trusted (self))
    {
      WebKitWebView *web_view = tauri_window_get_web_view (self->window);

      g_message ("Refused a call from %s in window “%s”: not the app’s own page",
                 webkit_web_view_get_uri (web_view), tauri_window_get_label (self->window));
      reply_error (reply, "Command not allowed: the page is not the app’s own");
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
      handle_invoke (self, message, length, reply, jsc_value_get_context (value));
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

static WebKitUserScript *
load_script (const char *name,
             const char *suffix,
             const char *world,
             const char *allowed_origin)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = g_uri_parse (allowed_origin, G_URI_FLAGS_NONE, NULL);
  g_autofree char *pattern = NULL;
  g_autofree char *source = NULL;

  g_assert (bytes != NULL);
  g_assert (uri != NULL);

  /* WebKit's URL patterns match hosts without ports; the port is checked
   * on each message. */
  pattern = g_strdup_printf ("%s://%s/*", g_uri_get_scheme (uri), g_uri_get_host (uri));
  source = g_strconcat (g_bytes_get_data (bytes, NULL), suffix, NULL);

  if (world == NULL)
    return webkit_user_script_new (source,
                                   WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                   (const char * const []) { pattern, NULL },
                                   NULL);

  return webkit_user_script_new_for_world (source,
                                           WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                           WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                           world,
                                           (const char * const []) { pattern, NULL },
                                           NULL);
}

static void
add_scripts (TauriBridge *self)
{
  g_autofree char *origin = _tauri_app_dup_trusted_origin (self->app);
  g_autoptr(WebKitUserScript) core = NULL;
  g_autoptr(WebKitUserScript) ipc = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) config = NULL;
  g_autoptr(GBytes) config_json = NULL;
  g_autofree char *suffix = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, tauri_window_get_label (self->window));
  json_builder_set_member_name (builder, "forwardConsole");
  json_builder_add_boolean_value (builder, self->forward_console);
  json_builder_end_object (builder);
  config = json_builder_get_root (builder);
  config_json = _tauri_json_to_bytes (config);
  suffix = g_strdup_printf ("(%s);\n", (const char *) g_bytes_get_data (config_json, NULL));

  core = load_script ("core.js", suffix, NULL, origin);
  ipc = load_script ("ipc.js", "", TAURI_BRIDGE_WORLD, origin);

  webkit_user_content_manager_add_script (self->content_manager, core);
  webkit_user_content_manager_add_script (self->content_manager, ipc);
}

static void
tauri_bridge_dispose (GObject *object)
{
  TauriBridge *self = TAURI_BRIDGE (object);

  _tauri_bridge_abandon_calls (self);

  /* WebKit complains about messages for a handler whose manager is gone. */
  if (self->content_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->content_manager, self);
      webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                     "tauri", TAURI_BRIDGE_WORLD);
    }

  g_clear_object (&self->content_manager);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (tauri_bridge_parent_class)->dispose (object);
}

static void
tauri_bridge_finalize (GObject *object)
{
  TauriBridge *self = TAURI_BRIDGE (object);

  g_clear_pointer (&self->calls, g_hash_table_unref);
  g_clear_pointer (&self->trusted_uri, g_free);

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
  add_scripts (self);

  return self;
}

WebKitUserContentManager *
_tauri_bridge_get_content_manager (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return self->content_manager;
}

guint
_tauri_bridge_get_n_pending (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  return g_hash_table_size (self->calls);
}

void
_tauri_bridge_abandon_calls (TauriBridge *self)
{
  g_autoptr(GList) calls = NULL;

  g_assert (TAURI_IS_BRIDGE (self));

  calls = g_hash_table_get_values (self->calls);
  g_hash_table_remove_all (self->calls);

  for (GList *l = calls; l != NULL; l = l->next)
    call_abandon (l->data);
}
