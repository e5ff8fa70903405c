#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The tauri-gtk demo's commands, written in Python.

The same ten commands as demo-app/demo-app.c, and its answer to the page's
demo://ping event, behind the same front end (demo-app/web). Run it
uninstalled from a build directory:

    _build/run python3 examples/python/tauri-example.py

Every TauriApp option works here too: --frontend DIR|URL, --dev,
--screenshot FILE and --automation.
"""

import os
import sys

import gi

gi.require_version('Json', '1.0')
gi.require_version('Tauri', '1')
from gi.repository import GLib, GObject, Json, Tauri  # noqa: E402

APP_ID = 'io.github.taurigtk.PythonExample'
FRONTEND = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        os.pardir, os.pardir, 'demo-app', 'web')


class CustomResponse(GObject.Object):
    """The guide's `struct CustomResponse { message: String, other_val: usize }`.

    Invocation.return_object() writes every readable property, `other-val`
    spelled `other_val`: {"message": ..., "other_val": ...}.
    """

    message = GObject.Property(type=str)
    other_val = GObject.Property(type=GObject.TYPE_INT64)


def find_message(label, number, callback):
    """The guide's some_other_function(): an asynchronous lookup that finds a
    message for the caller, or None. It answers from the main loop, later,
    as any GIO asynchronous call would."""

    def done():
        callback(f'Called from {label}' if number >= 0 else None)
        return GLib.SOURCE_REMOVE

    GLib.idle_add(done)


class ExampleApp(Tauri.App):
    def __init__(self):
        super().__init__(application_id=APP_ID,
                         flags=0,
                         frontend=os.path.normpath(FRONTEND))

    def do_register_commands(self, registry):
        """Runs at startup: every command the page may call."""

        # A callable per command: the registry checks the declared
        # parameters before the handler runs.
        for name, parameters, flags, handler in [
            ('hello', None, Tauri.CommandFlags.NONE, self.hello),
            ('log_message', 'invoke_message: string', Tauri.CommandFlags.NONE, self.log_message),
            ('try_operation', 'should_fail: boolean', Tauri.CommandFlags.NONE, self.try_operation),
            ('slow_sum', 'a: number, b: number, delay_ms: integer', Tauri.CommandFlags.NONE, self.slow_sum),
            ('window_label', None, Tauri.CommandFlags.WITH_WINDOW, self.window_label),
            ('my_custom_command', 'number: integer', Tauri.CommandFlags.WITH_WINDOW, self.my_custom_command),
        ]:
            registry.add(Tauri.Command.new(name, parameters, flags, handler))

        # By signal, with the command's name as the detail. A command with
        # no parameters needs nothing else...
        registry.connect('command::greeting', self.on_greeting)
        # ...and one with parameters is declared without a handler, so that
        # its arguments are checked, and answered by the signal.
        registry.add(Tauri.Command.new('open_window', 'label: string', Tauri.CommandFlags.NONE, None))
        registry.connect('command::open_window', self.on_open_window)

        # A channel, from a worker thread, and raw bytes.
        registry.add(Tauri.Command.new_thread('stream_numbers', 'count: integer, on_number: channel<integer>',
                                              Tauri.CommandFlags.NONE, self.stream_numbers))
        registry.add(Tauri.Command.new('echo_bytes', 'data: bytes', Tauri.CommandFlags.NONE, self.echo_bytes))

        # Events from the pages, by signal, with the event's name as the detail.
        self.connect('event::demo://ping', self.on_ping)

    # Basic example: no arguments, no return value.
    def hello(self, invocation):
        print('I was invoked from JS!', flush=True)
        invocation.return_value(None)                       # resolves null

    # Passing arguments: `invoke_message` arrives as `invokeMessage`.
    def log_message(self, invocation):
        print('I was invoked from JS, with this message:',
              invocation.get_string('invoke_message'), flush=True)
        invocation.return_value(None)

    # Returning data, by signal: return True to take the call.
    def on_greeting(self, registry, invocation):
        invocation.return_string('Hello from Python!')
        return True

    # Error handling: Result<String, String>.
    def try_operation(self, invocation):
        if invocation.get_boolean('should_fail'):
            invocation.return_error_message('This failed!')  # rejects "This failed!"
        else:
            invocation.return_string('This worked!')

    # Async commands: answer later, from the main loop, while other commands
    # answer meanwhile. The closure keeps the invocation alive until then.
    def slow_sum(self, invocation):
        a = invocation.get_double('a')
        b = invocation.get_double('b')
        delay_ms = invocation.get_int('delay_ms')

        if not 0 <= delay_ms <= 60000:
            invocation.return_error_message('delayMs must be between 0 and 60000')
            return

        cancellable = invocation.get_cancellable()

        def done():
            cancellable.disconnect(cancelled_id)
            invocation.return_double(a + b)
            return GLib.SOURCE_REMOVE

        # Nobody waits any longer (the window closed or reloaded): stop
        # early. The invocation, dropped unanswered, rejects on its own.
        def cancelled():
            GLib.source_remove(source_id)
            print('slow_sum cancelled', flush=True)

        source_id = GLib.timeout_add(delay_ms, done)
        cancelled_id = cancellable.connect(cancelled)

    # Accessing the window: with_window.
    def window_label(self, invocation):
        invocation.return_string(invocation.get_window().get_label())

    # A GError raised by the framework is a GLib.Error exception in Python;
    # return_gerror() rejects the call with its message.
    def on_open_window(self, registry, invocation):
        try:
            self.open_window(invocation.get_string('label'))
        except GLib.Error as error:
            invocation.return_gerror(error)
        else:
            invocation.return_value(None)
        return True

    # The complete example: async, with_window, an argument, a struct-like
    # result and an error.
    def my_custom_command(self, invocation):
        label = invocation.get_window().get_label()
        number = invocation.get_int('number')

        def found(message):
            if message is None:
                invocation.return_error_message('No result')
            else:
                invocation.return_object(CustomResponse(message=message, other_val=42 + number))

        print(f'Called from {label}', flush=True)
        find_message(label, number, found)

    # Channels: counts on a worker thread, each number a message to the page,
    # which receives them in order, then the end. The handler returns the
    # value the call resolves with, as a Json.Node; a GLib.Error it raises
    # rejects the call.
    def stream_numbers(self, invocation, cancellable):
        on_number = invocation.dup_channel('on_number')
        count = invocation.get_int('count')

        for i in range(count):
            cancellable.set_error_if_cancelled()
            on_number.send_json(str(i))
        on_number.close()

        return Json.from_string(str(count))

    # Raw bytes: invoke('echo_bytes', uint8array) resolves with an ArrayBuffer
    # of the same bytes, without JSON or base64 on the way. They arrive as a
    # GLib.Bytes (.get_data() is a Python bytes).
    def echo_bytes(self, invocation):
        invocation.return_bytes(invocation.get_bytes('data'))

    # Events: a page that emits demo://ping gets demo://pong back, with the
    # same payload (a Json.Node), in the window it came from.
    def on_ping(self, app, event, payload, source):
        if source is not None:
            self.emit_to(source.get_label(), 'demo://pong', payload)


if __name__ == '__main__':
    GLib.set_application_name('tauri-gtk Python Example')
    sys.exit(ExampleApp().run(sys.argv))
