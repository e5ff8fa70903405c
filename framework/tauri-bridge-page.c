/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-bridge-private.h"

/*
 * A page of a window, as code that may run on any thread holds it: what a
 * channel sends to, and what an invocation passes on to the channels it
 * makes. The bridge retires it, on the main thread, when the page goes
 * (another page commits, the web process dies, the window closes); its
 * holders then send nowhere. Off the main thread only its reference count,
 * whether it is retired and what waits for it are read: the bridge it
 * points to is read on the main thread alone, where the bridge lives and
 * dies.
 *
 * What is pushed to a page (channel messages, events) waits for it to
 * read, and at most TAURI_BRIDGE_PAGE_MAX_QUEUED bytes of it wait at once:
 * beyond, a sender on a worker thread waits until the page has read
 * (back-pressure), and one on the main thread, which cannot wait, has its
 * message dropped.
 */

struct _TauriBridgePage
{
  gatomicrefcount  ref_count;
  int              retired;     /* atomic */
  TauriBridge     *bridge;      /* unowned, main thread only; NULL once retired */
  GMutex           mutex;
  GCond            read;        /* signalled as the page reads, or goes */
  gsize            queued;      /* bytes pushed that the page has not read */
};

TauriBridgePage *
_tauri_bridge_page_new (TauriBridge *bridge)
{
  TauriBridgePage *self = g_new0 (TauriBridgePage, 1);

  g_assert (TAURI_IS_BRIDGE (bridge));

  g_atomic_ref_count_init (&self->ref_count);
  self->bridge = bridge;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->read);

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

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->read);
  g_free (self);
}

/* On the main thread: the page is gone. */
void
_tauri_bridge_page_retire (TauriBridgePage *self)
{
  g_assert (self != NULL);

  g_mutex_lock (&self->mutex);
  g_atomic_int_set (&self->retired, TRUE);
  self->bridge = NULL;
  self->queued = 0;
  g_cond_broadcast (&self->read);
  g_mutex_unlock (&self->mutex);
}

/* On any thread: makes room for @length bytes of pushes, waiting for the
 * page to read when @wait says so. FALSE when the page is gone, or there
 * is no room and @wait is FALSE. A push larger than the bound goes once
 * nothing else waits. */
gboolean
_tauri_bridge_page_reserve (TauriBridgePage *self,
                            gsize            length,
                            gboolean         wait)
{
  gboolean reserved;

  if (self == NULL)
    return FALSE;

  g_mutex_lock (&self->mutex);
  while (!g_atomic_int_get (&self->retired) && self->queued > 0 &&
         self->queued + length > TAURI_BRIDGE_PAGE_MAX_QUEUED)
    {
      if (!wait)
        break;
      g_cond_wait (&self->read, &self->mutex);
    }

  reserved = !g_atomic_int_get (&self->retired) &&
             (self->queued == 0 || self->queued + length <= TAURI_BRIDGE_PAGE_MAX_QUEUED);
  if (reserved)
    self->queued += length;
  g_mutex_unlock (&self->mutex);

  return reserved;
}

/* On any thread: @length bytes of pushes were read, or dropped. */
void
_tauri_bridge_page_release (TauriBridgePage *self,
                            gsize            length)
{
  if (self == NULL || length == 0)
    return;

  g_mutex_lock (&self->mutex);
  self->queued -= MIN (length, self->queued);
  g_cond_broadcast (&self->read);
  g_mutex_unlock (&self->mutex);
}

/* On any thread: how many bytes of pushes wait for the page. */
gsize
_tauri_bridge_page_get_queued (TauriBridgePage *self)
{
  gsize queued;

  g_mutex_lock (&self->mutex);
  queued = self->queued;
  g_mutex_unlock (&self->mutex);

  return queued;
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
                               gsize            length,
                               gsize            reserved)
{
  if (self != NULL && self->bridge != NULL)
    _tauri_bridge_outbox_push_items (self->bridge, items, length, reserved);
  else
    _tauri_bridge_page_release (self, reserved);
}
