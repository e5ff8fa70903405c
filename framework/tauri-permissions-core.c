/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-permissions-private.h"

/*
 * The manifests of the framework's own host commands, as Tauri's build
 * generates them for its core modules (tauri `crates/tauri/build.rs`):
 * `core:<module>` has `allow-<command>` and `deny-<command>` for each of
 * the module's commands and a `default` set of the commands that are safe
 * by default, and `core:default` is the set of every module's default.
 *
 * They name every command Tauri has, including those tauri-gtk does not
 * implement, so that a capability file written for Tauri loads as it is;
 * calling one of those rejects as unsupported.
 */

typedef struct
{
  const char *module;
  /* The commands, space-separated; a leading `+` marks those in the
   * module's default set. */
  const char *commands;
} CoreModule;

static const CoreModule core_modules[] = {
  { "path",
    "+resolve_directory +resolve +normalize +join +dirname +extname +basename +is_absolute" },
  { "event",
    "+listen +unlisten +emit +emit_to" },
  { "window",
    "create +get_all_windows +scale_factor +inner_position +outer_position +inner_size "
    "+outer_size +is_fullscreen +is_minimized +is_maximized +is_focused +is_decorated "
    "+is_resizable +is_maximizable +is_minimizable +is_closable +is_visible +is_enabled "
    "+title +current_monitor +primary_monitor +monitor_from_point +available_monitors "
    "+cursor_position +theme +is_always_on_top "
    "center request_user_attention set_enabled set_resizable set_maximizable "
    "set_minimizable set_closable set_title maximize unmaximize minimize unminimize show "
    "hide close destroy set_decorations set_shadow set_effects set_always_on_top "
    "set_always_on_bottom set_visible_on_all_workspaces set_content_protected set_size "
    "set_min_size set_size_constraints set_max_size set_position set_fullscreen set_focus "
    "set_skip_taskbar set_cursor_grab set_cursor_visible set_cursor_icon "
    "set_cursor_position set_ignore_cursor_events start_dragging start_resize_dragging "
    "set_progress_bar set_badge_count set_overlay_icon set_badge_label set_icon "
    "set_title_bar_style set_theme toggle_maximize set_background_color "
    "+internal_toggle_maximize" },
  { "webview",
    "create_webview create_webview_window +get_all_webviews +webview_position "
    "+webview_size webview_close set_webview_size set_webview_position set_webview_focus "
    "set_webview_auto_resize set_webview_zoom webview_hide webview_show print reparent "
    "clear_all_browsing_data set_webview_background_color +internal_toggle_devtools" },
  { "app",
    "+version +name +tauri_version +identifier app_show app_hide "
    "fetch_data_store_identifiers remove_data_store default_window_icon set_app_theme "
    "set_dock_visibility" },
  { "image",
    "+new +from_bytes +from_path +rgba +size" },
  { "resources",
    "+close" },
  { "menu",
    "+new +append +prepend +insert +remove +remove_at +items +get +popup +create_default "
    "+set_as_app_menu +set_as_window_menu +text +set_text +is_enabled +set_enabled "
    "+set_accelerator +set_as_windows_menu_for_nsapp +set_as_help_menu_for_nsapp "
    "+is_checked +set_checked +set_icon" },
  { "tray",
    "+new +get_by_id +remove_by_id +set_icon +set_menu +set_tooltip +set_title "
    "+set_visible +set_temp_dir_path +set_icon_as_template +set_show_menu_on_left_click" },
};

/* `core:<module>` for each module, then `core` with its default set. */
GPtrArray *
_tauri_manifests_new_core (void)
{
  GPtrArray *manifests = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_manifest_free);
  g_autoptr(GStrvBuilder) defaults = g_strv_builder_new ();
  TauriManifest *core;

  for (guint i = 0; i < G_N_ELEMENTS (core_modules); i++)
    {
      g_autofree char *key = g_strconcat ("core:", core_modules[i].module, NULL);
      g_autofree char *default_id = g_strconcat (key, ":default", NULL);
      g_auto(GStrv) commands = g_strsplit (core_modules[i].commands, " ", -1);
      TauriManifest *manifest = _tauri_manifest_new (key);

      for (guint j = 0; commands[j] != NULL; j++)
        {
          gboolean in_default = commands[j][0] == '+';

          _tauri_manifest_add_command (manifest, commands[j] + (in_default ? 1 : 0), in_default);
        }

      g_strv_builder_add (defaults, default_id);
      g_ptr_array_add (manifests, manifest);
    }

  core = _tauri_manifest_new ("core");
  core->default_set = g_new0 (TauriPermissionSet, 1);
  core->default_set->identifier = g_strdup ("default");
  core->default_set->permissions = g_strv_builder_end (defaults);
  g_ptr_array_add (manifests, core);

  return manifests;
}
