/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The cards of Tauri's official plugins, each with the real npm package:
 * files and settings (dialog, fs, store), the desktop (opener,
 * notification, clipboard-manager) and the system (os, log,
 * window-state). main.js hands over its runAction() and setInfo().
 */
import { open, save, ask, message } from '@tauri-apps/plugin-dialog';
import { readTextFile, stat } from '@tauri-apps/plugin-fs';
import { load } from '@tauri-apps/plugin-store';
import { openUrl, revealItemInDir } from '@tauri-apps/plugin-opener';
import { sendNotification, isPermissionGranted } from '@tauri-apps/plugin-notification';
import { writeText, readText } from '@tauri-apps/plugin-clipboard-manager';
import * as os from '@tauri-apps/plugin-os';
import { info } from '@tauri-apps/plugin-log';
import { saveWindowState, StateFlags } from '@tauri-apps/plugin-window-state';

const $ = (id) => document.getElementById(id);

let lastFile = null;

export function initPlugins({ runAction, setInfo, onSubmit }) {
  const run = (name, id, action) => runAction(name, [$(id)], action);

  $('run-open-file').addEventListener('click', () => run('files', 'run-open-file', async () => {
    const path = await open({ title: 'Open a text file', filters: [{ name: 'Text', extensions: ['txt', 'md', 'json'] }] });
    if (path === null)
      return 'Cancelled';
    lastFile = path;
    const [text, info_] = await Promise.all([readTextFile(path), stat(path)]);
    return `${path} (${info_.size} bytes):\n${text.slice(0, 400)}`;
  }));
  $('run-reveal').addEventListener('click', () => run('files', 'run-reveal', async () => {
    if (lastFile === null)
      throw 'Open a file first';
    await revealItemInDir(lastFile);
    return `Shown in the file manager: ${lastFile}`;
  }));
  $('run-save-as').addEventListener('click', () => run('files', 'run-save-as', async () => {
    const path = await save({ title: 'Save as', defaultPath: 'notes.txt' });
    return path === null ? 'Cancelled' : `Would save to ${path}`;
  }));

  $('run-counter').addEventListener('click', () => run('store', 'run-counter', async () => {
    const store = await load('demo-settings.json');
    const count = ((await store.get('launches')) ?? 0) + 1;
    await store.set('launches', count);
    await store.save();
    return `launches = ${count}, kept in demo-settings.json across runs`;
  }));

  $('run-ask').addEventListener('click', () => run('dialogs', 'run-ask', async () => {
    const yes = await ask('Do you like GTK 4?', { title: 'A question', kind: 'info' });
    await message(yes ? 'Good answer.' : 'Noted.', { title: 'Answer' });
    return `ask() → ${yes}`;
  }));

  onSubmit('form-open-url', () => run('desktop', 'run-open-url', async () => {
    await openUrl($('input-url').value);
    return `Opened ${$('input-url').value}`;
  }));
  $('run-notify').addEventListener('click', () => run('desktop', 'run-notify', async () => {
    const granted = await isPermissionGranted();
    sendNotification({ title: 'tauri-gtk', body: 'A notification from the page', icon: 'dialog-information' });
    return `Sent (permission granted: ${granted})`;
  }));
  $('run-copy').addEventListener('click', () => run('desktop', 'run-copy', async () => {
    await writeText($('input-url').value);
    return `Clipboard now holds: ${await readText()}`;
  }));

  $('run-save-state').addEventListener('click', () => run('system', 'run-save-state', async () => {
    await saveWindowState(StateFlags.ALL);
    await info('Window state saved from the demo', { keyValues: { card: 'system' } });
    return 'Saved: this window opens at this size next time';
  }));

  const values = {
    'info-os': () => `${os.type()} ${os.version()} (${os.family()})`,
    'info-arch': () => os.arch(),
    'info-locale': async () => (await os.locale()) ?? 'none',
    'info-hostname': () => os.hostname(),
  };
  return Promise.allSettled(Object.entries(values).map(async ([id, read]) => {
    try {
      setInfo(id, 'ok', await read());
    } catch (error) {
      setInfo(id, 'error', typeof error === 'string' ? error : String(error));
    }
  }));
}
