/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-command-private.h"
#include "tauri-enums.h"
#include "tauri-command-registry.h"
#include "tauri-invocation.h"
#include "tauri-json-private.h"

/**
 * TauriCommand:
 *
 * A command that a page can call with `invoke()`: its name, its declared
 * parameters and its handler.
 *
 * The parameters are written as a list, one `name: type` pair each, the name
 * as the C code spells it and followed by `?` when the argument may be left
 * out or `null` (Rust's `Option<T>`):
 *
 * ```c
 * command = tauri_command_new ("slow_sum", "a: number, b: number, delay_ms?: integer",
 *                              TAURI_COMMAND_FLAGS_NONE, slow_sum, NULL, NULL);
 * ```
 *
 * A page passes the arguments as one object whose keys are the camelCase
 * form of the names (`delay_ms` is sent as `delayMs`), unless the command has
 * %TAURI_COMMAND_FLAGS_SNAKE_CASE. Before the handler runs, the registry
 * checks each argument against its type and rejects the call, with Tauri's
 * error texts, when one is missing or of the wrong type. The types are:
 *
 * - `string`, `integer`, `number`, `boolean`, `null`, `object`, `array`:
 *   the JSON value of that type (an `integer` is a number without a fraction);
 * - `array<TYPE>`: an array whose every element is of TYPE;
 * - `object<TypeName>`: an object that deserializes into a #GObject of that
 *   registered type, one property per member (see
 *   [method@Invocation.dup_object]);
 * - `variant<SIGNATURE>`: a value that deserializes into a #GVariant of that
 *   type (see [method@Invocation.dup_variant]);
 * - `any`: anything.
 *
 * A command has one of three kinds of handler:
 *
 * - a [callback@CommandFunc] runs on the main thread and answers through the
 *   [class@Invocation] it gets, at once or later ([ctor@Command.new]);
 * - a [callback@CommandThreadFunc] is a blocking function run on a worker
 *   thread ([ctor@Command.new_thread]);
 * - a [callback@CommandAsyncFunc] and [callback@CommandFinishFunc] pair is
 *   written like any GIO asynchronous function ([ctor@Command.new_async]).
 *
 * A command created with a %NULL handler is answered by a handler of the
 * registry's [signal@CommandRegistry::command] signal.
 *
 * From Python, GJS and Vala, [ctor@Command.new] takes any callable, and the
 * handler answers at once or later, from its language's asynchronous code:
 *
 * ```python
 * def slow_sum(invocation):
 *     def done():
 *         invocation.return_double(invocation.get_double('a') + invocation.get_double('b'))
 *         return GLib.SOURCE_REMOVE
 *
 *     GLib.timeout_add(invocation.get_int('delay_ms'), done)
 *
 * registry.add(Tauri.Command.new('slow_sum', 'a: number, b: number, delay_ms: integer',
 *                                Tauri.CommandFlags.NONE, slow_sum))
 * ```
 *
 * A command may also declare the type of the value it resolves with, in the
 * same notation ([method@Command.set_result_type]). The parameters and the
 * result type are what the typed TypeScript bindings that every
 * [class@App] prints with `--print-bindings` are made of.
 *
 * Since: 0.1
 */

enum {
  PROP_0,
  PROP_NAME,
  PROP_PARAMETERS,
  PROP_FLAGS,
  PROP_RESULT_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TauriCommand, tauri_command, G_TYPE_OBJECT)

static void
param_free (TauriParam *param)
{
  g_free (param->name);
  g_free (param->key);
  _tauri_type_spec_free (param->type);
  g_free (param);
}

static void
tauri_command_finalize (GObject *object)
{
  TauriCommand *self = TAURI_COMMAND (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);

  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->result_type, _tauri_type_spec_free);
  g_clear_pointer (&self->parameters, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tauri_command_parent_class)->finalize (object);
}

/* The construct-only properties are all set: the list can be read, now
 * that the flags say how its keys are written. */
