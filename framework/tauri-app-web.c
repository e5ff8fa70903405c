/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-assets-private.h"
#include "tauri-bridge-private.h"
#include "tauri-origin-private.h"
#include "tauri-window-private.h"

/*
 * The web side of TauriApp: its WebKit context and schemes, where the front
 * end comes from, which origin is the app's own, and what its pages may
 * reach (the asset scope).
 */

static WebKitWebView *
create_web_view_cb (WebKitAutomationSession *session,
                    TauriApp                *self)
{
  TauriWindow *window = tauri_app_get_window (self, "main");

  if (window == NULL)
    window = tauri_app_open_window (self, "main", NULL);

  return tauri_window_get_web_view (window);
}

static void
automation_started_cb (WebKitWebContext        *context,
                       WebKitAutomationSession *session,
                       TauriApp                *self)
{
  g_autoptr(WebKitApplicationInfo) info = webkit_application_info_new ();

  webkit_application_info_set_name (info, g_get_prgname ());
  webkit_automation_session_set_application_info (session, info);
  g_signal_connect_object (session, "create-web-view",
                           G_CALLBACK (create_web_view_cb), self, 0);
}

/* tauri://localhost/: the front end, and the calls with raw bytes that
 * come where the web process extension is missing. */
static void
tauri_request_cb (WebKitURISchemeRequest *request,
                  gpointer                user_data)
{
  TauriApp *self = user_data;
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  GtkWidget *window = web_view ? gtk_widget_get_ancestor (GTK_WIDGET (web_view), TAURI_TYPE_WINDOW) : NULL;

  if (window != NULL && g_str_has_prefix (webkit_uri_scheme_request_get_path (request), TAURI_BRIDGE_IPC_PATH))
    _tauri_bridge_ipc_handle_request (_tauri_window_get_bridge (TAURI_WINDOW (window)), request);
  else
    _tauri_assets_serve_frontend (self, request);
}

static void
asset_request_cb (WebKitURISchemeRequest *request,
                  gpointer                user_data)
{
  _tauri_assets_serve_asset (user_data, request);
}

static void
register_schemes (TauriApp         *self,
                  WebKitWebContext *context)
{
  WebKitSecurityManager *security = webkit_web_context_get_security_manager (context);

  /* The context belongs to the app, so the app outlives the handlers. */
  webkit_web_context_register_uri_scheme (context, "tauri", tauri_request_cb, self, NULL);
  webkit_web_context_register_uri_scheme (context, "asset", asset_request_cb, self, NULL);

  /* Secure and CORS-enabled: without both, WebKit treats the schemes as
   * opaque, insecure origins, and since 2.46 bypasses the handler for
   * top-level loads. */
  webkit_security_manager_register_uri_scheme_as_secure (security, "tauri");
  webkit_security_manager_register_uri_scheme_as_cors_enabled (security, "tauri");
  webkit_security_manager_register_uri_scheme_as_secure (security, "asset");
  webkit_security_manager_register_uri_scheme_as_cors_enabled (security, "asset");
}

/* Each web process's extension learns the largest call the registry
 * takes, and refuses larger ones before they are copied. */
static void
initialize_web_extension_cb (WebKitWebContext *context,
                             TauriApp         *self)
{
  gsize max_size = tauri_command_registry_get_max_message_size (tauri_app_get_registry (self));

  webkit_web_context_set_web_process_extensions_initialization_user_data (context,
                                                                          g_variant_new_uint64 (max_size));
}

/* The web process extension that carries calls made alone and raw bytes;
 * without it, they go through the isolated world and over tauri://.
 * TAURI_WEB_EXTENSIONS_DIR names its directory in a build tree (the tests,
 * make demo, meson devenv). */
static void
set_up_web_extension (TauriApp         *self,
                      WebKitWebContext *context)
{
  const char *directory = g_getenv ("TAURI_WEB_EXTENSIONS_DIR");

  if (directory == NULL || directory[0] == '\0')
    directory = TAURI_WEB_EXTENSIONS_DIR;

  webkit_web_context_set_web_process_extensions_directory (context, directory);
  g_signal_connect_object (context, "initialize-web-process-extensions",
                           G_CALLBACK (initialize_web_extension_cb), self, 0);
}

/* The desktop's languages, as LANGUAGE and LC_MESSAGES give them
 * ("de_DE.UTF-8" → "de-DE"), for the page's navigator.language and the
 * Accept-Language header; WebKit's own default is "C". */
static void
set_up_languages (WebKitWebContext *context)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = NULL;
      gboolean seen = FALSE;

      if (strpbrk (names[i], ".@") != NULL || g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;

      tag = g_strdelimit (g_strdup (names[i]), "_", '-');
      for (guint j = 0; j < languages->len && !seen; j++)
        seen = g_ascii_strcasecmp (g_ptr_array_index (languages, j), tag) == 0;
      if (!seen)
        g_ptr_array_add (languages, g_steal_pointer (&tag));
    }

  if (languages->len == 0)
    g_ptr_array_add (languages, g_strdup ("en-US"));
  g_ptr_array_add (languages, NULL);

  webkit_web_context_set_preferred_languages (context, (const char * const *) languages->pdata);
}

