/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-config-private.h"
#include "tauri-json-private.h"

/*
 * Reading `tauri.conf.json`, Tauri v2's schema (tauri-utils `config.rs`),
 * and the members of v1's that moved (`package`, `tauri.windows`,
 * `tauri.security`, `build.distDir`, `build.devPath`): what a TauriApp can
 * use of it. A member of the wrong type is a problem named by its path
 * (`app.windows[0].width: expected a number`) and left out, so that the
 * rest still applies; a member tauri-gtk does not read is named in a debug
 * message.
 */

typedef struct
{
  GString    *problems;
  const char *directory;
} Reader;

static void
window_config_free (TauriWindowConfig *self)
{
  g_free (self->label);
  g_free (self->title);
  g_free (self->url);
  g_free (self);
}

void
_tauri_app_config_free (TauriAppConfig *self)
{
  if (self == NULL)
    return;

  g_free (self->product_name);
  g_free (self->version);
  g_free (self->identifier);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_free (self->csp);
  g_free (self->dev_csp);
  g_strfreev (self->csp_keep_directives);
  g_strfreev (self->asset_scope);
  g_free (self->frontend_dist);
  g_free (self->dev_url);
  g_free (self->before_dev_command);
  g_free (self->before_dev_cwd);
  g_free (self->directory);
  g_free (self);
}

const TauriWindowConfig *
_tauri_app_config_find_window (TauriAppConfig *self,
                               const char     *label)
{
  for (guint i = 0; self != NULL && i < self->windows->len; i++)
    {
      const TauriWindowConfig *window = g_ptr_array_index (self->windows, i);

      if (g_str_equal (window->label, label))
        return window;
    }

  return NULL;
}

static void
problem (Reader     *reader,
         const char *path,
         const char *expected)
{
  g_string_append_printf (reader->problems, "%s%s: expected %s",
                          reader->problems->len > 0 ? "\n" : "", path, expected);
}

/* The member @name of the object at @path. */
static void
member_problem (Reader     *reader,
                const char *path,
                const char *name,
                const char *expected)
{
  g_autofree char *full = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  problem (reader, full, expected);
}

/* Names in a debug message the members of @object that tauri-gtk does not
 * read. */
static void
note_unread (JsonObject         *object,
             const char         *path,
             const char * const *read)
{
  g_autoptr(GList) names = json_object_get_members (object);

  /* In the file's order. */
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (read, name) && !g_str_equal (name, "$schema"))
        g_debug ("tauri.conf.json: `%s%s%s` is not read by tauri-gtk", path, *path ? "." : "", name);
    }
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static JsonObject *
read_object (Reader     *reader,
             JsonObject *object,
             const char *path,
             const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      member_problem (reader, path, name, "an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             char       **value)
{
  JsonNode *node = member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      member_problem (reader, path, name, "a string");
      return FALSE;
    }

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static void
read_boolean (Reader     *reader,
              JsonObject *object,
              const char *path,
              const char *name,
              gboolean   *value)
{
  JsonNode *node = member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      member_problem (reader, path, name, "true or false");
      return;
    }

  *value = json_node_get_boolean (node);
}

static void
read_number (Reader     *reader,
             JsonObject *object,
             const char *path,
             const char *name,
             double     *value)
{
  JsonNode *node = member (object, name);
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if ((type != G_TYPE_DOUBLE && type != G_TYPE_INT64) || json_node_get_double (node) < 0)
    {
      member_problem (reader, path, name, "a number");
      return;
    }

  *value = json_node_get_double (node);
}

/* tauri-gtk's own: "shared" or "own" (see TauriWebProcess). */
static void
read_web_process (Reader          *reader,
                  JsonObject      *object,
                  const char      *path,
                  TauriWebProcess *value)
{
  g_autofree char *text = NULL;

  if (!read_string (reader, object, path, "webProcess", &text))
    return;

  if (g_str_equal (text, "shared"))
    *value = TAURI_WEB_PROCESS_SHARED;
  else if (g_str_equal (text, "own"))
    *value = TAURI_WEB_PROCESS_OWN;
  else
    member_problem (reader, path, "webProcess", "\"shared\" or \"own\"");
}

static TauriWindowConfig *
read_window (Reader     *reader,
             JsonNode   *node,
             const char *path)
{
  static const char * const read[] = {
    "label", "title", "url", "width", "height", "minWidth", "minHeight", "resizable", "maximized",
    "fullscreen", "visible", "decorations", "focus", "create", "webProcess", NULL
  };
  TauriWindowConfig *window;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, path, "an object");
      return NULL;
    }
  object = json_node_get_object (node);

  /* Tauri's defaults. */
  window = g_new0 (TauriWindowConfig, 1);
  window->label = g_strdup ("main");
  window->width = 800;
  window->height = 600;
  window->resizable = TRUE;
  window->visible = TRUE;
  window->decorations = TRUE;
  window->focus = TRUE;
  window->create = TRUE;

  read_string (reader, object, path, "label", &window->label);
  read_string (reader, object, path, "title", &window->title);
  read_string (reader, object, path, "url", &window->url);
  read_number (reader, object, path, "width", &window->width);
  read_number (reader, object, path, "height", &window->height);
  read_number (reader, object, path, "minWidth", &window->min_width);
  read_number (reader, object, path, "minHeight", &window->min_height);
  read_boolean (reader, object, path, "resizable", &window->resizable);
  read_boolean (reader, object, path, "maximized", &window->maximized);
  read_boolean (reader, object, path, "fullscreen", &window->fullscreen);
  read_boolean (reader, object, path, "visible", &window->visible);
  read_boolean (reader, object, path, "decorations", &window->decorations);
  read_boolean (reader, object, path, "focus", &window->focus);
  read_boolean (reader, object, path, "create", &window->create);
  read_web_process (reader, object, path, &window->web_process);
  note_unread (object, path, read);

  return window;
}

