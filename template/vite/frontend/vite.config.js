import { defineConfig } from 'vite';

// The page is served from tauri://localhost/, whose WebKit is that of the
// GNOME runtime: Safari 16's JavaScript is a safe target.
export default defineConfig({
  build: { target: 'safari16' },
  server: { port: 5173, strictPort: true },
  clearScreen: false,
});
