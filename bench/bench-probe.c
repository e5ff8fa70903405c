/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#if defined(__has_include)
# if __has_include(<valgrind/callgrind.h>)
#  include <valgrind/callgrind.h>
#  define HAVE_CALLGRIND 1
# endif
#endif

#include "bench-probe.h"

/*
 * What the probe measures, all on the UI process's main thread and with
 * CLOCK_MONOTONIC (g_get_monotonic_time(), microseconds):
 *
 * - the arrival of every message of a page, taken by emission hooks on
 *   WebKitUserContentManager::script-message-with-reply-received and
 *   WebKitWebView::user-message-received (what a web process extension
 *   posts: tauri-gtk's lone calls), which run before any handler of the
 *   signals: the baseline's and tauri-gtk's alike;
 * - the moment an echo call's answer has been handed to WebKit
 *   (bench_probe_answered(), called by each program right after it replied);
 * - between phase_begin and phase_end, the page makes its calls one after
 *   the other, each as soon as the previous one resolved: the time from one
 *   call's arrival to the next one's is then the full round trip of the first
 *   (page → UI process → page → next call), measured per call with the native
 *   clock, which is not clamped as performance.now() is;
 * - the startup's milestones: bench_probe_init() (early in main()), the
 *   end of GApplication::startup, the start of ::activate, the first
 *   window mapped, the first load-changed event of each kind, the arrival
 *   of the first call answered;
 * - the first answer of the process, with the memory of the process tree at
 *   that moment (RSS and PSS from /proc/PID/smaps_rollup of the UI process
 *   and every descendant: WebKit's web and network processes, and the
 *   sandbox helpers);
 * - the CPU time (user + system, all threads) that the UI process and its
 *   descendants spent during a phase, from /proc/PID/stat: less disturbed
 *   by other load on the machine than the wall clock;
 * - the main loop's iterations during a phase (a source whose prepare()
 *   counts them): how many calls the UI process takes in per wake-up;
 * - under callgrind, each phase's counts on their own: they are zeroed at
 *   phase_begin and dumped at phase_end, named after the phase;
 * - between stall_begin and stall_end, the longest gap between two runs of a
 *   1 ms timeout at the default priority: the main loop's worst stall.
 */

#define RESULT_PREFIX "BENCH-RESULT "

typedef struct
{
  GApplication *application;
  char         *program;
  GArray       *arrivals;          /* gint64 µs: every script message */
  GArray       *service;           /* gint64 µs: arrival → answer, echo calls of the phase */
  gboolean      in_phase;
  guint         phase_start;       /* index in arrivals of the phase's first call */
  gint64        phase_cpu_self;    /* µs of CPU at phase_begin: the UI process */
  gint64        phase_cpu_others;  /* µs of CPU at phase_begin: its descendants */
  guint64       iterations;        /* of the main loop, ever */
  guint64       phase_iterations;  /* at phase_begin */
  JsonObject   *results;           /* what the native side measured, by name */
  JsonObject   *capabilities;
  gint64        init_time;
  gint64        startup_done;      /* GApplication::startup has run */
  gint64        activate_begun;    /* GApplication::activate is about to run */
  gint64        first_map;         /* the first window is mapped */
  gint64        load_events[4];    /* first STARTED, REDIRECTED, COMMITTED, FINISHED */
  gint64        first_call;        /* arrival of the call answered first */
  gint64        first_answer;
  JsonObject   *first_memory;
  guint         stall_source;
  gint64        stall_start;
  gint64        stall_last_tick;
  gint64        stall_max_gap;
  gint64        stall_max_gap_end;
  guint         stall_ticks;
} Probe;

static Probe probe;

const char * const bench_probe_control_commands[] = {
  "bench_config",
  "phase_begin",
  "phase_end",
  "stall_begin",
  "stall_end",
  "report",
  NULL
};

static gboolean
arrival_hook (GSignalInvocationHint *hint,
              guint                  n_param_values,
              const GValue          *param_values,
              gpointer               user_data)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (probe.arrivals, now);
  return TRUE;
}

static gboolean
count_prepare (GSource *source,
               int     *timeout)
{
  probe.iterations++;
  *timeout = -1;
  return FALSE;
}

static gboolean
count_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs count_funcs = {
  count_prepare,
  NULL,
  count_dispatch,
  NULL,
  NULL,
  NULL,
};

