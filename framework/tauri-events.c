/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-bridge-private.h"
#include "tauri-command.h"
#include "tauri-command-registry.h"
#include "tauri-events-private.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"
#include "tauri-window-private.h"

/*
 * Events, both ways, with Tauri's semantics: the host commands
 * `plugin:event|listen`, `unlisten`, `emit` and `emit_to` that
 * @tauri-apps/api calls, and the delivery of an event to the listeners of
 * every window whose target matches. A page's listeners live with its
 * bridge and go away with the page. An event emitted before a listener
 * exists is not kept for it, as in Tauri.
 */

typedef struct
{
  guint32               id;        /* the page's callback, which is also the event id */
  char                 *event;
  TauriEventTargetKind  kind;
  char                 *label;
} Listener;

static const char * const target_kinds[] = {
  [TAURI_EVENT_TARGET_ANY] = "Any",
  [TAURI_EVENT_TARGET_ANY_LABEL] = "AnyLabel",
  [TAURI_EVENT_TARGET_APP] = "App",
  [TAURI_EVENT_TARGET_WINDOW] = "Window",
  [TAURI_EVENT_TARGET_WEBVIEW] = "Webview",
  [TAURI_EVENT_TARGET_WEBVIEW_WINDOW] = "WebviewWindow",
};

static void
listener_free (Listener *listener)
{
  g_free (listener->event);
  g_free (listener->label);
  g_free (listener);
}

/* In the order they listened: an event reaches them in that order. */
GPtrArray *
_tauri_listeners_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) listener_free);
}

static void
remove_listener (GPtrArray *listeners,
                 guint32    id)
{
  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);

      if (listener->id == id)
        {
          g_ptr_array_remove_index (listeners, i);
          return;
        }
    }
}

gboolean
_tauri_event_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && (c >= 0x80 || strchr ("-/:_", (int) c) == NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_label (TauriEventTargetKind kind)
{
  return kind != TAURI_EVENT_TARGET_ANY && kind != TAURI_EVENT_TARGET_APP;
}

/* A target as @tauri-apps/api sends it: {kind, label?}, or a bare label. */
static gboolean
parse_target (JsonNode          *node,
              TauriEventTarget  *target,
              GError           **error)
{
  JsonObject *object;
  const char *kind;

  target->kind = TAURI_EVENT_TARGET_ANY;
  target->label = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      target->kind = TAURI_EVENT_TARGET_ANY_LABEL;
      target->label = json_node_get_string (node);
      return TRUE;
    }

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  kind = object ? json_object_get_string_member_with_default (object, "kind", NULL) : NULL;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (target_kinds); i++)
    {
      if (g_str_equal (kind, target_kinds[i]))
        {
          target->kind = i;
          target->label = json_object_get_string_member_with_default (object, "label", NULL);
          if (!has_label (target->kind) || target->label != NULL)
            return TRUE;
        }
    }

  g_set_error_literal (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                       "invalid event target: expected {kind: \"Any\" | \"AnyLabel\" | \"App\" | "
                       "\"Window\" | \"Webview\" | \"WebviewWindow\", label?: string}");
  return FALSE;
}

/* Whether a listener hears an event emitted to @target (NULL: to all).
 * A listener for Any hears everything; a window here is also its webview. */
static gboolean
target_matches (const Listener         *listener,
                const TauriEventTarget *target)
{
  if (target == NULL || listener->kind == TAURI_EVENT_TARGET_ANY ||
      target->kind == TAURI_EVENT_TARGET_ANY)
    return TRUE;

  if (target->kind == TAURI_EVENT_TARGET_APP || listener->kind == TAURI_EVENT_TARGET_APP)
    return target->kind == listener->kind;

  return g_strcmp0 (listener->label, target->label) == 0 &&
         (target->kind == TAURI_EVENT_TARGET_ANY_LABEL ||
          listener->kind == TAURI_EVENT_TARGET_ANY_LABEL ||
          has_label (listener->kind));
}

/* {"event":…,"id":…,"payload":…}, with the payload already in JSON. */
static GString *
build_event (const char *event,
             guint32     id,
             GBytes     *payload)
{
  g_autoptr(GBytes) name = _tauri_json_string_to_bytes (event);
  GString *data = g_string_new ("{\"event\":");

  g_string_append_len (data, g_bytes_get_data (name, NULL), g_bytes_get_size (name));
  g_string_append_printf (data, ",\"id\":%u,\"payload\":", id);
  g_string_append_len (data, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_string_append_c (data, '}');

  return data;
}

static void
emit_to_window (TauriWindow            *window,
                const char             *event,
                GBytes                 *payload,
                const TauriEventTarget *target)
{
  TauriBridge *bridge = _tauri_window_get_bridge (window);
  GPtrArray *listeners = _tauri_bridge_get_listeners (bridge);

  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);
      g_autoptr(GString) data = NULL;

      if (!g_str_equal (listener->event, event) || !target_matches (listener, target))
        continue;

      data = build_event (event, listener->id, payload);
      _tauri_bridge_outbox_push (bridge, listener->id, data->str, data->len);
    }
}

