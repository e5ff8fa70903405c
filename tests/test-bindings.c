/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri.h"
#include "tauri-bindings-private.h"

/* The TypeScript generator: result types, the exact module for a registry
 * that uses every type of the grammar (tests/ts/every-type-bindings.ts,
 * which `make test-bindings-ts` also type-checks), naming, and the
 * application's options.
 *
 * After a deliberate change of the generator, write the fixture again with
 *   TAURI_UPDATE_BINDINGS=1 meson test -C _build test-bindings
 * and read the difference. */

typedef enum
{
  TEST_MODE_FIRST,
  TEST_MODE_SECOND_ONE,
} TestMode;

#define TEST_TYPE_MODE (test_mode_get_type ())

GType test_mode_get_type (void);

G_DEFINE_ENUM_TYPE (TestMode, test_mode,
                    G_DEFINE_ENUM_VALUE (TEST_MODE_FIRST, "first"),
                    G_DEFINE_ENUM_VALUE (TEST_MODE_SECOND_ONE, "second-one"))

/* A struct-like type with one property of each kind the JSON marshalling
 * writes; only its property specs matter here. */
#define TEST_TYPE_THING (test_thing_get_type ())

G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, GObject)

struct _TestThing
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TestThing, test_thing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_OTHER_VAL,
  PROP_RATIO,
  PROP_ENABLED,
  PROP_MODE,
  PROP_FLAGS,
  PROP_TAGS,
  PROP_EXTRA,
  PROP_CHILD,
  PROP_SECRET,
  PROP_OLD,
  N_PROPS
};

static void
test_thing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  /* Every value keeps its default. */
}

static void
test_thing_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
}

static void
test_thing_class_init (TestThingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *properties[N_PROPS] = { NULL, };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = test_thing_get_property;
  object_class->set_property = test_thing_set_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_OTHER_VAL] = g_param_spec_int64 ("other-val", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_RATIO] = g_param_spec_double ("ratio", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, FALSE, flags);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, TEST_TYPE_MODE, TEST_MODE_FIRST, flags);
  properties[PROP_FLAGS] = g_param_spec_flags ("flags", NULL, NULL, G_TYPE_APPLICATION_FLAGS, 0, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXTRA] = g_param_spec_variant ("extra", NULL, NULL, G_VARIANT_TYPE ("a{sv}"), NULL, flags);
  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, TEST_TYPE_THING, flags);
  /* Neither is written, so neither is a field. */
  properties[PROP_SECRET] = g_param_spec_string ("secret", NULL, NULL, NULL,
                                                 G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OLD] = g_param_spec_string ("old", NULL, NULL, NULL, flags | G_PARAM_DEPRECATED);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
test_thing_init (TestThing *self)
{
}

