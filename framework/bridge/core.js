/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The page-facing half of the bridge, run in the page's own script world at
 * document start: the globals that Tauri's injected scripts provide and that
 * @tauri-apps/api reads (window.__TAURI_INTERNALS__, window.__TAURI__,
 * window.isTauri).
 *
 * This world cannot reach native code. The other half, ipc.js, runs in an
 * isolated script world that only the app's own top-level page gets, and
 * the two talk through DOM events on the document, whose `detail` is always
 * a string: a string crosses between worlds without being copied into a
 * structured clone.
 *
 * The native side appends `(config);`, where config holds the window label
 * and whether console output is forwarded.
 */
(function (config) {
  'use strict';

  const REQUEST = 'tauri-gtk:request';
  const RESPONSE = 'tauri-gtk:response';
  const CONSOLE = 'tauri-gtk:console';

  const pending = new Map();
  let nextCallId = 1;

  function send(type, detail) {
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /* A response is "<call id> <+|-><JSON text>": `+` resolves, `-` rejects. */
  document.addEventListener(RESPONSE, (event) => {
    const detail = event.detail;
    if (typeof detail !== 'string')
      return;

    const space = detail.indexOf(' ');
    const id = Number(detail.slice(0, space));
    const call = pending.get(id);
    if (call === undefined)
      return;
    pending.delete(id);

    const settle = detail[space + 1] === '+' ? call.resolve : call.reject;
    const text = detail.slice(space + 2);
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      call.reject(`Command ${call.cmd} answered with invalid JSON: ${error.message}`);
      return;
    }
    settle(value);
  });

  function invoke(cmd, args = {}, options) {
    return new Promise((resolve, reject) => {
      if (typeof cmd !== 'string' || cmd.length === 0)
        throw new TypeError('invoke() needs a command name');

      let json;
      try {
        json = args === undefined ? '' : JSON.stringify(args);
      } catch (error) {
        reject(`invalid args for command \`${cmd}\`: ${error.message}`);
        return;
      }

      const id = nextCallId++;
      pending.set(id, { cmd, resolve, reject });
      send(REQUEST, `${id}\n${cmd}\n${json === undefined ? '' : json}`);
    });
  }

  /* Callbacks that the host calls by number: events and channels. */
  const callbacks = new Map();

  function transformCallback(callback, once = false) {
    const id = window.crypto.getRandomValues(new Uint32Array(1))[0];
    callbacks.set(id, (data) => {
      if (once)
        callbacks.delete(id);
      return callback && callback(data);
    });
    return id;
  }

  function unregisterCallback(id) {
    callbacks.delete(id);
  }

  function runCallback(id, data) {
    const callback = callbacks.get(id);
    if (callback !== undefined)
      callback(data);
  }

  const internals = {
    invoke,
    transformCallback,
    unregisterCallback,
    runCallback,
    callbacks,
    metadata: {
      currentWindow: { label: config.label },
      currentWebview: { label: config.label, windowLabel: config.label },
    },
    plugins: {
      path: { sep: '/', delimiter: ':' },
    },
  };

  Object.defineProperty(window, '__TAURI_INTERNALS__', { value: internals, configurable: true });
  window.isTauri = true;
  window.__TAURI__ = {
    core: { invoke, transformCallback },
    tauri: { invoke, transformCallback },
    invoke,
    transformCallback,
  };

  /* The host decides whether a page may close its window. */
  window.close = function () {
    invoke('plugin:window|close').catch(() => {});
  };

  if (!config.forwardConsole)
    return;

  function describe(value) {
    if (typeof value === 'string')
      return value;
    if (value instanceof Error)
      return `${value.name}: ${value.message}`;
    try {
      const json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (error) {
      return String(value);
    }
  }

  for (const level of ['debug', 'log', 'info', 'warn', 'error']) {
    const original = console[level];
    console[level] = function (...args) {
      original.apply(console, args);
      send(CONSOLE, `${level} ${args.map(describe).join(' ')}`);
    };
  }

  window.addEventListener('error', (event) =>
    send(CONSOLE, `error Uncaught ${describe(event.error ?? event.message)}`));
  window.addEventListener('unhandledrejection', (event) =>
    send(CONSOLE, `error Unhandled rejection: ${describe(event.reason)}`));
})
