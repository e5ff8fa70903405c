/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "tauri-capabilities-private.h"
#include "tauri-command-private.h"
#include "tauri-command-registry-private.h"
#include "tauri-json-private.h"
#include "tauri-marshal.h"
#include "tauri-window.h"

/**
 * TauriCommandRegistry:
 *
 * The commands an application offers to its pages, by name.
 *
 * When a page calls `invoke(name, args)`, the registry looks the command up,
 * parses and checks the arguments against the command's parameters, and
 * hands a [class@Invocation] to the command's handler. Each refusal answers
 * the call with the text Tauri uses, so a Tauri front end sees the same
 * errors:
 *
 * - `Command nope not found`
 * - ``invalid args `invokeMessage` for command `log_message`: command log_message missing required key invokeMessage``
 * - ``invalid args `invokeMessage` for command `log_message`: expected a string, got a number``
 *
 * A command can also be answered by connecting to the detailed
 * [signal@CommandRegistry::command] signal, which is the shortest way in C
 * and the natural way from bindings:
 *
 * ```c
 * static gboolean
 * greeting_cb (TauriCommandRegistry *registry,
 *              TauriInvocation      *invocation,
 *              gpointer              user_data)
 * {
 *   tauri_invocation_return_string (invocation, "Hello from C!");
 *   return TRUE;
 * }
 *
 * g_signal_connect (registry, "command::greeting", G_CALLBACK (greeting_cb), NULL);
 * ```
 *
 * ```python
 * def on_greeting(registry, invocation):
 *     invocation.return_string('Hello from Python!')
 *     return True
 *
 * registry.connect('command::greeting', on_greeting)
 * ```
 *
 * A command connected this way alone has no declared parameters, and its
 * arguments are not checked. To have them checked, also add a command of
 * that name created with a %NULL handler:
 *
 * ```c
 * tauri_command_registry_add (registry,
 *                             tauri_command_new ("open_window", "label: string",
 *                                                TAURI_COMMAND_FLAGS_NONE, NULL, NULL, NULL));
 * g_signal_connect (registry, "command::open_window", G_CALLBACK (open_window_cb), app);
 * ```
 *
 * ## Capabilities
 *
 * Which window may call which command is written, as in Tauri v2, in
 * capability files: JSON objects that grant permissions to the windows whose
 * labels match their `windows` patterns.
 *
 * ```json
 * {
 *   "identifier": "default",
 *   "windows": ["main", "editor-*"],
 *   "permissions": ["core:default", "core:window:allow-set-title", "fs:default",
 *                   { "identifier": "fs:allow-read-text-file", "allow": [{ "path": "$APPDATA/notes.txt" }] }]
 * }
 * ```
 *
 * A permission is a Tauri permission identifier, looked up in the manifest
 * of its prefix: the framework's own (`core:default`,
 * `core:window:allow-close`), a plugin's, loaded with
 * [method@CommandRegistry.load_permissions_from_data] (`fs:default`), or,
 * without a prefix, the application's own: `allow-log-message` grants
 * `log_message`, `allow-*` every command of the application's, and a
 * command's own name (`greeting`, `plugin:window|close`) that command. An
 * object entry gives its permission a scope, which the command reads with
 * [method@Invocation.dup_scope]. A capability may also list `remote.urls`,
 * the pages of other origins it applies to (such as
 * `https://app.example.com`, with `*` wildcards in the host, the port and
 * the path), and say `"local": false` to apply to them alone.
 *
 * As in Tauri, the capabilities decide the calls of the `plugin:` commands,
 * and of the application's own only when
 * [property@CommandRegistry:check-app-commands] is set. A decided call is
 * allowed only when a capability of the calling window grants the command
 * and no capability denies it: a deny refuses the command in every window.
 * Any other call is rejected with `Command NAME not allowed by ACL`, before
 * its arguments are read, and the refusal is logged. With no capability
 * loaded, the application's own pages may call the framework's host
 * commands, and no plugin's. A capability that names a plugin whose
 * manifest is not loaded is warned about once, and that entry ignored.
 *
 * A [class@App] loads the files in the `capabilities/` folder of its
 * resource base path at startup; others are loaded with
 * [method@CommandRegistry.load_capabilities],
 * [method@CommandRegistry.load_capabilities_from_resource] and
 * [method@CommandRegistry.load_capabilities_from_data].
 *
 * Since: 0.1
 */

/**
 * tauri_command_error_quark:
 *
 * The error domain of the errors a call is refused with by the registry;
 * see [error@CommandError].
 *
 * Returns: the %TAURI_COMMAND_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (tauri-command-error-quark, tauri_command_error)

/* Room for tens of MiB of raw bytes or JSON, and a bound on the memory one
 * message can take. */
