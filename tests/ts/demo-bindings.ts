// TypeScript bindings for the commands of a tauri-gtk application, printed
// by its --print-bindings option. Do not edit: print them again when a
// command changes.

import { type Channel, invoke } from '@tauri-apps/api/core';

/**
 * What a call rejects with, as in Tauri: a string, the message of the
 * command's error or the framework's own refusal ("Command greet not
 * allowed by ACL"), or the JSON value a command
 * rejected with (tauri_invocation_return_error_value()), typically an
 * object with a code and a message. Promises reject untyped, so catch it
 * as `catch((error: CommandError) => ...)`.
 */
export type CommandError = string | Record<string, unknown> | unknown[] | number | boolean | null;

/** The JSON form of the GObject type `DemoCustomResponse`: one field per readable property. */
export interface DemoCustomResponse {
  message: string | null;
  other_val: number;
}

/** Calls `echo_bytes (data: bytes) -> bytes`. */
export function echoBytes(data: Uint8Array | ArrayBuffer): Promise<ArrayBuffer> {
  return invoke<ArrayBuffer>('echo_bytes', data);
}

/** Calls `greeting () -> string`. */
export function greeting(): Promise<string> {
  return invoke<string>('greeting');
}

/** Calls `hello () -> null`. */
export function hello(): Promise<null> {
  return invoke<null>('hello');
}

/** Calls `log_message (invoke_message: string) -> null`. */
export function logMessage(invokeMessage: string): Promise<null> {
  return invoke<null>('log_message', { invokeMessage });
}

/** Calls `my_custom_command (number: integer) -> object<DemoCustomResponse>`. */
export function myCustomCommand(number: number): Promise<DemoCustomResponse> {
  return invoke<DemoCustomResponse>('my_custom_command', { number });
}

/** Calls `open_window (label: string) -> null`. */
export function openWindow(label: string): Promise<null> {
  return invoke<null>('open_window', { label });
}

/** Calls `slow_sum (a: number, b: number, delay_ms: integer) -> number`. */
export function slowSum(a: number, b: number, delayMs: number): Promise<number> {
  return invoke<number>('slow_sum', { a, b, delayMs });
}

/** Calls `stream_numbers (count: integer, on_number: channel<integer>) -> integer`. */
export function streamNumbers(count: number, onNumber: Channel<number>): Promise<number> {
  return invoke<number>('stream_numbers', { count, onNumber });
}

/** Calls `try_operation (should_fail: boolean) -> string`. */
export function tryOperation(shouldFail: boolean): Promise<string> {
  return invoke<string>('try_operation', { shouldFail });
}

/** Calls `window_label () -> string`. */
export function windowLabel(): Promise<string> {
  return invoke<string>('window_label');
}
