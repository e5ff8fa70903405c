/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tauri-json-private.h"
#include "tauri-plugin-fs-private.h"

/*
 * Tauri's fs plugin (@tauri-apps/plugin-fs). Every command runs on a
 * worker thread and checks each path before it touches it, as Tauri does
 * (tauri-plugin-fs-path.c). Errors are Tauri's texts: `forbidden path: …`,
 * `failed to open file at path: … with error: No such file or directory
 * (os error 2)`.
 */

typedef void (* FsFunc) (TauriInvocation *invocation,
                         TauriApp        *app,
                         const char      *command);

/* `… with error: No such file or directory (os error 2)`, as Rust's
 * io::Error reads. */
void
_tauri_plugin_fs_set_io_error (GError     **error,
                               int          errsv,
                               const char  *format,
                               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s with error: %s (os error %d)",
               what, g_strerror (errsv), errsv);
}

static gboolean
read_whole (const char  *path,
            GBytes     **contents,
            GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  guint8 buffer[65536];
  ssize_t n;

  if (fd < 0)
    {
      _tauri_plugin_fs_set_io_error (error, errno, "failed to open file at path: %s", path);
      return FALSE;
    }

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          close (fd);
          _tauri_plugin_fs_set_io_error (error, errsv, "failed to read file at path: %s", path);
          return FALSE;
        }
      g_byte_array_append (data, buffer, n);
    }

  close (fd);
  *contents = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return TRUE;
}

static void
fs_read_file (TauriInvocation *invocation,
              TauriApp        *app,
              const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  g_autoptr(GBytes) contents = NULL;

  if (path == NULL || !read_whole (path, &contents, &error))
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  /* Both answer raw bytes: readTextFile() decodes them in the page. */
  tauri_invocation_return_bytes (invocation, contents);
}

static void
fs_exists (TauriInvocation *invocation,
           TauriApp        *app,
           const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);

  if (path == NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_boolean (invocation, g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
fs_mkdir (TauriInvocation *invocation,
          TauriApp        *app,
          const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  gint64 mode = _tauri_plugin_fs_option_integer (invocation, "mode");
  int status;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  mode = (mode != 0 ? mode : 0777) & 0777;
  if (_tauri_plugin_fs_option_boolean (invocation, "recursive", FALSE))
    status = g_mkdir_with_parents (path, mode);
  else
    status = g_mkdir (path, mode);

  if (status != 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to create directory at path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_value (invocation, NULL);
}

static void
fs_read_dir (TauriInvocation *invocation,
             TauriApp        *app,
             const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) entries = NULL;
  const char *name;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to read directory at path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      struct stat followed, own;

      if (stat (child, &followed) != 0)
        {
          _tauri_plugin_fs_set_io_error (&error, errno, "failed to read directory at path: %s", path);
          tauri_invocation_return_error_message (invocation, error->message);
          return;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "isDirectory");
      json_builder_add_boolean_value (builder, S_ISDIR (followed.st_mode));
      json_builder_set_member_name (builder, "isFile");
      json_builder_add_boolean_value (builder, S_ISREG (followed.st_mode));
      json_builder_set_member_name (builder, "isSymlink");
      json_builder_add_boolean_value (builder, lstat (child, &own) == 0 && S_ISLNK (own.st_mode));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  entries = json_builder_get_root (builder);

  tauri_invocation_return_value (invocation, entries);
}

static gboolean
remove_tree (const char  *path,
             int         *errsv)
{
  struct stat info;

  if (lstat (path, &info) == 0 && S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, errsv))
            return FALSE;
        }
      if (rmdir (path) == 0)
        return TRUE;
    }
  else if (unlink (path) == 0)
    return TRUE;

  *errsv = errno;
  return FALSE;
}

