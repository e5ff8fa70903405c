// A front end written against the demo's generated bindings (bindings.ts,
// printed by `tauri-gtk-demo --print-bindings`): it uses every function the
// way the demo's commands are meant to be called, and must type-check with
// `tsc --strict`. See check-bindings.sh.

import { Channel } from '@tauri-apps/api/core';

import {
  type CommandError,
  type DemoCustomResponse,
  echoBytes,
  greeting,
  hello,
  logMessage,
  myCustomCommand,
  openWindow,
  slowSum,
  streamNumbers,
  tryOperation,
  windowLabel,
} from './bindings';

function describe(error: CommandError): string {
  return typeof error === 'string' ? error : JSON.stringify(error);
}

export async function runAll(): Promise<string[]> {
  const lines: string[] = [];

  const nothing: null = await hello();
  lines.push(String(nothing));
  await logMessage('Hello from TypeScript');

  const text: string = await greeting();
  lines.push(text.toUpperCase());

  lines.push(await tryOperation(false));
  try {
    await tryOperation(true);
  } catch (error) {
    lines.push(describe(error as CommandError));
  }

  const sum: number = await slowSum(1.5, 2, 100);
  lines.push(sum.toFixed(1));

  const label: string = await windowLabel();
  await openWindow(`${label}-2`).catch((error: CommandError) => lines.push(describe(error)));

  const response: DemoCustomResponse = await myCustomCommand(42);
  lines.push(`Message: ${response.message ?? ''}, Other Val: ${response.other_val + 1}`);

  const numbers: number[] = [];
  const onNumber = new Channel<number>((n) => numbers.push(n * 2));
  const count: number = await streamNumbers(3, onNumber);
  lines.push(`${count} numbers`);

  const echoed: ArrayBuffer = await echoBytes(new Uint8Array([1, 2, 3]));
  lines.push(String(new Uint8Array(echoed).length));
  await echoBytes(new ArrayBuffer(8));

  return lines;
}
