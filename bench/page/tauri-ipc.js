/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * How the tauri-gtk program's page reaches its native side: Tauri's own
 * global API, as any Tauri front end calls it.
 */
(function () {
  const core = window.__TAURI__.core;

  window.benchIpc = {
    invoke: core.invoke,

    /* Only called when the program reports the "raw_bytes" capability. */
    async echoBytes(bytes) {
      return new Uint8Array(await core.invoke('echo_bytes', bytes));
    },

    /* Only called when the program reports the "channel" capability. */
    stream(count, onMessage) {
      const channel = new core.Channel();
      channel.onmessage = onMessage;
      return core.invoke('stream', { count, onMessage: channel });
    },
  };
})();
