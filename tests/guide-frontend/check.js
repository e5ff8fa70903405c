// What build-aux/check-guide.py reads with --dev: the guide's greet answers.
window.__TAURI__.core.invoke('greet', { name: 'Guide' })
  .then((greeting) => console.log(`greet: ${greeting}`), (error) => console.log(`greet failed: ${error}`));
