// Run by build-aux/check-install.py on the demo installed under /app: what
// the page reaches, printed with --dev.
const { invoke } = window.__TAURI__.core;

(async () => {
  console.log(`extension: ${typeof window.__TAURI_GTK_SEND_BYTES__}`);
  console.log(`language: ${navigator.language}`);
  console.log(`greeting: ${await invoke('greeting')}`);
  const echoed = new Uint8Array(await invoke('echo_bytes', new Uint8Array([1, 2, 3])));
  console.log(`echo_bytes: ${echoed.join(',')}`);
})().catch((error) => console.log(`failed: ${error}`));
