/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The web process side of the bridge: the page's main frame, and it alone,
 * gets two functions that post to the UI process with a WebKitUserMessage.
 * A frame cannot reach them, where a script message handler of the page's
 * world is reachable from every frame, which WebKit turns into a string in
 * the UI process before any handler can refuse it.
 *
 *   __TAURI_GTK_CALL__(resolve, reject, message)
 *
 * posts a call made alone, `<token>i<call id>\n<command>\n<JSON>` (see
 * tauri-bridge-script.c), as "tauri-gtk:call" (s); a message longer than
 * the UI process takes, or holding a lone UTF-16 surrogate, is refused here,
 * before it is copied. The answer is the reply (yay): `+` JSON, `-` a JSON
 * error, or `*` raw bytes in a sealed memory file.
 *
 * Raw bytes: a custom scheme carries a body to the UI process in one piece,
 * but brings the answer back 8 KiB at a time, one IPC message and one
 * main-loop turn of each process per piece; script messages cannot carry
 * bytes at all (a Uint8Array arrives as an object of numbered keys). So
 *
 *   __TAURI_GTK_SEND_BYTES__(resolve, reject, token, command, callId, bytes, headers)
 *
 * that copies the bytes once into a sealed memory file and sends it with a
 * WebKitUserMessage, "tauri-gtk:bytes" (ssta{ss}: token, command, call id,
 * the headers of invoke()'s options). The bridge (tauri-bridge-bytes.c)
 * maps the file, runs the command, and replies (yay): a tag, `+` JSON, `-`
 * JSON error or `*` raw bytes in a sealed memory file of its own, which is
 * read here straight into the ArrayBuffer the promise resolves with. core.js calls the function when it
 * is there, and falls back to fetch() over tauri:// when it is not.
 *
 * The token is checked by the bridge, as for tauri:// requests: the
 * function proves nothing by itself.
 *
 * And every frame, the main one and the others, tells the UI process
 * where the user activates something (a click, Enter on a link), in a
 * script world of this extension's own, which pages cannot reach: a
 * "tauri-gtk:activation" message (b, whether in the main frame), sent as
 * the click happens, before the navigation it may start. The window opens
 * the browser only for what the user did in its own document.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>
#include <webkit/webkit-web-process-extension.h>

#include "tauri-memfd-private.h"

#define FUNCTION_NAME      "__TAURI_GTK_SEND_BYTES__"
#define MESSAGE_NAME       "tauri-gtk:bytes"
#define CALL_FUNCTION_NAME "__TAURI_GTK_CALL__"
#define CALL_MESSAGE_NAME  "tauri-gtk:call"
#define ACTIVATION_MESSAGE "tauri-gtk:activation"
#define ACTIVATION_WORLD   "tauri-gtk-activations"

static WebKitScriptWorld *activation_world;

/* What tells of a frame's clicks: a trusted event alone, which no script
 * can make. */
static const char activation_listener[] =
  "document.addEventListener('click', (event) => { if (event.isTrusted) activated(); }, true);\n"
  "document.addEventListener('auxclick', (event) => { if (event.isTrusted) activated(); }, true);\n";

/* The largest message the UI process takes, as the application said when
 * this process started. */
static guint64 max_message_size = G_MAXUINT64;

typedef struct
{
  JSCValue *resolve;
  JSCValue *reject;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->resolve);
  g_clear_object (&pending->reject);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
call_with (JSCValue *function,
           JSCValue *value)
{
  g_autoptr(JSCValue) result = jsc_value_function_call (function, JSC_TYPE_VALUE, value, G_TYPE_NONE);
}

static void
reject_with_message (Pending    *pending,
                     const char *message)
{
  JSCContext *context = jsc_value_get_context (pending->reject);
  g_autoptr(JSCValue) value = jsc_value_new_string (context, message);

  call_with (pending->reject, value);
}

/* The bytes of the reply's memory file, in a new ArrayBuffer. */
static JSCValue *
read_answer_bytes (JSCContext         *context,
                   WebKitUserMessage  *reply,
                   GError            **error)
{
  GUnixFDList *fds = webkit_user_message_get_fd_list (reply);
  g_autoptr(JSCValue) array = NULL;
  gsize size = 0;
  int fd;

  if (fds == NULL || g_unix_fd_list_get_length (fds) != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "an answer of bytes came without them");
      return NULL;
    }

  fd = g_unix_fd_list_get (fds, 0, error);
  if (fd < 0)
    return NULL;

  /* Memory given to an ArrayBuffer from outside would have to live outside
   * JavaScriptCore's cage, which the web process forbids: one copy, read
   * straight into the buffer. */
  if (_tauri_memfd_check (fd, &size, error))
    {
      array = jsc_value_new_typed_array (context, JSC_TYPED_ARRAY_UINT8, size);
      if (!_tauri_memfd_read (fd, jsc_value_typed_array_get_data (array, NULL), size, error))
        g_clear_object (&array);
    }
  close (fd);

  return array != NULL ? jsc_value_typed_array_get_buffer (array) : NULL;
}

