// Test support: the main process bundled as `npm run build` bundles it, started against the stand-in
// for Electron with a data folder of its own, for the tests of one file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { buildElectronBundles, type BuiltBundles } from './build-for-test.ts';
import { createFakeElectron, runBundleWith, type FakeElectron, type FakeWindow } from './fake-electron.ts';

export const root = join(import.meta.dirname, '..', '..');

export interface BuiltApp {
  /** A folder of this file's own, removed after its tests. */
  scratch: string;
  bundles: () => BuiltBundles;
  /** Starts the main process on `database` and waits until it opened a window or exited. */
  startApp: (database: string) => Promise<FakeElectron>;
}

/** Builds the bundles before the file's tests; after them, removes them and the scratch folder. */
export function useBuiltApp(name: string): BuiltApp {
  const scratch = mkdtempSync(join(tmpdir(), `pledgewatch-${name}-`));
  let bundles: BuiltBundles;
  beforeAll(async () => {
    bundles = await buildElectronBundles();
  }, 60_000);
  afterAll(() => {
    vi.unstubAllEnvs();
    bundles?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    scratch,
    bundles: () => bundles,
    async startApp(database) {
      const fake = createFakeElectron({ appPath: root, userData: mkdtempSync(join(scratch, 'user-data-')) });
      vi.stubEnv('PLEDGEWATCH_DB', database);
      runBundleWith(fake, bundles.main);
      fake.markReady();
      await vi.waitFor(() => {
        if (fake.recorded.windows.length === 0 && fake.recorded.exitCode === null) {
          throw new Error('not started');
        }
      });
      return fake;
    },
  };
}

/** An IPC event as the window's own frame (or `frame`) sends it. */
export function invokeEvent(window: FakeWindow, frame = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame };
}
