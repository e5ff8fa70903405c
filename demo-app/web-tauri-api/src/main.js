/*
 * tauri-gtk demo — the @tauri-apps/api page.
 *
 * Uses only the real npm package (@tauri-apps/api v2), imported as ES
 * modules and bundled by esbuild into ../main.js; nothing here reads
 * window.__TAURI__. The package talks to the host through
 * window.__TAURI_INTERNALS__, which tauri-gtk injects, exactly as it would
 * with a Rust Tauri app.
 *
 * Contract for automated tests (see also the comment in index.html):
 *   #result-<name>  data-state = idle | running | ok | error; text = outcome
 *                   names: ping, once, stream, bytes, window, open, app
 *   #time-<name>    duration of the last action ("12 ms")
 *   dd[data-state]  each value of #window-info and #app-info
 *   #pong-list > li one per demo://pong received while listening
 *   body[data-ready="true"] once the initial information has loaded
 */
import { invoke, Channel, isTauri } from '@tauri-apps/api/core';
import { listen, once, emit } from '@tauri-apps/api/event';
import { getCurrentWindow, getAllWindows } from '@tauri-apps/api/window';
import { LogicalSize } from '@tauri-apps/api/dpi';
import { getName, getVersion, getIdentifier, getTauriVersion } from '@tauri-apps/api/app';
import { initPlugins } from './plugins.js';
import {
  sep, delimiter, appDataDir, appConfigDir, appCacheDir, homeDir, tempDir,
  join, basename, dirname, extname,
} from '@tauri-apps/api/path';

const $ = (id) => document.getElementById(id);

const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/* ---- Results -------------------------------------------------------------- */

