/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "demo-custom-response.h"

/* The guide's `struct CustomResponse { message: String, other_val: usize }`:
 * a command that returns it resolves with {"message": …, "other_val": …}. */
struct _DemoCustomResponse
{
  GObject  parent_instance;

  char    *message;
  gint64   other_val;
};

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_OTHER_VAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DemoCustomResponse, demo_custom_response, G_TYPE_OBJECT)

static void
demo_custom_response_finalize (GObject *object)
{
  DemoCustomResponse *self = DEMO_CUSTOM_RESPONSE (object);

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (demo_custom_response_parent_class)->finalize (object);
}

static void
demo_custom_response_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DemoCustomResponse *self = DEMO_CUSTOM_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_OTHER_VAL:
      g_value_set_int64 (value, self->other_val);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
demo_custom_response_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DemoCustomResponse *self = DEMO_CUSTOM_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    case PROP_OTHER_VAL:
      self->other_val = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
demo_custom_response_class_init (DemoCustomResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = demo_custom_response_finalize;
  object_class->get_property = demo_custom_response_get_property;
  object_class->set_property = demo_custom_response_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_VAL] =
    g_param_spec_int64 ("other-val", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
demo_custom_response_init (DemoCustomResponse *self)
{
}

DemoCustomResponse *
demo_custom_response_new (const char *message,
                          gint64      other_val)
{
  return g_object_new (DEMO_TYPE_CUSTOM_RESPONSE,
                       "message", message,
                       "other-val", other_val,
                       NULL);
}
