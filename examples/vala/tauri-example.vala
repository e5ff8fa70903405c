/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The tauri-gtk demo's commands, written in Vala.
 *
 * The same ten commands as demo-app/demo-app.c, and its answer to the page's
 * demo://ping event, behind the same front end (demo-app/web). Built with
 * the rest of the tree when valac is installed:
 *
 *   _build/examples/vala/tauri-gtk-vala-example
 *
 * Every TauriApp option works here too: --frontend DIR|URL, --dev,
 * --screenshot FILE and --automation.
 */

/* The demo's front end, in the source tree; set by examples/vala/meson.build. */
[CCode (cname = "EXAMPLE_FRONTEND")]
extern const string EXAMPLE_FRONTEND;

/*
 * The guide's `struct CustomResponse { message: String, other_val: usize }`:
 * Invocation.return_object() writes every readable property, `other-val`
 * spelled `other_val`.
 */
public class CustomResponse : Object {
    public string message { get; construct; }
    public int64 other_val { get; construct; }

    public CustomResponse (string message, int64 other_val) {
        Object (message: message, other_val: other_val);
    }
}

public class ExampleApp : Tauri.App {
    public ExampleApp () {
        Object (application_id: "io.github.taurigtk.ValaExample", frontend: EXAMPLE_FRONTEND);
    }

    /* Runs at startup: every command the page may call. */
    public override void register_commands (Tauri.CommandRegistry registry) {
        /* A method per command: the registry checks the declared
         * parameters before the handler runs. */
        registry.add (new Tauri.Command ("hello", null, NONE, hello));
        registry.add (new Tauri.Command ("log_message", "invoke_message: string", NONE, log_message));
        registry.add (new Tauri.Command ("try_operation", "should_fail: boolean", NONE, try_operation));
        registry.add (new Tauri.Command ("slow_sum", "a: number, b: number, delay_ms: integer", NONE, slow_sum));
        registry.add (new Tauri.Command ("window_label", null, WITH_WINDOW, window_label));
        registry.add (new Tauri.Command ("my_custom_command", "number: integer", WITH_WINDOW,
                                         (invocation) => my_custom_command.begin (invocation)));

        /* By signal, with the command's name as the detail. A command with
         * no parameters needs nothing else... */
        registry.command["greeting"].connect (on_greeting);
        /* ...and one with parameters is declared without a handler, so that
         * its arguments are checked, and answered by the signal. */
        registry.add (new Tauri.Command ("open_window", "label: string", NONE, null));
        registry.command["open_window"].connect (on_open_window);

        /* A channel, from a worker thread, and raw bytes. */
        registry.add (new Tauri.Command.thread ("stream_numbers", "count: integer, on_number: channel<integer>",
                                                NONE, stream_numbers));
        registry.add (new Tauri.Command ("echo_bytes", "data: bytes", NONE, echo_bytes));

        /* Events from the pages, by signal, with the event's name as the
         * detail. */
        event["demo://ping"].connect (on_ping);
    }

    /* Basic example: no arguments, no return value. */
    private void hello (Tauri.Invocation invocation) {
        print ("I was invoked from JS!\n");
        invocation.return_value (null);                     /* resolves null */
    }

    /* Passing arguments: `invoke_message` arrives as `invokeMessage`. */
    private void log_message (Tauri.Invocation invocation) {
        print ("I was invoked from JS, with this message: %s\n", invocation.get_string ("invoke_message"));
        invocation.return_value (null);
    }

    /* Returning data, by signal: return true to take the call. */
    private bool on_greeting (Tauri.Invocation invocation) {
        invocation.return_string ("Hello from Vala!");
        return true;
    }

    /* Error handling: Result<String, String>. */
    private void try_operation (Tauri.Invocation invocation) {
        if (invocation.get_boolean ("should_fail"))
            invocation.return_error_message ("This failed!"); /* rejects "This failed!" */
        else
            invocation.return_string ("This worked!");
    }

    /* Async commands: answer later, from the main loop, while other commands
     * answer meanwhile. The closure keeps the invocation alive until then. */
    private void slow_sum (Tauri.Invocation invocation) {
        double a = invocation.get_double ("a");
        double b = invocation.get_double ("b");
        int64 delay_ms = invocation.get_int ("delay_ms");

        if (delay_ms < 0 || delay_ms > 60000) {
            invocation.return_error_message ("delayMs must be between 0 and 60000");
            return;
        }

        var cancellable = invocation.get_cancellable ();
        ulong cancelled_id = 0;
        uint source_id = Timeout.add ((uint) delay_ms, () => {
            cancellable.disconnect (cancelled_id);
            invocation.return_double (a + b);
            return Source.REMOVE;
        });
        /* Nobody waits any longer (the window closed or reloaded): stop
         * early. The invocation, dropped unanswered, rejects on its own. */
        cancelled_id = cancellable.connect (() => {
            Source.remove (source_id);
            print ("slow_sum cancelled\n");
        });
    }

    /* Accessing the window: with_window. */
    private void window_label (Tauri.Invocation invocation) {
        invocation.return_string (invocation.get_window ().get_label ());
    }

    /* A GError is a Vala error; return_gerror() rejects the call with its
     * message. */
    private bool on_open_window (Tauri.Invocation invocation) {
        try {
            open_window (invocation.get_string ("label"));
            invocation.return_value (null);
        } catch (Error error) {
            invocation.return_gerror (error);
        }
        return true;
    }

    /* The guide's some_other_function(): an asynchronous lookup that finds a
     * message for the caller, or null, later, from the main loop. */
    private async string? find_message (string label, int64 number) {
        Idle.add (find_message.callback);
        yield;
        return number >= 0 ? @"Called from $label" : null;
    }

    /* The complete example, as an async method: with_window, an argument,
     * a struct-like result and an error. */
    private async void my_custom_command (Tauri.Invocation invocation) {
        string label = invocation.get_window ().get_label ();
        int64 number = invocation.get_int ("number");

        print ("Called from %s\n", label);
        string? message = yield find_message (label, number);
        if (message == null)
            invocation.return_error_message ("No result");
        else
            invocation.return_object (new CustomResponse (message, 42 + number));
    }

    /* Channels: counts on a worker thread, each number a message to the
     * page, which receives them in order, then the end. The value returned
     * resolves the call; an error thrown rejects it. */
    private Json.Node? stream_numbers (Tauri.Invocation invocation, Cancellable? cancellable) throws Error {
        var on_number = invocation.dup_channel ("on_number");
        int64 count = invocation.get_int ("count");

        for (int64 i = 0; i < count; i++) {
            if (cancellable != null)
                cancellable.set_error_if_cancelled ();
            on_number.send_json (i.to_string ());
        }
        on_number.close ();

        var result = new Json.Node (VALUE);
        result.set_int (count);
        return result;
    }

    /* Raw bytes: invoke('echo_bytes', uint8array) resolves with an
     * ArrayBuffer of the same bytes, without JSON or base64 on the way. */
    private void echo_bytes (Tauri.Invocation invocation) {
        invocation.return_bytes (invocation.get_bytes ("data"));
    }

    /* Events: a page that emits demo://ping gets demo://pong back, with the
     * same payload, in the window it came from. */
    private void on_ping (string event, Json.Node? payload, Tauri.Window? source) {
        if (source != null)
            emit_to (source.get_label (), "demo://pong", payload);
    }
}

int main (string[] args) {
    Environment.set_application_name ("tauri-gtk Vala Example");
    return new ExampleApp ().run (args);
}
