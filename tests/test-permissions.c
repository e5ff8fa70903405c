/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri.h"
#include "tauri-command-registry-private.h"
#include "test-utils.h"

/* Permission manifests: the framework's core ones, a plugin's and the
 * application's, resolved as Tauri resolves them, and the scopes they give
 * a call. */

#define OK TAURI_ANSWER_VALUE

static const char dialog_permissions[] =
  "{\"default\": {\"description\": \"Open and save\", \"permissions\": [\"allow-open\", \"allow-save\"]},"
  " \"permission\": ["
  "  {\"identifier\": \"allow-open\", \"commands\": {\"allow\": [\"open\"]}},"
  "  {\"identifier\": \"allow-save\", \"commands\": {\"allow\": [\"save\"]}},"
  "  {\"identifier\": \"allow-message\", \"commands\": {\"allow\": [\"message\"]}}"
  "]}";

/* Tauri's semantics: the capabilities decide the plugins' commands, and
 * the app's own only when the app asks for it. */
static void
test_permissions_app_commands_unchecked (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (tauri_command_registry_get_check_app_commands (registry));
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"identifier\": \"default\", \"windows\": [\"main\"],"
    " \"permissions\": [\"core:default\", \"deny-delete-everything\"]}", -1, &error));
  g_assert_no_error (error);

  /* The app's own commands: not decided, whatever the window. */
  test_assert_allowed (registry, "main", "greet", TRUE);
  test_assert_allowed (registry, "other", "greet", TRUE);
  test_assert_allowed (registry, "other", "delete_everything", TRUE);
  /* Host commands: as the capability grants them, to its windows. */
  test_assert_allowed (registry, "main", "plugin:event|listen", TRUE);
  test_assert_allowed (registry, "other", "plugin:event|listen", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|set_title", FALSE);

  /* Asked for, they are decided like a plugin's. */
  tauri_command_registry_set_check_app_commands (registry, TRUE);
  g_assert_true (tauri_command_registry_get_check_app_commands (registry));
  test_assert_allowed (registry, "main", "greet", FALSE);
  test_assert_allowed (registry, "main", "delete_everything", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

/* core:default and core:<module>:default grant what Tauri's do, and
 * create-tauri-app's stock capability file loads as it is. */
static void
test_permissions_core_default (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;
  static const char * const granted[] = {
    "plugin:event|listen", "plugin:event|unlisten", "plugin:event|emit", "plugin:event|emit_to",
    "plugin:window|title", "plugin:window|inner_size", "plugin:window|is_maximized",
    "plugin:window|get_all_windows", "plugin:window|scale_factor", "plugin:window|internal_toggle_maximize",
    "plugin:app|version", "plugin:app|name", "plugin:app|tauri_version", "plugin:app|identifier",
    "plugin:path|resolve_directory", "plugin:path|join", "plugin:path|basename",
    "plugin:resources|close", "plugin:webview|get_all_webviews", "plugin:image|new",
    "plugin:menu|new", "plugin:tray|new",
  };
  static const char * const refused[] = {
    "plugin:window|set_title", "plugin:window|close", "plugin:window|destroy", "plugin:window|set_size",
    "plugin:window|create", "plugin:app|app_hide", "plugin:webview|print", "plugin:app|nope",
    "plugin:opener|open_url", "plugin:core|default",
  };

  g_test_expect_message ("Tauri", G_LOG_LEVEL_WARNING,
                         "Capability “default”: the plugin “opener” is not loaded: its permissions (`opener:default`) are ignored");
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\n"
    "  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n"
    "  \"identifier\": \"default\",\n"
    "  \"description\": \"Capability for the main window\",\n"
    "  \"windows\": [\"main\"],\n"
    "  \"permissions\": [\"core:default\", \"opener:default\"]\n"
    "}\n", -1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (granted); i++)
    test_assert_allowed (registry, "main", granted[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    test_assert_allowed (registry, "main", refused[i], FALSE);
  g_test_assert_expected_messages ();
  /* Warned once, not per call. */
  test_assert_allowed (registry, "main", "plugin:opener|open_url", FALSE);

  /* The plugin, once loaded, gets what the capability grants it. */
  test_load_permissions (registry, "opener",
                    "{\"default\": {\"permissions\": [\"allow-open-url\"]},"
                    " \"permission\": [{\"identifier\": \"allow-open-url\", \"commands\": {\"allow\": [\"open_url\"]}}]}");
  test_assert_allowed (registry, "main", "plugin:opener|open_url", TRUE);
  test_assert_allowed (registry, "other", "plugin:opener|open_url", FALSE);

  /* A module's default, and a single permission of it. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"identifier\": \"second\", \"windows\": [\"second\"],"
    " \"permissions\": [\"core:window:default\", \"core:window:allow-set-title\"]}", -1, &error));
  g_assert_no_error (error);
  test_assert_allowed (registry, "second", "plugin:window|title", TRUE);
  test_assert_allowed (registry, "second", "plugin:window|set_title", TRUE);
  test_assert_allowed (registry, "second", "plugin:window|close", FALSE);
  test_assert_allowed (registry, "second", "plugin:event|listen", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_permissions_manifests (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *plugin;
    const char *json;
    const char *text;
  } bad[] = {
    { "fs", "", "permissions of fs: not a permission file: malformed JSON" },
    { "fs", "[]", "a permission file is an object of `default`, `set` and `permission`, not an array" },
    { "fs", "{\"permission\": {}}", "`permission` must be a list" },
    { "fs", "{\"permission\": [{\"commands\": {}}]}", "permission[0]: an `identifier` is required" },
    { "fs", "{\"permission\": [{\"identifier\": \"fs:x\"}]}", "“fs:x” is not a permission identifier" },
    { "fs", "{\"permission\": [{\"identifier\": \"a\", \"commands\": []}]}",
      "permission “a”: `commands` must be an object with `allow` and `deny` lists" },
    { "fs", "{\"permission\": [{\"identifier\": \"a\", \"commands\": {\"allow\": [1]}}]}",
      "permission “a”: commands: `allow` must be a list of strings" },
    { "fs", "{\"permission\": [{\"identifier\": \"a\", \"scope\": {\"allow\": {}}}]}",
      "permission “a”: scope: `allow` must be a list" },
    { "fs", "{\"permission\": [{\"identifier\": \"a\", \"platforms\": [\"plan9\"]}]}", "“plan9” is not a platform" },
    { "fs", "{\"default\": {\"permissions\": \"allow-a\"}}", "set “default”: `permissions` must be a list of strings" },
    { "fs", "{\"default\": {}}", "`permissions` must be a list of strings" },
    { "fs", "{\"set\": [{\"identifier\": \"s\", \"permissions\": [\"a b\"]}]}",
      "set[0]: set “s”: permissions[0]: “a b” is not a permission identifier" },
    { "fs", "{\"set\": [{\"identifier\": \"s\", \"description\": 3, \"permissions\": []}]}",
      "`description` must be a string" },
    { "core", "{}", "“core” is not a plugin name" },
    { "core:fs", "{}", "“core:fs” is not a plugin name" },
    { "f s", "{}", "“f s” is not a plugin name" },
    { "", "{}", "“” is not a plugin name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (tauri_command_registry_load_permissions_from_data (registry, bad[i].plugin, bad[i].json,
                                                                         -1, &error));
      g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
      if (strstr (error->message, bad[i].text) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad[i].text);
      g_clear_error (&error);
    }

  /* Two files of one plugin add up; sets nest and name other plugins'. */
  test_load_permissions (registry, "fs",
                    "{\"$schema\": \"schemas/schema.json\","
                    " \"default\": {\"description\": \"Reading\", \"permissions\": [\"read-all\"]},"
                    " \"set\": [{\"identifier\": \"read-all\", \"description\": \"Every read\","
                    "           \"permissions\": [\"allow-read-text-file\", \"allow-exists\"]}],"
                    " \"permission\": [{\"identifier\": \"allow-read-text-file\", \"version\": 1,"
                    "                   \"commands\": {\"allow\": [\"read_text_file\"]}}]}");
  test_load_permissions (registry, "fs",
                    "{\"permission\": [{\"identifier\": \"allow-exists\", \"commands\": {\"allow\": [\"exists\"]}},"
                    "                  {\"identifier\": \"allow-mkdir\", \"commands\": {\"allow\": [\"mkdir\"]},"
                    "                   \"platforms\": [\"iOS\"]}]}");
  test_load_permissions (registry, "dialog", dialog_permissions);
  test_load_permissions (registry, "dialog",
                    "{\"set\": [{\"identifier\": \"with-fs\", \"description\": \"\","
                    "           \"permissions\": [\"allow-open\", \"fs:default\", \"loop\"]},"
                    "          {\"identifier\": \"loop\", \"description\": \"\", \"permissions\": [\"with-fs\"]}]}");
  /* The application's own manifest: names without a prefix. */
  test_load_permissions (registry, NULL,
                    "{\"default\": {\"permissions\": [\"allow-greet\"]},"
                    " \"permission\": [{\"identifier\": \"allow-greet\", \"commands\": {\"allow\": [\"greet\"]}}]}");
  tauri_command_registry_set_check_app_commands (registry, TRUE);

  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"a\", \"windows\": [\"a\"], \"permissions\": [\"fs:default\", \"fs:allow-mkdir\"]},"
    " {\"identifier\": \"b\", \"windows\": [\"b\"], \"permissions\": [\"dialog:default\", \"default\"]}]",
    -1, &error));
  g_assert_no_error (error);

  test_assert_allowed (registry, "a", "plugin:fs|read_text_file", TRUE);
  test_assert_allowed (registry, "a", "plugin:fs|exists", TRUE);
  /* A permission of another platform grants nothing. */
  test_assert_allowed (registry, "a", "plugin:fs|mkdir", FALSE);
  test_assert_allowed (registry, "a", "plugin:dialog|open", FALSE);
  test_assert_allowed (registry, "b", "plugin:dialog|open", TRUE);
  test_assert_allowed (registry, "b", "plugin:dialog|save", TRUE);
  test_assert_allowed (registry, "b", "plugin:dialog|message", FALSE);
  test_assert_allowed (registry, "b", "plugin:fs|exists", FALSE);
  test_assert_allowed (registry, "b", "greet", TRUE);
  test_assert_allowed (registry, "a", "greet", FALSE);

  /* A set that includes itself is refused, not followed forever. */
  g_assert_false (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"identifier\": \"c\", \"windows\": [\"c\"], \"permissions\": [\"dialog:with-fs\"]}", -1, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "capability “c”: the set "));
  g_assert_true (g_str_has_suffix (error->message, " nests sets deeper than 16 levels"));
  g_clear_error (&error);
  test_assert_allowed (registry, "c", "plugin:dialog|open", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

/* Answers with the scope it was given. */
static void
scope_func (TauriInvocation *invocation,
            gpointer         user_data)
{
  g_autoptr(JsonNode) scope = tauri_invocation_dup_scope (invocation);

  tauri_invocation_return_value (invocation, scope);
}

static JsonNode *
scope_thread_func (TauriInvocation  *invocation,
                   GCancellable     *cancellable,
                   gpointer          user_data,
                   GError          **error)
{
  return tauri_invocation_dup_scope (invocation);
}

static void
assert_scope (TauriCommandRegistry *registry,
              const char           *label,
              const char           *name,
              const char           *expected)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TauriCaller caller = { NULL, label, NULL, NULL, NULL };
  TestReply reply = { 0, };

  invocation = _tauri_command_registry_dispatch (registry, name, &caller, NULL, 0, NULL,
                                                 test_reply_func, &reply, test_reply_destroy);
  test_reply_wait (&reply);
  test_assert_reply (&reply, OK, expected);
  g_clear_object (&invocation);
  test_reply_clear (&reply);
}

static void
test_permissions_scopes (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;

  test_load_permissions (registry, "fs",
                    "{\"permission\": ["
                    "  {\"identifier\": \"allow-read\", \"commands\": {\"allow\": [\"read\"]},"
                    "   \"scope\": {\"allow\": [{\"path\": \"$RESOURCE/**\"}]}},"
                    "  {\"identifier\": \"allow-write\", \"commands\": {\"allow\": [\"write\"]}},"
                    "  {\"identifier\": \"scope\", \"description\": \"Takes its scope from the entry\"},"
                    "  {\"identifier\": \"scope-home\", \"scope\": {\"allow\": [{\"path\": \"$HOME/**\"}],"
                    "                                            \"deny\": [{\"path\": \"$HOME/.ssh\"}]}}"
                    "]}");
  tauri_command_registry_add (registry, tauri_command_new ("plugin:fs|read", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           scope_func, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new_thread ("plugin:fs|write", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                                  scope_thread_func, NULL, NULL));
  tauri_command_registry_add (registry, tauri_command_new ("greet", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                           scope_func, NULL, NULL));

  /* No scope yet: empty lists. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"main\", \"windows\": [\"main\"],"
    "  \"permissions\": [\"fs:allow-read\", \"fs:allow-write\", \"allow-greet\"]}]", -1, &error));
  g_assert_no_error (error);
  assert_scope (registry, "main", "plugin:fs|write", "{\"allow\":[],\"deny\":[]}");
  assert_scope (registry, "main", "greet", "{\"allow\":[],\"deny\":[]}");

  /* The permission's own scope, and the entry's, for the windows of their
   * capability; the plugin's global scope for every window. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"editor\", \"windows\": [\"editor\"],"
    "  \"permissions\": [{\"identifier\": \"fs:allow-read\", \"allow\": [{\"path\": \"$APPDATA/*.txt\"}],"
    "                     \"deny\": [{\"path\": \"$APPDATA/secret.txt\"}]},"
    "                    {\"identifier\": \"fs:scope\", \"allow\": [{\"path\": \"$DOCUMENT/**\"}]},"
    "                    \"fs:allow-write\","
    "                    {\"identifier\": \"allow-greet\", \"allow\": [\"hello\"]}]},"
    " {\"identifier\": \"home\", \"windows\": [\"nobody\"], \"permissions\": [\"fs:scope-home\"]}]", -1, &error));
  g_assert_no_error (error);

  assert_scope (registry, "main", "plugin:fs|read",
                "{\"allow\":[{\"path\":\"$RESOURCE/**\"},{\"path\":\"$DOCUMENT/**\"},{\"path\":\"$HOME/**\"}],"
                "\"deny\":[{\"path\":\"$HOME/.ssh\"}]}");
  assert_scope (registry, "editor", "plugin:fs|read",
                "{\"allow\":[{\"path\":\"$APPDATA/*.txt\"},{\"path\":\"$RESOURCE/**\"},"
                "{\"path\":\"$DOCUMENT/**\"},{\"path\":\"$HOME/**\"}],"
                "\"deny\":[{\"path\":\"$APPDATA/secret.txt\"},{\"path\":\"$HOME/.ssh\"}]}");
  /* Read from a worker thread. */
  assert_scope (registry, "editor", "plugin:fs|write",
                "{\"allow\":[{\"path\":\"$DOCUMENT/**\"},{\"path\":\"$HOME/**\"}],\"deny\":[{\"path\":\"$HOME/.ssh\"}]}");
  /* The app's own commands: the entry's scope, though not decided. */
  assert_scope (registry, "editor", "greet", "{\"allow\":[\"hello\"],\"deny\":[]}");
  assert_scope (registry, "main", "greet", "{\"allow\":[],\"deny\":[]}");

  g_assert_finalize_object (g_steal_pointer (&registry));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Permissions/app-commands-unchecked", test_permissions_app_commands_unchecked);
  g_test_add_func ("/Tauri/Permissions/core-default", test_permissions_core_default);
  g_test_add_func ("/Tauri/Permissions/manifests", test_permissions_manifests);
  g_test_add_func ("/Tauri/Permissions/scopes", test_permissions_scopes);

  return g_test_run ();
}
