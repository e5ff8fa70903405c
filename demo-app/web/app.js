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
 *
 * The page's words are in TEXT below, marked with _() for the demo's gettext
 * domain (demo-app/po); translations.js, made from its catalogs at build
 * time, holds their translations, and the page shows the ones of the
 * desktop's language, which navigator.languages follows.
 */
'use strict';

/* ---- Words --------------------------------------------------------------- */

/** The best catalog for the user's languages: `de-CH` takes de_CH, then de. */
function catalogFor(languages, translations) {
  for (const tag of languages) {
    const [language, region] = tag.split('-');
    const found = translations[region ? `${language}_${region.toUpperCase()}` : language] ??
      translations[language];
    if (found) return [tag, found];
    if (language === 'en') break;
  }
  return ['en', {}];
}

const [LANGUAGE, CATALOG] = catalogFor(navigator.languages ?? [navigator.language],
                                       globalThis.TRANSLATIONS ?? {});

/** The translation of @text, with {name} placeholders filled from @values. */
function _(text, values = {}) {
  return (CATALOG[text] || text).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
}

// The words of index.html, by the data-text names of its elements.
const TEXT = {
  title: _('tauri-gtk Demo'),
  subtitle: _('Tauri’s command system, in C on GTK 4'),
  'tauri-api-link': _('@tauri-apps/api demo'),
  'run-all': _('Run all'),
  // Translators: a button that calls the command (Tauri's invoke()).
  invoke: _('Invoke'),
  'hello.title': _('Basic example'),
  'hello.description': _('The simplest command: the C handler prints a line on standard output.'),
  'log_message.title': _('Passing arguments'),
  'log_message.description': _('Arguments travel as a JSON object with camelCase keys.'),
  'log_message.message': _('Message'),
  'greeting.title': _('Returning data'),
  'greeting.description': _('The promise resolves with the value the command returns.'),
  'try_operation.title': _('Error handling'),
  'try_operation.description': _('An error rejects the promise; flip Fail to see both outcomes.'),
  // Translators: the label of a switch that makes the command fail.
  'try_operation.fail': _('Fail'),
  'slow_sum.title': _('Async commands'),
  'slow_sum.description': _('slow_sum sleeps on a worker thread; the page keeps getting answers.'),
  'slow_sum.delay': _('Delay (ms)'),
  'window_label.title': _('Accessing the window'),
  'window_label.description': _('Commands know their window and can open new ones.'),
  // Translators: the label, a name, that the new window gets.
  'open_window.label': _('Label'),
  'open_window.run': _('Open window'),
  'my_custom_command.title': _('Complete example'),
  'my_custom_command.description': _('Everything combined: arguments, window, struct, error.'),
  'my_custom_command.number': _('Number'),
  'my_custom_command.hint': _('A negative number returns the error “No result”.'),
};

document.documentElement.lang = LANGUAGE;
for (const element of document.querySelectorAll('[data-text]')) {
  element.textContent = TEXT[element.dataset.text];
}

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
      const values = { quick, command, value: toJson(value), ms: Math.round(performance.now() - start) };
      setDetail(command, slowSettled
        // Translators: {quick} and {command} are command names, {value} the
        // answer as JSON, {ms} a number of milliseconds.
        ? _('{quick} answered {value} after {ms} ms, once {command} had finished', values)
        : _('{quick} answered {value} after {ms} ms, while {command} was still running', values), 'ok');
    },
    (error) => {
      reportUnexpected(quick, error);
      if (isCurrent()) setDetail(command, _('{quick} failed: {error}', { quick, error: toJson(error) }), 'error');
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
  status.textContent = _('Running the examples…');
  const start = performance.now();
  await Promise.allSettled(examples.map((ex) => run(ex)));
  status.textContent = _('All examples settled in {ms} ms', { ms: Math.round(performance.now() - start) });
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

// The @tauri-apps/api page is built from npm packages; a build without them
// (a Flatpak's) leaves it out, and its link with it (build.js says).
$('tauri-api-link').hidden = !globalThis.DEMO_BUILD?.tauriApiPage;

runAll()
  .catch((error) => console.error('Automatic first run failed:', error))
  .finally(() => { document.body.dataset.ready = 'true'; });
