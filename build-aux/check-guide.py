#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs the getting-started guide's examples as written. Prints TAP.

    check-guide.py RUN_SCRIPT GUIDE.md WORK_DIR CHECK_FRONTEND

Each code block after a `<!-- guide-file: PATH... -->` line is written to
those paths under WORK_DIR; each shell block after `<!-- guide-run: DIR -->`
runs in WORK_DIR/DIR, line by line, through the build directory's `run`
script (which points pkg-config and the typelib path at the build tree).
The last line of such a block starts the app: it runs with --screenshot,
which must show the page with nothing said on standard error, then with
--frontend CHECK_FRONTEND --dev, whose page calls the guide's `greet`.
"""

import os
import re
import shutil
import subprocess
import sys

BLOCK = re.compile(r'<!-- guide-(file|run): ([^>]*?) -->\n```[a-z]*\n(.*?)```', re.S)
HEADLESS = {'GDK_DEBUG': 'gl-disable', 'WEBKIT_DISABLE_COMPOSITING_MODE': '1',
            'GSETTINGS_BACKEND': 'memory', 'NO_AT_BRIDGE': '1', 'GTK_A11Y': 'none'}


def main():
    run, guide, work, frontend = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(guide, encoding='utf-8') as markdown:
        blocks = BLOCK.findall(markdown.read())
    runs = [(where, text) for kind, where, text in blocks if kind == 'run']
    print('1..%d' % (3 * len(runs)), flush=True)

    for kind, where, text in blocks:
        if kind == 'file':
            for path in where.split():
                os.makedirs(os.path.dirname(os.path.join(work, path)), exist_ok=True)
                with open(os.path.join(work, path), 'w', encoding='utf-8') as out:
                    out.write(text)

    number, failed = 0, 0
    # python3 is the system's, which has PyGObject, as on a Debian desktop
    # (a Python of its own on PATH first, pyenv's say, has none).
    env = dict(os.environ, PATH='/usr/bin:' + os.environ.get('PATH', ''), **HEADLESS)
    for where, text in runs:
        directory = os.path.join(work, where)
        *steps, app = [line for line in text.splitlines() if line.strip()]
        checks = [
            ('%s: the build steps run as written' % where, ' && '.join(steps), None),
            ('%s: the app shows its front end, and says nothing' % where,
             app + ' --screenshot "$PWD/shot.png" && test -s shot.png', ''),
            ('%s: its greet answers' % where,
             app + ' --frontend %s --dev --screenshot "$PWD/check.png"' % frontend, 'greet: Hello, Guide!'),
        ]
        for name, command, wanted in checks:
            number += 1
            done = subprocess.run([run, 'sh', '-c', command], cwd=directory, env=env,
                                  capture_output=True, text=True, timeout=300)
            said = [line for line in done.stderr.splitlines() if 'Tauri-Message' in line]
            good = done.returncode == 0 and (wanted is None or
                                             (said == [] if wanted == '' else wanted in done.stderr))
            print('%s %d - %s' % ('ok' if good else 'not ok', number, name), flush=True)
            if not good:
                failed += 1
                print('# %s exited %d' % (command, done.returncode))
                for line in (done.stdout + done.stderr).splitlines()[-40:]:
                    print('# | ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
