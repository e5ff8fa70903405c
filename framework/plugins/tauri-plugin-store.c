/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-json-private.h"
#include "tauri-plugin-store-private.h"

/*
 * Tauri's store plugin (@tauri-apps/plugin-store): a JSON object per
 * file, kept in memory and written atomically (g_file_replace_contents)
 * into the application's data directory, after 100 ms without a change
 * (autoSave) or on save(). Every change is emitted to the pages as
 * `store://change` ({path, resourceId, key, value, exists}), which
 * onKeyChange() and onChange() listen to. A store is a resource of the
 * application: loading the same path again gives the same one, until it is
 * closed.
 */

#define DEFAULT_AUTO_SAVE_MS 100

#define TAURI_TYPE_PLUGIN_STORE (tauri_plugin_store_get_type ())
G_DECLARE_FINAL_TYPE (TauriPluginStore, tauri_plugin_store, TAURI, PLUGIN_STORE, GObject)

struct _TauriPluginStore
{
  GObject     parent_instance;

  TauriApp   *app;           /* (unowned): the application outlives its resources */
  GHashTable *loaded;        /* (owned) the application's stores: path → rid */
  guint32     rid;
  GFile      *file;
  char       *path;
  JsonObject *cache;
  JsonObject *defaults;      /* (nullable) */
  guint       auto_save_ms;  /* 0: never */
  guint       save_source;
};

G_DEFINE_FINAL_TYPE (TauriPluginStore, tauri_plugin_store, G_TYPE_OBJECT)

static GBytes *
store_serialize (TauriPluginStore *self)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->cache);

  return _tauri_json_to_bytes (node);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *path = g_file_get_path (G_FILE (object));

      g_message ("Failed to save store %s: %s", path, error->message);
      if (task != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (task != NULL)
    g_task_return_boolean (task, TRUE);
}

/* Writes the store as it is now; @task, if any, gets the outcome. */
static void
store_save (TauriPluginStore *self,
            GTask            *task)
{
  g_autoptr(GBytes) bytes = store_serialize (self);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  /* Tauri creates the directories on the way, as we do. */
  if (!g_file_make_directory_with_parents (parent, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      if (task != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_file_replace_contents_bytes_async (self->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       replaced_cb, task ? g_object_ref (task) : NULL);
}

static gboolean
auto_save_cb (gpointer user_data)
{
  TauriPluginStore *self = user_data;

  self->save_source = 0;
  store_save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
emit_change (TauriPluginStore *self,
             const char       *key,
             JsonNode         *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, self->path);
  json_builder_set_member_name (builder, "resourceId");
  json_builder_add_int_value (builder, self->rid);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "value");
  if (value != NULL)
    json_builder_add_value (builder, json_node_copy (value));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "exists");
  json_builder_add_boolean_value (builder, value != NULL);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  tauri_app_emit (self->app, "store://change", payload);
}

/* After every change: emitted at once, written after a quiet moment. */
static void
changed (TauriPluginStore *self,
         const char       *key,
         JsonNode         *value)
{
  emit_change (self, key, value);

  if (self->auto_save_ms == 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->auto_save_ms, auto_save_cb, self);
}

static void
tauri_plugin_store_dispose (GObject *object)
{
  TauriPluginStore *self = TAURI_PLUGIN_STORE (object);

  /* A change still waiting is written now: the write holds what it needs. */
  if (self->save_source != 0)
    store_save (self, NULL);

  if (self->loaded != NULL && self->path != NULL &&
      GPOINTER_TO_UINT (g_hash_table_lookup (self->loaded, self->path)) == self->rid)
    g_hash_table_remove (self->loaded, self->path);

  G_OBJECT_CLASS (tauri_plugin_store_parent_class)->dispose (object);
}

static void
tauri_plugin_store_finalize (GObject *object)
{
  TauriPluginStore *self = TAURI_PLUGIN_STORE (object);

  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->cache, json_object_unref);
  g_clear_pointer (&self->defaults, json_object_unref);

  G_OBJECT_CLASS (tauri_plugin_store_parent_class)->finalize (object);
}

