/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * How the bare baseline's page reaches its native side: one JSON string
 * posted to a script-message handler with reply, answered with a JSON
 * string; raw bytes POSTed to the program's own scheme; and streamed
 * messages pushed by the native side in batches, through a global function
 * it calls with webkit_web_view_evaluate_javascript().
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

  stream(count, onMessage) {
    window.__benchChannel = (batch) => {
      for (const message of batch)
        onMessage(message);
    };
    return window.benchIpc.invoke('stream', { count });
  },
};
