/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tauri-bindings-private.h"
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

typedef struct
{
  GHashTable *interfaces;      /* GType → TS name, (owned) values */
  GHashTable *bodies;          /* TS name → interface text, (owned) */
  gboolean    uses_channel;
  gboolean    uses_raw_body;
} Printer;

/* Words a generated function or parameter may not be called, because
 * JavaScript reserves them in modules, or because the module itself needs
 * the name (`invoke`, `window` for the global `invoke`). */
static const char * const reserved_values[] = {
  "arguments", "await", "break", "case", "catch", "class", "const",
  "continue", "debugger", "default", "delete", "do", "else", "enum", "eval",
  "export", "extends", "false", "finally", "for", "function", "if",
  "implements", "import", "in", "Infinity", "instanceof", "interface",
  "invoke", "let", "NaN", "new", "null", "package", "private", "protected",
  "public", "return", "static", "super", "switch", "this", "throw", "true",
  "try", "typeof", "undefined", "var", "void", "while", "window", "with",
  "yield",
};

/* Names an interface may not take: TypeScript's own types, the global
 * types the module uses, and the module's own. */
static const char * const reserved_types[] = {
  "any", "Array", "ArrayBuffer", "bigint", "boolean", "Channel",
  "CommandError", "never", "null", "number", "object", "Partial", "Promise",
  "Record", "string", "symbol", "Uint8Array", "undefined", "unknown", "void",
  "Window",
};

static gboolean
is_in (const char         *word,
       const char * const *words,
       gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (g_str_equal (word, words[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_identifier (const char *text)
{
  if (!g_ascii_isalpha (*text) && *text != '_' && *text != '$')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '$')
        return FALSE;
    }

  return TRUE;
}

/* A JavaScript string literal, in single quotes, in ASCII. */
static void
append_string_literal (GString    *out,
                       const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* A name is not checked for UTF-8 when a command is made. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        c = 0xFFFD;

      if (c == '\'' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c >= 0x20 && c < 0x7f)
        g_string_append_c (out, (char) c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_printf (out, "\\u{%X}", c);
    }
  g_string_append_c (out, '\'');
}

/* Text for a comment: it must not end the comment, nor leave ASCII. */
static void
append_comment_text (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' && p != text && p[-1] == '*')
        g_string_append (out, "\\/");
      else if (c >= 0x20 && c < 0x7f)
        g_string_append_c (out, (char) c);
      else
        g_string_append_c (out, '?');
    }
}

/* `log_message` → `logMessage`, `plugin:fs|read-file` → `pluginFsReadFile`:
 * words are runs of letters and digits. */
static char *
function_name (const char *command_name)
{
  GString *name = g_string_new (NULL);
  gboolean upper_next = FALSE;

  for (const char *p = command_name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          upper_next = name->len > 0;
          continue;
        }

      if (name->len == 0)
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (upper_next)
        g_string_append_c (name, g_ascii_toupper (*p));
      else
        g_string_append_c (name, *p);
      upper_next = FALSE;
    }

  if (name->len == 0)
    g_string_append (name, "command");
  else if (g_ascii_isdigit (name->str[0]))
    g_string_prepend_c (name, '_');

  if (is_in (name->str, reserved_values, G_N_ELEMENTS (reserved_values)))
    g_string_append_c (name, '_');

  return g_string_free (name, FALSE);
}

/* A parameter is called by its argument's key when that is a name
 * JavaScript allows. */
static char *
parameter_name (const char *key)
{
  GString *name = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '_' ? *p : '_');

  if (name->len == 0)
    g_string_append (name, "arg");
  else if (g_ascii_isdigit (name->str[0]))
    g_string_prepend_c (name, '_');

  if (is_in (name->str, reserved_values, G_N_ELEMENTS (reserved_values)))
    g_string_append_c (name, '_');

  return g_string_free (name, FALSE);
}

/* @base, or @base with `_2`, `_3`…: the first of them not in @taken. The
 * names made from command and parameter names only hold an underscore at
 * their start, so the suffix cannot meet another one's plain name. */
