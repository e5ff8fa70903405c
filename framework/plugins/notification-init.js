/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The notification plugin's page half, as Tauri's plugin injects one:
 * window.Notification becomes the plugin's, which sendNotification() of
 * @tauri-apps/plugin-notification creates. Its permission is "granted",
 * as the host always grants it: the page needs no call to know it.
 */
(function () {
  'use strict';

  const invoke = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args);
  let permission = 'granted';
  let settingPermission = false;

  function setPermission(value) {
    settingPermission = true;
    window.Notification.permission = value;
    settingPermission = false;
  }

  function TauriNotification(title, options) {
    const data = Object.assign({}, options || {}, { title });
    invoke('plugin:notification|notify', { options: data });
  }

  TauriNotification.requestPermission = async function () {
    const state = await invoke('plugin:notification|request_permission');
    setPermission(state === 'prompt' || state === 'prompt-with-rationale' ? 'default' : state);
    return state;
  };

  Object.defineProperty(TauriNotification, 'permission', {
    enumerable: true,
    get: () => permission,
    set: (value) => {
      if (!settingPermission)
        throw new Error('Readonly property');
      permission = value;
    },
  });

  window.Notification = TauriNotification;
})();
