/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tauri-app-config-private.h"
#include "tauri-app-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-enums.h"
#include "tauri-events-private.h"
#include "tauri-json-private.h"
#include "tauri-plugins-private.h"
#include "tauri-window-private.h"

/**
 * TauriWindow:
 *
 * A window of a [class@App]: one [class@WebKit.WebView] showing the
 * application's front end, and a label that names the window for the
 * application and for its pages (`getCurrentWindow().label` in
 * `@tauri-apps/api`). Windows are opened with [method@App.open_window].
 *
 * The window's title follows its page's title. When the page calls
 * `window.close()`, the window closes; commands still running for it are
 * cancelled, and their answers are dropped.
 *
 * Its page hears the window's events as a Tauri page does:
 * `tauri://focus`, `tauri://blur`, `tauri://resize` (with the new
 * `PhysicalSize`) and `tauri://close-requested`. While the page listens to
 * `tauri://close-requested` (as `onCloseRequested()` does), closing the
 * window asks the page, which destroys the window or not.
 *
 * A command created with %TAURI_COMMAND_FLAGS_WITH_WINDOW gets the window
 * its call came from, like a Tauri command with `with_window`:
 *
 * ```c
 * static void
 * window_label (TauriInvocation *invocation,
 *               gpointer         user_data)
 * {
 *   TauriWindow *window = tauri_invocation_get_window (invocation);
 *
 *   tauri_invocation_return_string (invocation, tauri_window_get_label (window));
 * }
 * ```
 *
 * Since: 0.1
 */

struct _TauriWindow
{
  GtkApplicationWindow  parent_instance;

  char                 *label;
  TauriWebProcess       web_process;
  WebKitWebView        *web_view;
  TauriBridge          *bridge;
  guint                 resize_source;
  int                   last_width;
  int                   last_height;
  gint64                last_crash;
  guint                 crashes_in_a_row;

  /* What the user last activated, and when the browser was last opened
   * (tauri-window-policy.c). */
  TauriWindowPolicy     policy;
  char                 *start_uri;
  gboolean              fixed_title;    /* set by the configuration, not the page */

  /* Shown once its first page has loaded (see
   * _tauri_window_present_when_loaded()). */
  guint                 present_source;
  gboolean              present_pending;
  gboolean              present_focus;
};

/* A window waits this long at most for its first page to load. */
#define PRESENT_DELAY_MS 1500

/* A page whose process dies again this soon is not reloaded again. */
#define CRASH_LOOP_TIME (30 * G_TIME_SPAN_SECOND)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_WEB_VIEW,
  PROP_WEB_PROCESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TauriWindow, tauri_window, GTK_TYPE_APPLICATION_WINDOW)

/* The size of the window's page in device pixels, as Tauri's innerSize(). */
void
_tauri_window_get_inner_size (TauriWindow *window,
                              int         *width,
                              int         *height)
{
  GtkWidget *web_view = GTK_WIDGET (tauri_window_get_web_view (window));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (window));

  *width = gtk_widget_get_width (web_view);
  *height = gtk_widget_get_height (web_view);

  /* Not shown yet: the size it will have. */
  if (*width == 0 || *height == 0)
    gtk_window_get_default_size (GTK_WINDOW (window), width, height);

  *width *= scale;
  *height *= scale;
}

static void
present_now (TauriWindow *self)
{
  gboolean focus = self->present_focus;

  g_clear_handle_id (&self->present_source, g_source_remove);
  if (!self->present_pending)
    return;

  self->present_pending = FALSE;
  if (focus)
    gtk_window_present (GTK_WINDOW (self));
  else
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  TauriWindow *self = user_data;

  self->present_source = 0;
  present_now (self);
  return G_SOURCE_REMOVE;
}

/* Shown by anyone (the page's show(), the app): nothing left to do. */
static void
map_cb (TauriWindow *self,
        gpointer     user_data)
{
  self->present_pending = FALSE;
  g_clear_handle_id (&self->present_source, g_source_remove);
}

/* Shows @self once its first page has loaded, so that it never shows a
 * blank frame first (as a Tauri app that opens its window hidden and
 * calls show()), or after PRESENT_DELAY_MS at the latest; with the focus
 * when @focus. Its page loads and runs meanwhile as in a shown window. */
