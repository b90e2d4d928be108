import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Absolute root so `npx vite build --config web/vite.config.ts` works from the repo root.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every supported browser has native modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    // data: URIs would need `img-src data:`/`font-src data:` in the production CSP; emit files instead.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
