/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The page-facing half of the bridge, run in the page's own script world at
 * document start: the globals that Tauri's injected scripts provide and that
 * @tauri-apps/api (v2 and v1) reads: window.__TAURI_INTERNALS__,
 * window.__TAURI_EVENT_PLUGIN_INTERNALS__, window.__TAURI_IPC__,
 * window.__TAURI__ and window.isTauri.
 *
 * The other half, ipc.js, runs in an isolated script world that only the
 * app's own top-level page gets, and the two talk through DOM events on the
 * document, whose `detail` is a string: a string crosses between worlds
 * without a structured clone. Bursts of calls, events and channel messages
 * go that way. A call made alone, and raw bytes, go through the web
 * process extension, which gives the main frame alone a way to post (or,
 * without it, through ipc.js and tauri://): each with this document's
 * token, which nothing else can read.
 *
 * The native side appends `(config);`: the window label, this document's
 * token and origin, the largest call it takes, and whether console output
 * is forwarded. It gives the script to documents of that origin alone; the
 * script checks it again, for WebKit's URL patterns ignore ports.
 */
(function (config) {
  'use strict';

  if (window.location.origin !== config.origin)
    return;

  const REQUEST = 'tauri-gtk:request';
  const REQUESTS = 'tauri-gtk:requests';
  const RESPONSE = 'tauri-gtk:response';
  const RESPONSES = 'tauri-gtk:responses';
  const RESPONSE_HEAD = 'tauri-gtk:response-head';
  const RESPONSE_BODY = 'tauri-gtk:response-body';
  const PUSH = 'tauri-gtk:push';
  const ABORT = 'tauri-gtk:abort';
  const CONSOLE = 'tauri-gtk:console';
  const SERIALIZE_TO_IPC_FN = '__TAURI_TO_IPC_KEY__';

  function send(type, detail) {
    flushCalls();
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /* Calls made in one task go to the isolated world as one event, in the
   * order they were made: a burst of a thousand invokes costs one event
   * rather than a thousand. Anything else sent, an abort say, sends the
   * calls waiting first, so that it never overtakes them; so does a large
   * call, which goes as it is rather than copied into the batch. */
  const BATCH_LIMIT = 65536;
  let waitingCalls = [];
  let waitingLength = 0;

  function flushCalls() {
    const calls = waitingCalls;
    if (calls.length === 0)
      return;
    waitingCalls = [];
    waitingLength = 0;
    const detail = calls.length === 1 ? calls[0] : calls.map((call) => `${call.length}:${call}`).join('');
    document.dispatchEvent(new CustomEvent(calls.length === 1 ? REQUEST : REQUESTS, { detail }));
  }

  /* A call made alone goes through the web process extension, with this
   * document's token, and its answer comes back as a value (an ArrayBuffer
   * for raw bytes); without the extension, through ipc.js. */
  const extensionCall = typeof window.__TAURI_GTK_CALL__ === 'function' ? window.__TAURI_GTK_CALL__ : null;

  function postCall(id, message) {
    const settle = (how) => (value) => {
      const call = pending.get(id);
      pending.delete(id);
      call?.[how](value);
    };
    extensionCall(settle('resolve'), settle('reject'), config.token + message);
  }

  function sendCall(id, message) {
    /* A call made while no other is in flight, as each one of a chain of
     * awaited calls is, goes at once: there is most likely nothing to batch
     * it with, and waiting for the end of the task would only delay it. */
    const alone = waitingCalls.length === 0 && pending.size === 1;
    if (alone && extensionCall !== null) {
      postCall(id, message);
      return;
    }
    if (alone || message.length >= BATCH_LIMIT) {
      send(REQUEST, message);
      return;
    }
    if (waitingCalls.length === 0)
      queueMicrotask(flushCalls);
    waitingCalls.push(message);
    waitingLength += message.length;
    if (waitingLength >= BATCH_LIMIT)
      flushCalls();
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

  function runPushed(id, data) {
    try {
      runCallback(id, data);
    } catch (error) {
      queueMicrotask(() => { throw error; });
    }
  }

  /* A batch of pushed messages: [callback id, data], or, for messages a
   * channel sent one after the other, [callback id, first index, [message,
   * …]], each of which its callback gets as {index, message}, as Tauri's
   * Channel expects. One callback that throws does not keep the others
   * from running. */
  document.addEventListener(PUSH, (event) => {
    if (typeof event.detail !== 'string')
      return;
    for (const push of JSON.parse(event.detail)) {
      if (push.length === 3 && Array.isArray(push[2])) {
        const [id, first, messages] = push;
        for (let k = 0; k < messages.length; k++)
          runPushed(id, { index: first + k, message: messages[k] });
      } else {
        runPushed(push[0], push[1]);
      }
    }
  });

  const pending = new Map();
  let nextCallId = 1;

  /* A response is "<call id> <tag><body>", several of them in one
   * `tauri-gtk:responses` event, or for a large body two events, the head
   * "<call id> <tag>" and right after it the body. The body is
   * JSON text for the tags `+` (resolves) and `-` (rejects), or raw bytes
   * in base64 for `~` (resolves with an ArrayBuffer). */
  let head = null;

  /* The response in text[at, end): "<call id> <tag><body>". */
  function settleResponse(text, at, end) {
    const space = text.indexOf(' ', at);
    if (space < 0 || space + 2 > end)
      return;
    settleCall(Number(text.slice(at, space)), text[space + 1], text.slice(space + 2, end));
  }

  document.addEventListener(RESPONSE, (event) => {
    const detail = event.detail;
    if (typeof detail === 'string')
      settleResponse(detail, 0, detail.length);
  });

  /* Answers that came in one task: `<length>:<response>` one after the other. */
  document.addEventListener(RESPONSES, (event) => {
    const batch = event.detail;
    if (typeof batch !== 'string')
      return;
    for (let at = 0; at < batch.length;) {
      const colon = batch.indexOf(':', at);
      const length = colon > at ? Number(batch.slice(at, colon)) : NaN;
      const end = colon + 1 + length;
      if (!Number.isSafeInteger(length) || length < 0 || end > batch.length)
        return;
      settleResponse(batch, colon + 1, end);
      at = end;
    }
  });

  document.addEventListener(RESPONSE_HEAD, (event) => {
    head = typeof event.detail === 'string' ? event.detail : null;
  });

  document.addEventListener(RESPONSE_BODY, (event) => {
    const body = event.detail;
    const space = head === null ? -1 : head.indexOf(' ');
    if (space >= 0 && typeof body === 'string')
      settleCall(Number(head.slice(0, space)), head[space + 1], body);
    head = null;
  });

  function settleCall(id, tag, body) {
    const call = pending.get(id);
    if (call === undefined)
      return;
    pending.delete(id);

    if (tag === '~') {
      call.resolve(fromBase64(body));
      return;
    }

    const settle = tag === '+' ? call.resolve : call.reject;
    let value;
    try {
      value = JSON.parse(body);
    } catch (error) {
      call.reject(`Command ${call.cmd} answered with invalid JSON: ${error.message}`);
      return;
    }
    settle(value);
  }

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++)
      bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  /* invoke()'s headers, a Headers, an array of pairs or a record, as one
   * record of lowercase names, or null for none. */
  function headersOf(options) {
    if (options?.headers == null)
      return null;
    const headers = {};
    let some = false;
    for (const [name, value] of new Headers(options.headers)) {
      headers[name] = value;
      some = true;
    }
    return some ? headers : null;
  }

  /* As Tauri's IPC does: objects such as Channel, Size or Resource say how
   * they are sent; inside the arguments, a Map goes as an object and a
   * Uint8Array or an ArrayBuffer as an array of numbers (a plugin's bytes,
   * such as fs's writeFile options or store's values). */
  function toIpc(key, value) {
    if (value === null || typeof value !== 'object')
      return value;
    if (typeof value[SERIALIZE_TO_IPC_FN] === 'function')
      return value[SERIALIZE_TO_IPC_FN]();
    if (value instanceof Map)
      return Object.fromEntries(value);
    if (value instanceof Uint8Array)
      return Array.from(value);
    if (value instanceof ArrayBuffer)
      return Array.from(new Uint8Array(value));
    return value;
  }

  /* JSON.stringify is several times slower with a replacer, and only an
   * object can say how it is sent: arguments whose values are all numbers,
   * strings, booleans or null do without. */
  function needsToIpc(args) {
    if (args === null || typeof args !== 'object')
      return false;
    if (typeof args[SERIALIZE_TO_IPC_FN] === 'function')
      return true;
    for (const key in args) {
      const value = args[key];
      if (value !== null && typeof value === 'object')
        return true;
    }
    return false;
  }

  /* The web process extension's way for raw bytes: one copy each way, in
   * a sealed memory file, where tauri:// brings an answer back 8 KiB per
   * message. Only the main frame has it; elsewhere, tauri:// it is. */
  const sendBytes = typeof window.__TAURI_GTK_SEND_BYTES__ === 'function' ? window.__TAURI_GTK_SEND_BYTES__ : null;

  /* A typed array or an ArrayBuffer as they are; a DataView as the bytes it
   * views. */
  function asBytes(view) {
    if (view instanceof DataView)
      return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    return view;
  }

  async function fetchIpc(cmd, body, callId, callHeaders) {
    const headers = {
      'Content-Type': 'application/octet-stream',
      'Tauri-Token': config.token,
      'Tauri-Call-Id': String(callId),
    };
    if (callHeaders !== null)
      headers['Tauri-Headers'] = JSON.stringify(callHeaders);
    const response = await fetch(config.ipcUrl + encodeURIComponent(cmd), { method: 'POST', body, headers });
    const type = response.headers.get('Content-Type') || '';
    const value = type.startsWith('application/octet-stream')
      ? await response.arrayBuffer()
      : await response.json();
    if (!response.ok)
      throw value;
    return value;
  }

  /* The length of @text in UTF-8, as the native side counts a call. */
  function utf8Length(text) {
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80)
        length += 1;
      else if (unit < 0x800)
        length += 2;
      else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
        length += 4;
        i++;
      } else
        length += 3;
    }
    return length;
  }

  /* A call larger than the native side takes is refused here, with its
   * text, before it is copied anywhere. */
  function tooLarge(cmd, length) {
    if (length <= config.maxMessageSize)
      return null;
    return `invalid args for command \`${cmd}\`: the call is ${length} bytes, more than the limit of ${config.maxMessageSize}`;
  }

  function abortError(signal) {
    return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }

  /* options.signal, an AbortSignal, rejects the call at once when it aborts
   * and tells the native side, which cancels the invocation; options.headers
   * reach the command (tauri_invocation_get_header()). */
  function invoke(cmd, args = {}, options) {
    const signal = options?.signal;
    let headers;

    if (typeof cmd !== 'string' || cmd.length === 0)
      return Promise.reject(new TypeError('invoke() needs a command name'));
    /* A lone UTF-16 surrogate cannot be sent whole. */
    if (typeof cmd.isWellFormed === 'function' && !cmd.isWellFormed())
      return Promise.reject('invalid command name');
    if (signal?.aborted)
      return Promise.reject(abortError(signal));
    try {
      headers = headersOf(options);
    } catch (error) {
      return Promise.reject(`invalid headers for command \`${cmd}\`: ${error.message}`);
    }

    const id = nextCallId++;
    const call = new Promise((resolve, reject) => {
      /* Raw bytes travel as they are, without JSON or base64. */
      if (args instanceof ArrayBuffer || ArrayBuffer.isView(args)) {
        const refusal = tooLarge(cmd, args.byteLength);
        if (refusal !== null) {
          reject(refusal);
          return;
        }
        flushCalls();
        pending.set(id, { cmd, resolve, reject });
        const settle = (how) => (value) => {
          const waiting = pending.get(id);
          pending.delete(id);
          waiting?.[how](value);
        };
        if (sendBytes !== null)
          sendBytes(settle('resolve'), settle('reject'), config.token, cmd, id, asBytes(args), headers ?? {});
        else
          fetchIpc(cmd, args, id, headers).then(settle('resolve'), settle('reject'));
        return;
      }

      let json;
      try {
        if (args === undefined)
          json = '';
        else
          json = needsToIpc(args) ? JSON.stringify(args, toIpc) : JSON.stringify(args);
      } catch (error) {
        reject(`invalid args for command \`${cmd}\`: ${error.message}`);
        return;
      }

      if (json !== undefined && json.length * 3 > config.maxMessageSize) {
        const refusal = tooLarge(cmd, utf8Length(json));
        if (refusal !== null) {
          reject(refusal);
          return;
        }
      }

      pending.set(id, { cmd, resolve, reject });
      if (headers === null)
        sendCall(id, `i${id}\n${cmd}\n${json === undefined ? '' : json}`);
      else
        sendCall(id, `h${id}\n${cmd}\n${JSON.stringify(headers)}\n${json === undefined ? '' : json}`);
    });

    if (signal) {
      const onAbort = () => {
        const waiting = pending.get(id);
        if (waiting === undefined)
          return;
        pending.delete(id);
        waiting.reject(abortError(signal));
        send(ABORT, String(id));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      call.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => {});
    }

    return call;
  }

  function convertFileSrc(filePath, protocol = 'asset') {
    return `${protocol}://localhost/${encodeURIComponent(filePath)}`;
  }

  /* The Channel of @tauri-apps/api/core, for pages that use the global
   * window.__TAURI__ rather than the package: messages arrive with an index,
   * and are handed over in order. */
  class Channel {
    #onmessage;
    #next = 0;
    #early = new Map();
    #end;

    constructor(onmessage) {
      this.#onmessage = onmessage || (() => {});
      this.id = transformCallback((raw) => this.#receive(raw));
    }

    #receive(raw) {
      if ('end' in raw) {
        this.#end = raw.index;
      } else if (raw.index === this.#next && this.#early.size === 0) {
        /* In order, as nearly every message is: nothing to keep. */
        this.#next++;
        this.#deliver(raw.message);
      } else {
        this.#early.set(raw.index, raw.message);
      }

      while (this.#early.size > 0 && this.#early.has(this.#next)) {
        const message = this.#early.get(this.#next);
        this.#early.delete(this.#next++);
        this.#deliver(message);
      }
      if (this.#next === this.#end)
        unregisterCallback(this.id);
    }

    #deliver(message) {
      try {
        this.#onmessage(message);
      } catch (error) {
        queueMicrotask(() => { throw error; });
      }
    }

    set onmessage(handler) { this.#onmessage = handler; }
    get onmessage() { return this.#onmessage; }

    [SERIALIZE_TO_IPC_FN]() { return `__CHANNEL__:${this.id}`; }
    toJSON() { return this[SERIALIZE_TO_IPC_FN](); }
  }

  /* The event API of @tauri-apps/api/event, for the global window.__TAURI__. */
  async function listen(event, handler, options) {
    const target = typeof options?.target === 'string'
      ? { kind: 'AnyLabel', label: options.target }
      : (options?.target ?? { kind: 'Any' });
    const eventId = await invoke('plugin:event|listen', { event, target, handler: transformCallback(handler) });
    return async () => {
      unregisterCallback(eventId);
      await invoke('plugin:event|unlisten', { event, eventId });
    };
  }

  async function once(event, handler, options) {
    const unlisten = await listen(event, (data) => {
      unlisten();
      handler(data);
    }, options);
    return unlisten;
  }

  async function emit(event, payload) {
    await invoke('plugin:event|emit', { event, payload });
  }

  async function emitTo(target, event, payload) {
    const eventTarget = typeof target === 'string' ? { kind: 'AnyLabel', label: target } : target;
    await invoke('plugin:event|emit_to', { target: eventTarget, event, payload });
  }

  const internals = {
    invoke,
    transformCallback,
    unregisterCallback,
    runCallback,
    callbacks,
    convertFileSrc,
    metadata: {
      currentWindow: { label: config.label },
      currentWebview: { label: config.label, windowLabel: config.label },
    },
    plugins: {
      path: { sep: '/', delimiter: ':' },
    },
  };

  Object.defineProperty(window, '__TAURI_INTERNALS__', { value: internals, configurable: true });
  Object.defineProperty(window, '__TAURI_EVENT_PLUGIN_INTERNALS__', {
    /* An event's id is the id of the callback its listener registered. */
    value: { unregisterListener: (event, eventId) => unregisterCallback(eventId) },
    configurable: true,
  });

  /* @tauri-apps/api v1 posts {cmd, callback, error, ...args} and expects
   * window['_' + callback] or window['_' + error] to be called. */
  Object.defineProperty(window, '__TAURI_IPC__', {
    value: (message) => {
      const { cmd, callback, error, ...args } = message;
      invoke(cmd, args).then(
        (value) => window[`_${callback}`]?.(value),
        (reason) => window[`_${error}`]?.(reason));
    },
    configurable: true,
  });

  window.isTauri = true;
  window.__TAURI__ = {
    core: { invoke, transformCallback, convertFileSrc, Channel },
    event: { listen, once, emit, emitTo },
    tauri: { invoke, transformCallback, convertFileSrc },
    invoke,
    transformCallback,
    convertFileSrc,
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
  /* What the page's Content-Security-Policy blocked, which WebKit only
   * tells its own inspector. */
  document.addEventListener('securitypolicyviolation', (event) =>
    send(CONSOLE, `error Content-Security-Policy: ${event.violatedDirective} blocked ` +
                  `${event.blockedURI || 'inline'}` +
                  (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '')));
})
