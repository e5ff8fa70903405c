/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>

#include "tauri-bridge-private.h"
#include "tauri-memfd-private.h"
#include "tauri-message-private.h"
#include "tauri-window-private.h"

/*
 * Calls through the web process extension (web-extension/
 * tauri-web-extension.c), which gives the page's main frame alone a way to
 * post to this side:
 *
 * - "tauri-gtk:call", (s): a call made alone, as a script message would
 *   carry it, `<token>i<call id>\n<command>\n<JSON arguments>` (or `h…`,
 *   see tauri-bridge-script.c);
 * - "tauri-gtk:bytes", (ssta{ss}): token, command, call id and the headers
 *   of invoke()'s options, with the bytes in a sealed memory file. They are
 *   mapped, not copied, and reach the handler as they are.
 *
 * Each is answered with the message's reply (see
 * _tauri_bridge_reply_encode_message()). And "tauri-gtk:activation", (b):
 * the user clicked in the main frame or in another, which the window
 * weighs before it opens the browser.
 */

#define BYTES_MESSAGE      "tauri-gtk:bytes"
#define CALL_MESSAGE       "tauri-gtk:call"
#define ACTIVATION_MESSAGE "tauri-gtk:activation"

typedef struct
{
  gpointer address;
  gsize    size;
} TauriBridgeMapping;

static void
mapping_free (TauriBridgeMapping *mapping)
{
  munmap (mapping->address, mapping->size);
  g_free (mapping);
}

/* The @size bytes of @fd, mapped: the seals keep them as they are. */
static GBytes *
map_bytes (int      fd,
           gsize    size,
           GError **error)
{
  TauriBridgeMapping *mapping;
  gpointer address;

  if (size == 0)
    return g_bytes_new (NULL, 0);

  address = mmap (NULL, size, PROT_READ, MAP_SHARED, fd, 0);
  if (address == MAP_FAILED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not map the bytes");
      return NULL;
    }

  mapping = g_new0 (TauriBridgeMapping, 1);
  mapping->address = address;
  mapping->size = size;
  return g_bytes_new_with_free_func (address, size, (GDestroyNotify) mapping_free, mapping);
}

/* The bytes @message carries, checked and mapped, or NULL when @reply has
 * refused the call. */
static GBytes *
take_bytes (TauriBridge       *self,
            WebKitUserMessage *message,
            const char        *name,
            TauriBridgeReply  *reply)
{
  GUnixFDList *fds = webkit_user_message_get_fd_list (message);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;
  gsize size = 0;
  int fd;

  if (fds == NULL || g_unix_fd_list_get_length (fds) != 1)
    {
      _tauri_bridge_reply_refuse (reply, "malformed message");
      return NULL;
    }

  fd = g_unix_fd_list_get (fds, 0, &error);
  if (fd < 0 || !_tauri_memfd_check (fd, &size, &error))
    _tauri_bridge_reply_refuse (reply, "malformed message");
  else if (size > tauri_command_registry_get_max_message_size (self->registry))
    _tauri_bridge_refuse_too_large (self, reply, name, size);
  else if ((bytes = map_bytes (fd, size, &error)) == NULL)
    _tauri_bridge_reply_refuse (reply, error->message);

  if (fd >= 0)
    close (fd);

  return bytes;
}

static GHashTable *
read_headers (GVariant *headers)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantIter iter;
  const char *name;
  const char *value;

  g_variant_iter_init (&iter, headers);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &value))
    g_hash_table_replace (table, g_ascii_strdown (name, -1), g_strdup (value));

  return table;
}

/* "tauri-gtk:call" */
static void
start_lone_call (TauriBridge       *self,
                 WebKitUserMessage *message)
{
  GVariant *parameters = webkit_user_message_get_parameters (message);
  TauriBridgeReply reply = { TAURI_BRIDGE_REPLY_MESSAGE, };
  gsize token_length = strlen (self->token);
  const char *remote_uri = NULL;
  const char *text = NULL;
  gsize length = 0;

  reply.to.message = g_object_ref (message);

  if (parameters == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE_STRING))
    {
      _tauri_bridge_reply_refuse (&reply, "malformed message");
      return;
    }
  text = g_variant_get_string (parameters, &length);

  if (!_tauri_bridge_trust_caller (self, text, MIN (length, token_length), "a call", &remote_uri))
    {
      _tauri_bridge_reply_refuse (&reply, TAURI_BRIDGE_NOT_ALLOWED);
      return;
    }

  _tauri_bridge_start_call_text (self, text + token_length, length - token_length, remote_uri, &reply);
}

/* "tauri-gtk:bytes" */
static void
start_bytes_call (TauriBridge       *self,
                  WebKitUserMessage *message)
{
  GVariant *parameters = webkit_user_message_get_parameters (message);
  TauriBridgeReply reply = { TAURI_BRIDGE_REPLY_MESSAGE, };
  TauriBridgeRequest request = { 0, };
  g_autoptr(GVariant) headers = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *token = NULL;

  reply.to.message = g_object_ref (message);

  if (parameters == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssta{ss})")))
    {
      _tauri_bridge_reply_refuse (&reply, "malformed message");
      return;
    }
  g_variant_get (parameters, "(&s&st@a{ss})", &token, &request.name, &request.id, &headers);
  if (request.id == 0 || request.id >= TAURI_MESSAGE_MAX_CALL_ID)
    {
      _tauri_bridge_reply_refuse (&reply, "malformed message");
      return;
    }

  if (!_tauri_bridge_trust_caller (self, token, strlen (token), "a call with raw bytes", &request.remote_uri))
    {
      _tauri_bridge_reply_refuse (&reply, TAURI_BRIDGE_NOT_ALLOWED);
      return;
    }

  if (!_tauri_message_is_valid_name (request.name, strlen (request.name)))
    {
      _tauri_bridge_reply_refuse (&reply, "invalid command name");
      return;
    }

  bytes = take_bytes (self, message, request.name, &reply);
  if (bytes == NULL)
    return;

  table = read_headers (headers);
  request.body = bytes;
  request.headers = table;
  _tauri_bridge_start_call (self, &request, &reply);
}

static gboolean
user_message_received_cb (WebKitWebView     *web_view,
                          WebKitUserMessage *message,
                          TauriBridge       *self)
{
  const char *name = webkit_user_message_get_name (message);

  if (g_strcmp0 (name, ACTIVATION_MESSAGE) == 0)
    {
      GVariant *parameters = webkit_user_message_get_parameters (message);

      if (parameters != NULL && g_variant_is_of_type (parameters, G_VARIANT_TYPE_BOOLEAN))
        _tauri_window_note_activation (self->window, g_variant_get_boolean (parameters));
    }
  else if (g_strcmp0 (name, CALL_MESSAGE) == 0)
    start_lone_call (self, message);
  else if (g_strcmp0 (name, BYTES_MESSAGE) == 0)
    start_bytes_call (self, message);
  else
    return FALSE;

  return TRUE;
}

void
_tauri_bridge_extension_watch (TauriBridge   *self,
                               WebKitWebView *web_view)
{
  g_assert (TAURI_IS_BRIDGE (self));
  g_assert (WEBKIT_IS_WEB_VIEW (web_view));

  g_signal_connect_object (web_view, "user-message-received",
                           G_CALLBACK (user_message_received_cb), self, 0);
}
