// Backups: rotation to the number kept, at most one automatic backup a day, restore round trips, and a
// damaged file reported with the newest good backup and never touched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  automaticBackup,
  backupsFolder,
  listBackups,
  newestGoodBackup,
  takeBackup,
  takeManualBackup,
} from './backups.ts';
import { getCommitment } from './commitments.ts';
import { checkFile } from './health.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference-edits.ts';
import { restoreBackup, restoreFile } from './restore.ts';
import { getSettings, saveSettings } from './settings.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { damagedDatabaseMessage } from './start-check.ts';
import {
  damageFile,
  fileHash,
  fingerprint,
  newCommitment,
  newStatusUpdate,
  temporaryDatabase,
  temporaryFolder,
} from './testing.ts';
import { insertCommitment } from './commitment-add.ts';

const day = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-01T08:00:00.000Z');
const later = (days: number, hours = 0) => new Date(start.getTime() + days * day + hours * 3_600_000);

/** A dossier of commitments with history: every kind of row a backup must carry. */
function sampleDatabase() {
  const { db, file } = temporaryDatabase();
  const dossierId = createDossier(db, 'US–Mexico security cooperation, 2025', '');
  const titles = ['90-day tariff reprieve', 'Curb fentanyl precursors', 'Stop firearms trafficking'];
  for (const title of titles) {
    const id = insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        summary: `${title}, as agreed in September 2025.`,
        deadline: { amount: 90, unit: 'days', from: '2025-07-31' },
      }),
    );
    recordStatusUpdate(db, newStatusUpdate(id, 3, '2025-10-01', { note: 'First meeting held.' }));
  }
  return { db, file };
}

function fingerprintOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return fingerprint(db);
  } finally {
    db.close();
  }
}

/**
 * Every row of every table except the full-text indexes' own storage, which a restore rebuilds from the
 * rows (same index, its segments laid out afresh).
 */
function contents(db: Database.Database): string {
  const shadow = (db.pragma('table_list') as { name: string; type: string }[])
    .filter((table) => table.type === 'shadow')
    .map((table) => table.name);
  const hash = createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables.filter((name) => !shadow.includes(name))) {
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  }
  return hash.digest('hex');
}

