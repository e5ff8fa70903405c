#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs the tauri-gtk benchmark and prints its table.

The bare GTK 4 + WebKitGTK baseline (bench-baseline) and the same workload
through tauri-gtk (tauri-bench) run in turn, baseline first, for several
rounds, so that drift of the machine touches both alike. Each run is a fresh
process that measures everything once (see bench/page/bench.js and
bench/bench-probe.c) and prints one BENCH-RESULT line. The table gives, for
each figure, the median over the rounds and its spread (min–max) for both
programs, and tauri-gtk's ratio to the baseline.

Run it under a display; `make bench` runs it under Xvfb.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024

FULL_PARAMS = {
    'settleMs': 300,
    'warmupCalls': 2000,
    'latencyCalls': 20000,
    'throughputCalls': 20000,
    'throughputReps': 3,
    'stallCalls': 1000,
    'payloads': [[1 * MIB, 20], [10 * MIB, 5]],
    'rawBytesSize': 10 * MIB,
    'rawBytesReps': 5,
    'channelMessages': 100000,
    'channelReps': 3,
}

QUICK_PARAMS = {
    'settleMs': 0,
    'warmupCalls': 20,
    'latencyCalls': 200,
    'throughputCalls': 500,
    'throughputReps': 1,
    'stallCalls': 100,
    'payloads': [[64 * 1024, 2], [256 * 1024, 1]],
    'rawBytesSize': 256 * 1024,
    'rawBytesReps': 1,
    'channelMessages': 1000,
    'channelReps': 1,
}

PROGRAMS = [
    ('baseline', 'bench-baseline'),
    ('tauri-gtk', 'tauri-bench'),
]

NOT_YET = 'n/a (not yet available)'

# The windows rows: tauri-gtk alone, its windows in one shared web process
# against a process each (how every window was opened before).
WINDOW_COUNTS = [1, 2, 5, 10]
WEB_PROCESSES = ['own', 'shared']
# Windows are opened back to back (each as soon as the one before has
# answered), and again at a user's pace: this long after.
WINDOW_PAUSE_MS = 1000
WINDOW_PACES = ['', '-paced']


class Metric:
    """One row of the table: how to read it from a run, and its target."""

    def __init__(self, label, unit, extract, target=None, kind='ratio', digits=0, startup=False):
        self.label = label
        self.startup = startup      # also read from the startup-only runs
        self.unit = unit
        self.extract = extract      # run → value, or None when not measured
        self.target = target        # (comparison, bound) or None
        self.kind = kind            # how tauri-gtk compares: ratio, delta, delta_pct, absolute
        self.digits = digits


def dig(run, *path):
    value = run
    for key in path:
        if value is None:
            return None
        value = value.get(key) if isinstance(value, dict) else None
    return value


def payload_rate(size):
    return lambda run: dig(run, 'page', 'payloads', str(size), 'mb_per_s')


def cpu_per_call(phase, field):
    def extract(run):
        cpu = dig(run, 'native', phase, field)
        calls = dig(run, 'page', phase, 'calls')
        reps = dig(run, 'page', phase, 'reps') or 1
        return None if cpu is None or not calls else cpu / (calls * reps)
    return extract


def phase_cpu_ms(phase, count, field):
    """CPU time of a phase divided by @count, in ms."""
    def extract(run):
        cpu = dig(run, 'native', phase, field)
        return None if cpu is None else cpu / count / 1000
    return extract


def payload_cpu(size, reps, field):
    return phase_cpu_ms('payload_%d' % size, reps, field)


