/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>

#include "tauri-bridge-internal.h"
#include "tauri-json-private.h"
#include "tauri-memfd-private.h"
#include "tauri-window.h"

/*
 * Calls with raw bytes through the web process extension
 * (web-extension/tauri-web-extension.c): a "tauri-gtk:bytes" user message,
 * (sst) token, command and call id, with the bytes in a sealed memory file.
 * They are mapped, not copied, and reach the handler as they are; the
 * answer goes back as the message's reply, (ys): `+` JSON, `-` a JSON
 * error, or `*` with the bytes in a sealed memory file. The checks are the
 * tauri:// path's (tauri-bridge-scheme.c): the page, the token, the name,
 * the size.
 */

#define MESSAGE_NAME "tauri-gtk:bytes"

typedef struct
{
  gpointer address;
  gsize    size;
} Mapping;

static void
mapping_free (Mapping *mapping)
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
  Mapping *mapping;
  gpointer address;

  if (size == 0)
    return g_bytes_new (NULL, 0);

  address = mmap (NULL, size, PROT_READ, MAP_SHARED, fd, 0);
  if (address == MAP_FAILED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not map the bytes");
      return NULL;
    }

  mapping = g_new0 (Mapping, 1);
  mapping->address = address;
  mapping->size = size;
  return g_bytes_new_with_free_func (address, size, (GDestroyNotify) mapping_free, mapping);
}

static void
send_reply (WebKitUserMessage *message,
            char               tag,
            const char        *text,
            GUnixFDList       *fds)
{
  WebKitUserMessage *reply = webkit_user_message_new_with_fd_list (MESSAGE_NAME,
                                                                   g_variant_new ("(ys)", tag, text),
                                                                   fds);

  webkit_user_message_send_reply (message, reply);
}

static void
send_error_reply (WebKitUserMessage *message,
                  const char        *text)
{
  g_autoptr(GBytes) json = _tauri_json_string_to_bytes (text);

  send_reply (message, '-', g_bytes_get_data (json, NULL), NULL);
}

/* Answers @message with @payload, as TauriReplyKind says. */
void
_tauri_bridge_reply_to_message (WebKitUserMessage *message,
                                TauriReplyKind     kind,
                                GBytes            *payload)
{
  g_autoptr(GUnixFDList) fds = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (payload, &size);
  int fd;

  if (kind != TAURI_REPLY_OK_BYTES)
    {
      /* Payloads in JSON are always followed by a NUL byte. */
      send_reply (message, kind == TAURI_REPLY_ERROR ? '-' : '+', data, NULL);
      return;
    }

  fd = _tauri_memfd_new_sealed (data, size, &error);
  if (fd < 0)
    {
      send_error_reply (message, error->message);
      return;
    }

  fds = g_unix_fd_list_new_from_array (&fd, 1);
  send_reply (message, '*', "", fds);
}

/* The bytes @message carries, checked and mapped. */
static GBytes *
take_bytes (TauriBridge        *self,
            WebKitUserMessage  *message,
            const char         *name,
            char              **refusal)
{
  GUnixFDList *fds = webkit_user_message_get_fd_list (message);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;
  gsize size = 0;
  int fd;

  if (fds == NULL || g_unix_fd_list_get_length (fds) != 1)
    {
      *refusal = g_strdup ("malformed message");
      return NULL;
    }

  fd = g_unix_fd_list_get (fds, 0, &error);
  if (fd < 0 || !_tauri_memfd_check (fd, &size, &error))
    *refusal = g_strdup ("malformed message");
  else if (size > tauri_command_registry_get_max_message_size (self->registry))
    *refusal = _tauri_bridge_describe_too_large (self, name, size);
  else if ((bytes = map_bytes (fd, size, &error)) == NULL)
    *refusal = g_strdup (error->message);

  if (fd >= 0)
    close (fd);

  return bytes;
}

static void
handle_bytes_message (TauriBridge       *self,
                      WebKitUserMessage *message)
{
  GVariant *parameters = webkit_user_message_get_parameters (message);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *refusal = NULL;
  const char *remote_uri = NULL;
  const char *token = NULL;
  const char *name = NULL;
  guint64 page_id = 0;
  ReplyTo to = { NULL, };

  if (parameters == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sst)")))
    {
      send_error_reply (message, "malformed message");
      return;
    }
  g_variant_get (parameters, "(&s&st)", &token, &name, &page_id);

  if (!_tauri_bridge_caller_is_trusted (self, token, strlen (token), "a call with raw bytes", &remote_uri))
    {
      send_error_reply (message, NOT_ALLOWED);
      return;
    }

  if (!_tauri_message_is_valid_name (name, strlen (name)))
    {
      send_error_reply (message, "invalid command name");
      return;
    }

  bytes = take_bytes (self, message, name, &refusal);
  if (bytes == NULL)
    {
      send_error_reply (message, refusal);
      return;
    }

  to.message = g_object_ref (message);
  _tauri_bridge_dispatch_body (self, name, remote_uri, page_id, bytes, &to);
}

static gboolean
user_message_received_cb (WebKitWebView     *web_view,
                          WebKitUserMessage *message,
                          TauriBridge       *self)
{
  if (g_strcmp0 (webkit_user_message_get_name (message), MESSAGE_NAME) != 0)
    return FALSE;

  handle_bytes_message (self, message);
  return TRUE;
}

void
_tauri_bridge_watch_web_view (TauriBridge   *self,
                              WebKitWebView *web_view)
{
  g_assert (TAURI_IS_BRIDGE (self));
  g_assert (WEBKIT_IS_WEB_VIEW (web_view));

  g_signal_connect_object (web_view, "user-message-received",
                           G_CALLBACK (user_message_received_cb), self, 0);
}