static void
tauri_command_constructed (GObject *object)
{
  TauriCommand *self = TAURI_COMMAND (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (tauri_command_parent_class)->constructed (object);

  if (self->name == NULL || *self->name == '\0')
    {
      g_critical ("A TauriCommand needs a name: set the “name” property");
      return;
    }

  /* A parameter list is part of the program: a mistake in it is a bug. */
  if (self->parameters != NULL && !_tauri_command_params_parse (self, self->parameters, &error))
    g_critical ("Invalid parameter list for command “%s”: %s", self->name, error->message);
}

static void
tauri_command_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TauriCommand *self = TAURI_COMMAND (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, tauri_command_get_name (self));
      break;

    case PROP_PARAMETERS:
      g_value_set_string (value, tauri_command_get_parameters (self));
      break;

    case PROP_FLAGS:
      g_value_set_flags (value, tauri_command_get_flags (self));
      break;

    case PROP_RESULT_TYPE:
      g_value_set_string (value, tauri_command_get_result_type (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_command_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TauriCommand *self = TAURI_COMMAND (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_PARAMETERS:
      self->parameters = g_value_dup_string (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_flags (value);
      break;

    case PROP_RESULT_TYPE:
      tauri_command_set_result_type (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_command_class_init (TauriCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tauri_command_constructed;
  object_class->finalize = tauri_command_finalize;
  object_class->get_property = tauri_command_get_property;
  object_class->set_property = tauri_command_set_property;

  /**
   * TauriCommand:name: (getter get_name)
   *
   * The name a page calls the command by. A command needs one.
   *
   * Since: 0.1
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommand:parameters: (getter get_parameters)
   *
   * The parameter list, such as `"invoke_message: string"`, or %NULL for
   * none (see [class@Command]).
   *
   * Since: 0.1
   */
  properties[PROP_PARAMETERS] =
    g_param_spec_string ("parameters", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommand:flags: (getter get_flags)
   *
   * How the command is called.
   *
   * Since: 0.1
   */
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        TAURI_TYPE_COMMAND_FLAGS, TAURI_COMMAND_FLAGS_NONE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommand:result-type: (getter get_result_type) (setter set_result_type)
   *
   * The type of the value the command resolves with, or %NULL when it
   * declares none.
   *
   * Since: 0.1
   */
  properties[PROP_RESULT_TYPE] =
    g_param_spec_string ("result-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tauri_command_init (TauriCommand *self)
{
  self->params = g_ptr_array_new_with_free_func ((GDestroyNotify) param_free);
}

/* A name as C code spells it: `log_message`, the form of command and
 * parameter names. */
gboolean
_tauri_command_is_valid_name (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static TauriCommand *
command_new (const char              *name,
             const char              *parameters,
             TauriCommandFlags        flags,
             TauriCommandHandlerKind  kind,
             gpointer                 user_data,
             GDestroyNotify           destroy)
{
  TauriCommand *self = g_object_new (TAURI_TYPE_COMMAND,
                                     "name", name,
                                     "parameters", parameters,
                                     "flags", flags,
                                     NULL);

  self->kind = kind;
  self->user_data = user_data;
  self->destroy = destroy;

  return self;
}

/**
 * tauri_command_new:
 * @name: the name a page calls the command by
 * @parameters: (nullable): the parameter list, such as
 *   `"invoke_message: string"`, or %NULL for none
 * @flags: flags for the command
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the handler, or %NULL to handle the command through the registry's
 *   [signal@CommandRegistry::command] signal
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the command is finalized
 *
 * Creates a command whose handler runs on the main thread.
 *
 * The handler answers through the invocation it receives, right away or
 * later. This is also the way to wrap any GIO asynchronous call: pass a
 * reference on the invocation as its user data and answer in its callback.
 *
 * ```c
 * static void
 * log_message (TauriInvocation *invocation,
 *              gpointer         user_data)
 * {
 *   g_print ("I was invoked from JS, with this message: %s\n",
 *            tauri_invocation_get_string (invocation, "invoke_message"));
 *   tauri_invocation_return_value (invocation, NULL);
 * }
 *
 * tauri_command_registry_add (registry,
 *                             tauri_command_new ("log_message", "invoke_message: string",
 *                                                TAURI_COMMAND_FLAGS_NONE,
 *                                                log_message, NULL, NULL));
 * ```
 *
 * Returns: (transfer full): a new command
 *
 * Since: 0.1
 */
TauriCommand *
tauri_command_new (const char        *name,
                   const char        *parameters,
                   TauriCommandFlags  flags,
                   TauriCommandFunc   func,
                   gpointer           user_data,
                   GDestroyNotify     destroy)
{
  TauriCommand *self;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  self = command_new (name, parameters, flags, func ? TAURI_COMMAND_HANDLER_FUNC : TAURI_COMMAND_HANDLER_NONE,
                      user_data, destroy);
  self->func = func;

  return self;
}

/**
 * tauri_command_new_thread:
 * @name: the name a page calls the command by
 * @parameters: (nullable): the parameter list, or %NULL for none
 * @flags: flags for the command
 * @func: (scope notified) (closure user_data) (destroy destroy): the blocking
 *   handler
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the command is finalized
 *
 * Creates a command whose handler is a blocking function run on the GTask
 * thread pool, like an `async` Tauri command: the main loop keeps running
 * while it works, and its result is sent to the page from the main thread.
 *
 * The handler must not touch GTK, WebKit or anything else of the main
 * thread; see [callback@CommandThreadFunc]. From Python the handler runs on
 * the worker thread holding the interpreter lock, and a `GLib.Error` it
 * raises rejects the call. GJS cannot run JavaScript on another thread: use
 * [ctor@Command.new] there, and answer later.
 *
 * Returns: (transfer full): a new command
 *
 * Since: 0.1
 */
TauriCommand *
tauri_command_new_thread (const char             *name,
                          const char             *parameters,
                          TauriCommandFlags       flags,
                          TauriCommandThreadFunc  func,
                          gpointer                user_data,
                          GDestroyNotify          destroy)
{
  TauriCommand *self;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = command_new (name, parameters, flags, TAURI_COMMAND_HANDLER_THREAD, user_data, destroy);
  self->thread_func = func;

  return self;
}

/**
 * tauri_command_new_async: (skip)
 * @name: the name a page calls the command by
 * @parameters: (nullable): the parameter list, or %NULL for none
 * @flags: flags for the command
 * @async_func: starts a call
 * @finish_func: finishes a call
 * @user_data: data the handlers get from [method@Invocation.get_user_data]
 * @destroy: (nullable): frees @user_data when the command is finalized
 *
 * Creates a command written the GIO way: @async_func starts the work, with
 * the invocation as its source object, and @finish_func turns the result into
 * the value the call resolves with or the error it rejects with.
 *
 * ```c
 * static void
 * read_file_async (TauriInvocation     *invocation,
 *                  GCancellable        *cancellable,
 *                  GAsyncReadyCallback  callback,
 *                  gpointer             callback_data)
 * {
 *   g_autoptr(GFile) file = g_file_new_for_path (tauri_invocation_get_string (invocation, "path"));
 *   GTask *task = g_task_new (invocation, cancellable, callback, callback_data);
 *
 *   g_file_load_contents_async (file, cancellable, file_loaded_cb, task);
 * }
 * ```
 *
 * Bindings use [ctor@Command.new] and answer the invocation from their own
 * asynchronous code.
 *
 * Returns: (transfer full): a new command
 *
 * Since: 0.1
 */
TauriCommand *
tauri_command_new_async (const char             *name,
                         const char             *parameters,
                         TauriCommandFlags       flags,
                         TauriCommandAsyncFunc   async_func,
                         TauriCommandFinishFunc  finish_func,
                         gpointer                user_data,
                         GDestroyNotify          destroy)
{
  TauriCommand *self;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (async_func != NULL, NULL);
  g_return_val_if_fail (finish_func != NULL, NULL);

  self = command_new (name, parameters, flags, TAURI_COMMAND_HANDLER_ASYNC, user_data, destroy);
  self->async_func = async_func;
  self->finish_func = finish_func;

  return self;
}

/**
 * tauri_command_get_name:
 * @self: a command
 *
 * Gets the name a page calls the command by.
 *
 * Returns: the command's name
 *
 * Since: 0.1
 */
const char *
tauri_command_get_name (TauriCommand *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);

  return self->name;
}

/**
 * tauri_command_get_parameters:
 * @self: a command
 *
 * Gets the parameter list the command was created with.
 *
 * Returns: (nullable): the parameter list, or %NULL for none
 *
 * Since: 0.1
 */
const char *
tauri_command_get_parameters (TauriCommand *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);

  return self->parameters;
}

/**
 * tauri_command_get_flags:
 * @self: a command
 *
 * Gets the flags the command was created with.
 *
 * Returns: the command's flags
 *
 * Since: 0.1
 */
TauriCommandFlags
tauri_command_get_flags (TauriCommand *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), TAURI_COMMAND_FLAGS_NONE);

  return self->flags;
}

/**
 * tauri_command_get_n_parameters:
 * @self: a command
 *
 * Gets how many parameters the command declares.
 *
 * Returns: the number of parameters
 *
 * Since: 0.1
 */
guint
tauri_command_get_n_parameters (TauriCommand *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), 0);

  return self->params->len;
}

/**
 * tauri_command_get_parameter_name:
 * @self: a command
 * @position: the parameter's position, from 0
 *
 * Gets the name of a parameter as it was declared, such as `invoke_message`.
 *
 * Returns: the parameter's name
 *
 * Since: 0.1
 */
const char *
tauri_command_get_parameter_name (TauriCommand *self,
                                  guint         position)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);
  g_return_val_if_fail (position < self->params->len, NULL);

  return _tauri_command_get_param (self, position)->name;
}

/**
 * tauri_command_get_parameter_key:
 * @self: a command
 * @position: the parameter's position, from 0
 *
 * Gets the key a page passes a parameter's argument under, such as
 * `invokeMessage`.
 *
 * Returns: the argument's key
 *
 * Since: 0.1
 */
const char *
tauri_command_get_parameter_key (TauriCommand *self,
                                 guint         position)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);
  g_return_val_if_fail (position < self->params->len, NULL);

  return _tauri_command_get_param (self, position)->key;
}