#define DEFAULT_MAX_MESSAGE_SIZE (64 * 1024 * 1024)

/* Worker threads for the commands' thread handlers, at most this many at
 * once by default. */
#define DEFAULT_MAX_THREADS 16

enum {
  PROP_0,
  PROP_MAX_DEPTH,
  PROP_MAX_MESSAGE_SIZE,
  PROP_MAX_THREADS,
  PROP_CHECK_APP_COMMANDS,
  N_PROPS
};

enum {
  SIGNAL_COMMAND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TauriCommandRegistry, tauri_command_registry, G_TYPE_OBJECT)

static gboolean
tauri_command_registry_real_command (TauriCommandRegistry *self,
                                     TauriInvocation      *invocation)
{
  TauriCommand *command = tauri_invocation_get_command (invocation);

  if (command == NULL || !_tauri_command_has_handler (command))
    return FALSE;

  _tauri_command_run (command, invocation, self->pool);
  return TRUE;
}

static void
tauri_command_registry_finalize (GObject *object)
{
  TauriCommandRegistry *self = TAURI_COMMAND_REGISTRY (object);

  /* Calls still waiting are dropped, which answers them; those running
   * are waited for. */
  g_clear_pointer (&self->pool, _tauri_command_pool_free);
  g_clear_pointer (&self->commands, g_hash_table_unref);
  g_clear_pointer (&self->acl, _tauri_acl_free);
  g_clear_pointer (&self->capabilities, g_ptr_array_unref);
  g_clear_pointer (&self->manifests, g_hash_table_unref);
  g_clear_pointer (&self->warned, g_hash_table_unref);

  G_OBJECT_CLASS (tauri_command_registry_parent_class)->finalize (object);
}

