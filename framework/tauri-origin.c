/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-origin-private.h"

/*
 * Origins, as the web has them: the scheme, the host and the port of a URL,
 * `http://localhost:5173` or `tauri://localhost`. Two pages on one host but
 * other ports are two origins; a URL that names its scheme's default port
 * is the origin that does not name it.
 */

/* The port a URL of @scheme has when it names none, or -1. */
int
_tauri_origin_default_port (const char *scheme)
{
  if (g_str_equal (scheme, "http") || g_str_equal (scheme, "ws"))
    return 80;
  if (g_str_equal (scheme, "https") || g_str_equal (scheme, "wss"))
    return 443;
  return -1;
}

/* The origin of @uri (an Origin header's value is its own), or NULL for a
 * URL that has none: without a host, as data: and about:blank are. */
char *
_tauri_origin_of (const char *uri)
{
  g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  int port;

  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    return NULL;

  scheme = g_ascii_strdown (g_uri_get_scheme (parsed), -1);
  host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  port = g_uri_get_port (parsed);
  if (port == -1 || port == _tauri_origin_default_port (scheme))
    return g_strdup_printf ("%s://%s", scheme, host);

  return g_strdup_printf ("%s://%s:%d", scheme, host, port);
}

/* Whether two URLs are of one origin; never for a URL without one. */
gboolean
_tauri_origin_equal (const char *uri,
                     const char *other_uri)
{
  g_autofree char *origin = _tauri_origin_of (uri);
  g_autofree char *other = _tauri_origin_of (other_uri);

  return origin != NULL && g_strcmp0 (origin, other) == 0;
}