static char *
unique_name (const char *base,
             GHashTable *taken)
{
  char *name = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s_%u", base, n);
    }

  return name;
}

/* Whether @type is a union at its top level, and so needs parentheses to be
 * an array's element. */
static gboolean
is_union (const char *type)
{
  int depth = 0;

  for (const char *p = type; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '[' || *p == '(' || *p == '{')
        depth++;
      else if (*p == '>' || *p == ']' || *p == ')' || *p == '}')
        depth--;
      else if (*p == '|' && depth == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
array_of (const char *element)
{
  if (is_union (element))
    return g_strdup_printf ("(%s)[]", element);

  return g_strdup_printf ("%s[]", element);
}

static char *
or_null (const char *type)
{
  if (g_str_equal (type, "null") || g_str_equal (type, "unknown") ||
      g_str_has_suffix (type, " | null"))
    return g_strdup (type);

  return g_strdup_printf ("%s | null", type);
}

/* A GVariant type, as json-glib writes and reads it: a dictionary is an
 * object whose keys are strings, a tuple an array, a maybe the value or
 * null, a variant whatever it holds. */
static char *
variant_type_to_ts (const GVariantType *type)
{
  const char *signature = g_variant_type_peek_string (type);

  switch (signature[0])
    {
    case 'b':
      return g_strdup ("boolean");

    case 'y': case 'n': case 'q': case 'i': case 'u':
    case 'x': case 't': case 'h': case 'd':
      return g_strdup ("number");

    case 's': case 'o': case 'g':
      return g_strdup ("string");

    case '?':
      return g_strdup ("string | number | boolean");

    case 'm':
      {
        g_autofree char *element = variant_type_to_ts (g_variant_type_element (type));

        return or_null (element);
      }

    case 'a':
      {
        const GVariantType *element = g_variant_type_element (type);
        g_autofree char *element_ts = NULL;

        if (g_variant_type_is_dict_entry (element))
          return variant_type_to_ts (element);

        element_ts = variant_type_to_ts (element);
        return array_of (element_ts);
      }

    case '{':
      {
        g_autofree char *value = variant_type_to_ts (g_variant_type_value (type));

        return g_strdup_printf ("Record<string, %s>", value);
      }

    case '(':
      {
        GString *tuple = g_string_new ("[");

        for (const GVariantType *item = g_variant_type_first (type);
             item != NULL;
             item = g_variant_type_next (item))
          {
            g_autofree char *item_ts = variant_type_to_ts (item);

            if (tuple->len > 1)
              g_string_append (tuple, ", ");
            g_string_append (tuple, item_ts);
          }
        g_string_append_c (tuple, ']');

        return g_string_free (tuple, FALSE);
      }

    case 'r':
      return g_strdup ("unknown[]");

    case 'v':
    case '*':
    default:
      return g_strdup ("unknown");
    }
}

static char *
variant_signature_to_ts (const char *signature)
{
  g_assert (g_variant_type_string_is_valid (signature));

  return variant_type_to_ts (G_VARIANT_TYPE (signature));
}

static const char *interface_name (Printer *printer,
                                   GType    gtype);

/* The JSON form of a property's value, as tauri_json_from_object() writes
 * it. */
static char *
property_to_ts (Printer    *printer,
                GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup ("boolean");

    case G_TYPE_CHAR:
    case G_TYPE_UCHAR:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
    case G_TYPE_FLAGS:
      return g_strdup ("number");

    case G_TYPE_STRING:
      return g_strdup ("string | null");

    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (type);
        GString *names = g_string_new (NULL);

        /* Written by its nick, as serde writes a unit variant. */
        for (guint i = 0; i < klass->n_values; i++)
          {
            if (names->len > 0)
              g_string_append (names, " | ");
            append_string_literal (names, klass->values[i].value_nick);
          }
        if (names->len == 0)
          g_string_append (names, "number");

        return g_string_free (names, FALSE);
      }

    case G_TYPE_VARIANT:
      {
        g_autofree char *value = variant_type_to_ts (G_PARAM_SPEC_VARIANT (pspec)->type);

        return or_null (value);
      }

    case G_TYPE_OBJECT:
      return or_null (interface_name (printer, type));

    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        return g_strdup ("string[]");
      if (type == JSON_TYPE_NODE)
        return g_strdup ("unknown");
      return g_strdup ("null");

    default:
      return g_strdup ("null");
    }
}

