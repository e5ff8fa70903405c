/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

#include "tauri-plugin-fs-private.h"

/*
 * The fs plugin's open files: open() and create() give a FileHandle, a
 * resource of the calling window whose read(), write(), seek(), stat() and
 * truncate() work on the file descriptor, one call at a time; and
 * readTextFileLines() reads a file line by line through another resource.
 * Every command runs on a worker thread.
 */

#define TAURI_TYPE_PLUGIN_FS_FILE (tauri_plugin_fs_file_get_type ())
G_DECLARE_FINAL_TYPE (TauriPluginFsFile, tauri_plugin_fs_file, TAURI, PLUGIN_FS_FILE, GObject)

struct _TauriPluginFsFile
{
  GObject           parent_instance;

  GMutex            mutex;
  int               fd;
  GDataInputStream *lines;    /* for readTextFileLines(), or NULL */
};

G_DEFINE_FINAL_TYPE (TauriPluginFsFile, tauri_plugin_fs_file, G_TYPE_OBJECT)

static void
tauri_plugin_fs_file_finalize (GObject *object)
{
  TauriPluginFsFile *self = TAURI_PLUGIN_FS_FILE (object);

  g_clear_object (&self->lines);
  if (self->fd >= 0)
    close (self->fd);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (tauri_plugin_fs_file_parent_class)->finalize (object);
}

static void
tauri_plugin_fs_file_class_init (TauriPluginFsFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tauri_plugin_fs_file_finalize;
}

static void
tauri_plugin_fs_file_init (TauriPluginFsFile *self)
{
  g_mutex_init (&self->mutex);
  self->fd = -1;
}

/* The rid of a new resource of the calling window. */
static guint32
add_file (TauriInvocation   *invocation,
          TauriPluginFsFile *file)
{
  TauriApp *app = _tauri_plugin_get_app (invocation);
  TauriWindow *window = tauri_invocation_get_window (invocation);

  return _tauri_resources_add (_tauri_plugin_get_resources (app), file,
                               window ? tauri_window_get_label (window) : NULL);
}

static TauriPluginFsFile *
lookup_file (TauriInvocation  *invocation,
             GError          **error)
{
  guint32 rid;

  if (!_tauri_plugin_get_rid (invocation, &rid, error))
    return NULL;

  return _tauri_resources_dup (_tauri_plugin_get_resources (_tauri_plugin_get_app (invocation)),
                               rid, TAURI_TYPE_PLUGIN_FS_FILE, error);
}

static gboolean
option (JsonObject *options,
        const char *name,
        gboolean    fallback)
{
  return options ? json_object_get_boolean_member_with_default (options, name, fallback) : fallback;
}

/* open() takes Deno's OpenOptions; create() is open(write, create, truncate). */
static void
handle_open (TauriInvocation *invocation,
             TauriApp        *app,
             const char      *command)
{
  JsonNode *node = tauri_invocation_get_argument (invocation, "options");
  JsonObject *options = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  gboolean create = g_str_equal (command, "create");
  gboolean read = create || option (options, "read", TRUE);
  gboolean write = create || option (options, "write", FALSE);
  gboolean append = !create && option (options, "append", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  g_autoptr(TauriPluginFsFile) file = NULL;
  int flags = O_CLOEXEC;
  gint64 mode = 0666;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (options != NULL && json_object_has_member (options, "mode") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (options, "mode")))
    mode = json_object_get_int_member (options, "mode") & 07777;

  flags |= (read && (write || append)) ? O_RDWR : (write || append) ? O_WRONLY : O_RDONLY;
  if (append)
    flags |= O_APPEND;
  if (create || option (options, "truncate", FALSE))
    flags |= O_TRUNC;
  if (create || option (options, "create", FALSE))
    flags |= O_CREAT;
  if (option (options, "createNew", FALSE))
    flags |= O_CREAT | O_EXCL;

  file = g_object_new (TAURI_TYPE_PLUGIN_FS_FILE, NULL);
  file->fd = g_open (path, flags, mode);
  if (file->fd < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, create ? "failed to create file at path: %s"
                                                           : "failed to open file at path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_int (invocation, add_file (invocation, file));
}

/* The bytes read, then their count as 8 big-endian bytes, as Tauri answers. */
static void
handle_read (TauriInvocation   *invocation,
             TauriPluginFsFile *file)
{
  gint64 length = tauri_invocation_get_int (invocation, "len");
  g_autoptr(GError) error = NULL;
  guint8 *data;
  ssize_t n;

  if (length < 0 || length > G_MAXUINT32)
    {
      tauri_invocation_return_error_message (invocation, "invalid args `len` for command `read`: "
                                                         "invalid value: integer out of range for u32");
      return;
    }

  data = g_malloc (length + 8);
  do
    n = read (file->fd, data, length);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "faied to read bytes from file");
      g_free (data);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  for (int i = 0; i < 8; i++)
    data[n + i] = ((guint64) n >> (56 - 8 * i)) & 0xff;
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (data, n + 8);

    tauri_invocation_return_bytes (invocation, bytes);
  }
}

