/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The native-facing half of the bridge. It runs in an isolated script world
 * that the native side injects into the app's own top-level page only: the
 * message handler it posts to exists in this world alone, so no other frame
 * or page can reach it. It relays the requests core.js dispatches on the
 * document to the native side, and the answers and pushes back.
 *
 * Messages to the native side are strings whose first character is the kind:
 *   i<call id>\n<command>\n<JSON arguments>   a command call, built by core.js
 *                                              and posted as it comes: the
 *                                              arguments may be megabytes
 *   p                                          a poll: answered with the next
 *                                              batch of pushed messages
 *   a<call id>                                 the page gave up on a call
 *   c<level> <text>                            console output
 */
(function () {
  'use strict';

  const handler = window.webkit.messageHandlers.tauri;

  function dispatch(type, detail) {
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /* A reply is JSON text, or `!<id>` for raw bytes that the page fetches
   * over the tauri:// scheme: a script message reply cannot carry an
   * ArrayBuffer. It goes back as `<call id> <tag><body>`, with the other
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

  function respond(id, tag, value) {
    callsInFlight--;
    if (typeof value !== 'string') {
      /* WebKit answers `undefined` for a call whose answer was dropped. */
      tag = '-';
      value = '"The application did not answer"';
    } else if (tag === '+' && value[0] === '!') {
      tag = '*';
      value = value.slice(1);
    }
    if (value.length >= BATCH_LIMIT) {
      flushAnswers();
      dispatch('tauri-gtk:response-head', `${id} ${tag}`);
      dispatch('tauri-gtk:response-body', value);
      return;
    }
    const answer = `${id} ${tag}${value}`;
    /* The answer to the last call in flight goes at once: no other answer
     * can come in this task to go with it. */
    if (waitingAnswers.length === 0 && callsInFlight === 0) {
      dispatch('tauri-gtk:response', answer);
      return;
    }
    if (waitingAnswers.length === 0)
      queueMicrotask(flushAnswers);
    waitingAnswers.push(answer);
    waitingLength += answer.length;
    if (waitingLength >= BATCH_LIMIT)
      flushAnswers();
  }

  function request(message) {
    if (message[0] !== 'i')
      return;

    const id = message.slice(1, message.indexOf('\n'));
    callsInFlight++;
    handler.postMessage(message).then(
      (value) => respond(id, '+', value),
      (error) => respond(id, '-', error && error.message));
  }

  document.addEventListener('tauri-gtk:request', (event) => {
    if (typeof event.detail === 'string')
      request(event.detail);
  });

  /* Calls made in one task, as `<length>:<message>` one after the other. */
  document.addEventListener('tauri-gtk:requests', (event) => {
    const batch = event.detail;
    if (typeof batch !== 'string')
      return;

    for (let at = 0; at < batch.length;) {
      const colon = batch.indexOf(':', at);
      const length = colon > at ? Number(batch.slice(at, colon)) : NaN;
      if (!Number.isSafeInteger(length) || length < 0 || colon + 1 + length > batch.length)
        return;
      request(batch.slice(colon + 1, colon + 1 + length));
      at = colon + 1 + length;
    }
  });

  document.addEventListener('tauri-gtk:abort', (event) => {
    if (typeof event.detail === 'string')
      handler.postMessage('a' + event.detail);
  });

  document.addEventListener('tauri-gtk:console', (event) => {
    if (typeof event.detail === 'string')
      handler.postMessage('c' + event.detail);
  });

  /* One poll always waits on the native side; its answer is a JSON array of
   * [callback id, data] pairs, handed to the page in one event. */
  function poll() {
    handler.postMessage('p').then((batch) => {
      /* What the native side sent before these pushes arrives first. */
      flushAnswers();
      if (typeof batch === 'string' && batch.length > 0)
        dispatch('tauri-gtk:push', batch);
      poll();
    }, () => {});
  }
  poll();
})();