/* The first DRM render node, or a path naming none: WebKit then opens no
 * device for the buffers it is not asked to share. */
static char *
find_render_node (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  g_autofree char *first = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") && (first == NULL || strcmp (name, first) < 0))
      {
        g_free (first);
        first = g_strdup (name);
      }

  if (first == NULL)
    return g_strdup ("/dev/dri/none");

  return g_build_filename ("/dev/dri", first, NULL);
}

/* Where GTK draws without GL (no GPU driver, a remote display,
 * GDK_DEBUG=gl-disable), WebKit's DMA-BUF renderer still sets up EGL, in
 * the UI process before the first web process starts and in every web
 * process: Mesa's software rasterizer and LLVM, for buffers that GTK then
 * copies on the CPU. Its shared-memory path draws the same pages with
 * none of it: some 40 MiB less, and the first page starts loading sooner.
 *
 * Even then, WebKit sets up EGL in the UI process once more, only to learn
 * which GPU device to name to each web process, for hardware buffers it no
 * longer makes: some 24 MiB of the UI process's memory (LLVM's relocations
 * among them) and a Mesa start on the way to the first page. Naming the
 * device ourselves spares it. The web process still sets up EGL of its
 * own, as it does for every WebKit app.
 *
 * WebKit reads both variables once, at the first load; a user's own
 * setting wins. */
static void
choose_buffer_transport (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GError) error = NULL;

  if (display == NULL || g_getenv ("WEBKIT_DISABLE_DMABUF_RENDERER") != NULL)
    return;

  if (gdk_display_prepare_gl (display, &error))
    return;

  g_debug ("GTK draws without GL (%s): web pages are drawn to shared memory", error->message);
  g_setenv ("WEBKIT_DISABLE_DMABUF_RENDERER", "1", TRUE);

  if (g_getenv ("WEBKIT_WEB_RENDER_DEVICE_FILE") == NULL)
    {
      g_autofree char *render_node = find_render_node ();

      g_setenv ("WEBKIT_WEB_RENDER_DEVICE_FILE", render_node, TRUE);
    }
}

void
_tauri_app_setup_web_context (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  const char *app_id = g_application_get_application_id (G_APPLICATION (self));

  choose_buffer_transport ();
  priv->web_context = webkit_web_context_new ();
  register_schemes (self, priv->web_context);
  set_up_web_extension (self, priv->web_context);
  set_up_languages (priv->web_context);

  if (priv->automation)
    {
      webkit_web_context_set_automation_allowed (priv->web_context, TRUE);
      g_signal_connect_object (priv->web_context, "automation-started",
                               G_CALLBACK (automation_started_cb), self, 0);
    }

  if (app_id != NULL && !priv->automation)
    {
      g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), app_id, "webkit", NULL);
      g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), app_id, "webkit", NULL);

      priv->network_session = webkit_network_session_new (data_dir, cache_dir);
    }
  else
    priv->network_session = webkit_network_session_new_ephemeral ();
}

/**
 * tauri_app_add_asset_scope:
 * @self: an application
 * @directory: a directory
 *
 * Lets the pages load the files below @directory through the asset
 * protocol: the URLs that `convertFileSrc()` of `@tauri-apps/api/core`
 * makes, `asset://localhost/<path>`. No directory is in the scope unless
 * added; a file outside the scope is refused with 403.
 *
 * Since: 0.1
 */
void
tauri_app_add_asset_scope (TauriApp   *self,
                           const char *directory)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_return_if_fail (TAURI_IS_APP (self));
  g_return_if_fail (directory != NULL);

  g_ptr_array_add (priv->asset_scope, g_canonicalize_filename (directory, NULL));
}

gboolean
_tauri_app_asset_in_scope (TauriApp   *self,
                           const char *path)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));
  g_assert (g_path_is_absolute (path));

  for (guint i = 0; i < priv->asset_scope->len; i++)
    {
      const char *directory = g_ptr_array_index (priv->asset_scope, i);
      gsize length = strlen (directory);

      if (strncmp (path, directory, length) == 0 &&
          (path[length] == G_DIR_SEPARATOR || directory[length - 1] == G_DIR_SEPARATOR))
        return TRUE;
    }

  return FALSE;
}

WebKitWebContext *
_tauri_app_get_web_context (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));

  return priv->web_context;
}

WebKitNetworkSession *
_tauri_app_get_network_session (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));

  return priv->network_session;
}

gboolean
_tauri_app_get_automation (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));

  return priv->automation;
}

