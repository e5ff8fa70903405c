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

/** The JSON form of the GObject type `TestThing`: one field per readable property. */
export interface TestThing {
  label: string | null;
  other_val: number;
  ratio: number;
  enabled: boolean;
  mode: 'first' | 'second-one';
  flags: number;
  tags: string[];
  extra: Record<string, unknown> | null;
  child: TestThing | null;
}

/** Calls `42 () -> integer`. */
export function _42(): Promise<number> {
  return invoke<number>('42');
}

/** Calls `delete (default: string, invoke: number, this_?: boolean) -> boolean`. */
export function delete_(default_: string, invoke_: number, this_?: boolean | null): Promise<boolean> {
  return invoke<boolean>('delete', { default: default_, invoke: invoke_, this: this_ });
}

/** Calls `download (url: string, on_progress: channel<number>, on_event: channel) -> bytes`. */
export function download(url: string, onProgress: Channel<number>, onEvent: Channel<unknown>): Promise<ArrayBuffer> {
  return invoke<ArrayBuffer>('download', { url, onProgress, onEvent });
}

/** Calls `everything (a: number, b?: number, items: array<string>, obj: object<TestThing>, v: variant<a{sv}>) -> object<TestThing>`. */
export function everything(a: number, b: number | null | undefined, items: string[], obj: Partial<TestThing>, v: Record<string, unknown>): Promise<TestThing> {
  return invoke<TestThing>('everything', { a, b, items, obj, v });
}

/** Calls `invoke ()`. */
export function invoke_(): Promise<unknown> {
  return invoke<unknown>('invoke');
}

/** Calls `log-message () -> null`. */
export function logMessage(): Promise<null> {
  return invoke<null>('log-message');
}

/** Calls `logMessage () -> null`. */
export function logMessage_2(): Promise<null> {
  return invoke<null>('logMessage');
}

/** Calls `log_message (invoke_message: string) -> null`. */
export function logMessage_3(invokeMessage: string): Promise<null> {
  return invoke<null>('log_message', { invokeMessage });
}

/** Calls `nested_arrays (matrix: array<array<number>>, maybes: array<variant<mi>>) -> array<object<TestThing>>`. */
export function nestedArrays(matrix: number[][], maybes: (number | null)[]): Promise<TestThing[]> {
  return invoke<TestThing[]>('nested_arrays', { matrix, maybes });
}

/** Calls `optional_middle (first?: string, second: integer, third?: boolean, fourth?: null) -> null`. */
export function optionalMiddle(first: string | null | undefined, second: number, third?: boolean | null, fourth?: null): Promise<null> {
  return invoke<null>('optional_middle', { first, second, third, fourth });
}

/** Calls `say:it's \ "here"*\/ () -> string`. */
export function sayItSHere(): Promise<string> {
  return invoke<string>('say:it\'s \\ "here"*/');
}

/** Calls `scalars (s: string, i: integer, n: number, flag: boolean, nothing: null, anything: any, o: object, arr: array)`. */
export function scalars(s: string, i: number, n: number, flag: boolean, nothing: null, anything: unknown, o: Record<string, unknown>, arr: unknown[]): Promise<unknown> {
  return invoke<unknown>('scalars', { s, i, n, flag, nothing, anything, o, arr });
}

/** Calls `sign (data: bytes, key: string) -> array<integer>`. */
export function sign(data: number[], key: string): Promise<number[]> {
  return invoke<number[]>('sign', { data, key });
}

/** Calls `snake_case_args (invoke_message: string, delay_ms?: integer) -> string`. */
export function snakeCaseArgs(invoke_message: string, delay_ms?: number | null): Promise<string> {
  return invoke<string>('snake_case_args', { invoke_message, delay_ms });
}

/** Calls `upload (data: bytes) -> null`. */
export function upload(data: Uint8Array | ArrayBuffer): Promise<null> {
  return invoke<null>('upload', data);
}

/** Calls `variants (pair: variant<(ii)>, names: variant<as>, maybe: variant<ms>, nested: variant<a{sa{sv}}>, entry: variant<{sd}>, boxed: variant<v>, raw: variant<ay>, unit: variant<()>) -> variant<(sb)>`. */
export function variants(pair: [number, number], names: string[], maybe: string | null, nested: Record<string, Record<string, unknown>>, entry: Record<string, number>, boxed: unknown, raw: number[], unit: []): Promise<[string, boolean]> {
  return invoke<[string, boolean]>('variants', { pair, names, maybe, nested, entry, boxed, raw, unit });
}
