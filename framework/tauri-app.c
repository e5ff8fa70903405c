/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tauri-app-config-private.h"
#include "tauri-app-private.h"
#include "tauri-assets-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-bindings-private.h"
#include "tauri-events-private.h"
#include "tauri-screenshot-private.h"
#include "tauri-window-private.h"

/**
 * TauriApp:
 *
 * An application whose windows show a web front end that calls C commands.
 *
 * `TauriApp` is a [class@Gtk.Application] that owns the application's
 * windows, each a [class@Window] with a unique label (the first is "main"),
 * and one [class@CommandRegistry] holding the commands its pages may call.
 * Subclasses register their commands in the
 * [vfunc@App.register_commands] virtual function, which runs at startup:
 *
 * ```c
 * static void
 * demo_app_register_commands (TauriApp             *app,
 *                             TauriCommandRegistry *registry)
 * {
 *   tauri_command_registry_add (registry,
 *                               tauri_command_new ("greeting", NULL, TAURI_COMMAND_FLAGS_NONE,
 *                                                  greeting, NULL, NULL));
 * }
 *
 * static void
 * demo_app_class_init (DemoAppClass *klass)
 * {
 *   TAURI_APP_CLASS (klass)->register_commands = demo_app_register_commands;
 * }
 * ```
 *
 * The same application in Python, where the virtual function is
 * `do_register_commands()` (in GJS, `vfunc_register_commands()`; in Vala,
 * an override of `register_commands()`):
 *
 * ```python
 * class DemoApp(Tauri.App):
 *     def do_register_commands(self, registry):
 *         registry.add(Tauri.Command.new('greeting', None, Tauri.CommandFlags.NONE,
 *                                        self.greeting))
 *
 *     def greeting(self, invocation):
 *         invocation.return_string('Hello from Python!')
 *
 * DemoApp(application_id='io.github.taurigtk.Demo').run(sys.argv)
 * ```
 *
 * The application opens a window labelled "main" when it is activated;
 * [method@App.open_window] opens more, and [method@App.get_window] finds an
 * open one by its label.
 *
 * The front end is served from `tauri://localhost/`. By default it comes
 * from the application's resources, under the `frontend/` folder of the
 * resource base path (`/io/github/taurigtk/Demo/frontend/index.html` for the
 * application id `io.github.taurigtk.Demo`); [property@App:frontend] points
 * it at a directory or a development server instead.
 *
 * Every `TauriApp` understands these command-line options:
 *
 * - `--frontend DIR|URL`: use this front end instead of the built-in one;
 * - `--config FILE`: read this `tauri.conf.json` over the one of the
 *   resources, as `tauri dev --config` (see [method@App.load_config]);
 * - `--dev`: enable the web inspector, and print the page's console output
 *   on standard error as `console.<level>: <text>`;
 * - `--screenshot FILE`: once the main window's page has loaded and
 *   settled, save a PNG of it and quit;
 * - `--automation`: let WebDriver (`WebKitWebDriver`) drive the application;
 * - `--print-bindings`: print typed TypeScript bindings for the commands, a
 *   module that imports `invoke` from `@tauri-apps/api/core`, and exit;
 *   `--print-global-bindings` prints them calling `window.__TAURI__` instead,
 *   and `--print-global-types` the declarations of `window.__TAURI__`.
 *
 * The application quits when its last window closes.
 *
 * Since: 0.1
 */


enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_FRONTEND,
  PROP_VERSION,
  PROP_CONTENT_SECURITY_POLICY,
  PROP_DEVELOPER_MODE,
  PROP_PLUGINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_EVENT,
  SIGNAL_OPEN_EXTERNAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (TauriApp, tauri_app, GTK_TYPE_APPLICATION)