def metrics(params):
    rows = [
        Metric('1. tiny invoke round trip, p50', 'µs',
               lambda r: dig(r, 'native', 'latency', 'round_trip_p50_us'), ('<=', 1.10)),
        Metric('1. tiny invoke round trip, p99', 'µs',
               lambda r: dig(r, 'native', 'latency', 'round_trip_p99_us'), ('<=', 1.15)),
        Metric('1. tiny invoke round trip, mean (page clock, total/N)', 'µs',
               lambda r: dig(r, 'page', 'latency', 'mean_us')),
        Metric('1. native time per call, p50 (arrival → answer)', 'µs',
               lambda r: dig(r, 'native', 'latency', 'service_p50_us'), digits=1),
        Metric('1. CPU per call, UI process', 'µs',
               cpu_per_call('latency', 'cpu_ui_us'), digits=1),
        Metric('1. CPU per call, other processes (web, network)', 'µs',
               cpu_per_call('latency', 'cpu_others_us'), digits=1),
        Metric('2. throughput, %d calls at once' % params['throughputCalls'], 'calls/s',
               lambda r: dig(r, 'page', 'throughput', 'calls_per_s'), ('>=', 0.90)),
        Metric('2. CPU per call, UI process', 'µs',
               cpu_per_call('throughput', 'cpu_ui_us'), digits=1),
        Metric('2. CPU per call, other processes', 'µs',
               cpu_per_call('throughput', 'cpu_others_us'), digits=1),
    ]
    for size, reps in params['payloads']:
        rows.append(Metric('3. JSON string of %s echoed' % human_size(size), 'MB/s',
                           payload_rate(size), ('>=', 0.90), digits=1))
        rows.append(Metric('3. CPU per %s echo, UI process' % human_size(size), 'ms',
                           payload_cpu(size, reps, 'cpu_ui_us'), digits=1))
        rows.append(Metric('3. CPU per %s echo, other processes' % human_size(size), 'ms',
                           payload_cpu(size, reps, 'cpu_others_us'), digits=1))
    rows += [
        Metric('4. raw bytes, %s echoed' % human_size(params['rawBytesSize']), 'MB/s',
               lambda r: dig(r, 'page', 'raw_bytes', 'mb_per_s'), ('>=', 1.0), digits=1),
        Metric('4. CPU per raw-bytes echo, UI process', 'ms',
               phase_cpu_ms('raw_bytes', params['rawBytesReps'], 'cpu_ui_us'), digits=1),
        Metric('4. CPU per raw-bytes echo, other processes', 'ms',
               phase_cpu_ms('raw_bytes', params['rawBytesReps'], 'cpu_others_us'), digits=1),
        Metric('5. Channel, %d messages' % params['channelMessages'], 'msg/s',
               lambda r: dig(r, 'page', 'channel', 'messages_per_s')),
        Metric('5. CPU per message, UI process', 'µs',
               phase_cpu_ms('channel', params['channelReps'] * params['channelMessages'] / 1000, 'cpu_ui_us'),
               digits=2),
        Metric('5. CPU per message, other processes', 'µs',
               phase_cpu_ms('channel', params['channelReps'] * params['channelMessages'] / 1000, 'cpu_others_us'),
               digits=2),
        Metric('6. startup, process start → first invoke answered', 'ms',
               lambda r: r.get('startup_ms'), ('<=', 30), kind='delta', digits=1, startup=True),
        Metric('6. RSS of all processes at first answer', 'MiB',
               lambda r: kib_to_mib(dig(r, 'memory', 'rss_kib')), ('<=', 5), kind='delta_pct', digits=1, startup=True),
        Metric('6. PSS of all processes at first answer', 'MiB',
               lambda r: kib_to_mib(dig(r, 'memory', 'pss_kib')), ('<=', 5), kind='delta_pct', digits=1, startup=True),
        Metric('6. processes', '',
               lambda r: dig(r, 'memory', 'n_processes'), kind='none', startup=True),
        Metric('7. worst main-loop stall, %d threaded calls' % params['stallCalls'], 'ms',
               lambda r: us_to_ms(dig(r, 'native', 'stall_threaded', 'max_gap_us')),
               ('<', 16), kind='absolute', digits=1),
        Metric('7. calls that arrived during that worst stall', '',
               lambda r: dig(r, 'native', 'stall_threaded', 'arrivals_in_worst_gap'), kind='none'),
        Metric('7. CPU per threaded call, UI process', 'µs',
               cpu_per_call('stall', 'cpu_ui_us'), digits=1),
        Metric('7. worst main-loop stall, idle', 'ms',
               lambda r: us_to_ms(dig(r, 'native', 'stall_idle', 'max_gap_us')), kind='none', digits=1),
    ]
    return rows


