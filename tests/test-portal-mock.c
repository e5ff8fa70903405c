/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "test-portal-mock.h"

/*
 * A desktop portal for tests, on the test's own bus. A call that the real
 * portal answers with a Request (OpenFile, SaveFile, OpenURI, OpenFile of
 * OpenURI, OpenDirectory) returns the request's path, and its Response
 * follows with what test_portal_mock_answer() last set (0 and no results
 * by default). Every call is kept as `Method <parameters>`, for the test to
 * check the exact request. It runs on a thread of its own: GLib's portal
 * code makes some of its calls synchronously from the main thread.
 */

static const char introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.FileChooser'>"
  "    <method name='OpenFile'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "    <method name='SaveFile'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.OpenURI'>"
  "    <method name='OpenURI'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "    <method name='OpenFile'><arg type='s' direction='in'/><arg type='h' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "    <method name='OpenDirectory'><arg type='s' direction='in'/><arg type='h' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Notification'>"
  "    <method name='AddNotification'><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/></method>"
  "    <method name='RemoveNotification'><arg type='s' direction='in'/></method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.FileManager1'>"
  "    <method name='ShowItems'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "  </interface>"
  "</node>";

static GDBusConnection *connection;
static GDBusNodeInfo *node_info;
static GPtrArray *calls;
static guint32 next_response;
static GVariant *next_results;
static GArray *registrations;
static GMutex mutex;
static GThread *thread;
static GMainContext *context;
static GMainLoop *loop;
static char *address;

typedef struct
{
  char *path;
  char *destination;
} Response;

static gboolean
send_response_cb (gpointer user_data)
{
  Response *response = user_data;
  GVariant *results;
  guint32 code;

  g_mutex_lock (&mutex);
  results = next_results ? g_variant_ref (next_results)
                         : g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
  code = next_response;
  g_mutex_unlock (&mutex);

  g_dbus_connection_emit_signal (connection, response->destination, response->path,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", code, results), NULL);
  g_variant_unref (results);
  g_free (response->path);
  g_free (response->destination);
  g_free (response);
  return G_SOURCE_REMOVE;
}

/* The path the portal gives a request: its caller and handle_token. */
static char *
request_path (const char *sender,
              GVariant   *options)
{
  g_autofree char *token = NULL;
  g_autofree char *caller = g_strdup (sender + 1);

  if (!g_variant_lookup (options, "handle_token", "s", &token))
    token = g_strdup ("t");
  g_strdelimit (caller, ".", '_');

  return g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", caller, token);
}

static void
method_call_cb (GDBusConnection       *bus,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  g_autofree char *text = g_variant_print (parameters, FALSE);
  g_autoptr(GVariant) options = NULL;
  Response *response;

  g_mutex_lock (&mutex);
  g_ptr_array_add (calls, g_strdup_printf ("%s %s", method_name, text));
  g_mutex_unlock (&mutex);

  if (g_str_equal (interface_name, "org.freedesktop.portal.Notification") ||
      g_str_equal (interface_name, "org.freedesktop.FileManager1"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  options = g_variant_get_child_value (parameters, 2);
  response = g_new0 (Response, 1);
  response->path = request_path (sender, options);
  response->destination = g_strdup (sender);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", response->path));
  {
    g_autoptr(GSource) source = g_timeout_source_new (10);

    g_source_set_callback (source, send_response_cb, response, NULL);
    g_source_attach (source, context);
  }
}

static GVariant *
get_property_cb (GDBusConnection  *bus,
                 const char       *sender,
                 const char       *object_path,
                 const char       *interface_name,
                 const char       *property_name,
                 GError          **error,
                 gpointer          user_data)
{
  return g_variant_new_uint32 (3);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, get_property_cb, NULL, { 0 } };

static gpointer
service_thread (gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *path; const char *interface; } objects[] = {
    { "/org/freedesktop/portal/desktop", "org.freedesktop.portal.FileChooser" },
    { "/org/freedesktop/portal/desktop", "org.freedesktop.portal.OpenURI" },
    { "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Notification" },
    { "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1" },
  };

  g_main_context_push_thread_default (context);

  node_info = g_dbus_node_info_new_for_xml (introspection, &error);
  g_assert_no_error (error);

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      guint id = g_dbus_connection_register_object (connection, objects[i].path,
                                                    g_dbus_node_info_lookup_interface (node_info, objects[i].interface),
                                                    &vtable, NULL, NULL, &error);

      g_assert_no_error (error);
      g_array_append_val (registrations, id);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "org.freedesktop.portal.Desktop" : "org.freedesktop.FileManager1";
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "RequestName",
                                                               g_variant_new ("(su)", name, 0x4),
                                                               G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                                               -1, NULL, &error);
      guint32 result;

      g_assert_no_error (error);
      g_variant_get (reply, "(u)", &result);
      g_assert_cmpuint (result, ==, 1);
    }

  /* Serving: the test may go on. */
  g_mutex_lock (&mutex);
  g_ptr_array_add (calls, g_strdup ("Ready "));
  g_mutex_unlock (&mutex);

  g_main_loop_run (loop);

  for (guint i = 0; i < registrations->len; i++)
    g_dbus_connection_unregister_object (connection, g_array_index (registrations, guint, i));
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_clear_object (&connection);
  g_clear_pointer (&node_info, g_dbus_node_info_unref);
  g_main_context_pop_thread_default (context);

  return NULL;
}

