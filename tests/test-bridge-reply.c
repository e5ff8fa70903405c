/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri.h"
#include "tauri-bridge-private.h"

/*
 * How each transport writes each kind of answer, without a web view: the
 * text of a script message's reply, an outbox frame, the web process
 * extension's reply and a tauri:// response. Every payload is read with
 * its length: these payloads have no NUL after them (ASan sees a read past
 * their end).
 */

typedef struct
{
  TauriAnswerKind  kind;
  const char      *payload;        /* what the invocation gives */
  gsize            length;
  const char      *text;           /* a script message's reply */
  const char      *outbox;         /* an outbox frame, its NUL shown as | */
  char             message_tag;    /* the extension's reply */
  guint            status;         /* a tauri:// response */
  const char      *content_type;
} Case;

static const Case cases[] = {
  { TAURI_ANSWER_VALUE, "{\"a\":[1,2]}", 11, "{\"a\":[1,2]}", "A42 +{\"a\":[1,2]}|", '+', 200, "application/json" },
  { TAURI_ANSWER_VALUE, "\"text\"", 6, "\"text\"", "A42 +\"text\"|", '+', 200, "application/json" },
  { TAURI_ANSWER_VALUE, "null", 4, "null", "A42 +null|", '+', 200, "application/json" },
  { TAURI_ANSWER_ERROR, "\"it failed\"", 11, "\"it failed\"", "A42 -\"it failed\"|", '-', 400, "application/json" },
  { TAURI_ANSWER_ERROR, "{\"code\":7}", 10, "{\"code\":7}", "A42 -{\"code\":7}|", '-', 400, "application/json" },
  { TAURI_ANSWER_BYTES, "\x04\x05\x00\xff", 4, "~BAUA/w==", "A42 ~BAUA/w==|", '*', 200, "application/octet-stream" },
  { TAURI_ANSWER_BYTES, "", 0, "~", "A42 ~|", '*', 200, "application/octet-stream" },
  { TAURI_ANSWER_BYTES, "abc", 3, "~YWJj", "A42 ~YWJj|", '*', 200, "application/octet-stream" },
};

/* The payload in memory of its own, exactly as long as it is. */
static GBytes *
exact_bytes (const char *data,
             gsize       length)
{
  return g_bytes_new_take (g_memdup2 (data, length), length);
}

static void
test_reply_encodings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GBytes) payload = exact_bytes (c->payload, c->length);
      TauriAnswer answer = { c->kind, payload };
      g_autoptr(GBytes) text = _tauri_bridge_reply_encode_text (&answer);
      g_autoptr(GString) outbox = g_string_new (NULL);
      g_autoptr(GVariant) message = g_variant_ref_sink (_tauri_bridge_reply_encode_message (&answer));
      g_autoptr(GVariant) body = NULL;
      const char *content_type = NULL;
      guchar tag = 0;

      g_test_message ("case %u", i);

      g_assert_cmpmem (g_bytes_get_data (text, NULL), g_bytes_get_size (text), c->text, strlen (c->text));

      _tauri_bridge_reply_encode_outbox (outbox, 42, &answer);
      g_assert_cmpint (outbox->str[outbox->len - 1], ==, '\0');
      for (gsize k = 0; k < outbox->len; k++)
        {
          if (outbox->str[k] == '\0')
            outbox->str[k] = '|';
        }
      g_assert_cmpstr (outbox->str, ==, c->outbox);

      g_assert_true (g_variant_is_of_type (message, G_VARIANT_TYPE ("(yay)")));
      g_variant_get (message, "(y@ay)", &tag, &body);
      g_assert_cmpint (tag, ==, c->message_tag);
      if (c->kind == TAURI_ANSWER_BYTES)
        g_assert_cmpuint (g_variant_n_children (body), ==, 0);
      else
        g_assert_cmpmem (g_variant_get_data (body), g_variant_get_size (body), c->payload, c->length);

      g_assert_cmpuint (_tauri_bridge_reply_encode_request (&answer, &content_type), ==, c->status);
      g_assert_cmpstr (content_type, ==, c->content_type);
    }
}

static void
test_reply_large_bytes (void)
{
  gsize size = 3 * 1024 * 1024 + 1;
  g_autofree guchar *data = g_malloc (size);
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *base64 = NULL;
  TauriAnswer answer = { TAURI_ANSWER_BYTES, NULL };
  gsize decoded_length = 0;

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) (i * 7 + (i >> 11));
  payload = exact_bytes ((const char *) data, size);
  answer.payload = payload;

  /* The base64 of the bytes, after its tag, decodes to them. */
  text = _tauri_bridge_reply_encode_text (&answer);
  g_assert_cmpint (((const char *) g_bytes_get_data (text, NULL))[0], ==, '~');
  base64 = g_strndup ((const char *) g_bytes_get_data (text, NULL) + 1, g_bytes_get_size (text) - 1);
  decoded = g_base64_decode (base64, &decoded_length);
  g_assert_cmpmem (decoded, decoded_length, data, size);
}

/* A reply of no kind, or emptied, takes every operation and does nothing. */
static void
test_reply_empty (void)
{
  g_autoptr(GBytes) payload = exact_bytes ("1", 1);
  TauriAnswer answer = { TAURI_ANSWER_VALUE, payload };
  TauriBridgeReply reply = { TAURI_BRIDGE_REPLY_NONE, };

  _tauri_bridge_reply_send (&reply, &answer);
  _tauri_bridge_reply_refuse (&reply, "no");
  _tauri_bridge_reply_drop (&reply);
  g_assert_cmpint (reply.kind, ==, TAURI_BRIDGE_REPLY_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Tauri/BridgeReply/encodings", test_reply_encodings);
  g_test_add_func ("/Tauri/BridgeReply/large-bytes", test_reply_large_bytes);
  g_test_add_func ("/Tauri/BridgeReply/empty", test_reply_empty);

  return g_test_run ();
}