/** Text for a rejection: commands reject with strings or plain objects. */
function describe(error) {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** fn() as a promise, even when it throws synchronously (e.g. outside Tauri). */
function attempt(fn) {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Fills #result-<name> and #time-<name>, mirroring the state on the area. */
function setResult(name, state, text = '', ms = null) {
  const result = $(`result-${name}`);
  result.dataset.state = state;
  result.closest('.result-area').dataset.state = state;
  result.textContent = text;
  $(`time-${name}`).textContent = ms === null ? '' : `${Math.round(ms)} ms`;
}

// A newer run of the same result supersedes an older one still in flight.
const runTokens = new Map();

/**
 * Runs one action of a card and renders its outcome; never rejects.
 * action() returns the text to show, or { text, ms } to report its own
 * timing (the part worth measuring), or throws/rejects with the error.
 */
async function runAction(name, buttons, action) {
  const token = (runTokens.get(name) ?? 0) + 1;
  runTokens.set(name, token);
  const isCurrent = () => runTokens.get(name) === token;

  setResult(name, 'running');
  for (const button of buttons) button.disabled = true;
  const start = performance.now();
  try {
    const outcome = await action();
    const { text, ms } = typeof outcome === 'object' ? outcome : { text: outcome };
    if (isCurrent()) setResult(name, 'ok', text, ms ?? performance.now() - start);
  } catch (error) {
    if (error instanceof Error) console.error(`${name}:`, error); // a bug, not a rejection
    if (isCurrent()) setResult(name, 'error', describe(error), performance.now() - start);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

/** Fills one <dd> of a definition list. */
function setInfo(id, state, text) {
  const dd = $(id);
  dd.dataset.state = state;
  dd.textContent = text;
}

/** Rejects with message() if done has not settled after ms. */
function withTimeout(done, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(message()), ms);
  });
  return Promise.race([done, timeout]).finally(() => clearTimeout(timer));
}

/** An <input type="number"> as an integer in [min, max], written back. */
function integerFrom(input, min, max, fallback) {
  const value = input.valueAsNumber;
  const n = Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : fallback;
  input.value = String(n);
  return n;
}

/* ---- 1. Events ------------------------------------------------------------ */

const PING = 'demo://ping';
const PONG = 'demo://pong';
const MAX_PONGS_SHOWN = 50;

let unlistenPong = null;      // set while the page listens to demo://pong
let pongCount = 0;
let lastSentAt = 0;
const waitingPings = new Map(); // sentAt -> resolve(payload), for #result-ping

/** A ping payload; sentAt doubles as a unique key to match its pong. */
function pingPayload(text) {
  const sentAt = Math.max(Date.now(), lastSentAt + 1);
  lastSentAt = sentAt;
  return { text, sentAt };
}

function onPong(event) {
  const payload = event.payload ?? {};
  pongCount += 1;
  $('pong-count').textContent = integers.format(pongCount);

  const item = document.createElement('li');
  const main = document.createElement('span');
  main.className = 'item-main';
  main.textContent = JSON.stringify(payload.text ?? payload);
  const meta = document.createElement('span');
  meta.className = 'item-meta';
  const roundTrip = typeof payload.sentAt === 'number' ? `${Date.now() - payload.sentAt} ms · ` : '';
  meta.textContent = `${roundTrip}${new Date().toLocaleTimeString()}`;
  item.append(main, meta);

  const list = $('pong-list');
  list.prepend(item);
  while (list.children.length > MAX_PONGS_SHOWN) list.lastElementChild.remove();

  waitingPings.get(payload.sentAt)?.(payload);
}

function renderListenState() {
  const listening = unlistenPong !== null;
  const badge = $('listen-state');
  badge.dataset.listening = String(listening);
  badge.textContent = listening ? 'Listening' : 'Not listening';
  const toggle = $('toggle-listen');
  toggle.textContent = listening ? 'Unlisten' : 'Listen';
  toggle.setAttribute('aria-pressed', String(listening));
}

async function startListening() {
  unlistenPong = await listen(PONG, onPong);
}

async function stopListening() {
  const unlisten = unlistenPong;
  unlistenPong = null; // the package drops the JS handler synchronously
  await unlisten();
}

/** "Listen"/"Unlisten": shows that after unlisten() no pong is delivered. */
async function toggleListening() {
  const toggle = $('toggle-listen');
  toggle.disabled = true;
  const wasListening = unlistenPong !== null;
  try {
    await (wasListening ? stopListening() : startListening());
  } catch (error) {
    setResult('ping', 'error', `${wasListening ? 'unlisten' : 'listen'}() failed: ${describe(error)}`);
  } finally {
    renderListenState();
    toggle.disabled = false;
  }
}

function sendPing() {
  const payload = pingPayload($('input-ping-text').value);
  return runAction('ping', [$('run-ping')], async () => {
    if (unlistenPong === null) {
      await emit(PING, payload);
      return 'Ping sent; nothing listens to demo://pong, so no pong was delivered';
    }
    const pong = withTimeout(new Promise((resolve) => waitingPings.set(payload.sentAt, resolve)),
      3000, () => 'No demo://pong within 3 s')
      .finally(() => waitingPings.delete(payload.sentAt));
    const start = performance.now();
    await emit(PING, payload);
    const back = await pong;
    const ms = performance.now() - start;
    if (back.text !== payload.text)
      throw `The pong carried ${JSON.stringify(back)}, not the ping's payload`;
    return { text: `Pong ${JSON.stringify(back)} came back in ${Math.round(ms)} ms`, ms };
  });
}

/*
 * once(): registers a once() handler, emits two pings and waits until both
 * pongs have arrived (seen by a separate, temporary listen()), then checks
 * that the once() handler ran exactly one time.
 */
function runOnce() {
  return runAction('once', [$('run-once')], async () => {
    const text = $('input-ping-text').value;
    const payloads = [pingPayload(`${text} (once 1/2)`), pingPayload(`${text} (once 2/2)`)];
    const keys = new Set(payloads.map((p) => p.sentAt));

    let seen = 0;
    let bothSeen;
    const bothArrived = new Promise((resolve) => { bothSeen = resolve; });
    const handled = [];

    const unlistenCounter = await listen(PONG, (event) => {
      if (keys.has(event.payload?.sentAt) && ++seen === payloads.length) bothSeen();
    });
    let unlistenOnce = null;
    try {
      unlistenOnce = await once(PONG, (event) => handled.push(event.payload));
      for (const payload of payloads) await emit(PING, payload);
      await withTimeout(bothArrived, 3000,
        () => `Only ${seen} of ${payloads.length} pongs arrived within 3 s`);
    } finally {
      await unlistenCounter();
      // A once() handler that ran has already unlistened itself.
      if (unlistenOnce && handled.length === 0) await unlistenOnce().catch(() => {});
    }

    if (handled.length !== 1)
      throw `The once() handler ran ${handled.length} times for ${payloads.length} pongs`;
    return `${payloads.length} pongs arrived; the once() handler ran once, ` +
      `for ${JSON.stringify(handled[0].text)}`;
  });
}

async function initEvents() {
  try {
    await startListening();
  } catch (error) {
    setResult('ping', 'error', `listen() failed: ${describe(error)}`);
  } finally {
    renderListenState();
    $('toggle-listen').disabled = false;
  }
}

/* ---- 2. Channel ----------------------------------------------------------- */

// Without any message for this long, a stream counts as stalled.
const STALL_MS = 5000;

/**
 * Resolves with done; rejects with message() if progress() stops changing
 * for stallMs before that.
 */
function unlessStalled(done, progress, stallMs, message) {
  return new Promise((resolve, reject) => {
    let last = progress();
    const timer = setInterval(() => {
      const now = progress();
      if (now === last) {
        clearInterval(timer);
        reject(message());
      }
      last = now;
    }, stallMs);
    done.then((value) => {
      clearInterval(timer);
      resolve(value);
    });
  });
}

async function runStream() {
  const count = integerFrom($('input-count'), 0, 10_000_000, 100_000);
  const progress = $('stream-progress');
  const counter = $('stream-received');

  let received = 0;
  let last = null;         // the previous message
  let orderError = null;   // first message that was not previous + 1

  // Painting on every message would dominate; update once per frame instead.
  let frame = 0;
  const render = () => {
    frame = 0;
    progress.value = count === 0 ? 1 : Math.min(received / count, 1);
    counter.textContent = `${integers.format(received)} / ${integers.format(count)}`;
  };
  const scheduleRender = () => {
    if (frame === 0) frame = requestAnimationFrame(render);
  };

  progress.dataset.state = 'running';
  render();

  await runAction('stream', [$('run-stream')], async () => {
    let allArrived;
    const arrived = new Promise((resolve) => { allArrived = resolve; });
    if (count === 0) allArrived();

    const onNumber = new Channel();
    onNumber.onmessage = (n) => {
      const expected = last === null ? 0 : last + 1;
      if (orderError === null && n !== expected)
        orderError = `message #${received} was ${JSON.stringify(n)}, expected ${expected}`;
      last = n;
      received += 1;
      scheduleRender();
      if (received === count) allArrived();
    };

    const start = performance.now();
    const value = await invoke('stream_numbers', { count, onNumber });
    // Every number was sent before the command returned, but their delivery
    // may trail the reply: done means resolved AND all messages arrived.
    await unlessStalled(arrived, () => received, STALL_MS,
      () => `Only ${integers.format(received)} of ${integers.format(count)} messages arrived`);
    const ms = performance.now() - start;

    if (frame !== 0) cancelAnimationFrame(frame);
    render();
    if (orderError !== null) throw `Out of order: ${orderError}`;
    if (received !== count || (count > 0 && last !== count - 1))
      throw `Received ${integers.format(received)} messages ending with ${JSON.stringify(last)}, ` +
        `expected ${integers.format(count)} ending with ${count - 1}`;
    if (value !== count) throw `stream_numbers resolved ${describe(value)}, expected ${count}`;

    const rate = ms > 0 ? integers.format(count / (ms / 1000)) : '∞';
    return {
      text: `${integers.format(count)} messages in order in ${integers.format(ms)} ms (${rate} messages/s)`,
      ms,
    };
  });

  if (frame !== 0) cancelAnimationFrame(frame);
  render();
  progress.dataset.state = $('result-stream').dataset.state;
}

/* ---- 3. Raw bytes --------------------------------------------------------- */

const MIB = 1024 * 1024;

/** A pattern that changes every 256 bytes too, so shifted data shows. */
function fillPattern(bytes) {
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >>> 8)) & 0xff;
}