/* Parents' properties first, then each class's in the order it installed
 * them: the order of the fields of a C struct. */
static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pspec_a = *(GParamSpec * const *) a;
  GParamSpec *pspec_b = *(GParamSpec * const *) b;
  guint depth_a = g_type_depth (pspec_a->owner_type);
  guint depth_b = g_type_depth (pspec_b->owner_type);

  if (depth_a != depth_b)
    return depth_a < depth_b ? -1 : 1;
  if (pspec_a->param_id != pspec_b->param_id)
    return pspec_a->param_id < pspec_b->param_id ? -1 : 1;

  return strcmp (pspec_a->name, pspec_b->name);
}

static char *
interface_body (Printer    *printer,
                GType       gtype,
                const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (gtype);
  g_autofree GParamSpec **pspecs = NULL;
  GString *body = g_string_new (NULL);
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  qsort (pspecs, n_pspecs, sizeof (GParamSpec *), compare_pspecs);

  g_string_append (body, "/** The JSON form of the GObject type `");
  append_comment_text (body, g_type_name (gtype));
  g_string_append (body, "`: one field per readable property. */\n");
  g_string_append_printf (body, "export interface %s {\n", name);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *field = NULL;
      g_autofree char *type = NULL;

      /* The properties tauri_json_from_object() writes. */
      if (!(pspecs[i]->flags & G_PARAM_READABLE) || (pspecs[i]->flags & G_PARAM_DEPRECATED))
        continue;

      field = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      type = property_to_ts (printer, pspecs[i]);

      g_string_append (body, "  ");
      if (is_identifier (field))
        g_string_append (body, field);
      else
        append_string_literal (body, field);
      g_string_append_printf (body, ": %s;\n", type);
    }

  g_string_append (body, "}\n");

  return g_string_free (body, FALSE);
}

/* The TS name of an object<TypeName>, its interface printed once. */
static const char *
interface_name (Printer *printer,
                GType    gtype)
{
  const char *known = g_hash_table_lookup (printer->interfaces, GSIZE_TO_POINTER (gtype));
  GString *name;
  char *body;

  if (known != NULL)
    return known;

  /* It writes itself: nothing to say about its fields. */
  if (g_type_is_a (gtype, JSON_TYPE_SERIALIZABLE))
    {
      char *record = g_strdup ("Record<string, unknown>");

      g_hash_table_insert (printer->interfaces, GSIZE_TO_POINTER (gtype), record);
      return record;
    }

  name = g_string_new (NULL);
  for (const char *p = g_type_name (gtype); *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '_' ? *p : '_');
  if (g_ascii_isdigit (name->str[0]))
    g_string_prepend_c (name, '_');
  while (is_in (name->str, reserved_types, G_N_ELEMENTS (reserved_types)) ||
         g_hash_table_contains (printer->bodies, name->str))
    g_string_append_c (name, '_');

  /* Named before its fields are: a type may hold one of its own kind. */
  g_hash_table_insert (printer->bodies, g_strdup (name->str), NULL);
  g_hash_table_insert (printer->interfaces, GSIZE_TO_POINTER (gtype), g_strdup (name->str));

  body = interface_body (printer, gtype, name->str);
  g_hash_table_insert (printer->bodies, g_string_free (name, FALSE), body);

  return g_hash_table_lookup (printer->interfaces, GSIZE_TO_POINTER (gtype));
}

/* A value of a type of the parameter grammar, @input when the page sends
 * it, @top when it is a call's whole result. An object<TypeName> argument
 * may leave out fields, which keep their default values; a result has them
 * all. */