static void
tauri_plugin_store_class_init (TauriPluginStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tauri_plugin_store_dispose;
  object_class->finalize = tauri_plugin_store_finalize;
}

static void
tauri_plugin_store_init (TauriPluginStore *self)
{
  self->cache = json_object_new ();
  self->auto_save_ms = DEFAULT_AUTO_SAVE_MS;
}

/* The stores loaded by an application, by absolute path. */
static GHashTable *
loaded_stores (TauriApp *app)
{
  GHashTable *loaded = g_object_get_data (G_OBJECT (app), "tauri-plugin-store-loaded");

  if (loaded == NULL)
    {
      loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (app), "tauri-plugin-store-loaded",
                              loaded, (GDestroyNotify) g_hash_table_unref);
    }

  return loaded;
}

/* Relative to the application's data directory, as Tauri's
 * `BaseDirectory::AppData`; an absolute path stays as it is. */
static char *
resolve_path (TauriApp   *app,
              const char *path)
{
  const char *id = g_application_get_application_id (G_APPLICATION (app));

  if (g_path_is_absolute (path))
    return g_canonicalize_filename (path, NULL);

  return g_build_filename (g_get_user_data_dir (), id != NULL ? id : "", path, NULL);
}

static TauriPluginStore *
lookup_store (TauriInvocation  *invocation,
              GError          **error)
{
  TauriApp *app = _tauri_plugin_get_app (invocation);
  guint32 rid;

  if (!_tauri_plugin_get_rid (invocation, &rid, error))
    return NULL;

  return _tauri_resources_dup (_tauri_plugin_get_resources (app), rid, TAURI_TYPE_PLUGIN_STORE, error);
}

/* Sets the cache from a file's text; the defaults fill what it lacks. */
static gboolean
store_set_contents (TauriPluginStore  *self,
                    GBytes            *contents,
                    gboolean           ignore_defaults,
                    GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *cache;

  if (contents == NULL)
    cache = json_object_new ();
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (contents, &length);

      root = _tauri_json_parse (data, length, TAURI_JSON_DEFAULT_MAX_DEPTH, &parse_error);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Failed to deserialize store. %s",
                       parse_error != NULL ? parse_error->message : "expected a map");
          return FALSE;
        }
      cache = json_object_ref (json_node_get_object (root));
    }

  if (self->defaults != NULL && !ignore_defaults)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, self->defaults);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (!json_object_has_member (cache, key))
            json_object_set_member (cache, key, json_node_copy (value));
        }
    }

  json_object_unref (self->cache);
  self->cache = cache;
  return TRUE;
}

/* load {path, options?: {defaults?, autoSave?, createNew?, ...}} */

typedef struct
{
  TauriPluginStore *store;
  gboolean          ignore_defaults;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  g_free (data);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (contents == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!store_set_contents (data->store, contents, data->ignore_defaults, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Reads @store's file, unless it is new. */
static void
read_store (TauriPluginStore *store,
            GTask            *task,
            gboolean          ignore_defaults,
            gboolean          create_new)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->store = g_object_ref (store);
  data->ignore_defaults = ignore_defaults;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  if (create_new)
    {
      store_set_contents (store, NULL, ignore_defaults, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_file_load_bytes_async (store->file, g_task_get_cancellable (task), loaded_cb, g_object_ref (task));
}

static gboolean
apply_options (TauriPluginStore  *store,
               JsonNode          *options,
               GError           **error)
{
  JsonObject *object;
  JsonNode *member;

  if (options == NULL || JSON_NODE_HOLDS_NULL (options))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (options))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "invalid args `options` for command `load`: expected a map");
      return FALSE;
    }
  object = json_node_get_object (options);

  member = json_object_get_member (object, "defaults");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    store->defaults = json_object_ref (json_node_get_object (member));

  member = json_object_get_member (object, "autoSave");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member))
    {
      if (json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        store->auto_save_ms = json_node_get_boolean (member) ? DEFAULT_AUTO_SAVE_MS : 0;
      else if (json_node_get_value_type (member) == G_TYPE_INT64 && json_node_get_int (member) >= 0 &&
               json_node_get_int (member) <= G_MAXINT)
        store->auto_save_ms = json_node_get_int (member);
    }

  for (const char * const *name = (const char * const []) { "serializeFnName", "deserializeFnName", NULL };
       *name != NULL; name++)
    {
      member = json_object_get_member (object, *name);
      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s Function \"%s\" not found",
                       g_str_equal (*name, "serializeFnName") ? "Serialize" : "Deserialize",
                       json_node_get_string (member));
          return FALSE;
        }
    }

  return TRUE;
}

