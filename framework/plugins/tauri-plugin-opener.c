/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>

#include "tauri-app-private.h"
#include "tauri-plugin-fs-private.h"
#include "tauri-plugin-opener-private.h"

/*
 * Tauri's opener plugin (@tauri-apps/plugin-opener). openUrl() and
 * openPath() are checked against the opener's scope (without one, the
 * `mailto:`, `tel:`, `http://` and `https://` addresses that its default
 * permission allows, and no path), then offered to the application's
 * TauriApp::open-external handlers; what none of them takes opens in the
 * user's default application, asynchronously: through the OpenURI portal
 * inside a Flatpak, GIO's default handler otherwise.
 * `with` names a program to open it with. revealItemInDir() asks the file
 * manager to show the items (org.freedesktop.FileManager1.ShowItems), or,
 * where no file manager answers (inside a Flatpak), the OpenURI portal to
 * open their folder.
 */

/* Whether the scope the capabilities give the call allows @value for
 * @member (`url` or `path`), opened @with a program or not: a deny entry
 * wins, and an empty scope allows nothing, as in Tauri (`opener:default`
 * gives `mailto:`, `tel:`, `http:` and `https:` URLs). */
static gboolean
scope_allows (TauriInvocation *invocation,
              const char      *member,
              const char      *value,
              const char      *with)
{
  g_autoptr(JsonNode) scope = tauri_invocation_dup_scope (invocation);
  gboolean allowed = FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      JsonNode *list = json_object_get_member (json_node_get_object (scope), pass == 0 ? "deny" : "allow");

      for (guint i = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) &&
                        i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *entry = json_array_get_element (json_node_get_array (list), i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
          const char *pattern = object ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
          JsonNode *app = object ? json_object_get_member (object, "app") : NULL;
          gboolean matches;

          if (pattern == NULL)
            continue;
          matches = g_str_equal (member, "url") ? g_pattern_match_simple (pattern, value)
                                                : _tauri_fs_glob_matches (pattern, value);
          /* `app`: true or absent allows any program, false none, a
           * string that one. */
          if (matches && with != NULL && app != NULL && JSON_NODE_HOLDS_VALUE (app))
            matches = json_node_get_value_type (app) == G_TYPE_STRING
                      ? g_str_equal (json_node_get_string (app), with)
                      : json_node_get_boolean (app);
          if (matches && pass == 0)
            return FALSE;
          allowed |= matches;
        }
    }

  return allowed;
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

