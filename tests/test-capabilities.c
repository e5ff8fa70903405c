/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tauri.h"
#include "tauri-command-registry-private.h"
#include "test-utils.h"

#define OK    TAURI_ANSWER_VALUE
#define ERROR TAURI_ANSWER_ERROR

#define RESOURCE_BASE "/io/github/taurigtk/Tests"

/* A permission file of a plugin `dialog`, as its TOML files say. */
static const char dialog_permissions[] =
  "{\"default\": {\"description\": \"Open and save\", \"permissions\": [\"allow-open\", \"allow-save\"]},"
  " \"set\": [{\"identifier\": \"everything\", \"description\": \"All of it\","
  "          \"permissions\": [\"default\", \"allow-message\"]}],"
  " \"permission\": ["
  "  {\"identifier\": \"allow-open\", \"commands\": {\"allow\": [\"open\"]}},"
  "  {\"identifier\": \"allow-open-file\", \"commands\": {\"allow\": [\"open_file\"]}},"
  "  {\"identifier\": \"allow-save\", \"commands\": {\"allow\": [\"save\"]}},"
  "  {\"identifier\": \"allow-message\", \"commands\": {\"allow\": [\"message\"]}},"
  "  {\"identifier\": \"deny-message\", \"commands\": {\"deny\": [\"message\"]}}"
  "]}";

static TauriCommandRegistry *
new_checked_registry (void)
{
  TauriCommandRegistry *registry = tauri_command_registry_new ();

  tauri_command_registry_set_check_app_commands (registry, TRUE);
  return registry;
}

/* A registry with the capabilities @json, deciding the calls of the app's
 * own commands too. */
static TauriCommandRegistry *
registry_with (const char *json)
{
  TauriCommandRegistry *registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;

  tauri_command_registry_set_check_app_commands (registry, TRUE);
  test_load_permissions (registry, "dialog", dialog_permissions);
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry, json, -1, &error));
  g_assert_no_error (error);

  return registry;
}

/* Loads @json, which must fail with @code and a message holding @text. */
static void
assert_load_error (const char *json,
                   int         code,
                   const char *text)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  test_load_permissions (registry, "dialog", dialog_permissions);
  if (tauri_command_registry_load_capabilities_from_data (registry, json, -1, &error))
    g_error ("%s loaded", json);
  g_assert_error (error, TAURI_CAPABILITY_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” does not say “%s”", error->message, text);

  /* Nothing was loaded: every call is still allowed. */
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { NULL }));
  test_assert_allowed (registry, "main", "anything", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

/* A permission on its own, for window "main". */
static void
assert_permission_error (const char *permission,
                         int         code,
                         const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, "test");
  json_builder_set_member_name (builder, "windows");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "main");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, permission);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  assert_load_error (json, code, text);
}

