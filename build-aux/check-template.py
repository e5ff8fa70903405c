#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What a new user does with tauri-gtk-1-new, against this build tree:
writes a project for each back end and front end, checks that
flatpak-builder reads its manifest, builds it, and runs its own tests (with
the Vite one also built as its Flatpak manifest builds it, without npm).
Prints TAP.

    check-template.py RUN_SCRIPT WORK_DIR [LANG-FRONTEND...]

RUN_SCRIPT is the build directory's `run`, which points pkg-config,
the typelib path and the library at the build tree.
"""

import json
import os
import pty
import select
import shutil
import subprocess
import sys

VARIANTS = ['c-plain', 'python-plain', 'c-vite', 'python-vite']


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def check(self, name, command, cwd=None, expect=0, output=None):
        """Runs @command; ok when it exits with @expect and prints @output."""
        self.number += 1
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        printed = done.stdout + done.stderr
        good = done.returncode == expect and (output is None or output in printed)
        print('%s %d - %s' % ('ok' if good else 'not ok', self.number, name), flush=True)
        if not good:
            self.failed += 1
            print('# %s exited %d%s' % (' '.join(command), done.returncode,
                                        '' if output is None else ', wanted: %s' % output))
            for line in printed.splitlines()[-60:]:
                print('# | ' + line)
        return good, done.stdout


def manifest_is_read(tap, path, app_id, variant):
    """flatpak-builder reads the manifest without a warning, as written."""
    good, shown = tap.check('%s: flatpak-builder --show-manifest reads its manifest' % variant,
                            ['flatpak-builder', '--show-manifest', path], output='"id" : "%s"' % app_id,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(path))))
    if good:
        manifest = json.loads(shown)
        modules = [module['name'] for module in manifest['modules']]
        assert modules[0] == 'tauri-gtk' and manifest['command'] in modules, modules
        assert manifest['modules'][0]['sources'][0]['type'] == 'git', manifest['modules'][0]


def asks_in_a_terminal(tap, run, work):
    """Run in a terminal with no argument, it asks for each, with defaults."""
    project = os.path.join(work, 'asked')
    answers = [('Application id', 'not-an-id'), ('is not an application id', 'org.example.AskedApp'),
               ('Folder of the new project', project), ('Name people see [Asked App]', ''),
               ('Language of the back end [c]', 'python'), ('Front end [plain]', '')]
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp(run, [run, 'tauri-gtk-1-new'])
    seen = ''
    for prompt, answer in answers:
        while prompt not in seen:
            ready, _, _ = select.select([terminal], [], [], 30)
            chunk = os.read(terminal, 4096).decode('utf-8', 'replace') if ready else ''
            if not chunk:
                break
            seen += chunk
        seen = seen[seen.find(prompt) + len(prompt):] if prompt in seen else seen
        os.write(terminal, (answer + '\n').encode())
    while True:
        try:
            ready, _, _ = select.select([terminal], [], [], 30)
            if not ready or not os.read(terminal, 4096):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    written = os.path.join(project, 'src', 'asked.in')   # the Python back end
    good = os.waitstatus_to_exitcode(status) == 0 and os.path.exists(written)
    tap.number += 1
    print('%s %d - in a terminal it asks for what is missing' % ('ok' if good else 'not ok', tap.number), flush=True)
    if not good:
        tap.failed += 1
        print('# exit status %d; %s written: %s' % (os.waitstatus_to_exitcode(status), written, os.path.exists(written)))


def main():
    run, work = sys.argv[1:3]
    variants = sys.argv[3:] or VARIANTS
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    tap = Tap()
    print('1..%d' % (4 + 4 * len(variants) + 2 * variants.count('c-vite') + 2 * variants.count('python-vite')),
          flush=True)

    # Bad input: a clear error naming what is wrong, and nothing written.
    tap.check('an id that is not reverse DNS is refused',
              [run, 'tauri-gtk-1-new', 'myapp', os.path.join(work, 'bad')], expect=2,
              output='“myapp” is not an application id')
    os.makedirs(os.path.join(work, 'taken'))
    open(os.path.join(work, 'taken', 'file'), 'w').close()
    tap.check('a folder that is not empty is refused',
              [run, 'tauri-gtk-1-new', 'org.example.Taken', os.path.join(work, 'taken')], expect=2,
              output='is not an empty folder')
    tap.check('without a terminal, a missing id is asked for in words',
              [run, 'tauri-gtk-1-new'], expect=2, output='give the application id')

    asks_in_a_terminal(tap, run, work)

    for variant in variants:
        lang, frontend = variant.split('-')
        app_id = 'org.example.Check%s%s' % (lang.capitalize(), frontend.capitalize())
        project = os.path.join(work, 'check-%s' % variant)
        good, _ = tap.check('%s: tauri-gtk-1-new writes the project' % variant,
                            [run, 'tauri-gtk-1-new', '--lang', lang, '--frontend', frontend,
                             '--name', 'Check %s' % variant, app_id, project])
        manifest_is_read(tap, os.path.join(project, 'build-aux', 'flatpak', app_id + '.json'), app_id, variant)
        tap.check('%s: it builds with no edit' % variant,
                  [run, 'sh', '-c', 'meson setup _build && meson compile -C _build'], cwd=project)
        # meson test fails when one does; the Vite ones check frontend/dist.
        tap.check('%s: its own tests pass' % variant,
                  [run, 'meson', 'test', '-C', '_build', '--print-errorlogs'], cwd=project,
                  output='frontend-dist-current' if frontend == 'vite' else '/ app ')
        if frontend == 'vite':
            # As in its Flatpak manifest: no npm, frontend/dist as kept.
            tap.check('%s: it builds without npm, as its Flatpak manifest asks' % variant,
                      [run, 'sh', '-c', 'meson setup _build-flatpak -Dnpm=disabled && '
                                        'meson compile -C _build-flatpak'], cwd=project,
                      output='the front end is frontend/dist as kept')
            tap.check('%s: and its tests pass there too' % variant,
                      [run, 'meson', 'test', '-C', '_build-flatpak', '--print-errorlogs'], cwd=project,
                      output='/ app ')

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