static char *
spec_to_ts (Printer             *printer,
            const TauriTypeSpec *spec,
            gboolean             input,
            gboolean             top)
{
  switch (spec->kind)
    {
    case TAURI_TYPE_SPEC_ANY:
      return g_strdup ("unknown");

    case TAURI_TYPE_SPEC_NULL:
      return g_strdup ("null");

    case TAURI_TYPE_SPEC_STRING:
      return g_strdup ("string");

    case TAURI_TYPE_SPEC_INTEGER:
    case TAURI_TYPE_SPEC_NUMBER:
      return g_strdup ("number");

    case TAURI_TYPE_SPEC_BOOLEAN:
      return g_strdup ("boolean");

    case TAURI_TYPE_SPEC_OBJECT:
      return g_strdup ("Record<string, unknown>");

    case TAURI_TYPE_SPEC_ARRAY:
      {
        g_autofree char *element = NULL;

        if (spec->element == NULL)
          return g_strdup ("unknown[]");

        element = spec_to_ts (printer, spec->element, input, FALSE);
        return array_of (element);
      }

    case TAURI_TYPE_SPEC_GOBJECT:
      {
        const char *name = interface_name (printer, spec->gtype);

        return input ? g_strdup_printf ("Partial<%s>", name) : g_strdup (name);
      }

    case TAURI_TYPE_SPEC_VARIANT:
      return variant_signature_to_ts (spec->signature);

    case TAURI_TYPE_SPEC_CHANNEL:
      {
        g_autofree char *element = NULL;

        /* Its messages come from the application. */
        printer->uses_channel = TRUE;
        if (spec->element == NULL)
          return g_strdup ("Channel<unknown>");

        element = spec_to_ts (printer, spec->element, FALSE, FALSE);
        return g_strdup_printf ("Channel<%s>", element);
      }

    case TAURI_TYPE_SPEC_BYTES:
      /* Raw bytes answer a call as an ArrayBuffer; inside JSON they are an
       * array of numbers, as serde writes a Vec<u8>. */
      return g_strdup (top && !input ? "ArrayBuffer" : "number[]");

    default:
      g_assert_not_reached ();
    }
}

/* `upload(data: bytes)`: the page may send the bytes as the call's whole
 * body, without JSON. */
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

  append_comment_text (out, declaration->str);
}

static void
print_function (Printer      *printer,
                GString      *out,
                TauriCommand *command,
                const char   *function)
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
    result = spec_to_ts (printer, result_spec, FALSE, TRUE);
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
      g_autofree char *name = parameter_name (_tauri_command_get_param (command, 0)->key);

      printer->uses_raw_body = TRUE;
      g_string_append_printf (out, "%s: Uint8Array | ArrayBuffer): Promise<%s> {\n"
                              "  return invoke<%s>(", name, result, result);
      append_string_literal (out, command_name);
      g_string_append_printf (out, ", %s);\n}\n", name);
      return;
    }

  for (guint i = 0; i < n_parameters; i++)
    {
      const TauriParam *param = _tauri_command_get_param (command, i);
      g_autofree char *base = parameter_name (param->key);
      g_autofree char *type = spec_to_ts (printer, param->type, TRUE, TRUE);
      char *name = unique_name (base, taken);

      g_hash_table_add (taken, name);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
      if (param->optional)
        {
          g_autofree char *nullable = or_null (type);

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
          if (is_identifier (param->key))
            g_string_append (arguments, param->key);
          else
            append_string_literal (arguments, param->key);
          g_string_append_printf (arguments, ": %s", name);
        }
    }

  g_string_append_printf (out, "): Promise<%s> {\n  return invoke<%s>(", result, result);
  append_string_literal (out, command_name);
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
  " * command's error or the framework's own refusal (\"command log_message\n"
  " * missing required key invokeMessage\"), or the JSON value a command\n"
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
  Printer printer = { 0, };

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

      base = function_name (names[i]);
      function = unique_name (base, taken);
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
