#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""tauri-gtk-1-new: writes a new tauri-gtk application project.

    tauri-gtk-1-new [--lang c|python] [--frontend plain|vite]
                    [--name "Display Name"] APP_ID DIR

Given its arguments it asks nothing; in a terminal it asks for what is
missing. The project builds with Meson, passes its own test and has a
Flatpak manifest (see its README.md).
"""

import argparse
import datetime
import gettext
import os
import re
import shutil
import subprocess
import sys

VERSION = '@VERSION@'
GNOME_RUNTIME = '@GNOME_RUNTIME@'
DATADIR = '@DATADIR@'
LOCALEDIR = '@LOCALEDIR@'
BINDIR = '@BINDIR@'

_ = gettext.translation('@GETTEXT_PACKAGE@', LOCALEDIR, fallback=True).gettext

LANGUAGES = {'c': 'C', 'python': 'Python'}
FRONTENDS = ('plain', 'vite')
# Reverse DNS, as Flatpak and GApplication want it: at least three parts.
APP_ID = re.compile(r'^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){2,}$')


def template_dir():
    """The installed template, found from this program's own place first, so
    that an install moved elsewhere (/app) still finds it."""
    if os.environ.get('TAURI_GTK_TEMPLATE_DIR'):
        return os.environ['TAURI_GTK_TEMPLATE_DIR']
    here = os.path.dirname(os.path.realpath(__file__))
    relative = os.path.join(here, os.path.relpath(DATADIR, BINDIR), 'tauri-gtk-1', 'template')
    if os.path.isdir(relative):
        return relative
    return os.path.join(DATADIR, 'tauri-gtk-1', 'template')


def ask(question, default=None, choices=None, check=None):
    while True:
        prompt = '%s [%s]: ' % (question, default) if default else '%s: ' % question
        try:
            answer = input(prompt).strip() or default or ''
        except EOFError:
            sys.exit(1)
        if choices and answer not in choices:
            print(_('Answer one of: %s') % ', '.join(choices))
        elif check and check(answer):
            print(check(answer))
        elif answer:
            return answer


def app_id_problem(app_id):
    if not APP_ID.match(app_id) or len(app_id) > 255:
        return (_('“%s” is not an application id: write it in reverse DNS, with at least three '
                  'parts, such as org.example.MyApp') % app_id)
    return None


def dir_problem(directory):
    if os.path.exists(directory) and (not os.path.isdir(directory) or os.listdir(directory)):
        return _('%s already exists and is not an empty folder: choose another') % directory
    return None


def words(name):
    return [w for w in re.split(r'[^A-Za-z0-9]+', name) if w]


def substitute(text, values):
    return re.sub(r'@([A-Z_]+)@', lambda m: values.get(m.group(1), m.group(0)), text)


def write_project(options, values):
    root = template_dir()
    for part in ('common', options.lang, options.frontend):
        source = os.path.join(root, part)
        for folder, _dirs, files in os.walk(source):
            for name in files:
                path = os.path.join(folder, name)
                relative = substitute(os.path.relpath(path, source), values)
                target = os.path.join(options.dir, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(path, 'rb') as original:
                    data = original.read()
                try:
                    data = substitute(data.decode('utf-8'), values).encode('utf-8')
                except UnicodeDecodeError:
                    pass
                with open(target, 'wb') as copy:
                    copy.write(data)
                shutil.copymode(path, target)


def build_frontend(options):
    """A Vite front end: installs its packages and builds dist/, which the
    project keeps (a Flatpak build has no npm)."""
    frontend = os.path.join(options.dir, 'frontend')
    npm = shutil.which('npm')
    if npm is None:
        print(_('npm was not found: install Node.js and npm, then run '
                '“npm install && npm run build” in %s') % frontend, file=sys.stderr)
        return False
    for step in (['install', '--no-audit', '--no-fund'], ['run', 'build', '--', '--logLevel', 'warn']):
        if subprocess.run([npm] + step, cwd=frontend).returncode != 0:
            print(_('“npm %s” failed in %s: run it there again once the cause is fixed')
                  % (' '.join(step[:2]), frontend), file=sys.stderr)
            return False
    return True


def main():
    parser = argparse.ArgumentParser(
        prog='tauri-gtk-1-new',
        description=_('Write a new tauri-gtk application project into DIR.'))
    parser.add_argument('--lang', choices=sorted(LANGUAGES),
                        help=_('the language of the back end (default: c)'))
    parser.add_argument('--frontend', choices=FRONTENDS,
                        help=_('plain HTML and JavaScript, or a Vite project using @tauri-apps/api '
                               '(default: plain)'))
    parser.add_argument('--name', help=_('the name people see (default: from the application id)'))
    parser.add_argument('--version', action='version', version='%(prog)s ' + VERSION)
    parser.add_argument('app_id', metavar='APP_ID', nargs='?',
                        help=_('the application id, such as org.example.MyApp'))
    parser.add_argument('dir', metavar='DIR', nargs='?', help=_('the new project’s folder'))
    options = parser.parse_args()

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if options.app_id is None and not interactive:
        parser.error(_('give the application id, such as org.example.MyApp'))
    if options.app_id is None:
        options.app_id = ask(_('Application id (reverse DNS)'), check=app_id_problem)
    elif app_id_problem(options.app_id):
        parser.error(app_id_problem(options.app_id))

    last = options.app_id.rsplit('.', 1)[1]
    default_program = '-'.join(w.lower() for w in re.findall(r'[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])', last)) or last.lower()
    if options.dir is None and interactive:
        options.dir = ask(_('Folder of the new project'), default=default_program, check=dir_problem)
    elif options.dir is None:
        parser.error(_('give the folder of the new project'))
    elif dir_problem(options.dir):
        parser.error(dir_problem(options.dir))
    if options.name is None:
        default_name = ' '.join(w[:1].upper() + w[1:] for w in re.findall(r'[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])', last))
        options.name = ask(_('Name people see'), default=default_name) if interactive else default_name
    if options.lang is None:
        options.lang = ask(_('Language of the back end'), default='c', choices=sorted(LANGUAGES)) \
            if interactive else 'c'
    if options.frontend is None:
        options.frontend = ask(_('Front end'), default='plain', choices=FRONTENDS) \
            if interactive else 'plain'

    program = '-'.join(w.lower() for w in words(os.path.basename(os.path.abspath(options.dir)))) \
        or default_program
    snake = program.replace('-', '_')
    if not re.match(r'^[a-z_]', snake):
        snake = 'app_' + snake
    camel = ''.join(w[:1].upper() + w[1:] for w in snake.split('_') if w)
    developer = options.app_id.rsplit('.', 1)[0]
    values = {
        'APP_ID': options.app_id,
        'APP_PATH': '/' + options.app_id.replace('.', '/'),
        'NAME': options.name.replace('&', '&amp;').replace('<', '&lt;'),
        'PROGRAM': program,
        'CAMEL': camel,
        'SNAKE': snake,
        'UPPER': snake.upper(),
        'LANGUAGES': "'c'," if options.lang == 'c' else '',
        # The Python that Meson runs with; the back end needs PyGObject.
        'PYTHON_ARGS': "modules: ['gi']" if options.lang == 'python' else '',
        'LANGUAGE_NAME': LANGUAGES[options.lang],
        'DEVELOPER_ID': developer,
        'DATE': datetime.date.today().isoformat(),
        'TAURI_GTK_VERSION': VERSION,
        'GNOME_RUNTIME': GNOME_RUNTIME,
        'INTROSPECTION': 'enabled' if options.lang == 'python' else 'disabled',
        'APP_CONFIG_OPTS': '\n                "-Dnpm=disabled"\n            ' if options.frontend == 'vite' else '',
        # The project's README stays in English.
        'FRONTEND_NOTE': ('The front end is a Vite project in `frontend/`: `npm run build` there '
                          'updates `frontend/dist/`, which the project keeps for builds without '
                          'npm (the Flatpak one); with npm, the build makes it again and a test '
                          'checks that the kept one is current.'
                          if options.frontend == 'vite' else
                          'The front end is plain HTML and JavaScript in `frontend/`.'),
    }

    os.makedirs(options.dir, exist_ok=True)
    write_project(options, values)
    built = options.frontend != 'vite' or build_frontend(options)

    print(_('Wrote %s (%s, %s front end) into %s. Build it, run it and test it with:')
          % (options.app_id, LANGUAGES[options.lang], options.frontend, options.dir))
    print('\n  cd %s\n  meson setup _build && meson compile -C _build && meson devenv -C _build %s\n'
          '  meson test -C _build\n' % (options.dir, program))
    return 0 if built else 1


if __name__ == '__main__':
    sys.exit(main())
