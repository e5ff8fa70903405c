/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-json-private.h"
#include "tauri-plugin-window-state-private.h"
#include "tauri-window.h"

/*
 * Tauri's window-state plugin (@tauri-apps/plugin-window-state): each
 * window's size, maximized, fullscreen and decorated states are kept by
 * label in `.window-state.json` of the application's configuration
 * directory, in Tauri's format ({"main": {"width", "height", "maximized",
 * …}}). A window opened with a label found there gets its state back
 * before it is shown; a window's state is taken when it closes, and the
 * file is written when the application shuts down, or at once by
 * saveWindowState(). GTK 4 has no window position on Wayland, nor a way to
 * set one on X11: x and y are not kept.
 */

#define FILENAME ".window-state.json"

/* StateFlags of the JavaScript package. */
enum {
  STATE_SIZE        = 1 << 0,
  STATE_POSITION    = 1 << 1,
  STATE_MAXIMIZED   = 1 << 2,
  STATE_VISIBLE     = 1 << 3,
  STATE_DECORATIONS = 1 << 4,
  STATE_FULLSCREEN  = 1 << 5,
  STATE_ALL         = (1 << 6) - 1,
};

typedef struct
{
  GFile      *file;
  JsonObject *states;    /* label → state */
} WindowStates;

static void
window_states_free (WindowStates *states)
{
  g_clear_object (&states->file);
  g_clear_pointer (&states->states, json_object_unref);
  g_free (states);
}

static WindowStates *
get_states (TauriApp *app)
{
  return g_object_get_data (G_OBJECT (app), "tauri-plugin-window-state");
}

/* What @window looks like now, as Tauri writes it. */
static void
take_state (WindowStates *states,
            TauriWindow  *window)
{
  JsonObject *state = json_object_new ();
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (window));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  json_object_set_int_member (state, "width", (gint64) width * scale);
  json_object_set_int_member (state, "height", (gint64) height * scale);
  json_object_set_int_member (state, "x", 0);
  json_object_set_int_member (state, "y", 0);
  json_object_set_int_member (state, "prev_x", 0);
  json_object_set_int_member (state, "prev_y", 0);
  json_object_set_boolean_member (state, "maximized", gtk_window_is_maximized (GTK_WINDOW (window)));
  json_object_set_boolean_member (state, "visible", gtk_widget_get_visible (GTK_WIDGET (window)));
  json_object_set_boolean_member (state, "decorated", gtk_window_get_decorated (GTK_WINDOW (window)));
  json_object_set_boolean_member (state, "fullscreen", gtk_window_is_fullscreen (GTK_WINDOW (window)));

  json_object_set_object_member (states->states, tauri_window_get_label (window), state);
}

static void
restore_state (WindowStates *states,
               TauriWindow  *window,
               gint64        flags)
{
  JsonNode *node = json_object_get_member (states->states, tauri_window_get_label (window));
  JsonObject *state = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  int scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (window)));

  if (state == NULL)
    return;

  if ((flags & STATE_SIZE) && json_object_get_int_member_with_default (state, "width", 0) > 0 &&
      json_object_get_int_member_with_default (state, "height", 0) > 0)
    gtk_window_set_default_size (GTK_WINDOW (window),
                                 MIN (json_object_get_int_member (state, "width") / scale, G_MAXINT16),
                                 MIN (json_object_get_int_member (state, "height") / scale, G_MAXINT16));
  if ((flags & STATE_DECORATIONS) && json_object_has_member (state, "decorated"))
    gtk_window_set_decorated (GTK_WINDOW (window), json_object_get_boolean_member (state, "decorated"));
  if ((flags & STATE_MAXIMIZED) && json_object_get_boolean_member_with_default (state, "maximized", FALSE))
    gtk_window_maximize (GTK_WINDOW (window));
  if ((flags & STATE_FULLSCREEN) && json_object_get_boolean_member_with_default (state, "fullscreen", FALSE))
    gtk_window_fullscreen (GTK_WINDOW (window));
}

static GBytes *
serialize (WindowStates *states)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), states->states);

  return _tauri_json_to_bytes (node);
}

static void
take_open_windows (TauriApp     *app,
                   WindowStates *states)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (TAURI_IS_WINDOW (l->data))
        take_state (states, l->data);
    }
}

static gboolean
make_parent (GFile   *file,
             GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (parent, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* At shutdown the file is written before the process goes: a few bytes. */
static void
shutdown_cb (GApplication *application,
             gpointer      user_data)
{
  WindowStates *states = get_states (TAURI_APP (application));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  take_open_windows (TAURI_APP (application), states);
  bytes = serialize (states);

  if (!make_parent (states->file, &error) ||
      !g_file_replace_contents (states->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_message ("Could not save the windows’ state: %s", error->message);
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  take_state (user_data, TAURI_WINDOW (window));
  return FALSE;
}

void
_tauri_plugin_window_state_setup_window (TauriApp    *app,
                                         TauriWindow *window)
{
  WindowStates *states = get_states (app);

  restore_state (states, window, STATE_ALL & ~STATE_VISIBLE);
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), states);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

static void
window_state_save (TauriInvocation *invocation,
                   gpointer         user_data)
{
  WindowStates *states = get_states (user_data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  take_open_windows (user_data, states);
  bytes = serialize (states);

  if (!make_parent (states->file, &error))
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  g_file_replace_contents_bytes_async (states->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       tauri_invocation_get_cancellable (invocation),
                                       replaced_cb, g_object_ref (invocation));
}

static void
window_state_restore (TauriInvocation *invocation,
                      gpointer         user_data)
{
  TauriWindow *window = tauri_app_get_window (user_data, tauri_invocation_get_string (invocation, "label"));

  if (window == NULL)
    {
      tauri_invocation_return_error_message (invocation, "window not found");
      return;
    }

  restore_state (get_states (user_data), window, tauri_invocation_get_int (invocation, "flags"));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_state_filename (TauriInvocation *invocation,
                       gpointer         user_data)
{
  tauri_invocation_return_string (invocation, FILENAME);
}

void
_tauri_plugin_window_state_register (TauriApp             *app,
                                     TauriCommandRegistry *registry)
{
  WindowStates *states = g_new0 (WindowStates, 1);
  const char *id = g_application_get_application_id (G_APPLICATION (app));
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), id ? id : "", FILENAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;

  /* Read once at startup, before the first window: a few bytes. */
  states->file = g_file_new_for_path (path);
  if (g_file_get_contents (path, &contents, &length, NULL))
    root = _tauri_json_parse (contents, length, TAURI_JSON_DEFAULT_MAX_DEPTH, NULL);
  states->states = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root))
                                                         : json_object_new ();
  g_object_set_data_full (G_OBJECT (app), "tauri-plugin-window-state", states,
                          (GDestroyNotify) window_states_free);
  g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), NULL);

  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:window-state|save_window_state", "flags: integer",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 window_state_save, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:window-state|restore_state",
                                                 "label: string, flags: integer",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 window_state_restore, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:window-state|filename", NULL,
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 window_state_filename, app, NULL));
}
