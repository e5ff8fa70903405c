/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gio/gio.h>

#include "tauri-resources-private.h"

/*
 * The resource table. A resource is a GObject: a worker thread that looks
 * one up holds a reference, so a close() from the page while it works
 * never frees what it uses; the object goes when the last holder lets go.
 */

typedef struct
{
  GObject *object;
  char    *owner;       /* a window label, or NULL for the application */
} Entry;

struct _TauriResources
{
  GMutex      mutex;
  GHashTable *entries;  /* rid → Entry */
  guint32     next_rid;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->object);
  g_free (entry->owner);
  g_free (entry);
}

TauriResources *
_tauri_resources_new (void)
{
  TauriResources *self = g_new0 (TauriResources, 1);

  g_mutex_init (&self->mutex);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->next_rid = 1;

  return self;
}

void
_tauri_resources_free (TauriResources *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

/* As Tauri words it. */
void
_tauri_resources_set_bad_id_error (GError **error,
                                   gint64   rid)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "The resource id %" G_GINT64_FORMAT " is invalid.", rid);
}

/* Takes a reference on @object; returns its id, never 0. */
guint32
_tauri_resources_add (TauriResources *self,
                      gpointer        object,
                      const char     *owner)
{
  Entry *entry = g_new0 (Entry, 1);
  guint32 rid;

  g_assert (self != NULL);
  g_assert (G_IS_OBJECT (object));

  entry->object = g_object_ref (object);
  entry->owner = g_strdup (owner);

  g_mutex_lock (&self->mutex);
  do
    rid = self->next_rid++;
  while (rid == 0 || g_hash_table_contains (self->entries, GUINT_TO_POINTER (rid)));
  g_hash_table_insert (self->entries, GUINT_TO_POINTER (rid), entry);
  g_mutex_unlock (&self->mutex);

  return rid;
}

/* The resource @rid if it is a @type, with a reference. */
gpointer
_tauri_resources_dup (TauriResources  *self,
                      guint32          rid,
                      GType            type,
                      GError         **error)
{
  gpointer object = NULL;
  Entry *entry;

  g_assert (self != NULL);

  g_mutex_lock (&self->mutex);
  entry = g_hash_table_lookup (self->entries, GUINT_TO_POINTER (rid));
  if (entry != NULL && G_TYPE_CHECK_INSTANCE_TYPE (entry->object, type))
    object = g_object_ref (entry->object);
  g_mutex_unlock (&self->mutex);

  if (object == NULL)
    _tauri_resources_set_bad_id_error (error, rid);

  return object;
}

gboolean
_tauri_resources_close (TauriResources  *self,
                        guint32          rid,
                        GError         **error)
{
  gpointer stolen = NULL;
  gboolean found;

  g_assert (self != NULL);

  /* The object goes outside the lock: its finalizer may take time. */
  g_mutex_lock (&self->mutex);
  found = g_hash_table_steal_extended (self->entries, GUINT_TO_POINTER (rid), NULL, &stolen);
  g_mutex_unlock (&self->mutex);

  if (!found)
    {
      _tauri_resources_set_bad_id_error (error, rid);
      return FALSE;
    }

  entry_free (stolen);
  return TRUE;
}

/* Every resource of the window labelled @owner, when it goes. */
void
_tauri_resources_close_owned (TauriResources *self,
                              const char     *owner)
{
  g_autoptr(GPtrArray) closed = g_ptr_array_new_with_free_func (entry_free);
  GHashTableIter iter;
  gpointer value;

  g_assert (self != NULL);
  g_assert (owner != NULL);

  g_mutex_lock (&self->mutex);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (g_strcmp0 (((Entry *) value)->owner, owner) == 0)
        {
          g_ptr_array_add (closed, value);
          g_hash_table_iter_steal (&iter);
        }
    }
  g_mutex_unlock (&self->mutex);
}
