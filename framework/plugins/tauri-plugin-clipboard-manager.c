/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-plugin-clipboard-manager-private.h"
#include "tauri-window.h"

/*
 * Tauri's clipboard-manager plugin (@tauri-apps/plugin-clipboard-manager)
 * on the calling window's GdkClipboard: writeText(), readText(), writeHtml()
 * (HTML with a plain-text alternative) and clear(). Reading is
 * asynchronous, so the main loop never waits for the clipboard's owner.
 */

/* arboard's text, which Tauri's plugin rejects with. */
#define NOT_AVAILABLE "The clipboard contents were not available in the requested format or the clipboard is empty."

static GdkClipboard *
window_clipboard (TauriInvocation *invocation)
{
  return gtk_widget_get_clipboard (GTK_WIDGET (tauri_invocation_get_window (invocation)));
}

static void
clipboard_write_text (TauriInvocation *invocation,
                      gpointer         user_data)
{
  gdk_clipboard_set_text (window_clipboard (invocation), tauri_invocation_get_string (invocation, "text"));
  tauri_invocation_return_value (invocation, NULL);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TauriInvocation) invocation = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL)
    tauri_invocation_return_error_message (invocation, NOT_AVAILABLE);
  else
    tauri_invocation_return_string (invocation, text);
}

static void
clipboard_read_text (TauriInvocation *invocation,
                     gpointer         user_data)
{
  GdkClipboard *clipboard = window_clipboard (invocation);
  g_autoptr(GdkContentFormats) formats = NULL;

  /* Nothing that reads as text: no need to ask. */
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (!gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      tauri_invocation_return_error_message (invocation, NOT_AVAILABLE);
      return;
    }

  gdk_clipboard_read_text_async (clipboard, tauri_invocation_get_cancellable (invocation),
                                 read_text_cb, g_object_ref (invocation));
}

static void
clipboard_write_html (TauriInvocation *invocation,
                      gpointer         user_data)
{
  const char *html = tauri_invocation_get_string (invocation, "html");
  const char *alt_text = tauri_invocation_get_string (invocation, "alt_text");
  g_autoptr(GBytes) html_bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GBytes) text_bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  alt_text = alt_text != NULL ? alt_text : html;
  text_bytes = g_bytes_new (alt_text, strlen (alt_text));
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  gdk_clipboard_set_content (window_clipboard (invocation), provider);
  tauri_invocation_return_value (invocation, NULL);
}

static void
clipboard_clear (TauriInvocation *invocation,
                 gpointer         user_data)
{
  gdk_clipboard_set_content (window_clipboard (invocation), NULL);
  tauri_invocation_return_value (invocation, NULL);
}

static const struct {
  const char       *name;
  const char       *parameters;
  TauriCommandFunc  func;
} commands[] = {
  { "plugin:clipboard-manager|write_text", "text: string, label?: string",     clipboard_write_text },
  { "plugin:clipboard-manager|read_text",  NULL,                               clipboard_read_text },
  { "plugin:clipboard-manager|write_html", "html: string, alt_text?: string",  clipboard_write_html },
  { "plugin:clipboard-manager|clear",      NULL,                               clipboard_clear },
};

void
_tauri_plugin_clipboard_manager_register (TauriApp             *app,
                                          TauriCommandRegistry *registry)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    tauri_command_registry_add (registry,
                                tauri_command_new (commands[i].name, commands[i].parameters,
                                                   TAURI_COMMAND_FLAGS_WITH_WINDOW,
                                                   commands[i].func, app, NULL));
}
