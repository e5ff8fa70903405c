/* Prints on each console level, calls a command, then closes its window,
 * which is the app's last: the app must quit. */
console.log('hello', { a: 1 }, [2, 3]);
console.info('info line');
console.warn('careful');
console.error(new TypeError('broken'));
window.__TAURI__.core.invoke('greeting')
  .then((greeting) => console.log(`greeting: ${greeting}`))
  .finally(() => window.close());
