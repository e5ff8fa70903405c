/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-app-private.h"
#include "tauri-plugin-dialog-private.h"
#include "tauri-plugin-fs-private.h"
#include "tauri-window.h"

/*
 * Tauri's dialog plugin (@tauri-apps/plugin-dialog), modal to the calling
 * window. open() and save() ask the FileChooser portal inside a Flatpak
 * (tauri-plugin-dialog-portal.c), and show GTK's chooser otherwise; the
 * chosen paths resolve the promise (null when cancelled) and join the fs
 * plugin's scope, and a folder the asset scope, as in Tauri. message(), ask() and confirm() show a message
 * dialog whose answer is the label of the button pressed.
 */

void
_tauri_file_request_free (TauriFileRequest *request)
{
  g_object_unref (request->invocation);
  json_object_unref (request->options);
  g_free (request);
}

/* Resolves the call with the files chosen (NULL: cancelled), and lets the
 * pages reach them, as in Tauri: a path, or a list of them. */
void
_tauri_plugin_dialog_answer (TauriFileRequest  *request,
                             char             **paths)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;

  if (paths == NULL || paths[0] == NULL)
    {
      tauri_invocation_return_value (request->invocation, NULL);
      return;
    }

  for (guint i = 0; paths[i] != NULL && !request->save; i++)
    {
      _tauri_plugin_fs_allow_path (request->app, paths[i], request->directory, request->recursive);
      if (request->directory)
        tauri_app_add_asset_scope (request->app, paths[i]);
    }

  if (!request->multiple)
    {
      tauri_invocation_return_string (request->invocation, paths[0]);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; paths[i] != NULL; i++)
    json_builder_add_string_value (builder, paths[i]);
  json_builder_end_array (builder);
  answer = json_builder_get_root (builder);
  tauri_invocation_return_value (request->invocation, answer);
}

/* GTK's own chooser, outside a sandbox. */

typedef struct
{
  TauriFileRequest *request;
  GtkNativeDialog  *chooser;
  gulong            cancelled_id;
} NativeCall;

static void
native_call_free (NativeCall *call)
{
  g_cancellable_disconnect (tauri_invocation_get_cancellable (call->request->invocation), call->cancelled_id);
  gtk_native_dialog_destroy (call->chooser);
  g_object_unref (call->chooser);
  _tauri_file_request_free (call->request);
  g_free (call);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  NativeCall *call = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
    }

  _tauri_plugin_dialog_answer (call->request, paths);
  native_call_free (call);
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  NativeCall *call = user_data;

  gtk_native_dialog_hide (call->chooser);
}

static void
add_filters (GtkFileChooser *chooser,
             JsonObject     *options)
{
  JsonNode *node = json_object_get_member (options, "filters");
  JsonArray *filters = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; filters != NULL && i < json_array_get_length (filters); i++)
    {
      JsonNode *element = json_array_get_element (filters, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *extensions = object ? json_object_get_member (object, "extensions") : NULL;
      g_autoptr(GtkFileFilter) filter = NULL;

      if (object == NULL || extensions == NULL || !JSON_NODE_HOLDS_ARRAY (extensions))
        continue;

      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, json_object_get_string_member_with_default (object, "name", ""));
      for (guint j = 0; j < json_array_get_length (json_node_get_array (extensions)); j++)
        {
          const char *extension = json_array_get_string_element (json_node_get_array (extensions), j);

          if (extension == NULL)
            continue;
          if (g_str_equal (extension, "*"))
            gtk_file_filter_add_pattern (filter, "*");
          else
            gtk_file_filter_add_suffix (filter, extension);
        }
      gtk_file_chooser_add_filter (chooser, filter);
    }
}

/* defaultPath: a folder to start in, or a file (or a name, for save()). */
static void
set_default_path (GtkFileChooser *chooser,
                  const char     *path,
                  gboolean        save)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (chooser, file, NULL);
  else if (save)
    {
      if (g_path_is_absolute (path) && parent != NULL)
        gtk_file_chooser_set_current_folder (chooser, parent, NULL);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    gtk_file_chooser_set_file (chooser, file, NULL);
  else if (parent != NULL && g_file_test (g_file_peek_path (parent), G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
}

static void
native_choose (TauriFileRequest *request)
{
  NativeCall *call = g_new0 (NativeCall, 1);
  const char *title = json_object_get_string_member_with_default (request->options, "title", NULL);
  const char *default_path = json_object_get_string_member_with_default (request->options, "defaultPath", NULL);
  GtkFileChooserAction action;

  call->request = request;
  action = request->save ? GTK_FILE_CHOOSER_ACTION_SAVE
           : request->directory ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN;
  call->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (title,
                                                                  GTK_WINDOW (tauri_invocation_get_window (request->invocation)),
                                                                  action, NULL, NULL));
  gtk_native_dialog_set_modal (call->chooser, TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (call->chooser), request->multiple);
  if (request->save)
    gtk_file_chooser_set_create_folders (GTK_FILE_CHOOSER (call->chooser),
                                         json_object_get_boolean_member_with_default (request->options,
                                                                                      "canCreateDirectories", TRUE));
  add_filters (GTK_FILE_CHOOSER (call->chooser), request->options);
  if (default_path != NULL)
    set_default_path (GTK_FILE_CHOOSER (call->chooser), default_path, request->save);

  g_signal_connect (call->chooser, "response", G_CALLBACK (chooser_response_cb), call);
  call->cancelled_id = g_cancellable_connect (tauri_invocation_get_cancellable (request->invocation),
                                              G_CALLBACK (cancelled_cb), call, NULL);
  gtk_native_dialog_show (call->chooser);
}

static void
dialog_file (TauriInvocation *invocation,
             gpointer         user_data)
{
  JsonNode *node = tauri_invocation_get_argument (invocation, "options");
  TauriFileRequest *request = g_new0 (TauriFileRequest, 1);

  request->invocation = g_object_ref (invocation);
  request->app = user_data;
  request->options = node && JSON_NODE_HOLDS_OBJECT (node) ? json_object_ref (json_node_get_object (node))
                                                           : json_object_new ();
  request->save = g_str_has_suffix (tauri_invocation_get_command_name (invocation), "|save");
  request->multiple = !request->save &&
                      json_object_get_boolean_member_with_default (request->options, "multiple", FALSE);
  request->directory = !request->save &&
                       json_object_get_boolean_member_with_default (request->options, "directory", FALSE);
  request->recursive = json_object_get_boolean_member_with_default (request->options, "recursive", FALSE);

  if (_tauri_plugins_use_portal ())
    _tauri_plugin_dialog_portal_choose (request);
  else
    native_choose (request);
}

/* message(), ask() and confirm(): {message, title?, kind?, buttons?}. */

typedef struct
{
  TauriInvocation *invocation;
  GPtrArray       *labels;      /* by response id */
} MessageRequest;

static void
message_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  MessageRequest *request = user_data;
  const char *label;

  /* Closed without a button: the last one, cancel's place. */
  if (response < 0 || (guint) response >= request->labels->len)
    response = request->labels->len - 1;
  label = g_ptr_array_index (request->labels, response);

  tauri_invocation_return_string (request->invocation, label);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (request->invocation);
  g_ptr_array_unref (request->labels);
  g_free (request);
}

