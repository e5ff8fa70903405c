/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The native-facing half of the bridge. It runs in an isolated script world
 * that the native side injects into the app's own top-level page only: the
 * message handler it posts to exists in this world alone, so no other frame
 * or page can reach it. It relays the requests core.js dispatches on the
 * document to the native side, and the answers back.
 *
 * Messages to the native side are strings whose first character is the kind:
 *   i<call id>\n<command>\n<JSON arguments>   a command call
 *   c<level> <text>                            console output
 */
(function () {
  'use strict';

  const handler = window.webkit.messageHandlers.tauri;

  function respond(id, tag, text) {
    if (typeof text !== 'string') {
      /* WebKit answers `undefined` for a call whose answer was dropped. */
      tag = '-';
      text = '"The application did not answer"';
    }
    document.dispatchEvent(new CustomEvent('tauri-gtk:response', { detail: `${id} ${tag}${text}` }));
  }

  document.addEventListener('tauri-gtk:request', (event) => {
    const detail = event.detail;
    if (typeof detail !== 'string')
      return;

    const id = detail.slice(0, detail.indexOf('\n'));
    handler.postMessage('i' + detail).then(
      (text) => respond(id, '+', text),
      (error) => respond(id, '-', error && error.message));
  });

  document.addEventListener('tauri-gtk:console', (event) => {
    if (typeof event.detail === 'string')
      handler.postMessage('c' + event.detail);
  });
})();
