/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "tauri-types.h"

G_BEGIN_DECLS

/* Tauri's EventTarget: who an event is for, or what a listener hears. */
typedef enum
{
  TAURI_EVENT_TARGET_ANY,
  TAURI_EVENT_TARGET_ANY_LABEL,
  TAURI_EVENT_TARGET_APP,
  TAURI_EVENT_TARGET_WINDOW,
  TAURI_EVENT_TARGET_WEBVIEW,
  TAURI_EVENT_TARGET_WEBVIEW_WINDOW,
} TauriEventTargetKind;

typedef struct
{
  TauriEventTargetKind  kind;
  const char           *label;     /* for the kinds that have one */
} TauriEventTarget;

GPtrArray  *_tauri_listeners_new         (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean    _tauri_event_name_is_valid   (const char             *name);
gboolean    _tauri_events_has_listener   (TauriWindow            *window,
                                          const char             *event);
void        _tauri_events_emit           (TauriApp               *app,
                                          const char             *event,
                                          JsonNode               *payload,
                                          const TauriEventTarget *target,
                                          TauriWindow            *source);
void        _tauri_events_register       (TauriApp               *app);

G_END_DECLS
