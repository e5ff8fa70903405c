// The same front end without a bundler: the bindings printed by
// `tauri-gtk-demo --print-global-bindings` call window.__TAURI__.core.invoke,
// declared by the types `--print-global-types` prints.

import { greeting, myCustomCommand, streamNumbers } from './bindings-global';

export async function runGlobal(): Promise<string> {
  const text: string = await greeting();
  const response = await myCustomCommand(1);
  const onNumber = new window.__TAURI__.core.Channel<number>((n) => console.log(n + 1));
  const count: number = await streamNumbers(2, onNumber);
  const direct: string = await window.__TAURI__.core.invoke<string>('greeting');
  const label: string = window.__TAURI_INTERNALS__.metadata.currentWindow.label;

  await window.__TAURI__.event.emit('demo://ping', { text });
  const unlisten = await window.__TAURI__.event.listen<string>('demo://pong', (event) => console.log(event.payload.length));
  await unlisten();

  // The rest of what the bridge puts on the page.
  const controller = new AbortController();
  const slow = window.__TAURI__.core.invoke<number>('slow_sum', { a: 1, b: 2, delayMs: 1000 },
                                                    { signal: controller.signal });
  controller.abort();
  const aborted: boolean = await slow.then(() => false, (error: unknown) =>
    error instanceof DOMException && error.name === 'AbortError');
  const bytes = await window.__TAURI__.invoke<ArrayBuffer>('echo_bytes', new Uint8Array([1, 2]));
  const src: string = window.__TAURI__.core.convertFileSrc('/tmp/a b.png');
  const unlistenOnce = await window.__TAURI__.event.once<{ text: string }>('demo://pong',
    (event) => console.log(event.payload.text), { target: { kind: 'AnyLabel', label } });
  await window.__TAURI__.event.emitTo(label, 'demo://ping', { text });
  await window.__TAURI__.event.emitTo({ kind: 'Any' }, 'demo://ping');
  await unlistenOnce();
  window.__TAURI_EVENT_PLUGIN_INTERNALS__.unregisterListener('demo://pong', 1);
  window.__TAURI_IPC__({ cmd: 'log_message', callback: 1, error: 2, invokeMessage: text });
  const channelId: number = onNumber.id;
  const sent: string = onNumber.toJSON() + onNumber.__TAURI_TO_IPC_KEY__();

  return `${text} ${response.other_val} ${count} ${direct} ${label} ${window.isTauri} ` +
    `${aborted} ${bytes.byteLength} ${src} ${channelId} ${sent}`;
}
