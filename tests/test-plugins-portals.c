/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "demo-app.h"
#include "test-isolation.h"
#include "test-portal-mock.h"
#include "test-ui.h"

/*
 * The dialog, opener and notification plugins against the desktop portal
 * and the file manager, both services of this test on its own D-Bus bus
 * (test-portal-mock.c): the exact request each plugin makes is checked,
 * and the answer the test gives (a chosen file, a cancel) reaches the page
 * as Tauri's API returns it. The dialog plugin (GTK_USE_PORTAL) and GLib
 * (GIO_USE_PORTALS) are told to use portals, as they do inside a Flatpak. Message dialogs are GTK's own: the test finds the
 * one the call opened, modal to its window, and presses a button.
 */

#define APP_ID "io.github.taurigtk.Demo.Portals"

static TauriApp *app;
static char *root;
static GSubprocess *bus;

static TauriWindow *
main_window (void)
{
  return tauri_app_get_window (app, "main");
}

static char *
call_in (const char *call)
{
  g_autofree char *body = g_strdup_printf ("return JSON.stringify(await window.tests.%s);", call);

  return test_ui_run_js (main_window (), NULL, body);
}

#define assert_call(call, expected) \
  G_STMT_START { \
    g_autofree char *_result = call_in (call); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” is not in “%s”", (needle), (haystack)); \
  } G_STMT_END

static GVariant *
chosen_uris (const char * const *paths)
{
  GVariantBuilder results, uris;

  g_variant_builder_init (&uris, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *uri = g_filename_to_uri (paths[i], NULL, NULL);

      g_variant_builder_add (&uris, "s", uri);
    }
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "uris", g_variant_builder_end (&uris));

  return g_variant_builder_end (&results);
}

static void
test_dialog_open (void)
{
  g_autofree char *first = g_build_filename (root, "chosen", "notes.txt", NULL);
  g_autofree char *second = g_build_filename (root, "chosen", "todo.md", NULL);
  g_autofree char *folder = g_path_get_dirname (first);
  const char *paths[] = { first, second, NULL };
  g_autofree char *start = NULL;
  g_autofree char *request = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *read = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (first, "chosen by the user", -1, NULL));
  g_assert_true (g_file_set_contents (second, "- [ ] ship it", -1, NULL));

  /* Not chosen yet: out of the fs plugin's scope. */
  read = g_strdup_printf ("readChosen('%s')", first);
  expected = g_strdup_printf ("{\"err\":\"forbidden path: %s\"}", first);
  assert_call (read, expected);

  test_portal_mock_answer (0, chosen_uris (paths));
  start = g_strdup_printf ("startDialog('open', 'open', {title: 'Pick notes', multiple: true, defaultPath: '%s', "
                           "filters: [{name: 'Notes', extensions: ['txt', 'md']}]})", folder);
  assert_call (start, "true");

  request = test_portal_mock_wait_call ("OpenFile");
  assert_contains (request, "'Pick notes'");
  assert_contains (request, "'multiple': <true>");
  assert_contains (request, "'modal': <true>");
  assert_contains (request, "'filters': <[('Notes', [(uint32 0, '*.txt'), (0, '*.md')])]>");
  assert_contains (request, "'current_folder': <b'");
  /* Both, in the order GTK gives them. */
  {
    g_autofree char *result = call_in ("finishDialog('open')");
    g_autofree char *one = g_strdup_printf ("{\"ok\":[\"%s\",\"%s\"]}", first, second);
    g_autofree char *other = g_strdup_printf ("{\"ok\":[\"%s\",\"%s\"]}", second, first);

    if (g_strcmp0 (result, one) != 0)
      g_assert_cmpstr (result, ==, other);
  }

  /* Chosen: the page may read it now, as in Tauri. */
  g_clear_pointer (&expected, g_free);
  expected = g_strdup ("{\"ok\":\"chosen by the user\"}");
  assert_call (read, expected);
}

static void
test_dialog_cancel_and_save (void)
{
  g_autofree char *target = g_build_filename (root, "saved.txt", NULL);
  const char *paths[] = { target, NULL };
  g_autofree char *request = NULL;
  g_autofree char *expected = NULL;

  test_portal_mock_answer (1, NULL);
  assert_call ("startDialog('cancel', 'open', {directory: true})", "true");
  request = test_portal_mock_wait_call ("OpenFile");
  assert_contains (request, "'directory': <true>");
  assert_call ("finishDialog('cancel')", "{\"ok\":null}");

  g_clear_pointer (&request, g_free);
  test_portal_mock_answer (0, chosen_uris (paths));
  assert_call ("startDialog('save', 'save', {title: 'Save as', defaultPath: 'report.txt'})", "true");
  request = test_portal_mock_wait_call ("SaveFile");
  assert_contains (request, "'Save as'");
  assert_contains (request, "'current_name': <'report.txt'>");
  expected = g_strdup_printf ("{\"ok\":\"%s\"}", target);
  assert_call ("finishDialog('save')", expected);
}

static GtkMessageDialog *
wait_for_message_dialog (void)
{
  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return GTK_MESSAGE_DIALOG (window);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Opens a message dialog from the page, checks it, presses button @button. */
static void
answer_message (const char *start,
                const char *text,
                const char *secondary,
                int         button)
{
  GtkMessageDialog *dialog;
  g_autofree char *shown = NULL;
  g_autofree char *shown_secondary = NULL;

  assert_call (start, "true");
  dialog = wait_for_message_dialog ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (main_window ()));
  g_object_get (dialog, "text", &shown, "secondary-text", &shown_secondary, NULL);
  g_assert_cmpstr (shown, ==, text);
  g_assert_cmpstr (shown_secondary, ==, secondary);
  gtk_dialog_response (GTK_DIALOG (dialog), button);
}

