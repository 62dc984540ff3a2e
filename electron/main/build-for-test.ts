// Builds main and preload with electron/vite.config.ts into a scratch folder, so tests run today's code.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBuilder } from 'vite';

export interface BuiltBundles {
  main: string;
  preload: string;
  /** Pledge extraction's worker thread, beside main.cjs. */
  extractWorker: string;
  /** Deletes the scratch folder. */
  remove: () => void;
}

const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * The scratch folder sits inside the project's node_modules/.cache, so the bundles resolve better-sqlite3
 * and electron exactly as dist/main/main.cjs does.
 */
export async function buildElectronBundles(): Promise<BuiltBundles> {
  const cache = join(projectRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'pledgewatch-bundles-'));
  const builder = await createBuilder({
    configFile: join(projectRoot, 'electron', 'vite.config.ts'),
    logLevel: 'silent',
    environments: {
      main: { build: { outDir: join(outDir, 'main') } },
      extractWorker: { build: { outDir: join(outDir, 'main') } },
      preload: { build: { outDir: join(outDir, 'preload') } },
    },
  });
  await builder.buildApp();
  return {
    main: join(outDir, 'main', 'main.cjs'),
    preload: join(outDir, 'preload', 'preload.cjs'),
    extractWorker: join(outDir, 'main', 'extract-worker.cjs'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
