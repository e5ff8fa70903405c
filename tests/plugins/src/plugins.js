/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The page of the plugins suite: test-plugins.c and test-plugins-portals.c
 * call the functions of window.tests and compare what they return. Only
 * the official npm packages are used here, as a Tauri app uses them. */
import { invoke } from '@tauri-apps/api/core';
import { BaseDirectory } from '@tauri-apps/api/path';
import * as fs from '@tauri-apps/plugin-fs';
import { load, getStore, LazyStore } from '@tauri-apps/plugin-store';
import * as os from '@tauri-apps/plugin-os';
import { writeText, readText, writeHtml, clear } from '@tauri-apps/plugin-clipboard-manager';
import { info, warn, error, attachLogger } from '@tauri-apps/plugin-log';
import { openUrl, openPath, revealItemInDir } from '@tauri-apps/plugin-opener';
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification';
import { open, save, message, ask, confirm } from '@tauri-apps/plugin-dialog';

async function settle(promise) {
  try {
    return { ok: await promise };
  } catch (e) {
    return { err: e instanceof Error ? `${e.name}: ${e.message}` : e };
  }
}

function until(check, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => {
      const value = check();
      if (value || Date.now() - started > timeoutMs)
        resolve(value);
      else
        setTimeout(poll, 10);
    };
    poll();
  });
}

const pending = {};

