/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-app-private.h"
#include "tauri-assets-private.h"

/*
 * The Content-Security-Policy of a page served from `tauri://`, as Tauri
 * makes it (tauri-codegen `embedded_assets.rs` at build time, tauri
 * `manager/mod.rs` when it serves): the app's policy, with `'self'` and
 * the sha256 hash of each inline `<script>` of the page in `script-src`
 * and of each inline `<style>` in `style-src`, so that a page whose policy
 * allows only `'self'` still runs its own inline code. And the one IPC
 * that a page fetches, the `tauri://localhost` fallback for raw bytes, is
 * added to `connect-src`, wherever the policy restricts it.
 *
 * `dangerousDisableAssetCspModification` leaves the policy as it is (true),
 * or the directives it lists.
 */

/* Case-insensitive @word at @p, before @end. */
static gboolean
looking_at (const char *p,
            const char *end,
            const char *word)
{
  gsize length = strlen (word);

  return (gsize) (end - p) >= length && g_ascii_strncasecmp (p, word, length) == 0;
}

/* Reads the attributes of a tag up to its `>`: whether it has @name. */
static const char *
skip_attributes (const char *p,
                 const char *end,
                 const char *name,
                 gboolean   *has)
{
  *has = FALSE;

  while (p < end && *p != '>')
    {
      const char *start;

      if (g_ascii_isspace (*p) || *p == '/')
        {
          p++;
          continue;
        }

      start = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      if ((gsize) (p - start) == strlen (name) && g_ascii_strncasecmp (start, name, p - start) == 0)
        *has = TRUE;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '=')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              const char *close = memchr (p + 1, *p, end - p - 1);

              p = close != NULL ? close + 1 : end;
            }
          else
            while (p < end && !g_ascii_isspace (*p) && *p != '>')
              p++;
        }
    }

  return p < end ? p + 1 : end;
}

static char *
hash_source (const char *text,
             gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autofree char *encoded = NULL;

  g_checksum_update (checksum, (const guchar *) text, length);
  g_checksum_get_digest (checksum, digest, &digest_length);
  encoded = g_base64_encode (digest, digest_length);

  return g_strdup_printf ("'sha256-%s'", encoded);
}

/* The hashes of the inline scripts (those without `src`) and styles. */
static void
collect_hashes (const char *html,
                gsize       length,
                GPtrArray  *scripts,
                GPtrArray  *styles)
{
  const char *end = html + length;
  const char *p = html;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      gboolean script = looking_at (p, end, "<script");
      gboolean style = looking_at (p, end, "<style");
      const char *close_tag = script ? "</script" : "</style";
      const char *body;
      gboolean has_src;

      if (looking_at (p, end, "<!--"))
        {
          const char *comment_end = g_strstr_len (p + 4, end - p - 4, "-->");

          p = comment_end != NULL ? comment_end + 3 : end;
          continue;
        }

      p++;
      if (!script && !style)
        continue;
      p += script ? strlen ("script") : strlen ("style");
      if (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
        continue;

      body = skip_attributes (p, end, "src", &has_src);
      for (p = body; p < end && !looking_at (p, end, close_tag); p++)
        ;

      if (script && !has_src)
        g_ptr_array_add (scripts, hash_source (body, p - body));
      else if (style)
        g_ptr_array_add (styles, hash_source (body, p - body));
    }
}

typedef struct
{
  char      *name;
  GPtrArray *sources;
} Directive;

static void
directive_free (Directive *directive)
{
  g_free (directive->name);
  g_ptr_array_unref (directive->sources);
  g_free (directive);
}

static Directive *
find (GPtrArray  *directives,
      const char *name)
{
  for (guint i = 0; i < directives->len; i++)
    {
      Directive *directive = g_ptr_array_index (directives, i);

      if (g_str_equal (directive->name, name))
        return directive;
    }

  return NULL;
}

static Directive *
find_or_add (GPtrArray  *directives,
             const char *name)
{
  Directive *directive = find (directives, name);

  if (directive == NULL)
    {
      directive = g_new0 (Directive, 1);
      directive->name = g_strdup (name);
      directive->sources = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (directives, directive);
    }

  return directive;
}

static void
add_source (Directive  *directive,
            const char *source)
{
  if (!g_ptr_array_find_with_equal_func (directive->sources, source, g_str_equal, NULL))
    g_ptr_array_add (directive->sources, g_strdup (source));
}

static GPtrArray *
parse_policy (const char *policy)
{
  GPtrArray *directives = g_ptr_array_new_with_free_func ((GDestroyNotify) directive_free);
  g_auto(GStrv) parts = g_strsplit (policy, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (parts[i]), " \t\n\r\f", -1);
      g_autofree char *name = NULL;
      Directive *directive;

      if (words[0] == NULL || words[0][0] == '\0')
        continue;

      name = g_ascii_strdown (words[0], -1);
      directive = find_or_add (directives, name);
      for (guint j = 1; words[j] != NULL; j++)
        {
          if (words[j][0] != '\0')
            add_source (directive, words[j]);
        }
    }

  return directives;
}

static char *
write_policy (GPtrArray *directives)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < directives->len; i++)
    {
      Directive *directive = g_ptr_array_index (directives, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", directive->name);
      for (guint j = 0; j < directive->sources->len; j++)
        g_string_append_printf (text, " %s", (const char *) g_ptr_array_index (directive->sources, j));
    }

  return g_string_free (text, FALSE);
}

static gboolean
may_modify (TauriAppPrivate *priv,
            const char      *directive)
{
  return !priv->csp_keep &&
         (priv->csp_keep_directives == NULL ||
          !g_strv_contains ((const char * const *) priv->csp_keep_directives, directive));
}

/* As Tauri's replace_csp_nonce(): the directive gets `'self'` and the
 * hashes. */
static void
add_hashes (GPtrArray  *directives,
            const char *name,
            GPtrArray  *hashes)
{
  Directive *directive;

  if (hashes->len == 0)
    return;

  directive = find_or_add (directives, name);
  add_source (directive, "'self'");
  for (guint i = 0; i < hashes->len; i++)
    add_source (directive, g_ptr_array_index (hashes, i));
}

char *
_tauri_assets_dup_page_csp (TauriApp   *app,
                            const char *policy,
                            const char *html,
                            gsize       length)
{
  TauriAppPrivate *priv = _tauri_app_get_private (app);
  g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) styles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) directives = NULL;
  Directive *connect;
  Directive *fallback;

  g_assert (TAURI_IS_APP (app));
  g_assert (policy != NULL);

  if (priv->csp_keep)
    return g_strdup (policy);

  directives = parse_policy (policy);
  collect_hashes (html, length, scripts, styles);

  if (may_modify (priv, "script-src"))
    add_hashes (directives, "script-src", scripts);
  if (may_modify (priv, "style-src"))
    add_hashes (directives, "style-src", styles);

  /* The raw-bytes IPC over tauri://, where connects are restricted. */
  connect = find (directives, "connect-src");
  fallback = find (directives, "default-src");
  if (may_modify (priv, "connect-src") && (connect != NULL || fallback != NULL))
    {
      if (connect == NULL)
        {
          connect = find_or_add (directives, "connect-src");
          for (guint i = 0; i < fallback->sources->len; i++)
            add_source (connect, g_ptr_array_index (fallback->sources, i));
        }
      if (!g_ptr_array_find_with_equal_func (connect->sources, "'none'", g_str_equal, NULL))
        add_source (connect, TAURI_APP_ORIGIN);
    }

  return write_policy (directives);
}