static void
tauri_command_registry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TauriCommandRegistry *self = TAURI_COMMAND_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_MAX_DEPTH:
      g_value_set_uint (value, tauri_command_registry_get_max_depth (self));
      break;

    case PROP_MAX_MESSAGE_SIZE:
      g_value_set_uint64 (value, tauri_command_registry_get_max_message_size (self));
      break;

    case PROP_MAX_THREADS:
      g_value_set_uint (value, tauri_command_registry_get_max_threads (self));
      break;

    case PROP_CHECK_APP_COMMANDS:
      g_value_set_boolean (value, tauri_command_registry_get_check_app_commands (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_command_registry_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TauriCommandRegistry *self = TAURI_COMMAND_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_MAX_DEPTH:
      tauri_command_registry_set_max_depth (self, g_value_get_uint (value));
      break;

    case PROP_MAX_MESSAGE_SIZE:
      tauri_command_registry_set_max_message_size (self, g_value_get_uint64 (value));
      break;

    case PROP_MAX_THREADS:
      tauri_command_registry_set_max_threads (self, g_value_get_uint (value));
      break;

    case PROP_CHECK_APP_COMMANDS:
      tauri_command_registry_set_check_app_commands (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tauri_command_registry_class_init (TauriCommandRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tauri_command_registry_finalize;
  object_class->get_property = tauri_command_registry_get_property;
  object_class->set_property = tauri_command_registry_set_property;

  /**
   * TauriCommandRegistry:max-depth: (getter get_max_depth) (setter set_max_depth)
   *
   * How deeply the arguments of a call may nest. A call nested deeper is
   * rejected before its arguments are parsed.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth", NULL, NULL,
                       1, 10000, TAURI_JSON_DEFAULT_MAX_DEPTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommandRegistry:max-message-size: (getter get_max_message_size) (setter set_max_message_size)
   *
   * The size in bytes of the largest call a page may send. A larger call is
   * rejected before its arguments are parsed.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_MESSAGE_SIZE] =
    g_param_spec_uint64 ("max-message-size", NULL, NULL,
                         1024, G_MAXSIZE, DEFAULT_MAX_MESSAGE_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommandRegistry:max-threads: (getter get_max_threads) (setter set_max_threads)
   *
   * How many worker threads run the handlers of commands made with
   * [ctor@Command.new_thread] at once; the calls beyond wait in a queue, in
   * the order they came, and a call whose page goes while it waits never
   * runs. The pool is the registry's own: GIO's asynchronous work, loading
   * the app's pages among it, never waits for it. Its threads start with
   * the first call of such a command, and are kept.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_THREADS] =
    g_param_spec_uint ("max-threads", NULL, NULL,
                       1, 1024, DEFAULT_MAX_THREADS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TauriCommandRegistry:check-app-commands: (getter get_check_app_commands) (setter set_check_app_commands)
   *
   * Whether the capabilities decide the calls of the application's own
   * commands too, as they do in Tauri when the application declares an app
   * manifest. By default they decide only the `plugin:` commands, and the
   * calls of pages other than the application's own.
   *
   * Since: 0.1
   */
  properties[PROP_CHECK_APP_COMMANDS] =
    g_param_spec_boolean ("check-app-commands", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TauriCommandRegistry::command:
   * @self: the registry
   * @invocation: the call
   *
   * Emitted for each call that passed the checks, with the command's name as
   * the detail, so that a handler can be connected to `command::log_message`
   * alone. The default handler runs the registered [class@Command]'s handler.
   *
   * A handler that answers the call, now or later, returns %TRUE, which stops
   * the emission. A call that no handler takes is rejected with
   * `Command NAME not found`.
   *
   * Returns: %TRUE when the handler takes the call
   *
   * Since: 0.1
   */
  signals[SIGNAL_COMMAND] =
    g_signal_new_class_handler ("command",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                G_CALLBACK (tauri_command_registry_real_command),
                                g_signal_accumulator_true_handled, NULL,
                                _tauri_marshal_BOOLEAN__OBJECT,
                                G_TYPE_BOOLEAN, 1, TAURI_TYPE_INVOCATION);
  g_signal_set_va_marshaller (signals[SIGNAL_COMMAND], G_TYPE_FROM_CLASS (klass),
                              _tauri_marshal_BOOLEAN__OBJECTv);
}

static void
tauri_command_registry_init (TauriCommandRegistry *self)
{
  self->commands = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->max_depth = TAURI_JSON_DEFAULT_MAX_DEPTH;
  self->max_message_size = DEFAULT_MAX_MESSAGE_SIZE;
  self->capabilities = g_ptr_array_new_with_free_func ((GDestroyNotify) _tauri_capability_free);
  self->pool = _tauri_command_pool_new (DEFAULT_MAX_THREADS);
  self->manifests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _tauri_manifest_free);
  self->warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _tauri_command_registry_add_core_permissions (self);
}

/**
 * tauri_command_registry_new:
 *
 * Creates an empty registry. An application has one already; see
 * [method@App.get_registry].
 *
 * Returns: (transfer full): a new registry
 *
 * Since: 0.1
 */
TauriCommandRegistry *
tauri_command_registry_new (void)
{
  return g_object_new (TAURI_TYPE_COMMAND_REGISTRY, NULL);
}

/**
 * tauri_command_registry_add:
 * @self: a registry
 * @command: (transfer full): the command
 *
 * Adds a command, replacing any command of the same name.
 *
 * Since: 0.1
 */
void
tauri_command_registry_add (TauriCommandRegistry *self,
                            TauriCommand         *command)
{
  g_return_if_fail (TAURI_IS_COMMAND_REGISTRY (self));
  g_return_if_fail (TAURI_IS_COMMAND (command));
  g_return_if_fail (tauri_command_get_name (command) != NULL);

  /* The key is the command's own name, so it lives as long as the value. */
  g_hash_table_replace (self->commands, (gpointer) tauri_command_get_name (command), command);
}

/**
 * tauri_command_registry_remove:
 * @self: a registry
 * @name: a command name
 *
 * Removes a command. Calls already running finish normally.
 *
 * Returns: whether there was a command of that name
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_remove (TauriCommandRegistry *self,
                               const char           *name)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_hash_table_remove (self->commands, name);
}

/**
 * tauri_command_registry_lookup:
 * @self: a registry
 * @name: a command name
 *
 * Looks a command up by name.
 *
 * Returns: (transfer none) (nullable): the command, or %NULL
 *
 * Since: 0.1
 */
TauriCommand *
tauri_command_registry_lookup (TauriCommandRegistry *self,
                               const char           *name)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->commands, name);
}

/* g_qsort_with_data() passes pointers to the elements, here `char **`. */
static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * tauri_command_registry_list_names:
 * @self: a registry
 *
 * Lists the names of the registered commands, sorted.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names
 *
 * Since: 0.1
 */
char **
tauri_command_registry_list_names (TauriCommandRegistry *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys = 0;
  char **names;

  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->commands, &n_keys);
  names = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    names[i] = g_strdup (keys[i]);
  g_qsort_with_data (names, n_keys, sizeof (char *), compare_names, NULL);

  return names;
}

/**
 * tauri_command_registry_get_max_depth:
 * @self: a registry
 *
 * Gets how deeply the arguments of a call may nest.
 *
 * Returns: the maximum depth
 *
 * Since: 0.1
 */
