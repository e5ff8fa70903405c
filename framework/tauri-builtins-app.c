/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-builtins-private.h"
#include "tauri-command.h"
#include "tauri-invocation.h"
#include "tauri-version.h"

/*
 * The host commands of @tauri-apps/api/app (`plugin:app|`) and
 * @tauri-apps/api/path (`plugin:path|`), mapped onto GLib and the XDG
 * directories, and the answer to @tauri-apps/api v1's module calls.
 */

static TauriApp *
caller_app (TauriInvocation *invocation)
{
  return tauri_window_get_app (tauri_invocation_get_window (invocation));
}

static void
app_name (TauriInvocation *invocation,
          gpointer         user_data)
{
  TauriApp *app = caller_app (invocation);

  tauri_invocation_return_string (invocation, app ? _tauri_app_get_name (app) : g_get_application_name ());
}

static void
app_version (TauriInvocation *invocation,
             gpointer         user_data)
{
  TauriApp *app = caller_app (invocation);

  tauri_invocation_return_string (invocation, app ? tauri_app_get_version (app) : NULL);
}

static void
app_identifier (TauriInvocation *invocation,
                gpointer         user_data)
{
  TauriApp *app = caller_app (invocation);

  tauri_invocation_return_string (invocation,
                                  app ? g_application_get_application_id (G_APPLICATION (app)) : NULL);
}

/* The version of the framework that stands where Tauri would. */
static void
app_tauri_version (TauriInvocation *invocation,
                   gpointer         user_data)
{
  tauri_invocation_return_string (invocation, TAURI_VERSION_S);
}

/* BaseDirectory of @tauri-apps/api/path, by number. */
enum {
  DIR_AUDIO = 1, DIR_CACHE, DIR_CONFIG, DIR_DATA, DIR_LOCAL_DATA, DIR_DOCUMENT, DIR_DOWNLOAD,
  DIR_PICTURE, DIR_PUBLIC, DIR_VIDEO, DIR_RESOURCE, DIR_TEMP, DIR_APP_CONFIG, DIR_APP_DATA,
  DIR_APP_LOCAL_DATA, DIR_APP_CACHE, DIR_APP_LOG, DIR_DESKTOP, DIR_EXECUTABLE, DIR_FONT,
  DIR_HOME, DIR_RUNTIME, DIR_TEMPLATE,
};

static char *
app_dir (TauriApp   *app,
         const char *base,
         const char *below)
{
  const char *id = app ? g_application_get_application_id (G_APPLICATION (app)) : NULL;

  if (id == NULL)
    return NULL;

  return g_build_filename (base, id, below, NULL);
}

static char *
special_dir (GUserDirectory directory)
{
  return g_strdup (g_get_user_special_dir (directory));
}

/* As Tauri resolves them on Linux; NULL for what it cannot. Any thread
 * may call it: it reads the application's id and GLib's directories. */
char *
_tauri_builtins_resolve_directory (TauriApp *app,
                                   gint64    directory)
{
  switch (directory)
    {
    case DIR_AUDIO:          return special_dir (G_USER_DIRECTORY_MUSIC);
    case DIR_CACHE:          return g_strdup (g_get_user_cache_dir ());
    case DIR_CONFIG:         return g_strdup (g_get_user_config_dir ());
    case DIR_DATA:
    case DIR_LOCAL_DATA:     return g_strdup (g_get_user_data_dir ());
    case DIR_DOCUMENT:       return special_dir (G_USER_DIRECTORY_DOCUMENTS);
    case DIR_DOWNLOAD:       return special_dir (G_USER_DIRECTORY_DOWNLOAD);
    case DIR_PICTURE:        return special_dir (G_USER_DIRECTORY_PICTURES);
    case DIR_PUBLIC:         return special_dir (G_USER_DIRECTORY_PUBLIC_SHARE);
    case DIR_VIDEO:          return special_dir (G_USER_DIRECTORY_VIDEOS);
    case DIR_TEMP:           return g_strdup (g_get_tmp_dir ());
    case DIR_APP_CONFIG:     return app_dir (app, g_get_user_config_dir (), NULL);
    case DIR_APP_DATA:
    case DIR_APP_LOCAL_DATA: return app_dir (app, g_get_user_data_dir (), NULL);
    case DIR_APP_CACHE:      return app_dir (app, g_get_user_cache_dir (), NULL);
    case DIR_APP_LOG:        return app_dir (app, g_get_user_data_dir (), "logs");
    case DIR_DESKTOP:        return special_dir (G_USER_DIRECTORY_DESKTOP);
    case DIR_EXECUTABLE:     return g_build_filename (g_get_home_dir (), ".local", "bin", NULL);
    case DIR_FONT:           return g_build_filename (g_get_user_data_dir (), "fonts", NULL);
    case DIR_HOME:           return g_strdup (g_get_home_dir ());
    case DIR_RUNTIME:        return g_strdup (g_get_user_runtime_dir ());
    case DIR_TEMPLATE:       return special_dir (G_USER_DIRECTORY_TEMPLATES);
    case DIR_RESOURCE:
    default:                 return NULL;
    }
}