static void
reply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WebKitUserMessage) reply = NULL;
  g_autoptr(JSCValue) value = NULL;
  JSCContext *context = jsc_value_get_context (pending->resolve);
  GVariant *parameters;
  g_autoptr(GVariant) payload = NULL;
  g_autofree char *text = NULL;
  gconstpointer data;
  gsize length = 0;
  guchar tag = 0;

  reply = webkit_web_page_send_message_to_view_finish (WEBKIT_WEB_PAGE (object), result, &error);
  if (reply == NULL)
    {
      reject_with_message (pending, error->message);
      return;
    }

  parameters = webkit_user_message_get_parameters (reply);
  if (parameters == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(yay)")))
    {
      reject_with_message (pending, "malformed answer");
      return;
    }
  g_variant_get (parameters, "(y@ay)", &tag, &payload);

  /* The JSON text comes with its length, and no NUL: one is added. */
  data = g_variant_get_fixed_array (payload, &length, 1);
  if (tag == '*')
    value = read_answer_bytes (context, reply, &error);
  else if ((text = g_strndup (data, length)) != NULL && strlen (text) == length)
    value = jsc_value_new_from_json (context, text);

  if (value == NULL)
    reject_with_message (pending, error != NULL ? error->message : "malformed answer");
  else
    call_with (tag == '-' ? pending->reject : pending->resolve, value);
}

static gconstpointer
get_bytes (JSCValue *value,
           gsize    *size)
{
  if (jsc_value_is_typed_array (value))
    {
      *size = jsc_value_typed_array_get_size (value);
      return jsc_value_typed_array_get_data (value, NULL);
    }

  if (jsc_value_is_array_buffer (value))
    return jsc_value_array_buffer_get_data (value, size);

  return NULL;
}

/* The headers of invoke()'s options, an object of strings, as a{ss}; NULL
 * when it is not one. */
static GVariant *
read_headers (JSCValue *object)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_auto(GStrv) names = NULL;

  if (!jsc_value_is_object (object) || jsc_value_is_array (object))
    return NULL;

  names = jsc_value_object_enumerate_properties (object);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(JSCValue) value = jsc_value_object_get_property (object, names[i]);
      g_autofree char *text = NULL;

      if (!jsc_value_is_string (value))
        return NULL;
      text = jsc_value_to_string (value);
      g_variant_builder_add (builder, "{ss}", names[i], text);
    }

  return g_variant_builder_end (builder);
}

/* A whole number that a double holds exactly; NaN is not. */
static gboolean
is_call_id (double number)
{
  return number >= 0 && number <= 9007199254740991.0 && number == (double) (guint64) number;
}