static void
read_windows (Reader         *reader,
              TauriAppConfig *self,
              JsonObject     *object,
              const char     *path)
{
  g_autofree char *full = g_strdup_printf ("%s.windows", path);
  JsonNode *node = member (object, "windows");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (reader, full, "a list");
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", full, i);
      TauriWindowConfig *window = read_window (reader, json_array_get_element (array, i), item_path);

      if (window != NULL)
        g_ptr_array_add (self->windows, window);
    }
}

/* A policy as a string, or as Tauri's object of directives, each a string
 * or a list of sources. NULL when @node is neither. */
char *
_tauri_app_config_csp_text (JsonNode *node)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GList) names = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  text = g_string_new (NULL);
  names = json_object_get_members (json_node_get_object (node));
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *directive = l->data;
      JsonNode *sources = json_object_get_member (json_node_get_object (node), directive);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", directive);

      if (JSON_NODE_HOLDS_VALUE (sources) && json_node_get_value_type (sources) == G_TYPE_STRING)
        g_string_append_printf (text, " %s", json_node_get_string (sources));
      else if (JSON_NODE_HOLDS_ARRAY (sources))
        {
          JsonArray *list = json_node_get_array (sources);

          for (guint i = 0; i < json_array_get_length (list); i++)
            {
              JsonNode *source = json_array_get_element (list, i);

              if (!JSON_NODE_HOLDS_VALUE (source) || json_node_get_value_type (source) != G_TYPE_STRING)
                return NULL;
              g_string_append_printf (text, " %s", json_node_get_string (source));
            }
        }
      else
        return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
read_csp (Reader      *reader,
          JsonObject  *security,
          const char  *path,
          const char  *name,
          char       **csp)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", path, name);
  JsonNode *node = member (security, name);

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  g_free (*csp);
  if ((*csp = _tauri_app_config_csp_text (node)) == NULL)
    {
      problem (reader, full, "a string, an object of directives or null");
      return FALSE;
    }

  return TRUE;
}