/* A portal call's reply: the call is done. */
static void
portal_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (object),
                                                                                NULL, result, &error);

  if (reply == NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

/* The OpenURI portal, asked directly: OpenFile with a descriptor for a
 * file, OpenURI for anything else. */
static void
portal_open (TauriInvocation *invocation,
             const char      *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autoptr(GUnixFDList) fds = NULL;
  GVariant *parameters;

  if (bus == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (path != NULL)
    {
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0)
        {
          int errsv = errno;
          g_autofree char *message = g_strdup_printf ("%s (os error %d)", g_strerror (errsv), errsv);

          tauri_invocation_return_error_message (invocation, message);
          return;
        }
      fds = g_unix_fd_list_new_from_array (&fd, 1);
      parameters = g_variant_new ("(sha{sv})", "", 0, NULL);
    }
  else
    parameters = g_variant_new ("(ssa{sv})", "", uri, NULL);

  g_dbus_connection_call_with_unix_fd_list (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                            "org.freedesktop.portal.OpenURI", path ? "OpenFile" : "OpenURI",
                                            parameters, G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, fds,
                                            tauri_invocation_get_cancellable (invocation),
                                            portal_opened_cb, g_object_ref (invocation));
}

static void
open_uri (TauriInvocation *invocation,
          const char      *uri,
          const char      *with)
{
  TauriApp *app = _tauri_plugin_get_app (invocation);
  g_autoptr(GError) error = NULL;

  if (_tauri_app_open_external_taken (app, uri))
    {
      tauri_invocation_return_value (invocation, NULL);
      return;
    }

  if (with != NULL)
    {
      g_autoptr(GAppInfo) info = g_app_info_create_from_commandline (with, NULL,
                                                                     G_APP_INFO_CREATE_SUPPORTS_URIS, &error);
      GList uris = { (gpointer) uri, NULL, NULL };

      if (info == NULL || !g_app_info_launch_uris (info, &uris, NULL, &error))
        tauri_invocation_return_error_message (invocation, error->message);
      else
        tauri_invocation_return_value (invocation, NULL);
      return;
    }

  if (_tauri_plugins_use_portal ())
    portal_open (invocation, uri);
  else
    g_app_info_launch_default_for_uri_async (uri, NULL, tauri_invocation_get_cancellable (invocation),
                                             launched_cb, g_object_ref (invocation));
}

static void
opener_open_url (TauriInvocation *invocation,
                 gpointer         user_data)
{
  const char *url = tauri_invocation_get_string (invocation, "url");
  const char *with = tauri_invocation_get_string (invocation, "with");

  if (!scope_allows (invocation, "url", url, with))
    {
      g_autofree char *message = g_strdup_printf ("Not allowed to open url %s%s%s", url,
                                                  with ? " with " : "", with ? with : "");

      tauri_invocation_return_error_message (invocation, message);
      return;
    }

  open_uri (invocation, url, with);
}

static void
opener_open_path (TauriInvocation *invocation,
                  gpointer         user_data)
{
  const char *path = tauri_invocation_get_string (invocation, "path");
  const char *with = tauri_invocation_get_string (invocation, "with");
  g_autofree char *canonical = _tauri_fs_canonicalize (path);
  g_autofree char *uri = NULL;

  if (!scope_allows (invocation, "path", canonical, with))
    {
      g_autofree char *message = g_strdup_printf ("Not allowed to open path %s%s%s", path,
                                                  with ? " with " : "", with ? with : "");

      tauri_invocation_return_error_message (invocation, message);
      return;
    }

  uri = g_filename_to_uri (canonical, NULL, NULL);
  open_uri (invocation, uri, with);
}

/* Inside a Flatpak, where the file manager is out of reach: the OpenURI
 * portal opens the folder of the first item, given as a descriptor. */
static void
open_directory (TauriInvocation *invocation,
                GDBusConnection *bus)
{
  JsonArray *paths = json_node_get_array (tauri_invocation_get_argument (invocation, "paths"));
  const char *first = json_array_get_string_element (paths, 0);
  g_autoptr(GUnixFDList) fds = NULL;
  int fd = g_open (first, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      g_autofree char *message = g_strdup_printf ("Path doesn't have a parent: %s", first);

      tauri_invocation_return_error_message (invocation, message);
      return;
    }

  fds = g_unix_fd_list_new_from_array (&fd, 1);
  g_dbus_connection_call_with_unix_fd_list (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                            "org.freedesktop.portal.OpenURI", "OpenDirectory",
                                            g_variant_new ("(sha{sv})", "", 0, NULL), NULL,
                                            G_DBUS_CALL_FLAGS_NONE, -1, fds,
                                            tauri_invocation_get_cancellable (invocation),
                                            portal_opened_cb, g_object_ref (invocation));
}

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  if (reply != NULL)
    tauri_invocation_return_value (invocation, NULL);
  else if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
           g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
           g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED))
    open_directory (invocation, G_DBUS_CONNECTION (object));
  else
    tauri_invocation_return_error_message (invocation, error->message);
}

/* The file manager shows the items (org.freedesktop.FileManager1, as
 * Tauri's plugin asks it on Linux); without one, the portal opens the
 * folder. */
static void
opener_reveal_item_in_dir (TauriInvocation *invocation,
                           gpointer         user_data)
{
  JsonArray *paths = json_node_get_array (tauri_invocation_get_argument (invocation, "paths"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariantBuilder) uris = g_variant_builder_new (G_VARIANT_TYPE_STRING_ARRAY);

  if (bus == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (json_array_get_length (paths) == 0)
    {
      tauri_invocation_return_value (invocation, NULL);
      return;
    }

  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      g_autofree char *canonical = _tauri_fs_canonicalize (json_array_get_string_element (paths, i));
      g_autofree char *uri = g_filename_to_uri (canonical, NULL, NULL);

      g_variant_builder_add (uris, "s", uri);
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, tauri_invocation_get_cancellable (invocation),
                          shown_cb, g_object_ref (invocation));
}

void
_tauri_plugin_opener_register (TauriApp             *app,
                               TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:opener|open_url", "url: string, with?: string",
                                                 TAURI_COMMAND_FLAGS_NONE, opener_open_url, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:opener|open_path", "path: string, with?: string",
                                                 TAURI_COMMAND_FLAGS_NONE, opener_open_path, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:opener|reveal_item_in_dir", "paths: array<string>",
                                                 TAURI_COMMAND_FLAGS_NONE, opener_reveal_item_in_dir, app, NULL));
}