static void
test_dialog_message (void)
{
  answer_message ("startDialog('ask', 'ask', ['Delete the file?', {title: 'Delete', kind: 'warning'}])",
                  "Delete", "Delete the file?", 0);
  assert_call ("finishDialog('ask')", "{\"ok\":true}");

  answer_message ("startDialog('confirm', 'confirm', ['Quit now?'])", "Quit now?", NULL, 1);
  assert_call ("finishDialog('confirm')", "{\"ok\":false}");

  answer_message ("startDialog('custom', 'ask', ['Keep?', {okLabel: 'Keep', cancelLabel: 'Drop'}])",
                  "Keep?", NULL, 1);
  assert_call ("finishDialog('custom')", "{\"ok\":false}");

  answer_message ("startDialog('message', 'message', ['Done.'])", "Done.", NULL, 0);
  assert_call ("finishDialog('message')", "{\"ok\":\"Ok\"}");
}

static gboolean
take_external_cb (TauriApp   *self,
                  const char *uri,
                  gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (uri));
  return TRUE;
}

static void
test_opener (void)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *request = NULL;
  g_autofree char *call = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uri = NULL;
  gulong handler;

  /* An application's open-external handler takes it first. */
  handler = g_signal_connect (app, "open-external", G_CALLBACK (take_external_cb), taken);
  call = g_strdup_printf ("opener('https://example.com/taken', '%s')", root);
  expected = g_strdup_printf ("[{},{\"err\":\"Not allowed to open url file:///etc/passwd\"},"
                              "{\"err\":\"Not allowed to open url javascript:alert(1)\"},"
                              "{\"err\":\"Not allowed to open path %s\"}]", root);
  assert_call (call, expected);
  g_assert_cmpuint (taken->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (taken, 0), ==, "https://example.com/taken");
  g_assert_cmpuint (test_portal_mock_count_calls ("OpenURI"), ==, 0);
  g_signal_handler_disconnect (app, handler);

  /* Otherwise the OpenURI portal opens it. */
  test_portal_mock_answer (0, NULL);
  g_clear_pointer (&call, g_free);
  g_clear_pointer (&expected, g_free);
  call = g_strdup_printf ("opener('mailto:ada@example.com', '%s')", root);
  expected = g_strdup_printf ("[{},{\"err\":\"Not allowed to open url file:///etc/passwd\"},"
                              "{\"err\":\"Not allowed to open url javascript:alert(1)\"},"
                              "{\"err\":\"Not allowed to open path %s\"}]", root);
  assert_call (call, expected);
  request = test_portal_mock_wait_call ("OpenURI");
  assert_contains (request, "'mailto:ada@example.com'");

  /* revealItemInDir() asks the file manager. */
  g_clear_pointer (&request, g_free);
  g_clear_pointer (&call, g_free);
  call = g_strdup_printf ("reveal(['%s'])", root);
  assert_call (call, "{\"ok\":null}");
  request = test_portal_mock_wait_call ("ShowItems");
  uri = g_filename_to_uri (root, NULL, NULL);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("ShowItems (['%s'], '')", uri);
  g_assert_cmpstr (request, ==, expected);
}

static void
test_notification (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  assert_call ("notification()", "[\"granted\",true,\"granted\"]");
  first = test_portal_mock_wait_call ("AddNotification");
  assert_contains (first, "'title': <'Build finished'>");
  assert_contains (first, "'body': <'All 42 tests passed'>");
  assert_contains (first, "'icon': <('themed', <['dialog-information'");
  second = test_portal_mock_wait_call ("AddNotification");
  assert_contains (second, "'title': <'Just a title'>");
}

/* A session bus of the test's own, whose address it prints first. */
static char *
start_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  char *address;

  bus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                          "dbus-daemon", "--session", "--nofork", "--print-address", NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  address = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  return address;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  int status;

  root = test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  /* A bus of our own, with the portal on it; the dialog plugin and GLib
   * use portals as in a Flatpak. GLib decides once, at registration: the
   * web processes, started later, are not told. */
  address = start_bus ();
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  test_portal_mock_start (address);
  g_setenv ("GTK_USE_PORTAL", "1", TRUE);
  g_setenv ("GIO_USE_PORTALS", "1", TRUE);

  app = TAURI_APP (g_object_new (DEMO_TYPE_APP,
                                 "application-id", APP_ID,
                                 "flags", G_APPLICATION_NON_UNIQUE,
                                 "frontend", g_getenv ("PLUGINS_FRONTEND"),
                                 /* The demo's capabilities. */
                                 "resource-base-path", "/io/github/taurigtk/Demo",
                                 NULL));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_unsetenv ("GIO_USE_PORTALS");
  g_application_activate (G_APPLICATION (app));
  test_ui_wait_for_load (main_window ());

  test_ui_add ("/Tauri/Plugins/dialog/open", test_dialog_open);
  test_ui_add ("/Tauri/Plugins/dialog/cancel-and-save", test_dialog_cancel_and_save);
  test_ui_add ("/Tauri/Plugins/dialog/message", test_dialog_message);
  test_ui_add ("/Tauri/Plugins/opener", test_opener);
  test_ui_add ("/Tauri/Plugins/notification", test_notification);

  status = g_test_run ();

  test_ui_stop (g_steal_pointer (&app));
  test_portal_mock_stop ();
  g_subprocess_force_exit (bus);
  g_clear_object (&bus);
  test_remove_tree (root);
  g_free (root);

  return status;
}
