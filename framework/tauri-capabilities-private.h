/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One capability, as a Tauri v2 capability file writes it: which windows
 * (and, optionally, which remote pages) may call which commands. Parsed
 * once, then only read, on the main thread. */
typedef struct _TauriCapability TauriCapability;

GPtrArray   *_tauri_capabilities_parse        (const char       *data,
                                               gsize             length,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *_tauri_capabilities_load         (GFile            *file,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;

void         _tauri_capability_free           (TauriCapability  *self);
const char  *_tauri_capability_get_identifier (TauriCapability  *self);
gboolean     _tauri_capability_applies_to     (TauriCapability  *self,
                                               const char       *label,
                                               const char       *remote_uri);
gboolean     _tauri_capability_allows_remote  (TauriCapability  *self,
                                               const char       *label,
                                               const char       *uri);
gboolean     _tauri_capability_has_remote     (TauriCapability  *self,
                                               const char       *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriCapability, _tauri_capability_free)

/* What tauri-capabilities.c (reading capability files), tauri-acl.c
 * (resolving their permissions) and tauri-capabilities-check.c (whom they
 * apply to) share. */

/* One entry of `permissions`: a permission identifier as written
 * (`fs:allow-read-text-file`, `core:default`, `allow-log-message`,
 * `plugin:window|close`), with the scope an object entry gives it. */
typedef struct
{
  char      *identifier;
  JsonArray *allow;       /* (nullable) */
  JsonArray *deny;        /* (nullable) */
} TauriCapabilityEntry;

struct _TauriCapability
{
  char      *identifier;
  char      *file;        /* (nullable) the name of the file it came from */
  gboolean   active;      /* on this platform */
  gboolean   local;       /* applies to the app's own pages */
  GPtrArray *labels;      /* (element-type GPatternSpec) windows and web views */
  GPtrArray *remote_urls; /* (element-type TauriUrlPattern) */
  GPtrArray *entries;     /* (element-type TauriCapabilityEntry) */
};

G_END_DECLS