void
test_portal_mock_start (const char *bus_address)
{
  g_autofree char *ready = NULL;

  calls = g_ptr_array_new_with_free_func (g_free);
  registrations = g_array_new (FALSE, FALSE, sizeof (guint));
  address = g_strdup (bus_address);
  context = g_main_context_new ();
  loop = g_main_loop_new (context, FALSE);
  thread = g_thread_new ("portal-mock", service_thread, NULL);
  ready = test_portal_mock_wait_call ("Ready");
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

void
test_portal_mock_stop (void)
{
  g_main_context_invoke (context, quit_cb, NULL);
  g_thread_join (thread);
  g_clear_pointer (&loop, g_main_loop_unref);
  g_clear_pointer (&context, g_main_context_unref);
  g_clear_pointer (&address, g_free);
  g_clear_pointer (&calls, g_ptr_array_unref);
  g_clear_pointer (&registrations, g_array_unref);
  g_clear_pointer (&next_results, g_variant_unref);
}

/* @results: (transfer floating) (nullable) */
void
test_portal_mock_answer (guint32   response,
                         GVariant *results)
{
  g_mutex_lock (&mutex);
  next_response = response;
  g_clear_pointer (&next_results, g_variant_unref);
  next_results = results ? g_variant_ref_sink (results) : NULL;
  g_mutex_unlock (&mutex);
}

guint
test_portal_mock_count_calls (const char *method)
{
  g_autofree char *prefix = g_strconcat (method, " ", NULL);
  guint count = 0;

  g_mutex_lock (&mutex);
  for (guint i = 0; i < calls->len; i++)
    count += g_str_has_prefix (g_ptr_array_index (calls, i), prefix);
  g_mutex_unlock (&mutex);

  return count;
}

/* The last call of @method, once one has come; it is then forgotten. */
char *
test_portal_mock_wait_call (const char *method)
{
  g_autofree char *prefix = g_strconcat (method, " ", NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      char *found = NULL;

      g_mutex_lock (&mutex);
      for (guint i = 0; i < calls->len && found == NULL; i++)
        {
          if (g_str_has_prefix (g_ptr_array_index (calls, i), prefix))
            found = g_ptr_array_steal_index (calls, i);
        }
      g_mutex_unlock (&mutex);

      if (found != NULL)
        return found;

      /* Fail with what did come, rather than hang the suite. */
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *seen = NULL;

          g_mutex_lock (&mutex);
          g_ptr_array_add (calls, NULL);
          seen = g_strjoinv ("\n", (char **) calls->pdata);
          g_ptr_array_remove_index (calls, calls->len - 1);
          g_mutex_unlock (&mutex);
          g_error ("No %s call came; the calls were:\n%s", method, seen);
        }

      /* The service answers on its thread; the page and GTK run here. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}
