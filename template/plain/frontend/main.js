// Calls the back end's commands, as a Tauri page does, through the global
// that tauri-gtk injects into the app's pages.
const { invoke } = window.__TAURI__.core;

const greetInput = document.querySelector('#greet-input');
const greetMsg = document.querySelector('#greet-msg');
const countInput = document.querySelector('#count-input');
const countMsg = document.querySelector('#count-msg');

document.querySelector('#greet-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  greetMsg.textContent = await invoke('greet', { name: greetInput.value });
});

document.querySelector('#count-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const words = await invoke('count_words', { text: countInput.value });
    countMsg.textContent = `${words} words`;
  } catch (error) {
    countMsg.textContent = error;  // the command's own error text
  }
});