static void
fs_remove (TauriInvocation *invocation,
           TauriApp        *app,
           const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  struct stat info;
  int errsv = 0;
  gboolean removed;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (lstat (path, &info) != 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to get metadata of path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if (S_ISDIR (info.st_mode) && _tauri_plugin_fs_option_boolean (invocation, "recursive", FALSE))
    removed = remove_tree (path, &errsv);
  else if (S_ISDIR (info.st_mode))
    removed = rmdir (path) == 0 || ((errsv = errno), FALSE);
  else
    removed = unlink (path) == 0 || ((errsv = errno), FALSE);

  if (!removed)
    {
      _tauri_plugin_fs_set_io_error (&error, errsv, "failed to remove path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  tauri_invocation_return_value (invocation, NULL);
}

static void
fs_rename (TauriInvocation *invocation,
           TauriApp        *app,
           const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = _tauri_plugin_fs_checked_path (invocation, app, command, "old_path", "oldPathBaseDir", &error);
  g_autofree char *to = from ? _tauri_plugin_fs_checked_path (invocation, app, command, "new_path", "newPathBaseDir", &error) : NULL;

  if (to != NULL && g_rename (from, to) != 0)
    _tauri_plugin_fs_set_io_error (&error, errno, "failed to rename old path: %s to new path: %s", from, to);

  if (error != NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

static void
fs_copy_file (TauriInvocation *invocation,
              TauriApp        *app,
              const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = _tauri_plugin_fs_checked_path (invocation, app, command, "from_path", "fromPathBaseDir", &error);
  g_autofree char *to = from ? _tauri_plugin_fs_checked_path (invocation, app, command, "to_path", "toPathBaseDir", &error) : NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) copy_error = NULL;

  if (to != NULL)
    {
      source = g_file_new_for_path (from);
      destination = g_file_new_for_path (to);
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA,
                        tauri_invocation_get_cancellable (invocation), NULL, NULL, &copy_error))
        g_set_error (&error, G_IO_ERROR, copy_error->code,
                     "failed to copy file from path: %s, to path: %s with error: %s", from, to, copy_error->message);
    }

  if (error != NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

static void
fs_truncate (TauriInvocation *invocation,
             TauriApp        *app,
             const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  gint64 length = tauri_invocation_has_argument (invocation, "len") ? tauri_invocation_get_int (invocation, "len") : 0;
  int fd;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    _tauri_plugin_fs_set_io_error (&error, errno, "failed to open file at path: %s", path);
  else if (length < 0 || ftruncate (fd, length) != 0)
    _tauri_plugin_fs_set_io_error (&error, length < 0 ? EINVAL : errno, "failed to truncate file at path: %s", path);
  if (fd >= 0)
    close (fd);

  if (error != NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

/* FileInfo, as Tauri's stat() answers it (times in milliseconds). */
JsonNode *
_tauri_plugin_fs_file_info (const struct stat *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

#define ADD_INT(name, value) \
  G_STMT_START { json_builder_set_member_name (builder, name); \
                 json_builder_add_int_value (builder, (value)); } G_STMT_END
#define ADD_BOOLEAN(name, value) \
  G_STMT_START { json_builder_set_member_name (builder, name); \
                 json_builder_add_boolean_value (builder, (value)); } G_STMT_END

  json_builder_begin_object (builder);
  ADD_BOOLEAN ("isFile", S_ISREG (info->st_mode));
  ADD_BOOLEAN ("isDirectory", S_ISDIR (info->st_mode));
  ADD_BOOLEAN ("isSymlink", S_ISLNK (info->st_mode));
  ADD_INT ("size", info->st_size);
  ADD_INT ("mtime", (gint64) info->st_mtim.tv_sec * 1000 + info->st_mtim.tv_nsec / 1000000);
  ADD_INT ("atime", (gint64) info->st_atim.tv_sec * 1000 + info->st_atim.tv_nsec / 1000000);
  json_builder_set_member_name (builder, "birthtime");
  json_builder_add_null_value (builder);
  ADD_BOOLEAN ("readonly", (info->st_mode & 0222) == 0);
  json_builder_set_member_name (builder, "fileAttributes");
  json_builder_add_null_value (builder);
  ADD_INT ("dev", info->st_dev);
  ADD_INT ("ino", info->st_ino);
  ADD_INT ("mode", info->st_mode);
  ADD_INT ("nlink", info->st_nlink);
  ADD_INT ("uid", info->st_uid);
  ADD_INT ("gid", info->st_gid);
  ADD_INT ("rdev", info->st_rdev);
  ADD_INT ("blksize", info->st_blksize);
  ADD_INT ("blocks", info->st_blocks);
  json_builder_end_object (builder);

#undef ADD_INT
#undef ADD_BOOLEAN

  return json_builder_get_root (builder);
}

static void
fs_stat (TauriInvocation *invocation,
         TauriApp        *app,
         const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  g_autoptr(JsonNode) answer = NULL;
  struct stat info;

  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  if ((g_str_equal (command, "lstat") ? lstat (path, &info) : stat (path, &info)) != 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to get metadata of path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  answer = _tauri_plugin_fs_file_info (&info);
  tauri_invocation_return_value (invocation, answer);
}

static guint64
tree_size (const char *path)
{
  struct stat info;
  guint64 total = 0;

  if (lstat (path, &info) != 0)
    return 0;
  if (!S_ISDIR (info.st_mode))
    return info.st_size;

  {
    g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        total += tree_size (child);
      }
  }

  return total;
}

static void
fs_size (TauriInvocation *invocation,
         TauriApp        *app,
         const char      *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _tauri_plugin_fs_checked_path (invocation, app, command, "path", "baseDir", &error);
  struct stat info;

  if (path != NULL && stat (path, &info) != 0)
    _tauri_plugin_fs_set_io_error (&error, errno, "failed to get metadata of path: %s", path);

  if (error != NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_int (invocation, tree_size (path));
}

/* writeFile() and writeTextFile(): the data is the call's raw body, the
 * path (percent-encoded) and the options (JSON) are in its headers, as
 * @tauri-apps/plugin-fs sends them. */
static void
fs_write_file (TauriInvocation *invocation,
               TauriApp        *app,
               const char      *command)
{
  GBytes *data = tauri_invocation_get_bytes (invocation, "data");
  const char *encoded = tauri_invocation_get_header (invocation, "path");
  const char *options_text = tauri_invocation_get_header (invocation, "options");
  g_autoptr(JsonNode) options_node = NULL;
  JsonObject *options = NULL;
  g_autofree char *value = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *bytes;
  gsize size = 0, written = 0;
  int flags = O_WRONLY | O_CLOEXEC;
  int fd;

  if (data == NULL)
    {
      tauri_invocation_return_error_message (invocation, "unexpected invoke body");
      return;
    }
  if (encoded == NULL)
    {
      tauri_invocation_return_error_message (invocation, "missing file path");
      return;
    }

  value = g_uri_unescape_string (encoded, NULL);
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      tauri_invocation_return_error_message (invocation, "path is not a valid UTF-8");
      return;
    }

  /* Options that do not read are no options, as in Tauri. */
  if (options_text != NULL)
    options_node = _tauri_json_parse (options_text, strlen (options_text), TAURI_JSON_DEFAULT_MAX_DEPTH, NULL);
  if (options_node != NULL && JSON_NODE_HOLDS_OBJECT (options_node))
    options = json_node_get_object (options_node);

  path = _tauri_plugin_fs_check_path (invocation, app, command, "path", value, _tauri_plugin_fs_member_integer (options, "baseDir", 0), &error);
  if (path == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  flags |= _tauri_plugin_fs_member_boolean (options, "append", FALSE) ? O_APPEND : O_TRUNC;
  if (_tauri_plugin_fs_member_boolean (options, "create", TRUE))
    flags |= O_CREAT;
  if (_tauri_plugin_fs_member_boolean (options, "createNew", FALSE))
    flags |= O_CREAT | O_EXCL;

  fd = g_open (path, flags, _tauri_plugin_fs_member_integer (options, "mode", 0666) & 07777);
  if (fd < 0)
    {
      _tauri_plugin_fs_set_io_error (&error, errno, "failed to open file at path: %s", path);
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  bytes = g_bytes_get_data (data, &size);
  while (written < size)
    {
      ssize_t n = write (fd, bytes + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _tauri_plugin_fs_set_io_error (&error, errno, "failed to write bytes to file at path: %s", path);
          break;
        }
      written += n;
    }
  close (fd);

  if (error != NULL)
    tauri_invocation_return_error_message (invocation, error->message);
  else
    tauri_invocation_return_value (invocation, NULL);
}

/* macOS and iOS only: nothing to do here, as in Tauri on Linux. */
static void
fs_security_scoped (TauriInvocation *invocation,
                    TauriApp        *app,
                    const char      *command)
{
  tauri_invocation_return_value (invocation, NULL);
}

static const struct {
  const char *name;
  const char *parameters;
  FsFunc      func;
} fs_commands[] = {
  { "read_file",      "path: string, options?: object",                       fs_read_file },
  { "write_file",     "data: bytes",                                          fs_write_file },
  { "write_text_file", "data: bytes",                                         fs_write_file },
  { "read_text_file", "path: string, options?: object",                       fs_read_file },
  { "exists",         "path: string, options?: object",                       fs_exists },
  { "mkdir",          "path: string, options?: object",                       fs_mkdir },
  { "read_dir",       "path: string, options?: object",                       fs_read_dir },
  { "remove",         "path: string, options?: object",                       fs_remove },
  { "rename",         "old_path: string, new_path: string, options?: object", fs_rename },
  { "copy_file",      "from_path: string, to_path: string, options?: object", fs_copy_file },
  { "truncate",       "path: string, len?: integer, options?: object",        fs_truncate },
  { "stat",           "path: string, options?: object",                       fs_stat },
  { "lstat",          "path: string, options?: object",                       fs_stat },
  { "size",           "path: string, options?: object",                       fs_size },
  { "start_accessing_security_scoped_resource", "path: string",               fs_security_scoped },
  { "stop_accessing_security_scoped_resource",  "path: string",               fs_security_scoped },
};

/* On a worker thread of the registry's pool; each command answers itself. */
static JsonNode *
fs_command (TauriInvocation  *invocation,
            GCancellable     *cancellable,
            gpointer          user_data,
            GError          **error)
{
  const char *command = strchr (tauri_invocation_get_command_name (invocation), '|') + 1;

  for (guint i = 0; i < G_N_ELEMENTS (fs_commands); i++)
    {
      if (g_str_equal (fs_commands[i].name, command))
        {
          fs_commands[i].func (invocation, user_data, command);
          break;
        }
    }

  return NULL;
}

void
_tauri_plugin_fs_register (TauriApp             *app,
                           TauriCommandRegistry *registry)
{
  for (guint i = 0; i < G_N_ELEMENTS (fs_commands); i++)
    {
      g_autofree char *name = g_strconcat ("plugin:fs|", fs_commands[i].name, NULL);

      tauri_command_registry_add (registry,
                                  tauri_command_new_thread (name, fs_commands[i].parameters,
                                                            TAURI_COMMAND_FLAGS_NONE,
                                                            fs_command, app, NULL));
    }

  _tauri_plugin_fs_register_handles (app, registry);
}
