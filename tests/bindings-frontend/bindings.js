/*
 * Calls every command of the demo's front end, in an example app written in
 * another language, and checks what each resolves or rejects with; then
 * what the example answers beyond commands: a Channel of 1,000 numbers,
 * 1 MiB of raw bytes there and back, the demo://ping event answered with
 * demo://pong, and a slow call aborted by an AbortSignal.
 *
 * Run with --dev so that the console reaches standard error. Prints one
 * line per check, then a summary, then closes the window, which quits the
 * app once its other windows are closed too:
 *
 *   console.log: ok - <check>
 *   console.log: not ok - <check>: <what happened>
 *   console.log: value greeting "Hello from Python!"
 *   console.log: done: <passed> passed, <failed> failed
 *
 * The "second" window this page opens loads it too; there it only checks
 * its own label and closes.
 */
'use strict';

const { invoke, Channel } = window.__TAURI__.core;
const { listen, emit } = window.__TAURI__.event;
const label = window.__TAURI_INTERNALS__.metadata.currentWindow.label;
let passed = 0;
let failed = 0;

const show = (value) => JSON.stringify(value);

function report(ok, name, detail) {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}: ${detail}`);
  }
}

/* Checks that a call resolves with a value that passes `check`. */
async function resolves(name, cmd, args, check) {
  try {
    const value = await invoke(cmd, args);
    const ok = typeof check === 'function' ? check(value) : show(value) === show(check);
    report(ok, name, `resolved ${show(value)}`);
    return value;
  } catch (error) {
    report(false, name, `rejected ${show(error)}`);
    return undefined;
  }
}

/* Waits until `condition()` holds, for up to `ms` milliseconds. */
async function until(condition, ms = 10000) {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline)
      return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/* Checks that a call rejects with exactly `expected`. */
async function rejects(name, cmd, args, expected) {
  try {
    const value = await invoke(cmd, args);
    report(false, name, `resolved ${show(value)}`);
  } catch (error) {
    report(show(error) === show(expected), name, `rejected ${show(error)}`);
  }
}

async function main() {
  await resolves('hello resolves null', 'hello', undefined, null);
  await resolves('log_message resolves null', 'log_message', { invokeMessage: 'Hello!' }, null);
  await rejects('log_message checks its declared argument', 'log_message', { invokeMessage: 5 },
    'invalid args `invokeMessage` for command `log_message`: expected a string, got a number');

  const greeting = await resolves('greeting (by signal) resolves a greeting', 'greeting', undefined,
    (value) => /^Hello from [A-Za-z]+!$/.test(value));
  console.log(`value greeting ${show(greeting)}`);

  await resolves('try_operation resolves "This worked!"', 'try_operation', { shouldFail: false },
    'This worked!');
  await rejects('try_operation rejects "This failed!"', 'try_operation', { shouldFail: true },
    'This failed!');

  // The asynchronous answer: the main loop keeps answering meanwhile.
  const order = [];
  const slow = invoke('slow_sum', { a: 2, b: 3, delayMs: 300 }).then((value) => {
    order.push('slow_sum');
    return value;
  });
  const quick = invoke('greeting').then(() => order.push('greeting'));
  const [sum] = await Promise.all([slow, quick]);
  report(sum === 5, 'slow_sum resolves a + b', `resolved ${show(sum)}`);
  report(order.join() === 'greeting,slow_sum', 'a quick call answers while slow_sum waits',
    `answered in the order ${order.join()}`);
  await rejects('slow_sum rejects a bad delay', 'slow_sum', { a: 1, b: 1, delayMs: -1 },
    'delayMs must be between 0 and 60000');

  await resolves('window_label resolves the window\'s label', 'window_label', undefined, 'main');

  await resolves('open_window (by signal) opens a window', 'open_window', { label: 'second' }, null);
  await rejects('open_window rejects a label in use', 'open_window', { label: 'main' },
    'a window with label `main` already exists');
  await rejects('open_window checks its declared argument', 'open_window', { label: 1 },
    'invalid args `label` for command `open_window`: expected a string, got a number');

  await resolves('my_custom_command resolves the response', 'my_custom_command', { number: 42 },
    { message: 'Called from main', other_val: 84 });
  await rejects('my_custom_command rejects "No result"', 'my_custom_command', { number: -1 },
    'No result');

  await rejects('an unknown command rejects', 'nope', undefined, 'Command nope not found');

  await channel();
  await rawBytes();
  await pingPong();
  await abortSignal();
}

/* A Channel: 1,000 numbers in order, then the call's answer and the end of
 * the channel, after which the page forgets it. */
async function channel() {
  const count = 1000;
  const received = [];
  const onNumber = new Channel();
  onNumber.onmessage = (n) => received.push(n);

  await resolves('stream_numbers resolves the count', 'stream_numbers', { count, onNumber }, count);
  const ended = await until(() => !window.__TAURI_INTERNALS__.callbacks.has(onNumber.id));
  report(ended, 'the channel ends', `still open after ${received.length} messages`);
  report(received.length === count && received.every((n, i) => n === i),
    `the channel delivers 0..${count - 1} in order`,
    `got ${received.length} messages, the first out of order at ${received.findIndex((n, i) => n !== i)}`);

  const empty = new Channel();
  await resolves('stream_numbers with count 0 resolves 0', 'stream_numbers', { count: 0, onNumber: empty }, 0);
  report(await until(() => !window.__TAURI_INTERNALS__.callbacks.has(empty.id)),
    'an empty channel ends too', 'still open');
  await rejects('stream_numbers checks its channel', 'stream_numbers', { count: 1, onNumber: 'not a channel' },
    'invalid args `onNumber` for command `stream_numbers`: expected a Channel, got a string');
}

/* Raw bytes: 1 MiB sent as the call's body comes back as an ArrayBuffer,
 * byte for byte; so do an empty body and bytes sent as a JSON array. */
async function rawBytes() {
  const sent = new Uint8Array(1024 * 1024);
  for (let i = 0; i < sent.length; i++)
    sent[i] = (i * 31 + (i >>> 9)) & 255;

  try {
    const back = await invoke('echo_bytes', sent);
    const got = back instanceof ArrayBuffer ? new Uint8Array(back) : new Uint8Array(0);
    let first = -1;
    for (let i = 0; first < 0 && i < Math.min(got.length, sent.length); i++)
      if (got[i] !== sent[i])
        first = i;
    report(back instanceof ArrayBuffer, 'echo_bytes resolves an ArrayBuffer',
      `resolved ${Object.prototype.toString.call(back)}`);
    report(got.length === sent.length && first < 0, 'echo_bytes returns 1 MiB byte for byte',
      `got ${got.length} bytes, the first different at ${first}`);
  } catch (error) {
    report(false, 'echo_bytes returns 1 MiB byte for byte', `rejected ${show(error)}`);
  }

  await resolves('echo_bytes returns an empty body', 'echo_bytes', new Uint8Array(0),
    (value) => value instanceof ArrayBuffer && value.byteLength === 0);
  await resolves('echo_bytes reads bytes sent as a JSON array', 'echo_bytes', { data: [0, 4, 255] },
    (value) => value instanceof ArrayBuffer && show([...new Uint8Array(value)]) === '[0,4,255]');
}

/* Events: demo://ping, emitted by the page, is answered with demo://pong
 * and the same payload, to this window. */
async function pingPong() {
  const payload = { text: 'ping ✓', n: 7, list: [1.5, true, null, { deep: ['é'] }] };
  const pongs = [];
  const unlisten = await listen('demo://pong', (event) => pongs.push(event));

  await emit('demo://ping', payload);
  const arrived = await until(() => pongs.length > 0);
  report(arrived, 'demo://ping is answered by demo://pong', 'no demo://pong within 10 s');
  if (arrived) {
    report(pongs[0].event === 'demo://pong' && show(pongs[0].payload) === show(payload),
      'demo://pong carries the same payload', `got ${show(pongs[0])}`);
  }

  await emit('demo://ping', 'again');
  await emit('demo://ping');
  await until(() => pongs.length >= 3);
  report(show(pongs.slice(1).map((event) => event.payload)) === show(['again', null]),
    'demo://pong answers a string payload and none', `got ${show(pongs.map((event) => event.payload))}`);
  await unlisten();
}

/* Cancellation: aborting the AbortSignal of a slow call rejects it at once
 * with an AbortError, and the native side is told (the app prints
 * "slow_sum cancelled"). */
async function abortSignal() {
  const controller = new AbortController();
  const started = performance.now();
  const slow = invoke('slow_sum', { a: 1, b: 2, delayMs: 30000 }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  try {
    const value = await slow;
    report(false, 'aborting a slow call rejects it with an AbortError', `resolved ${show(value)}`);
  } catch (error) {
    const elapsed = performance.now() - started;
    report(error instanceof DOMException && error.name === 'AbortError' && elapsed < 5000,
      'aborting a slow call rejects it with an AbortError',
      `rejected ${error && error.name}: ${error && error.message} after ${Math.round(elapsed)} ms`);
  }

  const aborted = AbortSignal.abort();
  try {
    await invoke('greeting', undefined, { signal: aborted });
    report(false, 'an aborted signal rejects the call at once', 'resolved');
  } catch (error) {
    report(error && error.name === 'AbortError', 'an aborted signal rejects the call at once',
      `rejected ${show(error)}`);
  }

  // The main loop is still free: a quick call answers.
  await resolves('a call after the abort answers', 'greeting', undefined,
    (value) => /^Hello from [A-Za-z]+!$/.test(value));
}

if (label === 'main') {
  main()
    .catch((error) => report(false, 'the checks ran to the end', String(error)))
    .finally(() => {
      console.log(`done: ${passed} passed, ${failed} failed`);
      window.close();
    });
} else {
  invoke('window_label')
    .then((value) => console.log(`second window: ${show(value)}`),
          (error) => console.log(`second window: rejected ${show(error)}`))
    .finally(() => window.close());
}
