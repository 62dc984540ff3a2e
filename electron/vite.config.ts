// Builds the Electron main process and the sandboxed preload into dist/ as CommonJS for Node 22.
// Two separate bundles, so the preload never shares a chunk with main: it must be one file requiring only 'electron'.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), /^node:/];

interface Bundle {
  entry: string;
  outDir: string;
  fileName: string;
  external: (string | RegExp)[];
}

function commonJsBundle({ entry, outDir, fileName, external }: Bundle): EnvironmentOptions {
  return {
    consumer: 'server',
    keepProcessEnv: true,
    // Bundle every dependency except the externals listed below (zod goes into main).
    resolve: { noExternal: true, conditions: ['node', 'import', 'default'] },
    define: {
      // db/migrations.ts finds its .sql files beside itself; in CommonJS that is __dirname.
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { [fileName]: entry },
        external,
        platform: 'node',
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

/**
 * The citation styles committed as data (electron/citations/styles), written beside main.cjs, where
 * electron/citations/library.ts looks for them: the bundle then carries them wherever it is built.
 */
function citationStyles(): Plugin {
  const folder = join(projectRoot, 'electron', 'citations', 'styles');
  return {
    name: 'pledgewatch-citation-styles',
    applyToEnvironment: (environment) => environment.name === 'main',
    generateBundle() {
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.csl'))) {
        this.emitFile({
          type: 'asset',
          fileName: `styles/${file}`,
          source: readFileSync(join(folder, file), 'utf8'),
        });
      }
    },
  };
}

export default defineConfig({
  root: projectRoot,
  plugins: [citationStyles()],
  publicDir: false,
  envDir: false,
  environments: {
    main: commonJsBundle({
      entry: 'electron/main/main.ts',
      outDir: 'dist/main',
      fileName: 'main',
      // playwright-core prints PDFs for the command line and browser mode; the app prints with Electron.
      // node-postgres is loaded as it is published: bundled into CommonJS, its pool's class breaks.
      external: ['electron', 'better-sqlite3', 'playwright-core', 'pg', 'pgpass', ...nodeBuiltins],
    }),
    // Pledge extraction's worker thread, beside main.cjs (built after it, so it must not empty the folder).
    extractWorker: {
      ...commonJsBundle({
        entry: 'electron/ingest/extract/extract-worker.ts',
        outDir: 'dist/main',
        fileName: 'extract-worker',
        external: [...nodeBuiltins],
      }),
      build: {
        ...commonJsBundle({
          entry: 'electron/ingest/extract/extract-worker.ts',
          outDir: 'dist/main',
          fileName: 'extract-worker',
          external: [...nodeBuiltins],
        }).build,
        emptyOutDir: false,
      },
    },
    preload: commonJsBundle({
      entry: 'electron/preload/preload.ts',
      outDir: 'dist/preload',
      fileName: 'preload',
      external: ['electron'],
    }),
  },
  builder: {
    // Only these three; the renderer (the client environment) is built by the root vite.config.ts.
    async buildApp(builder) {
      for (const name of ['main', 'extractWorker', 'preload']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`electron/vite.config.ts: no "${name}" environment`);
        await builder.build(environment);
      }
    },
  },
});