static void
store_load_async (TauriInvocation     *invocation,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             callback_data)
{
  TauriApp *app = _tauri_plugin_get_app (invocation);
  GHashTable *loaded = loaded_stores (app);
  g_autoptr(GTask) task = g_task_new (invocation, cancellable, callback, callback_data);
  g_autofree char *path = resolve_path (app, tauri_invocation_get_string (invocation, "path"));
  JsonNode *options = tauri_invocation_get_argument (invocation, "options");
  g_autoptr(TauriPluginStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer rid;
  gboolean create_new = FALSE;

  g_task_set_source_tag (task, store_load_async);

  /* Already loaded: the same store. */
  if (g_hash_table_lookup_extended (loaded, path, NULL, &rid))
    {
      TauriPluginStore *existing = _tauri_resources_dup (_tauri_plugin_get_resources (app),
                                                         GPOINTER_TO_UINT (rid),
                                                         TAURI_TYPE_PLUGIN_STORE, NULL);

      if (existing != NULL)
        {
          LoadData *data = g_new0 (LoadData, 1);

          data->store = existing;
          g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  store = g_object_new (TAURI_TYPE_PLUGIN_STORE, NULL);
  store->app = app;
  store->path = g_steal_pointer (&path);
  store->file = g_file_new_for_path (store->path);
  if (!apply_options (store, options, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (options != NULL && JSON_NODE_HOLDS_OBJECT (options))
    create_new = json_object_get_boolean_member_with_default (json_node_get_object (options), "createNew", FALSE);

  read_store (store, task, FALSE, create_new);
}

static JsonNode *
store_load_finish (TauriInvocation  *invocation,
                   GAsyncResult     *result,
                   GError          **error)
{
  TauriApp *app = _tauri_plugin_get_app (invocation);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  TauriPluginStore *store;
  GHashTable *loaded;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  /* An existing store was found, or a new one has been read. */
  store = data->store;

  if (store->rid == 0)
    {
      loaded = loaded_stores (app);
      /* Two loads of one path at once: the first one read wins. */
      if (g_hash_table_contains (loaded, store->path))
        store->rid = GPOINTER_TO_UINT (g_hash_table_lookup (loaded, store->path));
      else
        {
          store->rid = _tauri_resources_add (_tauri_plugin_get_resources (app), store, NULL);
          store->loaded = g_hash_table_ref (loaded);
          g_hash_table_insert (loaded, g_strdup (store->path), GUINT_TO_POINTER (store->rid));
        }
    }

  return json_node_init_int (json_node_alloc (), store->rid);
}

static void
store_get_store (TauriInvocation *invocation,
                 gpointer         user_data)
{
  TauriApp *app = user_data;
  g_autofree char *path = resolve_path (app, tauri_invocation_get_string (invocation, "path"));
  gpointer rid;

  if (g_hash_table_lookup_extended (loaded_stores (app), path, NULL, &rid))
    tauri_invocation_return_int (invocation, GPOINTER_TO_UINT (rid));
  else
    tauri_invocation_return_value (invocation, NULL);
}

typedef void (* StoreFunc) (TauriInvocation  *invocation,
                            TauriPluginStore *store);

static void
store_set (TauriInvocation  *invocation,
           TauriPluginStore *store)
{
  const char *key = tauri_invocation_get_string (invocation, "key");
  JsonNode *value = tauri_invocation_get_argument (invocation, "value");

  json_object_set_member (store->cache, key, json_node_copy (value));
  changed (store, key, value);
  tauri_invocation_return_value (invocation, NULL);
}

static void
store_get (TauriInvocation  *invocation,
           TauriPluginStore *store)
{
  const char *key = tauri_invocation_get_string (invocation, "key");
  JsonNode *value = json_object_get_member (store->cache, key);
  g_autoptr(JsonArray) pair = json_array_new ();
  g_autoptr(JsonNode) answer = NULL;

  json_array_add_element (pair, value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
  json_array_add_boolean_element (pair, value != NULL);
  answer = json_node_init_array (json_node_alloc (), pair);
  tauri_invocation_return_value (invocation, answer);
}

static void
store_has (TauriInvocation  *invocation,
           TauriPluginStore *store)
{
  tauri_invocation_return_boolean (invocation,
                                   json_object_has_member (store->cache,
                                                           tauri_invocation_get_string (invocation, "key")));
}

static void
store_delete (TauriInvocation  *invocation,
              TauriPluginStore *store)
{
  const char *key = tauri_invocation_get_string (invocation, "key");
  gboolean existed = json_object_has_member (store->cache, key);

  if (existed)
    {
      json_object_remove_member (store->cache, key);
      changed (store, key, NULL);
    }
  tauri_invocation_return_boolean (invocation, existed);
}

/* Replaces the cache by @contents (NULL: empty), telling the pages of
 * every key that changed. */
static void
replace_all (TauriPluginStore *store,
             JsonObject       *contents)
{
  g_autoptr(JsonObject) old = g_steal_pointer (&store->cache);
  g_autoptr(GList) old_keys = json_object_get_members (old);
  g_autoptr(GList) new_keys = NULL;

  store->cache = contents ? json_object_ref (contents) : json_object_new ();
  new_keys = json_object_get_members (store->cache);

  for (GList *l = old_keys; l != NULL; l = l->next)
    {
      if (!json_object_has_member (store->cache, l->data))
        changed (store, l->data, NULL);
    }
  for (GList *l = new_keys; l != NULL; l = l->next)
    {
      JsonNode *before = json_object_get_member (old, l->data);
      JsonNode *after = json_object_get_member (store->cache, l->data);

      if (before == NULL || !json_node_equal (before, after))
        changed (store, l->data, after);
    }
}

static void
store_clear (TauriInvocation  *invocation,
             TauriPluginStore *store)
{
  replace_all (store, NULL);
  tauri_invocation_return_value (invocation, NULL);
}

static void
store_reset (TauriInvocation  *invocation,
             TauriPluginStore *store)
{
  g_autoptr(JsonObject) defaults = NULL;

  /* A copy: the store changes, its defaults do not. */
  if (store->defaults != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), store->defaults);
      g_autoptr(GBytes) text = _tauri_json_to_bytes (node);
      g_autoptr(JsonNode) copy = _tauri_json_parse (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                                                    TAURI_JSON_DEPTH_LIMIT, NULL);

      defaults = json_object_ref (json_node_get_object (copy));
    }
  replace_all (store, defaults);
  tauri_invocation_return_value (invocation, NULL);
}

static void
store_keys (TauriInvocation  *invocation,
            TauriPluginStore *store)
{
  g_autoptr(GList) keys = json_object_get_members (store->cache);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) answer = NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    json_array_add_string_element (array, l->data);
  answer = json_node_init_array (json_node_alloc (), array);
  tauri_invocation_return_value (invocation, answer);
}

static void
store_values (TauriInvocation  *invocation,
              TauriPluginStore *store)
{
  g_autoptr(GList) values = json_object_get_values (store->cache);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) answer = NULL;

  for (GList *l = values; l != NULL; l = l->next)
    json_array_add_element (array, json_node_copy (l->data));
  answer = json_node_init_array (json_node_alloc (), array);
  tauri_invocation_return_value (invocation, answer);
}

static void
store_entries (TauriInvocation  *invocation,
               TauriPluginStore *store)
{
  g_autoptr(GList) keys = json_object_get_members (store->cache);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) answer = NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonArray *entry = json_array_new ();

      json_array_add_string_element (entry, l->data);
      json_array_add_element (entry, json_node_copy (json_object_get_member (store->cache, l->data)));
      json_array_add_array_element (array, entry);
    }
  answer = json_node_init_array (json_node_alloc (), array);
  tauri_invocation_return_value (invocation, answer);
}

