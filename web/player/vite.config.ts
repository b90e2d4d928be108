import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The SCORM player: a separate build, served only from the content origin under /player/
 * (never from the app origin, never part of the app's bundle). scorm-again's SCORM 1.2 and 2004
 * builds are dynamic imports, so a launch loads only the one its package needs.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/player/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