static void
send_bytes (GPtrArray *arguments,
            GWeakRef  *page_ref)
{
  g_autoptr(WebKitWebPage) page = g_weak_ref_get (page_ref);
  g_autoptr(GUnixFDList) fds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *command = NULL;
  JSCContext *context = jsc_context_get_current ();
  GVariant *headers = NULL;
  JSCValue **argument;
  WebKitUserMessage *message;
  Pending *pending;
  gconstpointer data = NULL;
  gsize size = 0;
  int fd;

  /* Called without arguments, the function gets no array at all. */
  argument = arguments != NULL ? (JSCValue **) arguments->pdata : NULL;
  if (arguments == NULL || arguments->len != 7 ||
      !jsc_value_is_function (argument[0]) || !jsc_value_is_function (argument[1]) ||
      !jsc_value_is_string (argument[2]) || !jsc_value_is_string (argument[3]) ||
      !jsc_value_is_number (argument[4]) || !is_call_id (jsc_value_to_double (argument[4])) ||
      !(jsc_value_is_typed_array (argument[5]) || jsc_value_is_array_buffer (argument[5])) ||
      (headers = read_headers (argument[6])) == NULL)
    {
      jsc_context_throw_with_name (context, "TypeError",
                                   FUNCTION_NAME " takes (resolve, reject, token, command, callId, bytes, headers)");
      return;
    }
  g_variant_ref_sink (headers);
  data = get_bytes (argument[5], &size);

  pending = g_new0 (Pending, 1);
  pending->resolve = g_object_ref (argument[0]);
  pending->reject = g_object_ref (argument[1]);

  if (page == NULL)
    {
      reject_with_message (pending, "The page is gone");
      pending_free (pending);
      g_variant_unref (headers);
      return;
    }

  /* Refused before a copy is made, as the UI process would. */
  if (size > max_message_size)
    {
      g_autofree char *name = jsc_value_to_string (argument[3]);
      g_autofree char *text = g_strdup_printf ("invalid args for command `%s`: the call is %" G_GSIZE_FORMAT
                                               " bytes, more than the limit of %" G_GUINT64_FORMAT,
                                               name, size, max_message_size);

      reject_with_message (pending, text);
      pending_free (pending);
      g_variant_unref (headers);
      return;
    }

  fd = _tauri_memfd_new_sealed (data, size, &error);
  if (fd < 0)
    {
      reject_with_message (pending, error->message);
      pending_free (pending);
      g_variant_unref (headers);
      return;
    }

  fds = g_unix_fd_list_new_from_array (&fd, 1);
  token = jsc_value_to_string (argument[2]);
  command = jsc_value_to_string (argument[3]);
  message = webkit_user_message_new_with_fd_list (MESSAGE_NAME,
                                                  g_variant_new ("(sst@a{ss})", token, command,
                                                                 (guint64) jsc_value_to_double (argument[4]),
                                                                 headers),
                                                  fds);
  g_variant_unref (headers);
  webkit_web_page_send_message_to_view (page, message, NULL, reply_cb, pending);
}

/* Whether the string @value converts to UTF-8 whole: a lone UTF-16
 * surrogate would cut it short where it stands. */
static gboolean
is_well_formed (JSCValue *value)
{
  g_autoptr(JSCValue) method = jsc_value_object_get_property (value, "isWellFormed");
  g_autoptr(JSCValue) result = NULL;

  if (!jsc_value_is_function (method))
    return TRUE;

  result = jsc_value_object_invoke_method (value, "isWellFormed", G_TYPE_NONE);
  return jsc_value_to_boolean (result);
}