guint
tauri_command_registry_get_max_depth (TauriCommandRegistry *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), 0);

  return self->max_depth;
}

/**
 * tauri_command_registry_set_max_depth:
 * @self: a registry
 * @max_depth: the maximum depth, from 1 to 10,000
 *
 * Sets how deeply the arguments of a call may nest.
 *
 * Since: 0.1
 */
void
tauri_command_registry_set_max_depth (TauriCommandRegistry *self,
                                      guint                 max_depth)
{
  g_return_if_fail (TAURI_IS_COMMAND_REGISTRY (self));
  g_return_if_fail (max_depth >= 1 && max_depth <= 10000);

  if (self->max_depth == max_depth)
    return;

  self->max_depth = max_depth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DEPTH]);
}

/**
 * tauri_command_registry_get_max_message_size:
 * @self: a registry
 *
 * Gets the size in bytes of the largest call a page may send.
 *
 * Returns: the maximum size
 *
 * Since: 0.1
 */
gsize
tauri_command_registry_get_max_message_size (TauriCommandRegistry *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), 0);

  return self->max_message_size;
}

/**
 * tauri_command_registry_set_max_message_size:
 * @self: a registry
 * @max_message_size: the maximum size in bytes, at least 1024
 *
 * Sets the size in bytes of the largest call a page may send.
 *
 * Since: 0.1
 */
void
tauri_command_registry_set_max_message_size (TauriCommandRegistry *self,
                                             gsize                 max_message_size)
{
  g_return_if_fail (TAURI_IS_COMMAND_REGISTRY (self));
  g_return_if_fail (max_message_size >= 1024);

  if (self->max_message_size == max_message_size)
    return;

  self->max_message_size = max_message_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MESSAGE_SIZE]);
}

/**
 * tauri_command_registry_get_max_threads:
 * @self: a registry
 *
 * Gets how many worker threads run thread handlers at once.
 *
 * Returns: the number of threads
 *
 * Since: 0.1
 */
guint
tauri_command_registry_get_max_threads (TauriCommandRegistry *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), 0);

  return _tauri_command_pool_get_max_threads (self->pool);
}

/**
 * tauri_command_registry_set_max_threads:
 * @self: a registry
 * @max_threads: the number of threads, from 1 to 1024
 *
 * Sets how many worker threads run thread handlers at once.
 *
 * Since: 0.1
 */
void
tauri_command_registry_set_max_threads (TauriCommandRegistry *self,
                                        guint                 max_threads)
{
  g_return_if_fail (TAURI_IS_COMMAND_REGISTRY (self));
  g_return_if_fail (max_threads >= 1 && max_threads <= 1024);

  if (tauri_command_registry_get_max_threads (self) == max_threads)
    return;

  _tauri_command_pool_set_max_threads (self->pool, max_threads);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_THREADS]);
}

/**
 * tauri_command_registry_get_check_app_commands:
 * @self: a registry
 *
 * Gets whether the capabilities decide the calls of the application's own
 * commands; see [property@CommandRegistry:check-app-commands].
 *
 * Returns: whether they do
 *
 * Since: 0.1
 */
gboolean
tauri_command_registry_get_check_app_commands (TauriCommandRegistry *self)
{
  g_return_val_if_fail (TAURI_IS_COMMAND_REGISTRY (self), FALSE);

  return self->check_app_commands;
}

/**
 * tauri_command_registry_set_check_app_commands:
 * @self: a registry
 * @check_app_commands: whether the capabilities decide the calls of the
 *   application's own commands
 *
 * Sets whether the capabilities decide the calls of the application's own
 * commands, as in Tauri when the application declares an app manifest;
 * see [property@CommandRegistry:check-app-commands].
 *
 * Since: 0.1
 */
void
tauri_command_registry_set_check_app_commands (TauriCommandRegistry *self,
                                               gboolean              check_app_commands)
{
  g_return_if_fail (TAURI_IS_COMMAND_REGISTRY (self));

  check_app_commands = !!check_app_commands;
  if (self->check_app_commands == check_app_commands)
    return;

  self->check_app_commands = check_app_commands;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_APP_COMMANDS]);
}

static JsonNode *
parse_arguments (TauriCommandRegistry  *self,
                 const char            *name,
                 const char            *json,
                 gsize                  length,
                 GError               **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) arguments = NULL;

  if (length == 0)
    return NULL;

  arguments = _tauri_json_parse (json, length, self->max_depth, &parse_error);
  if (arguments == NULL)
    {
      g_set_error (error, TAURI_COMMAND_ERROR, parse_error->code,
                   "invalid args for command `%s`: %s", name, parse_error->message);
      return NULL;
    }

  /* invoke(cmd) and invoke(cmd, null) both mean no arguments. */
  if (JSON_NODE_HOLDS_NULL (arguments))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (arguments))
    {
      g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_INVALID_ARGS,
                   "invalid args for command `%s`: expected an object, got %s",
                   name, _tauri_json_describe (arguments));
      return NULL;
    }

  return g_steal_pointer (&arguments);
}