static gboolean
load_changed_hook (GSignalInvocationHint *hint,
                   guint                  n_param_values,
                   const GValue          *param_values,
                   gpointer               user_data)
{
  WebKitLoadEvent event = g_value_get_enum (&param_values[1]);

  if (event < G_N_ELEMENTS (probe.load_events) && probe.load_events[event] == 0)
    probe.load_events[event] = g_get_monotonic_time ();
  return TRUE;
}

/* The tree of processes under @root: WebKit starts its helpers (through
 * bubblewrap when sandboxed) as children of the UI process. */
static GArray *
list_descendants (int root)
{
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  GArray *tree = g_array_new (FALSE, FALSE, sizeof (int));
  const char *name;

  g_array_append_val (tree, root);
  if (dir == NULL)
    return tree;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      const char *paren;
      char state;
      int pid;
      int ppid;

      if (!g_ascii_isdigit (name[0]))
        continue;

      pid = atoi (name);
      path = g_strdup_printf ("/proc/%s/stat", name);
      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;

      /* pid (comm) state ppid …; comm may hold spaces and parentheses. */
      paren = strrchr (contents, ')');
      if (paren == NULL || sscanf (paren + 1, " %c %d", &state, &ppid) != 2)
        continue;

      g_hash_table_insert (parents, GINT_TO_POINTER (pid), GINT_TO_POINTER (ppid));
    }

  /* Breadth first; the array grows while it is walked. */
  for (guint i = 0; i < tree->len; i++)
    {
      int parent = g_array_index (tree, int, i);
      GHashTableIter iter;
      gpointer key;
      gpointer value;

      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (GPOINTER_TO_INT (value) == parent)
            {
              int child = GPOINTER_TO_INT (key);

              g_array_append_val (tree, child);
            }
        }
    }

  return tree;
}