static void
test_capabilities_none (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_auto(GStrv) loaded = tauri_command_registry_list_capabilities (registry);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (loaded);
  g_assert_null (loaded[0]);

  /* The app's own pages may call the app's commands and the framework's
   * host commands... */
  test_assert_allowed (registry, "main", "log_message", TRUE);
  test_assert_allowed (registry, "other", "plugin:window|close", TRUE);
  test_assert_allowed (registry, "other", "plugin:event|listen", TRUE);
  test_assert_allowed (registry, NULL, "anything", TRUE);
  g_assert_true (_tauri_command_registry_check_access (registry, "x", "main", NULL, NULL, &error));
  g_assert_no_error (error);

  /* ...but, as in Tauri, no plugin's command without a capability. */
  test_load_permissions (registry, "dialog", dialog_permissions);
  test_assert_allowed (registry, "main", "plugin:dialog|open", FALSE);
  test_assert_allowed (registry, "main", "plugin:nothing|at_all", FALSE);
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "Refused “plugin:dialog|open” to window “main”: no capability grants it");
  g_assert_false (_tauri_command_registry_check_access (registry, "plugin:dialog|open", "main", NULL, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Command plugin:dialog|open not allowed by ACL");
  g_clear_error (&error);

  /* A foreign page may call nothing unless a capability lists its URL. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "Refused “x” to window “main” at https://example.com/: no capability grants it");
  g_assert_false (_tauri_command_registry_check_access (registry, "x", "main", "https://example.com/", NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Command x not allowed by ACL");
  g_assert_false (_tauri_command_registry_allows_remote (registry, "main", "https://example.com/"));

  /* Nothing loaded from an empty list either. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry, "[]", 2, NULL));
  test_assert_allowed (registry, "main", "log_message", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_window_globs (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"globs\","
    " \"windows\": [\"main\", \"editor-*\", \"?x\", \"a*b*c\"],"
    " \"webviews\": [\"panel\"],"
    " \"permissions\": [\"run\"]}");
  static const char * const allowed[] = { "main", "editor-", "editor-1", "editor-a/b:c", "ax", "_x",
                                          "abc", "a-b-c", "aXbYc", "panel" };
  static const char * const refused[] = { "Main", "main2", "xmain", "editor", "editor_1", "x", "abx",
                                          "ab", "abcd", "panel-2", "" };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    test_assert_allowed (registry, allowed[i], "run", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    test_assert_allowed (registry, refused[i], "run", FALSE);

  /* No window, no label: no pattern matches, not even `*`. */
  test_assert_allowed (registry, NULL, "run", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_star_window (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"all\", \"windows\": [\"*\"], \"permissions\": [\"run\"]}");

  test_assert_allowed (registry, "main", "run", TRUE);
  test_assert_allowed (registry, "any/label:at_all", "run", TRUE);
  test_assert_allowed (registry, NULL, "run", FALSE);
  test_assert_allowed (registry, "main", "walk", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_permission_forms (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"forms\", \"windows\": [\"main\"], \"permissions\": ["
    "  \"log_message\","              /* the command's own name */
    "  \"allow-try-operation\","      /* Tauri's generated permission: try_operation */
    "  \"allow-x2-y\","               /* x2_y, and x2-y as written */
    "  \"plugin:window|set_title\","  /* a host command's own name */
    "  \"core:window:allow-close\","  /* plugin:window|close */
    "  \"dialog:allow-open-file\","   /* plugin:dialog|open_file, from its manifest */
    "  {\"identifier\": \"allow-ping\"}"
    "]}");

  test_assert_allowed (registry, "main", "log_message", TRUE);
  test_assert_allowed (registry, "main", "try_operation", TRUE);
  test_assert_allowed (registry, "main", "x2_y", TRUE);
  test_assert_allowed (registry, "main", "x2-y", TRUE);
  test_assert_allowed (registry, "main", "plugin:window|set_title", TRUE);
  test_assert_allowed (registry, "main", "plugin:window|close", TRUE);
  test_assert_allowed (registry, "main", "plugin:dialog|open_file", TRUE);
  test_assert_allowed (registry, "main", "ping", TRUE);

  /* Exact names are exact. */
  test_assert_allowed (registry, "main", "log-message", FALSE);
  test_assert_allowed (registry, "main", "Log_message", FALSE);
  test_assert_allowed (registry, "main", "log_message ", FALSE);
  test_assert_allowed (registry, "main", "try-operation", TRUE);
  test_assert_allowed (registry, "main", "try__operation", FALSE);
  test_assert_allowed (registry, "main", "tryoperation", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|set-title", FALSE);
  /* A plugin's permission names that plugin's command, nothing else. */
  test_assert_allowed (registry, "main", "close", FALSE);
  test_assert_allowed (registry, "main", "plugin:dialog|close", FALSE);
  test_assert_allowed (registry, "main", "plugin:windows|close", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|close|x", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|closed", FALSE);
  /* An app's permission names the app's command, not a plugin's. */
  test_assert_allowed (registry, "main", "plugin:app|try_operation", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|try_operation", FALSE);
  /* Nothing else is granted, to no other window. */
  test_assert_allowed (registry, "main", "greeting", FALSE);
  test_assert_allowed (registry, "other", "log_message", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_deny_wins (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "["
    " {\"identifier\": \"everyone\", \"windows\": [\"*\"],"
    "  \"permissions\": [\"allow-log-message\", \"allow-greeting\", \"allow-ping\","
    "                    \"core:window:allow-close\", \"dialog:everything\"]},"
    " {\"identifier\": \"no-greeting-in-second\", \"windows\": [\"second\"],"
    "  \"permissions\": [\"deny-greeting\", \"window:deny-close\", \"dialog:deny-message\"]},"
    " {\"identifier\": \"same-capability\", \"windows\": [\"main\"],"
    "  \"permissions\": [\"deny-log-message\", \"allow-log-message\", \"log_message\"]},"
    " {\"identifier\": \"elsewhere\", \"windows\": [\"*\"], \"platforms\": [\"iOS\"],"
    "  \"permissions\": [\"deny-ping\"]}"
    "]");

  /* As in Tauri, a deny refuses its command in every window, whatever
   * allows it and in whatever order... */
  test_assert_allowed (registry, "second", "greeting", FALSE);
  test_assert_allowed (registry, "main", "greeting", FALSE);
  test_assert_allowed (registry, "third", "greeting", FALSE);
  test_assert_allowed (registry, "second", "plugin:window|close", FALSE);
  test_assert_allowed (registry, "main", "plugin:window|close", FALSE);
  test_assert_allowed (registry, "main", "log_message", FALSE);
  test_assert_allowed (registry, "second", "log_message", FALSE);
  test_assert_allowed (registry, "main", "plugin:dialog|message", FALSE);
  /* ...and nothing else. */
  test_assert_allowed (registry, "main", "plugin:dialog|open", TRUE);
  test_assert_allowed (registry, "second", "plugin:dialog|save", TRUE);
  /* A capability of another platform denies nothing. */
  test_assert_allowed (registry, "main", "ping", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_wildcard (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"app\", \"windows\": [\"main\"],"
    " \"permissions\": [\"allow-*\", \"deny-delete-everything\"]}");

  test_assert_allowed (registry, "main", "log_message", TRUE);
  test_assert_allowed (registry, "main", "anything_at_all", TRUE);
  test_assert_allowed (registry, "main", "delete_everything", FALSE);
  test_assert_allowed (registry, "other", "log_message", FALSE);
  /* Only the app's own commands. */
  test_assert_allowed (registry, "main", "plugin:window|close", FALSE);
  g_assert_finalize_object (g_steal_pointer (&registry));

  registry = registry_with (
    "{\"identifier\": \"locked\", \"windows\": [\"locked\"],"
    " \"permissions\": [\"allow-*\", \"core:window:allow-close\", \"deny-*\"]}");
  test_assert_allowed (registry, "locked", "log_message", FALSE);
  test_assert_allowed (registry, "other", "log_message", FALSE);
  test_assert_allowed (registry, "locked", "plugin:window|close", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_local (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"remote-only\", \"windows\": [\"main\"], \"local\": false,"
    " \"remote\": {\"urls\": [\"https://app.example.com\"]},"
    " \"permissions\": [\"run\"]}");
  g_autoptr(GError) error = NULL;

  test_assert_allowed (registry, "main", "run", FALSE);
  g_assert_true (_tauri_command_registry_check_access (registry, "run", "main",
                                                       "https://app.example.com/", NULL, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_platforms (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "["
    " {\"identifier\": \"elsewhere\", \"windows\": [\"*\"], \"platforms\": [\"windows\", \"macOS\"],"
    "  \"permissions\": [\"run\"]},"
    " {\"identifier\": \"here\", \"windows\": [\"*\"], \"platforms\": [\"linux\", \"macOS\", \"windows\"],"
    "  \"permissions\": [\"walk\"]}"
    "]");

  /* Loaded, so the ACL holds, but granting nothing on this platform. */
  test_assert_allowed (registry, "main", "run", FALSE);
  test_assert_allowed (registry, "main", "walk", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_unknown_permissions (void)
{
  static const struct {
    const char *permission;
    int         code;
    const char *text;
  } cases[] = {
    { "core:window:allow-nope", TAURI_CAPABILITY_ERROR_INVALID,
      "capability “test”: `allow-nope` is not a permission of core:window" },
    { "core:nothing", TAURI_CAPABILITY_ERROR_INVALID, "`nothing` is not a permission of core" },
    { "dialog:allow-nope", TAURI_CAPABILITY_ERROR_INVALID, "`allow-nope` is not a permission of dialog" },
    { "log message", TAURI_CAPABILITY_ERROR_INVALID, "`log message` is not a permission" },
    { "", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "allow-log_message", TAURI_CAPABILITY_ERROR_INVALID,
      "`allow-log_message`: a permission writes the command’s underscores as dashes: `allow-log-message`" },
    { "core:window:deny-set_title", TAURI_CAPABILITY_ERROR_INVALID, "`core:window:deny-set-title`" },
    { "allow-", TAURI_CAPABILITY_ERROR_INVALID, "`allow-` is not a permission" },
    { "deny--x", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "allow-x-", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "allow-x.y", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "window:allow-*", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only name the application’s own commands" },
    { "core::allow-close", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { ":allow-close", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "a:b:allow-close", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "fs-:x", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "tauri-plugin-fs:default", TAURI_CAPABILITY_ERROR_INVALID, "is not a permission" },
    { "plugin:window", TAURI_CAPABILITY_ERROR_INVALID, "written `plugin:NAME|COMMAND`" },
    { "plugin:|close", TAURI_CAPABILITY_ERROR_INVALID, "written `plugin:NAME|COMMAND`" },
    { "plugin:window|", TAURI_CAPABILITY_ERROR_INVALID, "written `plugin:NAME|COMMAND`" },
    { "plugin:window|a|b", TAURI_CAPABILITY_ERROR_INVALID, "written `plugin:NAME|COMMAND`" },
    { "window|close", TAURI_CAPABILITY_ERROR_INVALID, "written `plugin:NAME|COMMAND`" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_permission_error (cases[i].permission, cases[i].code, cases[i].text);

  /* A scope is a list of entries. */
  assert_load_error ("{\"identifier\": \"s\", \"windows\": [\"main\"], \"permissions\": ["
                     " \"greeting\", {\"identifier\": \"fs:allow-read-file\", \"allow\": {\"path\": \"$HOME\"}}]}",
                     TAURI_CAPABILITY_ERROR_INVALID,
                     "capability “s”: permissions[1]: `allow` must be a list");
  assert_load_error ("{\"identifier\": \"s\", \"permissions\": [{\"identifier\": \"allow-x\", \"deny\": 1}]}",
                     TAURI_CAPABILITY_ERROR_INVALID, "`deny` must be a list");
  assert_load_error ("{\"identifier\": \"s\", \"permissions\": [{\"allow\": []}]}",
                     TAURI_CAPABILITY_ERROR_INVALID,
                     "permissions[0] must be a string, or an object with an `identifier`");
  assert_load_error ("{\"identifier\": \"s\", \"permissions\": [\"ok\", 42]}",
                     TAURI_CAPABILITY_ERROR_INVALID, "permissions[1] must be a string");
  assert_load_error ("{\"identifier\": \"s\", \"permissions\": [[\"allow-x\"]]}",
                     TAURI_CAPABILITY_ERROR_INVALID, "permissions[0] must be a string");
}

static void
test_capabilities_malformed (void)
{
  static const struct {
    const char *json;
    int         code;
    const char *text;
  } cases[] = {
    { "", TAURI_CAPABILITY_ERROR_INVALID, "not a capability file: malformed JSON" },
    { "{", TAURI_CAPABILITY_ERROR_INVALID, "not a capability file: malformed JSON" },
    { "{\"identifier\": \"x\",}", TAURI_CAPABILITY_ERROR_INVALID, "malformed JSON" },
    { "{\"identifier\": \"\xff\"}", TAURI_CAPABILITY_ERROR_INVALID, "invalid UTF-8" },
    { "{\"identifier\": \"\\ud800\"}", TAURI_CAPABILITY_ERROR_INVALID, "lone UTF-16 surrogate" },
    { "42", TAURI_CAPABILITY_ERROR_INVALID, "a capability is an object, not a number" },
    { "null", TAURI_CAPABILITY_ERROR_INVALID, "a capability is an object, not null" },
    { "[{\"identifier\": \"a\", \"permissions\": []}, \"b\"]", TAURI_CAPABILITY_ERROR_INVALID,
      "capabilities[1]: a capability is an object, not a string" },
    { "{\"capabilities\": {}}", TAURI_CAPABILITY_ERROR_INVALID, "`capabilities` must be a list" },
    { "{\"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID, "a capability needs an `identifier`" },
    { "{\"identifier\": \"\", \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID, "needs an `identifier`" },
    { "{\"identifier\": 7, \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID, "needs an `identifier`" },
    { "{\"identifier\": \"x\"}", TAURI_CAPABILITY_ERROR_INVALID,
      "capability “x”: `permissions` must be a list" },
    { "{\"identifier\": \"x\", \"permissions\": \"greeting\"}", TAURI_CAPABILITY_ERROR_INVALID,
      "`permissions` must be a list" },
    { "{\"identifier\": \"x\", \"windows\": \"main\", \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "capability “x”: `windows` must be a list of strings" },
    { "{\"identifier\": \"x\", \"windows\": [\"main\", 1], \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`windows` must be a list of strings" },
    { "{\"identifier\": \"x\", \"webviews\": [true], \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`webviews` must be a list of strings" },
    { "{\"identifier\": \"x\", \"windows\": [\"\"], \"permissions\": []}", TAURI_CAPABILITY_ERROR_UNSUPPORTED,
      "window pattern “”" },
    { "{\"identifier\": \"x\", \"windows\": [\"admin-[0-9]\"], \"permissions\": []}",
      TAURI_CAPABILITY_ERROR_UNSUPPORTED, "with `*` and `?` as wildcards" },
    { "{\"identifier\": \"x\", \"description\": 1, \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`description` must be a string" },
    { "{\"identifier\": \"x\", \"local\": \"yes\", \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`local` must be true or false" },
    { "{\"identifier\": \"x\", \"remote\": [\"https://a.b\"], \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`remote` must be an object with a list of `urls`" },
    { "{\"identifier\": \"x\", \"remote\": {}, \"permissions\": []}", TAURI_CAPABILITY_ERROR_INVALID,
      "`remote` must be an object with a list of `urls`" },
    { "{\"identifier\": \"x\", \"remote\": {\"urls\": \"https://a.b\"}, \"permissions\": []}",
      TAURI_CAPABILITY_ERROR_INVALID, "remote: `urls` must be a list of strings" },
    { "{\"identifier\": \"x\", \"platforms\": [\"linux\", \"beos\"], \"permissions\": []}",
      TAURI_CAPABILITY_ERROR_INVALID, "“beos” is not a platform" },
    { "{\"identifier\": \"x\", \"platforms\": \"linux\", \"permissions\": []}",
      TAURI_CAPABILITY_ERROR_INVALID, "`platforms` must be a list of strings" },
  };
  g_autoptr(GString) deep = g_string_new ("{\"identifier\": \"deep\", \"permissions\": [], \"x\": ");
  g_autoptr(TauriCommandRegistry) registry = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_error (cases[i].json, cases[i].code, cases[i].text);

  /* Nested past the parser's bound: refused before json-glib recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_load_error (deep->str, TAURI_CAPABILITY_ERROR_INVALID, "nested deeper than 128 levels");

  /* Members a registry has no use for are ignored, as Tauri does. */
  registry = registry_with ("{\"identifier\": \"x\", \"$schema\": \"s.json\", \"unknown\": {\"a\": 1},"
                            " \"permissions\": []}");
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_file_forms (void)
{
  g_autoptr(TauriCommandRegistry) registry = new_checked_registry ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  /* One capability, a list, and a named list. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"identifier\": \"one\", \"windows\": [\"one\"], \"permissions\": [\"a\"]}", -1, &error));
  g_assert_no_error (error);
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"two\", \"windows\": [\"two\"], \"permissions\": [\"b\"]},"
    " {\"identifier\": \"three\", \"windows\": [\"three\"], \"permissions\": [\"c\"]}]", -1, &error));
  g_assert_no_error (error);
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"capabilities\": [{\"identifier\": \"four\", \"windows\": [\"four\"], \"permissions\": [\"d\"]}]}",
    -1, &error));
  g_assert_no_error (error);

  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "one", "two", "three", "four", NULL }));
  g_clear_pointer (&loaded, g_strfreev);

  test_assert_allowed (registry, "one", "a", TRUE);
  test_assert_allowed (registry, "three", "c", TRUE);
  test_assert_allowed (registry, "four", "d", TRUE);
  test_assert_allowed (registry, "four", "a", FALSE);

  /* A name loaded already: nothing of that load is added. */
  g_assert_false (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"five\", \"windows\": [\"five\"], \"permissions\": [\"e\"]},"
    " {\"identifier\": \"two\", \"windows\": [\"*\"], \"permissions\": [\"allow-*\"]}]", -1, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "capability “two” is defined twice");
  g_clear_error (&error);

  /* Twice within one load: the same. */
  g_assert_false (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"six\", \"permissions\": []}, {\"identifier\": \"six\", \"permissions\": []}]",
    -1, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_DUPLICATE);
  g_clear_error (&error);

  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "one", "two", "three", "four", NULL }));
  test_assert_allowed (registry, "five", "e", FALSE);
  test_assert_allowed (registry, "two", "anything", FALSE);

  /* A length, not a NUL byte, ends the text. */
  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "{\"identifier\": \"seven\", \"permissions\": []}garbage",
    strlen ("{\"identifier\": \"seven\", \"permissions\": []}"), &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
write_file (const char *directory,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_capabilities_directory (void)
{
  g_autoptr(TauriCommandRegistry) registry = new_checked_registry ();
  g_autoptr(GFile) directory = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "capabilities", NULL));
  g_autoptr(GFile) single = g_file_get_child (directory, "main.json");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  /* *.json only, hidden ones skipped, in the order of their names. */
  g_assert_true (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_no_error (error);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "main-window", "editors", "everyone", NULL }));

  test_assert_allowed (registry, "main", "log_message", TRUE);
  test_assert_allowed (registry, "main", "greeting", TRUE);
  test_assert_allowed (registry, "main", "plugin:window|close", TRUE);
  test_assert_allowed (registry, "main", "ping", TRUE);
  test_assert_allowed (registry, "main", "try_operation", FALSE);
  test_assert_allowed (registry, "editor-1", "try_operation", TRUE);
  test_assert_allowed (registry, "editor-1", "delete_everything", FALSE);
  test_assert_allowed (registry, "editor-1", "plugin:window|close", FALSE);
  test_assert_allowed (registry, "other", "ping", TRUE);
  test_assert_allowed (registry, "other", "greeting", FALSE);

  /* The same files again: already loaded. */
  g_assert_false (tauri_command_registry_load_capabilities (registry, single, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&registry));

  /* One file on its own. */
  registry = new_checked_registry ();
  g_assert_true (tauri_command_registry_load_capabilities (registry, single, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, g_strfreev);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "main-window", NULL }));
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_directory_errors (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autofree char *path = NULL;
  g_autofree char *toml = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  tauri_command_registry_set_check_app_commands (registry, TRUE);

  path = g_dir_make_tmp ("capabilities-XXXXXX", &error);
  g_assert_no_error (error);
  directory = g_file_new_for_path (path);
  missing = g_file_get_child (directory, "missing.json");

  /* A missing file is the file system's error. */
  g_assert_false (tauri_command_registry_load_capabilities (registry, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An empty directory holds no capability. */
  g_assert_true (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_no_error (error);

  /* A bad file anywhere: the error names it, and nothing is loaded. */
  write_file (path, "a.json", "{\"identifier\": \"a\", \"windows\": [\"*\"], \"permissions\": [\"x\"]}");
  write_file (path, "b.json", "{\"identifier\": \"b\", \"windows\": [\"*\"], \"permissions\": [\"allow_x\", \"x y\"]}");
  g_assert_false (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "b.json: capability “b”: permissions[1]: `x y`"));
  g_clear_error (&error);

  /* A permission its plugin does not have: the file is named too. */
  write_file (path, "b.json", "{\"identifier\": \"b\", \"windows\": [\"*\"], \"permissions\": [\"core:app:allow-nope\"]}");
  g_assert_false (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "b.json: capability “b”: `allow-nope` is not a permission of core:app");
  g_clear_error (&error);

  write_file (path, "b.json", "{\"identifier\": \"b\", \"windows\": [\"*\"], \"permissions\": [\"y\"]");
  g_assert_false (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "b.json: not a capability file: malformed JSON"));
  g_clear_error (&error);

  /* The same name in two files. */
  write_file (path, "b.json", "{\"identifier\": \"a\", \"windows\": [\"*\"], \"permissions\": [\"y\"]}");
  g_assert_false (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Tauri's other formats are refused, not skipped: one may hold a deny. */
  write_file (path, "b.json", "{\"identifier\": \"b\", \"windows\": [\"*\"], \"permissions\": [\"y\"]}");
  write_file (path, "c.toml", "identifier = \"c\"\n");
  g_assert_false (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "c.toml: only JSON capability files are supported");
  g_clear_error (&error);

  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { NULL }));
  test_assert_allowed (registry, "main", "z", TRUE);

  /* Fixed, it loads. */
  g_clear_pointer (&toml, g_free);
  toml = g_build_filename (path, "c.toml", NULL);
  g_assert_cmpint (g_remove (toml), ==, 0);
  g_assert_true (tauri_command_registry_load_capabilities (registry, directory, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, g_strfreev);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "a", "b", NULL }));
  test_assert_allowed (registry, "main", "y", TRUE);
  test_assert_allowed (registry, "main", "z", FALSE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_resource (void)
{
  g_autoptr(TauriCommandRegistry) registry = new_checked_registry ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  g_assert_true (tauri_command_registry_load_capabilities_from_resource (registry,
                                                                         RESOURCE_BASE "/capabilities",
                                                                         &error));
  g_assert_no_error (error);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "main-window", "editors", "everyone", NULL }));
  test_assert_allowed (registry, "main", "log_message", TRUE);
  test_assert_allowed (registry, "main", "try_operation", FALSE);
  g_assert_finalize_object (g_steal_pointer (&registry));

  /* One file. */
  registry = new_checked_registry ();
  g_assert_true (tauri_command_registry_load_capabilities_from_resource (registry,
                                                                         RESOURCE_BASE "/capabilities/main.json",
                                                                         &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&registry));

  /* Nothing there. */
  registry = new_checked_registry ();
  g_assert_false (tauri_command_registry_load_capabilities_from_resource (registry, RESOURCE_BASE "/nothing",
                                                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  test_assert_allowed (registry, "main", "anything", TRUE);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_app_folder (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded = NULL;

  /* No base path, or no capabilities/ folder in it: nothing to do. */
  g_assert_true (_tauri_command_registry_load_app_capabilities (registry, NULL, &error));
  g_assert_true (_tauri_command_registry_load_app_capabilities (registry, "/io/github/taurigtk/None", &error));
  g_assert_no_error (error);
  test_assert_allowed (registry, "main", "anything", TRUE);

  g_assert_true (_tauri_command_registry_load_app_capabilities (registry, RESOURCE_BASE, &error));
  g_assert_no_error (error);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { "main-window", "editors", "everyone", NULL }));
  g_assert_finalize_object (g_steal_pointer (&registry));

  /* A broken file: reported, and every call the capabilities decide is
   * refused until it is fixed, not allowed. */
  registry = tauri_command_registry_new ();
  g_assert_false (_tauri_command_registry_load_app_capabilities (registry, RESOURCE_BASE "/broken", &error));
  g_assert_error (error, TAURI_CAPABILITY_ERROR, TAURI_CAPABILITY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "zz-bad.json: capability “broken”: `allow-nope` is not a permission of core:window");
  g_clear_pointer (&loaded, g_strfreev);
  loaded = tauri_command_registry_list_capabilities (registry);
  g_assert_cmpstrv (loaded, ((const char * const []) { NULL }));
  test_assert_allowed (registry, "main", "plugin:window|close", FALSE);
  test_assert_allowed (registry, "main", "plugin:event|listen", FALSE);
  test_assert_allowed (registry, "main", "log_message", TRUE);
  tauri_command_registry_set_check_app_commands (registry, TRUE);
  test_assert_allowed (registry, "main", "log_message", FALSE);
  test_assert_allowed (registry, "main", "anything", FALSE);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

/* Whether a page at @uri in the window @label may call `run`: the
 * registry's answer must be @allowed, and a refusal is logged. */
static void
assert_remote (TauriCommandRegistry *registry,
               const char           *label,
               const char           *uri,
               gboolean              allowed)
{
  g_autoptr(GError) error = NULL;

  if (!allowed)
    g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "Refused “run” to window “*” at *: no capability grants it");

  if (_tauri_command_registry_check_access (registry, "run", label, uri, NULL, &error) != allowed)
    g_error ("%s in window “%s” is %s", uri, label, allowed ? "refused" : "allowed");

  g_test_assert_expected_messages ();
  g_assert_true (allowed == (error == NULL));
  g_assert_true (allowed == _tauri_command_registry_allows_remote (registry, label, uri));
}

static void
test_capabilities_remote (void)
{
  g_autoptr(TauriCommandRegistry) registry = registry_with (
    "{\"identifier\": \"remote\", \"windows\": [\"main\"],"
    " \"remote\": {\"urls\": [\"https://*.example.com/app/*\", \"http://localhost:1420\","
    "                         \"*://any-scheme.test:*\", \"https://[::1]:8443/\"]},"
    " \"permissions\": [\"run\"]}");
  static const char * const allowed[] = {
    "https://a.example.com/app/",
    "https://a.example.com/app/x/y?q=1#h",
    "https://A.Example.COM/app/x",
    "https://a.b.example.com/app/x",
    "https://a.example.com:443/app/x",
    "HTTPS://a.example.com/app/x",
    "http://localhost:1420",
    "http://localhost:1420/",
    "http://localhost:1420/any/path",
    "ftp://any-scheme.test:21/",
    "https://any-scheme.test/",
    "https://[::1]:8443/",
  };
  static const char * const refused[] = {
    "https://example.com/app/x",          /* `*.` needs a subdomain */
    "https://a.example.com/application",
    "https://a.example.com/app",
    "https://a.example.com/App/x",
    "http://a.example.com/app/x",
    "https://a.example.com:8443/app/x",
    "https://a.example.com.evil.test/app/x",
    "https://evil.test/a.example.com/app/x",
    "https://a.example.com%2Fapp/x",
    "http://localhost/",
    "http://localhost:1421/",
    "https://localhost:1420/",
    "https://[::1]:8443/x",
    "tauri://localhost/",
    "data:text/html,hi",
    "not a uri",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      assert_remote (registry, "main", allowed[i], TRUE);
      /* Window labels still count. */
      assert_remote (registry, "other", allowed[i], FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_remote (registry, "main", refused[i], FALSE);

  /* It applies to the app's own pages too, by default. */
  test_assert_allowed (registry, "main", "run", TRUE);

  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_capabilities_remote_errors (void)
{
  static const struct {
    const char *url;
    int         code;
    const char *text;
  } cases[] = {
    { "example.com", TAURI_CAPABILITY_ERROR_INVALID, "is not a URL pattern of the form SCHEME://HOST[:PORT][/PATH]" },
    { "://example.com", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https:///path", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "1http://a.b", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://a.b:99999/", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://a.b:0/", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://a.b:x/", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://[::1/", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://[::1]x/", TAURI_CAPABILITY_ERROR_INVALID, "not a URL pattern" },
    { "https://a.b/books/:id", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards are supported" },
    { "https://a.b/x?y", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards" },
    { "https://a.b/#x", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards" },
    { "http{s}?://a.b", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards" },
    { "https://(a|b).c", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards" },
    { "https://user@a.b", TAURI_CAPABILITY_ERROR_UNSUPPORTED, "only `*` wildcards" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"identifier\": \"r\", \"windows\": [\"main\"],"
                                               " \"remote\": {\"urls\": [\"https://ok.test\", \"%s\"]},"
                                               " \"permissions\": []}", cases[i].url);
      g_autofree char *text = g_strdup_printf ("capability “r”: remote.urls[1]: `%s`", cases[i].url);

      assert_load_error (json, cases[i].code, text);
      assert_load_error (json, cases[i].code, cases[i].text);
    }
}

/* Dispatch */

static void
unreachable_func (TauriInvocation *invocation,
                  gpointer         user_data)
{
  g_assert_not_reached ();
}

static void
log_message_func (TauriInvocation *invocation,
                  gpointer         user_data)
{
  tauri_invocation_return_string (invocation, tauri_invocation_get_string (invocation, "invoke_message"));
}

static gboolean
signal_only_cb (TauriCommandRegistry *registry,
                TauriInvocation      *invocation,
                guint                *calls)
{
  (*calls)++;
  tauri_invocation_return_string (invocation, "signalled");
  return TRUE;
}

/* Answered before the dispatch returns, from the window @label. */
static void
assert_dispatch (TauriCommandRegistry *registry,
                 const char           *label,
                 const char           *remote_uri,
                 const char           *name,
                 const char           *json,
                 TauriAnswerKind        kind,
                 const char           *text)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  TestReply reply = { 0, };

  TauriCaller caller = { NULL, label, remote_uri, NULL, NULL };

  invocation = _tauri_command_registry_dispatch (registry, name, &caller, json, json ? strlen (json) : 0, NULL,
                                                 test_reply_func, &reply, test_reply_destroy);

  g_assert_true (tauri_invocation_is_answered (invocation));
  test_assert_reply (&reply, kind, text);
  g_assert_cmpuint (reply.destroyed, ==, 1);
  if (kind == ERROR && strstr (text, "not allowed by ACL") != NULL)
    {
      /* Refused before the lookup's result is used: no command, no arguments. */
      g_assert_null (tauri_invocation_get_command (invocation));
      g_assert_cmpuint (json_object_get_size (tauri_invocation_get_arguments (invocation)), ==, 0);
    }
  g_assert_finalize_object (g_steal_pointer (&invocation));

  test_reply_clear (&reply);
}

static void
test_capabilities_dispatch (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(GError) error = NULL;
  guint signalled = 0;

  tauri_command_registry_set_check_app_commands (registry, TRUE);
  tauri_command_registry_add (registry,
                              tauri_command_new ("log_message", "invoke_message: string",
                                                 TAURI_COMMAND_FLAGS_NONE, log_message_func, NULL, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("delete_everything", NULL,
                                                 TAURI_COMMAND_FLAGS_NONE, unreachable_func, NULL, NULL));
  g_signal_connect (registry, "command::signal_only", G_CALLBACK (signal_only_cb), &signalled);

  /* No capability yet: every window, and no window, may call. */
  assert_dispatch (registry, "anyone", NULL, "log_message", "{\"invokeMessage\":\"hi\"}", OK, "\"hi\"");
  assert_dispatch (registry, NULL, NULL, "signal_only", NULL, OK, "\"signalled\"");
  assert_dispatch (registry, "anyone", NULL, "nope", NULL, ERROR, "\"Command nope not found\"");

  g_assert_true (tauri_command_registry_load_capabilities_from_data (registry,
    "[{\"identifier\": \"main\", \"windows\": [\"main\"],"
    "  \"permissions\": [\"allow-log-message\", \"signal_only\", \"nope\"]},"
    " {\"identifier\": \"second\", \"windows\": [\"second\"],"
    "  \"permissions\": [\"allow-*\", \"deny-delete-everything\"]}]", -1, &error));
  g_assert_no_error (error);

  /* Granted. */
  assert_dispatch (registry, "main", NULL, "log_message", "{\"invokeMessage\":\"hi\"}", OK, "\"hi\"");
  assert_dispatch (registry, "main", NULL, "signal_only", NULL, OK, "\"signalled\"");
  assert_dispatch (registry, "second", NULL, "log_message", "{\"invokeMessage\":\"2\"}", OK, "\"2\"");
  /* Granted, and then the usual checks. */
  assert_dispatch (registry, "main", NULL, "log_message", "{}", ERROR,
                   "\"invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage\"");
  assert_dispatch (registry, "main", NULL, "nope", NULL, ERROR, "\"Command nope not found\"");
  g_assert_cmpuint (signalled, ==, 2);

  /* Not granted to this window: Tauri's text, exactly, and logged. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "Refused “log_message” to window “other”: no capability grants it");
  assert_dispatch (registry, "other", NULL, "log_message", "{\"invokeMessage\":\"hi\"}", ERROR,
                   "\"Command log_message not allowed by ACL\"");
  g_test_assert_expected_messages ();

  /* Denied: deny wins over allow-*. The handler never runs. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "Refused “delete_everything” to window “second”: denied by capability “second”");
  assert_dispatch (registry, "second", NULL, "delete_everything", NULL, ERROR,
                   "\"Command delete_everything not allowed by ACL\"");
  g_test_assert_expected_messages ();

  /* Refused before the arguments are read, whatever they are... */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "Refused “log_message” to window “other”*");
  assert_dispatch (registry, "other", NULL, "log_message", "{\"invokeMessage\":", ERROR,
                   "\"Command log_message not allowed by ACL\"");
  g_test_assert_expected_messages ();

  /* ...and whether the command exists or not. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "Refused “no_such_command” to window “main”*");
  assert_dispatch (registry, "main", NULL, "no_such_command", NULL, ERROR,
                   "\"Command no_such_command not allowed by ACL\"");
  g_test_assert_expected_messages ();

  /* A signal handler is not asked either. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "Refused “signal_only” to window “other”*");
  assert_dispatch (registry, "other", NULL, "signal_only", NULL, ERROR,
                   "\"Command signal_only not allowed by ACL\"");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (signalled, ==, 2);
  /* allow-* takes in commands answered by signal too. */
  assert_dispatch (registry, "second", NULL, "signal_only", NULL, OK, "\"signalled\"");
  g_assert_cmpuint (signalled, ==, 3);

  /* No window: no label, nothing granted. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE, "Refused “log_message” to window “”*");
  assert_dispatch (registry, NULL, NULL, "log_message", "{\"invokeMessage\":\"hi\"}", ERROR,
                   "\"Command log_message not allowed by ACL\"");
  g_test_assert_expected_messages ();

  /* A page that is not the app's own gets nothing from local capabilities. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_MESSAGE,
                         "Refused “log_message” to window “main” at https://example.com/: no capability grants it");
  assert_dispatch (registry, "main", "https://example.com/", "log_message", "{\"invokeMessage\":\"hi\"}",
                   ERROR, "\"Command log_message not allowed by ACL\"");
  g_test_assert_expected_messages ();

  g_signal_handlers_disconnect_by_func (registry, signal_only_cb, &signalled);
  g_assert_finalize_object (g_steal_pointer (&registry));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Capabilities/none", test_capabilities_none);
  g_test_add_func ("/Tauri/Capabilities/window-globs", test_capabilities_window_globs);
  g_test_add_func ("/Tauri/Capabilities/star-window", test_capabilities_star_window);
  g_test_add_func ("/Tauri/Capabilities/permission-forms", test_capabilities_permission_forms);
  g_test_add_func ("/Tauri/Capabilities/deny-wins", test_capabilities_deny_wins);
  g_test_add_func ("/Tauri/Capabilities/wildcard", test_capabilities_wildcard);
  g_test_add_func ("/Tauri/Capabilities/local", test_capabilities_local);
  g_test_add_func ("/Tauri/Capabilities/platforms", test_capabilities_platforms);
  g_test_add_func ("/Tauri/Capabilities/unknown-permissions", test_capabilities_unknown_permissions);
  g_test_add_func ("/Tauri/Capabilities/malformed", test_capabilities_malformed);
  g_test_add_func ("/Tauri/Capabilities/file-forms", test_capabilities_file_forms);
  g_test_add_func ("/Tauri/Capabilities/directory", test_capabilities_directory);
  g_test_add_func ("/Tauri/Capabilities/directory-errors", test_capabilities_directory_errors);
  g_test_add_func ("/Tauri/Capabilities/resource", test_capabilities_resource);
  g_test_add_func ("/Tauri/Capabilities/app-folder", test_capabilities_app_folder);
  g_test_add_func ("/Tauri/Capabilities/remote", test_capabilities_remote);
  g_test_add_func ("/Tauri/Capabilities/remote-errors", test_capabilities_remote_errors);
  g_test_add_func ("/Tauri/Capabilities/dispatch", test_capabilities_dispatch);

  return g_test_run ();
}
