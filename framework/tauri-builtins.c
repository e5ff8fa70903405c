/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tauri-app-private.h"
#include "tauri-builtins-private.h"
#include "tauri-command.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"
#include "tauri-window-private.h"

/*
 * The window host commands every app has, under the `plugin:window|` names
 * that getCurrentWindow() and the Window class of @tauri-apps/api/window
 * call: {label, value?}. They live in the app's registry like any other
 * command, so a capability file can allow or deny them.
 */

typedef void (* WindowFunc) (TauriInvocation *invocation,
                             TauriWindow     *window);

static TauriWindow *
target_window (TauriInvocation *invocation)
{
  TauriWindow *caller = tauri_invocation_get_window (invocation);
  const char *label = tauri_invocation_get_string (invocation, "label");
  TauriApp *app;

  if (label == NULL || g_str_equal (label, tauri_window_get_label (caller)))
    return caller;

  app = tauri_window_get_app (caller);
  return app ? tauri_app_get_window (app, label) : NULL;
}

/* Every window command resolves its target first, the same way. */
static void
window_command (TauriInvocation *invocation,
                gpointer         user_data)
{
  WindowFunc func = (WindowFunc) user_data;
  TauriWindow *window = target_window (invocation);

  if (window == NULL)
    {
      g_autofree char *message = g_strdup_printf ("window not found: %s",
                                                  tauri_invocation_get_string (invocation, "label"));

      tauri_invocation_return_error_message (invocation, message);
      return;
    }

  func (invocation, window);
}

static GdkToplevelState
toplevel_state (TauriWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface ? gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) : 0;
}

static int
scale_factor (TauriWindow *window)
{
  return gtk_widget_get_scale_factor (GTK_WIDGET (window));
}

static void
return_size (TauriInvocation *invocation,
             int              width,
             int              height)
{
  g_autoptr(JsonNode) size = _tauri_json_from_size (width, height);

  tauri_invocation_return_value (invocation, size);
}

static void
window_close (TauriInvocation *invocation,
              TauriWindow     *window)
{
  /* Answer first: the page may go away with the window. The window asks
   * its page first when it listens to tauri://close-requested. */
  tauri_invocation_return_value (invocation, NULL);
  gtk_window_close (GTK_WINDOW (window));
}