static gint64
read_kib (const char *contents,
          const char *field)
{
  const char *line = strstr (contents, field);

  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* CPU time of the UI process and of all its descendants, in µs; a
 * process's figure includes its threads, the finished ones too. */
static void
measure_cpu (gint64 *self_us,
             gint64 *others_us)
{
  g_autoptr(GArray) tree = list_descendants (getpid ());
  long ticks_per_s = sysconf (_SC_CLK_TCK);

  *self_us = 0;
  *others_us = 0;

  for (guint i = 0; i < tree->len; i++)
    {
      int pid = g_array_index (tree, int, i);
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
      g_autofree char *contents = NULL;
      unsigned long long utime;
      unsigned long long stime;
      const char *paren;
      gint64 us;

      if (!g_file_get_contents (path, &contents, NULL, NULL) ||
          (paren = strrchr (contents, ')')) == NULL ||
          sscanf (paren + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
                  &utime, &stime) != 2)
        continue;

      us = (gint64) ((utime + stime) * G_USEC_PER_SEC / ticks_per_s);
      if (i == 0)
        *self_us += us;
      else
        *others_us += us;
    }
}

JsonObject *
bench_probe_measure_memory (void)
{
  g_autoptr(GArray) tree = list_descendants (getpid ());
  JsonObject *memory = json_object_new ();
  JsonArray *processes = json_array_new ();
  gint64 rss = 0;
  gint64 pss = 0;
  gint64 uss = 0;
  guint unreadable = 0;

  for (guint i = 0; i < tree->len; i++)
    {
      int pid = g_array_index (tree, int, i);
      g_autofree char *rollup_path = g_strdup_printf ("/proc/%d/smaps_rollup", pid);
      g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", pid);
      g_autofree char *rollup = NULL;
      g_autofree char *comm = NULL;
      JsonObject *process;
      gint64 process_rss;
      gint64 process_pss;
      gint64 process_uss;

      if (!g_file_get_contents (rollup_path, &rollup, NULL, NULL))
        {
          unreadable++;
          continue;
        }
      if (g_file_get_contents (comm_path, &comm, NULL, NULL))
        g_strstrip (comm);

      process_rss = read_kib (rollup, "\nRss:");
      process_pss = read_kib (rollup, "\nPss:");
      /* What the process alone maps: others on the machine that map the
       * same libraries change its PSS, not this. */
      process_uss = read_kib (rollup, "\nPrivate_Clean:") + read_kib (rollup, "\nPrivate_Dirty:");
      if (process_rss < 0 || process_pss < 0)
        {
          unreadable++;
          continue;
        }

      rss += process_rss;
      pss += process_pss;
      uss += process_uss;

      process = json_object_new ();
      json_object_set_string_member (process, "name", comm ? comm : "?");
      json_object_set_int_member (process, "rss_kib", process_rss);
      json_object_set_int_member (process, "pss_kib", process_pss);
      json_object_set_int_member (process, "uss_kib", process_uss);
      json_array_add_object_element (processes, process);
    }

  json_object_set_int_member (memory, "rss_kib", rss);
  json_object_set_int_member (memory, "pss_kib", pss);
  json_object_set_int_member (memory, "uss_kib", uss);
  json_object_set_int_member (memory, "n_processes", json_array_get_length (processes));
  json_object_set_int_member (memory, "n_unreadable", unreadable);
  json_object_set_array_member (memory, "processes", processes);

  return memory;
}

/* Run after every handler of GApplication::startup (the program's own
 * too), and before those of ::activate (a RUN_LAST signal, and the
 * probe's handler is connected first). */
static void
startup_done_cb (GApplication *application,
                 gpointer      user_data)
{
  probe.startup_done = g_get_monotonic_time ();
}

static void
activate_begun_cb (GApplication *application,
                   gpointer      user_data)
{
  if (probe.activate_begun == 0)
    probe.activate_begun = g_get_monotonic_time ();
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_param_values,
          const GValue          *param_values,
          gpointer               user_data)
{
  if (probe.first_map == 0 && GTK_IS_WINDOW (g_value_get_object (&param_values[0])))
    probe.first_map = g_get_monotonic_time ();
  return probe.first_map == 0;
}

void
bench_probe_init (GApplication *application,
                  const char   *program)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GTypeClass) web_view_class = NULL;
  g_autoptr(GTypeClass) widget_class = NULL;
  g_autoptr(GSource) counter = NULL;
  guint signal_id;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (program != NULL);
  g_return_if_fail (probe.application == NULL);

  probe.init_time = g_get_monotonic_time ();
  probe.application = application;
  probe.program = g_strdup (program);
  probe.arrivals = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1 << 16);
  probe.service = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1 << 16);
  probe.results = json_object_new ();
  probe.capabilities = json_object_new ();

  klass = g_type_class_ref (WEBKIT_TYPE_USER_CONTENT_MANAGER);
  signal_id = g_signal_lookup ("script-message-with-reply-received", WEBKIT_TYPE_USER_CONTENT_MANAGER);
  g_assert (signal_id != 0);
  g_signal_add_emission_hook (signal_id, 0, arrival_hook, NULL, NULL);

  web_view_class = g_type_class_ref (WEBKIT_TYPE_WEB_VIEW);
  signal_id = g_signal_lookup ("user-message-received", WEBKIT_TYPE_WEB_VIEW);
  g_assert (signal_id != 0);
  g_signal_add_emission_hook (signal_id, 0, arrival_hook, NULL, NULL);

  counter = g_source_new (&count_funcs, sizeof (GSource));
  g_source_set_static_name (counter, "[bench] iterations");
  g_source_attach (counter, NULL);

  signal_id = g_signal_lookup ("load-changed", WEBKIT_TYPE_WEB_VIEW);
  g_assert (signal_id != 0);
  g_signal_add_emission_hook (signal_id, 0, load_changed_hook, NULL, NULL);

  g_signal_connect_after (application, "startup", G_CALLBACK (startup_done_cb), NULL);
  g_signal_connect (application, "activate", G_CALLBACK (activate_begun_cb), NULL);
  widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
  signal_id = g_signal_lookup ("map", GTK_TYPE_WIDGET);
  g_assert (signal_id != 0);
  g_signal_add_emission_hook (signal_id, 0, map_hook, NULL, NULL);
}

void
bench_probe_set_capability (const char *name,
                            gboolean    available)
{
  g_return_if_fail (probe.capabilities != NULL);
  g_return_if_fail (name != NULL);

  json_object_set_boolean_member (probe.capabilities, name, available);
}

void
bench_probe_answered (void)
{
  gint64 now = g_get_monotonic_time ();
  gint64 arrival;

  g_return_if_fail (probe.arrivals != NULL && probe.arrivals->len > 0);

  arrival = g_array_index (probe.arrivals, gint64, probe.arrivals->len - 1);

  if (probe.first_answer == 0)
    {
      probe.first_answer = now;
      probe.first_call = arrival;
#ifdef HAVE_CALLGRIND
      CALLGRIND_DUMP_STATS_AT ("startup");
#endif
      probe.first_memory = bench_probe_measure_memory ();
    }

  if (probe.in_phase)
    {
      gint64 service = now - arrival;

      g_array_append_val (probe.service, service);
    }
}

