/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * Sealed memory files: a block of bytes that one process writes once and
 * another maps or reads, passed with the WebKitUserMessage that names it.
 * The seals make it immutable before it leaves the writer: the reader can
 * map it and hand the mapping to a handler without a copy, and nothing can
 * change or shrink it under the handler's feet.
 */

#define _GNU_SOURCE   /* memfd_create(), F_ADD_SEALS */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>

#include "tauri-memfd-private.h"

#define SEALS (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL)

static gboolean
set_error_from_errno (GError     **error,
                      const char  *what)
{
  int saved_errno = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* Returns a new sealed memory file holding @size bytes of @data, or -1. */
int
_tauri_memfd_new_sealed (gconstpointer   data,
                         gsize           size,
                         GError        **error)
{
  const char *p = data;
  gsize written = 0;
  int fd;

  g_assert (data != NULL || size == 0);

  fd = memfd_create ("tauri-gtk-bytes", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0)
    {
      set_error_from_errno (error, "Could not make a memory file");
      return -1;
    }

  /* write() rather than a mapping: one copy, and no writable mapping left
   * to stop F_SEAL_WRITE. */
  while (written < size)
    {
      gssize n = write (fd, p + written, MIN (size - written, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_error_from_errno (error, "Could not fill a memory file");
          close (fd);
          return -1;
        }
      written += n;
    }

  if (fcntl (fd, F_ADD_SEALS, SEALS) < 0)
    {
      set_error_from_errno (error, "Could not seal a memory file");
      close (fd);
      return -1;
    }

  return fd;
}

/* Whether @fd is a memory file sealed as _tauri_memfd_new_sealed() seals
 * it; its size in @size. */
gboolean
_tauri_memfd_check (int      fd,
                    gsize   *size,
                    GError **error)
{
  struct stat info;
  int seals = fcntl (fd, F_GET_SEALS);

  if (seals < 0 || (seals & SEALS) != SEALS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "the bytes are not in a sealed memory file");
      return FALSE;
    }

  if (fstat (fd, &info) < 0)
    return set_error_from_errno (error, "Could not read a memory file");

  *size = info.st_size;
  return TRUE;
}

/* Reads @size bytes from the start of @fd into @buffer. */
gboolean
_tauri_memfd_read (int        fd,
                   gpointer   buffer,
                   gsize      size,
                   GError   **error)
{
  char *p = buffer;
  gsize done = 0;

  while (done < size)
    {
      gssize n = pread (fd, p + done, MIN (size - done, (gsize) G_MAXSSIZE), done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_error_from_errno (error, "Could not read a memory file");
      if (n == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               "a memory file is shorter than it said");
          return FALSE;
        }
      done += n;
    }

  return TRUE;
}
