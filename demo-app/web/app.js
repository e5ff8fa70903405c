/*
 * tauri-gtk demo — web front end.
 *
 * Each card runs one command through window.__TAURI__.core.invoke. Every
 * example is described once in EXAMPLES (command name + argument builder);
 * the code shown in its card is generated from that same description, so it
 * is always exactly what run() executes.
 *
 * Contract for automated tests:
 *   #result-<command>  data-state = idle | running | ok | error; once settled
 *                      its text is the JSON of the resolved value or rejection
 *   #time-<command>    how long the call took ("12 ms")
 *   body[data-ready="true"]  set once the automatic first run has settled
 */
'use strict';

// Injected by the host at document start. Opened outside the app (e.g. in a
// plain browser), every call then fails visibly instead of the page breaking.
const invoke = window.__TAURI__?.core?.invoke ?? (() => {
  throw new Error('window.__TAURI__.core.invoke is not available');
});

const $ = (id) => document.getElementById(id);

/** Value of an <input type="number">, 0 when empty or invalid. */
function numberFrom(id, { integer = false, min = -Infinity } = {}) {
  const value = $(id).valueAsNumber;
  if (!Number.isFinite(value)) return 0;
  return Math.max(min, integer ? Math.trunc(value) : value);
}

// Formats the complete example's response. Its source text is also what the
// card's code block shows after `.then(`.
const formatResponse = (res) => `Message: ${res.message}, Other Val: ${res.other_val}`;

/*
 * The examples, keyed by command, in the guide's order.
 *   args      builds the argument object from the inputs (none: no arguments)
 *   alongside a quick command sent while this one is in flight (async demo)
 *   format    turns the resolved value into a human-readable detail line
 *   manual    excluded from "Run all" (it opens a window)
 */
const EXAMPLES = {
  hello: {},
  log_message: {
    args: () => ({ invokeMessage: $('input-invokeMessage').value }),
  },
  greeting: {},
  try_operation: {
    args: () => ({ shouldFail: $('input-shouldFail').checked }),
  },
  slow_sum: {
    args: () => ({
      a: numberFrom('input-a'),
      b: numberFrom('input-b'),
      delayMs: numberFrom('input-delayMs', { integer: true, min: 0 }),
    }),
    alongside: 'greeting',
  },
  window_label: {},
  open_window: {
    args: () => ({ label: $('input-label').value }),
    manual: true,
  },
  my_custom_command: {
    args: () => ({ number: numberFrom('input-number', { integer: true }) }),
    format: formatResponse,
  },
};

/* ---- Code shown in the cards --------------------------------------------- */

