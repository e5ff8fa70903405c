/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tauri-app-private.h"
#include "tauri-assets-private.h"

/*
 * What the app's schemes serve: the front end at tauri://localhost/, from
 * the app's resources or from a directory, and the files of the asset scope
 * at asset://localhost/<path>. tauri-app-web.c registers the schemes.
 */

/* The asset protocol answers a range request with at most this much, as
 * servers may: players ask for the rest. */
#define MAX_RANGE_LENGTH (8 * 1024 * 1024)

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

typedef struct
{
  WebKitURISchemeRequest *request;
  char                   *csp;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->request);
  g_free (load->csp);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
contents_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  WebKitURISchemeRequest *request = load->request;
  const char *csp = load->csp;
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

  /* The app's pages carry its Content-Security-Policy. */
  if (csp != NULL && g_str_has_prefix (mime_type, "text/html"))
    {
      SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

      soup_message_headers_replace (headers, "Content-Type", mime_type);
      soup_message_headers_replace (headers, "Content-Security-Policy", csp);
      webkit_uri_scheme_response_set_http_headers (response, headers);
    }

  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* tauri://localhost/<path>: the front end. */
void
_tauri_assets_serve_frontend (TauriApp               *app,
                              WebKitURISchemeRequest *request)
{
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *relative = NULL;
  Load *load;

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "localhost") != 0)
    {
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
  load = g_new0 (Load, 1);
  load->request = g_object_ref (request);
  load->csp = g_strdup (_tauri_app_get_csp (app));
  g_file_load_contents_async (file, NULL, contents_loaded_cb, load);
}

/* Takes @headers. */
static void
finish_with_bytes (WebKitURISchemeRequest *request,
                   guint                   status,
                   const char             *mime_type,
                   GBytes                 *bytes,
                   SoupMessageHeaders     *headers)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (bytes));

  soup_message_headers_replace (headers, "Content-Type", mime_type);
  soup_message_headers_replace (headers, "Content-Length", length);
  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
  /* The app's pages are another origin: let them read the answer, and the
   * range it holds. */
  soup_message_headers_replace (headers, "Access-Control-Allow-Origin", "*");
  soup_message_headers_replace (headers, "Access-Control-Expose-Headers", "Content-Range, Accept-Ranges");
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, mime_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
asset_error (WebKitURISchemeRequest *request,
             guint                   status,
             const char             *reason)
{
  g_autoptr(GBytes) body = g_bytes_new (reason, strlen (reason));

  finish_with_bytes (request, status, "text/plain; charset=utf-8", body,
                     soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE));
}

/* "bytes=START-END", "bytes=START-" or "bytes=-SUFFIX"; one range only. */
static gboolean
parse_range (const char *header,
             goffset     size,
             goffset    *start,
             goffset    *end)
{
  const char *dash;
  char *rest = NULL;

  if (header == NULL || !g_str_has_prefix (header, "bytes=") || strchr (header, ',') != NULL)
    return FALSE;
  header += strlen ("bytes=");
  dash = strchr (header, '-');
  if (dash == NULL || size == 0)
    return FALSE;

  if (dash == header)
    {
      goffset suffix = g_ascii_strtoll (dash + 1, &rest, 10);

      if (*rest != '\0' || suffix <= 0)
        return FALSE;
      *start = MAX (0, size - suffix);
      *end = size - 1;
      return TRUE;
    }

  *start = g_ascii_strtoll (header, &rest, 10);
  if (rest != dash || *start < 0 || *start >= size)
    return FALSE;
  *end = dash[1] == '\0' ? size - 1 : g_ascii_strtoll (dash + 1, &rest, 10);
  if (dash[1] != '\0' && *rest != '\0')
    return FALSE;

  *end = MIN (*end, size - 1);
  return *end >= *start;
}

static void
serve_asset (WebKitURISchemeRequest *request,
             const char             *path)
{
  SoupMessageHeaders *request_headers = webkit_uri_scheme_request_get_http_headers (request);
  const char *range = request_headers ? soup_message_headers_get_one (request_headers, "Range") : NULL;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime_type = _tauri_assets_dup_mime_type (path);
  goffset size, start = 0, end;
  gboolean partial;

  stream = g_file_read (file, NULL, NULL);
  info = stream ? g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL) : NULL;
  if (info == NULL)
    {
      asset_error (request, 404, "Not Found");
      return;
    }

  size = g_file_info_get_size (info);
  end = size - 1;
  partial = parse_range (range, size, &start, &end);
  if (range != NULL && !partial)
    {
      g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GOFFSET_FORMAT, size);

      soup_message_headers_replace (headers, "Content-Range", content_range);
      bytes = g_bytes_new_static ("", 0);
      finish_with_bytes (request, 416, "text/plain", bytes, g_steal_pointer (&headers));
      return;
    }
  if (partial)
    end = MIN (end, start + MAX_RANGE_LENGTH - 1);

  /* Read at once, within the bound above: answers stay small for media and
   * whole for the images and documents a page shows. */
  if ((partial && !g_seekable_seek (G_SEEKABLE (stream), start, G_SEEK_SET, NULL, NULL)) ||
      (bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), end - start + 1, NULL, NULL)) == NULL)
    {
      asset_error (request, 500, "Internal Server Error");
      return;
    }

  if (partial)
    {
      g_autofree char *content_range = g_strdup_printf ("bytes %" G_GOFFSET_FORMAT "-%" G_GOFFSET_FORMAT
                                                        "/%" G_GOFFSET_FORMAT,
                                                        start, start + (goffset) g_bytes_get_size (bytes) - 1, size);

      soup_message_headers_replace (headers, "Content-Range", content_range);
    }

  finish_with_bytes (request, partial ? 206 : 200, mime_type, bytes, g_steal_pointer (&headers));
}

/* asset://localhost/<path, URL-encoded>: files in the app's asset scope,
 * for the app's own pages. */
void
_tauri_assets_serve_asset (TauriApp               *app,
                           WebKitURISchemeRequest *request)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *decoded = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;

  if (web_view == NULL || !_tauri_app_is_trusted_uri (app, webkit_web_view_get_uri (web_view)))
    {
      asset_error (request, 403, "Forbidden");
      return;
    }

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "localhost") != 0 ||
      (decoded = g_uri_unescape_string (g_uri_get_path (uri) + 1, NULL)) == NULL ||
      !g_path_is_absolute (decoded))
    {
      asset_error (request, 404, "Not Found");
      return;
    }

  /* The scope applies to where the path really leads, links followed. */
  path = g_canonicalize_filename (decoded, "/");
  real = realpath (path, NULL);
  if (!_tauri_app_asset_in_scope (app, real ? real : path))
    {
      asset_error (request, 403, "Forbidden");
      return;
    }

  serve_asset (request, real ? real : path);
}
