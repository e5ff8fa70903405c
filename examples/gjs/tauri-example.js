#!/usr/bin/env -S gjs -m
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The tauri-gtk demo's commands, written in JavaScript for GJS.
//
// The same ten commands as demo-app/demo-app.c, and its answer to the page's
// demo://ping event, behind the same front end (demo-app/web). Run it
// uninstalled from a build directory:
//
//   _build/run gjs -m examples/gjs/tauri-example.js
//
// Every TauriApp option works here too: --frontend DIR|URL, --dev,
// --screenshot FILE and --automation.

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Tauri from 'gi://Tauri?version=1';
import System from 'system';

const APP_ID = 'io.github.taurigtk.GjsExample';
const [scriptPath] = GLib.filename_from_uri(import.meta.url);
const FRONTEND = GLib.canonicalize_filename('../../demo-app/web', GLib.path_get_dirname(scriptPath));

// The guide's some_other_function(): an asynchronous lookup that finds a
// message for the caller, or null, later, from the main loop.
function findMessage(label, number) {
    return new Promise(resolve => {
        GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
            resolve(number >= 0 ? `Called from ${label}` : null);
            return GLib.SOURCE_REMOVE;
        });
    });
}

// Resolves on the next idle of the main loop: a long loop that awaits it
// now and then lets the windows draw and other calls answer meanwhile.
function idle() {
    return new Promise(resolve => {
        GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
            resolve();
            return GLib.SOURCE_REMOVE;
        });
    });
}

// Lets a command be an async function of the invocation and of its
// arguments as a JavaScript object (keyed by their camelCase names): what
// it returns resolves the call, as JSON, and what it throws (an Error or a
// GLib.Error) rejects it with the message.
function asyncCommand(func) {
    return invocation => {
        func(invocation, JSON.parse(invocation.dup_arguments_json())).then(
            value => invocation.return_json(JSON.stringify(value ?? null)),
            error => invocation.return_error_message(error.message));
    };
}

