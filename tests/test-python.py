#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Tauri namespace as Python uses it, through the typelib and the
PyGObject overrides (framework/python/gi/overrides/Tauri.py): objects a
binding makes by itself, and handlers that raise. Prints TAP.

Run through the build directory's `run` script, under a display:

    _build/run python3 tests/test-python.py
"""

import os
import subprocess
import sys

import gi

gi.require_version('Tauri', '1')
gi.require_version('WebKit', '6.0')
from gi.repository import GLib, Tauri, WebKit  # noqa: E402

FRONTEND = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'frontend')
TIMEOUT = 60

results = []


def check(ok, name, diagnostics=''):
    results.append((ok, name, diagnostics))


# Objects made by a binding, with no call behind them: a critical at most,
# never a crash. Run in a process of their own, where criticals are not
# fatal, to see them.
BARE = '''
import gc
import gi
gi.require_version('Tauri', '1')
from gi.repository import Tauri
registry = Tauri.CommandRegistry()
registry.add(Tauri.Command())
invocation = Tauri.Invocation()
invocation.return_string('nobody listens')
del invocation
invocation = Tauri.Invocation()
del invocation
gc.collect()
print('still running')
'''


def test_bare_objects():
    env = dict(os.environ)
    env.pop('G_DEBUG', None)
    run = subprocess.run([sys.executable, '-c', BARE], env=env, capture_output=True, text=True, timeout=TIMEOUT)
    check(run.returncode == 0 and 'still running' in run.stdout,
          'a Command and an Invocation made with no properties crash nothing',
          f'status {run.returncode}\n{run.stdout}{run.stderr}')
    check('A TauriCommand needs a name' in run.stderr and 'tauri_command_get_name (command) != NULL' in run.stderr,
          'a Command without a name is refused with criticals', run.stderr)


def test_command_properties():
    command = Tauri.Command(name='greet', parameters='user_name: string, times?: integer',
                            flags=Tauri.CommandFlags.SNAKE_CASE)
    check(command.get_name() == 'greet' and command.props.name == 'greet', 'a Command built from properties has its name')
    check(command.get_n_parameters() == 2 and command.get_parameter_key(0) == 'user_name'
          and command.get_parameter_optional(1), 'its parameters are read from the list, keys as the flags say')
    check(command.props.parameters == 'user_name: string, times?: integer'
          and command.props.flags == Tauri.CommandFlags.SNAKE_CASE, 'its properties read back')
    notified = []
    command.connect('notify::result-type', lambda *args: notified.append(args))
    command.props.result_type = 'string'
    command.props.result_type = 'string'
    check(command.get_result_type() == 'string' and len(notified) == 1, 'result-type notifies once per change')
    registry = Tauri.CommandRegistry()
    registry.add(command)
    check(registry.lookup('greet') == command, 'the registry takes it')


class RaisingApp(Tauri.App):
    """Handlers that raise, each of a kind the overrides wrap."""

    def do_register_commands(self, registry):
        flags = Tauri.CommandFlags.NONE
        registry.add(Tauri.Command.new('main_raises', None, flags, self.main_raises))
        registry.add(Tauri.Command.new('answers_then_raises', None, flags, self.answers_then_raises))
        registry.add(Tauri.Command.new_thread('thread_raises', None, flags, self.thread_raises))
        registry.add(Tauri.Command.new_thread('thread_glib_error', None, flags, self.thread_glib_error))
        registry.connect('command::signal_raises', self.signal_raises)

    def main_raises(self, invocation):
        raise ValueError('the main-thread handler failed')

    def answers_then_raises(self, invocation):
        invocation.return_string('answered')
        raise RuntimeError('raised after answering')

    def thread_raises(self, invocation, cancellable):
        raise RuntimeError('the thread handler failed')

    def thread_glib_error(self, invocation, cancellable):
        raise GLib.Error('a GLib.Error')

    def signal_raises(self, registry, invocation):
        raise LookupError('the signal handler failed')


PAGE = '''
const { invoke } = window.__TAURI__.core;
const settle = (p) => p.then((v) => ['ok', v], (e) => ['err', e]);
return JSON.stringify(await Promise.all([
  settle(invoke('main_raises')),
  settle(invoke('answers_then_raises')),
  settle(invoke('thread_raises')),
  settle(invoke('thread_glib_error')),
  settle(invoke('signal_raises')),
]));
'''

EXPECTED = [
    ['err', 'the main-thread handler failed'],
    ['ok', 'answered'],
    ['err', 'the thread handler failed'],
    ['err', 'a GLib.Error'],
    ['err', 'the signal handler failed'],
]


def test_raising_handlers():
    app = RaisingApp(application_id='io.github.taurigtk.PythonTest', flags=0, frontend=FRONTEND)
    outcome = {}

    def ran(web_view, result):
        try:
            outcome['value'] = web_view.call_async_javascript_function_finish(result).to_string()
        except GLib.Error as error:
            outcome['value'] = f'failed: {error.message}'
        app.quit()

    def load_changed(web_view, event):
        if event == WebKit.LoadEvent.FINISHED and 'started' not in outcome:
            outcome['started'] = True
            web_view.call_async_javascript_function(PAGE, -1, None, None, None, None, ran)

    def window_added(application, window):
        window.get_web_view().connect('load-changed', load_changed)

    def give_up():
        outcome.setdefault('value', f'no answer within {TIMEOUT} s')
        app.quit()
        return GLib.SOURCE_REMOVE

    app.connect('window-added', window_added)
    GLib.timeout_add_seconds(TIMEOUT, give_up)
    app.run([sys.argv[0]])

    import json
    value = outcome.get('value')
    try:
        settled = json.loads(value)
    except (TypeError, ValueError):
        settled = value
    for (expected, got, name) in zip(EXPECTED, settled if isinstance(settled, list) else [None] * 5,
                                     ['main_raises', 'answers_then_raises', 'thread_raises',
                                      'thread_glib_error', 'signal_raises']):
        check(got == expected, f'{name} settles as {expected}', f'got {got!r} (all: {value})')


def main():
    test_bare_objects()
    test_command_properties()
    test_raising_handlers()
    for number, (ok, name, diagnostics) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {name}')
        if not ok:
            for line in diagnostics.splitlines():
                print(f'# {line}')
    print(f'1..{len(results)}')
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
