/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-json-private.h"

static void
test_placeholder (void)
{
  static const struct { const char *snake, *camel; } cases[] = {
    { "invoke_message", "invokeMessage" },
    { "number", "number" },
    { "delay_ms", "delayMs" },
    { "a_b_c", "aBC" },
    { "_private", "private" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *camel = _tauri_json_camel_case (cases[i].snake);

      g_assert_cmpstr (camel, ==, cases[i].camel);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/Json/camel-case", test_placeholder);

  return g_test_run ();
}