static GStrv
read_strings (Reader     *reader,
              JsonNode   *node,
              const char *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (reader, path, "a list of strings");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          problem (reader, path, "a list of strings");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static void
read_security (Reader         *reader,
               TauriAppConfig *self,
               JsonObject     *parent,
               const char     *parent_path)
{
  static const char * const read[] = {
    "csp", "devCsp", "dangerousDisableAssetCspModification", "assetProtocol", NULL
  };
  static const char * const read_asset[] = { "enable", "scope", NULL };
  g_autofree char *path = g_strdup_printf ("%s.security", parent_path);
  JsonObject *security = read_object (reader, parent, parent_path, "security");
  JsonObject *asset;
  JsonNode *node;

  if (security == NULL)
    return;

  self->has_csp |= read_csp (reader, security, path, "csp", &self->csp);
  read_csp (reader, security, path, "devCsp", &self->dev_csp);

  if ((node = member (security, "dangerousDisableAssetCspModification")) != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        self->csp_keep = json_node_get_boolean (node);
      else
        {
          g_autofree char *full = g_strdup_printf ("%s.dangerousDisableAssetCspModification", path);

          self->csp_keep_directives = read_strings (reader, node, full);
        }
    }

  if ((asset = read_object (reader, security, path, "assetProtocol")) != NULL)
    {
      g_autofree char *asset_path = g_strdup_printf ("%s.assetProtocol", path);

      read_boolean (reader, asset, asset_path, "enable", &self->asset_protocol);
      if ((node = member (asset, "scope")) != NULL)
        {
          g_autofree char *scope_path = g_strdup_printf ("%s.scope", asset_path);

          /* A list of paths, or {"allow": [...], "deny": [...]}. */
          if (JSON_NODE_HOLDS_OBJECT (node) && member (json_node_get_object (node), "allow") != NULL)
            {
              g_autofree char *allow_path = g_strdup_printf ("%s.allow", scope_path);

              if (member (json_node_get_object (node), "deny") != NULL)
                g_debug ("tauri.conf.json: `%s.deny` is not read by tauri-gtk", scope_path);
              node = member (json_node_get_object (node), "allow");
              self->asset_scope = read_strings (reader, node, allow_path);
            }
          else
            self->asset_scope = read_strings (reader, node, scope_path);
        }
      note_unread (asset, asset_path, read_asset);
    }

  note_unread (security, path, read);
}

static char *
resolve_path (Reader     *reader,
              const char *path)
{
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    return g_strdup (path);

  return g_canonicalize_filename (path, reader->directory);
}

static void
read_build (Reader         *reader,
            TauriAppConfig *self,
            JsonObject     *root)
{
  static const char * const read[] = {
    "devUrl", "frontendDist", "beforeDevCommand", "distDir", "devPath", "withGlobalTauri", NULL
  };
  JsonObject *build = read_object (reader, root, "", "build");
  g_autofree char *dist = NULL;
  JsonNode *node;

  if (build == NULL)
    return;

  /* A directory, a URL, or a list of files: their directory. */
  node = member (build, "frontendDist");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_auto(GStrv) files = read_strings (reader, node, "build.frontendDist");

      if (files != NULL && files[0] != NULL)
        {
          g_autofree char *file = resolve_path (reader, files[0]);

          self->frontend_dist = g_path_get_dirname (file);
        }
    }
  else if (read_string (reader, build, "build", "frontendDist", &dist) ||
           read_string (reader, build, "build", "distDir", &dist))
    self->frontend_dist = resolve_path (reader, dist);

  if (!read_string (reader, build, "build", "devUrl", &self->dev_url))
    read_string (reader, build, "build", "devPath", &self->dev_url);
  if (self->dev_url != NULL && !g_str_has_prefix (self->dev_url, "http://") &&
      !g_str_has_prefix (self->dev_url, "https://"))
    {
      problem (reader, "build.devUrl", "an http:// or https:// URL");
      g_clear_pointer (&self->dev_url, g_free);
    }

  /* v1 kept it here. */
  if (member (build, "withGlobalTauri") != NULL)
    {
      self->has_with_global_tauri = TRUE;
      read_boolean (reader, build, "build", "withGlobalTauri", &self->with_global_tauri);
    }

  /* A command, or {"script", "cwd", "wait"}; it runs in the project's
   * directory, the parent of `src-tauri`, as `tauri dev` runs it. */
  if ((node = member (build, "beforeDevCommand")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *cwd = NULL;
      JsonObject *command = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          command = json_node_get_object (node);
          if (!read_string (reader, command, "build.beforeDevCommand", "script", &self->before_dev_command))
            problem (reader, "build.beforeDevCommand.script", "a string");
          read_string (reader, command, "build.beforeDevCommand", "cwd", &cwd);
        }
      else
        read_string (reader, build, "build", "beforeDevCommand", &self->before_dev_command);

      if (cwd != NULL)
        self->before_dev_cwd = g_canonicalize_filename (cwd, reader->directory);
      else
        {
          g_autofree char *parent = g_path_get_dirname (reader->directory);

          self->before_dev_cwd = g_strdup (g_str_has_suffix (reader->directory, "/src-tauri") ? parent
                                                                                             : reader->directory);
        }
    }

  note_unread (build, "build", read);
}

