/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * How the bare baseline's page reaches its native side: one JSON string
 * posted to a script-message handler with reply, answered with a JSON
 * string; and raw bytes POSTed to the program's own scheme.
 */
window.benchIpc = {
  invoke(cmd, args = {}) {
    return window.webkit.messageHandlers.bench.postMessage(JSON.stringify({ cmd, args }))
      .then((text) => JSON.parse(text));
  },

  async echoBytes(bytes) {
    const response = await fetch('bench://localhost/echo-bytes', { method: 'POST', body: bytes });
    return new Uint8Array(await response.arrayBuffer());
  },

  stream: null,
};