describe('automatic backups', () => {
  it('are taken on the first start, then at most once a day', async () => {
    const { db, file } = sampleDatabase();
    const first = await automaticBackup(db, start);
    expect(first.taken).toBe(join(backupsFolder(file), 'pledgewatch.auto.2026-03-01T08-00-00-000Z.sqlite'));
    expect(fingerprintOf(first.taken!)).toBe(fingerprint(db));
    expect(checkFile(first.taken!)).toEqual({ problems: [], version: expect.any(Number) });

    const sameDay = await automaticBackup(db, later(0, 23));
    expect(sameDay).toMatchObject({ taken: null, skipped: /less than a day old/ });
    const nextDay = await automaticBackup(db, later(1));
    expect(nextDay.taken).toMatch(/pledgewatch\.auto\.2026-03-02T08-00-00-000Z\.sqlite$/);
    expect(listBackups(file).map((backup) => backup.kind)).toEqual(['automatic', 'automatic']);
  });

  it('keep the number the analyst chose, deleting only the oldest automatic ones', async () => {
    const { db, file } = sampleDatabase();
    saveSettings(db, { staleDays: 60, backupKeep: 3 });
    const manual = await takeBackup(
      db,
      join(backupsFolder(file), 'pledgewatch.2026-01-01T00-00-00-000Z.sqlite'),
    );
    const taken: string[] = [];
    for (let days = 0; days < 6; days += 1) {
      const result = await automaticBackup(db, later(days));
      taken.push(basename(result.taken!));
      if (days >= 3) expect(result.removed).toEqual([taken[days - 3]]);
    }
    const kept = listBackups(file);
    expect(kept.filter((backup) => backup.kind === 'automatic').map((backup) => backup.name)).toEqual(
      taken.slice(3).reverse(),
    );
    // `npm run cli -- backup` copies are the analyst's: never rotated away.
    expect(kept.find((backup) => backup.kind === 'manual')?.path).toBe(manual);
    expect(readdirSync(backupsFolder(file)).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
  });

  it('are off when the analyst keeps none, and the setting refuses nonsense', async () => {
    const { db, file } = sampleDatabase();
    expect(getSettings(db).backupKeep).toBe(10);
    saveSettings(db, { staleDays: 60, backupKeep: 0 });
    expect(await automaticBackup(db, start)).toMatchObject({ taken: null, skipped: /off/ });
    expect(existsSync(backupsFolder(file))).toBe(false);
    const before = fingerprint(db);
    for (const backupKeep of [-1, 2.5, Number.NaN]) {
      expect(() => saveSettings(db, { staleDays: 60, backupKeep })).toThrow(
        expect.objectContaining({ code: 'invalid_input', path: 'backupKeep' }),
      );
    }
    expect(fingerprint(db)).toBe(before);
  });

  it('never leave a half-written copy when the app closes during one', async () => {
    const { db, file } = sampleDatabase();
    const backup = automaticBackup(db, start);
    db.close();
    await expect(backup).rejects.toThrow(/not open/);
    expect(listBackups(file)).toEqual([]);
    expect(readdirSync(backupsFolder(file))).toEqual([]);
  });
});

describe('listing backups', () => {
  it('lists this database’s backups of every kind, newest first, and nothing else in the folder', async () => {
    const { db, file } = sampleDatabase();
    await automaticBackup(db, start);
    const folder = backupsFolder(file);
    writeFileSync(join(folder, 'pledgewatch.sqlite.v3.2026-02-01T10-00-00-000Z.sqlite'), 'old');
    writeFileSync(join(folder, 'other.auto.2026-03-05T10-00-00-000Z.sqlite'), 'another database');
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');
    expect(listBackups(file).map(({ kind, takenAt }) => ({ kind, takenAt }))).toEqual([
      { kind: 'automatic', takenAt: '2026-03-01T08:00:00.000Z' },
      { kind: 'before migration', takenAt: '2026-02-01T10:00:00.000Z' },
    ]);
  });
});

describe('backing up now', () => {
  it('takes a manual backup beside the database, kept whatever the number of automatic ones', async () => {
    const { db, file } = sampleDatabase();
    saveSettings(db, { staleDays: 60, backupKeep: 1 });
    const taken = await takeManualBackup(db, start);
    expect(taken).toMatchObject({ kind: 'manual', takenAt: start.toISOString() });
    expect(taken.bytes).toBeGreaterThan(0);
    expect(checkFile(taken.path).problems).toEqual([]);
    await automaticBackup(db, later(1));
    await automaticBackup(db, later(2));
    expect(listBackups(file).map((backup) => backup.kind)).toEqual(['automatic', 'manual']);
  });

  it('refuses a database held in memory', async () => {
    const db = openDatabase(':memory:');
    await expect(takeManualBackup(db)).rejects.toThrow('A database held in memory has no backups.');
  });
});

describe('restore', () => {
  it('in the app: the data equals the backup’s, search works, and the state before is kept', async () => {
    const { db, file } = sampleDatabase();
    const { taken } = await automaticBackup(db, start);
    const backedUp = contents(db);
    db.prepare(`INSERT INTO dossier (name, description) VALUES ('Added after the backup', '')`).run();
    db.prepare(`UPDATE commitment SET title = 'Renamed after the backup' WHERE id = 1`).run();
    const changed = fingerprint(db);
    // Statements the app prepared before (db/statements.ts caches them) must read the restored tables.
    expect(getCommitment(db, 1).title).toBe('Renamed after the backup');

    const result = restoreBackup(db, basename(taken!), later(0, 1));
    expect(getCommitment(db, 1).title).toBe('90-day tariff reprieve');
    expect(result).toEqual({
      restored: basename(taken!),
      keptAs: 'pledgewatch.before-restore.2026-03-01T09-00-00-000Z.sqlite',
    });
    expect(contents(db)).toBe(backedUp);
    expect(fingerprintOf(join(backupsFolder(file), result.keptAs))).toBe(changed);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.exec(`INSERT INTO commitment_fts (commitment_fts) VALUES ('integrity-check')`);
    const search = db.prepare(`SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?`).pluck();
    expect(search.all('reprieve')).toEqual([1]);
    expect(search.all('renamed')).toEqual([]);
    // The triggers are back: status updates are append-only again, and new ones are searchable.
    expect(() => db.prepare('DELETE FROM status_update').run()).toThrow(/append-only/);
    db.prepare(`UPDATE commitment SET title = 'Tariff reprieve extended' WHERE id = 1`).run();
    expect(search.all('extended')).toEqual([1]);
  });

  it('in the app: refuses a damaged backup or one that is not there, changing nothing', async () => {
    const { db, file } = sampleDatabase();
    const { taken } = await automaticBackup(db, start);
    damageFile(taken!);
    const before = fingerprint(db);
    expect(() => restoreBackup(db, basename(taken!))).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        path: 'name',
        message: expect.stringMatching(/cannot be restored: .*malformed/),
      }),
    );
    expect(() => restoreBackup(db, 'pledgewatch.auto.2020-01-01T00-00-00-000Z.sqlite')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(fingerprint(db)).toBe(before);
    expect(listBackups(file).map((backup) => backup.kind)).toEqual(['automatic']);
  });

  it('from the command line: replaces the file, keeping the one before even when damaged', async () => {
    const { db, file } = sampleDatabase();
    const { taken } = await automaticBackup(db, start);
    const backedUp = fingerprint(db);
    db.close();
    damageFile(file);
    const damagedHash = fileHash(file);
    const keptAs = await restoreFile(file, taken!, later(0, 2));
    expect(fileHash(keptAs)).toBe(damagedHash);
    const restored = openDatabase(file);
    expect(fingerprint(restored)).toBe(backedUp);
    expect(restored.pragma('quick_check', { simple: true })).toBe('ok');
    restored.close();
  });
});

