// Calls each command and prints what it answers on standard error (--dev),
// for test-app.py to read.
const { invoke } = window.__TAURI__.core;

async function report(name, call) {
  try {
    console.log(`${name} resolved ${JSON.stringify(await call())}`);
  } catch (error) {
    console.log(`${name} rejected ${JSON.stringify(error)}`);
  }
}

(async () => {
  await report('greet', () => invoke('greet', { name: 'Test' }));
  await report('count_words', () => invoke('count_words', { text: 'one two  three' }));
  await report('count_words', () => invoke('count_words', { text: ' ' }));
  await report('greet', () => invoke('greet', {}));
  console.log('done');
})();
