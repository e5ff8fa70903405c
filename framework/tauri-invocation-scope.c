/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-invocation-private.h"
#include "tauri-json-private.h"

/* The scope the capabilities give a call, which the registry works out on
 * the main thread when it dispatches the call, before the handler runs;
 * kept as text, so that any thread may read it afterwards. */

static GQuark
scope_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("tauri-invocation-scope"));

  return (GQuark) quark;
}

/* Takes @scope, JSON text `{"allow": [...], "deny": [...]}`. */
void
_tauri_invocation_set_scope (TauriInvocation *self,
                             char            *scope)
{
  g_assert (TAURI_IS_INVOCATION (self));
  g_assert (scope != NULL);

  g_object_set_qdata_full (G_OBJECT (self), scope_quark (), scope, g_free);
}

/**
 * tauri_invocation_dup_scope:
 * @self: an invocation
 *
 * Gets the scope the capabilities give this call, for a command that
 * limits what it does by one (the paths of a file system command, the
 * URLs of an HTTP one), as Tauri's `CommandScope` and `GlobalScope` do:
 * an object `{"allow": [...], "deny": [...]}` whose lists hold the scope
 * entries, as the capability and permission files write them, of
 *
 * - the permissions that allowed the call, in the capabilities that apply
 *   to the calling window and page: the `scope` of the permission in its
 *   plugin's manifest, and the `allow` and `deny` of the capability's
 *   entry (`{"identifier": "fs:allow-read-text-file", "allow": [{"path":
 *   "$APPDATA/notes.json"}]}`);
 * - and the global scope of the command's plugin: the permissions without
 *   commands (`{"identifier": "fs:scope", "allow": [...]}`) of every active
 *   capability, as in Tauri.
 *
 * Both lists are empty when nothing gives the call a scope. The entries are
 * not interpreted: `$APPDATA` and its kind are the command's to resolve. A
 * deny entry wins over an allow entry, as in Tauri. May be called from any
 * thread.
 *
 * Returns: (transfer full): the scope, a JSON object
 *
 * Since: 0.1
 */
JsonNode *
tauri_invocation_dup_scope (TauriInvocation *self)
{
  const char *text;
  JsonNode *scope = NULL;

  g_return_val_if_fail (TAURI_IS_INVOCATION (self), NULL);

  text = g_object_get_qdata (G_OBJECT (self), scope_quark ());
  if (text != NULL)
    scope = _tauri_json_parse (text, strlen (text), TAURI_JSON_DEFAULT_MAX_DEPTH, NULL);

  if (scope == NULL)
    {
      JsonObject *object = json_object_new ();

      json_object_set_array_member (object, "allow", json_array_new ());
      json_object_set_array_member (object, "deny", json_array_new ());
      scope = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
    }

  return scope;
}
