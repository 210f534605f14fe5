import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from a custom protocol (Electron) or the loopback host, both under a
// CSP of `script-src 'self'`: relative asset URLs and no inline scripts.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Keep every script an external file; an inlined module preload polyfill would break the CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
