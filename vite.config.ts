// Builds the renderer (Svelte 5) into dist/renderer; electron/vite.config.ts builds main and preload.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // pdf.js (1.6 MB) is loaded only when an analyst drops a PDF; the main bundle stays small.
    chunkSizeWarningLimit: 1700,
  },
  test: {
    root: '.',
    include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts'],
    // Generous: several tests start real processes (the CLI, browser mode), slow on a busy 2-core machine.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