static gboolean
has_signal_handler (TauriCommandRegistry *self,
                    const char           *name)
{
  /* Never g_quark_from_string() a name that came from a page: quarks are
   * never freed. A name nobody connected to has no quark yet. */
  GQuark detail = g_quark_try_string (name);

  /* With a detail, g_signal_has_handler_pending() only matches handlers
   * connected with that very detail, not the undetailed ones that an
   * emission runs too: ask about both. */
  return g_signal_has_handler_pending (self, signals[SIGNAL_COMMAND], 0, FALSE) ||
         (detail != 0 &&
          g_signal_has_handler_pending (self, signals[SIGNAL_COMMAND], detail, FALSE));
}

static void
set_not_found (GError     **error,
               const char  *name)
{
  /* Host commands of @tauri-apps/api that this framework does not offer:
   * say so, rather than claim the app forgot a command. */
  if (g_str_has_prefix (name, "plugin:"))
    g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_NOT_FOUND,
                 "Command %s is not supported by tauri-gtk", name);
  else
    g_set_error (error, TAURI_COMMAND_ERROR, TAURI_COMMAND_ERROR_NOT_FOUND,
                 "Command %s not found", name);
}

static TauriCommand *
lookup_for_call (TauriCommandRegistry  *self,
                 const char            *name,
                 const TauriCaller     *caller,
                 char                 **scope,
                 GError               **error)
{
  TauriCommand *command = g_hash_table_lookup (self->commands, name);
  const char *label = caller->label;

  if (label == NULL && caller->window != NULL)
    label = tauri_window_get_label (caller->window);

  /* Before anything else, so that a window learns nothing, not even which
   * commands exist, from calls it may not make. */
  if (!_tauri_command_registry_check_access (self, name, label, caller->remote_uri, scope, error))
    return NULL;

  if (command == NULL && !has_signal_handler (self, name))
    set_not_found (error, name);

  return command;
}

/* The steps every call goes through, whatever its body: who may call, the
 * command, the arguments read and checked, then the handler. */
TauriInvocation *
_tauri_command_registry_dispatch (TauriCommandRegistry *self,
                                  const char           *name,
                                  const TauriCaller    *caller,
                                  const char           *arguments,
                                  gsize                 arguments_length,
                                  GBytes               *body,
                                  TauriReplyFunc        reply_func,
                                  gpointer              reply_data,
                                  GDestroyNotify        reply_destroy)
{
  g_autoptr(TauriInvocation) invocation = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  TauriCommand *command;
  gboolean handled = FALSE;

  g_assert (TAURI_IS_COMMAND_REGISTRY (self));
  g_assert (name != NULL);
  g_assert (caller != NULL);
  g_assert (caller->window == NULL || TAURI_IS_WINDOW (caller->window));

  command = lookup_for_call (self, name, caller, &scope, &error);
  if (error == NULL && body == NULL)
    parsed = parse_arguments (self, name, arguments, arguments_length, &error);

  invocation = _tauri_invocation_new (name, parsed, caller->window, reply_func, reply_data, reply_destroy);
  _tauri_invocation_set_page (invocation, caller->page);
  if (caller->headers != NULL)
    _tauri_invocation_set_headers (invocation, g_hash_table_ref (caller->headers));
  if (body != NULL)
    _tauri_invocation_set_body (invocation, body);
  if (command != NULL)
    _tauri_invocation_set_command (invocation, command);
  if (scope != NULL)
    _tauri_invocation_set_scope (invocation, g_steal_pointer (&scope));

  if (error == NULL && command != NULL && body != NULL)
    _tauri_command_params_check_body (command, &error);
  else if (error == NULL && command != NULL)
    _tauri_command_params_check (command, tauri_invocation_get_arguments (invocation), &error);

  if (error != NULL)
    {
      tauri_invocation_return_gerror (invocation, error);
      return g_steal_pointer (&invocation);
    }

  g_signal_emit (self, signals[SIGNAL_COMMAND], g_quark_try_string (name), invocation, &handled);

  if (!handled && !tauri_invocation_is_answered (invocation))
    {
      set_not_found (&error, name);
      tauri_invocation_return_gerror (invocation, error);
    }

  return g_steal_pointer (&invocation);
}
