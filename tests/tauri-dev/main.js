const { invoke } = window.__TAURI__.core;

document.querySelector('#message').textContent = `First version: ${await invoke('greet', { name: 'Vite' })}`;
