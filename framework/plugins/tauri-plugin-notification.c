/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-plugin-notification-private.h"

/*
 * Tauri's notification plugin (@tauri-apps/plugin-notification) on
 * GNotification: GLib sends it through the Notification portal inside a
 * Flatpak, or to the desktop's notification server otherwise. Permission
 * is always granted, as on Tauri's desktops. The page's window.Notification
 * is replaced at document start (notification-init.js), as Tauri's plugin
 * does, since sendNotification() creates one.
 */

char *
_tauri_plugin_notification_dup_init_script (TauriApp *app)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/taurigtk/Tauri/plugins/notification-init.js",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
notification_is_permission_granted (TauriInvocation *invocation,
                                    gpointer         user_data)
{
  tauri_invocation_return_boolean (invocation, TRUE);
}

static void
notification_request_permission (TauriInvocation *invocation,
                                 gpointer         user_data)
{
  tauri_invocation_return_string (invocation, "granted");
}

static const char *
member_string (JsonObject *options,
               const char *name)
{
  JsonNode *node = json_object_get_member (options, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An icon: a file's path, or an icon name of the theme. */
static GIcon *
icon_from_string (const char *icon)
{
  g_autoptr(GFile) file = NULL;

  if (g_path_is_absolute (icon))
    {
      file = g_file_new_for_path (icon);
      return g_file_icon_new (file);
    }

  return g_themed_icon_new (icon);
}

static void
notification_notify (TauriInvocation *invocation,
                     gpointer         user_data)
{
  TauriApp *app = user_data;
  JsonObject *options = json_node_get_object (tauri_invocation_get_argument (invocation, "options"));
  const char *title = member_string (options, "title");
  const char *body = member_string (options, "body");
  const char *icon = member_string (options, "icon");
  g_autoptr(GNotification) notification = g_notification_new (title != NULL ? title : "");
  g_autofree char *id = NULL;

  if (body != NULL)
    g_notification_set_body (notification, body);
  if (icon != NULL)
    {
      g_autoptr(GIcon) gicon = icon_from_string (icon);

      g_notification_set_icon (notification, gicon);
    }
  if (json_object_get_boolean_member_with_default (options, "silent", FALSE))
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);

  if (json_object_has_member (options, "id"))
    id = g_strdup_printf ("tauri-%" G_GINT64_FORMAT, json_object_get_int_member (options, "id"));
  else
    id = g_strdup_printf ("tauri-%u", g_random_int ());

  g_application_send_notification (G_APPLICATION (app), id, notification);
  tauri_invocation_return_value (invocation, NULL);
}

void
_tauri_plugin_notification_register (TauriApp             *app,
                                     TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:notification|is_permission_granted", NULL,
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 notification_is_permission_granted, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:notification|request_permission", NULL,
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 notification_request_permission, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:notification|notify", "options: object",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 notification_notify, app, NULL));
}
