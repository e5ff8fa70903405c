/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-command-registry-private.h"

G_BEGIN_DECLS

/* What the files of TauriCommandRegistry share: tauri-command-registry.c
 * (commands and calls) and tauri-command-registry-capabilities.c (who may
 * call what). */

struct _TauriCommandRegistry
{
  GObject     parent_instance;

  GHashTable *commands;        /* (owned) name → TauriCommand */
  guint       max_depth;
  gsize       max_message_size;
  GPtrArray  *capabilities;    /* (owned) (element-type TauriCapability), in load order */
  gboolean    deny_all;        /* the app's own capability files failed to load */
};

G_END_DECLS
