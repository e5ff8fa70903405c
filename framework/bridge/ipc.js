/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The native-facing half of the bridge. It runs in an isolated script world
 * that the native side injects into the app's own top-level page only: the
 * message handler it posts to exists in this world alone, so no other frame
 * or page can reach it. It relays the requests core.js dispatches on the
 * document to the native side, and the answers and pushes back.
 *
 * Messages to the native side are strings that begin with the window's
 * token, then the kind (see tauri-bridge-script.c):
 *   i<call id>\n<command>\n<JSON arguments>   a call of 64 KiB or more made
 *                                              among others (one made alone
 *                                              core.js posts itself), posted
 *                                              as it comes: the arguments may
 *                                              be megabytes; the reply answers
 *                                              it (`h…` with headers)
 *   b<length>:<call><length>:<call>…           the calls made in one task,
 *                                              answered in the outbox
 *   p                                          a poll: answered with the
 *                                              outbox, the pushed messages and
 *                                              the answers to batched calls
 *   a<call id>                                 the page gave up on a call
 *   c<level> <text>                            console output
 *
 * The native side appends `(config);`, as for core.js, and gives the script
 * to documents of that origin alone; the script checks it again.
 */
(function (config) {
  'use strict';

  if (window.location.origin !== config.origin)
    return;

  const handler = window.webkit.messageHandlers.tauri;

  function post(message) {
    return handler.postMessage(config.token + message);
  }

  function dispatch(type, detail) {
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /* A reply is JSON text, or `~` and raw bytes in base64: a script message
   * reply cannot carry an ArrayBuffer. It goes back as
   * `<call id> <tag><body>`, with the other
   * answers that came in the same task, as one event; a large body goes
   * alone as two, the head `<call id> <tag>` and then the body, so that
   * megabytes are not copied into one string with their head. */
  const BATCH_LIMIT = 65536;
  let waitingAnswers = [];
  let waitingLength = 0;
  let callsInFlight = 0;

  function flushAnswers() {
    const answers = waitingAnswers;
    if (answers.length === 0)
      return;
    waitingAnswers = [];
    waitingLength = 0;
    if (answers.length === 1)
      dispatch('tauri-gtk:response', answers[0]);
    else
      dispatch('tauri-gtk:responses', answers.map((answer) => `${answer.length}:${answer}`).join(''));
  }

  /* Queues an answer to go with the others of this task; one of 64 KiB or
   * more goes at once, alone. */
  function queueAnswer(id, tag, value) {
    if (value.length >= BATCH_LIMIT) {
      flushAnswers();
      dispatch('tauri-gtk:response-head', `${id} ${tag}`);
      dispatch('tauri-gtk:response-body', value);
      return;
    }
    if (waitingAnswers.length === 0)
      queueMicrotask(flushAnswers);
    const answer = `${id} ${tag}${value}`;
    waitingAnswers.push(answer);
    waitingLength += answer.length;
    if (waitingLength >= BATCH_LIMIT)
      flushAnswers();
  }

  function respond(id, tag, value) {
    if (typeof value !== 'string') {
      /* WebKit answers `undefined` for a call whose answer was dropped. */
      tag = '-';
      value = '"The application did not answer"';
    } else if (tag === '+' && value[0] === '~') {
      tag = '~';
      value = value.slice(1);
    }
    /* The answer to the last call in flight goes at once: no other answer
     * can come in this task to go with it. */
    if (waitingAnswers.length === 0 && callsInFlight === 0 && value.length < BATCH_LIMIT)
      dispatch('tauri-gtk:response', `${id} ${tag}${value}`);
    else
      queueAnswer(id, tag, value);
  }

  /* What the page hands over: a call that cannot be sent whole (a lone
   * UTF-16 surrogate) or is far larger than the native side takes is
   * answered here, and never posted. */
  function refusal(message) {
    if (typeof message.isWellFormed === 'function' && !message.isWellFormed())
      return '"malformed message: a lone UTF-16 surrogate"';
    if (message.length > config.maxMessageSize + 65536)
      return '"malformed message: longer than the application takes"';
    return null;
  }

  function request(message) {
    if (message[0] !== 'i' && message[0] !== 'h')
      return;

    const id = message.slice(1, message.indexOf('\n'));
    const refused = refusal(message);
    if (refused !== null) {
      respond(id, '-', refused);
      return;
    }
    callsInFlight++;
    post(message).then((value) => {
      callsInFlight--;
      respond(id, '+', value);
    }, (error) => {
      callsInFlight--;
      respond(id, '-', error && error.message);
    });
  }

  document.addEventListener('tauri-gtk:request', (event) => {
    if (typeof event.detail === 'string')
      request(event.detail);
  });

  /* The messages of a batch, `<length>:<message>` one after the other. */
  function* framesOf(batch) {
    for (let at = 0; at < batch.length;) {
      const colon = batch.indexOf(':', at);
      const length = colon > at ? Number(batch.slice(at, colon)) : NaN;
      if (!Number.isSafeInteger(length) || length < 1 || colon + 1 + length > batch.length)
        return;
      yield batch.slice(colon + 1, colon + 1 + length);
      at = colon + 1 + length;
    }
  }

  /* The call id of a message, `i<call id>\n…`, or null. */
  function idOf(message) {
    const newline = message.indexOf('\n');
    return (message[0] === 'i' || message[0] === 'h') && newline > 1 ? message.slice(1, newline) : null;
  }

  /* Calls made in one task go as they are in one message; their answers
   * come in the outbox. Each is judged alone: one that cannot be sent is
   * answered here, and the others go. Should the native side refuse the
   * batch, each of its calls fails. */
  document.addEventListener('tauri-gtk:requests', (event) => {
    let batch = event.detail;
    if (typeof batch !== 'string')
      return;

    if (refusal(batch) !== null) {
      const kept = [];
      for (const message of framesOf(batch)) {
        const refused = refusal(message);
        const id = idOf(message);
        if (refused === null)
          kept.push(`${message.length}:${message}`);
        else if (id !== null)
          queueAnswer(id, '-', refused);
      }
      if (kept.length === 0)
        return;
      batch = kept.join('');
    }

    post('b' + batch).then(undefined, (error) => {
      for (const message of framesOf(batch)) {
        const id = idOf(message);
        if (id !== null)
          queueAnswer(id, '-', typeof error?.message === 'string' ? error.message : '"The batch was refused"');
      }
    });
  });

  document.addEventListener('tauri-gtk:abort', (event) => {
    if (typeof event.detail === 'string')
      post('a' + event.detail);
  });

  document.addEventListener('tauri-gtk:console', (event) => {
    if (typeof event.detail === 'string')
      post('c' + event.detail);
  });

  /* The outbox: frames ended by a NUL, in the order the native side queued
   * them. `A<call id> <tag><body>` answers a batched call (the tags of
   * respond()); `P<JSON array>`,
   * [callback id, data] pairs, are pushed messages, handed to the page in
   * one event once the answers before them are. */
  function deliver(outbox) {
    for (let at = 0; at < outbox.length;) {
      let end = outbox.indexOf('\0', at);
      if (end < 0)
        end = outbox.length;
      if (outbox[at] === 'A') {
        const space = outbox.indexOf(' ', at);
        if (space > at + 1 && space + 2 <= end)
          queueAnswer(outbox.slice(at + 1, space), outbox[space + 1], outbox.slice(space + 2, end));
      } else if (outbox[at] === 'P') {
        flushAnswers();
        dispatch('tauri-gtk:push', outbox.slice(at + 1, end));
      }
      at = end + 1;
    }
    flushAnswers();
  }

  /* One poll always waits on the native side for the outbox, while the
   * document is shown: one kept in the back-forward cache must leave the
   * outbox to the page that replaced it, and polls again when it is back. */
  let polling = false;
  let shown = true;

  function poll() {
    polling = true;
    post('p').then((outbox) => {
      polling = false;
      /* What the native side sent before the outbox arrives first. */
      flushAnswers();
      if (typeof outbox === 'string')
        deliver(outbox);
      if (shown)
        poll();
    }, () => {
      polling = false;
    });
  }

  window.addEventListener('pagehide', () => {
    shown = false;
  });
  window.addEventListener('pageshow', () => {
    shown = true;
    if (!polling)
      poll();
  });
  poll();
})