/**
 * tauri_app_error_quark:
 *
 * The error domain of the errors an application reports about its
 * windows; see [error@AppError].
 *
 * Returns: the %TAURI_APP_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (tauri-app-error-quark, tauri_app_error)

TauriAppPrivate *
_tauri_app_get_private (TauriApp *self)
{
  return tauri_app_get_instance_private (self);
}

gboolean
_tauri_app_is_web_url (const char *string)
{
  return g_str_has_prefix (string, "http://") || g_str_has_prefix (string, "https://");
}

static int
tauri_app_handle_local_options (GApplication *application,
                                GVariantDict *options)
{
  int status = _tauri_app_handle_options (TAURI_APP (application), options);

  if (status >= 0)
    return status;

  return G_APPLICATION_CLASS (tauri_app_parent_class)->handle_local_options (application, options);
}

static void
tauri_app_startup (GApplication *application)
{
  TauriApp *self = TAURI_APP (application);
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (tauri_app_parent_class)->startup (application);

  _tauri_app_load_startup_config (self);
  _tauri_app_setup_web_context (self);
  _tauri_app_register_builtins (self);
  _tauri_app_register_plugins (self);
  _tauri_events_register (self);

  /* Fails closed: capabilities that do not load leave every call they
   * decide refused, rather than allowed. Plugins' permission manifests
   * are loaded before them. */
  if (!_tauri_command_registry_load_app_capabilities (priv->registry,
                                                      g_application_get_resource_base_path (application),
                                                      &error))
    g_critical ("The application’s capabilities failed to load; every command is refused: %s",
                error->message);

  if (TAURI_APP_GET_CLASS (self)->register_commands != NULL)
    TAURI_APP_GET_CLASS (self)->register_commands (self, priv->registry);

  /* What the capabilities name and no plugin has is said now, once. */
  _tauri_command_registry_resolve_acl (priv->registry);
}

static void
screenshot_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TauriApp) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!_tauri_screenshot_save_finish (TAURI_WINDOW (object), result, &error))
    g_printerr ("%s: %s\n", g_get_prgname (), error->message);

  g_application_quit (G_APPLICATION (self));
}

static void
tauri_app_activate (GApplication *application)
{
  TauriApp *self = TAURI_APP (application);
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);
  g_autoptr(GPtrArray) labels = _tauri_app_dup_window_labels (self);
  TauriWindow *window = tauri_app_get_window (self, g_ptr_array_index (labels, 0));

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* Under WebDriver, the session asks for the window itself. */
  if (priv->automation)
    {
      g_application_hold (application);
      return;
    }

  /* `--dev`: the windows open once the development server answers. */
  if (_tauri_app_dev_server_pending (self))
    {
      priv->activate_pending = TRUE;
      return;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(GError) error = NULL;
      TauriWindow *opened = tauri_app_open_window (self, g_ptr_array_index (labels, i), &error);

      if (opened == NULL)
        g_printerr ("%s: app.windows: %s\n", g_get_prgname (), error->message);
      else if (window == NULL)
        window = opened;
    }

  if (priv->screenshot_path != NULL && window != NULL)
    _tauri_screenshot_save_async (window, priv->screenshot_path, NULL,
                                  screenshot_saved_cb, g_object_ref (self));
}

static void
tauri_app_shutdown (GApplication *application)
{
  _tauri_app_stop_dev_server (TAURI_APP (application));

  G_APPLICATION_CLASS (tauri_app_parent_class)->shutdown (application);
}

static void
tauri_app_window_removed (GtkApplication *application,
                          GtkWindow      *window)
{
  TauriApp *self = TAURI_APP (application);
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  if (TAURI_IS_WINDOW (window))
    {
      const char *label = tauri_window_get_label (TAURI_WINDOW (window));

      if (g_hash_table_lookup (priv->windows, label) == window)
        g_hash_table_remove (priv->windows, label);

      /* A destroyed window lives on while calls hold it: stop them now. */
      _tauri_bridge_abandon_calls (_tauri_window_get_bridge (TAURI_WINDOW (window)));
      _tauri_resources_close_owned (priv->resources, label);
      _tauri_app_update_spare_view (self);
    }

  GTK_APPLICATION_CLASS (tauri_app_parent_class)->window_removed (application, window);
}

static void
tauri_app_dispose (GObject *object)
{
  TauriApp *self = TAURI_APP (object);
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  _tauri_app_stop_dev_server (self);
  _tauri_app_drop_spare_view (self);
  g_clear_object (&priv->web_context);
  g_clear_object (&priv->network_session);

  G_OBJECT_CLASS (tauri_app_parent_class)->dispose (object);
}