void
_tauri_window_present_when_loaded (TauriWindow *self,
                                   gboolean     focus)
{
  g_assert (TAURI_IS_WINDOW (self));

  self->present_pending = TRUE;
  self->present_focus = focus;
  g_clear_handle_id (&self->present_source, g_source_remove);
  self->present_source = g_timeout_add (PRESENT_DELAY_MS, present_timeout_cb, self);
  g_source_set_name_by_id (self->present_source, "[tauri] present window");
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 TauriWindow     *self)
{
  switch (load_event)
    {
    /* Another page is on its way: the calls of the one showing end now,
     * rather than keep running until it commits. */
    case WEBKIT_LOAD_STARTED:
      _tauri_bridge_abandon_calls (self->bridge);
      break;

    case WEBKIT_LOAD_COMMITTED:
      _tauri_bridge_page_committed (self->bridge, webkit_web_view_get_uri (web_view));
      break;

    case WEBKIT_LOAD_FINISHED:
      _tauri_bridge_page_loaded (self->bridge);
      present_now (self);
      if (self->web_process == TAURI_WEB_PROCESS_SHARED)
        _tauri_app_update_spare_view (tauri_window_get_app (self));
      break;

    case WEBKIT_LOAD_REDIRECTED:
    default:
      break;
    }
}

static const char crash_page[] =
  "<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title>"
  "<style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:90vh;"
  "color:#333;background:#fafafb}@media(prefers-color-scheme:dark){body{color:#eee;background:#222226}}"
  "a{display:inline-block;margin-top:1em;padding:.5em 1.2em;border-radius:6px;background:#3584e4;"
  "color:#fff;text-decoration:none}</style></head>"
  "<body><div><h1>%s</h1><p>%s</p><a href='%s'>%s</a></div></body></html>";

/* The page's process is gone, crashed or killed: its calls are cancelled,
 * and the page comes back once; should it die again at once, the window
 * says so and offers to reload. Should even that page die (a web process
 * that cannot start at all, say), the window is left as it is: loading
 * again would only loop. */
static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           TauriWindow                       *self)
{
  gint64 now = g_get_monotonic_time ();
  const char *start_uri = self->start_uri;
  g_autofree char *html = NULL;

  g_message ("The page of window “%s” stopped (%s)", self->label,
             reason == WEBKIT_WEB_PROCESS_CRASHED ? "crashed" :
             reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT ? "out of memory" : "terminated");
  _tauri_bridge_abandon_calls (self->bridge);

  if (self->last_crash == 0 || now - self->last_crash > CRASH_LOOP_TIME)
    self->crashes_in_a_row = 0;
  self->last_crash = now;
  self->crashes_in_a_row++;

  if (self->crashes_in_a_row == 1)
    {
      webkit_web_view_load_uri (web_view, start_uri);
      return;
    }
  if (self->crashes_in_a_row > 2)
    {
      g_message ("The page of window “%s” is left stopped: its process ended %u times in a row",
                 self->label, self->crashes_in_a_row);
      return;
    }

  html = g_strdup_printf (crash_page, _("Page stopped"), _("This page stopped working"),
                          _("Its process ended twice in a row."), start_uri, _("Reload"));
  webkit_web_view_load_alternate_html (web_view, html, start_uri, NULL);
}