static void
post_call (GPtrArray *arguments,
           GWeakRef  *page_ref)
{
  g_autoptr(WebKitWebPage) page = g_weak_ref_get (page_ref);
  JSCContext *context = jsc_context_get_current ();
  g_autoptr(JSCValue) length = NULL;
  g_autofree char *text = NULL;
  JSCValue **argument;
  WebKitUserMessage *message;
  Pending *pending;

  argument = arguments != NULL ? (JSCValue **) arguments->pdata : NULL;
  if (arguments == NULL || arguments->len != 3 ||
      !jsc_value_is_function (argument[0]) || !jsc_value_is_function (argument[1]) ||
      !jsc_value_is_string (argument[2]))
    {
      jsc_context_throw_with_name (context, "TypeError", CALL_FUNCTION_NAME " takes (resolve, reject, message)");
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->resolve = g_object_ref (argument[0]);
  pending->reject = g_object_ref (argument[1]);

  /* Refused before a copy is made: UTF-8 takes at least a byte per unit. */
  length = jsc_value_object_get_property (argument[2], "length");
  if (jsc_value_to_double (length) > (double) max_message_size)
    reject_with_message (pending, "malformed message: longer than the application takes");
  else if (!is_well_formed (argument[2]))
    reject_with_message (pending, "malformed message: a lone UTF-16 surrogate");
  else if (page == NULL)
    reject_with_message (pending, "The page is gone");
  else
    {
      text = jsc_value_to_string (argument[2]);
      message = webkit_user_message_new (CALL_MESSAGE_NAME, g_variant_new_take_string (g_steal_pointer (&text)));
      webkit_web_page_send_message_to_view (page, message, NULL, reply_cb, g_steal_pointer (&pending));
    }

  g_clear_pointer (&pending, pending_free);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

typedef struct
{
  GWeakRef page;
  gboolean main_frame;
} Activations;

static void
activations_free (Activations *activations)
{
  g_weak_ref_clear (&activations->page);
  g_free (activations);
}

static void
activated (Activations *activations)
{
  g_autoptr(WebKitWebPage) page = g_weak_ref_get (&activations->page);

  if (page != NULL)
    webkit_web_page_send_message_to_view (page,
                                          webkit_user_message_new (ACTIVATION_MESSAGE,
                                                                   g_variant_new_boolean (activations->main_frame)),
                                          NULL, NULL, NULL);
}

/* In every frame, the clicks of the user, where no page script runs. */
static void
watch_activations (WebKitWebPage *page,
                   WebKitFrame   *frame)
{
  g_autoptr(JSCContext) context = webkit_frame_get_js_context_for_script_world (frame, activation_world);
  g_autoptr(JSCValue) global = jsc_context_get_global_object (context);
  g_autoptr(JSCValue) function = NULL;
  g_autoptr(JSCValue) result = NULL;
  Activations *activations = g_new0 (Activations, 1);

  g_weak_ref_init (&activations->page, page);
  activations->main_frame = webkit_frame_is_main_frame (frame);
  function = jsc_value_new_function (context, "activated", G_CALLBACK (activated), activations,
                                     (GDestroyNotify) activations_free, G_TYPE_NONE, 0);
  jsc_value_object_set_property (global, "activated", function);
  result = jsc_context_evaluate (context, activation_listener, -1);
}

static void
define_function (JSCContext    *context,
                 JSCValue      *global,
                 WebKitWebPage *page,
                 const char    *name,
                 GCallback      callback)
{
  g_autoptr(JSCValue) function = NULL;
  GWeakRef *page_ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (page_ref, page);
  function = jsc_value_new_function_variadic (context, name, callback,
                                              page_ref, (GDestroyNotify) weak_ref_free, G_TYPE_NONE);
  jsc_value_object_define_property_data (global, name, JSC_VALUE_PROPERTY_CONFIGURABLE, function);
}

static void
window_object_cleared_cb (WebKitScriptWorld *world,
                          WebKitWebPage     *page,
                          WebKitFrame       *frame,
                          gpointer           user_data)
{
  g_autoptr(JSCContext) context = NULL;
  g_autoptr(JSCValue) global = NULL;

  watch_activations (page, frame);

  /* The main frame alone: the bridge answers the window's own page. */
  if (!webkit_frame_is_main_frame (frame))
    return;

  context = webkit_frame_get_js_context_for_script_world (frame, world);
  global = jsc_context_get_global_object (context);
  define_function (context, global, page, FUNCTION_NAME, G_CALLBACK (send_bytes));
  define_function (context, global, page, CALL_FUNCTION_NAME, G_CALLBACK (post_call));
}

G_MODULE_EXPORT void webkit_web_process_extension_initialize_with_user_data (WebKitWebProcessExtension *extension,
                                                                              GVariant                  *user_data);

/* @user_data is the largest message the UI process takes, a t. */
G_MODULE_EXPORT void
webkit_web_process_extension_initialize_with_user_data (WebKitWebProcessExtension *extension,
                                                        GVariant                  *user_data)
{
  if (user_data != NULL && g_variant_is_of_type (user_data, G_VARIANT_TYPE_UINT64))
    max_message_size = g_variant_get_uint64 (user_data);

  activation_world = webkit_script_world_new_with_name (ACTIVATION_WORLD);
  g_signal_connect (webkit_script_world_get_default (), "window-object-cleared",
                    G_CALLBACK (window_object_cleared_cb), NULL);
}
