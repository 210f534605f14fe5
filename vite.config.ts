import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The entry (main.tsx) imports the app's root chunk only after it has sent the first reads, so
 * that the host answers while the chunk loads. Fetching that chunk had to wait for the entry to
 * run, and then for the host to finish the day query it was busy with: announcing the root chunk
 * and its imports (and their CSS) in index.html lets Chromium fetch them alongside the entry.
 */
function preloadAppRoot(): Plugin {
  return {
    name: 'clinic-desk:preload-app-root',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const root = chunks.find((c) => c.facadeModuleId?.endsWith('/app/root.tsx'));
        if (!root) throw new Error('preload-app-root: no chunk for app/root.tsx');
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) add(imported);
        };
        add(root.fileName);
        const entry = chunks.find((c) => c.isEntry)?.fileName;
        const scripts = [...files].filter((f) => f !== entry);
        // import() also waits for the chunks' CSS; a link already in the page is not loaded again.
        const styles = scripts.flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])]);
        return [
          ...scripts.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...styles.map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The renderer is served from a custom protocol (Electron) or the loopback host, both under a
// CSP of `script-src 'self'`: relative asset URLs and no inline scripts.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadAppRoot()],
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
