/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include "tauri.h"
#include "tauri-command-registry-private.h"
#include "tauri-invocation-private.h"

G_BEGIN_DECLS

/* What the TauriReplyFunc of one call received. The reply function only
 * runs on the main thread, so the fields need no locking. */
typedef struct
{
  guint           count;       /* answers delivered */
  guint           destroyed;   /* calls of the reply's destroy notify */
  TauriAnswerKind  kind;        /* of the last answer */
  char           *text;        /* of the last answer, as a C string */
  GThread        *thread;      /* where the last answer was delivered */
} TestReply;

void             test_reply_func     (const TauriAnswer    *answer,
                                      gpointer              user_data);
void             test_reply_destroy  (gpointer              user_data);
void             test_reply_clear    (TestReply            *reply);
void             test_reply_wait     (TestReply            *reply);
void             test_assert_reply   (TestReply            *reply,
                                      TauriAnswerKind        kind,
                                      const char           *text);

TauriInvocation *test_invocation_new (const char           *command_name,
                                      const char           *arguments_json,
                                      TestReply            *reply) G_GNUC_WARN_UNUSED_RESULT;
TauriInvocation *test_dispatch       (TauriCommandRegistry *registry,
                                      const char           *command_name,
                                      const char           *arguments_json,
                                      TestReply            *reply) G_GNUC_WARN_UNUSED_RESULT;
void             test_assert_call    (TauriCommandRegistry *registry,
                                      const char           *command_name,
                                      const char           *arguments_json,
                                      TauriAnswerKind        kind,
                                      const char           *text);

void             test_assert_allowed   (TauriCommandRegistry *registry,
                                        const char           *label,
                                        const char           *name,
                                        gboolean              allowed);
void             test_load_permissions (TauriCommandRegistry *registry,
                                        const char           *plugin,
                                        const char           *json);

void             test_increment      (guint                *counter);
void             test_wait_finalized (gpointer              object);

/* A small struct-like type: `message` (string) and `other-val` (int),
 * written as {"message":…,"other_val":…}. */
#define TEST_TYPE_MESSAGE (test_message_get_type ())

G_DECLARE_FINAL_TYPE (TestMessage, test_message, TEST, MESSAGE, GObject)

TestMessage *test_message_new             (const char  *message,
                                           int          other_val) G_GNUC_WARN_UNUSED_RESULT;
const char  *test_message_get_message     (TestMessage *self);
int          test_message_get_other_val   (TestMessage *self);

G_END_DECLS