/** Index of the first differing byte, or -1. */
function firstDifference(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

const typeName = (value) => Object.prototype.toString.call(value).slice(8, -1);

function runBytes() {
  const size = Number($('input-bytes-size').value);
  return runAction('bytes', [$('run-bytes')], async () => {
    const bytes = new Uint8Array(size);
    fillPattern(bytes);

    // Timed: the round trip only, not filling or checking.
    const start = performance.now();
    const echoed = await invoke('echo_bytes', bytes);
    const ms = performance.now() - start;

    if (!(echoed instanceof ArrayBuffer)) throw `Expected an ArrayBuffer, got ${typeName(echoed)}`;
    if (echoed.byteLength !== size)
      throw `Sent ${integers.format(size)} bytes, got ${integers.format(echoed.byteLength)} back`;
    const at = firstDifference(bytes, new Uint8Array(echoed));
    if (at !== -1) throw `Byte ${integers.format(at)} differs`;

    // Round-trip throughput: payload size over the time there and back.
    const mbPerS = ms > 0 ? oneDecimal.format(size / 1e6 / (ms / 1000)) : '∞';
    return {
      text: `${size / MIB} MiB echoed intact in ${integers.format(ms)} ms (${mbPerS} MB/s round trip)`,
      ms,
    };
  });
}

/* ---- 4. Window ------------------------------------------------------------ */

let appWindow = null; // getCurrentWindow(), once it could be had

const yesNo = (value) => JSON.stringify(Boolean(value));

/** innerSize() is physical; the logical size uses the page's scale. */
function sizeText(size) {
  const scale = window.devicePixelRatio || 1;
  const text = `${size.width} × ${size.height} px`;
  if (scale === 1) return text;
  return `${text} (${Math.round(size.width / scale)} × ${Math.round(size.height / scale)} logical)`;
}

const showSize = (size) => setInfo('win-size', 'ok', sizeText(size));

/** Reads one value into its <dd>; resolves with it, or undefined on error. */
async function loadWindowValue(id, read, format) {
  try {
    const value = await read();
    setInfo(id, 'ok', format(value));
    return value;
  } catch (error) {
    setInfo(id, 'error', describe(error));
    return undefined;
  }
}

/** Title, size, maximized and fullscreen, and the toggles' labels. */
async function refreshWindowState() {
  const [, , maximized, fullscreen] = await Promise.all([
    loadWindowValue('win-title', () => appWindow.title(), JSON.stringify),
    loadWindowValue('win-size', () => appWindow.innerSize(), sizeText),
    loadWindowValue('win-maximized', () => appWindow.isMaximized(), yesNo),
    loadWindowValue('win-fullscreen', () => appWindow.isFullscreen(), yesNo),
  ]);
  $('toggle-maximize').textContent = maximized ? 'Unmaximize' : 'Maximize';
  $('toggle-fullscreen').textContent = fullscreen ? 'Leave fullscreen' : 'Fullscreen';
}

// Maximizing or going fullscreen resizes the window: refresh those states
// shortly after the last resize of a burst.
let stateRefreshTimer = 0;
function scheduleStateRefresh() {
  clearTimeout(stateRefreshTimer);
  stateRefreshTimer = setTimeout(() => { refreshWindowState(); }, 150);
}

/** getAllWindows() labels into #window-list; resolves with the labels. */
async function refreshWindowList() {
  const list = $('window-list');
  try {
    const windows = await getAllWindows();
    const labels = windows.map((w) => w.label);
    list.replaceChildren(...labels.map((label) => {
      const item = document.createElement('li');
      const main = document.createElement('span');
      main.className = 'item-main';
      main.textContent = label;
      if (label === appWindow?.label) {
        const tag = document.createElement('span');
        tag.className = 'item-tag';
        tag.textContent = 'this window';
        main.append(tag);
      }
      item.append(main);
      return item;
    }));
    list.dataset.state = 'ok';
    return labels;
  } catch (error) {
    list.replaceChildren();
    list.dataset.state = 'error';
    throw error;
  }
}

/** Polls read() until it returns want, for at most timeoutMs; returns the last value. */
async function waitForValue(read, want, timeoutMs = 2000) {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === want || performance.now() >= end) return value;
    await sleep(50);
  }
}

