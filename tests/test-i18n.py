#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The demo's page in the desktop's language: WebKitWebDriver starts
tauri-gtk-demo under LANGUAGE=de, fr and none, and the test reads the
page's words, its lang and navigator.language. Prints TAP."""

import importlib.util
import os
import sys

spec = importlib.util.spec_from_file_location(
    'webdriver', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-webdriver.py'))
webdriver = importlib.util.module_from_spec(spec)
spec.loader.exec_module(webdriver)

# What the page shows in each language, from demo-app/po (and the source).
CASES = {
    'de': {'navigator': 'de', 'h1': 'tauri-gtk-Demo', 'title-hello': 'Einfaches Beispiel',
           'run-hello': 'Aufrufen', 'run-all': 'Alle ausführen',
           'status': 'Alle Beispiele nach '},
    'fr': {'navigator': 'fr', 'h1': 'Démo tauri-gtk', 'title-hello': 'Exemple de base',
           'run-hello': 'Appeler', 'run-all': 'Tout exécuter',
           'status': 'Tous les exemples ont abouti en '},
    '': {'navigator': 'en-US', 'h1': 'tauri-gtk Demo', 'title-hello': 'Basic example',
         'run-hello': 'Invoke', 'run-all': 'Run all', 'status': 'All examples settled in '},
}


def check(language, expected):
    os.environ['LANGUAGE'] = language
    os.environ['LANG'] = 'C.UTF-8'
    wd = webdriver.WebDriver()
    try:
        wd.start(webdriver.DEMO, ['--automation'])
        wd.wait_for('return document.body.dataset.ready === "true";')
        seen = wd.script('return [navigator.language, document.documentElement.lang,'
                         ' document.querySelector("h1").textContent];')
        assert seen == [expected['navigator'], expected['navigator'].split('-')[0], expected['h1']], seen
        for element in ('title-hello', 'run-hello', 'run-all'):
            assert wd.text(element) == expected[element], (element, wd.text(element))
        status = wd.text('run-all-status')
        assert status.startswith(expected['status']), status
        # The answers themselves are never translated: Tauri's texts.
        assert wd.result('try_operation') == ['ok', '"This worked!"']
    except Exception:
        wd.print_log()
        raise
    finally:
        wd.close()


def main():
    print(f'1..{len(CASES)}', flush=True)
    failed = 0
    for number, (language, expected) in enumerate(CASES.items(), 1):
        name = f'/Tauri/Demo/page-in-{language or "english"}'
        try:
            check(language, expected)
            print(f'ok {number} {name}', flush=True)
        except Exception as error:  # noqa: BLE001 - reported as TAP
            failed += 1
            print(f'not ok {number} {name}', flush=True)
            print(f'# {type(error).__name__}: {error}', flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
