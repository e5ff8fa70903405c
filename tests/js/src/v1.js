/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The page of the js suite for @tauri-apps/api v1 (1.6): test-js.c calls
 * the functions of window.tests and compares what they return. */
import { invoke, convertFileSrc } from 'tauri-api-v1/tauri';

async function settle(promise) {
  try {
    return { ok: await promise };
  } catch (error) {
    return { err: error instanceof Error ? `${error.name}: ${error.message}` : error };
  }
}

window.tests = {
  async invoke() {
    return [
      await settle(invoke('greeting')),
      await settle(invoke('log_message', { invokeMessage: 'from v1' })),
      await settle(invoke('try_operation', { shouldFail: true })),
      await settle(invoke('my_custom_command', { number: 1 })),
      await settle(invoke('nope')),
      await settle(invoke('log_message', { invokeMessage: 5 })),
    ];
  },

  async globals() {
    return [
      typeof window.__TAURI_IPC__,
      await settle(window.__TAURI__.invoke('greeting')),
      await settle(window.__TAURI__.tauri.invoke('greeting')),
      convertFileSrc('/tmp/a b.png'),
    ];
  },

  /* v1's modules call the command `tauri`, which the host refuses by name. */
  async modules() {
    return settle(invoke('tauri', { __tauriModule: 'Window', message: { cmd: 'manage' } }));
  },
};