// Buttons sharing #result-window; disabled together while one runs.
const windowButtons = () => ['set-title', 'resize', 'toggle-maximize', 'toggle-fullscreen'].map($);

function windowAction(action) {
  return runAction('window', windowButtons(), async () => {
    if (appWindow === null) throw 'getCurrentWindow() is not available';
    return action();
  });
}

async function setTitle() {
  const title = $('input-title').value;
  await appWindow.setTitle(title);
  const now = await appWindow.title();
  setInfo('win-title', 'ok', JSON.stringify(now));
  if (now !== title) throw `title() returned ${JSON.stringify(now)} after setTitle()`;
  return `setTitle(${JSON.stringify(title)}) done`;
}

async function resize() {
  const target = new LogicalSize(900, 650);
  await appWindow.setSize(target);
  // The window manager applies the size asynchronously: wait for innerSize()
  // (physical pixels) to reach it, for at most 2 s.
  const want = target.toPhysical(window.devicePixelRatio || 1);
  const reached = (size) => // within a pixel: fractional scales round
    Math.abs(size.width - want.width) <= 1 && Math.abs(size.height - want.height) <= 1;
  const end = performance.now() + 2000;
  let size = await appWindow.innerSize();
  while (!reached(size) && performance.now() < end) {
    await sleep(50);
    size = await appWindow.innerSize();
  }
  showSize(size);
  return `setSize(new LogicalSize(900, 650)): innerSize() is now ${sizeText(size)}`;
}

