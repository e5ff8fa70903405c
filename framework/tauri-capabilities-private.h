/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One capability, as a Tauri v2 capability file writes it: which windows
 * (and, optionally, which remote pages) may call which commands. Parsed
 * once, then only read, on the main thread. */
typedef struct _TauriCapability TauriCapability;

/* What one capability says about one call. */
typedef enum
{
  TAURI_ACCESS_NONE,       /* it does not apply to the caller, or does not name the command */
  TAURI_ACCESS_ALLOWED,
  TAURI_ACCESS_DENIED,
} TauriAccess;

GPtrArray   *_tauri_capabilities_parse        (const char       *data,
                                               gsize             length,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *_tauri_capabilities_load         (GFile            *file,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;

void         _tauri_capability_free           (TauriCapability  *self);
const char  *_tauri_capability_get_identifier (TauriCapability  *self);
TauriAccess  _tauri_capability_check          (TauriCapability  *self,
                                               const char       *command,
                                               const char       *label,
                                               const char       *remote_uri);
gboolean     _tauri_capability_allows_remote  (TauriCapability  *self,
                                               const char       *label,
                                               const char       *uri);
gboolean     _tauri_capability_has_remote     (TauriCapability  *self,
                                               const char       *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TauriCapability, _tauri_capability_free)

/* What tauri-capabilities.c (reading capability files) and
 * tauri-capabilities-check.c (matching calls against them) share. */

typedef struct
{
  gboolean  deny;
  gboolean  is_slug;     /* name is the slug of an allow-/deny- permission */
  char     *plugin;      /* slugs only: the plugin, NULL for the app's own commands */
  char     *name;        /* the command's exact name, its slug, or "*" */
} TauriCapabilityRule;

struct _TauriCapability
{
  char      *identifier;
  gboolean   active;      /* on this platform */
  gboolean   local;       /* applies to the app's own pages */
  GPtrArray *labels;      /* (element-type GPatternSpec) windows and web views */
  GPtrArray *remote_urls; /* (element-type TauriUrlPattern) */
  GPtrArray *rules;       /* (element-type TauriCapabilityRule) */
};

G_END_DECLS