static void
path_resolve_directory (TauriInvocation *invocation,
                        gpointer         user_data)
{
  g_autofree char *base = _tauri_builtins_resolve_directory (caller_app (invocation),
                                             tauri_invocation_get_int (invocation, "directory"));
  const char *path = tauri_invocation_get_string (invocation, "path");

  if (base == NULL)
    {
      tauri_invocation_return_error_message (invocation, "unknown path");
      return;
    }

  if (path != NULL && *path != '\0')
    {
      g_autofree char *joined = g_build_filename (base, path, NULL);

      tauri_invocation_return_string (invocation, joined);
      return;
    }

  tauri_invocation_return_string (invocation, base);
}

/* Removes `.` and `..` segments and repeated separators, without touching
 * the file system; a relative path stays relative. */
static char *
normalize (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gboolean absolute = g_path_is_absolute (path);
  g_autofree char *joined = NULL;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], "..") && kept->len > 0 &&
          !g_str_equal (g_ptr_array_index (kept, kept->len - 1), ".."))
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (!(g_str_equal (segments[i], "..") && absolute))
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);

  joined = g_strjoinv (G_DIR_SEPARATOR_S, (char **) kept->pdata);
  if (absolute)
    return g_strconcat (G_DIR_SEPARATOR_S, joined, NULL);
  return *joined == '\0' ? g_strdup (".") : g_steal_pointer (&joined);
}

static GStrv
get_paths (TauriInvocation *invocation)
{
  JsonArray *paths = json_node_get_array (tauri_invocation_get_argument (invocation, "paths"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (paths); i++)
    g_strv_builder_add (builder, json_array_get_string_element (paths, i));

  return g_strv_builder_end (builder);
}

/* Like Node's path.join, as Tauri's does. */
static void
path_join (TauriInvocation *invocation,
           gpointer         user_data)
{
  g_auto(GStrv) paths = get_paths (invocation);
  g_autofree char *joined = g_strjoinv (G_DIR_SEPARATOR_S, paths);
  g_autofree char *normal = normalize (joined);

  tauri_invocation_return_string (invocation, normal);
}

/* Like Node's path.resolve: from the right until a path is absolute, then
 * from the current directory. */
static void
path_resolve (TauriInvocation *invocation,
              gpointer         user_data)
{
  g_auto(GStrv) paths = get_paths (invocation);
  g_autofree char *resolved = NULL;
  g_autofree char *normal = NULL;

  for (int i = (int) g_strv_length (paths) - 1; i >= 0; i--)
    {
      char *next;

      if (*paths[i] == '\0')
        continue;
      next = resolved ? g_build_filename (paths[i], resolved, NULL) : g_strdup (paths[i]);
      g_free (resolved);
      resolved = next;
      if (g_path_is_absolute (resolved))
        break;
    }

  if (resolved == NULL || !g_path_is_absolute (resolved))
    {
      g_autofree char *cwd = g_get_current_dir ();
      char *absolute = g_build_filename (cwd, resolved, NULL);

      g_free (resolved);
      resolved = absolute;
    }

  normal = normalize (resolved);
  tauri_invocation_return_string (invocation, normal);
}

static void
path_normalize (TauriInvocation *invocation,
                gpointer         user_data)
{
  g_autofree char *normal = normalize (tauri_invocation_get_string (invocation, "path"));

  tauri_invocation_return_string (invocation, normal);
}

static void
path_is_absolute (TauriInvocation *invocation,
                  gpointer         user_data)
{
  tauri_invocation_return_boolean (invocation, g_path_is_absolute (tauri_invocation_get_string (invocation, "path")));
}

/* The last segment, trailing separators ignored. */
static char *
last_segment (const char *path)
{
  g_autofree char *trimmed = g_strdup (path);
  gsize length = strlen (trimmed);

  while (length > 1 && trimmed[length - 1] == G_DIR_SEPARATOR)
    trimmed[--length] = '\0';

  return g_path_get_basename (trimmed);
}

static void
path_basename (TauriInvocation *invocation,
               gpointer         user_data)
{
  g_autofree char *name = last_segment (tauri_invocation_get_string (invocation, "path"));
  const char *ext = tauri_invocation_get_string (invocation, "ext");

  if (ext != NULL && g_str_has_suffix (name, ext) && strlen (name) > strlen (ext))
    name[strlen (name) - strlen (ext)] = '\0';

  tauri_invocation_return_string (invocation, name);
}

static void
path_dirname (TauriInvocation *invocation,
              gpointer         user_data)
{
  const char *path = tauri_invocation_get_string (invocation, "path");
  g_autofree char *trimmed = g_strdup (path);
  g_autofree char *parent = NULL;
  gsize length = strlen (trimmed);

  while (length > 1 && trimmed[length - 1] == G_DIR_SEPARATOR)
    trimmed[--length] = '\0';

  parent = g_path_get_dirname (trimmed);
  if (g_str_equal (parent, trimmed))
    {
      tauri_invocation_return_error_message (invocation, "Couldn't get the parent directory");
      return;
    }

  tauri_invocation_return_string (invocation, parent);
}

static void
path_extname (TauriInvocation *invocation,
              gpointer         user_data)
{
  g_autofree char *name = last_segment (tauri_invocation_get_string (invocation, "path"));
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name || dot[1] == '\0')
    {
      tauri_invocation_return_error_message (invocation, "Couldn't get the extension of the file");
      return;
    }

  tauri_invocation_return_string (invocation, dot + 1);
}