/**
 * tauri_command_get_parameter_type:
 * @self: a command
 * @position: the parameter's position, from 0
 *
 * Gets the type of a parameter, written as in a parameter list, such as
 * `string` or `array<integer>`.
 *
 * Returns: the parameter's type
 *
 * Since: 0.1
 */
const char *
tauri_command_get_parameter_type (TauriCommand *self,
                                  guint         position)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);
  g_return_val_if_fail (position < self->params->len, NULL);

  return _tauri_command_get_param (self, position)->type->text;
}

/**
 * tauri_command_get_parameter_optional:
 * @self: a command
 * @position: the parameter's position, from 0
 *
 * Gets whether a parameter's argument may be left out or `null`.
 *
 * Returns: whether the parameter is optional
 *
 * Since: 0.1
 */
gboolean
tauri_command_get_parameter_optional (TauriCommand *self,
                                      guint         position)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (position < self->params->len, FALSE);

  return _tauri_command_get_param (self, position)->optional;
}

/**
 * tauri_command_get_result_type:
 * @self: a command
 *
 * Gets the type of the value the command resolves with, written as in a
 * parameter list, such as `string` or `object<DemoCustomResponse>`.
 *
 * Returns: (nullable): the result type, or %NULL if the command does not
 *   declare one
 *
 * Since: 0.1
 */