/* The buttons, as MessageDialogButtons reaches us: "Ok", "OkCancel",
 * "YesNo", "YesNoCancel", or {OkCustom}, {OkCancelCustom: [ok, cancel]},
 * {YesNoCancelCustom: [yes, no, cancel]}. */
static GPtrArray *
button_labels (JsonNode *buttons)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  const char *preset = NULL;

  if (buttons != NULL && JSON_NODE_HOLDS_VALUE (buttons) && json_node_get_value_type (buttons) == G_TYPE_STRING)
    preset = json_node_get_string (buttons);

  if (buttons != NULL && JSON_NODE_HOLDS_OBJECT (buttons))
    {
      JsonObject *object = json_node_get_object (buttons);
      const char *custom[] = { "OkCustom", "OkCancelCustom", "YesNoCancelCustom" };

      for (guint i = 0; i < G_N_ELEMENTS (custom); i++)
        {
          JsonNode *member = json_object_get_member (object, custom[i]);

          if (member != NULL && JSON_NODE_HOLDS_VALUE (member))
            g_ptr_array_add (labels, g_strdup (json_node_get_string (member)));
          for (guint j = 0; member != NULL && JSON_NODE_HOLDS_ARRAY (member) &&
                            j < json_array_get_length (json_node_get_array (member)); j++)
            g_ptr_array_add (labels, g_strdup (json_array_get_string_element (json_node_get_array (member), j)));
        }
    }
  else if (g_strcmp0 (preset, "OkCancel") == 0)
    {
      g_ptr_array_add (labels, g_strdup ("Ok"));
      g_ptr_array_add (labels, g_strdup ("Cancel"));
    }
  else if (g_strcmp0 (preset, "YesNo") == 0 || g_strcmp0 (preset, "YesNoCancel") == 0)
    {
      g_ptr_array_add (labels, g_strdup ("Yes"));
      g_ptr_array_add (labels, g_strdup ("No"));
      if (g_str_equal (preset, "YesNoCancel"))
        g_ptr_array_add (labels, g_strdup ("Cancel"));
    }

  for (guint i = 0; i < labels->len; i++)
    if (g_ptr_array_index (labels, i) == NULL)
      g_ptr_array_index (labels, i) = g_strdup ("");

  if (labels->len == 0)
    g_ptr_array_add (labels, g_strdup ("Ok"));

  return labels;
}

static void
dialog_message (TauriInvocation *invocation,
                gpointer         user_data)
{
  const char *message = tauri_invocation_get_string (invocation, "message");
  const char *title = tauri_invocation_get_string (invocation, "title");
  const char *kind = tauri_invocation_get_string (invocation, "kind");
  MessageRequest *request = g_new0 (MessageRequest, 1);
  GtkMessageType type = GTK_MESSAGE_INFO;
  GtkWidget *dialog;

  if (g_strcmp0 (kind, "warning") == 0)
    type = GTK_MESSAGE_WARNING;
  else if (g_strcmp0 (kind, "error") == 0)
    type = GTK_MESSAGE_ERROR;

  request->invocation = g_object_ref (invocation);
  request->labels = button_labels (tauri_invocation_get_argument (invocation, "buttons"));

  dialog = gtk_message_dialog_new (GTK_WINDOW (tauri_invocation_get_window (invocation)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, GTK_BUTTONS_NONE, "%s", title != NULL ? title : message);
  if (title != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  gtk_widget_set_name (dialog, "tauri-plugin-dialog-message");

  for (guint i = 0; i < request->labels->len; i++)
    gtk_dialog_add_button (GTK_DIALOG (dialog), g_ptr_array_index (request->labels, i), i);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), 0);

  g_signal_connect (dialog, "response", G_CALLBACK (message_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_tauri_plugin_dialog_register (TauriApp             *app,
                               TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:dialog|open", "options?: object",
                                                 TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 dialog_file, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:dialog|save", "options?: object",
                                                 TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 dialog_file, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:dialog|message",
                                                 "message: string, title?: string, kind?: string, buttons?: any",
                                                 TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 dialog_message, app, NULL));
}
