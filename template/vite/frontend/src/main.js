// Calls the back end's commands with the @tauri-apps/api package, as any
// Tauri front end does: tauri-gtk answers them.
import { invoke } from '@tauri-apps/api/core';
import './style.css';

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
