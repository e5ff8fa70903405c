#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What can be checked of the demo's Flatpak without a runtime: that
flatpak-builder reads the manifest, that the build it describes installs
with --prefix=/app, and that the install runs from /app alone. Prints TAP.

    check-install.py SOURCE_DIR WORK_DIR TEST_FRONTEND

The tree is configured with the manifest's own config-opts, as
flatpak-builder does (--prefix=/app --libdir=lib), installed into a staging
folder, and that folder is bind-mounted at /app with bwrap, with no network
and nothing of the build tree: the demo must find its library (by its
RPATH), its web process extension, its resources, its translations and the
typelib there. The desktop file and the metainfo installed are validated.
"""

import glob
import json
import os
import shutil
import subprocess
import sys

MANIFEST = 'build-aux/flatpak/io.github.taurigtk.Demo.Devel.json'


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def result(self, name, good, details=''):
        self.number += 1
        print('%s %d - %s' % ('ok' if good else 'not ok', self.number, name), flush=True)
        if not good:
            self.failed += 1
            for line in details.splitlines()[-60:]:
                print('# | ' + line, flush=True)
        return good

    def check(self, name, command, expect=(), env=None, cwd=None):
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
        printed = done.stdout + done.stderr
        missing = [text for text in expect if text not in printed]
        return self.result(name, done.returncode == 0 and not missing,
                           '%s exited %d; missing %s\n%s' % (command[0], done.returncode, missing, printed))


def sandbox(stage, work, frontend, command, language='', writable=False):
    """@command in a sandbox where /app is the staging install, as in a
    Flatpak: the host's /usr, no network, a home of its own. @writable
    lets it install into /app, as a Flatpak build does."""
    home = os.path.join(work, 'home')
    os.makedirs(home, exist_ok=True)
    args = ['bwrap', '--unshare-net', '--unshare-ipc', '--die-with-parent',
            '--ro-bind', '/usr', '/usr', '--ro-bind', '/etc', '/etc',
            '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64',
            '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/sbin', '/sbin',
            '--ro-bind', '/sys', '/sys', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp',
            '--bind' if writable else '--ro-bind', os.path.join(stage, 'app'), '/app',
            '--ro-bind', frontend, '/check-frontend',
            '--bind', home, '/home/user', '--chdir', '/home/user',
            '--clearenv',
            # What flatpak sets for an app.
            '--setenv', 'PATH', '/app/bin:/usr/bin',
            '--setenv', 'XDG_DATA_DIRS', '/app/share:/usr/share',
            '--setenv', 'GI_TYPELIB_PATH', '/app/lib/girepository-1.0',
            '--setenv', 'PKG_CONFIG_PATH', '/app/lib/pkgconfig:/app/share/pkgconfig',
            '--setenv', 'HOME', '/home/user',
            '--setenv', 'LANG', 'C.UTF-8', '--setenv', 'LANGUAGE', language,
            # Headless, as the tests run: no GL under Xvfb.
            '--setenv', 'GDK_DEBUG', 'gl-disable', '--setenv', 'WEBKIT_DISABLE_COMPOSITING_MODE', '1',
            '--setenv', 'GSETTINGS_BACKEND', 'memory', '--setenv', 'NO_AT_BRIDGE', '1',
            '--setenv', 'GTK_A11Y', 'none']
    display = os.environ.get('DISPLAY', '')
    if display.startswith(':'):
        args += ['--ro-bind', '/tmp/.X11-unix', '/tmp/.X11-unix', '--setenv', 'DISPLAY', display]
        if os.environ.get('XAUTHORITY'):
            args += ['--ro-bind', os.environ['XAUTHORITY'], '/tmp/.Xauthority',
                     '--setenv', 'XAUTHORITY', '/tmp/.Xauthority']
    return args + command


def main():
    source, work, frontend = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    build, stage = os.path.join(work, 'build'), os.path.join(work, 'stage')
    tap = Tap()
    print('1..12', flush=True)

    # From the work folder: flatpak-builder leaves a .flatpak-builder there.
    shown = subprocess.run(['flatpak-builder', '--show-manifest', os.path.join(source, MANIFEST)],
                           capture_output=True, text=True, cwd=work)
    manifest = json.loads(shown.stdout) if shown.returncode == 0 else {}
    tap.result('flatpak-builder --show-manifest reads the demo’s manifest',
               shown.returncode == 0 and not shown.stderr and manifest.get('id') == 'io.github.taurigtk.Demo.Devel',
               shown.stdout + shown.stderr)
    options = manifest['modules'][0]['config-opts'] if manifest else []

    if not tap.check('it builds with the manifest’s options and installs with --prefix=/app',
                     ['sh', '-c', 'meson setup "$0" "$1" --prefix=/app --libdir=lib "$@" && '
                      'meson compile -C "$0" && meson install -C "$0" --destdir "$2" --quiet'
                      .replace('"$@"', ' '.join(options)), build, source, stage],
                     ['the demo’s @tauri-apps/api page and the js test suite are left out']):
        return 1
    app = os.path.join(stage, 'app')
    desktop = glob.glob(os.path.join(app, 'share', 'applications', '*.desktop'))
    metainfo = glob.glob(os.path.join(app, 'share', 'metainfo', '*.metainfo.xml'))
    tap.check('the installed desktop file is valid', ['desktop-file-validate'] + desktop)
    tap.check('the installed metainfo is valid',
              ['appstreamcli', 'validate', '--no-net', '--explain'] + metainfo)

    tap.check('from /app: the option descriptions in German (the library’s translations)',
              sandbox(stage, work, frontend, ['tauri-gtk-demo', '--help'], 'de'),
              ['Diese Oberfläche statt der eingebauten verwenden'])
    tap.check('from /app: tauri-gtk-1-new in French, with its template',
              sandbox(stage, work, frontend, ['tauri-gtk-1-new', '--help'], 'fr'),
              ['Écrire un nouveau projet d’application tauri-gtk dans DIR.'])
    tap.check('from /app: the demo runs, with its web process extension',
              sandbox(stage, work, frontend, ['tauri-gtk-demo', '--frontend', '/check-frontend', '--dev',
                                              '--screenshot', '/tmp/check.png'], 'fr'),
              ['console.log: extension: function', 'console.log: language: fr',
               'console.log: greeting: Hello from C!', 'console.log: echo_bytes: 1,2,3'])
    tap.check('from /app: the demo shows its own front end, from its resources',
              sandbox(stage, work, frontend,
                      ['sh', '-c', 'tauri-gtk-demo --screenshot /tmp/demo.png && test -s /tmp/demo.png'], 'de'))
    # The typelib's library is found as Flatpak finds /app/lib: through the
    # dynamic linker's paths, which Flatpak's runtime sets up.
    # The overrides are where tauri-gtk.pc says, which Python searches in a
    # Flatpak runtime (/app/lib/python3.X/site-packages) and not here.
    tap.check('from /app: the typelib and the PyGObject overrides, from Python, in German',
              sandbox(stage, work, frontend,
                      ['sh', '-c', 'LD_LIBRARY_PATH=/app/lib PYTHONPATH=$(pkg-config --variable=pythondir tauri-gtk-1) '
                       '/usr/bin/python3 -c \''
                       'import sys, gi; gi.require_version("Tauri", "1"); from gi.repository import Tauri; '
                       'print("overrides:", sys.modules["gi.overrides.Tauri"].__file__, flush=True); '
                       'sys.exit(Tauri.App(application_id="org.example.Check").run(["check", "--help"]))\''],
                      'de'),
              ['Diese Oberfläche statt der eingebauten verwenden', 'overrides: /app/lib/python3'])
    # What the template's manifest does once tauri-gtk is in /app: build the
    # app with --prefix=/app, install it, and run it from there.
    for lang in ('c', 'python'):
        tap.check('from /app: a %s app from tauri-gtk-1-new builds, installs in /app, passes its tests and runs'
                  % lang,
                  sandbox(stage, work, frontend, ['sh', '-c', 'set -e; tauri-gtk-1-new --lang "$0" org.example.Flat "$0-app"; '
                                                  'cd "$0-app"; meson setup _build --prefix=/app --libdir=lib; '
                                                  'meson compile -C _build; meson install -C _build; '
                                                  'meson test -C _build --print-errorlogs; '
                                                  '"$0-app" --screenshot /tmp/app.png; test -s /tmp/app.png',
                                                  lang], writable=True),
                  ['Installing', '/ app ', 'OK'])
    # Text files only: a binary's debugging information names its sources.
    leftovers = subprocess.run(['grep', '-rlI', '-e', os.path.abspath(source), '-e', os.path.abspath(work), app],
                               capture_output=True, text=True)
    tap.result('no installed text file names the source or build tree', leftovers.stdout == '', leftovers.stdout)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