GFile *
_tauri_app_dup_frontend_root (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  const char *base_path;
  g_autofree char *uri = NULL;

  g_assert (TAURI_IS_APP (self));

  if (priv->frontend == NULL)
    {
      base_path = g_application_get_resource_base_path (G_APPLICATION (self));
      if (base_path == NULL)
        return NULL;
      uri = g_strconcat ("resource://", base_path, "/frontend", NULL);
      return g_file_new_for_uri (uri);
    }

  if (_tauri_app_is_web_url (priv->frontend))
    return NULL;

  return g_file_new_for_commandline_arg (priv->frontend);
}

char *
_tauri_app_dup_start_uri (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_assert (TAURI_IS_APP (self));

  if (priv->frontend != NULL && _tauri_app_is_web_url (priv->frontend))
    return g_strdup (priv->frontend);

  return g_strdup (TAURI_APP_ORIGIN "/");
}

char *
_tauri_app_dup_trusted_origin (TauriApp *self)
{
  g_autofree char *start_uri = _tauri_app_dup_start_uri (self);

  return _tauri_origin_of (start_uri);
}

gboolean
_tauri_app_is_trusted_uri (TauriApp   *self,
                           const char *uri)
{
  g_autofree char *start_uri = NULL;

  g_assert (TAURI_IS_APP (self));

  start_uri = _tauri_app_dup_start_uri (self);
  return _tauri_origin_equal (uri, start_uri);
}

/* Scripts from the app's own files only; images and media also from the
 * asset protocol; styles inline too, as most front ends need. */
/**
 * tauri_app_get_content_security_policy:
 * @self: an application
 *
 * Gets the `Content-Security-Policy` of the app's pages; see
 * [property@App:content-security-policy].
 *
 * Returns: the policy, empty for none
 *
 * Since: 0.1
 */
const char *
tauri_app_get_content_security_policy (TauriApp *self)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_return_val_if_fail (TAURI_IS_APP (self), NULL);

  return priv->csp ? priv->csp : "";
}

/**
 * tauri_app_set_content_security_policy:
 * @self: an application
 * @policy: (nullable): the policy, such as %TAURI_APP_STRICT_CSP, or
 *   %NULL or an empty string for none
 *
 * Sets the `Content-Security-Policy` of the app's pages; see
 * [property@App:content-security-policy].
 *
 * Since: 0.1
 */
void
tauri_app_set_content_security_policy (TauriApp   *self,
                                       const char *policy)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);

  g_return_if_fail (TAURI_IS_APP (self));

  if (g_strcmp0 (priv->csp, policy) == 0)
    return;

  g_free (priv->csp);
  priv->csp = g_strdup (policy);
  g_object_notify (G_OBJECT (self), "content-security-policy");
}

const char *
_tauri_app_get_csp (TauriApp *self)
{
  const char *policy = tauri_app_get_content_security_policy (self);

  return *policy == '\0' ? NULL : policy;
}

/**
 * tauri_app_allow_navigation:
 * @self: an application
 * @origin: an origin, such as `https://example.com`, or `*` for any
 *
 * Lets the app's windows show pages of @origin. By default a window never
 * leaves the app's own origin: a link elsewhere opens in the user's browser
 * (see [signal@App::open-external]) and other navigations are refused.
 * Pages of other origins never reach the commands, allowed or not.
 *
 * Since: 0.1
 */
void
tauri_app_allow_navigation (TauriApp   *self,
                            const char *origin)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  char *allowed;

  g_return_if_fail (TAURI_IS_APP (self));
  g_return_if_fail (origin != NULL);

  if (g_str_equal (origin, "*"))
    g_ptr_array_add (priv->navigation, g_strdup (origin));
  else if ((allowed = _tauri_origin_of (origin)) != NULL)
    g_ptr_array_add (priv->navigation, allowed);
  else
    g_critical ("%s: “%s” is not an origin", G_STRFUNC, origin);
}

gboolean
_tauri_app_may_navigate (TauriApp   *self,
                         const char *uri)
{
  TauriAppPrivate *priv = _tauri_app_get_private (self);
  g_autofree char *origin = NULL;

  g_assert (TAURI_IS_APP (self));

  if (uri == NULL || g_str_equal (uri, "about:blank") || _tauri_app_is_trusted_uri (self, uri))
    return TRUE;

  origin = _tauri_origin_of (uri);
  for (guint i = 0; i < priv->navigation->len; i++)
    {
      const char *allowed = g_ptr_array_index (priv->navigation, i);

      if (g_str_equal (allowed, "*") || g_strcmp0 (allowed, origin) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
_tauri_app_real_open_external (TauriApp   *self,
                               const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (_tauri_app_get_private (self)->skip_default_open_external)
    return FALSE;

  /* Only what a browser or a mail client opens: never a local file. */
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0 &&
      g_strcmp0 (scheme, "mailto") != 0)
    {
      g_message ("Refused to open %s outside the app", uri);
      return TRUE;
    }

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_message ("Could not open %s in the browser: %s", uri, error->message);

  return TRUE;
}
