/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri-invocation-private.h"

G_BEGIN_DECLS

/* What the files of TauriInvocation share: tauri-invocation.c (the call
 * and its answer) and tauri-invocation-arguments.c (reading the
 * arguments). */

struct _TauriInvocation
{
  GObject          parent_instance;

  char            *command_name;
  TauriCommand    *command;
  JsonNode        *arguments;          /* an object, never modified */
  GBytes          *body;               /* a raw body instead of JSON, or NULL */
  GHashTable      *bytes;              /* name → GBytes read from JSON arrays */
  TauriWindow     *window;
  GCancellable    *cancellable;

  GMainContext    *context;
  GThread         *thread;
  TauriReplyFunc   reply_func;
  gpointer         reply_data;
  GDestroyNotify   reply_destroy;
  int              answered;           /* atomic */
};

G_END_DECLS
