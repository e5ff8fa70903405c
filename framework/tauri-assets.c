/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-assets-private.h"
#include "tauri-window-private.h"

/*
 * The tauri:// scheme: serves the front end from the app's resources or from
 * a directory, at tauri://localhost/, and takes the calls whose body is raw
 * bytes at tauri://localhost/__tauri_ipc__/<command>.
 */

#define IPC_PATH "/__tauri_ipc__/"

static const struct {
  const char *extension;
  const char *mime_type;
} mime_types[] = {
  /* What a web front end is made of, so that the answer never depends on
   * the shared-mime-info database of the machine. */
  { ".html",  "text/html; charset=utf-8" },
  { ".htm",   "text/html; charset=utf-8" },
  { ".js",    "text/javascript; charset=utf-8" },
  { ".mjs",   "text/javascript; charset=utf-8" },
  { ".css",   "text/css; charset=utf-8" },
  { ".json",  "application/json" },
  { ".map",   "application/json" },
  { ".wasm",  "application/wasm" },
  { ".svg",   "image/svg+xml" },
  { ".png",   "image/png" },
  { ".jpg",   "image/jpeg" },
  { ".jpeg",  "image/jpeg" },
  { ".gif",   "image/gif" },
  { ".webp",  "image/webp" },
  { ".avif",  "image/avif" },
  { ".ico",   "image/x-icon" },
  { ".woff",  "font/woff" },
  { ".woff2", "font/woff2" },
  { ".ttf",   "font/ttf" },
  { ".otf",   "font/otf" },
  { ".txt",   "text/plain; charset=utf-8" },
  { ".xml",   "application/xml" },
  { ".mp3",   "audio/mpeg" },
  { ".ogg",   "audio/ogg" },
  { ".wav",   "audio/wav" },
  { ".mp4",   "video/mp4" },
  { ".webm",  "video/webm" },
};

char *
_tauri_assets_dup_mime_type (const char *path)
{
  const char *extension = strrchr (path, '.');
  g_autofree char *content_type = NULL;
  char *mime_type;

  if (extension != NULL && strchr (extension, '/') == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
        {
          if (g_ascii_strcasecmp (extension, mime_types[i].extension) == 0)
            return g_strdup (mime_types[i].mime_type);
        }
    }

  content_type = g_content_type_guess (path, NULL, 0, NULL);
  mime_type = g_content_type_get_mime_type (content_type);

  return mime_type ? mime_type : g_strdup ("application/octet-stream");
}

/* Turns a URL path into a path relative to the front end's root, or NULL
 * when it is not one: `..` never leaves the root, and `/` is index.html. */
char *
_tauri_assets_resolve_path (const char *uri_path)
{
  g_autofree char *decoded = NULL;
  g_autofree char *canonical = NULL;

  if (uri_path == NULL || *uri_path == '\0')
    uri_path = "/";

  decoded = g_uri_unescape_string (uri_path, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  canonical = g_canonicalize_filename (decoded, "/");
  if (g_str_has_suffix (decoded, "/"))
    {
      g_autofree char *directory = g_steal_pointer (&canonical);

      canonical = g_build_filename (directory, "index.html", NULL);
    }

  /* g_canonicalize_filename() keeps a leading `//`. */
  return g_strdup (canonical + strspn (canonical, "/"));
}

static void
finish_with_status (WebKitURISchemeRequest *request,
                    guint                   status,
                    const char             *reason)
{
  g_autoptr(GBytes) body = g_bytes_new (reason, strlen (reason));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (body));

  webkit_uri_scheme_response_set_status (response, status, reason);
  webkit_uri_scheme_response_set_content_type (response, "text/plain; charset=utf-8");
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
contents_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = g_file_get_basename (G_FILE (object));
  g_autofree char *mime_type = _tauri_assets_dup_mime_type (basename);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        finish_with_status (request, 404, "Not Found");
      else
        finish_with_status (request, 500, "Internal Server Error");
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  response = webkit_uri_scheme_response_new (stream, length);
  webkit_uri_scheme_response_set_content_type (response, mime_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
request_cb (WebKitURISchemeRequest *request,
            gpointer                user_data)
{
  TauriApp *app = user_data;
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *relative = NULL;

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "localhost") != 0)
    {
      finish_with_status (request, 404, "Not Found");
      return;
    }

  if (g_str_has_prefix (g_uri_get_path (uri), IPC_PATH))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (webkit_uri_scheme_request_get_web_view (request)),
                                                   TAURI_TYPE_WINDOW);
      g_autofree char *name = g_uri_unescape_string (g_uri_get_path (uri) + strlen (IPC_PATH), NULL);
      TauriBridge *bridge = window ? _tauri_window_get_bridge (TAURI_WINDOW (window)) : NULL;

      if (bridge != NULL && name != NULL)
        _tauri_bridge_handle_ipc_request (bridge, request, name);
      else
        finish_with_status (request, 404, "Not Found");
      return;
    }

  root = _tauri_app_dup_frontend_root (app);
  relative = _tauri_assets_resolve_path (g_uri_get_path (uri));
  if (root == NULL || relative == NULL)
    {
      finish_with_status (request, 404, "Not Found");
      return;
    }

  file = g_file_resolve_relative_path (root, relative);
  g_file_load_contents_async (file, NULL, contents_loaded_cb, g_object_ref (request));
}

void
_tauri_assets_register (TauriApp         *app,
                        WebKitWebContext *context)
{
  g_assert (TAURI_IS_APP (app));
  g_assert (WEBKIT_IS_WEB_CONTEXT (context));

  /* The context belongs to the app, so the app outlives the handler. */
  webkit_web_context_register_uri_scheme (context, "tauri", request_cb, app, NULL);
}
