/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tauri-app-config-private.h"
#include "tauri-app-private.h"

/*
 * What a TauriApp takes from `tauri.conf.json` (read by
 * tauri-app-config.c): from its resources, from `--config FILE`, and from
 * tauri_app_load_config(), each applied over the ones before it.
 */

/* Tauri's path variables, as the `path` module resolves them. */
static char *
resolve_variable (TauriApp   *self,
                  const char *variable)
{
  const char *app_id = g_application_get_application_id (G_APPLICATION (self));
  static const struct {
    const char       *name;
    GUserDirectory    directory;
  } user_dirs[] = {
    { "$AUDIO", G_USER_DIRECTORY_MUSIC }, { "$DESKTOP", G_USER_DIRECTORY_DESKTOP },
    { "$DOCUMENT", G_USER_DIRECTORY_DOCUMENTS }, { "$DOWNLOAD", G_USER_DIRECTORY_DOWNLOAD },
    { "$PICTURE", G_USER_DIRECTORY_PICTURES }, { "$PUBLIC", G_USER_DIRECTORY_PUBLIC_SHARE },
    { "$TEMPLATE", G_USER_DIRECTORY_TEMPLATES }, { "$VIDEO", G_USER_DIRECTORY_VIDEOS },
  };

  if (app_id == NULL)
    app_id = g_get_prgname ();

  if (g_str_equal (variable, "$HOME"))
    return g_strdup (g_get_home_dir ());
  if (g_str_equal (variable, "$TEMP"))
    return g_strdup (g_get_tmp_dir ());
  if (g_str_equal (variable, "$CACHE"))
    return g_strdup (g_get_user_cache_dir ());
  if (g_str_equal (variable, "$CONFIG"))
    return g_strdup (g_get_user_config_dir ());
  if (g_str_equal (variable, "$DATA") || g_str_equal (variable, "$LOCALDATA"))
    return g_strdup (g_get_user_data_dir ());
  if (g_str_equal (variable, "$APPDATA") || g_str_equal (variable, "$APPLOCALDATA"))
    return g_build_filename (g_get_user_data_dir (), app_id, NULL);
  if (g_str_equal (variable, "$APPCONFIG"))
    return g_build_filename (g_get_user_config_dir (), app_id, NULL);
  if (g_str_equal (variable, "$APPCACHE"))
    return g_build_filename (g_get_user_cache_dir (), app_id, NULL);
  if (g_str_equal (variable, "$APPLOG"))
    return g_build_filename (g_get_user_state_dir (), app_id, "logs", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      if (g_str_equal (variable, user_dirs[i].name))
        return g_strdup (g_get_user_special_dir (user_dirs[i].directory));
    }

  return NULL;
}

/* The directory an asset scope entry allows (`$APPDATA` and its globs are
 * `~/.local/share/<id>`), or NULL when it is more than a directory. */
static char *
scope_directory (TauriApp   *self,
                 const char *entry)
{
  g_autofree char *path = g_strdup (entry);
  g_autofree char *base = NULL;
  char *slash;

  if (g_str_has_suffix (path, "/**") || g_str_has_suffix (path, "/*"))
    *strrchr (path, '/') = '\0';

  if (strpbrk (path, "*?[{") != NULL)
    return NULL;

  if (path[0] != '$')
    return g_path_is_absolute (path) ? g_steal_pointer (&path) : NULL;

  slash = strchr (path, '/');
  if (slash != NULL)
    *slash = '\0';
  base = resolve_variable (self, path);
  if (base == NULL)
    return NULL;

  return slash != NULL ? g_build_filename (base, slash + 1, NULL) : g_steal_pointer (&base);
}

