// The built desktop app given a damaged database: a dialog naming the file and the newest good backup,
// exit code 1, no window, the file untouched; given a whole one: an automatic backup beside it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { automaticBackup, listBackups } from '../../db/backups.ts';
import { openDatabase } from '../../db/open.ts';
import { buildElectronBundles, type BuiltBundles } from './build-for-test.ts';
import { createFakeElectron, emit, runBundleWith, type FakeElectron } from './fake-electron.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'pledgewatch-damaged-start-'));
let bundles: BuiltBundles;
beforeAll(async () => {
  bundles = await buildElectronBundles();
}, 60_000);
afterAll(() => {
  vi.unstubAllEnvs();
  bundles?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

async function startApp(database: string): Promise<FakeElectron> {
  const fake = createFakeElectron({ appPath: root, userData: mkdtempSync(join(scratch, 'user-data-')) });
  vi.stubEnv('PLEDGEWATCH_DB', database);
  runBundleWith(fake, bundles.main);
  fake.markReady();
  await vi.waitFor(() => {
    if (fake.recorded.windows.length === 0 && fake.recorded.exitCode === null) throw new Error('not started');
  });
  return fake;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the built desktop app at start', () => {
  it('explains a damaged database with the newest good backup, quits, and leaves the file as it was', async () => {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const db = openDatabase(file);
    db.prepare(`INSERT INTO dossier (name, description) VALUES ('US–Mexico', '')`).run();
    const { taken } = await automaticBackup(db);
    db.close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize * 2; offset < pageSize * 5; offset += 7) bytes[offset] = 0xff;
    writeFileSync(file, bytes);
    const hash = sha256(file);

    const fake = await startApp(file);
    expect(fake.recorded.exitCode).toBe(1);
    expect(fake.recorded.windows).toHaveLength(0);
    expect(fake.recorded.errorBoxes).toHaveLength(1);
    const { title, content } = fake.recorded.errorBoxes[0]!;
    expect(title).toMatch(/damaged/);
    expect(content).toContain(`The database ${file} is damaged`);
    expect(content).toContain(`The newest good backup is ${taken}.`);
    expect(sha256(file)).toBe(hash);
  });

  it('backs up a whole database on start, beside it', async () => {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const fake = await startApp(file);
    expect(fake.recorded.windows).toHaveLength(1);
    await vi.waitFor(() => expect(listBackups(file).map((backup) => backup.kind)).toEqual(['automatic']));
    emit(fake.recorded.appListeners, 'will-quit');
  });
});
