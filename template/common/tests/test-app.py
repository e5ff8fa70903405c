#!/usr/bin/env python3
"""Runs the app headless, and checks what its commands answer.

    test-app.py TEST_PAGE_DIR -- APP_COMMAND...

Without a display it runs itself again under xvfb-run, and without a session
bus under dbus-run-session. Prints TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HEADLESS_ENV = {
    # Xvfb has no GPU: draw without GL, as WebKit must then be told.
    'GDK_DEBUG': 'gl-disable',
    'WEBKIT_DISABLE_COMPOSITING_MODE': '1',
    'GSETTINGS_BACKEND': 'memory',
    'NO_AT_BRIDGE': '1',
    'GTK_A11Y': 'none',
}


def rerun_headless():
    wrap = []
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS') and shutil.which('dbus-run-session'):
        wrap += ['dbus-run-session', '--']
    if not (os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY')):
        if not shutil.which('xvfb-run'):
            print('Bail out! no display, and no xvfb-run to make one (install xvfb)')
            sys.exit(1)
        wrap += ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24']
    if wrap and not os.environ.get('TEST_APP_HEADLESS'):
        os.environ['TEST_APP_HEADLESS'] = '1'
        os.execvp(wrap[0], wrap + [sys.executable] + sys.argv)


def run(command, *args):
    env = dict(os.environ, **HEADLESS_ENV)
    with tempfile.TemporaryDirectory() as home:
        # A home of its own: no cache or settings of the machine's.
        env.update(XDG_DATA_HOME=home, XDG_CACHE_HOME=home, XDG_CONFIG_HOME=home)
        done = subprocess.run(command + list(args), env=env, capture_output=True, text=True, timeout=90)
    return done.returncode, done.stderr


def main():
    page, command = sys.argv[1], sys.argv[sys.argv.index('--') + 1:]
    rerun_headless()
    print('1..2')

    with tempfile.TemporaryDirectory() as scratch:
        screenshot = os.path.join(scratch, 'test.png')
        status, stderr = run(command, '--frontend', page, '--dev', '--screenshot', screenshot)
        expected = [
            'console.log: greet resolved "Hello, Test! You’ve been greeted from',
            'console.log: count_words resolved 3',
            'console.log: count_words rejected "There is no word to count"',
            'console.log: greet rejected "',
            'missing required key name',
            'console.log: done',
        ]
        missing = [line for line in expected if line not in stderr]
        if status != 0 or missing:
            print('not ok 1 - the commands answer as expected')
            print('# exit status %d; missing: %s\n# %s' % (status, missing, stderr.replace('\n', '\n# ')))
        else:
            print('ok 1 - the commands answer as expected')

        screenshot = os.path.join(scratch, 'app.png')
        status, stderr = run(command, '--screenshot', screenshot)
        shown = os.path.exists(screenshot) and os.path.getsize(screenshot) > 0
        if status != 0 or not shown or 'front end' in stderr:
            print('not ok 2 - the app shows its own front end')
            print('# exit status %d\n# %s' % (status, stderr.replace('\n', '\n# ')))
        else:
            print('ok 2 - the app shows its own front end')


if __name__ == '__main__':
    main()
