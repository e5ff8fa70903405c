// Misuses of the demo's generated bindings. Each line after
// `@ts-expect-error` must be a type error: tsc fails on a directive whose
// line type-checks, and check-bindings.sh also compiles this file without
// the directives and expects exactly as many errors.

import { Channel } from '@tauri-apps/api/core';

import { echoBytes, greeting, logMessage, myCustomCommand, slowSum, streamNumbers, tryOperation, windowLabel } from './bindings';

export async function misuse(): Promise<void> {
  // @ts-expect-error: invokeMessage is a string
  await logMessage(42);
  // @ts-expect-error: the argument is missing
  await logMessage();
  // @ts-expect-error: greeting takes no argument
  await greeting('extra');
  // @ts-expect-error: slow_sum takes three arguments
  await slowSum(1, 2);
  // @ts-expect-error: shouldFail is a boolean
  await tryOperation('yes');
  // @ts-expect-error: the result is a string, not a number
  const label: number = await windowLabel();
  // @ts-expect-error: the result has no field `other`
  const other = (await myCustomCommand(1)).other;
  // @ts-expect-error: other_val is a number
  const value: string = (await myCustomCommand(1)).other_val;
  // @ts-expect-error: message may be null
  const length: number = (await myCustomCommand(1)).message.length;
  // @ts-expect-error: the channel carries numbers
  await streamNumbers(3, new Channel<string>());
  // @ts-expect-error: raw bytes, not a string
  await echoBytes('bytes');
  // @ts-expect-error: the result is an ArrayBuffer
  const text: string = await echoBytes(new Uint8Array(1));
  void [label, other, value, length, text];
}