gboolean
bench_probe_is_control (const char *command)
{
  g_return_val_if_fail (command != NULL, FALSE);

  return g_strv_contains (bench_probe_control_commands, command);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank on sorted @values. */
static double
percentile (GArray *values,
            double  fraction)
{
  guint rank;

  if (values->len == 0)
    return 0;

  rank = (guint) MAX (1.0, fraction * values->len + 0.999999);
  return g_array_index (values, gint64, MIN (rank, values->len) - 1);
}

static void
add_distribution (JsonObject *object,
                  const char *prefix,
                  GArray     *values)
{
  g_autofree char *p50 = g_strconcat (prefix, "_p50_us", NULL);
  g_autofree char *p90 = g_strconcat (prefix, "_p90_us", NULL);
  g_autofree char *p99 = g_strconcat (prefix, "_p99_us", NULL);
  g_autofree char *max = g_strconcat (prefix, "_max_us", NULL);
  g_autofree char *mean = g_strconcat (prefix, "_mean_us", NULL);
  double sum = 0;

  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, gint64, i);

  g_array_sort (values, compare_gint64);
  json_object_set_double_member (object, p50, percentile (values, 0.50));
  json_object_set_double_member (object, p90, percentile (values, 0.90));
  json_object_set_double_member (object, p99, percentile (values, 0.99));
  json_object_set_double_member (object, max, values->len ? g_array_index (values, gint64, values->len - 1) : 0);
  json_object_set_double_member (object, mean, values->len ? sum / values->len : 0);
}

static JsonNode *
phase_end (const char *name)
{
  g_autoptr(GArray) round_trips = NULL;
  JsonObject *stats = json_object_new ();
  guint end = probe.arrivals->len - 1;     /* this phase_end message */
  gint64 cpu_self;
  gint64 cpu_others;

#ifdef HAVE_CALLGRIND
  CALLGRIND_DUMP_STATS_AT (name);
#endif
  measure_cpu (&cpu_self, &cpu_others);

  round_trips = g_array_sized_new (FALSE, FALSE, sizeof (gint64), end - probe.phase_start);
  for (guint i = probe.phase_start; i < end; i++)
    {
      gint64 interval = g_array_index (probe.arrivals, gint64, i + 1) -
                        g_array_index (probe.arrivals, gint64, i);

      g_array_append_val (round_trips, interval);
    }

  json_object_set_int_member (stats, "calls", round_trips->len);
  json_object_set_int_member (stats, "answered", probe.service->len);
  add_distribution (stats, "round_trip", round_trips);
  add_distribution (stats, "service", probe.service);
  json_object_set_int_member (stats, "iterations", probe.iterations - probe.phase_iterations);
  json_object_set_double_member (stats, "cpu_ui_us", cpu_self - probe.phase_cpu_self);
  json_object_set_double_member (stats, "cpu_others_us", cpu_others - probe.phase_cpu_others);
  json_object_set_double_member (stats, "duration_us",
                                 g_array_index (probe.arrivals, gint64, end) -
                                 g_array_index (probe.arrivals, gint64, MIN (probe.phase_start, end)));
  probe.in_phase = FALSE;

  json_object_set_object_member (probe.results, name, json_object_ref (stats));
  return json_node_init_object (json_node_alloc (), stats);
}

static gboolean
stall_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (now - probe.stall_last_tick > probe.stall_max_gap)
    {
      probe.stall_max_gap = now - probe.stall_last_tick;
      probe.stall_max_gap_end = now;
    }
  probe.stall_last_tick = now;
  probe.stall_ticks++;

  return G_SOURCE_CONTINUE;
}

static JsonNode *
stall_end (const char *name)
{
  JsonObject *stats = json_object_new ();
  gint64 now = g_get_monotonic_time ();
  gint64 gap_start;
  guint arrivals = 0;

  stall_tick_cb (NULL);
  g_clear_handle_id (&probe.stall_source, g_source_remove);

  /* How many script messages the main loop took in during its worst gap:
   * tells a burst of incoming calls from a burst of answers. */
  gap_start = probe.stall_max_gap_end - probe.stall_max_gap;
  for (guint i = probe.arrivals->len; i > 0; i--)
    {
      gint64 arrival = g_array_index (probe.arrivals, gint64, i - 1);

      if (arrival < gap_start)
        break;
      if (arrival <= probe.stall_max_gap_end)
        arrivals++;
    }
  json_object_set_int_member (stats, "arrivals_in_worst_gap", arrivals);

  json_object_set_double_member (stats, "max_gap_us", probe.stall_max_gap);
  json_object_set_int_member (stats, "ticks", probe.stall_ticks);
  json_object_set_double_member (stats, "duration_us", now - probe.stall_start);

  json_object_set_object_member (probe.results, name, json_object_ref (stats));
  return json_node_init_object (json_node_alloc (), stats);
}

