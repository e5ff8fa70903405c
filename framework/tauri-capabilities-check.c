/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-capabilities-private.h"
#include "tauri-url-pattern-private.h"

/*
 * Whether a capability read by tauri-capabilities.c applies to a call: to
 * its window's label and to its page (the app's own or a remote one).
 * Which commands it grants is tauri-acl.c's.
 */

static gboolean
matches_label (TauriCapability *self,
               const char      *label)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      if (g_pattern_spec_match_string (g_ptr_array_index (self->labels, i), label))
        return TRUE;
    }

  return FALSE;
}

static gboolean
matches_remote (TauriCapability *self,
                const char      *uri_text)
{
  g_autoptr(GUri) uri = NULL;

  if (self->remote_urls->len == 0)
    return FALSE;

  /* Encoded, as the page's URL is: `%2F` is not a path separator. */
  uri = g_uri_parse (uri_text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return FALSE;

  for (guint i = 0; i < self->remote_urls->len; i++)
    {
      if (_tauri_url_pattern_matches (g_ptr_array_index (self->remote_urls, i), uri))
        return TRUE;
    }

  return FALSE;
}

/* Whether the capability is active here, names the window @label, and
 * takes in its page: the app's own (@remote_uri NULL) when it is `local`,
 * another when `remote.urls` has it. */
gboolean
_tauri_capability_applies_to (TauriCapability *self,
                              const char      *label,
                              const char      *remote_uri)
{
  g_assert (self != NULL);

  if (!self->active || label == NULL || !matches_label (self, label))
    return FALSE;

  if (remote_uri == NULL)
    return self->local;

  return matches_remote (self, remote_uri);
}

gboolean
_tauri_capability_allows_remote (TauriCapability *self,
                                 const char      *label,
                                 const char      *uri)
{
  g_assert (self != NULL);
  g_assert (uri != NULL);

  return self->active && label != NULL && matches_label (self, label) && matches_remote (self, uri);
}

/* Whether pages other than the app's own may reach this window at all. */
gboolean
_tauri_capability_has_remote (TauriCapability *self,
                              const char      *label)
{
  g_assert (self != NULL);

  return self->active && label != NULL && self->remote_urls->len > 0 && matches_label (self, label);
}