def human_size(size):
    if size % MIB == 0:
        return '%d MiB' % (size // MIB)
    return '%d KiB' % (size // 1024)


def kib_to_mib(value):
    return None if value is None else value / 1024


def us_to_ms(value):
    return None if value is None else value / 1000


def fmt(value, digits):
    if value is None:
        return NOT_YET
    if abs(value) >= 1000 and digits == 0:
        return '{:,.0f}'.format(value)
    return '{:,.{}f}'.format(value, digits)


def summarize(values, digits):
    values = [v for v in values if v is not None]
    if not values:
        return None, NOT_YET
    med = statistics.median(values)
    if len(values) == 1:
        return med, fmt(med, digits)
    return med, '%s (%s–%s)' % (fmt(med, digits), fmt(min(values), digits), fmt(max(values), digits))


def compare(metric, base, tauri):
    """The comparison column and whether the target is met (None: no target)."""
    if metric.kind == 'none':
        return '', None
    if tauri is None:
        return NOT_YET, None
    if metric.kind == 'absolute':
        op, bound = metric.target
        return '', tauri < bound if op == '<' else tauri <= bound
    if base is None or base == 0:
        return 'n/a', None
    if metric.kind == 'delta':
        delta = tauri - base
        return '%+.1f %s' % (delta, metric.unit), (delta <= metric.target[1]) if metric.target else None
    if metric.kind == 'delta_pct':
        pct = (tauri / base - 1) * 100
        return '%+.1f %%' % pct, (pct <= metric.target[1]) if metric.target else None
    ratio = tauri / base
    met = None
    if metric.target and metric.target[1] is not None:
        op, bound = metric.target
        met = ratio <= bound if op == '<=' else ratio >= bound
    return '%.2f×' % ratio, met


def target_text(metric):
    if not metric.target or metric.target[1] is None:
        return ''
    op, bound = metric.target
    sign = {'<=': '≤', '>=': '≥', '<': '<'}[op]
    if metric.kind == 'delta':
        return '%s +%g %s' % (sign, bound, metric.unit)
    if metric.kind == 'delta_pct':
        return '%s +%g %%' % (sign, bound)
    if metric.kind == 'absolute':
        return '%s %g %s' % (sign, bound, metric.unit)
    return '%s %.2f×' % (sign, bound)


MILESTONES = [
    ('process start → main()', None, 'init'),
    ('main() → GApplication::startup done', 'init', 'startup_done'),
    ('startup done → ::activate begins', 'startup_done', 'activate_begun'),
    ('::activate begins → page load started', 'activate_begun', 'load_started'),
    ('load started → committed', 'load_started', 'load_committed'),
    ('committed → first call arrives', 'load_committed', 'first_call'),
    ('first call arrives → answered', 'first_call', 'first_answer'),
    ('main() → page load started', 'init', 'load_started'),
    ('main() → window mapped', 'init', 'window_mapped'),
]


def print_startup_breakdown(runs, startup_runs):
    """Where the startup time goes: medians of each step, in ms."""
    print('Startup, step by step (median ms, all runs):')
    print()
    print('| step | baseline | tauri-gtk | difference |')
    print('|---|---:|---:|---:|')
    for label, start, end in MILESTONES:
        medians = []
        for program, _ in PROGRAMS:
            values = []
            for run in runs[program] + startup_runs[program]:
                marks = run.get('milestones_us') or {}
                if not marks.get(end) or (start and not marks.get(start)):
                    continue
                begin = marks[start] if start else run['spawn_us']
                values.append((marks[end] - begin) / 1000)
            medians.append(statistics.median(values) if values else None)
        if None in medians:
            continue
        print('| %s | %.1f | %.1f | %+.1f |' % (label, medians[0], medians[1], medians[1] - medians[0]))
    print()


def window_memory(run, count, field):
    memory = dig(run, 'memory') if count == 1 else dig(run, 'page', 'windows', 'memory', str(count))
    return dig(memory, field)


def window_open_ms(run, count=None):
    """The open time of window @count (2 for the second), or the median of all."""
    times = dig(run, 'page', 'windows', 'open_ms') or []
    if count is not None:
        return times[count - 2] if 2 <= count <= len(times) + 1 else None
    return statistics.median(times) if times else None


def ordinal(n):
    words = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
    return words[n - 2] if 2 <= n <= 10 else '%dth' % n


def window_metrics(counts):
    """(label, unit, extract, target (kind, bound) or None, digits, pace)"""
    most = counts[-1]
    rows = []
    for count in counts:
        rows.append(('8. processes, %d window%s' % (count, '' if count == 1 else 's'), '',
                     lambda r, c=count: window_memory(r, c, 'n_processes'), None, 0, ''))
    for count in counts:
        rows.append(('8. PSS of all processes, %d window%s' % (count, '' if count == 1 else 's'), 'MiB',
                     lambda r, c=count: kib_to_mib(window_memory(r, c, 'pss_kib')), None, 1, ''))

    def per_window(run):
        first, last = window_memory(run, 1, 'pss_kib'), window_memory(run, most, 'pss_kib')
        return None if first is None or last is None else (last - first) / 1024 / (most - 1)

    rows.append(('8. PSS per further window (1 → %d windows)' % most, 'MiB', per_window, ('absolute', 15), 1, ''))
    for pace, how in (('', 'back to back'), ('-paced', '%g s after the last answered' % (WINDOW_PAUSE_MS / 1000))):
        for count in counts[1:]:
            rows.append(('8. opening the %s window, %s (call → its first invoke answered)' % (ordinal(count), how),
                         'ms', lambda r, c=count: window_open_ms(r, c), None, 1, pace))
        rows.append(('8. opening a further window, %s, median of windows 2–%d' % (how, most), 'ms',
                     window_open_ms, ('ratio', 0.5), 1, pace))
    return rows


def print_windows_table(window_runs, counts):
    """The windows rows: shared against own, both tauri-gtk."""
    print('Windows (tauri-gtk; `own`: a web process per window, as every window had before; '
          '`shared`: the default):')
    print()
    print('| metric | unit | own | shared | shared vs own | target | met |')
    print('|---|---|---:|---:|---:|---|---|')
    for label, unit, extract, target, digits, pace in window_metrics(counts):
        own_med, own_text = summarize([extract(r) for r in window_runs['own' + pace]], digits)
        shared_med, shared_text = summarize([extract(r) for r in window_runs['shared' + pace]], digits)
        comparison, met, goal = '', None, ''
        if own_med and shared_med is not None and target is None and unit:
            comparison = '%.2f×' % (shared_med / own_med)
        if target and target[0] == 'absolute' and shared_med is not None:
            goal, met = '≤ %g %s (shared)' % (target[1], unit), shared_med <= target[1]
            comparison = '%.2f×' % (shared_med / own_med) if own_med else ''
        elif target and target[0] == 'ratio' and own_med and shared_med is not None:
            goal, met = '≤ %.2f×' % target[1], shared_med / own_med <= target[1]
            comparison = '%.2f×' % (shared_med / own_med)
        print('| %s | %s | %s | %s | %s | %s | %s |' % (label, unit, own_text, shared_text, comparison, goal,
                                                        '' if met is None else ('yes' if met else 'NO')))
    print()


def run_once(binary, program, env, timeout):
    start_ns = time.monotonic_ns()
    proc = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError('%s did not finish within %d s\n%s' % (program, timeout, err.decode(errors='replace')[-4000:]))

    result = None
    for line in out.decode(errors='replace').splitlines():
        if line.startswith('BENCH-RESULT '):
            result = json.loads(line[len('BENCH-RESULT '):])
    if result is None or proc.returncode != 0:
        raise RuntimeError('%s exited with %s without a result\n%s'
                           % (program, proc.returncode, err.decode(errors='replace')[-4000:]))

    # Both clocks are CLOCK_MONOTONIC (g_get_monotonic_time, time.monotonic_ns).
    result['spawn_us'] = start_ns / 1000
    result['startup_ms'] = (result['first_answer_us'] * 1000 - start_ns) / 1e6
    result['stderr'] = err.decode(errors='replace')
    return result


def loadavg():
    try:
        with open('/proc/loadavg') as f:
            return ' '.join(f.read().split()[:3])
    except OSError:
        return '?'


def machine():
    cpu = '?'
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    webkit = '?'
    try:
        webkit = subprocess.run(['pkg-config', '--modversion', 'webkitgtk-6.0'],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    distro = platform.system()
    try:
        with open('/etc/os-release') as f:
            fields = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line)
            distro = fields.get('PRETTY_NAME', distro).strip('"')
    except OSError:
        pass
    return '%d × %s, %s, WebKitGTK %s, %s' % (os.cpu_count() or 0, cpu, distro, webkit,
                                              'Xvfb' if 'xvfb' in os.environ.get('XAUTHORITY', '').lower()
                                              or os.environ.get('BENCH_XVFB') else 'display ' + os.environ.get('DISPLAY', '?'))


def machine_busy(interval):
    """The fraction of the machine's CPU time, all cores, that was busy."""
    def sample():
        with open('/proc/stat') as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields[:8])

    idle0, total0 = sample()
    time.sleep(interval)
    idle1, total1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def wait_quiet(threshold, max_wait):
    """Waits until the machine is quiet: other load skews the wall clock."""
    start = time.monotonic()
    while True:
        busy = machine_busy(0.5)
        waited = time.monotonic() - start
        if busy <= threshold or waited >= max_wait:
            return waited, busy


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--build-dir', default='_build-bench', help='the meson build directory')
    parser.add_argument('--rounds', type=int, default=None, help='rounds of baseline then tauri-gtk (default 5)')
    parser.add_argument('--quick', action='store_true', help='small counts, one round: a smoke run')
    parser.add_argument('--json', help='also write every run’s raw figures to this file')
    parser.add_argument('--startup-rounds', type=int, default=None,
                        help='extra runs of each program that only measure startup and memory (default 10)')
    parser.add_argument('--quiet-threshold', type=float, default=0.15,
                        help='before each run, wait until at most this fraction of the CPU is busy')
    parser.add_argument('--quiet-wait', type=float, default=None,
                        help='seconds to wait at most for a quiet machine before each run '
                             '(default 60, 0 with --quick: do not wait)')
    parser.add_argument('--window-rounds', type=int, default=None,
                        help='runs of tauri-gtk opening %d windows, each way (shared, own; back to back, '
                             'paced; default 3)' % WINDOW_COUNTS[-1])
    parser.add_argument('--gl', action='store_true',
                        help='let GTK and WebKit use OpenGL (under Xvfb: software rendering, '
                             'whose shader compilation adds some 300 ms and much noise to startup)')
    parser.add_argument('--timeout', type=int, default=600, help='seconds one run may take')
    args = parser.parse_args()

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('run-bench: no display; run it under xvfb-run, or use make bench', file=sys.stderr)
        return 77

    params = QUICK_PARAMS if args.quick else FULL_PARAMS
    rounds = args.rounds or (1 if args.quick else 5)
    if args.quiet_wait is None:
        args.quiet_wait = 0 if args.quick else 60
    startup_rounds = args.startup_rounds if args.startup_rounds is not None else (1 if args.quick else 10)
    binaries = {}
    for program, name in PROGRAMS:
        path = os.path.join(args.build_dir, 'bench', name)
        if not os.access(path, os.X_OK):
            print('run-bench: %s is missing; build with -Dbenchmarks=true' % path, file=sys.stderr)
            return 1
        binaries[program] = path

    home = tempfile.mkdtemp(prefix='tauri-gtk-bench-')
    env = dict(os.environ)
    env.update({
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_CACHE_HOME': os.path.join(home, 'cache'),
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'GSETTINGS_BACKEND': 'memory',
        'GTK_A11Y': 'none',
        'NO_AT_BRIDGE': '1',
        'BENCH_PARAMS': json.dumps(params),
        # The uninstalled library's web process extension (raw bytes).
        'TAURI_WEB_EXTENSIONS_DIR': os.path.abspath(os.path.join(args.build_dir, 'framework', 'web-extension')),
    })
    if not args.gl:
        # As the test suites run: no GL, WebKit composites on the CPU.
        env.update({'GDK_DEBUG': 'gl-disable', 'WEBKIT_DISABLE_COMPOSITING_MODE': '1'})

    load_before = loadavg()
    runs = {program: [] for program, _ in PROGRAMS}
    startup_runs = {program: [] for program, _ in PROGRAMS}
    startup_env = dict(env, BENCH_PARAMS=json.dumps(dict(params, startupOnly=True)))
    counts = [1, 2] if args.quick else WINDOW_COUNTS
    window_rounds = args.window_rounds if args.window_rounds is not None else (1 if args.quick else 3)
    window_runs = {mode + pace: [] for mode in WEB_PROCESSES for pace in WINDOW_PACES}
    window_envs = {mode + pace: dict(env, BENCH_PARAMS=json.dumps(dict(params, windows=counts[-1], webProcess=mode,
                                                                       measureAt=counts[1:],
                                                                       pauseMs=WINDOW_PAUSE_MS if pace else 0)))
                   for mode in WEB_PROCESSES for pace in WINDOW_PACES}
    failures = []
    noisy = []

    def run(program, run_env, label):
        if args.quiet_wait > 0:
            waited, busy = wait_quiet(args.quiet_threshold, args.quiet_wait)
            if busy > args.quiet_threshold:
                noisy.append('%s %s (%.0f %% busy)' % (label, program, busy * 100))
        print('%s: %s' % (label, program), file=sys.stderr, flush=True)
        result = run_once(binaries[program], program, run_env, args.timeout)
        errors = dig(result, 'page', 'errors') or []
        if errors:
            failures.append((program, errors))
        return result

    try:
        if not args.quick:
            # Warm the page cache and the dynamic linker's caches for both.
            for program, _ in PROGRAMS:
                run(program, startup_env, 'warm-up')
        for round_index in range(startup_rounds):
            for program, _ in PROGRAMS:
                startup_runs[program].append(run(program, startup_env,
                                                 'startup %d/%d' % (round_index + 1, startup_rounds)))
        for round_index in range(rounds):
            for program, _ in PROGRAMS:
                runs[program].append(run(program, env, 'round %d/%d' % (round_index + 1, rounds)))
        for round_index in range(window_rounds):
            for key in window_runs:
                window_runs[key].append(run('tauri-gtk', window_envs[key],
                                            'windows %d/%d, %s' % (round_index + 1, window_rounds, key)))
    except RuntimeError as error:
        print('run-bench: %s' % error, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)

    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'params': params, 'runs': runs, 'startup_runs': startup_runs,
                       'window_runs': window_runs}, f, indent=1)

    print()
    print('tauri-gtk benchmark, %s' % datetime.datetime.now().strftime('%Y-%m-%d %H:%M'))
    print('Machine: %s' % machine())
    print('Load average (1, 5, 15 min) before: %s, after: %s' % (load_before, loadavg()))
    print('Rendering: %s' % ('OpenGL allowed' if args.gl else
                             'GDK_DEBUG=gl-disable, WEBKIT_DISABLE_COMPOSITING_MODE=1 (no GL, as the tests run)'))
    print('%d round(s), each a fresh process of both programs, baseline first; '
          'median (min–max) over the rounds. Startup and memory (6): also %d startup-only '
          'round(s), %d samples each in all.' % (rounds, startup_rounds, rounds + startup_rounds))
    if noisy:
        print('Started on a busy machine (after waiting %g s): %s' % (args.quiet_wait, ', '.join(noisy)))
    print()
    header = ['metric', 'unit', 'baseline', 'tauri-gtk', 'tauri-gtk vs baseline', 'target', 'met']
    lines = []
    for metric in metrics(params):
        def samples(program):
            source = runs[program] + (startup_runs[program] if metric.startup else [])
            return [metric.extract(r) for r in source]

        base_med, base_text = summarize(samples('baseline'), metric.digits)
        tauri_med, tauri_text = summarize(samples('tauri-gtk'), metric.digits)
        comparison, met = compare(metric, base_med, tauri_med)
        lines.append([metric.label, metric.unit, base_text, tauri_text, comparison,
                      target_text(metric), '' if met is None else ('yes' if met else 'NO')])
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '|'.join(['---'] * 2 + ['---:'] * 3 + ['---'] * 2) + '|')
    for line in lines:
        print('| ' + ' | '.join(line) + ' |')
    print()

    print_startup_breakdown(runs, startup_runs)
    print_windows_table(window_runs, counts)

    if failures:
        for program, errors in failures:
            for error in errors:
                print('run-bench: %s: %s' % (program, error), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