static void
apply (TauriApp       *self,
       TauriAppConfig *config)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  if (config->product_name != NULL)
    {
      g_free (priv->name);
      priv->name = g_strdup (config->product_name);
    }

  if (config->version != NULL)
    tauri_app_set_version (self, config->version);

  if (config->identifier != NULL &&
      g_application_get_application_id (G_APPLICATION (self)) == NULL &&
      !g_application_get_is_registered (G_APPLICATION (self)) &&
      g_application_id_is_valid (config->identifier))
    g_application_set_application_id (G_APPLICATION (self), config->identifier);

  if (config->has_csp)
    {
      const char *policy = priv->developer_mode && config->dev_csp ? config->dev_csp : config->csp;

      tauri_app_set_content_security_policy (self, policy != NULL ? policy : "");
    }
  priv->csp_keep = config->csp_keep;
  if (config->csp_keep_directives != NULL)
    {
      g_strfreev (priv->csp_keep_directives);
      priv->csp_keep_directives = g_strdupv (config->csp_keep_directives);
    }

  for (guint i = 0; config->asset_protocol && config->asset_scope && config->asset_scope[i]; i++)
    {
      g_autofree char *directory = scope_directory (self, config->asset_scope[i]);

      if (directory != NULL)
        tauri_app_add_asset_scope (self, directory);
      else
        g_debug ("tauri.conf.json: the asset scope “%s” is not a directory: it is not read",
                 config->asset_scope[i]);
    }

  if (config->has_with_global_tauri)
    priv->with_global_tauri = config->with_global_tauri;
}

/**
 * tauri_app_load_config:
 * @self: an application
 * @file: a `tauri.conf.json`
 * @error: return location for an error
 *
 * Reads a Tauri configuration, v2's (or v1's where it is the same), and
 * applies it over what was set before: `productName` (the application's
 * name, `getName()`), `version` (`getVersion()`; or the version of the
 * `package.json` it names), `identifier` (the application id, when the
 * application has none yet), `app.windows` (the windows the application
 * opens when it is activated, and what [method@App.open_window] gives a
 * window of that label: `label`, `title`, `width`, `height`, `minWidth`,
 * `minHeight`, `resizable`, `maximized`, `fullscreen`, `visible`,
 * `decorations`, `focus`, `create` and `url`; by default a window of
 * 800×600, as in Tauri), `app.security.csp` and `devCsp` (a string, an object of
 * directives, or `null` for none), `dangerousDisableAssetCspModification`,
 * `app.security.assetProtocol` (`enable` and the directories of `scope`,
 * as [method@App.add_asset_scope]), `app.withGlobalTauri`,
 * `build.frontendDist` (a directory relative to the file, served as the
 * front end), and `build.devUrl` with `build.beforeDevCommand` (loaded with
 * `--dev`, the command started when nothing answers there).
 *
 * The `capabilities` folder beside the file, as a Tauri project has it in
 * `src-tauri/capabilities`, is loaded with
 * [method@CommandRegistry.load_capabilities].
 *
 * Members tauri-gtk does not read are named in a debug message. A member
 * of the wrong type is left out and named in @error by its path
 * (`app.windows[0].width: expected a number`); the rest of the file is
 * applied all the same.
 *
 * A `TauriApp` reads the `tauri.conf.json` of its resource base path at
 * startup, then the file of the `--config` option.
 *
 * Returns: whether the whole file was read
 *
 * Since: 0.1
 */
gboolean
tauri_app_load_config (TauriApp  *self,
                       GFile     *file,
                       GError   **error)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  g_autoptr(GString) problems = g_string_new (NULL);
  TauriAppConfig *config;

  g_return_val_if_fail (TAURI_IS_APP (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  config = _tauri_app_config_read (file, problems, error);
  if (config == NULL)
    return FALSE;

  apply (self, config);
  g_ptr_array_add (priv->configs, config);

  /* A project's capabilities sit beside its configuration, as Tauri
   * compiles them from `src-tauri/capabilities`. */
  if (g_file_is_native (file))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GFile) capabilities = g_file_get_child (parent, "capabilities");
      g_autoptr(GError) capability_error = NULL;

      if (g_file_query_file_type (capabilities, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY &&
          !tauri_command_registry_load_capabilities (priv->registry, capabilities, &capability_error))
        g_string_append_printf (problems, "%scapabilities: %s", problems->len > 0 ? "\n" : "",
                                capability_error->message);
    }

  if (problems->len > 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, TAURI_APP_ERROR, TAURI_APP_ERROR_INVALID_CONFIG, "%s: %s", name, problems->str);
      return FALSE;
    }

  return TRUE;
}