static void
quit_cb (gpointer user_data)
{
  g_application_quit (probe.application);
}

static JsonNode *
report (JsonObject *page_results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "program");
  json_builder_add_string_value (builder, probe.program);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "first_answer_us");
  json_builder_add_int_value (builder, probe.first_answer);
  json_builder_set_member_name (builder, "milestones_us");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "init");
  json_builder_add_int_value (builder, probe.init_time);
  json_builder_set_member_name (builder, "startup_done");
  json_builder_add_int_value (builder, probe.startup_done);
  json_builder_set_member_name (builder, "activate_begun");
  json_builder_add_int_value (builder, probe.activate_begun);
  json_builder_set_member_name (builder, "window_mapped");
  json_builder_add_int_value (builder, probe.first_map);
  json_builder_set_member_name (builder, "load_started");
  json_builder_add_int_value (builder, probe.load_events[WEBKIT_LOAD_STARTED]);
  json_builder_set_member_name (builder, "load_committed");
  json_builder_add_int_value (builder, probe.load_events[WEBKIT_LOAD_COMMITTED]);
  json_builder_set_member_name (builder, "load_finished");
  json_builder_add_int_value (builder, probe.load_events[WEBKIT_LOAD_FINISHED]);
  json_builder_set_member_name (builder, "first_call");
  json_builder_add_int_value (builder, probe.first_call);
  json_builder_set_member_name (builder, "first_answer");
  json_builder_add_int_value (builder, probe.first_answer);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "memory");
  if (probe.first_memory != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), probe.first_memory));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "native");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), probe.results));
  json_builder_set_member_name (builder, "page");
  if (page_results != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), page_results));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* One line on standard output, which the driver reads. */
  fputs (RESULT_PREFIX, stdout);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);

  /* After the answer has gone out. */
  g_idle_add_once (quit_cb, NULL);

  return json_node_init_null (json_node_alloc ());
}

static JsonNode *
bench_config (void)
{
  const char *params = g_getenv ("BENCH_PARAMS");
  g_autoptr(JsonNode) config = NULL;
  JsonObject *object;

  if (params != NULL)
    config = json_from_string (params, NULL);
  if (config == NULL || !JSON_NODE_HOLDS_OBJECT (config))
    {
      g_clear_pointer (&config, json_node_unref);
      config = json_node_init_object (json_node_alloc (), json_object_new ());
    }

  object = json_node_get_object (config);
  json_object_set_string_member (object, "program", probe.program);
  json_object_set_object_member (object, "capabilities", json_object_ref (probe.capabilities));

  return g_steal_pointer (&config);
}

JsonNode *
bench_probe_control (const char  *command,
                     JsonObject  *arguments,
                     GError     **error)
{
  const char *name;

  g_return_val_if_fail (command != NULL, NULL);
  g_return_val_if_fail (probe.application != NULL, NULL);

  name = arguments ? json_object_get_string_member_with_default (arguments, "name", "unnamed") : "unnamed";

  if (g_str_equal (command, "bench_config"))
    return bench_config ();

  if (g_str_equal (command, "phase_begin"))
    {
      /* The phase's first call is the next message. */
      measure_cpu (&probe.phase_cpu_self, &probe.phase_cpu_others);
      probe.phase_start = probe.arrivals->len;
      probe.phase_iterations = probe.iterations;
      probe.in_phase = TRUE;
      g_array_set_size (probe.service, 0);
#ifdef HAVE_CALLGRIND
      CALLGRIND_ZERO_STATS;
#endif
      return json_node_init_null (json_node_alloc ());
    }

  if (g_str_equal (command, "phase_end"))
    return phase_end (name);

  if (g_str_equal (command, "stall_begin"))
    {
      g_clear_handle_id (&probe.stall_source, g_source_remove);
      probe.stall_start = probe.stall_last_tick = g_get_monotonic_time ();
      probe.stall_max_gap = 0;
      probe.stall_max_gap_end = 0;
      probe.stall_ticks = 0;
      probe.stall_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 1, stall_tick_cb, NULL, NULL);
      return json_node_init_null (json_node_alloc ());
    }

  if (g_str_equal (command, "stall_end"))
    return stall_end (name);

  if (g_str_equal (command, "report"))
    return report (arguments);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no control command %s", command);
  return NULL;
}
