#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The demo as a user drives it: WebKitWebDriver starts tauri-gtk-demo with
--automation, then clicks its buttons, fills its fields and reads its cards,
through the W3C WebDriver protocol. Prints TAP.

WebKitGTK's GTK 4 port cannot synthesize native input events for WebDriver
(element click and send keys answer "unsupported operation"), so clicks and
typing go through the page's DOM, as a user's would reach it; finding
elements, reading their text and taking screenshots are WebDriver's own."""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

DEMO = os.environ['DEMO_BINARY']
ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

# What the demo prints when its page's process dies: a test fails at once,
# with that line, rather than wait for its timeout.
PAGE_STOPPED = re.compile(r'The page of window .* stopped.*')


class WebDriver:
    def __init__(self):
        with socket.socket() as probe:
            probe.bind(('127.0.0.1', 0))
            port = probe.getsockname()[1]
        self.base = f'http://127.0.0.1:{port}'
        # The driver's output holds the demo's: shown when a test fails, and
        # read, through a descriptor of its own, for a page that stopped.
        self.log = tempfile.NamedTemporaryFile(mode='w+')
        self.driver = subprocess.Popen(['WebKitWebDriver', f'--port={port}'],
                                       stdout=self.log, stderr=subprocess.STDOUT)
        self.session = None
        deadline = time.monotonic() + 30
        while True:
            try:
                self.request('GET', '/status')
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())['value']
        except urllib.error.HTTPError as error:
            value = json.loads(error.read())['value']
            raise RuntimeError(f'{method} {path}: {value.get("error")}: {value.get("message")}')

    def start(self, binary, args):
        capabilities = {'webkitgtk:browserOptions': {'binary': binary, 'args': args}}
        value = self.request('POST', '/session', {'capabilities': {'alwaysMatch': capabilities}})
        self.session = value['sessionId']

    def command(self, method, path, body=None):
        return self.request(method, f'/session/{self.session}{path}', body)

    def script(self, source, *args):
        return self.command('POST', '/execute/sync', {'script': source, 'args': list(args)})

    def find(self, element_id):
        found = self.command('POST', '/element', {'using': 'css selector', 'value': f'#{element_id}'})
        return found[ELEMENT]

    def reference(self, element_id):
        return {ELEMENT: self.find(element_id)}

    def click(self, element_id):
        self.script('arguments[0].click();', self.reference(element_id))

    def type_into(self, element_id, text):
        self.script('arguments[0].value = arguments[1];'
                    'arguments[0].dispatchEvent(new Event("input", { bubbles: true }));'
                    'arguments[0].dispatchEvent(new Event("change", { bubbles: true }));',
                    self.reference(element_id), text)

    def text(self, element_id):
        return self.command('GET', f'/element/{self.find(element_id)}/text')

    def check_page(self):
        with open(self.log.name, errors='replace') as log:
            stopped = PAGE_STOPPED.search(log.read())
        if stopped:
            raise RuntimeError(stopped.group(0))

    def wait_for(self, source, *args, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            self.check_page()
            value = self.script(source, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f'never true: {source}')
            time.sleep(0.05)

    def result(self, command):
        """Waits until the card of @command has settled; returns (state, text)."""
        return self.wait_for(
            'const r = document.getElementById(`result-${arguments[0]}`);'
            'return (r.dataset.state === "ok" || r.dataset.state === "error") && [r.dataset.state, r.textContent];',
            command)

    def run(self, command):
        """Clicks the card's button and waits for the answer of that click."""
        self.script('document.getElementById(`result-${arguments[0]}`).dataset.state = "clicked";', command)
        self.click(f'run-{command}')
        return self.result(command)

    def close(self):
        if self.session is not None:
            try:
                self.command('DELETE', '')
            except (OSError, RuntimeError):
                pass
        self.driver.terminate()
        self.driver.wait()

    def print_log(self):
        with open(self.log.name, errors='replace') as log:
            lines = log.read().splitlines()
        for line in lines:
            if 'GLib-DEBUG' not in line:
                print(f'# | {line}', flush=True)


def main():
    tests = []

    def test(function):
        tests.append(function)
        return function

    @test
    def first_run_fills_every_card(wd):
        wd.wait_for('return document.body.dataset.ready === "true";')
        expected = {
            'hello': ['ok', 'null'],
            'log_message': ['ok', 'null'],
            'greeting': ['ok', '"Hello from C!"'],
            'try_operation': ['ok', '"This worked!"'],
            'slow_sum': ['ok', '5'],
            'window_label': ['ok', '"main"'],
            'my_custom_command': ['ok', '{"message":"Called from main","other_val":84}'],
        }
        for command, answer in expected.items():
            assert wd.result(command) == answer, (command, wd.result(command))

    @test
    def arguments_typed_by_the_user(wd):
        wd.type_into('input-invokeMessage', 'typed by WebDriver')
        assert wd.run('log_message') == ['ok', 'null']
        code = wd.text('code-log_message')
        assert "invokeMessage: 'typed by WebDriver'" in code, code

    @test
    def error_after_flipping_the_switch(wd):
        wd.click('input-shouldFail')
        assert wd.result('try_operation') == ['error', '"This failed!"'], wd.result('try_operation')
        wd.click('input-shouldFail')
        assert wd.run('try_operation') == ['ok', '"This worked!"']

    @test
    def complete_example_and_its_error(wd):
        wd.type_into('input-number', '-1')
        assert wd.run('my_custom_command') == ['error', '"No result"']
        wd.type_into('input-number', '8')
        assert wd.run('my_custom_command') == ['ok', '{"message":"Called from main","other_val":50}']

    @test
    def async_sum_leaves_the_page_responsive(wd):
        wd.type_into('input-a', '20')
        wd.type_into('input-b', '22')
        wd.type_into('input-delayMs', '800')
        assert wd.run('slow_sum') == ['ok', '42']
        detail = wd.text('detail-slow_sum')
        assert 'while slow_sum was still running' in detail, detail

    @test
    def screenshot_of_the_window(wd):
        # WebKit takes the screenshot at the page's next paint, which a page
        # at rest never makes without compositing (WebKitGTK 2.50.6, GL
        # off): a shadow too faint to see changes for a few frames.
        wd.script('let frame = 0;'
                  'const paint = () => {'
                  '  document.body.style.boxShadow = frame++ % 2 ? "0 0 1px rgba(0, 0, 0, 0.01)" : "";'
                  '  if (frame < 300) requestAnimationFrame(paint); else document.body.style.boxShadow = "";'
                  '};'
                  'requestAnimationFrame(paint);')
        png = wd.command('GET', '/screenshot')
        assert png.startswith('iVBORw0KGgo'), png[:20]   # base64 of the PNG signature
        assert len(png) > 10000, len(png)

    @test
    def second_window_and_its_label(wd):
        wd.type_into('input-label', 'second')
        assert wd.run('open_window') == ['ok', 'null']
        wd.type_into('input-label', 'second')
        assert wd.run('open_window') == ['error', '"a window with label `second` already exists"']

    print(f'1..{len(tests)}', flush=True)
    wd = WebDriver()
    failed = 0
    try:
        wd.start(DEMO, ['--automation'])
        for number, function in enumerate(tests, 1):
            name = function.__name__.replace('_', '-')
            try:
                function(wd)
                print(f'ok {number} /Tauri/WebDriver/{name}', flush=True)
            except Exception as error:  # noqa: BLE001 - reported as TAP
                failed += 1
                print(f'not ok {number} /Tauri/WebDriver/{name}', flush=True)
                print(f'# {type(error).__name__}: {error}', flush=True)
    except Exception as error:  # noqa: BLE001 - reported as TAP
        failed += 1
        print(f'# the session did not start: {type(error).__name__}: {error}', flush=True)
    finally:
        wd.close()
    if failed:
        wd.print_log()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
