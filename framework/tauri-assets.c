/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tauri-app-private.h"
#include "tauri-assets-private.h"
#include "tauri-bridge-private.h"
#include "tauri-origin-private.h"
#include "tauri-window-private.h"

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

/* A bare "Not Found" in the window tells nothing: a missing front end and
 * a missing page say so on standard error, and with --dev so does every
 * other missing file. */
static void
report_not_found (TauriApp   *app,
                  const char *uri,
                  gboolean    page)
{
  g_autoptr(GFile) root = _tauri_app_dup_frontend_root (app);
  g_autoptr(GFile) index = root ? g_file_get_child (root, "index.html") : NULL;
  g_autofree char *where = root ? g_file_get_parse_name (root) : NULL;

  if (root == NULL && tauri_app_get_frontend (app) != NULL)
    return;     /* a development server's page: tauri:// serves nothing */
  else if (root == NULL)
    g_message (_("%s: the app has no application id, so no built-in front end; "
                 "give it an id, or a front end with --frontend DIR"), uri);
  else if (!g_file_query_exists (index, NULL) && tauri_app_get_frontend (app) == NULL)
    g_message (_("%s: the app has no built-in front end, no %s/index.html in its resources; "
                 "compile one in (see the getting-started guide), or pass --frontend DIR"), uri, where);
  else if (!g_file_query_exists (index, NULL))
    g_message (_("%s: the front end %s has no index.html; build it, or pass --frontend "
                 "the directory that has it"), uri, where);
  else if (page || tauri_app_get_developer_mode (app))
    g_message (_("%s: not found in the front end %s"), uri, where);
}

typedef struct
{
  WebKitURISchemeRequest *request;
  TauriApp               *app;    /* unowned: the app owns the context */
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
  g_autofree char *csp = NULL;
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
        {
          report_not_found (load->app, webkit_uri_scheme_request_get_uri (request),
                            g_str_has_prefix (mime_type, "text/html"));
          finish_with_status (request, 404, "Not Found");
        }
      else
        finish_with_status (request, 500, "Internal Server Error");
      return;
    }

  /* With the hashes of the page's inline scripts and styles, as Tauri's. */
  if (load->csp != NULL && g_str_has_prefix (mime_type, "text/html"))
    csp = _tauri_assets_dup_page_csp (load->app, load->csp, contents, length);

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
      if (root == NULL)
        report_not_found (app, webkit_uri_scheme_request_get_uri (request), TRUE);
      finish_with_status (request, 404, "Not Found");
      return;
    }

  file = g_file_resolve_relative_path (root, relative);
  load = g_new0 (Load, 1);
  load->request = g_object_ref (request);
  load->app = app;
  load->csp = g_strdup (_tauri_app_get_csp (app));
  g_file_load_contents_async (file, NULL, contents_loaded_cb, load);
}

/* What asset:// answers a page of @origin with, headers for a page of
 * another origin to read it included, as Tauri sends them. Takes @headers. */
static void
finish_asset (WebKitURISchemeRequest *request,
              guint                   status,
              const char             *mime_type,
              GInputStream           *stream,
              goffset                 length,
              SoupMessageHeaders     *headers,
              const char             *origin)
{
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, length);
  g_autofree char *length_text = g_strdup_printf ("%" G_GOFFSET_FORMAT, length);

  soup_message_headers_replace (headers, "Content-Type", mime_type);
  soup_message_headers_replace (headers, "Content-Length", length_text);
  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
  /* The window's own page, on its origin alone, may read the answer and
   * the range it holds. */
  if (origin != NULL)
    {
      soup_message_headers_replace (headers, "Access-Control-Allow-Origin", origin);
      soup_message_headers_replace (headers, "Access-Control-Expose-Headers", "Content-Range, Accept-Ranges");
      soup_message_headers_replace (headers, "Vary", "Origin");
    }
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, mime_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* An error the page of @origin (NULL: none) may read. */
static void
asset_error (WebKitURISchemeRequest *request,
             guint                   status,
             const char             *reason,
             const char             *origin)
{
  g_autoptr(GBytes) body = g_bytes_new (reason, strlen (reason));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);

  finish_asset (request, status, "text/plain; charset=utf-8", stream, g_bytes_get_size (body),
                soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE), origin);
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

/* One asset:// answer on its way: a file is looked at, opened, and handed
 * to WebKit as a stream, all asynchronously. Nothing reads a whole file
 * into memory: a range is at most MAX_RANGE_LENGTH. */
typedef struct
{
  WebKitURISchemeRequest *request;
  GFile                  *file;
  char                   *mime_type;
  char                   *origin;       /* that may read it, or NULL */
  char                   *range;        /* the Range header, or NULL */
  goffset                 size;
  goffset                 start;
  goffset                 end;
  gboolean                partial;
} AssetLoad;

static void
asset_load_free (AssetLoad *load)
{
  g_clear_object (&load->request);
  g_clear_object (&load->file);
  g_free (load->mime_type);
  g_free (load->origin);
  g_free (load->range);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AssetLoad, asset_load_free)