window.tests = {
  async store() {
    const changes = [];
    const store = await load('settings.json', { autoSave: false, defaults: { theme: 'light' } });
    const again = await load('settings.json');
    const unlisten = await store.onChange((key, value) => changes.push([key, value ?? null]));
    await store.set('volume', 7);
    await store.set('nested', { a: [1, 2.5, 'x'] });
    const results = {
      same: again.rid === store.rid,
      found: (await getStore('settings.json'))?.rid === store.rid,
      missingStore: await getStore('nope.json'),
      theme: await store.get('theme'),
      volume: await store.get('volume'),
      missing: (await store.get('missing')) === undefined,
      has: [await store.has('volume'), await store.has('missing')],
      keys: (await store.keys()).sort(),
      length: await store.length(),
      entries: (await store.entries()).sort(),
      deleted: [await store.delete('volume'), await store.delete('volume')],
    };
    await store.save();
    await store.reset();
    results.afterReset = (await store.entries()).sort();
    await until(() => changes.length >= 4);
    results.changes = changes;
    unlisten();
    await store.set('kept', true);
    await store.save();
    await store.close();
    results.closed = await settle(store.get('kept'));
    const reopened = await load('settings.json');
    results.reopened = await reopened.get('kept');
    await reopened.set('autosaved', 'yes');
    const lazy = new LazyStore('lazy.json');
    await lazy.set('x', 1);
    results.lazy = await lazy.get('x');
    results.badRid = await settle(invoke('plugin:store|get', { rid: 999999, key: 'x' }));
    return results;
  },

  /* Bytes and a Map inside the arguments go as Tauri's IPC sends them: an
   * array of numbers and an object. */
  async ipcValues() {
    const store = await load('ipc-values.json', { autoSave: false });
    await store.set('bytes', new Uint8Array([1, 2, 255]));
    await store.set('buffer', new Uint8Array([7, 8]).buffer);
    await store.set('map', new Map([['a', 1], ['b', [2]]]));
    return [await store.get('bytes'), await store.get('buffer'), await store.get('map')];
  },

  async storeReload() {
    const store = await load('settings.json');
    await store.reload();
    return [await store.get('autosaved'), await store.get('kept')];
  },

  async fsInside(dir) {
    const r = {};
    r.mkdir = await settle(fs.mkdir(`${dir}/sub/deeper`, { recursive: true }));
    r.writeText = await settle(fs.writeTextFile(`${dir}/sub/hello.txt`, 'Grüße\nline 2\n'));
    r.readText = await settle(fs.readTextFile(`${dir}/sub/hello.txt`));
    r.writeBytes = await settle(fs.writeFile(`${dir}/bytes.bin`, new Uint8Array([0, 1, 2, 255])));
    r.readBytes = Array.from(await fs.readFile(`${dir}/bytes.bin`));
    r.append = await settle(fs.writeTextFile(`${dir}/sub/hello.txt`, 'line 3\n', { append: true }));
    r.createNew = await settle(fs.writeTextFile(`${dir}/bytes.bin`, 'x', { createNew: true }));
    const lines = [];
    for await (const line of await fs.readTextFileLines(`${dir}/sub/hello.txt`))
      lines.push(line);
    r.lines = lines;
    r.exists = [await fs.exists(`${dir}/sub/hello.txt`), await fs.exists(`${dir}/nothing`)];
    r.readDir = (await fs.readDir(`${dir}/sub`)).map((e) => [e.name, e.isFile, e.isDirectory, e.isSymlink]).sort();
    const stat = await fs.stat(`${dir}/sub/hello.txt`);
    r.stat = [stat.isFile, stat.isDirectory, stat.size, stat.mtime instanceof Date, typeof stat.mode];
    r.size = await fs.size(`${dir}/sub`);
    r.copy = await settle(fs.copyFile(`${dir}/sub/hello.txt`, `${dir}/copy.txt`));
    r.rename = await settle(fs.rename(`${dir}/copy.txt`, `${dir}/renamed.txt`));
    r.truncate = await settle(fs.truncate(`${dir}/renamed.txt`, 4));
    r.renamed = await fs.readTextFile(`${dir}/renamed.txt`);
    const file = await fs.open(`${dir}/handle.txt`, { write: true, create: true, read: true });
    await file.write(new TextEncoder().encode('abcdef'));
    await file.seek(2, fs.SeekMode.Start);
    const buffer = new Uint8Array(3);
    r.handleRead = [await file.read(buffer), new TextDecoder().decode(buffer)];
    r.handleStat = (await file.stat()).size;
    await file.close();
    r.closedHandle = await settle(file.read(new Uint8Array(1)));
    r.remove = await settle(fs.remove(`${dir}/sub`, { recursive: true }));
    r.removed = await fs.exists(`${dir}/sub`);
    r.baseDir = await settle(fs.writeTextFile('from-base.txt', 'base', { baseDir: BaseDirectory.AppData }));
    r.baseDirRead = await settle(fs.readTextFile('from-base.txt', { baseDir: BaseDirectory.AppData }));
    return r;
  },

  async fsOutside(dir, outside, link) {
    return {
      parent: await settle(fs.readTextFile(`${dir}/../outside/secret.txt`)),
      parentBase: await settle(fs.readTextFile('../secret.txt', { baseDir: BaseDirectory.AppData })),
      absolute: await settle(fs.readTextFile(`${outside}/secret.txt`)),
      symlink: await settle(fs.readTextFile(`${link}/secret.txt`)),
      symlinkCreate: await settle(fs.create(`${link}/planted.txt`)),
      symlinkWrite: await settle(fs.writeTextFile(`${link}/planted.txt`, 'no')),
      writeParent: await settle(fs.writeTextFile('../planted.txt', 'no', { baseDir: BaseDirectory.AppData })),
      exists: await settle(fs.exists(`${outside}/secret.txt`)),
      mkdir: await settle(fs.mkdir(`${outside}/new`)),
      remove: await settle(fs.remove(`${outside}/secret.txt`)),
      hidden: await settle(fs.readTextFile(`${dir}/.hidden`)),
      url: await settle(fs.readTextFile(new URL(`file://${outside}/secret.txt`))),
      notFile: await settle(fs.readTextFile(`${dir}/missing.txt`)),
    };
  },

  os() {
    return Promise.all([
      os.platform(), os.arch(), os.family(), os.type(), os.version(), os.eol(), os.exeExtension(),
      os.locale(), os.hostname(),
    ]);
  },

  async clipboard() {
    await writeText('from the page ✓');
    const text = await readText();
    await writeHtml('<b>bold</b>', 'bold');
    const alt = await readText();
    await clear();
    return [text, alt, await settle(readText())];
  },

  async log() {
    const heard = [];
    const unlisten = await attachLogger(({ level, message }) => heard.push([level, message]));
    await info('an info', { keyValues: { user: 'ada' } });
    await warn('a warning');
    await error('an error');
    await until(() => heard.length >= 3);
    unlisten();
    return heard;
  },

  async opener(url, path) {
    return [
      await settle(openUrl(url)),
      await settle(openUrl('file:///etc/passwd')),
      await settle(openUrl('javascript:alert(1)')),
      await settle(openPath(path)),
    ];
  },

  async readChosen(path) {
    return settle(fs.readTextFile(path));
  },

  async reveal(paths) {
    return settle(revealItemInDir(paths));
  },

  async notification() {
    const granted = await isPermissionGranted();
    const requested = await requestPermission();
    sendNotification({ title: 'Build finished', body: 'All 42 tests passed', icon: 'dialog-information' });
    sendNotification('Just a title');
    return [window.Notification.permission, granted, requested];
  },

  startDialog(name, kind, options) {
    const calls = { open, save, message, ask, confirm };
    pending[name] = settle(kind === 'open' || kind === 'save' ? calls[kind](options) : calls[kind](...options));
    return true;
  },

  finishDialog(name) {
    return pending[name];
  },

  async denied() {
    return [
      await settle(invoke('plugin:fs|read_text_file', { path: '/etc/hostname' })),
      await settle(os.hostname()),
      await settle(invoke('plugin:store|load', { path: 'x.json' })),
      await settle(invoke('plugin:clipboard-manager|read_image')),
    ];
  },
};
