/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-capabilities-private.h"
#include "tauri-url-pattern-private.h"

/*
 * Whether a capability read by tauri-capabilities.c applies to a call: to
 * its window's label, to its page (the app's own or a remote one), and to
 * its command.
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

static gboolean
applies_to (TauriCapability *self,
            const char      *label,
            const char      *remote_uri)
{
  if (!self->active || label == NULL || !matches_label (self, label))
    return FALSE;

  if (remote_uri == NULL)
    return self->local;

  return matches_remote (self, remote_uri);
}

/* Whether @name, the command's own name, is what @slug stands for:
 * Tauri writes `log_message` as `log-message` in permission names. */
static gboolean
slug_equal (const char *slug,
            const char *name)
{
  for (; *slug != '\0' && *name != '\0'; slug++, name++)
    {
      if (*slug != (*name == '_' ? '-' : *name))
        return FALSE;
    }

  return *slug == '\0' && *name == '\0';
}

static gboolean
rule_matches (const TauriCapabilityRule *rule,
              const char *command,
              const char *plugin,
              gsize       plugin_length,
              const char *name)
{
  if (!rule->is_slug)
    return g_str_equal (rule->name, command);

  if (rule->plugin == NULL && plugin != NULL)
    return FALSE;
  if (rule->plugin != NULL &&
      (plugin == NULL || strlen (rule->plugin) != plugin_length ||
       strncmp (rule->plugin, plugin, plugin_length) != 0))
    return FALSE;

  return g_str_equal (rule->name, "*") || slug_equal (rule->name, name);
}

TauriAccess
_tauri_capability_check (TauriCapability *self,
                         const char      *command,
                         const char      *label,
                         const char      *remote_uri)
{
  TauriAccess access = TAURI_ACCESS_NONE;
  const char *plugin = NULL;
  const char *name = command;
  gsize plugin_length = 0;
  const char *bar;

  g_assert (self != NULL);
  g_assert (command != NULL);

  if (!applies_to (self, label, remote_uri))
    return TAURI_ACCESS_NONE;

  /* plugin:window|close is the command `close` of the plugin `window`. */
  if (g_str_has_prefix (command, "plugin:") &&
      (bar = strchr (command + strlen ("plugin:"), '|')) != NULL)
    {
      plugin = command + strlen ("plugin:");
      plugin_length = bar - plugin;
      name = bar + 1;
    }

  for (guint i = 0; i < self->rules->len; i++)
    {
      const TauriCapabilityRule *rule = g_ptr_array_index (self->rules, i);

      if (!rule_matches (rule, command, plugin, plugin_length, name))
        continue;

      /* Deny wins, whatever comes before or after it. */
      if (rule->deny)
        return TAURI_ACCESS_DENIED;
      access = TAURI_ACCESS_ALLOWED;
    }

  return access;
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
