/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The URL patterns of a capability's `remote.urls`:
 * SCHEME://HOST[:PORT][/PATH] with `*` wildcards, matched against the URI
 * of the page that calls.
 */

#include "config.h"

#include <string.h>

#include "tauri-command-registry.h"
#include "tauri-origin-private.h"
#include "tauri-url-pattern-private.h"

/* URL pattern ports besides a number. */
#define PORT_DEFAULT (-1)
#define PORT_ANY     (-2)

struct _TauriUrlPattern
{
  char         *scheme;  /* lowercase, NULL for any */
  GPatternSpec *host;    /* lowercase */
  int           port;    /* a number, PORT_DEFAULT or PORT_ANY */
  GPatternSpec *path;    /* NULL for any */
};

void
_tauri_url_pattern_free (TauriUrlPattern *pattern)
{
  g_free (pattern->scheme);
  g_clear_pointer (&pattern->host, g_pattern_spec_free);
  g_clear_pointer (&pattern->path, g_pattern_spec_free);
  g_free (pattern);
}

static gboolean
is_scheme (const char *scheme)
{
  if (g_str_equal (scheme, "*"))
    return TRUE;

  if (!g_ascii_isalpha (*scheme))
    return FALSE;

  for (const char *p = scheme; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("+-.", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* SCHEME://HOST[:PORT][/PATH], `*` anywhere. The URLPattern syntax Tauri
 * accepts beyond that (groups, `:name`, search and hash) is refused. */
TauriUrlPattern *
_tauri_url_pattern_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GString) host = NULL;
  g_autofree char *scheme = NULL;
  const char *separator = strstr (text, "://");
  const char *authority;
  const char *authority_end;
  const char *after_host;
  TauriUrlPattern *pattern;
  int port = PORT_DEFAULT;

  if (strpbrk (text, "?#(){}+\\@ ") != NULL ||
      (separator != NULL && strchr (separator + 3, '/') != NULL &&
       strchr (strchr (separator + 3, '/'), ':') != NULL))
    {
      g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_UNSUPPORTED,
                   "`%s`: only `*` wildcards are supported in remote URLs", text);
      return NULL;
    }

  if (separator == NULL || separator == text)
    goto invalid;

  scheme = g_ascii_strdown (text, separator - text);
  if (!is_scheme (scheme))
    goto invalid;

  authority = separator + 3;
  authority_end = authority + strcspn (authority, "/");

  if (*authority == '[')
    {
      const char *close = memchr (authority, ']', authority_end - authority);

      if (close == NULL)
        goto invalid;
      host = g_string_new_len (authority + 1, close - authority - 1);
      after_host = close + 1;
    }
  else
    {
      const char *colon = memchr (authority, ':', authority_end - authority);

      after_host = colon ? colon : authority_end;
      host = g_string_new_len (authority, after_host - authority);
    }

  if (host->len == 0)
    goto invalid;

  if (after_host < authority_end)
    {
      g_autofree char *digits = NULL;
      guint64 number = 0;

      if (*after_host != ':')
        goto invalid;
      digits = g_strndup (after_host + 1, authority_end - after_host - 1);
      if (g_str_equal (digits, "*"))
        port = PORT_ANY;
      else if (g_ascii_string_to_unsigned (digits, 10, 1, 65535, &number, NULL))
        port = (int) number;
      else
        goto invalid;
    }

  pattern = g_new0 (TauriUrlPattern, 1);
  pattern->scheme = g_str_equal (scheme, "*") ? NULL : g_steal_pointer (&scheme);
  g_string_ascii_down (host);
  pattern->host = g_pattern_spec_new (host->str);
  pattern->port = port;
  if (*authority_end != '\0')
    pattern->path = g_pattern_spec_new (authority_end);

  return pattern;

invalid:
  g_set_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID,
               "`%s` is not a URL pattern of the form SCHEME://HOST[:PORT][/PATH]", text);
  return NULL;
}

gboolean
_tauri_url_pattern_matches (const TauriUrlPattern *pattern,
                            GUri                  *uri)
{
  g_autofree char *scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  g_autofree char *host = NULL;
  const char *path = g_uri_get_path (uri);
  int port = g_uri_get_port (uri);

  if (pattern->scheme != NULL && !g_str_equal (pattern->scheme, scheme))
    return FALSE;

  if (g_uri_get_host (uri) == NULL)
    return FALSE;
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (!g_pattern_spec_match_string (pattern->host, host))
    return FALSE;

  if (port == -1)
    port = _tauri_origin_default_port (scheme);
  if (pattern->port == PORT_DEFAULT && port != _tauri_origin_default_port (scheme))
    return FALSE;
  if (pattern->port >= 0 && pattern->port != port)
    return FALSE;

  if (*path == '\0')
    path = "/";
  return pattern->path == NULL || g_pattern_spec_match_string (pattern->path, path);
}
