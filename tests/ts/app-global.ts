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

  return `${text} ${response.other_val} ${count} ${direct} ${label} ${window.isTauri}`;
}
