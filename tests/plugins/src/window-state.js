/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The page test-plugins.c starts the demo binary with, twice: the first
 * time it sizes its window and saves the windows' state; the next time it
 * exits with 51 when the window came back at that size, 50 otherwise. */
import { getCurrentWindow } from '@tauri-apps/api/window';
import { LogicalSize } from '@tauri-apps/api/dpi';
import { load } from '@tauri-apps/plugin-store';
import { saveWindowState, restoreStateCurrent, filename, StateFlags } from '@tauri-apps/plugin-window-state';
import { exit } from '@tauri-apps/plugin-process';

(async () => {
  const window = getCurrentWindow();
  const store = await load('window-state-runs.json', { autoSave: false });
  const runs = ((await store.get('runs')) ?? 0) + 1;
  await store.set('runs', runs);
  await store.save();
  if (runs === 1 && (await filename()) === '.window-state.json') {
    await window.setSize(new LogicalSize(701, 503));
    await saveWindowState(StateFlags.ALL);
    await exit(0);
    return;
  }
  await restoreStateCurrent(StateFlags.SIZE);
  const size = await window.innerSize();
  const scale = await window.scaleFactor();
  await exit(size.width === 701 * scale && size.height === 503 * scale ? 51 : 50);
})();
