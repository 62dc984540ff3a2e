// Finding or fetching the Electron binary for `npm start`, against stand-in packages rather than the real one.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchElectron, locateElectron } from './electron-binary.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pledgewatch-launch-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakePackage(install?: string): string {
  const dir = mkdtempSync(join(scratch, 'electron-'));
  if (install !== undefined) writeFileSync(join(dir, 'install.js'), install);
  return dir;
}

function installBinary(dir: string): string {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'path.txt'), 'electron');
  writeFileSync(join(dir, 'dist', 'electron'), '');
  chmodSync(join(dir, 'dist', 'electron'), 0o755);
  return join(dir, 'dist', 'electron');
}

describe('locateElectron', () => {
  it('finds the executable that path.txt names', () => {
    const dir = fakePackage();
    expect(locateElectron(dir)).toBeNull();
    expect(locateElectron(dir)).toBeNull();
    const executable = installBinary(dir);
    expect(locateElectron(dir)).toBe(executable);
  });

  it('says none when path.txt names a file that is missing', () => {
    const dir = fakePackage();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(locateElectron(dir)).toBeNull();
  });
});

describe('fetchElectron', () => {
  it('reports a failed download without letting its stack trace through', async () => {
    const dir = fakePackage(
      "console.log('Downloading Electron binary...'); console.error(new Error('fetch failed').stack); process.exit(1);",
    );
    expect(await fetchElectron({ packageDir: dir })).toBe(false);
  });

  it('reports a download that worked, after which the binary is found', async () => {
    const dir = fakePackage(`
      const fs = require('node:fs');
      fs.mkdirSync('dist', { recursive: true });
      fs.writeFileSync('dist/electron', '');
      fs.writeFileSync('path.txt', 'electron');
    `);
    writeFileSync(join(dir, 'package.json'), '{"type": "commonjs"}');
    expect(await fetchElectron({ packageDir: dir })).toBe(true);
    expect(locateElectron(dir)).toBe(join(dir, 'dist', 'electron'));
  });

  it('gives up on a download that hangs', async () => {
    const dir = fakePackage('setInterval(() => {}, 1000);');
    expect(await fetchElectron({ packageDir: dir, timeoutMs: 300 })).toBe(false);
  });

  it('says no when there is no installer at all', async () => {
    expect(await fetchElectron({ packageDir: fakePackage() })).toBe(false);
  });
});