/* @tauri-apps/api v1 sends its modules' calls as the command `tauri`. */
static void
v1_module (TauriInvocation *invocation,
           gpointer         user_data)
{
  const char *module = tauri_invocation_get_string (invocation, "__tauriModule");
  JsonNode *message = tauri_invocation_get_argument (invocation, "message");
  const char *cmd = NULL;
  g_autofree char *text = NULL;

  if (message != NULL && JSON_NODE_HOLDS_OBJECT (message))
    cmd = json_object_get_string_member_with_default (json_node_get_object (message), "cmd", NULL);

  text = g_strdup_printf ("Command tauri (module %s, cmd %s) is not supported by tauri-gtk",
                          module ? module : "?", cmd ? cmd : "?");
  tauri_invocation_return_error_message (invocation, text);
}

static const struct {
  const char       *name;
  const char       *parameters;
  TauriCommandFunc  func;
} app_commands[] = {
  { "plugin:app|name",                NULL,                               app_name },
  { "plugin:app|version",             NULL,                               app_version },
  { "plugin:app|identifier",          NULL,                               app_identifier },
  { "plugin:app|tauri_version",       NULL,                               app_tauri_version },
  { "plugin:path|resolve_directory",  "directory: integer, path?: string", path_resolve_directory },
  { "plugin:path|join",               "paths: array<string>",             path_join },
  { "plugin:path|resolve",            "paths: array<string>",             path_resolve },
  { "plugin:path|normalize",          "path: string",                     path_normalize },
  { "plugin:path|is_absolute",        "path: string",                     path_is_absolute },
  { "plugin:path|basename",           "path: string, ext?: string",       path_basename },
  { "plugin:path|dirname",            "path: string",                     path_dirname },
  { "plugin:path|extname",            "path: string",                     path_extname },
};

void
_tauri_builtins_register_app (TauriApp *app)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (app);

  for (guint i = 0; i < G_N_ELEMENTS (app_commands); i++)
    tauri_command_registry_add (registry,
                                tauri_command_new (app_commands[i].name, app_commands[i].parameters,
                                                   TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                   app_commands[i].func, NULL, NULL));

  tauri_command_registry_add (registry,
                              tauri_command_new ("tauri", "__tauriModule?: string, message?: any",
                                                 TAURI_COMMAND_FLAGS_SNAKE_CASE,
                                                 v1_module, NULL, NULL));
}