/* `data`: bytes as an array of numbers, or as the object of numbered keys
 * that JSON.stringify() makes of a Uint8Array. */
static GBytes *
get_data (TauriInvocation *invocation)
{
  JsonNode *node = tauri_invocation_get_argument (invocation, "data");
  g_autoptr(GByteArray) array = NULL;
  JsonObject *object;
  guint size;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      GBytes *bytes = tauri_invocation_get_bytes (invocation, "data");

      return bytes ? g_bytes_ref (bytes) : NULL;
    }

  object = json_node_get_object (node);
  size = json_object_get_size (object);
  array = g_byte_array_sized_new (size);
  for (guint i = 0; i < size; i++)
    {
      char key[16];
      JsonNode *element;
      guint8 byte;

      g_snprintf (key, sizeof key, "%u", i);
      element = json_object_get_member (object, key);
      if (element == NULL || !JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > 255)
        return NULL;
      byte = json_node_get_int (element);
      g_byte_array_append (array, &byte, 1);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

static void
handle_write (TauriInvocation   *invocation,
              TauriPluginFsFile *file)
{
  g_autoptr(GBytes) data = get_data (invocation);
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const guint8 *bytes = data ? g_bytes_get_data (data, &size) : NULL;
  ssize_t n;

  if (data == NULL)
    {
      tauri_invocation_return_error_message (invocation, "invalid args `data` for command `write`: "
                                                         "expected a sequence of bytes");
      return;
    }

  do
    n = write (file->fd, bytes, size);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to write bytes to file");
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_int (invocation, n);
}

static void
handle_seek (TauriInvocation   *invocation,
             TauriPluginFsFile *file)
{
  static const int whences[] = { SEEK_SET, SEEK_CUR, SEEK_END };
  gint64 whence = tauri_invocation_get_int (invocation, "whence");
  g_autoptr(GError) error = NULL;
  off_t offset;

  if (whence < 0 || whence > 2)
    {
      tauri_invocation_return_error_message (invocation, "invalid args `whence` for command `seek`: "
                                                         "expected one of: 0, 1, 2");
      return;
    }

  offset = lseek (file->fd, tauri_invocation_get_int (invocation, "offset"), whences[whence]);
  if (offset < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to seek file");
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_int (invocation, offset);
}

static void
handle_fstat (TauriInvocation   *invocation,
              TauriPluginFsFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  struct stat info;

  if (fstat (file->fd, &info) != 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to get metadata of file");
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  answer = _tauri_plugin_fs_file_info (&info);
  tauri_invocation_return_value (invocation, answer);
}

static void
handle_ftruncate (TauriInvocation   *invocation,
                  TauriPluginFsFile *file)
{
  gint64 length = tauri_invocation_has_argument (invocation, "len") ? tauri_invocation_get_int (invocation, "len") : 0;
  g_autoptr(GError) error = NULL;

  if (length < 0 || ftruncate (file->fd, length) != 0)
    {
      _tauri_plugin_fs_set_io_error (&error, length < 0 ? EINVAL : errno, "failed to truncate file");
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_value (invocation, NULL);
}

static void
handle_lines (TauriInvocation *invocation,
              TauriApp        *app,
              const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  g_autoptr(TauriPluginFsFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  file = g_object_new (TAURI_TYPE_PLUGIN_FS_FILE, NULL);
  file->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (file->fd < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to open file at path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  stream = g_unix_input_stream_new (file->fd, FALSE);
  file->lines = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (file->lines, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  tauri_invocation_return_int (invocation, add_file (invocation, file));
}

/* The line's bytes and a last byte: 1 at the end of the file, else 0. */
static void
handle_lines_next (TauriInvocation   *invocation,
                   TauriPluginFsFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  guint8 last;

  if (file->lines == NULL)
    {
      _tauri_resources_set_bad_id_error (&error, tauri_invocation_get_int (invocation, "rid"));
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  line = g_data_input_stream_read_line (file->lines, &length, NULL, &error);
  if (line == NULL && error != NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (line == NULL)
    {
      guint32 rid;

      if (_tauri_plugin_get_rid (invocation, &rid, NULL))
        _tauri_resources_close (_tauri_plugin_get_resources (_tauri_plugin_get_app (invocation)), rid, NULL);
    }

  last = line == NULL;
  g_byte_array_append (answer, (const guint8 *) line, line ? length : 0);
  g_byte_array_append (answer, &last, 1);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&answer));
  tauri_invocation_return_bytes (invocation, bytes);
}

typedef void (* FileFunc) (TauriInvocation   *invocation,
                           TauriPluginFsFile *file);

static const struct {
  const char *name;
  const char *parameters;
  FileFunc    func;
} file_commands[] = {
  { "read",                      "rid: integer, len: integer",                  handle_read },
  { "write",                     "rid: integer, data: any",                     handle_write },
  { "seek",                      "rid: integer, offset: integer, whence: integer", handle_seek },
  { "fstat",                     "rid: integer",                                handle_fstat },
  { "ftruncate",                 "rid: integer, len?: integer",                 handle_ftruncate },
  { "read_text_file_lines_next", "rid: integer",                                handle_lines_next },
};

/* On a worker thread of the registry's pool; each command answers itself. */
static JsonNode *
file_command (TauriInvocation  *invocation,
              GCancellable     *cancellable,
              gpointer          user_data,
              GError          **error_out)
{
  const char *command = strchr (tauri_invocation_get_command_name (invocation), '|') + 1;
  g_autoptr(TauriPluginFsFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (command, "open") || g_str_equal (command, "create"))
    handle_open (invocation, _tauri_plugin_get_app (invocation), command);
  else if (g_str_equal (command, "read_text_file_lines"))
    handle_lines (invocation, _tauri_plugin_get_app (invocation), command);
  else if ((file = lookup_file (invocation, &error)) == NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    {
      /* One call at a time on a file: its offset is shared. */
      g_mutex_lock (&file->mutex);
      for (guint i = 0; i < G_N_ELEMENTS (file_commands); i++)
        {
          if (g_str_equal (file_commands[i].name, command))
            file_commands[i].func (invocation, file);
        }
      g_mutex_unlock (&file->mutex);
    }

  return NULL;
}

void
_tauri_plugin_fs_register_handles (TauriApp             *app,
                                   TauriCommandRegistry *registry)
{
  static const struct {
    const char *name;
    const char *parameters;
  } opening[] = {
    { "open",                 "path: string, options?: object" },
    { "create",               "path: string, options?: object" },
    { "read_text_file_lines", "path: string, options?: object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (opening) + G_N_ELEMENTS (file_commands); i++)
    {
      gboolean opens = i < G_N_ELEMENTS (opening);
      const char *name = opens ? opening[i].name : file_commands[i - G_N_ELEMENTS (opening)].name;
      const char *parameters = opens ? opening[i].parameters : file_commands[i - G_N_ELEMENTS (opening)].parameters;
      g_autofree char *full_name = g_strconcat ("plugin:fs|", name, NULL);

      tauri_command_registry_add (registry,
                                  tauri_command_new_thread (full_name, parameters, TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                            file_command, app, NULL));
    }
}
