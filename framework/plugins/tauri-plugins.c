/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-app-private.h"
#include "tauri-plugins-private.h"
#include "tauri-plugin-clipboard-manager-private.h"
#include "tauri-plugin-dialog-private.h"
#include "tauri-plugin-fs-private.h"
#include "tauri-plugin-log-private.h"
#include "tauri-plugin-notification-private.h"
#include "tauri-plugin-opener-private.h"
#include "tauri-plugin-os-private.h"
#include "tauri-plugin-process-private.h"
#include "tauri-plugin-store-private.h"
#include "tauri-plugin-window-state-private.h"

/*
 * The built-in plugins, one table. Each plugin registers ordinary commands
 * named `plugin:NAME|cmd` on the application's registry, so capabilities,
 * cancellation, threads and errors work for them as for any command; some
 * also inject a script into each window's page at document start (as a
 * Tauri plugin's `js_init_script`), or look after each window.
 */

static const TauriPluginInfo plugins[] = {
  { "clipboard-manager", _tauri_plugin_clipboard_manager_register, NULL, NULL },
  { "dialog",            _tauri_plugin_dialog_register,            NULL, NULL },
  { "fs",                _tauri_plugin_fs_register,                NULL, NULL },
  { "log",               _tauri_plugin_log_register,               NULL, NULL },
  { "notification",      _tauri_plugin_notification_register,      NULL,
                         _tauri_plugin_notification_dup_init_script },
  { "opener",            _tauri_plugin_opener_register,            NULL, NULL },
  { "os",                _tauri_plugin_os_register,                NULL,
                         _tauri_plugin_os_dup_init_script },
  { "process",           _tauri_plugin_process_register,           NULL, NULL },
  { "store",             _tauri_plugin_store_register,             NULL, NULL },
  { "window-state",      _tauri_plugin_window_state_register,
                         _tauri_plugin_window_state_setup_window,  NULL },
};

static const char * const plugin_names[] = {
  "clipboard-manager", "dialog", "fs", "log", "notification", "opener", "os", "process", "store",
  "window-state", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (plugin_names) == G_N_ELEMENTS (plugins) + 1);

const TauriPluginInfo *
_tauri_plugins_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (plugins); i++)
    {
      if (g_strcmp0 (plugins[i].name, name) == 0)
        return &plugins[i];
    }

  return NULL;
}

const char * const *
_tauri_plugins_list_names (void)
{
  return plugin_names;
}

/* The plugin's permissions, as Tauri's TOML files declare them, in JSON:
 * {default, set, permission}. */
GBytes *
_tauri_plugins_dup_permissions (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/io/github/taurigtk/Tauri/plugins/permissions/%s.json", name);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gboolean
is_enabled (TauriApp              *app,
            const TauriPluginInfo *plugin)
{
  const char * const *enabled = (const char * const *) tauri_app_get_plugins (app);

  return enabled == NULL || g_strv_contains (enabled, plugin->name);
}

/* The plugin's permissions are the registry's from the start, so that
 * capabilities may name them (`fs:default`) as a Tauri app's do. */
static void
load_permissions (TauriCommandRegistry  *registry,
                  const TauriPluginInfo *plugin)
{
  g_autoptr(GBytes) manifest = _tauri_plugins_dup_permissions (plugin->name);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (manifest, &size);

  if (!tauri_command_registry_load_permissions_from_data (registry, plugin->name, data, size, &error))
    g_error ("The %s plugin's permissions are malformed: %s", plugin->name, error->message);
}

/* At startup, before the application's own commands and capabilities. */
void
_tauri_plugins_register (TauriApp *app)
{
  TauriCommandRegistry *registry = tauri_app_get_registry (app);

  g_assert (TAURI_IS_APP (app));

  for (guint i = 0; i < G_N_ELEMENTS (plugins); i++)
    {
      if (!is_enabled (app, &plugins[i]))
        continue;

      load_permissions (registry, &plugins[i]);
      plugins[i].register_commands (app, registry);
    }
}

/* The scripts go only into the app's own pages, as the bridge's do. */
static WebKitUserScript *
init_script (TauriApp   *app,
             const char *source)
{
  g_autofree char *origin = _tauri_app_dup_trusted_origin (app);
  g_autoptr(GUri) uri = origin ? g_uri_parse (origin, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *pattern = NULL;
  const char *allow_list[] = { NULL, NULL };

  if (uri == NULL)
    return NULL;

  pattern = g_strdup_printf ("%s://%s/*", g_uri_get_scheme (uri), g_uri_get_host (uri));
  allow_list[0] = pattern;

  return webkit_user_script_new (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                 WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, allow_list, NULL);
}

/* For each new window, before its page loads. */
void
_tauri_plugins_setup_window (TauriApp    *app,
                             TauriWindow *window)
{
  WebKitUserContentManager *manager;

  g_assert (TAURI_IS_APP (app));
  g_assert (TAURI_IS_WINDOW (window));

  manager = webkit_web_view_get_user_content_manager (tauri_window_get_web_view (window));

  for (guint i = 0; i < G_N_ELEMENTS (plugins); i++)
    {
      if (!is_enabled (app, &plugins[i]))
        continue;

      if (plugins[i].dup_init_script != NULL)
        {
          g_autofree char *source = plugins[i].dup_init_script (app);
          g_autoptr(WebKitUserScript) script = init_script (app, source);

          if (script != NULL)
            webkit_user_content_manager_add_script (manager, script);
        }

      if (plugins[i].setup_window != NULL)
        plugins[i].setup_window (app, window);
    }
}

/* Whether to ask the desktop portals: inside a Flatpak, or wherever
 * GTK_USE_PORTAL=1 says so, as GTK 3 had it. */
gboolean
_tauri_plugins_use_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_strcmp0 (g_getenv ("GTK_USE_PORTAL"), "1") == 0;
}

/* Every plugin command is created with the application as its user data,
 * which worker threads may read. */
TauriApp *
_tauri_plugin_get_app (TauriInvocation *invocation)
{
  TauriApp *app = tauri_invocation_get_user_data (invocation);

  g_assert (TAURI_IS_APP (app));

  return app;
}

TauriResources *
_tauri_plugin_get_resources (TauriApp *app)
{
  return _tauri_app_get_private (app)->resources;
}

/* A string member of the object argument @name, or NULL. */
const char *
_tauri_plugin_get_options_string (TauriInvocation *invocation,
                                  const char      *name,
                                  const char      *member)
{
  JsonNode *options = tauri_invocation_get_argument (invocation, name);
  JsonNode *node;

  if (options == NULL || !JSON_NODE_HOLDS_OBJECT (options))
    return NULL;

  node = json_object_get_member (json_node_get_object (options), member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* `rid`, a ResourceId: a u32. */
gboolean
_tauri_plugin_get_rid (TauriInvocation  *invocation,
                       guint32          *rid,
                       GError          **error)
{
  gint64 value = tauri_invocation_get_int (invocation, "rid");

  if (value < 0 || value > G_MAXUINT32)
    {
      _tauri_resources_set_bad_id_error (error, value);
      return FALSE;
    }

  *rid = value;
  return TRUE;
}
