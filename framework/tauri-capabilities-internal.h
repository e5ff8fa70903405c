/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-capabilities-private.h"

G_BEGIN_DECLS

/* What tauri-capabilities.c (reading capability files) and
 * tauri-capabilities-check.c (matching calls against them) share. */

typedef struct
{
  gboolean  deny;
  gboolean  is_slug;     /* name is the slug of an allow-/deny- permission */
  char     *plugin;      /* slugs only: the plugin, NULL for the app's own commands */
  char     *name;        /* the command's exact name, its slug, or "*" */
} Rule;

struct _TauriCapability
{
  char      *identifier;
  gboolean   active;      /* on this platform */
  gboolean   local;       /* applies to the app's own pages */
  GPtrArray *labels;      /* (element-type GPatternSpec) windows and web views */
  GPtrArray *remote_urls; /* (element-type TauriUrlPattern) */
  GPtrArray *rules;       /* (element-type Rule) */
};

G_END_DECLS