/* `version` may name a package.json whose version it takes. */
static void
read_version (Reader         *reader,
              TauriAppConfig *self,
              JsonObject     *object,
              const char     *path)
{
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) package = NULL;
  gsize length = 0;

  if (!read_string (reader, object, path, "version", &self->version) ||
      !g_str_has_suffix (self->version, ".json"))
    return;

  file = g_canonicalize_filename (self->version, reader->directory);
  g_clear_pointer (&self->version, g_free);
  if (!g_file_get_contents (file, &contents, &length, NULL) ||
      (package = _tauri_json_parse (contents, length, TAURI_JSON_DEFAULT_MAX_DEPTH, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (package) ||
      !read_string (reader, json_node_get_object (package), "", "version", &self->version))
    problem (reader, "version", "a version, or a package.json that has one");
}

TauriAppConfig *
_tauri_app_config_parse (const char  *data,
                         gsize        length,
                         const char  *directory,
                         GString     *problems,
                         GError     **error)
{
  static const char * const read_root[] = {
    "productName", "version", "identifier", "app", "build", "package", "tauri", NULL
  };
  static const char * const read_app[] = { "windows", "security", "withGlobalTauri", NULL };
  g_autoptr(TauriAppConfig) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { problems, directory };
  JsonObject *object;
  JsonObject *app;
  JsonObject *v1;
  JsonObject *package;

  g_assert (directory != NULL);
  g_assert (problems != NULL);

  root = _tauri_json_parse (data, length, TAURI_JSON_DEFAULT_MAX_DEPTH, &parse_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TAURI_APP_ERROR, TAURI_APP_ERROR_INVALID_CONFIG,
                   "not a Tauri configuration: %s",
                   root == NULL ? parse_error->message : "expected an object");
      return NULL;
    }
  object = json_node_get_object (root);

  self = g_new0 (TauriAppConfig, 1);
  self->windows = g_ptr_array_new_with_free_func ((GDestroyNotify) window_config_free);
  self->directory = g_strdup (directory);
  self->with_global_tauri = TRUE;

  read_string (&reader, object, "", "productName", &self->product_name);
  read_version (&reader, self, object, "");
  read_string (&reader, object, "", "identifier", &self->identifier);

  if ((app = read_object (&reader, object, "", "app")) != NULL)
    {
      read_windows (&reader, self, app, "app");
      read_security (&reader, self, app, "app");
      if (member (app, "withGlobalTauri") != NULL)
        {
          self->has_with_global_tauri = TRUE;
          read_boolean (&reader, app, "app", "withGlobalTauri", &self->with_global_tauri);
        }
      note_unread (app, "app", read_app);
    }

  /* Tauri 1: package.productName, package.version, tauri.windows,
   * tauri.security, tauri.bundle.identifier. */
  if ((package = read_object (&reader, object, "", "package")) != NULL)
    {
      if (self->product_name == NULL)
        read_string (&reader, package, "package", "productName", &self->product_name);
      if (self->version == NULL)
        read_version (&reader, self, package, "package");
    }
  if ((v1 = read_object (&reader, object, "", "tauri")) != NULL)
    {
      JsonObject *bundle = read_object (&reader, v1, "tauri", "bundle");

      if (self->windows->len == 0)
        read_windows (&reader, self, v1, "tauri");
      if (!self->has_csp)
        read_security (&reader, self, v1, "tauri");
      if (self->identifier == NULL)
        read_string (&reader, bundle, "tauri.bundle", "identifier", &self->identifier);
    }

  read_build (&reader, self, object);
  note_unread (object, "", read_root);

  return g_steal_pointer (&self);
}

TauriAppConfig *
_tauri_app_config_read (GFile    *file,
                        GString  *problems,
                        GError  **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *directory = parent ? g_file_get_path (parent) : NULL;
  g_autofree char *contents = NULL;
  TauriAppConfig *self;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  /* A resource has no directory: paths are taken from the current one. */
  if (directory == NULL)
    directory = g_get_current_dir ();

  self = _tauri_app_config_parse (contents, length, directory, problems, error);
  if (self == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
    }

  return self;
}