static void
title_changed_cb (WebKitWebView *web_view,
                  GParamSpec    *pspec,
                  TauriWindow   *self)
{
  const char *title = webkit_web_view_get_title (web_view);

  if (self->fixed_title)
    return;

  if (title == NULL || *title == '\0')
    title = g_get_application_name ();

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
close_cb (WebKitWebView *web_view,
          TauriWindow   *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* A window event goes to the listeners of this window, as Tauri's do. */
static void
emit_own (TauriWindow *self,
          const char  *event,
          JsonNode    *payload)
{
  TauriApp *app = tauri_window_get_app (self);
  TauriEventTarget target = { TAURI_EVENT_TARGET_WINDOW, self->label };

  if (app != NULL && self->bridge != NULL)
    _tauri_events_emit (app, event, payload, &target, self);
}

static void
is_active_cb (TauriWindow *self,
              GParamSpec  *pspec,
              gpointer     user_data)
{
  emit_own (self, gtk_window_is_active (GTK_WINDOW (self)) ? "tauri://focus" : "tauri://blur", NULL);
}

static gboolean
emit_resize_cb (gpointer user_data)
{
  TauriWindow *self = user_data;
  g_autoptr(JsonNode) size = NULL;
  int width, height;

  self->resize_source = 0;
  _tauri_window_get_inner_size (self, &width, &height);
  if (width == self->last_width && height == self->last_height)
    return G_SOURCE_REMOVE;
  self->last_width = width;
  self->last_height = height;

  size = _tauri_json_from_size (width, height);
  emit_own (self, "tauri://resize", size);
  return G_SOURCE_REMOVE;
}

/* The surface changed size; the web view is allocated after, so the size
 * is read once the frame is laid out. */
static void
layout_cb (GdkSurface  *surface,
           int          width,
           int          height,
           TauriWindow *self)
{
  if (self->resize_source == 0)
    self->resize_source = g_idle_add_full (G_PRIORITY_LOW, emit_resize_cb, self, NULL);
}

static void
realize_cb (TauriWindow *self,
            gpointer     user_data)
{
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "layout",
                           G_CALLBACK (layout_cb), self, 0);
}

static gboolean
tauri_window_close_request (GtkWindow *window)
{
  TauriWindow *self = TAURI_WINDOW (window);

  /* A page that listens decides: it destroys the window, or keeps it. */
  if (self->bridge != NULL && _tauri_events_has_listener (self, "tauri://close-requested"))
    {
      emit_own (self, "tauri://close-requested", NULL);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (tauri_window_parent_class)->close_request (window);
}

static WebKitSettings *
new_settings (TauriApp *app)
{
  WebKitSettings *settings = webkit_settings_new ();

  webkit_settings_set_enable_developer_extras (settings, tauri_app_get_developer_mode (app));
  /* Each document has a token of its own, retired when another commits: a
   * page brought back from the back-forward cache would hold one no longer
   * taken. Going back loads the page again. */
  webkit_settings_set_enable_page_cache (settings, FALSE);

  return settings;
}

/* A shared window's view is related to another shared window's, whose web
 * process it then takes: WebKit gives it that view's context and network
 * session, and takes neither from the caller. Its content manager and
 * settings stay its own. */
static WebKitWebView *
create_web_view (TauriWindow *self,
                 TauriApp    *app)
{
  g_autoptr(WebKitSettings) settings = new_settings (app);
  WebKitUserContentManager *content_manager = _tauri_bridge_get_content_manager (self->bridge);
  WebKitWebView *related = NULL;

  if (self->web_process == TAURI_WEB_PROCESS_SHARED)
    related = _tauri_app_find_shared_view (app);

  if (related != NULL)
    return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                         "related-view", related,
                         "user-content-manager", content_manager,
                         "settings", settings,
                         NULL);

  return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", _tauri_app_get_web_context (app),
                       "network-session", _tauri_app_get_network_session (app),
                       "user-content-manager", content_manager,
                       "is-controlled-by-automation", _tauri_app_get_automation (app),
                       "settings", settings,
                       NULL);
}

static void
tauri_window_dispose (GObject *object)
{
  TauriWindow *self = TAURI_WINDOW (object);

  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_handle_id (&self->present_source, g_source_remove);

  if (self->bridge != NULL)
    _tauri_bridge_close (self->bridge);

  G_OBJECT_CLASS (tauri_window_parent_class)->dispose (object);

  g_clear_object (&self->web_view);
  g_clear_object (&self->bridge);
}

static void
tauri_window_finalize (GObject *object)
{
  TauriWindow *self = TAURI_WINDOW (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->start_uri, g_free);

  G_OBJECT_CLASS (tauri_window_parent_class)->finalize (object);
}

