// The desktop app itself, driven through Playwright's Electron support where an Electron binary exists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { locateElectron } from '../electron/main/electron-binary.ts';

const projectRoot = join(import.meta.dirname, '..');
// Looks for path.txt and the file it names; never requires 'electron', which would try to download it.
const electronBinary = locateElectron(join(projectRoot, 'node_modules', 'electron'));

test.skip(
  electronBinary === null,
  'Electron binary not installed on this machine (no download possible); browser-mode specs cover the UI',
);

test('opens the app window on an empty database, isolated from Node', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-electron-'));
  // Chromium refuses to start as root with its OS sandbox; the app's own web preferences stay as shipped.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    // Its own user data folder, so neither the single-instance lock nor the window state touch a real profile.
    args: [...asRoot, `--user-data-dir=${join(folder, 'user-data')}`, '.'],
    cwd: projectRoot,
    env: { ...process.env, PLEDGEWATCH_DB: join(folder, 'pledgewatch.sqlite') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Pledgewatch/);
    const firstRun = page.getByRole('heading', { name: 'Welcome to Pledgewatch' });
    const list = page.getByRole('heading', { name: 'Commitments' });
    await expect(firstRun.or(list)).toBeVisible();
    expect(page.url()).toBe('app://pledgewatch/index.html');
    const exposed = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { pledgewatch: object }).pledgewatch).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.bridge).toContain('listCommitments');
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
