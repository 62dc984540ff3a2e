// Finds the Electron executable without requiring the 'electron' package, whose require downloads noisily.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** node_modules/electron of this project. */
export function electronPackageDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('electron/package.json'), '..');
}

/**
 * The executable that node_modules/electron/install.js put in place, or null if there is none.
 * Reads path.txt and checks the file exists, as the package's own index.js does, minus the download.
 */
export function locateElectron(packageDir: string = electronPackageDir()): string | null {
  let relativePath: string;
  try {
    relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relativePath === '') return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const executable = join(distDir, relativePath);
  return existsSync(executable) ? executable : null;
}

export interface FetchOptions {
  packageDir?: string;
  timeoutMs?: number;
  /** Called once if the download is still running after a few seconds, so a slow first start is not silent. */
  onSlow?: () => void;
}

/**
 * Runs the package's install.js (Electron downloads its binary lazily) with its output captured,
 * so a machine without internet sees no stack traces. Resolves whether it succeeded.
 */
export function fetchElectron(options: FetchOptions = {}): Promise<boolean> {
  const packageDir = options.packageDir ?? electronPackageDir();
  const installer = join(packageDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((done) => {
    const child = spawn(process.execPath, [installer], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'ignore'],
      timeout: options.timeoutMs ?? 10 * 60_000,
    });
    const slow = setTimeout(() => options.onSlow?.(), 3_000);
    const finish = (succeeded: boolean) => {
      clearTimeout(slow);
      done(succeeded);
    };
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0));
  });
}
