/*
 * Calls every command of the demo's front end, in an example app written in
 * another language, and checks what each resolves or rejects with.
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

const { invoke } = window.__TAURI__.core;
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