/** Maximize/Unmaximize or fullscreen on/off; the window manager applies it asynchronously. */
async function toggleState(read, apply, name) {
  const before = await read();
  await apply(!before);
  const after = await waitForValue(read, !before);
  await refreshWindowState();
  if (after === before)
    return `Done, but ${name}() still reports ${after} after 2 s (the window manager may refuse)`;
  return `${name}() is now ${after}`;
}

const toggleMaximize = () => toggleState(
  () => appWindow.isMaximized(),
  (maximize) => (maximize ? appWindow.maximize() : appWindow.unmaximize()),
  'isMaximized');

const toggleFullscreen = () => toggleState(
  () => appWindow.isFullscreen(),
  (fullscreen) => appWindow.setFullscreen(fullscreen),
  'isFullscreen');

function openWindow() {
  const label = $('input-window-label').value.trim();
  return runAction('open', [$('open-window')], async () => {
    await invoke('open_window', { label });
    const labels = await refreshWindowList();
    if (!labels.includes(label)) throw `open_window resolved but getAllWindows() has no "${label}"`;
    return `Opened "${label}"; ${labels.length} windows open`;
  });
}

/*
 * Close requests: with "Ask before closing" on, the window stays open unless
 * the user confirms. Returning without preventDefault() lets the package
 * destroy the window, as in Tauri.
 */
function onCloseRequested(event) {
  if (!$('ask-before-close').checked) return;
  if (window.confirm(`Close the window "${appWindow.label}"?`)) return;
  event.preventDefault();
  setResult('window', 'ok', 'Close requested and refused: preventDefault() kept the window open');
}

async function initWindow() {
  try {
    appWindow = getCurrentWindow(); // throws outside Tauri
  } catch (error) {
    for (const dd of $('window-info').querySelectorAll('dd')) setInfo(dd.id, 'error', describe(error));
    $('window-list').dataset.state = 'error';
    return;
  }
  setInfo('win-label', 'ok', JSON.stringify(appWindow.label));
  setInfo('win-focused', 'ok', yesNo(document.hasFocus()));

  const steps = await Promise.allSettled([
    appWindow.onResized(({ payload }) => {
      showSize(payload);
      scheduleStateRefresh();
    }),
    appWindow.onFocusChanged(({ payload: focused }) => {
      setInfo('win-focused', 'ok', yesNo(focused));
      if (focused) refreshWindowList().catch(() => {}); // windows may have come or gone
    }),
    appWindow.onCloseRequested(onCloseRequested),
    refreshWindowState(),
    refreshWindowList(),
  ]);
  const failed = steps.filter((step) => step.status === 'rejected');
  if (failed.length > 0)
    setResult('window', 'error', failed.map((step) => describe(step.reason)).join('\n'));
}

