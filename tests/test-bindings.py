#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs an example app written in another language against the bindings
check page (tests/bindings-frontend), and reports as TAP.

    test-bindings.py LANGUAGE -- COMMAND [ARG...]

COMMAND starts the example app; it gets `--dev --frontend <the page>`, so
that the page's console reaches standard error as `console.log: <text>`.
The page calls every command of the demo, checks each answer, streams a
Channel, sends raw bytes, emits an event and aborts a call with an
AbortSignal; it prints one `ok - ...` or `not ok - ...` line per check and
closes its windows, which quits the app. This script turns those lines into
TAP, and checks what the app printed itself, what it warned about and how it
exited.
"""

import os
import re
import subprocess
import sys
import threading

TIMEOUT = 120

# What the app prints when a web process dies: the test fails at once, with
# that line, rather than wait for its timeout.
PAGE_STOPPED = re.compile(r'The page of window .* stopped')

# Checks the page must have made and passed, one per feature that the
# example apps answer beyond commands.
REQUIRED_CHECKS = [
    'the channel delivers 0..999 in order',
    'the channel ends',
    'echo_bytes returns 1 MiB byte for byte',
    'demo://pong carries the same payload',
    'aborting a slow call rejects it with an AbortError',
]

# What the app or the page would print on standard error if something went
# wrong without failing a check: a GLib warning or critical (the tests make
# them fatal, but not every binding's own), a PyGObject or GJS warning, an
# error on the page's console (an unhandled rejection, a throwing listener).
WARNING = re.compile(r'-(WARNING|CRITICAL) \*\*|Warning: |^console\.(warn|error): |^JS ERROR')


class Run:
    """What the app printed, and how it ended."""

    def __init__(self, returncode, stdout, stderr, stopped=None):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.stopped = stopped


def run_app(command):
    """Runs the app until it quits, its page's process dies, or TIMEOUT."""
    app = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    stdout = []
    stderr = []
    stopped = []

    def read_stdout():
        stdout.extend(app.stdout)

    def read_stderr():
        for line in app.stderr:
            stderr.append(line)
            if PAGE_STOPPED.search(line) and not stopped:
                stopped.append(line.strip())
                app.kill()

    readers = [threading.Thread(target=read_stdout), threading.Thread(target=read_stderr)]
    for reader in readers:
        reader.start()
    try:
        returncode = app.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        app.kill()
        returncode = None
    for reader in readers:
        reader.join()
    return Run(returncode, ''.join(stdout), ''.join(stderr), stopped[0] if stopped else None)


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, name, diagnostics=None):
        self.count += 1
        print(f'{"ok" if ok else "not ok"} {self.count} - {name}')
        if not ok:
            self.failed += 1
            for line in (diagnostics or '').splitlines():
                print(f'# {line}')

    def done(self):
        print(f'1..{self.count}')
        return 1 if self.failed else 0


def main(argv):
    if len(argv) < 4 or argv[2] != '--':
        print(__doc__, file=sys.stderr)
        return 2

    language, command = argv[1], argv[3:]
    frontend = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bindings-frontend')
    tap = Tap()

    run = run_app(command + ['--dev', '--frontend', frontend])
    if run.stopped is not None:
        tap.check(False, f'the {language} example runs: {run.stopped}', run.stderr)
        return tap.done()
    if run.returncode is None:
        tap.check(False, f'the {language} example quits within {TIMEOUT} s', run.stderr)
        return tap.done()

    console = [line[len('console.log: '):] for line in run.stderr.splitlines()
               if line.startswith('console.log: ')]

    # The page's own checks, one TAP line each.
    for line in console:
        if line.startswith('ok - '):
            tap.check(True, line[len('ok - '):])
        elif line.startswith('not ok - '):
            tap.check(False, line[len('not ok - '):].split(': ', 1)[0], line)

    tap.check(any(line.startswith('done: ') and line.endswith(' 0 failed') for line in console),
              'the page ran every check', run.stderr)
    passed = {line[len('ok - '):] for line in console if line.startswith('ok - ')}
    missing = [name for name in REQUIRED_CHECKS if name not in passed]
    tap.check(not missing, 'the page checked channels, raw bytes, events and cancellation',
              'missing: ' + ', '.join(missing))
    tap.check(f'value greeting "Hello from {language}!"' in console,
              f'greeting answers "Hello from {language}!"', '\n'.join(console))
    tap.check('second window: "second"' in console,
              'the second window knows its label', '\n'.join(console))

    # What the handlers printed, as demo-app.c does.
    stdout = run.stdout.splitlines()
    for expected in ['I was invoked from JS!',
                     'I was invoked from JS, with this message: Hello!',
                     'Called from main',
                     # Aborting the page's AbortSignal cancelled the call.
                     'slow_sum cancelled']:
        tap.check(expected in stdout, f'the app prints "{expected}"', run.stdout)

    warnings = [line for line in run.stderr.splitlines() if WARNING.search(line)]
    tap.check(not warnings, 'the app and the page warn about nothing', '\n'.join(warnings))

    tap.check(run.returncode == 0,
              f'the app quits with status 0 once its windows close (got {run.returncode})',
              run.stderr)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