static void
tauri_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TauriWindow *self = TAURI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, tauri_window_get_label (self));
      break;

    case PROP_WEB_VIEW:
      g_value_set_object (value, tauri_window_get_web_view (self));
      break;

    case PROP_WEB_PROCESS:
      g_value_set_enum (value, tauri_window_get_web_process (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TauriWindow *self = TAURI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_WEB_PROCESS:
      self->web_process = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_window_class_init (TauriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tauri_window_dispose;
  object_class->finalize = tauri_window_finalize;
  object_class->get_property = tauri_window_get_property;
  object_class->set_property = tauri_window_set_property;

  GTK_WINDOW_CLASS (klass)->close_request = tauri_window_close_request;

  /**
   * TauriWindow:label: (getter get_label)
   *
   * The window's label, unique among the application's windows. It never
   * changes, so it may be read from any thread.
   *
   * Since: 0.1
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriWindow:web-view: (getter get_web_view)
   *
   * The web view showing the front end.
   *
   * Since: 0.1
   */
  properties[PROP_WEB_VIEW] =
    g_param_spec_object ("web-view", NULL, NULL,
                         WEBKIT_TYPE_WEB_VIEW,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TauriWindow:web-process: (getter get_web_process)
   *
   * Which web process the window's pages run in. By default the windows
   * of an application share one: a further window costs no new process
   * and a few MiB, and opens in a fraction of the time. A window that a
   * capability lets remote pages call (its `remote.urls`) may show another
   * origin's pages, and gets a process of its own; so does any window
   * opened with %TAURI_WEB_PROCESS_OWN, by
   * [method@App.open_window_with_web_process] or by `"webProcess": "own"`
   * in its `app.windows` entry of `tauri.conf.json`.
   *
   * Given as %TAURI_WEB_PROCESS_AUTOMATIC, it reads as the process chosen.
   * Should a shared process die, every window that shared it loads its
   * page again, as a window of its own does.
   *
   * Since: 0.1
   */
  properties[PROP_WEB_PROCESS] =
    g_param_spec_enum ("web-process", NULL, NULL,
                       TAURI_TYPE_WEB_PROCESS,
                       TAURI_WEB_PROCESS_AUTOMATIC,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tauri_window_init (TauriWindow *self)
{
}

/**
 * tauri_window_get_label:
 * @self: a window
 *
 * Gets the window's label. It never changes, so it may be read from any
 * thread.
 *
 * Returns: the label
 *
 * Since: 0.1
 */
const char *
tauri_window_get_label (TauriWindow *self)
{
  g_return_val_if_fail (TAURI_IS_WINDOW (self), NULL);

  return self->label;
}

/**
 * tauri_window_get_web_view:
 * @self: a window
 *
 * Gets the web view showing the front end.
 *
 * Returns: (transfer none): the web view
 *
 * Since: 0.1
 */
WebKitWebView *
tauri_window_get_web_view (TauriWindow *self)
{
  g_return_val_if_fail (TAURI_IS_WINDOW (self), NULL);

  return self->web_view;
}

/**
 * tauri_window_get_web_process:
 * @self: a window
 *
 * Gets which web process the window's pages run in; see
 * [property@Window:web-process].
 *
 * Returns: %TAURI_WEB_PROCESS_SHARED or %TAURI_WEB_PROCESS_OWN
 *
 * Since: 0.1
 */
TauriWebProcess
tauri_window_get_web_process (TauriWindow *self)
{
  g_return_val_if_fail (TAURI_IS_WINDOW (self), TAURI_WEB_PROCESS_AUTOMATIC);

  return self->web_process;
}

/**
 * tauri_window_get_app:
 * @self: a window
 *
 * Gets the application the window belongs to.
 *
 * Returns: (transfer none) (nullable): the application, or %NULL once the
 *   window has been removed from it
 *
 * Since: 0.1
 */
TauriApp *
tauri_window_get_app (TauriWindow *self)
{
  GtkApplication *application;

  g_return_val_if_fail (TAURI_IS_WINDOW (self), NULL);

  application = gtk_window_get_application (GTK_WINDOW (self));
  return TAURI_IS_APP (application) ? TAURI_APP (application) : NULL;
}

/* The page a window opens: the front end's start, or the configured `url`,
 * a path of the front end or an http(s) URL. */
static char *
dup_start_uri (TauriApp                *app,
               const TauriWindowConfig *config)
{
  g_autofree char *start = _tauri_app_dup_start_uri (app);

  if (config == NULL || config->url == NULL)
    return g_steal_pointer (&start);

  return g_uri_resolve_relative (start, config->url, G_URI_FLAGS_NONE, NULL);
}

/* What `app.windows` says of this window; Tauri's defaults with an entry,
 * tauri-gtk's without. */
static void
apply_config (TauriWindow             *self,
              const TauriWindowConfig *config)
{
  GtkWindow *window = GTK_WINDOW (self);

  if (config == NULL)
    {
      gtk_window_set_default_size (window, 960, 720);
      return;
    }

  gtk_window_set_default_size (window, (int) config->width, (int) config->height);
  if (config->min_width > 0 || config->min_height > 0)
    gtk_widget_set_size_request (GTK_WIDGET (self), (int) config->min_width, (int) config->min_height);
  gtk_window_set_resizable (window, config->resizable);
  gtk_window_set_decorated (window, config->decorations);
  if (config->maximized)
    gtk_window_maximize (window);
  if (config->fullscreen)
    gtk_window_fullscreen (window);
  if (config->title != NULL)
    {
      gtk_window_set_title (window, config->title);
      self->fixed_title = TRUE;
    }
}

/* The web process a window asked for, as its configuration says when it
 * did not; automatic: shared, unless remote pages may call it. */
static TauriWebProcess
choose_web_process (TauriApp                *app,
                    const char              *label,
                    const TauriWindowConfig *config,
                    TauriWebProcess          web_process)
{
  if (web_process == TAURI_WEB_PROCESS_AUTOMATIC && config != NULL)
    web_process = config->web_process;

  if (web_process != TAURI_WEB_PROCESS_AUTOMATIC)
    return web_process;

  return _tauri_command_registry_has_remote (tauri_app_get_registry (app), label)
         ? TAURI_WEB_PROCESS_OWN : TAURI_WEB_PROCESS_SHARED;
}

TauriWindow *
_tauri_window_new (TauriApp        *app,
                   const char      *label,
                   TauriWebProcess  web_process)
{
  const TauriWindowConfig *config;
  TauriWindow *self;

  g_assert (TAURI_IS_APP (app));
  g_assert (label != NULL);

  config = _tauri_app_find_window_config (app, label);
  self = g_object_new (TAURI_TYPE_WINDOW,
                       "label", label,
                       "web-process", choose_web_process (app, label, config, web_process),
                       NULL);

  /* A shared window takes the view the app made ahead, if it has one. */
  if (self->web_process == TAURI_WEB_PROCESS_SHARED)
    self->web_view = _tauri_app_take_spare_view (app);

  if (self->web_view != NULL)
    {
      g_autoptr(WebKitSettings) settings = new_settings (app);

      webkit_web_view_set_settings (self->web_view, settings);
      self->bridge = _tauri_bridge_new (self, app, webkit_web_view_get_user_content_manager (self->web_view));
    }
  else
    {
      self->bridge = _tauri_bridge_new (self, app, NULL);
      self->web_view = g_object_ref_sink (create_web_view (self, app));
    }
  _tauri_bridge_extension_watch (self->bridge, self->web_view);

  /* `withGlobalTauri: false`: the page has the package's API alone. */
  if (!_tauri_app_get_private (app)->with_global_tauri)
    {
      g_autoptr(WebKitUserScript) script =
        webkit_user_script_new ("delete window.__TAURI__;", WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, NULL, NULL);

      webkit_user_content_manager_add_script (_tauri_bridge_get_content_manager (self->bridge), script);
    }

  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, 0);
  g_signal_connect_object (self->web_view, "notify::title",
                           G_CALLBACK (title_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "close",
                           G_CALLBACK (close_cb), self, 0);
  _tauri_window_policy_watch (self, self->web_view);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_window_set_title (GTK_WINDOW (self), _tauri_app_get_name (app));
  apply_config (self, config);
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->web_view));

  /* The app hears of the window (GtkApplication::window-added) once it has
   * its web view. */
  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (app));

  /* Plugins add their scripts and restore what they keep of the window. */
  _tauri_plugins_setup_window (app, self);

  self->start_uri = dup_start_uri (app, config);
  webkit_web_view_load_uri (self->web_view, self->start_uri);

  return self;
}

TauriBridge *
_tauri_window_get_bridge (TauriWindow *self)
{
  g_assert (TAURI_IS_WINDOW (self));

  return self->bridge;
}

TauriWindowPolicy *
_tauri_window_get_policy (TauriWindow *self)
{
  g_assert (TAURI_IS_WINDOW (self));

  return &self->policy;
}
