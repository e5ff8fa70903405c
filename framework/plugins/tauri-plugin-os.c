/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-json-private.h"
#include "tauri-plugin-os-private.h"

/*
 * Tauri's os plugin (@tauri-apps/plugin-os): what it knows without asking
 * (platform(), arch(), version(), family(), type(), eol(), exeExtension())
 * is in window.__TAURI_OS_PLUGIN_INTERNALS__, set at document start;
 * locale() and hostname() are commands.
 */

/* As Rust's std::env::consts::ARCH names them. */
#if defined(__x86_64__)
# define ARCH "x86_64"
#elif defined(__i386__)
# define ARCH "x86"
#elif defined(__aarch64__)
# define ARCH "aarch64"
#elif defined(__arm__)
# define ARCH "arm"
#elif defined(__riscv) && __riscv_xlen == 64
# define ARCH "riscv64"
#elif defined(__powerpc64__)
# define ARCH "powerpc64"
#elif defined(__s390x__)
# define ARCH "s390x"
#elif defined(__loongarch64)
# define ARCH "loongarch64"
#else
# define ARCH "unknown"
#endif

char *
_tauri_plugin_os_dup_init_script (TauriApp *app)
{
  g_autofree char *version = g_get_os_info (G_OS_INFO_KEY_VERSION_ID);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) internals = NULL;
  g_autoptr(GBytes) json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eol");
  json_builder_add_string_value (builder, "\n");
  json_builder_set_member_name (builder, "os_type");
  json_builder_add_string_value (builder, "linux");
  json_builder_set_member_name (builder, "platform");
  json_builder_add_string_value (builder, "linux");
  json_builder_set_member_name (builder, "family");
  json_builder_add_string_value (builder, "unix");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version != NULL ? version : "unknown");
  json_builder_set_member_name (builder, "arch");
  json_builder_add_string_value (builder, ARCH);
  json_builder_set_member_name (builder, "exe_extension");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);
  internals = json_builder_get_root (builder);
  json = _tauri_json_to_bytes (internals);

  return g_strdup_printf ("Object.defineProperty(window, '__TAURI_OS_PLUGIN_INTERNALS__', "
                          "{ value: Object.freeze(%s) });\n",
                          (const char *) g_bytes_get_data (json, NULL));
}

/* The desktop's language as a BCP-47 tag: `de_DE.UTF-8` is `de-DE`. */
static char *
dup_locale (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG", NULL };

  for (guint i = 0; variables[i] != NULL; i++)
    {
      const char *value = g_getenv (variables[i]);
      g_autofree char *tag = NULL;
      char *end;

      if (value == NULL || *value == '\0')
        continue;
      if (g_str_equal (value, "C") || g_str_equal (value, "POSIX") || g_str_has_prefix (value, "C."))
        return NULL;

      tag = g_strdup (value);
      if ((end = strpbrk (tag, ".@")) != NULL)
        *end = '\0';
      g_strdelimit (tag, "_", '-');
      return *tag != '\0' ? g_steal_pointer (&tag) : NULL;
    }

  return NULL;
}

static void
os_locale (TauriInvocation *invocation,
           gpointer         user_data)
{
  g_autofree char *locale = dup_locale ();

  tauri_invocation_return_string (invocation, locale);
}

static void
os_hostname (TauriInvocation *invocation,
             gpointer         user_data)
{
  tauri_invocation_return_string (invocation, g_get_host_name ());
}

void
_tauri_plugin_os_register (TauriApp             *app,
                           TauriCommandRegistry *registry)
{
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:os|locale", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 os_locale, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:os|hostname", NULL, TAURI_COMMAND_FLAGS_NONE,
                                                 os_hostname, app, NULL));
}
