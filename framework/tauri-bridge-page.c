/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-bridge-private.h"

/*
 * A page of a window, as code that may run on any thread holds it: what a
 * channel sends to, and what an invocation passes on to the channels it
 * makes. The bridge retires it, on the main thread, when the page goes
 * (another page commits, the web process dies, the window closes); its
 * holders then send nowhere. Off the main thread only its reference count
 * and whether it is retired are read: the bridge it points to is read on
 * the main thread alone, where the bridge lives and dies.
 */

struct _TauriBridgePage
{
  gatomicrefcount  ref_count;
  int              retired;     /* atomic */
  TauriBridge     *bridge;      /* unowned, main thread only; NULL once retired */
};

TauriBridgePage *
_tauri_bridge_page_new (TauriBridge *bridge)
{
  TauriBridgePage *self = g_new0 (TauriBridgePage, 1);

  g_assert (TAURI_IS_BRIDGE (bridge));

  g_atomic_ref_count_init (&self->ref_count);
  self->bridge = bridge;

  return self;
}

TauriBridgePage *
_tauri_bridge_page_ref (TauriBridgePage *self)
{
  g_assert (self != NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_tauri_bridge_page_unref (TauriBridgePage *self)
{
  g_assert (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

/* On the main thread: the page is gone. */
void
_tauri_bridge_page_retire (TauriBridgePage *self)
{
  g_assert (self != NULL);

  g_atomic_int_set (&self->retired, TRUE);
  self->bridge = NULL;
}

/* On any thread: whether the page still shows. */
gboolean
_tauri_bridge_page_is_live (TauriBridgePage *self)
{
  return self != NULL && !g_atomic_int_get (&self->retired);
}

/* On the main thread: see _tauri_bridge_outbox_push_items(). */
void
_tauri_bridge_page_push_items (TauriBridgePage *self,
                               const char      *items,
                               gsize            length)
{
  if (self != NULL && self->bridge != NULL)
    _tauri_bridge_outbox_push_items (self->bridge, items, length);
}
