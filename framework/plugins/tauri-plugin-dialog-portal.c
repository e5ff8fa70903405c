/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "tauri-plugin-dialog-private.h"
#include "tauri-window.h"

/*
 * open() and save() through the FileChooser portal of
 * xdg-desktop-portal, asked directly: inside a Flatpak, or wherever
 * GTK_USE_PORTAL is set. The request carries the calling window as its
 * parent, so the dialog is modal to it, and the page's options (title,
 * filters, folder or name to start from, several files or a folder); the
 * Response signal of the request gives the files chosen, or a cancel.
 */

typedef struct
{
  TauriFileRequest *request;
  GDBusConnection  *bus;
  char             *handle;
  guint             response_id;
  gulong            cancelled_id;
} PortalCall;

static void
portal_call_free (PortalCall *call)
{
  if (call->response_id != 0)
    g_dbus_connection_signal_unsubscribe (call->bus, call->response_id);
  g_cancellable_disconnect (tauri_invocation_get_cancellable (call->request->invocation), call->cancelled_id);
  _tauri_file_request_free (call->request);
  g_clear_object (&call->bus);
  g_free (call->handle);
  g_free (call);
}

/* The window the portal puts its dialog over: `x11:<id>` on X11. */
static char *
parent_handle (TauriWindow *window)
{
  GdkSurface *surface = window ? gtk_native_get_surface (GTK_NATIVE (window)) : NULL;

#ifdef GDK_WINDOWING_X11
  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    return g_strdup_printf ("x11:%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
#endif

  return g_strdup ("");
}

static void
response_cb (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  PortalCall *call = user_data;
  g_autoptr(GVariant) results = NULL;
  g_autofree const char **uris = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  guint32 response;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);

  if (response == 0 && g_variant_lookup (results, "uris", "^a&s", &uris))
    {
      for (guint i = 0; uris[i] != NULL; i++)
        {
          g_autofree char *file = g_filename_from_uri (uris[i], NULL, NULL);

          if (file != NULL)
            g_strv_builder_add (paths, file);
        }
      chosen = g_strv_builder_end (paths);
    }

  if (response == 2)
    tauri_invocation_return_error_message (call->request->invocation, "The file chooser failed");
  else
    _tauri_plugin_dialog_answer (call->request, chosen);

  portal_call_free (call);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PortalCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  if (reply == NULL)
    {
      tauri_invocation_return_error_message (call->request->invocation, error->message);
      portal_call_free (call);
    }
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  PortalCall *call = user_data;

  g_dbus_connection_call (call->bus, "org.freedesktop.portal.Desktop", call->handle,
                          "org.freedesktop.portal.Request", "Close", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

/* filters: [(name, [(0, "*.ext"), …]), …] */
static GVariant *
portal_filters (JsonObject *options)
{
  JsonNode *node = json_object_get_member (options, "filters");
  JsonArray *filters = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sa(us))"));
  for (guint i = 0; filters != NULL && i < json_array_get_length (filters); i++)
    {
      JsonNode *element = json_array_get_element (filters, i);
      JsonObject *filter = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *extensions = filter ? json_object_get_member (filter, "extensions") : NULL;
      GVariantBuilder patterns;

      if (extensions == NULL || !JSON_NODE_HOLDS_ARRAY (extensions))
        continue;

      g_variant_builder_init (&patterns, G_VARIANT_TYPE ("a(us)"));
      for (guint j = 0; j < json_array_get_length (json_node_get_array (extensions)); j++)
        {
          const char *extension = json_array_get_string_element (json_node_get_array (extensions), j);
          g_autofree char *pattern = NULL;

          if (extension == NULL)
            continue;
          pattern = g_str_equal (extension, "*") ? g_strdup ("*") : g_strconcat ("*.", extension, NULL);
          g_variant_builder_add (&patterns, "(us)", 0, pattern);
        }
      g_variant_builder_add (&builder, "(s@a(us))",
                             json_object_get_string_member_with_default (filter, "name", ""),
                             g_variant_builder_end (&patterns));
    }

  return g_variant_builder_end (&builder);
}

static void
add_default_path (GVariantBuilder *options,
                  const char      *path,
                  gboolean         save)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    g_variant_builder_add (options, "{sv}", "current_folder", g_variant_new_bytestring (path));
  else
    {
      if (g_path_is_absolute (path) && g_file_test (folder, G_FILE_TEST_IS_DIR))
        g_variant_builder_add (options, "{sv}", "current_folder", g_variant_new_bytestring (folder));
      if (save)
        g_variant_builder_add (options, "{sv}", "current_name", g_variant_new_string (name));
    }
}

void
_tauri_plugin_dialog_portal_choose (TauriFileRequest *request)
{
  PortalCall *call = g_new0 (PortalCall, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strdup_printf ("tauri%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *parent = parent_handle (tauri_invocation_get_window (request->invocation));
  const char *title = json_object_get_string_member_with_default (request->options, "title", NULL);
  const char *default_path = json_object_get_string_member_with_default (request->options, "defaultPath", NULL);
  GVariantBuilder options;

  call->request = request;
  call->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (call->bus == NULL)
    {
      tauri_invocation_return_error_message (request->invocation, error->message);
      portal_call_free (call);
      return;
    }

  /* The request's path is known beforehand: listen before asking. */
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (call->bus) + 1), ".", '_');
  call->handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender, token);
  call->response_id = g_dbus_connection_signal_subscribe (call->bus, "org.freedesktop.portal.Desktop",
                                                          "org.freedesktop.portal.Request", "Response",
                                                          call->handle, NULL, G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                                          response_cb, call, NULL);
  call->cancelled_id = g_cancellable_connect (tauri_invocation_get_cancellable (request->invocation),
                                              G_CALLBACK (cancelled_cb), call, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "modal", g_variant_new_boolean (TRUE));
  if (!request->save)
    {
      g_variant_builder_add (&options, "{sv}", "multiple", g_variant_new_boolean (request->multiple));
      g_variant_builder_add (&options, "{sv}", "directory", g_variant_new_boolean (request->directory));
    }
  g_variant_builder_add (&options, "{sv}", "filters", portal_filters (request->options));
  if (default_path != NULL)
    add_default_path (&options, default_path, request->save);

  g_dbus_connection_call (call->bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.FileChooser", request->save ? "SaveFile" : "OpenFile",
                          g_variant_new ("(ssa{sv})", parent, title ? title : "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, G_MAXINT, NULL,
                          called_cb, call);
}