static void
tauri_app_finalize (GObject *object)
{
  TauriApp *self = TAURI_APP (object);
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_clear_object (&priv->registry);
  g_clear_pointer (&priv->windows, g_hash_table_unref);
  g_clear_pointer (&priv->frontend, g_free);
  g_clear_pointer (&priv->version, g_free);
  g_clear_pointer (&priv->asset_scope, g_ptr_array_unref);
  g_clear_pointer (&priv->navigation, g_ptr_array_unref);
  g_clear_pointer (&priv->csp, g_free);
  g_clear_pointer (&priv->screenshot_path, g_free);
  g_clear_pointer (&priv->configs, g_ptr_array_unref);
  g_clear_pointer (&priv->config_path, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->csp_keep_directives, g_strfreev);
  g_clear_pointer (&priv->plugins, g_strfreev);
  g_clear_pointer (&priv->resources, _tauri_resources_free);

  G_OBJECT_CLASS (tauri_app_parent_class)->finalize (object);
}

static void
tauri_app_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TauriApp *self = TAURI_APP (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, tauri_app_get_registry (self));
      break;

    case PROP_FRONTEND:
      g_value_set_string (value, tauri_app_get_frontend (self));
      break;

    case PROP_VERSION:
      g_value_set_string (value, tauri_app_get_version (self));
      break;

    case PROP_CONTENT_SECURITY_POLICY:
      g_value_set_string (value, tauri_app_get_content_security_policy (self));
      break;

    case PROP_DEVELOPER_MODE:
      g_value_set_boolean (value, tauri_app_get_developer_mode (self));
      break;

    case PROP_PLUGINS:
      g_value_set_boxed (value, tauri_app_get_plugins (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_app_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TauriApp *self = TAURI_APP (object);

  switch (prop_id)
    {
    case PROP_FRONTEND:
      tauri_app_set_frontend (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      tauri_app_set_version (self, g_value_get_string (value));
      break;

    case PROP_CONTENT_SECURITY_POLICY:
      tauri_app_set_content_security_policy (self, g_value_get_string (value));
      break;

    case PROP_DEVELOPER_MODE:
      tauri_app_set_developer_mode (self, g_value_get_boolean (value));
      break;

    case PROP_PLUGINS:
      tauri_app_set_plugins (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_app_class_init (TauriAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = tauri_app_dispose;
  object_class->finalize = tauri_app_finalize;
  object_class->get_property = tauri_app_get_property;
  object_class->set_property = tauri_app_set_property;

  application_class->handle_local_options = tauri_app_handle_local_options;
  application_class->startup = tauri_app_startup;
  application_class->activate = tauri_app_activate;
  application_class->shutdown = tauri_app_shutdown;

  gtk_application_class->window_removed = tauri_app_window_removed;

  klass->open_external = _tauri_app_real_open_external;

  /* The library's own translations: bound once, in its own domain, without
   * touching the application's (never textdomain()). */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /**
   * TauriApp:registry: (getter get_registry)
   *
   * The registry of the commands the application's pages may call.
   *
   * Since: 0.1
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         TAURI_TYPE_COMMAND_REGISTRY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TauriApp:frontend: (getter get_frontend) (setter set_frontend)
   *
   * Where the front end comes from: %NULL for the built-in one, from the
   * application's resources; a directory, served from `tauri://localhost/`;
   * or the `http://` or `https://` URL of a development server, loaded as it
   * is. Windows opened afterwards use the new front end. A relative
   * directory is taken from the current directory when it is set, and a
   * message says so: give an absolute one.
   *
   * Since: 0.1
   */
  properties[PROP_FRONTEND] =
    g_param_spec_string ("frontend", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriApp:version: (getter get_version) (setter set_version)
   *
   * The application's version, which `getVersion()` of
   * `@tauri-apps/api/app` returns.
   *
   * Since: 0.1
   */
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL,
                         "0.0.0",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriApp:content-security-policy: (getter get_content_security_policy) (setter set_content_security_policy)
   *
   * The `Content-Security-Policy` header of the pages served from
   * `tauri://localhost`, as Tauri sends it: none by default (Tauri's
   * `"csp": null`); with a policy, each page's own inline scripts and
   * styles are allowed by their sha256 hashes, added to `script-src` and
   * `style-src` as Tauri does, and the framework's IPC to `connect-src`.
   * %TAURI_APP_STRICT_CSP is a strict policy the bridge works under. A
   * `tauri.conf.json` sets it from `app.security.csp`.
   *
   * Since: 0.1
   */
  properties[PROP_CONTENT_SECURITY_POLICY] =
    g_param_spec_string ("content-security-policy", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriApp:developer-mode: (getter get_developer_mode) (setter set_developer_mode)
   *
   * Whether windows opened afterwards have the web inspector and print their
   * page's console output on standard error.
   *
   * Since: 0.1
   */
  properties[PROP_DEVELOPER_MODE] =
    g_param_spec_boolean ("developer-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriApp:plugins: (getter get_plugins) (setter set_plugins)
   *
   * The built-in plugins the application has, by name: Tauri's official
   * plugins on GNOME (`clipboard-manager`, `dialog`, `fs`, `log`,
   * `notification`, `opener`, `os`, `process`, `store`, `window-state`),
   * whose commands the pages call as `plugin:NAME|cmd`. %NULL, the default,
   * means all of them; a plugin left out has no command at all. Set it
   * before the application starts.
   *
   * Since: 0.1
   */
  properties[PROP_PLUGINS] =
    g_param_spec_boxed ("plugins", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TauriApp::event:
   * @self: the application
   * @event: the event's name
   * @payload: (nullable): the event's payload
   * @source: (nullable): the window whose page emitted the event, or %NULL
   *   for an event the application emitted
   *
   * Emitted for every event, with the event's name as the detail: those the
   * pages emit with `emit()` and `emitTo()` of `@tauri-apps/api/event`, and
   * those the application emits with [method@App.emit] and
   * [method@App.emit_to]. Connect to `event::demo://ping` to hear one event.
   *
   * Since: 0.1
   */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, JSON_TYPE_NODE, TAURI_TYPE_WINDOW);

  /**
   * TauriApp::open-external:
   * @self: the application
   * @uri: the address
   *
   * Emitted when a page would leave the app's origin: a link or
   * `window.open()` to another site. Windows never show such pages (unless
   * allowed with [method@App.allow_navigation]); the default handler opens
   * the address in the user's browser. A handler that returns %TRUE stops
   * that.
   *
   * Returns: %TRUE when the handler took care of the address
   *
   * Since: 0.1
   */
  signals[SIGNAL_OPEN_EXTERNAL] =
    g_signal_new ("open-external",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (TauriAppClass, open_external),
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
}

void
_tauri_app_notify_plugins (TauriApp *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLUGINS]);
}

void
_tauri_app_open_external (TauriApp   *self,
                          const char *uri)
{
  gboolean handled = FALSE;

  g_assert (TAURI_IS_APP (self));

  g_signal_emit (self, signals[SIGNAL_OPEN_EXTERNAL], 0, uri, &handled);
}

/* Whether a handler of the application took @uri, the default handler
 * left out: the opener plugin opens what none took its own way. */
gboolean
_tauri_app_open_external_taken (TauriApp   *self,
                                const char *uri)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);
  gboolean handled = FALSE;

  g_assert (TAURI_IS_APP (self));

  priv->skip_default_open_external = TRUE;
  g_signal_emit (self, signals[SIGNAL_OPEN_EXTERNAL], 0, uri, &handled);
  priv->skip_default_open_external = FALSE;

  return handled;
}

static void
tauri_app_init (TauriApp *self)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  priv->registry = tauri_command_registry_new ();
  priv->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->version = g_strdup ("0.0.0");
  priv->asset_scope = g_ptr_array_new_with_free_func (g_free);
  priv->navigation = g_ptr_array_new_with_free_func (g_free);
  priv->configs = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_app_config_free);
  priv->with_global_tauri = TRUE;
  priv->resources = _tauri_resources_new ();

  _tauri_app_add_option_entries (self);
}

/**
 * tauri_app_new:
 * @application_id: (nullable): the application id
 * @flags: the application flags
 *
 * Creates an application. Most applications subclass `TauriApp` instead,
 * to register their commands in [vfunc@App.register_commands]; an
 * application created with this function registers them on the
 * [property@App:registry], for example from a handler of
 * [signal@Gio.Application::startup].
 *
 * Returns: (transfer full): a new application
 *
 * Since: 0.1
 */
TauriApp *
tauri_app_new (const char        *application_id,
               GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id == NULL || g_application_id_is_valid (application_id), NULL);

  return g_object_new (TAURI_TYPE_APP,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/**
 * tauri_app_get_registry:
 * @self: an application
 *
 * Gets the registry of the commands the application's pages may call.
 *
 * Returns: (transfer none): the registry
 *
 * Since: 0.1
 */
TauriCommandRegistry *
tauri_app_get_registry (TauriApp *self)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return priv->registry;
}

void
_tauri_app_emit_event_signal (TauriApp    *self,
                              const char  *event,
                              JsonNode    *payload,
                              TauriWindow *source)
{
  g_assert (TAURI_IS_APP (self));

  /* Never quark an event name from a page; one no handler named has none. */
  g_signal_emit (self, signals[SIGNAL_EVENT], g_quark_try_string (event), event, payload, source);
}

/**
 * tauri_app_get_frontend:
 * @self: an application
 *
 * Gets where the front end comes from; see [property@App:frontend].
 *
 * Returns: (nullable): the front end's directory or URL, or %NULL for the
 *   built-in one
 *
 * Since: 0.1
 */
const char *
tauri_app_get_frontend (TauriApp *self)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return priv->frontend;
}

/**
 * tauri_app_set_frontend:
 * @self: an application
 * @frontend: (nullable): a directory, an `http(s)://` URL, or %NULL for the
 *   built-in front end
 *
 * Sets where the front end comes from; see [property@App:frontend].
 *
 * Since: 0.1
 */
void
tauri_app_set_frontend (TauriApp   *self,
                        const char *frontend)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_if_fail (TAURI_IS_APP (self));

  if (g_strcmp0 (priv->frontend, frontend) == 0)
    return;

  g_free (priv->frontend);
  if (frontend != NULL && !_tauri_app_is_web_url (frontend) && !g_path_is_absolute (frontend))
    {
      /* Taken now, not at each request, and said, since it depends on where
       * the program was started from. */
      priv->frontend = g_canonicalize_filename (frontend, NULL);
      g_message (_("The front end “%s” is a relative path, taken from the current directory as %s; "
                   "give an absolute path, such as one made from the program’s own location"),
                 frontend, priv->frontend);
    }
  else
    priv->frontend = g_strdup (frontend);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRONTEND]);
}