void
_tauri_events_emit (TauriApp               *app,
                    const char             *event,
                    JsonNode               *payload,
                    const TauriEventTarget *target,
                    TauriWindow            *source)
{
  g_autoptr(GBytes) text = _tauri_json_to_bytes (payload);
  g_autoptr(GList) windows = NULL;

  g_assert (TAURI_IS_APP (app));
  g_assert (_tauri_event_name_is_valid (event));

  _tauri_app_emit_event_signal (app, event, payload, source);

  /* Copied: a listener's callback may open or close windows. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (TAURI_IS_WINDOW (l->data) && _tauri_window_get_bridge (l->data) != NULL)
        emit_to_window (l->data, event, text, target);
    }
}

gboolean
_tauri_events_has_listener (TauriWindow *window,
                            const char  *event)
{
  TauriBridge *bridge = _tauri_window_get_bridge (window);
  GPtrArray *listeners;

  if (bridge == NULL)
    return FALSE;

  listeners = _tauri_bridge_get_listeners (bridge);
  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);

      if (g_str_equal (listener->event, event))
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_event_name (TauriInvocation *invocation,
                  const char      *event)
{
  if (_tauri_event_name_is_valid (event))
    return TRUE;

  tauri_invocation_return_error_message (invocation,
                                         "Event name must include only alphanumeric characters, "
                                         "`-`, `/`, `:` and `_`.");
  return FALSE;
}

static void
event_listen (TauriInvocation *invocation,
              gpointer         user_data)
{
  TauriBridge *bridge = _tauri_window_get_bridge (tauri_invocation_get_window (invocation));
  const char *event = tauri_invocation_get_string (invocation, "event");
  TauriEventTarget target;
  GError *error = NULL;
  Listener *listener;

  if (!check_event_name (invocation, event))
    return;
  if (!parse_target (tauri_invocation_get_argument (invocation, "target"), &target, &error))
    {
      tauri_invocation_take_error (invocation, error);
      return;
    }

  listener = g_new0 (Listener, 1);
  listener->id = (guint32) tauri_invocation_get_int (invocation, "handler");
  listener->event = g_strdup (event);
  listener->kind = target.kind;
  listener->label = g_strdup (target.label);
  remove_listener (_tauri_bridge_get_listeners (bridge), listener->id);
  g_ptr_array_add (_tauri_bridge_get_listeners (bridge), listener);

  /* The event id is the page's callback id: unregistering the listener in
   * the page unregisters that callback. */
  tauri_invocation_return_int (invocation, listener->id);
}

static void
event_unlisten (TauriInvocation *invocation,
                gpointer         user_data)
{
  TauriBridge *bridge = _tauri_window_get_bridge (tauri_invocation_get_window (invocation));
  guint32 id = (guint32) tauri_invocation_get_int (invocation, "event_id");

  remove_listener (_tauri_bridge_get_listeners (bridge), id);
  tauri_invocation_return_value (invocation, NULL);
}

static void
event_emit (TauriInvocation *invocation,
            gpointer         user_data)
{
  TauriWindow *window = tauri_invocation_get_window (invocation);
  const char *event = tauri_invocation_get_string (invocation, "event");
  TauriApp *app = tauri_window_get_app (window);
  TauriEventTarget target;
  GError *error = NULL;
  gboolean to_target = g_str_has_suffix (tauri_invocation_get_command_name (invocation), "emit_to");

  if (!check_event_name (invocation, event))
    return;
  if (to_target && !parse_target (tauri_invocation_get_argument (invocation, "target"), &target, &error))
    {
      tauri_invocation_take_error (invocation, error);
      return;
    }

  if (app != NULL)
    _tauri_events_emit (app, event, tauri_invocation_get_argument (invocation, "payload"),
                        to_target ? &target : NULL, window);
  tauri_invocation_return_value (invocation, NULL);
}

void
_tauri_events_register (TauriApp *app)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (app);
  const TauriCommandFlags flags = TAURI_COMMAND_FLAGS_WITH_WINDOW;

  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:event|listen",
                                                 "event: string, target?: any, handler: integer",
                                                 flags, event_listen, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:event|unlisten", "event: string, event_id: integer",
                                                 flags, event_unlisten, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:event|emit", "event: string, payload?: any",
                                                 flags, event_emit, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:event|emit_to",
                                                 "target: any, event: string, payload?: any",
                                                 flags, event_emit, NULL, NULL));
}