/* The last loaded configuration that says @what (an offset in it). */
static TauriAppConfig *
last_with (TauriApp *self,
           gsize     offset)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  for (guint i = priv->configs->len; i > 0; i--)
    {
      TauriAppConfig *config = g_ptr_array_index (priv->configs, i - 1);

      if (G_STRUCT_MEMBER (gpointer, config, offset) != NULL)
        return config;
    }

  return NULL;
}

static GPtrArray *
window_configs (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  for (guint i = priv->configs->len; i > 0; i--)
    {
      TauriAppConfig *config = g_ptr_array_index (priv->configs, i - 1);

      if (config->windows->len > 0)
        return config->windows;
    }

  return NULL;
}

const TauriWindowConfig *
_tauri_app_find_window_config (TauriApp   *self,
                               const char *label)
{
  GPtrArray *windows = window_configs (self);

  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      const TauriWindowConfig *window = g_ptr_array_index (windows, i);

      if (g_str_equal (window->label, label))
        return window;
    }

  return NULL;
}

/* The windows to open on activation: `main`, or those of the
 * configuration that Tauri creates at startup. */
GPtrArray *
_tauri_app_dup_window_labels (TauriApp *self)
{
  GPtrArray *windows = window_configs (self);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      const TauriWindowConfig *window = g_ptr_array_index (windows, i);

      if (window->create && !g_ptr_array_find_with_equal_func (labels, window->label, g_str_equal, NULL))
        g_ptr_array_add (labels, g_strdup (window->label));
    }

  if (windows == NULL)
    g_ptr_array_add (labels, g_strdup ("main"));

  return labels;
}

const char *
_tauri_app_get_name (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  return priv->name != NULL ? priv->name : g_get_application_name ();
}

/* `--config`'s identifier, read before the application registers with it. */
void
_tauri_app_peek_identifier (TauriApp *self,
                            GFile    *file)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(TauriAppConfig) config = _tauri_app_config_read (file, problems, NULL);

  if (config != NULL && config->identifier != NULL && g_application_id_is_valid (config->identifier))
    g_application_set_application_id (G_APPLICATION (self), config->identifier);
}

static void
report (GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
}

/* At startup: the resources' tauri.conf.json, then --config's; then where
 * the front end comes from, unless the application or --frontend said. */
void
_tauri_app_load_startup_config (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  const char *base = g_application_get_resource_base_path (G_APPLICATION (self));
  TauriAppConfig *config;

  if (base != NULL)
    {
      g_autofree char *path = g_build_path ("/", base, "tauri.conf.json", NULL);

      if (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        {
          g_autofree char *escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
          g_autofree char *uri = g_strconcat ("resource://", escaped, NULL);
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          g_autoptr(GError) error = NULL;

          if (!tauri_app_load_config (self, file, &error))
            report (error);
        }
    }

  if (priv->config_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (priv->config_path);
      g_autoptr(GError) error = NULL;

      if (!tauri_app_load_config (self, file, &error))
        report (error);
    }

  if (priv->frontend != NULL)
    return;

  if (priv->developer_mode && last_with (self, G_STRUCT_OFFSET (TauriAppConfig, dev_url)) != NULL)
    {
      _tauri_app_start_dev_server (self);
      return;
    }

  config = last_with (self, G_STRUCT_OFFSET (TauriAppConfig, frontend_dist));
  if (config == NULL)
    return;

  if (_tauri_app_is_web_url (config->frontend_dist) || g_file_test (config->frontend_dist, G_FILE_TEST_IS_DIR))
    tauri_app_set_frontend (self, config->frontend_dist);
  else
    g_printerr (_("%s: build.frontendDist: there is no directory %s; build the front end first "
                  "(as `npm run build` does), or run with --dev\n"),
                g_get_prgname (), config->frontend_dist);
}