const ExampleApp = GObject.registerClass(
class ExampleApp extends Tauri.App {
    constructor() {
        super({application_id: APP_ID, frontend: FRONTEND});
    }

    // Runs at startup: every command the page may call.
    vfunc_register_commands(registry) {
        const {NONE, WITH_WINDOW} = Tauri.CommandFlags;

        // A function per command: the registry checks the declared
        // parameters before the handler runs.
        registry.add(Tauri.Command.new('hello', null, NONE, this._hello.bind(this)));
        registry.add(Tauri.Command.new('log_message', 'invoke_message: string', NONE,
            this._logMessage.bind(this)));
        registry.add(Tauri.Command.new('try_operation', 'should_fail: boolean', NONE,
            this._tryOperation.bind(this)));
        registry.add(Tauri.Command.new('slow_sum', 'a: number, b: number, delay_ms: integer', NONE,
            this._slowSum.bind(this)));
        registry.add(Tauri.Command.new('window_label', null, WITH_WINDOW,
            this._windowLabel.bind(this)));
        registry.add(Tauri.Command.new('my_custom_command', 'number: integer', WITH_WINDOW,
            asyncCommand(this._myCustomCommand.bind(this))));

        // By signal, with the command's name as the detail. A command with
        // no parameters needs nothing else...
        registry.connect('command::greeting', this._onGreeting.bind(this));
        // ...and one with parameters is declared without a handler, so that
        // its arguments are checked, and answered by the signal.
        registry.add(Tauri.Command.new('open_window', 'label: string', NONE, null));
        registry.connect('command::open_window', this._onOpenWindow.bind(this));

        // A channel, and raw bytes.
        registry.add(Tauri.Command.new('stream_numbers', 'count: integer, on_number: channel<integer>', NONE,
            asyncCommand(this._streamNumbers.bind(this))));
        registry.add(Tauri.Command.new('echo_bytes', 'data: bytes', NONE, this._echoBytes.bind(this)));

        // Events from the pages, by signal, with the event's name as the detail.
        this.connect('event::demo://ping', this._onPing.bind(this));
    }

    // Basic example: no arguments, no return value.
    _hello(invocation) {
        print('I was invoked from JS!');
        invocation.return_value(null);                      // resolves null
    }

    // Passing arguments: `invoke_message` arrives as `invokeMessage`.
    _logMessage(invocation) {
        print(`I was invoked from JS, with this message: ${invocation.get_string('invoke_message')}`);
        invocation.return_value(null);
    }

    // Returning data, by signal: return true to take the call.
    _onGreeting(registry, invocation) {
        invocation.return_string('Hello from GJS!');
        return true;
    }

    // Error handling: Result<String, String>.
    _tryOperation(invocation) {
        if (invocation.get_boolean('should_fail'))
            invocation.return_error_message('This failed!'); // rejects "This failed!"
        else
            invocation.return_string('This worked!');
    }

    // Async commands: answer later, from the main loop, while other commands
    // answer meanwhile. The closure keeps the invocation alive until then.
    _slowSum(invocation) {
        const a = invocation.get_double('a');
        const b = invocation.get_double('b');
        const delayMs = invocation.get_int('delay_ms');

        if (delayMs < 0 || delayMs > 60000) {
            invocation.return_error_message('delayMs must be between 0 and 60000');
            return;
        }

        const cancellable = invocation.get_cancellable();
        const sourceId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, delayMs, () => {
            cancellable.disconnect(cancelledId);
            invocation.return_double(a + b);
            return GLib.SOURCE_REMOVE;
        });
        // Nobody waits any longer (the window closed or reloaded): stop
        // early. The invocation, dropped unanswered, rejects on its own.
        const cancelledId = cancellable.connect(() => {
            GLib.source_remove(sourceId);
            print('slow_sum cancelled');
        });
    }

    // Accessing the window: with_window.
    _windowLabel(invocation) {
        invocation.return_string(invocation.get_window().get_label());
    }

    // A GError raised by the framework is a GLib.Error exception in GJS;
    // return_gerror() rejects the call with its message.
    _onOpenWindow(registry, invocation) {
        try {
            this.open_window(invocation.get_string('label'));
            invocation.return_value(null);
        } catch (error) {
            invocation.return_gerror(error);
        }
        return true;
    }

    // The complete example, as an async function: with_window, an argument,
    // a struct-like result and an error.
    async _myCustomCommand(invocation, {number}) {
        const label = invocation.get_window().get_label();

        print(`Called from ${label}`);
        const message = await findMessage(label, number);
        if (message === null)
            throw new Error('No result');
        return {message, other_val: 42 + number};
    }

    // Channels: each number a message to the page, which receives them in
    // order, then the end. GJS has no worker threads (the C demo counts on
    // one), so this counts on the main thread, as an async function that
    // lets the main loop run every thousand numbers.
    async _streamNumbers(invocation, {count}) {
        const onNumber = invocation.dup_channel('on_number');
        const cancellable = invocation.get_cancellable();

        for (let i = 0; i < count; i++) {
            if (i % 1000 === 999)
                await idle();
            cancellable.set_error_if_cancelled();
            onNumber.send_json(String(i));
        }
        onNumber.close();
        return count;
    }

    // Raw bytes: invoke('echo_bytes', uint8array) resolves with an
    // ArrayBuffer of the same bytes, without JSON or base64 on the way. They
    // arrive as a GLib.Bytes (.toArray() is a Uint8Array).
    _echoBytes(invocation) {
        invocation.return_bytes(invocation.get_bytes('data'));
    }

    // Events: a page that emits demo://ping gets demo://pong back, with the
    // same payload (a Json.Node), in the window it came from.
    _onPing(app, event, payload, source) {
        if (source !== null)
            this.emit_to(source.get_label(), 'demo://pong', payload);
    }
});

GLib.set_application_name('tauri-gtk GJS Example');
const app = new ExampleApp();
System.exit(app.run([System.programInvocationName, ...ARGV]));
