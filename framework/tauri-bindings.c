/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tauri-bindings-private.h"
#include "tauri-bindings-ts-private.h"
#include "tauri-command-private.h"

/*
 * Typed TypeScript bindings for an application's commands, what Tauri needs
 * a third-party tool for: every TauriApp prints them with `--print-bindings`.
 *
 * The module has one async function per command, in the order of the
 * command names, named in camelCase (`log_message` → `logMessage`). It takes
 * the parameters in their declared order, typed, builds the argument object
 * under the keys the registry checks, and returns a Promise of the declared
 * result type:
 *
 *   export function logMessage(invokeMessage: string): Promise<null> {
 *     return invoke<null>('log_message', { invokeMessage });
 *   }
 *
 * `invoke` comes from @tauri-apps/api/core, or, for a front end without a
 * bundler, from window.__TAURI__.core, whose declarations
 * `--print-global-types` prints (bridge/globals.d.ts, beside the bridge
 * script it describes).
 *
 * The generator is private on purpose: the command-line options are the one
 * interface, the same for an application written in C, Python, JavaScript
 * or Vala, and the text it prints is free to grow with the type grammar
 * without an ABI to keep.
 */

#define API_MODULE            "@tauri-apps/api/core"
#define GLOBAL_TYPES_RESOURCE "/io/github/taurigtk/Tauri/bridge/globals.d.ts"

static gboolean
takes_raw_body (TauriCommand *command)
{
  return tauri_command_get_n_parameters (command) == 1 &&
         !tauri_command_get_parameter_optional (command, 0) &&
         g_str_equal (tauri_command_get_parameter_type (command, 0), "bytes");
}

/* The command as declared, for the function's comment:
 * `slow_sum (a: number, b: number, delay_ms: integer) -> number`. */
static void
append_declaration (GString      *out,
                    TauriCommand *command)
{
  const char *result_type = tauri_command_get_result_type (command);
  g_autoptr(GString) declaration = g_string_new (tauri_command_get_name (command));

  g_string_append (declaration, " (");
  for (guint i = 0; i < tauri_command_get_n_parameters (command); i++)
    g_string_append_printf (declaration, "%s%s%s: %s",
                            i > 0 ? ", " : "",
                            tauri_command_get_parameter_name (command, i),
                            tauri_command_get_parameter_optional (command, i) ? "?" : "",
                            tauri_command_get_parameter_type (command, i));
  g_string_append_c (declaration, ')');
  if (result_type != NULL)
    g_string_append_printf (declaration, " -> %s", result_type);

  _tauri_ts_append_comment_text (out, declaration->str);
}

static void
print_function (TauriTsPrinter *printer,
                GString        *out,
                TauriCommand   *command,
                const char     *function)
{
  const char *command_name = tauri_command_get_name (command);
  const TauriTypeSpec *result_spec = _tauri_command_get_result_spec (command);
  guint n_parameters = tauri_command_get_n_parameters (command);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) arguments = g_string_new (NULL);
  g_autofree char *result = NULL;
  guint first_trailing_optional = n_parameters;

  if (result_spec != NULL)
    result = _tauri_ts_spec_type (printer, result_spec, FALSE, TRUE);
  else
    result = g_strdup ("unknown");

  /* `?` only where every later parameter may be left out too. */
  while (first_trailing_optional > 0 &&
         tauri_command_get_parameter_optional (command, first_trailing_optional - 1))
    first_trailing_optional--;

  g_string_append (out, "/** Calls `");
  append_declaration (out, command);
  g_string_append_printf (out, "`. */\nexport function %s(", function);

  if (takes_raw_body (command))
    {
      g_autofree char *name = _tauri_ts_parameter_name (_tauri_command_get_param (command, 0)->key);

      printer->uses_raw_body = TRUE;
      g_string_append_printf (out, "%s: Uint8Array | ArrayBuffer): Promise<%s> {\n"
                              "  return invoke<%s>(", name, result, result);
      _tauri_ts_append_string_literal (out, command_name);
      g_string_append_printf (out, ", %s);\n}\n", name);
      return;
    }

  for (guint i = 0; i < n_parameters; i++)
    {
      const TauriParam *param = _tauri_command_get_param (command, i);
      g_autofree char *base = _tauri_ts_parameter_name (param->key);
      g_autofree char *type = _tauri_ts_spec_type (printer, param->type, TRUE, TRUE);
      char *name = _tauri_ts_unique_name (base, taken);

      g_hash_table_add (taken, name);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
      if (param->optional)
        {
          g_autofree char *nullable = _tauri_ts_or_null (type);

          g_free (type);
          type = i >= first_trailing_optional
               ? g_steal_pointer (&nullable)
               : g_strdup_printf ("%s | undefined", nullable);
        }
      g_string_append_printf (out, "%s: %s", i >= first_trailing_optional && param->optional ? "?" : "", type);

      /* Two names with one key are one argument: the registry checks it
       * once, against the first. */
      if (g_hash_table_contains (keys, param->key))
        continue;
      g_hash_table_add (keys, param->key);

      g_string_append (arguments, arguments->len == 0 ? " " : ", ");
      if (g_str_equal (name, param->key))
        g_string_append (arguments, name);
      else
        {
          if (_tauri_ts_is_identifier (param->key))
            g_string_append (arguments, param->key);
          else
            _tauri_ts_append_string_literal (arguments, param->key);
          g_string_append_printf (arguments, ": %s", name);
        }
    }

  g_string_append_printf (out, "): Promise<%s> {\n  return invoke<%s>(", result, result);
  _tauri_ts_append_string_literal (out, command_name);
  if (arguments->len > 0)
    g_string_append_printf (out, ", {%s }", arguments->str);
  g_string_append (out, ");\n}\n");
}

