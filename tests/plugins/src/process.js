/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The page test-plugins.c starts the demo binary with: it counts its runs
 * in a store; the first relaunches the program, the others exit with
 * 40 + the count. */
import { load } from '@tauri-apps/plugin-store';
import { exit, relaunch } from '@tauri-apps/plugin-process';

(async () => {
  const store = await load('process.json', { autoSave: false });
  const count = ((await store.get('count')) ?? 0) + 1;
  await store.set('count', count);
  await store.save();
  if (count === 1)
    await relaunch();
  else
    await exit(40 + count);
})();
