/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-bridge-private.h"
#include "tauri-message-private.h"
#include "tauri-window.h"

/*
 * The bridge's script-message handlers, the way calls, polls, aborts and
 * console output come from the page. Each message is a string that begins
 * with the window's token, then its kind:
 *
 *   i<call id>\n<command>\n<JSON arguments>      a call (and `h<call id>\n
 *                                                 <command>\n<JSON headers>\n
 *                                                 <JSON arguments>`, with the
 *                                                 headers of invoke()'s options)
 *   b<length>:<call><length>:<call>…              the calls made in one task
 *   p                                             a poll for the outbox
 *   a<call id>                                    the page gave up on a call
 *   c<level> <text>                               console output
 *
 * The one handler, "tauri", lives in an isolated script world whose only
 * script, ipc.js, runs in the top frame of the window's own page alone:
 * no frame and no other page can post to it. It takes everything ipc.js
 * relays; a call made alone takes the web process extension's way when it
 * is there (tauri-bridge-extension.c). A call posted alone is answered by
 * its message's reply; the calls of a batch in the outbox
 * (tauri-bridge-outbox.c).
 */

static void
refuse_message (WebKitScriptMessageReply *reply,
                JSCContext               *context,
                const char               *text)
{
  TauriBridgeReply to = { TAURI_BRIDGE_REPLY_SCRIPT, };

  to.to.script.reply = webkit_script_message_reply_ref (reply);
  to.to.script.context = g_object_ref (context);
  _tauri_bridge_reply_refuse (&to, text);
}

static void
start_lone_call (TauriBridge              *self,
                 const char               *message,
                 gsize                     length,
                 WebKitScriptMessageReply *reply,
                 JSCContext               *context,
                 const char               *remote_uri)
{
  TauriBridgeReply to = { TAURI_BRIDGE_REPLY_SCRIPT, };

  to.to.script.reply = webkit_script_message_reply_ref (reply);
  to.to.script.context = g_object_ref (context);
  _tauri_bridge_start_call_text (self, message, length, remote_uri, &to);
}

/* One call of a batch, in its message. */
typedef struct
{
  const char *text;
  gsize       length;
  guint64     id;
} TauriBridgeFrame;

/* b<length>:<call><length>:<call>…: the calls a page made in one task
 * (see _tauri_message_next_frame()). The reply says nothing: each call is
 * answered in the outbox, sent once all have started. A batch whose frames
 * cannot all be read is refused whole, and the page fails each of its
 * calls. */
static void
start_batch (TauriBridge              *self,
             const char               *message,
             gsize                     length,
             WebKitScriptMessageReply *reply,
             JSCContext               *context,
             const char               *remote_uri)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (TauriBridgeFrame));
  g_autoptr(JSCValue) done = NULL;
  const char *end = message + length;

  for (const char *at = message + 1; at < end;)
    {
      TauriBridgeFrame frame;

      if (!_tauri_message_next_frame (&at, end, &frame.text, &frame.length, &frame.id))
        {
          refuse_message (reply, context, "malformed message");
          return;
        }
      g_array_append_val (frames, frame);
    }

  done = jsc_value_new_string (context, "");
  webkit_script_message_reply_return_value (reply, done);

  /* A call may close the window, and with it the bridge: the calls after
   * it are not made. */
  g_object_ref (self);
  _tauri_bridge_outbox_begin_batch (self);
  for (guint i = 0; i < frames->len && !self->closed; i++)
    {
      const TauriBridgeFrame *frame = &g_array_index (frames, TauriBridgeFrame, i);
      TauriBridgeReply to = { TAURI_BRIDGE_REPLY_OUTBOX, };

      to.to.outbox.bridge = self;
      to.to.outbox.id = frame->id;
      _tauri_bridge_start_call_text (self, frame->text, frame->length, remote_uri, &to);
    }
  _tauri_bridge_outbox_end_batch (self);
  g_object_unref (self);
}

/* a<call id> */
static void
abort_call (TauriBridge *self,
            const char  *message,
            gsize        length)
{
  guint64 id = 0;

  if (_tauri_message_parse_call_id (message + 1, message + length, &id))
    _tauri_bridge_abort_call (self, id);
}

/* c<level> <text> */
static void
print_console (TauriBridge *self,
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

/* The message @value, its token checked and stripped, in @bytes; NULL
 * when the message is refused, which @reply then says. */
static const char *
read_message (TauriBridge              *self,
              JSCValue                 *value,
              WebKitScriptMessageReply *reply,
              GBytes                  **bytes,
              gsize                    *length,
              const char              **remote_uri)
{
  gsize token_length = strlen (self->token);
  const char *message = NULL;
  gsize size = 0;

  if (jsc_value_is_string (value))
    {
      *bytes = jsc_value_to_string_as_bytes (value);
      message = g_bytes_get_data (*bytes, &size);
    }

  if (!_tauri_bridge_trust_caller (self, message, MIN (size, token_length), "a message", remote_uri))
    {
      refuse_message (reply, jsc_value_get_context (value), TAURI_BRIDGE_NOT_ALLOWED);
      return NULL;
    }

  /* The token, then at least the kind. */
  if (size == token_length)
    {
      refuse_message (reply, jsc_value_get_context (value), "malformed message");
      return NULL;
    }

  *length = size - token_length;
  return message + token_length;
}

/* "tauri", in the isolated world: whatever ipc.js relays. */
static gboolean
script_message_cb (WebKitUserContentManager *content_manager,
                   JSCValue                 *value,
                   WebKitScriptMessageReply *reply,
                   TauriBridge              *self)
{
  g_autoptr(GBytes) bytes = NULL;
  JSCContext *context = jsc_value_get_context (value);
  const char *remote_uri = NULL;
  const char *message;
  gsize length = 0;

  message = read_message (self, value, reply, &bytes, &length, &remote_uri);
  if (message == NULL)
    return TRUE;

  switch (message[0])
    {
    case 'i':
    case 'h':
      start_lone_call (self, message, length, reply, context, remote_uri);
      break;

    case 'b':
      start_batch (self, message, length, reply, context, remote_uri);
      break;

    case 'p':
      _tauri_bridge_outbox_poll (self, reply, context);
      break;

    case 'a':
      abort_call (self, message, length);
      break;

    case 'c':
      print_console (self, message, length);
      break;

    default:
      refuse_message (reply, context, "malformed message");
      break;
    }

  return TRUE;
}

void
_tauri_bridge_script_register (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  webkit_user_content_manager_register_script_message_handler_with_reply (self->content_manager,
                                                                          "tauri", TAURI_BRIDGE_WORLD);
  g_signal_connect (self->content_manager, "script-message-with-reply-received::tauri",
                    G_CALLBACK (script_message_cb), self);
}

void
_tauri_bridge_script_unregister (TauriBridge *self)
{
  g_assert (TAURI_IS_BRIDGE (self));

  g_signal_handlers_disconnect_by_data (self->content_manager, self);
  webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                 "tauri", TAURI_BRIDGE_WORLD);
}