describe('a damaged database at start', () => {
  it('is reported in one line with the newest good backup, and the file is not touched', async () => {
    const { db, file } = sampleDatabase();
    await automaticBackup(db, start);
    const { taken: newest } = await automaticBackup(db, later(1));
    db.close();
    damageFile(file);
    const hash = fileHash(file);
    const message = damagedDatabaseMessage(file, true)!;
    expect(message).not.toContain('\n');
    expect(message).toContain(`The database ${file} is damaged`);
    expect(message).toContain(`The newest good backup is ${newest}`);
    expect(message).toContain(`npm run cli -- restore "${newest}"`);
    expect(fileHash(file)).toBe(hash);

    // A damaged newest backup is passed over for the good one before it.
    damageFile(newest!);
    expect(newestGoodBackup(file)?.name).toBe('pledgewatch.auto.2026-03-01T08-00-00-000Z.sqlite');
    expect(damagedDatabaseMessage(file)).toMatch(
      /newest good backup is .*2026-03-01T08-00-00-000Z\.sqlite\.$/,
    );
  });

  it('says so when there is no good backup, and says nothing about a whole or new file', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'pledgewatch.sqlite');
    expect(damagedDatabaseMessage(file)).toBeNull();
    writeFileSync(file, 'SQLite format 3\0 but not really a database, only the start of one');
    expect(damagedDatabaseMessage(file)).toMatch(/is damaged: .*No good backup of it was found/);
    const { db, file: whole } = sampleDatabase();
    db.close();
    expect(damagedDatabaseMessage(whole)).toBeNull();
  });
});