static void
range_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AssetLoad) load = user_data;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_range = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  if (bytes == NULL)
    {
      asset_error (load->request, 500, "Internal Server Error", load->origin);
      return;
    }

  content_range = g_strdup_printf ("bytes %" G_GOFFSET_FORMAT "-%" G_GOFFSET_FORMAT "/%" G_GOFFSET_FORMAT,
                                   load->start, load->start + (goffset) g_bytes_get_size (bytes) - 1, load->size);
  soup_message_headers_replace (headers, "Content-Range", content_range);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  finish_asset (load->request, 206, load->mime_type, stream, g_bytes_get_size (bytes),
                g_steal_pointer (&headers), load->origin);
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AssetLoad) load = user_data;
  g_autoptr(GFileInputStream) stream = NULL;
  gsize length;

  stream = g_file_read_finish (G_FILE (object), result, NULL);
  if (stream == NULL)
    {
      asset_error (load->request, 404, "Not Found", load->origin);
      return;
    }

  /* The whole file: WebKit reads the stream as the page takes it. */
  if (!load->partial)
    {
      finish_asset (load->request, 200, load->mime_type, G_INPUT_STREAM (stream), load->size,
                    soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE), load->origin);
      return;
    }

  if (!g_seekable_seek (G_SEEKABLE (stream), load->start, G_SEEK_SET, NULL, NULL))
    {
      asset_error (load->request, 500, "Internal Server Error", load->origin);
      return;
    }
  length = load->end - load->start + 1;
  g_input_stream_read_bytes_async (G_INPUT_STREAM (stream), length,
                                   G_PRIORITY_DEFAULT, NULL, range_read_cb, g_steal_pointer (&load));
}

static void
file_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AssetLoad) load = user_data;
  g_autoptr(GFileInfo) info = NULL;
  GFile *file;

  info = g_file_query_info_finish (G_FILE (object), result, NULL);
  if (info == NULL)
    {
      asset_error (load->request, 404, "Not Found", load->origin);
      return;
    }

  /* A FIFO would never end, a device never be a file: regular files only. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      asset_error (load->request, 403, "Forbidden", load->origin);
      return;
    }

  load->size = g_file_info_get_size (info);
  load->end = load->size - 1;
  load->partial = parse_range (load->range, load->size, &load->start, &load->end);
  if (load->range != NULL && !load->partial)
    {
      g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      g_autoptr(GInputStream) empty = g_memory_input_stream_new ();
      g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GOFFSET_FORMAT, load->size);

      soup_message_headers_replace (headers, "Content-Range", content_range);
      finish_asset (load->request, 416, "text/plain", empty, 0, g_steal_pointer (&headers), load->origin);
      return;
    }

  /* A range answer is at most this long, as servers may: players ask for
   * the rest. */
  if (load->partial)
    load->end = MIN (load->end, load->start + MAX_RANGE_LENGTH - 1);

  file = load->file;
  g_file_read_async (file, G_PRIORITY_DEFAULT, NULL, file_opened_cb, g_steal_pointer (&load));
}

/* asset://localhost/<path, URL-encoded>: files in the app's asset scope,
 * for the window's own page (the app's, or a remote page a capability
 * names), and its own origin alone: a request from a frame of another
 * origin, or an opaque one, is refused. */
void
_tauri_assets_serve_asset (TauriApp               *app,
                           WebKitURISchemeRequest *request)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  GtkWidget *window = web_view ? gtk_widget_get_ancestor (GTK_WIDGET (web_view), TAURI_TYPE_WINDOW) : NULL;
  SoupMessageHeaders *request_headers = webkit_uri_scheme_request_get_http_headers (request);
  const char *origin = request_headers ? soup_message_headers_get_one (request_headers, "Origin") : NULL;
  const char *document = window ? _tauri_bridge_get_committed_uri (_tauri_window_get_bridge (TAURI_WINDOW (window))) : NULL;
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(AssetLoad) load = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;
  g_autofree char *document_origin = NULL;
  GFile *file;

  if (document == NULL || !_tauri_bridge_document_may_call (_tauri_window_get_bridge (TAURI_WINDOW (window))) ||
      (origin != NULL && !_tauri_origin_equal (origin, document)))
    {
      asset_error (request, 403, "Forbidden", NULL);
      return;
    }
  document_origin = _tauri_origin_of (document);

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "localhost") != 0 ||
      (decoded = g_uri_unescape_string (g_uri_get_path (uri) + 1, NULL)) == NULL ||
      !g_path_is_absolute (decoded))
    {
      asset_error (request, 404, "Not Found", document_origin);
      return;
    }

  /* The scope applies to where the path really leads, links followed. */
  path = g_canonicalize_filename (decoded, "/");
  real = realpath (path, NULL);
  if (!_tauri_app_asset_in_scope (app, real ? real : path))
    {
      asset_error (request, 403, "Forbidden", document_origin);
      return;
    }

  load = g_new0 (AssetLoad, 1);
  load->request = g_object_ref (request);
  load->file = g_file_new_for_path (real ? real : path);
  load->mime_type = _tauri_assets_dup_mime_type (real ? real : path);
  load->origin = g_steal_pointer (&document_origin);
  load->range = request_headers ? g_strdup (soup_message_headers_get_one (request_headers, "Range")) : NULL;
  file = load->file;
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, NULL,
                           file_info_cb, g_steal_pointer (&load));
}