/* qsort() passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static const char module_header[] =
  "// TypeScript bindings for the commands of a tauri-gtk application, printed\n"
  "// by its --print-bindings option. Do not edit: print them again when a\n"
  "// command changes.\n";

/* A format: its argument is the type of `args`. */
#define GLOBAL_INVOKE \
  "// The functions call window.__TAURI__.core.invoke, which the page's bridge\n" \
  "// defines: compile them with the declarations that --print-global-types\n" \
  "// prints.\n" \
  "function invoke<T>(cmd: string, args?: %s): Promise<T> {\n" \
  "  return window.__TAURI__.core.invoke<T>(cmd, args);\n" \
  "}\n"

static const char command_error[] =
  "/**\n"
  " * What a call rejects with, as in Tauri: a string, the message of the\n"
  " * command's error or the framework's own refusal (\"Command greet not\n"
  " * allowed by ACL\"), or the JSON value a command\n"
  " * rejected with (tauri_invocation_return_error_value()), typically an\n"
  " * object with a code and a message. Promises reject untyped, so catch it\n"
  " * as `catch((error: CommandError) => ...)`.\n"
  " */\n"
  "export type CommandError = string | Record<string, unknown> | unknown[] | number | boolean | null;\n";

char *
_tauri_bindings_print_module (TauriCommandRegistry *registry,
                              TauriBindingsInvoke   invoke)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) functions = g_string_new (NULL);
  g_autofree const char **interfaces = NULL;
  guint n_interfaces = 0;
  GString *out = g_string_new (module_header);
  TauriTsPrinter printer = { 0, };

  g_assert (TAURI_IS_COMMAND_REGISTRY (registry));

  printer.interfaces = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  printer.bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  names = tauri_command_registry_list_names (registry);
  for (guint i = 0; names[i] != NULL; i++)
    {
      TauriCommand *command = tauri_command_registry_lookup (registry, names[i]);
      g_autofree char *base = NULL;
      char *function;

      /* The framework's own commands, which @tauri-apps/api wraps. */
      if (g_str_has_prefix (names[i], "plugin:"))
        continue;

      base = _tauri_ts_function_name (names[i]);
      function = _tauri_ts_unique_name (base, taken);
      g_hash_table_add (taken, function);

      g_string_append_c (functions, '\n');
      print_function (&printer, functions, command, function);
    }

  g_string_append_c (out, '\n');
  if (invoke == TAURI_BINDINGS_INVOKE_GLOBAL)
    {
      g_string_append_printf (out, GLOBAL_INVOKE,
                              printer.uses_raw_body ? "Record<string, unknown> | Uint8Array | ArrayBuffer"
                                                    : "Record<string, unknown>");
      if (printer.uses_channel)
        g_string_append (out, "\n// window.__TAURI__.core.Channel.\n"
                              "type Channel<T> = TauriChannel<T>;\n");
    }
  else
    {
      g_string_append_printf (out, "import { %sinvoke } from '" API_MODULE "';\n",
                              printer.uses_channel ? "type Channel, " : "");
    }

  g_string_append_c (out, '\n');
  g_string_append (out, command_error);

  interfaces = (const char **) g_hash_table_get_keys_as_array (printer.bodies, &n_interfaces);
  qsort (interfaces, n_interfaces, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_interfaces; i++)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, g_hash_table_lookup (printer.bodies, interfaces[i]));
    }

  g_string_append (out, functions->str);

  g_hash_table_unref (printer.interfaces);
  g_hash_table_unref (printer.bodies);

  return g_string_free (out, FALSE);
}

char *
_tauri_bindings_print_global_types (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (GLOBAL_TYPES_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize size = 0;
  const char *data;

  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static int
print_text (const char *text)
{
  gsize length = strlen (text);

  /* As it is: g_print() would convert it to the locale's charset. */
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr ("%s: could not write the bindings: %s\n",
                  g_get_prgname (), g_strerror (errno));
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* The branch of TauriApp's handle-local-options for `--print-bindings`,
 * `--print-global-bindings` and `--print-global-types`: the exit status, or
 * -1 to go on.
 *
 * The commands are registered here by calling the app's register_commands
 * directly: registering the application would run GtkApplication's
 * startup, which needs a display, and would hand the command line to a
 * primary instance if one is running. Bindings are printed at build time,
 * with no display and whatever else runs. */
int
_tauri_bindings_handle_options (TauriApp     *app,
                                GVariantDict *options)
{
  TauriAppClass *klass = TAURI_APP_GET_CLASS (app);
  TauriCommandRegistry *registry = tauri_app_get_registry (app);
  g_autofree char *text = NULL;

  g_assert (TAURI_IS_APP (app));
  g_assert (options != NULL);

  if (g_variant_dict_contains (options, "print-global-types"))
    return print_text ((text = _tauri_bindings_print_global_types ()));

  if (!g_variant_dict_contains (options, "print-bindings") &&
      !g_variant_dict_contains (options, "print-global-bindings"))
    return -1;

  if (klass->register_commands != NULL)
    klass->register_commands (app, registry);

  text = _tauri_bindings_print_module (registry,
                                       g_variant_dict_contains (options, "print-global-bindings")
                                       ? TAURI_BINDINGS_INVOKE_GLOBAL
                                       : TAURI_BINDINGS_INVOKE_API);
  return print_text (text);
}
