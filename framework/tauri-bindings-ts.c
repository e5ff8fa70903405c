/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * TypeScript text for the bindings (tauri-bindings.c): names a generated
 * function or parameter may take, string literals and comments, and the
 * TypeScript type of each type of the parameter grammar, with the
 * interfaces of the GObject types it names.
 */

#include "config.h"

#include <string.h>

#include "tauri-bindings-ts-private.h"
#include "tauri-command-private.h"

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

gboolean
_tauri_ts_is_identifier (const char *text)
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
void
_tauri_ts_append_string_literal (GString    *out,
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
void
_tauri_ts_append_comment_text (GString    *out,
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

/* @name, made a name JavaScript allows and does not reserve. */
static char *
finish_name (GString    *name,
             const char *fallback)
{
  if (name->len == 0)
    g_string_append (name, fallback);
  else if (g_ascii_isdigit (name->str[0]))
    g_string_prepend_c (name, '_');

  if (is_in (name->str, reserved_values, G_N_ELEMENTS (reserved_values)))
    g_string_append_c (name, '_');

  return g_string_free (name, FALSE);
}

/* `log_message` → `logMessage`, `plugin:fs|read-file` → `pluginFsReadFile`:
 * words are runs of letters and digits. */
char *
_tauri_ts_function_name (const char *command_name)
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

  return finish_name (name, "command");
}

/* A parameter is called by its argument's key when that is a name
 * JavaScript allows. */
char *
_tauri_ts_parameter_name (const char *key)
{
  GString *name = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '_' ? *p : '_');

  return finish_name (name, "arg");
}

/* @base, or @base with `_2`, `_3`…: the first of them not in @taken. The
 * names made from command and parameter names only hold an underscore at
 * their start, so the suffix cannot meet another one's plain name. */
char *
_tauri_ts_unique_name (const char *base,
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

char *
_tauri_ts_or_null (const char *type)
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

        return _tauri_ts_or_null (element);
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

static const char *interface_name (TauriTsPrinter *printer,
                                   GType           gtype);

/* The JSON form of a property's value, as tauri_json_from_object() writes
 * it. */
static char *
property_to_ts (TauriTsPrinter *printer,
                GParamSpec     *pspec)
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
            _tauri_ts_append_string_literal (names, klass->values[i].value_nick);
          }
        if (names->len == 0)
          g_string_append (names, "number");

        return g_string_free (names, FALSE);
      }

    case G_TYPE_VARIANT:
      {
        g_autofree char *value = variant_type_to_ts (G_PARAM_SPEC_VARIANT (pspec)->type);

        return _tauri_ts_or_null (value);
      }

    case G_TYPE_OBJECT:
      return _tauri_ts_or_null (interface_name (printer, type));

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
interface_body (TauriTsPrinter *printer,
                GType           gtype,
                const char     *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (gtype);
  g_autofree GParamSpec **pspecs = NULL;
  GString *body = g_string_new (NULL);
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  qsort (pspecs, n_pspecs, sizeof (GParamSpec *), compare_pspecs);

  g_string_append (body, "/** The JSON form of the GObject type `");
  _tauri_ts_append_comment_text (body, g_type_name (gtype));
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
      if (_tauri_ts_is_identifier (field))
        g_string_append (body, field);
      else
        _tauri_ts_append_string_literal (body, field);
      g_string_append_printf (body, ": %s;\n", type);
    }

  g_string_append (body, "}\n");

  return g_string_free (body, FALSE);
}

/* The TS name of an object<TypeName>, its interface printed once. */
static const char *
interface_name (TauriTsPrinter *printer,
                GType           gtype)
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
char *
_tauri_ts_spec_type (TauriTsPrinter      *printer,
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

        element = _tauri_ts_spec_type (printer, spec->element, input, FALSE);
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

        element = _tauri_ts_spec_type (printer, spec->element, FALSE, FALSE);
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