/** A single-quoted JS string literal, as a person would write it. */
function quote(text) {
  const inner = JSON.stringify(text).slice(1, -1)
    .replace(/\\.|'/g, (m) => (m === '\\"' ? '"' : m === "'" ? "\\'" : m));
  return `'${inner}'`;
}

function invokeCode(command, args) {
  if (!args) return `invoke('${command}')`;
  const fields = Object.entries(args).map(([key, value]) =>
    `${key}: ${typeof value === 'string' ? quote(value) : JSON.stringify(value)}`);
  return `invoke('${command}', { ${fields.join(', ')} })`;
}

function codeFor(ex, args) {
  let code = invokeCode(ex.command, args);
  if (ex.format) code += `\n  .then(${ex.format})`;
  if (ex.alongside) code += `\n${invokeCode(ex.alongside)} // sent while ${ex.command} runs`;
  return code;
}

// Minimal highlighting: comments, strings, literals and called functions.
const TOKENS = /(\/\/.*)|('(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|(\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|\b(invoke|then)(?=\()/g;
const TOKEN_CLASSES = ['tok-comment', 'tok-string', 'tok-literal', 'tok-call'];

function renderCode(ex, args = ex.args?.()) {
  const code = codeFor(ex, args);
  const element = $(`code-${ex.command}`);
  element.replaceChildren();
  let last = 0;
  for (const match of code.matchAll(TOKENS)) {
    const span = document.createElement('span');
    span.className = TOKEN_CLASSES[match.slice(1).findIndex(Boolean)];
    span.textContent = match[0];
    element.append(code.slice(last, match.index), span);
    last = match.index + match[0].length;
  }
  element.append(code.slice(last));
}

/* ---- Results ------------------------------------------------------------- */

/** JSON text for a resolved value or a rejection (string, object or Error). */
function toJson(value) {
  if (value instanceof Error) return JSON.stringify(`${value.name}: ${value.message}`);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// Commands reject with plain values (usually strings); an Error object means
// the bridge or this script failed, which is worth a console entry.
function reportUnexpected(command, error) {
  if (error instanceof Error) console.error(`${command}:`, error);
}

function setResult(command, state, text = '', ms = null) {
  const result = $(`result-${command}`);
  result.dataset.state = state;
  result.closest('.result-area').dataset.state = state;
  result.textContent = text;
  $(`time-${command}`).textContent = ms === null ? '' : `${Math.round(ms)} ms`;
}

function setDetail(command, text, state = 'idle') {
  const detail = $(`detail-${command}`);
  if (!detail) return;
  detail.dataset.state = state;
  detail.textContent = text;
}

/** invoke() as a promise, even if it throws synchronously. */
function call(command, args) {
  try {
    return Promise.resolve(args ? invoke(command, args) : invoke(command));
  } catch (error) {
    return Promise.reject(error);
  }
}

/*
 * Async example: while the slow command is in flight, send a quick one and
 * report whether it answered first, i.e. the main loop was not blocked.
 */
function sendAlongside(ex, slow, start, isCurrent) {
  const { command, alongside: quick } = ex;
  let slowSettled = false;
  slow.then(() => { slowSettled = true; }, () => { slowSettled = true; });

  return call(quick).then(
    (value) => {
      if (!isCurrent()) return;
      const when = slowSettled ? `once ${command} had finished` : `while ${command} was still running`;
      const ms = Math.round(performance.now() - start);
      setDetail(command, `${quick} answered ${toJson(value)} after ${ms} ms ${when}`, 'ok');
    },
    (error) => {
      reportUnexpected(quick, error);
      if (isCurrent()) setDetail(command, `${quick} failed: ${toJson(error)}`, 'error');
    });
}

/** Runs one example and renders its outcome. Never rejects. */
async function run(ex) {
  const token = ++ex.token; // a newer run of the same example supersedes this one
  const isCurrent = () => token === ex.token;
  const args = ex.args?.();
  const button = $(`run-${ex.command}`);

  renderCode(ex, args);
  setResult(ex.command, 'running');
  setDetail(ex.command, '');
  button.disabled = true;

  const start = performance.now();
  const pending = call(ex.command, args);
  const alongside = ex.alongside && sendAlongside(ex, pending, start, isCurrent);
  try {
    const value = await pending;
    if (isCurrent()) {
      setResult(ex.command, 'ok', toJson(value), performance.now() - start);
      if (ex.format) setDetail(ex.command, ex.format(value), 'ok');
    }
  } catch (error) {
    reportUnexpected(ex.command, error);
    if (isCurrent()) setResult(ex.command, 'error', toJson(error), performance.now() - start);
  } finally {
    if (isCurrent()) button.disabled = false;
  }
  await alongside;
}

/** Runs every example except the manual ones, concurrently. */
async function runAll() {
  const button = $('run-all');
  const status = $('run-all-status');
  const examples = Object.values(EXAMPLES).filter((ex) => !ex.manual);

  button.disabled = true;
  status.textContent = `Running ${examples.length} examples…`;
  const start = performance.now();
  await Promise.allSettled(examples.map((ex) => run(ex)));
  status.textContent = `${examples.length} examples settled in ${Math.round(performance.now() - start)} ms`;
  button.disabled = false;
}

/* ---- Wiring -------------------------------------------------------------- */

for (const [command, ex] of Object.entries(EXAMPLES)) {
  Object.assign(ex, { command, token: 0 });
  const form = $(`run-${command}`).form;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(ex);
  });
  form.addEventListener('input', () => renderCode(ex)); // keep the code in sync
  renderCode(ex);
}

// Flipping the switch re-runs the example: both outcomes are one click away.
$('input-shouldFail').addEventListener('change', () => run(EXAMPLES.try_operation));
$('run-all').addEventListener('click', runAll);

runAll()
  .catch((error) => console.error('Automatic first run failed:', error))
  .finally(() => { document.body.dataset.ready = 'true'; });