const char *
tauri_command_get_result_type (TauriCommand *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND (self), NULL);

  return self->result_type != NULL ? self->result_type->text : NULL;
}

/**
 * tauri_command_set_result_type:
 * @self: a command
 * @type: (nullable): the result type, such as `"string"`, `"array<integer>"`
 *   or `"object<DemoCustomResponse>"`, or %NULL to declare none
 *
 * Declares the type of the value the command resolves with, in the notation
 * of a parameter list (see [class@Command]): the return type of a Tauri
 * command. A type named by `object<TypeName>` must be registered already.
 *
 * The declaration documents the command; the value a handler answers with is
 * not checked against it. The TypeScript bindings that `--print-bindings`
 * prints use it as the type of the promise the command's function returns,
 * `unknown` when there is none:
 *
 * ```c
 * command = tauri_command_new ("greeting", NULL, TAURI_COMMAND_FLAGS_NONE,
 *                              greeting, NULL, NULL);
 * tauri_command_set_result_type (command, "string");
 * ```
 *
 * ```ts
 * export function greeting(): Promise<string>
 * ```
 *
 * A command resolves with `null` when its handler answers with no value:
 * declare it as `null`.
 *
 * Since: 0.1
 */
void
tauri_command_set_result_type (TauriCommand *self,
                               const char   *type)
{
  g_autoptr(TauriTypeSpec) spec = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAURI_IS_COMMAND (self));

  if (type != NULL)
    {
      const char *cursor = type;

      spec = _tauri_type_spec_parse (&cursor, &error);
      while (spec != NULL && g_ascii_isspace (*cursor))
        cursor++;
      if (spec != NULL && *cursor != '\0')
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "unexpected “%s” after the type", cursor);

      /* Like a parameter list, a result type is part of the program. */
      if (error != NULL)
        {
          g_critical ("Invalid result type “%s” for command “%s”: %s",
                      type, self->name, error->message);
          return;
        }
    }

  if (g_strcmp0 (type, tauri_command_get_result_type (self)) == 0)
    return;

  g_clear_pointer (&self->result_type, _tauri_type_spec_free);
  self->result_type = g_steal_pointer (&spec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT_TYPE]);
}

const TauriTypeSpec *
_tauri_command_get_result_spec (TauriCommand *self)
{
  g_assert (TAURI_IS_COMMAND (self));

  return self->result_type;
}

const TauriParam *
_tauri_command_get_param (TauriCommand *self,
                          guint         position)
{
  g_assert (TAURI_IS_COMMAND (self));
  g_assert (position < self->params->len);

  return g_ptr_array_index (self->params, position);
}

const TauriParam *
_tauri_command_find_param (TauriCommand *self,
                           const char   *name)
{
  g_assert (TAURI_IS_COMMAND (self));

  for (guint i = 0; i < self->params->len; i++)
    {
      const TauriParam *param = g_ptr_array_index (self->params, i);

      if (g_str_equal (param->name, name))
        return param;
    }

  return NULL;
}

gpointer
_tauri_command_get_user_data (TauriCommand *self)
{
  g_assert (TAURI_IS_COMMAND (self));

  return self->user_data;
}

gboolean
_tauri_command_has_handler (TauriCommand *self)
{
  g_assert (TAURI_IS_COMMAND (self));

  return self->kind != TAURI_COMMAND_HANDLER_NONE;
}