/**
 * tauri_app_get_version:
 * @self: an application
 *
 * Gets the application's version; see [property@App:version].
 *
 * Returns: the version
 *
 * Since: 0.1
 */
const char *
tauri_app_get_version (TauriApp *self)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return priv->version;
}

/**
 * tauri_app_set_version:
 * @self: an application
 * @version: the version, such as `1.2.3`
 *
 * Sets the application's version; see [property@App:version].
 *
 * Since: 0.1
 */
void
tauri_app_set_version (TauriApp   *self,
                       const char *version)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_if_fail (TAURI_IS_APP (self));
  g_return_if_fail (version != NULL);

  if (g_strcmp0 (priv->version, version) == 0)
    return;

  g_free (priv->version);
  priv->version = g_strdup (version);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * tauri_app_get_developer_mode:
 * @self: an application
 *
 * Gets whether windows have the web inspector and forward their console.
 *
 * Returns: whether developer mode is on
 *
 * Since: 0.1
 */
gboolean
tauri_app_get_developer_mode (TauriApp *self)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), FALSE);

  return priv->developer_mode;
}

/**
 * tauri_app_set_developer_mode:
 * @self: an application
 * @developer_mode: whether to turn developer mode on
 *
 * Sets whether windows opened afterwards have the web inspector and print
 * their page's console output on standard error.
 *
 * Since: 0.1
 */
void
tauri_app_set_developer_mode (TauriApp *self,
                              gboolean  developer_mode)
{
  TauriAppPrivate *priv = tauri_app_get_instance_private (self);

  g_return_if_fail (TAURI_IS_APP (self));

  developer_mode = !!developer_mode;
  if (priv->developer_mode == developer_mode)
    return;

  priv->developer_mode = developer_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVELOPER_MODE]);
}
