/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The page of the js suite for @tauri-apps/api v2 (2.12): test-js.c calls
 * the functions of window.tests, in one window or two, and compares what
 * they return. Only the npm package is used here, never window.__TAURI__. */
import { invoke, Channel, convertFileSrc, isTauri } from '@tauri-apps/api/core';
import { listen, once, emit, emitTo } from '@tauri-apps/api/event';
import { getCurrentWindow, getAllWindows } from '@tauri-apps/api/window';
import { LogicalSize } from '@tauri-apps/api/dpi';
import { getName, getVersion, getIdentifier, getTauriVersion } from '@tauri-apps/api/app';
import * as path from '@tauri-apps/api/path';

async function settle(promise) {
  try {
    return { ok: await promise };
  } catch (error) {
    return { err: error instanceof Error ? `${error.name}: ${error.message}` : error };
  }
}

/* Resolves once check() is true; events and window states arrive
 * asynchronously. Gives up after a while rather than hang the suite. */
function until(check, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = async () => {
      const value = await check();
      if (value || Date.now() - started > timeoutMs)
        resolve(value);
      else
        setTimeout(poll, 20);
    };
    poll();
  });
}

const received = [];
const unlisteners = [];
let listeningForDone = false;

window.tests = {
  async invoke() {
    return [
      isTauri(),
      await settle(invoke('greeting')),
      await settle(invoke('log_message', { invokeMessage: 'from v2' })),
      await settle(invoke('try_operation', { shouldFail: true })),
      await settle(invoke('my_custom_command', { number: 8 })),
      await settle(invoke('log_message', {})),
      await settle(invoke('nope')),
      await settle(window.__TAURI__.core.invoke('greeting')),
    ];
  },

  /* Host commands that @tauri-apps/api sends and the host does not have. */
  async unsupported() {
    const window = getCurrentWindow();
    return [
      await settle(window.center()),
      await settle(window.setAlwaysOnTop(true)),
      await settle(invoke('plugin:shell|execute')),
    ];
  },

  /* Listeners in this window, recording what they hear into `received`. */
  async listenAll() {
    received.length = 0;
    unlisteners.push(await listen('js-event', (e) => received.push(['any', e.payload])));
    unlisteners.push(await getCurrentWindow().listen('js-event', (e) => received.push(['window', e.payload])));
    unlisteners.push(await listen('js-event', (e) => received.push(['label main', e.payload]), { target: 'main' }));
    /* Stays: it marks the end of what a test sent, listened to or not. */
    if (!listeningForDone)
      await listen('js-done', () => received.push(['done']));
    listeningForDone = true;
    await once('js-once', (e) => received.push(['once', e.payload]));
    return getCurrentWindow().label;
  },

  async emit(event, payload) {
    return settle(emit(event, payload));
  },

  async emitTo(target, event, payload) {
    return settle(emitTo(target, event, payload));
  },

  /* What the listeners heard, once `js-done` arrived: events are delivered
   * in order, so nothing sent before it is still on its way. */
  async received() {
    await until(() => received.some((r) => r[0] === 'done'));
    const heard = received.splice(0);
    return heard;
  },

  async unlistenAll() {
    for (const unlisten of unlisteners.splice(0))
      await unlisten();
    return true;
  },

  /* demo://ping answered by the C side with demo://pong, to this window. */
  async pingPong() {
    const pong = new Promise((resolve) => { once('demo://pong', (e) => resolve(e)); });
    await emit('demo://ping', { from: getCurrentWindow().label });
    const event = await pong;
    return [event.event, event.payload];
  },

  async channel(count) {
    const messages = [];
    const onNumber = new Channel();
    onNumber.onmessage = (n) => messages.push(n);
    const answer = await invoke('stream_numbers', { count, onNumber });
    /* The end arrives after the last message; then the channel's callback is gone. */
    const ended = await until(() => !window.__TAURI_INTERNALS__.callbacks.has(onNumber.id));
    return [answer, messages.length, messages.every((n, i) => n === i), ended];
  },

  async rawBytes(size) {
    const sent = new Uint8Array(size);
    for (let i = 0; i < size; i++)
      sent[i] = (i * 31 + (i >>> 9)) & 255;
    const back = await invoke('echo_bytes', sent);
    const got = new Uint8Array(back);
    let same = got.length === sent.length;
    for (let i = 0; same && i < got.length; i++)
      same = got[i] === sent[i];
    return [back instanceof ArrayBuffer, got.length, same];
  },

  async windowApi() {
    const window = getCurrentWindow();
    const results = {};
    let resized = null;
    const unlisten = await window.onResized((e) => { resized = e.payload; });

    results.label = window.label;
    await window.setTitle('js suite');
    results.title = await window.title();

    await window.setSize(new LogicalSize(640, 480));
    await until(() => resized && resized.width === 640);
    results.resized = resized && { width: resized.width, height: resized.height };
    const size = await window.innerSize();
    results.innerSize = { width: size.width, height: size.height };
    await unlisten();

    await window.maximize();
    results.maximized = await until(() => window.isMaximized());
    await window.unmaximize();
    results.unmaximized = await until(async () => !(await window.isMaximized()));

    await window.setFullscreen(true);
    results.fullscreen = await until(() => window.isFullscreen());
    await window.setFullscreen(false);
    results.notFullscreen = await until(async () => !(await window.isFullscreen()));

    await window.hide();
    results.hidden = !(await window.isVisible());
    await window.show();
    results.shown = await window.isVisible();

    await window.minimize();
    results.minimized = await until(() => window.isMinimized());
    await window.unminimize();
    await window.setFocus();
    results.focused = await until(() => window.isFocused());

    results.windows = (await getAllWindows()).map((w) => w.label).sort();
    return results;
  },

  /* onCloseRequested: the first close is refused by the page, the second
   * goes through (the handler destroys the window). */
  async refuseFirstClose() {
    let asked = 0;
    await getCurrentWindow().onCloseRequested((event) => {
      asked++;
      if (asked === 1)
        event.preventDefault();
    });
    await getCurrentWindow().close();
    await until(() => asked === 1);
    setTimeout(() => getCurrentWindow().close(), 0);
    return asked;
  },

  async appApi() {
    return [await getName(), await getVersion(), await getIdentifier(), await getTauriVersion()];
  },

  async pathApi() {
    return {
      sep: path.sep(),
      delimiter: path.delimiter(),
      appDataDir: await path.appDataDir(),
      appConfigDir: await path.appConfigDir(),
      appCacheDir: await path.appCacheDir(),
      homeDir: await path.homeDir(),
      tempDir: await path.tempDir(),
      resolve: await path.resolve('/usr', 'lib', '..', 'share', './doc'),
      resolveRelative: await path.resolve('/srv', 'a/b', '../c'),
      join: await path.join('a', 'b/../c', 'd.txt'),
      basename: await path.basename('/tmp/dir/file.tar.gz'),
      basenameExt: await path.basename('/tmp/dir/page.html', '.html'),
      dirname: await path.dirname('/tmp/dir/file.txt/'),
      extname: await path.extname('/tmp/dir/file.tar.gz'),
      noExtname: await settle(path.extname('/tmp/dir/README')),
    };
  },

  async asset(inside, outside) {
    const read = async (url, headers) => {
      const response = await fetch(url, { headers });
      return [response.status, response.headers.get('Content-Type'),
        response.headers.get('Content-Range'), await response.text()];
    };
    return [
      convertFileSrc(inside),
      await read(convertFileSrc(inside)),
      await read(convertFileSrc(inside), { Range: 'bytes=2-4' }),
      await read(convertFileSrc(inside), { Range: 'bytes=-3' }),
      await read(convertFileSrc(outside)),
      await read(convertFileSrc(`${inside}.missing`)),
    ];
  },
};