static void
store_length (TauriInvocation  *invocation,
              TauriPluginStore *store)
{
  tauri_invocation_return_int (invocation, json_object_get_size (store->cache));
}

/* save and reload touch the file. */

static void
store_file_async (TauriInvocation     *invocation,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             callback_data)
{
  g_autoptr(GTask) task = g_task_new (invocation, cancellable, callback, callback_data);
  g_autoptr(TauriPluginStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = lookup_store (invocation, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_str_has_suffix (tauri_invocation_get_command_name (invocation), "|save"))
    store_save (store, task);
  else
    read_store (store, task, tauri_invocation_get_boolean (invocation, "ignore_defaults"), FALSE);
}

static JsonNode *
store_file_finish (TauriInvocation  *invocation,
                   GAsyncResult     *result,
                   GError          **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

static const struct {
  const char *name;
  const char *parameters;
  StoreFunc   func;
} store_commands[] = {
  { "plugin:store|set",     "rid: integer, key: string, value: any", store_set },
  { "plugin:store|get",     "rid: integer, key: string",             store_get },
  { "plugin:store|has",     "rid: integer, key: string",             store_has },
  { "plugin:store|delete",  "rid: integer, key: string",             store_delete },
  { "plugin:store|clear",   "rid: integer",                          store_clear },
  { "plugin:store|reset",   "rid: integer",                          store_reset },
  { "plugin:store|keys",    "rid: integer",                          store_keys },
  { "plugin:store|values",  "rid: integer",                          store_values },
  { "plugin:store|entries", "rid: integer",                          store_entries },
  { "plugin:store|length",  "rid: integer",                          store_length },
};

/* Every command of a loaded store finds it first, the same way. */
static void
store_command (TauriInvocation *invocation,
               gpointer         user_data)
{
  const char *name = tauri_invocation_get_command_name (invocation);
  g_autoptr(TauriPluginStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = lookup_store (invocation, &error);
  if (store == NULL)
    {
      tauri_invocation_return_error_message (invocation, error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (store_commands); i++)
    {
      if (g_str_equal (store_commands[i].name, name))
        {
          store_commands[i].func (invocation, store);
          return;
        }
    }

  g_assert_not_reached ();
}

void
_tauri_plugin_store_register (TauriApp             *app,
                              TauriCommandRegistry *registry)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_commands); i++)
    tauri_command_registry_add (registry,
                                tauri_command_new (store_commands[i].name, store_commands[i].parameters,
                                                   TAURI_COMMAND_FLAGS_NONE,
                                                   store_command, app, NULL));

  tauri_command_registry_add (registry,
                              tauri_command_new_async ("plugin:store|load", "path: string, options?: object",
                                                       TAURI_COMMAND_FLAGS_NONE,
                                                       store_load_async, store_load_finish, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new ("plugin:store|get_store", "path: string",
                                                 TAURI_COMMAND_FLAGS_NONE,
                                                 store_get_store, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_async ("plugin:store|save", "rid: integer",
                                                       TAURI_COMMAND_FLAGS_NONE,
                                                       store_file_async, store_file_finish, app, NULL));
  tauri_command_registry_add (registry,
                              tauri_command_new_async ("plugin:store|reload",
                                                       "rid: integer, ignore_defaults?: boolean",
                                                       TAURI_COMMAND_FLAGS_NONE,
                                                       store_file_async, store_file_finish, app, NULL));
}