static void
window_destroy (TauriInvocation *invocation,
                TauriWindow     *window)
{
  tauri_invocation_return_value (invocation, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
window_title (TauriInvocation *invocation,
              TauriWindow     *window)
{
  tauri_invocation_return_string (invocation, gtk_window_get_title (GTK_WINDOW (window)));
}

/* A title longer than this is refused: X11 and the window manager choke
 * on megabytes of it, and no title bar shows a thousandth of that. */
#define MAX_TITLE_LENGTH 4096

static void
window_set_title (TauriInvocation *invocation,
                  TauriWindow     *window)
{
  const char *title = tauri_invocation_get_string (invocation, "value");
  gsize length = strlen (title);

  if (length > MAX_TITLE_LENGTH)
    {
      g_autofree char *text = g_strdup_printf ("invalid args `value` for command `plugin:window|set_title`: "
                                               "the title is %" G_GSIZE_FORMAT " bytes, more than %d",
                                               length, MAX_TITLE_LENGTH);

      tauri_invocation_return_error_message (invocation, text);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (window), title);
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_show (TauriInvocation *invocation,
             TauriWindow     *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_hide (TauriInvocation *invocation,
             TauriWindow     *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_visible (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
window_minimize (TauriInvocation *invocation,
                 TauriWindow     *window)
{
  gtk_window_minimize (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_unminimize (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  gtk_window_unminimize (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_minimized (TauriInvocation *invocation,
                     TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, (toplevel_state (window) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0);
}

static void
window_maximize (TauriInvocation *invocation,
                 TauriWindow     *window)
{
  gtk_window_maximize (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_unmaximize (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  gtk_window_unmaximize (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_toggle_maximize (TauriInvocation *invocation,
                        TauriWindow     *window)
{
  if (gtk_window_is_maximized (GTK_WINDOW (window)))
    gtk_window_unmaximize (GTK_WINDOW (window));
  else
    gtk_window_maximize (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_maximized (TauriInvocation *invocation,
                     TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_window_is_maximized (GTK_WINDOW (window)));
}

static void
window_set_fullscreen (TauriInvocation *invocation,
                       TauriWindow     *window)
{
  if (tauri_invocation_get_boolean (invocation, "value"))
    gtk_window_fullscreen (GTK_WINDOW (window));
  else
    gtk_window_unfullscreen (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_fullscreen (TauriInvocation *invocation,
                      TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_window_is_fullscreen (GTK_WINDOW (window)));
}

static void
window_is_focused (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_window_is_active (GTK_WINDOW (window)));
}

static void
window_set_focus (TauriInvocation *invocation,
                  TauriWindow     *window)
{
  gtk_window_present (GTK_WINDOW (window));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_inner_size (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  int width, height;

  _tauri_window_get_inner_size (window, &width, &height);
  return_size (invocation, width, height);
}

static void
window_outer_size (TauriInvocation *invocation,
                   TauriWindow     *window)
{
  int scale = scale_factor (window);
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (width == 0 || height == 0)
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);

  return_size (invocation, width * scale, height * scale);
}

static void
window_scale_factor (TauriInvocation *invocation,
                     TauriWindow     *window)
{
  tauri_invocation_return_double (invocation, scale_factor (window));
}

/* The largest side of a window, in pixels, as X11 and GDK take it. */
#define MAX_WINDOW_SIDE 32767

/* Reads one side of a size, a number of pixels from 1 to MAX_WINDOW_SIDE
 * once divided by @divisor; FALSE when it is not one. */
static gboolean
read_side (JsonObject *size,
           const char *name,
           double      divisor,
           int        *side)
{
  JsonNode *member = json_object_get_member (size, name);
  double value;

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      (json_node_get_value_type (member) != G_TYPE_INT64 && json_node_get_value_type (member) != G_TYPE_DOUBLE))
    return FALSE;

  value = json_node_get_double (member) / divisor;
  if (!isfinite (value) || value < 1 || value > MAX_WINDOW_SIDE)
    return FALSE;

  *side = (int) value;
  return TRUE;
}

/* value: {Logical: {width, height}} or {Physical: {width, height}}. */
static void
window_set_size (TauriInvocation *invocation,
                 TauriWindow     *window)
{
  JsonNode *value = tauri_invocation_get_argument (invocation, "value");
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
  gboolean physical = object && json_object_has_member (object, "Physical");
  JsonObject *size = NULL;
  double divisor = physical ? scale_factor (window) : 1.0;
  int width = 0;
  int height = 0;

  if (object != NULL)
    {
      JsonNode *member = json_object_get_member (object, physical ? "Physical" : "Logical");

      if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        size = json_node_get_object (member);
    }

  if (size == NULL)
    {
      tauri_invocation_return_error_message (invocation,
                                             "invalid args `value` for command `plugin:window|set_size`: "
                                             "expected {Logical: {width, height}} or {Physical: {width, height}}");
      return;
    }

  if (!read_side (size, "width", divisor, &width) || !read_side (size, "height", divisor, &height))
    {
      g_autofree char *text = g_strdup_printf ("invalid args `value` for command `plugin:window|set_size`: "
                                               "width and height must be numbers of pixels from 1 to %d",
                                               MAX_WINDOW_SIDE);

      tauri_invocation_return_error_message (invocation, text);
      return;
    }

  /* The web view fills the window: its size is the window's. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_set_resizable (TauriInvocation *invocation,
                      TauriWindow     *window)
{
  gtk_window_set_resizable (GTK_WINDOW (window), tauri_invocation_get_boolean (invocation, "value"));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_resizable (TauriInvocation *invocation,
                     TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_window_get_resizable (GTK_WINDOW (window)));
}

static void
window_set_decorations (TauriInvocation *invocation,
                        TauriWindow     *window)
{
  gtk_window_set_decorated (GTK_WINDOW (window), tauri_invocation_get_boolean (invocation, "value"));
  tauri_invocation_return_value (invocation, NULL);
}

static void
window_is_decorated (TauriInvocation *invocation,
                     TauriWindow     *window)
{
  tauri_invocation_return_boolean (invocation, gtk_window_get_decorated (GTK_WINDOW (window)));
}

static void
get_all_windows (TauriInvocation *invocation,
                 gpointer         user_data)
{
  TauriApp *app = tauri_window_get_app (tauri_invocation_get_window (invocation));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) labels = NULL;

  json_builder_begin_array (builder);
  for (GList *l = app ? gtk_application_get_windows (GTK_APPLICATION (app)) : NULL; l != NULL; l = l->next)
    {
      if (TAURI_IS_WINDOW (l->data))
        json_builder_add_string_value (builder, tauri_window_get_label (l->data));
    }
  json_builder_end_array (builder);
  labels = json_builder_get_root (builder);

  tauri_invocation_return_value (invocation, labels);
}

static const struct {
  const char *name;
  const char *parameters;
  WindowFunc  func;
} window_commands[] = {
  { "close",            "label?: string",                  window_close },
  { "destroy",          "label?: string",                  window_destroy },
  { "title",            "label?: string",                  window_title },
  { "set_title",        "label?: string, value: string",   window_set_title },
  { "show",             "label?: string",                  window_show },
  { "hide",             "label?: string",                  window_hide },
  { "is_visible",       "label?: string",                  window_is_visible },
  { "minimize",         "label?: string",                  window_minimize },
  { "unminimize",       "label?: string",                  window_unminimize },
  { "is_minimized",     "label?: string",                  window_is_minimized },
  { "maximize",         "label?: string",                  window_maximize },
  { "unmaximize",       "label?: string",                  window_unmaximize },
  { "toggle_maximize",  "label?: string",                  window_toggle_maximize },
  { "is_maximized",     "label?: string",                  window_is_maximized },
  { "set_fullscreen",   "label?: string, value: boolean",  window_set_fullscreen },
  { "is_fullscreen",    "label?: string",                  window_is_fullscreen },
  { "set_focus",        "label?: string",                  window_set_focus },
  { "is_focused",       "label?: string",                  window_is_focused },
  { "inner_size",       "label?: string",                  window_inner_size },
  { "outer_size",       "label?: string",                  window_outer_size },
  { "set_size",         "label?: string, value: object",   window_set_size },
  { "scale_factor",     "label?: string",                  window_scale_factor },
  { "set_resizable",    "label?: string, value: boolean",  window_set_resizable },
  { "is_resizable",     "label?: string",                  window_is_resizable },
  { "set_decorations",  "label?: string, value: boolean",  window_set_decorations },
  { "is_decorated",     "label?: string",                  window_is_decorated },
};

void
_tauri_app_register_builtins (TauriApp *self)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (self);

  for (guint i = 0; i < G_N_ELEMENTS (window_commands); i++)
    {
      g_autofree char *name = g_strconcat ("plugin:window|", window_commands[i].name, NULL);

      tauri_command_registry_add (registry,
                                  tauri_command_new (name, window_commands[i].parameters,
                                                     TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                     window_command, window_commands[i].func, NULL));
    }

  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:window|get_all_windows", NULL,
                                                 TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                 get_all_windows, NULL, NULL));

  _tauri_builtins_register_app (self);
}