static TauriCommandRegistry *
every_type_registry (void)
{
  TauriCommandRegistry *registry = tauri_command_registry_new ();
  static const struct {
    const char        *name;
    const char        *parameters;
    const char        *result_type;
    TauriCommandFlags  flags;
  } commands[] = {
    /* The brief's example, and every simple type. */
    { "everything", "a: number, b?: number, items: array<string>, obj: object<TestThing>, v: variant<a{sv}>",
      "object<TestThing>", TAURI_COMMAND_FLAGS_NONE },
    { "scalars", "s: string, i: integer, n: number, flag: boolean, nothing: null, anything: any, o: object, arr: array",
      NULL, TAURI_COMMAND_FLAGS_NONE },
    { "variants", "pair: variant<(ii)>, names: variant<as>, maybe: variant<ms>, nested: variant<a{sa{sv}}>, "
                  "entry: variant<{sd}>, boxed: variant<v>, raw: variant<ay>, unit: variant<()>",
      "variant<(sb)>", TAURI_COMMAND_FLAGS_NONE },
    { "nested_arrays", "matrix: array<array<number>>, maybes: array<variant<mi>>",
      "array<object<TestThing>>", TAURI_COMMAND_FLAGS_NONE },
    /* `?` only at the end; keys as written with SNAKE_CASE. */
    { "optional_middle", "first?: string, second: integer, third?: boolean, fourth?: null", "null",
      TAURI_COMMAND_FLAGS_NONE },
    { "snake_case_args", "invoke_message: string, delay_ms?: integer", "string", TAURI_COMMAND_FLAGS_SNAKE_CASE },
    /* Names: three commands meet at logMessage, keywords, digits, odd characters. */
    { "log_message", "invoke_message: string", "null", TAURI_COMMAND_FLAGS_NONE },
    { "logMessage", NULL, "null", TAURI_COMMAND_FLAGS_NONE },
    { "log-message", NULL, "null", TAURI_COMMAND_FLAGS_NONE },
    { "delete", "default: string, invoke: number, this_?: boolean", "boolean", TAURI_COMMAND_FLAGS_NONE },
    { "42", NULL, "integer", TAURI_COMMAND_FLAGS_NONE },
    { "invoke", NULL, NULL, TAURI_COMMAND_FLAGS_NONE },
    { "say:it's \\ \"here\"*/", NULL, "string", TAURI_COMMAND_FLAGS_NONE },
    /* Channels and bytes. */
    { "download", "url: string, on_progress: channel<number>, on_event: channel", "bytes", TAURI_COMMAND_FLAGS_NONE },
    { "upload", "data: bytes", "null", TAURI_COMMAND_FLAGS_NONE },
    { "sign", "data: bytes, key: string", "array<integer>", TAURI_COMMAND_FLAGS_NONE },
    /* The framework's own, which @tauri-apps/api wraps: left out. */
    { "plugin:window|close", "label?: string", NULL, TAURI_COMMAND_FLAGS_WITH_WINDOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      TauriCommand *command = tauri_command_new (commands[i].name, commands[i].parameters,
                                                 commands[i].flags, NULL, NULL, NULL);

      tauri_command_set_result_type (command, commands[i].result_type);
      tauri_command_registry_add (registry, command);
    }

  return registry;
}

static void
assert_text_equals_file (const char *text,
                         const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ts", fixture, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("TAURI_UPDATE_BINDINGS") != NULL)
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  /* The whole text on failure: it is the easiest way to see the change. */
  if (g_strcmp0 (text, expected) != 0)
    g_test_message ("printed:\n%s", text);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_result_type (void)
{
  g_autoptr(TauriCommand) command = NULL;

  g_type_ensure (TEST_TYPE_THING);
  command = tauri_command_new ("greeting", NULL, TAURI_COMMAND_FLAGS_NONE, NULL, NULL, NULL);

  g_assert_null (tauri_command_get_result_type (command));

  tauri_command_set_result_type (command, "string");
  g_assert_cmpstr (tauri_command_get_result_type (command), ==, "string");

  /* Written as in a parameter list, and normalized the same way. */
  tauri_command_set_result_type (command, "  array< object<TestThing> > ");
  g_assert_cmpstr (tauri_command_get_result_type (command), ==, "array<object<TestThing>>");
  tauri_command_set_result_type (command, "variant<a{sv}>");
  g_assert_cmpstr (tauri_command_get_result_type (command), ==, "variant<a{sv}>");

  /* A mistake is a programming error, and keeps what was declared. */
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*Invalid result type “strnig”*not a type*");
  tauri_command_set_result_type (command, "strnig");
  g_test_assert_expected_messages ();
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*Invalid result type “string, number”*");
  tauri_command_set_result_type (command, "string, number");
  g_test_assert_expected_messages ();
  g_test_expect_message ("Tauri", G_LOG_LEVEL_CRITICAL, "*“NoSuchType” is not a registered GObject type*");
  tauri_command_set_result_type (command, "object<NoSuchType>");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (tauri_command_get_result_type (command), ==, "variant<a{sv}>");

  tauri_command_set_result_type (command, NULL);
  g_assert_null (tauri_command_get_result_type (command));

  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_every_type (void)
{
  g_autoptr(TauriCommandRegistry) registry = NULL;
  g_autofree char *module = NULL;

  g_type_ensure (TEST_TYPE_THING);
  registry = every_type_registry ();
  module = _tauri_bindings_print_module (registry, TAURI_BINDINGS_INVOKE_API);

  assert_text_equals_file (module, "every-type-bindings.ts");

  /* Printing leaves the registry as it was. */
  g_assert_finalize_object (g_steal_pointer (&registry));
}

static void
test_global_invoke (void)
{
  g_autoptr(TauriCommandRegistry) registry = tauri_command_registry_new ();
  g_autoptr(TauriCommand) command = NULL;
  g_autofree char *module = NULL;

  command = tauri_command_new ("log_message", "invoke_message: string", TAURI_COMMAND_FLAGS_NONE,
                               NULL, NULL, NULL);
  tauri_command_set_result_type (command, "null");
  tauri_command_registry_add (registry, g_object_ref (command));

  module = _tauri_bindings_print_module (registry, TAURI_BINDINGS_INVOKE_GLOBAL);
  g_assert_null (strstr (module, "import"));
  g_assert_nonnull (strstr (module,
                            "function invoke<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {\n"
                            "  return window.__TAURI__.core.invoke<T>(cmd, args);\n"
                            "}\n"));
  g_assert_nonnull (strstr (module,
                            "export function logMessage(invokeMessage: string): Promise<null> {\n"
                            "  return invoke<null>('log_message', { invokeMessage });\n"
                            "}\n"));
  g_clear_pointer (&module, g_free);

  /* Channels are the bridge's own, declared by the global types. */
  tauri_command_registry_add (registry,
                              tauri_command_new ("count", "on_number: channel<integer>",
                                                 TAURI_COMMAND_FLAGS_NONE, NULL, NULL, NULL));
  module = _tauri_bindings_print_module (registry, TAURI_BINDINGS_INVOKE_GLOBAL);
  g_assert_nonnull (strstr (module, "type Channel<T> = TauriChannel<T>;\n"));
  g_assert_nonnull (strstr (module, "export function count(onNumber: Channel<number>): Promise<unknown> {\n"));

  g_assert_finalize_object (g_steal_pointer (&registry));
  g_assert_finalize_object (g_steal_pointer (&command));
}

static void
test_global_types (void)
{
  g_autofree char *types = _tauri_bindings_print_global_types ();

  assert_text_equals_file (types, "../../framework/bridge/globals.d.ts");
  g_assert_nonnull (strstr (types, "declare global {"));
  g_assert_nonnull (strstr (types, "__TAURI__: TauriGlobal;"));
  g_assert_nonnull (strstr (types, "__TAURI_INTERNALS__: TauriInternals;"));
}

static void
register_greeting (TauriApp             *app,
                   TauriCommandRegistry *registry)
{
  TauriCommand *command = tauri_command_new ("greeting", NULL, TAURI_COMMAND_FLAGS_NONE,
                                             NULL, NULL, NULL);

  tauri_command_set_result_type (command, "string");
  tauri_command_registry_add (registry, command);
}

/* The options, as an application runs them: printed without a display or a
 * bus, after the application's register_commands. */
static void
run_app (const char *option)
{
  g_autoptr(TauriApp) app = tauri_app_new ("org.example.Bindings", G_APPLICATION_DEFAULT_FLAGS);
  char *argv[] = { (char *) "test-app", (char *) option, NULL };

  TAURI_APP_GET_CLASS (app)->register_commands = register_greeting;
  exit (g_application_run (G_APPLICATION (app), 2, argv));
}

static void
test_app_option (void)
{
  if (g_test_subprocess ())
    {
      run_app (g_getenv ("TEST_OPTION"));
      return;
    }

  g_setenv ("TEST_OPTION", "--print-bindings", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*import { invoke } from '@tauri-apps/api/core';*"
                             "export function greeting(): Promise<string> {*");

  g_setenv ("TEST_OPTION", "--print-global-bindings", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*window.__TAURI__.core.invoke<T>(cmd, args)*"
                             "export function greeting(): Promise<string> {*");

  g_setenv ("TEST_OPTION", "--print-global-types", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*interface Window {*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Command/result-type", test_result_type);
  g_test_add_func ("/Tauri/Bindings/every-type", test_every_type);
  g_test_add_func ("/Tauri/Bindings/global-invoke", test_global_invoke);
  g_test_add_func ("/Tauri/Bindings/global-types", test_global_types);
  g_test_add_func ("/Tauri/Bindings/app-option", test_app_option);

  return g_test_run ();
}
