// The built desktop app given a damaged database: a dialog naming the file and the newest good backup,
// exit code 1, no window, the file untouched; given one from a newer Pledgewatch: the same refusal;
// given a whole one: an automatic backup beside it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { automaticBackup, listBackups } from '../../db/backups.ts';
import { openDatabase } from '../../db/open.ts';
import { emit } from './fake-electron.ts';
import { useBuiltApp } from './built-app-testing.ts';
import { damageFile, fileHash } from '../../db/testing.ts';

const { scratch, startApp } = useBuiltApp('damaged-start');

describe('the built desktop app at start', () => {
  it('explains a damaged database with the newest good backup, quits, and leaves the file as it was', async () => {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const db = openDatabase(file);
    db.prepare(`INSERT INTO dossier (name, description) VALUES ('US–Mexico', '')`).run();
    const { taken } = await automaticBackup(db);
    db.close();
    damageFile(file, [2, 5]);
    const hash = fileHash(file);

    const fake = await startApp(file);
    expect(fake.recorded.exitCode).toBe(1);
    expect(fake.recorded.windows).toHaveLength(0);
    expect(fake.recorded.errorBoxes).toHaveLength(1);
    const { title, content } = fake.recorded.errorBoxes[0]!;
    expect(title).toMatch(/damaged/);
    expect(content).toContain(`The database ${file} is damaged`);
    expect(content).toContain(`The newest good backup is ${taken}.`);
    expect(fileHash(file)).toBe(hash);
  });

  it('backs up a whole database on start, beside it', async () => {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const fake = await startApp(file);
    expect(fake.recorded.windows).toHaveLength(1);
    await vi.waitFor(() => expect(listBackups(file).map((backup) => backup.kind)).toEqual(['automatic']));
    emit(fake.recorded.appListeners, 'will-quit');
  });
});

describe('the built main process given a database from a newer Pledgewatch', () => {
  afterAll(() => vi.unstubAllEnvs());

  it('explains, quits with an error, and leaves the file as it was', async () => {
    const file = join(mkdtempSync(join(scratch, 'newer-')), 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);

    const fake = await startApp(file);
    expect(fake.recorded.exitCode).toBe(1);
    expect(fake.recorded.windows).toHaveLength(0);
    expect(fake.recorded.errorBoxes).toHaveLength(1);
    expect(fake.recorded.errorBoxes[0]!.content).toMatch(/newer Pledgewatch/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