/* ---- 5. App and paths ----------------------------------------------------- */

const EXAMPLE_PATH = ['notes', 'today.txt']; // joined onto appDataDir()

async function initAppInfo() {
  setResult('app', 'running');
  const start = performance.now();
  let failures = 0;
  let total = 0;

  /** Loads one value into its <dd> as JSON; resolves with it, or undefined. */
  const load = async (id, read) => {
    total += 1;
    try {
      const value = await attempt(read);
      setInfo(id, 'ok', JSON.stringify(value));
      return value;
    } catch (error) {
      failures += 1;
      setInfo(id, 'error', describe(error));
      return undefined;
    }
  };

  const [dataDir] = await Promise.all([
    load('info-app-data-dir', appDataDir),
    load('info-name', getName),
    load('info-version', getVersion),
    load('info-identifier', getIdentifier),
    load('info-tauri-version', getTauriVersion),
    load('info-sep', sep),
    load('info-delimiter', delimiter),
    load('info-app-config-dir', appConfigDir),
    load('info-app-cache-dir', appCacheDir),
    load('info-home-dir', homeDir),
    load('info-temp-dir', tempDir),
  ]);

  // The path helpers, on an example path inside appDataDir().
  $('info-join-call').textContent =
    `join(appDataDir, ${EXAMPLE_PATH.map((part) => `'${part}'`).join(', ')})`;
  const path = await load('info-join', () => {
    if (dataDir === undefined) throw 'needs appDataDir()';
    return join(dataDir, ...EXAMPLE_PATH);
  });
  const onPath = (helper) => () => {
    if (path === undefined) throw 'needs join()';
    return helper(path);
  };
  await Promise.all([
    load('info-basename', onPath(basename)),
    load('info-dirname', onPath(dirname)),
    load('info-extname', onPath(extname)),
  ]);

  const ms = performance.now() - start;
  if (failures === 0) setResult('app', 'ok', `${total} values loaded`, ms);
  else setResult('app', 'error', `${failures} of ${total} calls failed`, ms);
}

/* ---- Static code blocks --------------------------------------------------- */

// Same minimal highlighting as the main demo: comments, strings, literals, calls.
const TOKENS = /(\/\/.*)|('(?:\\.|[^'\\])*')|(\b(?:true|false|null)\b|\b\d+\b)|\b([A-Za-z_$][\w$]*)(?=\()/g;
const TOKEN_CLASSES = ['tok-comment', 'tok-string', 'tok-literal', 'tok-call'];

function highlight(element) {
  const code = element.textContent;
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

/* ---- Wiring --------------------------------------------------------------- */

/** Submitting the form (button or Enter) runs action instead of navigating. */
function onSubmit(formId, action) {
  $(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    action();
  });
}

function wire() {
  onSubmit('form-ping', sendPing);
  $('toggle-listen').addEventListener('click', toggleListening);
  $('run-once').addEventListener('click', runOnce);

  onSubmit('form-stream', runStream);
  onSubmit('form-bytes', runBytes);

  onSubmit('form-title', () => windowAction(setTitle));
  $('resize').addEventListener('click', () => windowAction(resize));
  $('toggle-maximize').addEventListener('click', () => windowAction(toggleMaximize));
  $('toggle-fullscreen').addEventListener('click', () => windowAction(toggleFullscreen));
  onSubmit('form-open', openWindow);
  $('refresh-windows').addEventListener('click', () => {
    refreshWindowList().catch((error) => setResult('open', 'error', describe(error)));
  });
}

async function init() {
  for (const code of document.querySelectorAll('.code code')) highlight(code);
  wire();
  if (!isTauri()) $('not-tauri').hidden = false;

  const start = performance.now();
  // Each init reports its own failures in its card; none rejects.
  await Promise.allSettled([initAppInfo(), initWindow(), initEvents(),
                           initPlugins({ runAction, setInfo, onSubmit })]);
  $('page-status').textContent = `Loaded in ${Math.round(performance.now() - start)} ms`;
}

init()
  .catch((error) => console.error('Initialisation failed:', error))
  .finally(() => { document.body.dataset.ready = 'true'; });
