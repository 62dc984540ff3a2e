import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from './migrations.ts';
import { DatabaseOpenError, openDatabase } from './open.ts';
import { fileHash, temporaryFolder } from './testing.ts';

const latest = loadMigrations().length;

/** A migrations folder holding the shipped migrations plus extra ones, to test the next upgrade. */
function migrationsWith(extra: Record<string, string>): string {
  const folder = join(temporaryFolder(), 'migrations');
  mkdirSync(folder);
  for (const file of readdirSync(defaultMigrationsDir).filter((name) => name.endsWith('.sql'))) {
    copyFileSync(join(defaultMigrationsDir, file), join(folder, file));
  }
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(folder, name), sql);
  return folder;
}

function seed(file: string): void {
  const db = openDatabase(file);
  db.prepare(`INSERT INTO dossier (name) VALUES ('Kept')`).run();
  db.close();
}

describe('openDatabase', () => {
  it('creates an empty file at the latest schema with the safe pragmas', () => {
    const file = join(temporaryFolder(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const statuses = db.prepare('SELECT name FROM status ORDER BY position').pluck().all();
    expect(statuses).toContain('not yet assessed');
    expect(statuses).toHaveLength(10);
    db.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = join(temporaryFolder(), 'newer.sqlite');
    seed(file);
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    const before = fileHash(file);
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/newer Pledgewatch.*has not been changed/);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a file that is not a database, without changing it', () => {
    const file = join(temporaryFolder(), 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database');
    expect(() => openDatabase(file)).toThrow(/is not a Pledgewatch database/);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database');
  });

  it('backs the file up, then migrates a database that holds data from the version before', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'old.sqlite');
    seed(file);
    const migrationsDir = migrationsWith({
      [`${String(latest + 1).padStart(3, '0')}_dossier_colour.sql`]: `ALTER TABLE dossier ADD COLUMN colour TEXT NOT NULL DEFAULT '#000000';`,
    });
    const db = openDatabase(file, { migrationsDir });
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1);
    expect(db.prepare('SELECT name, colour FROM dossier').all()).toEqual([
      { name: 'Kept', colour: '#000000' },
    ]);
    db.close();
    const backups = readdirSync(join(folder, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(folder, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latest);
    expect(backup.prepare('SELECT name FROM dossier').pluck().all()).toEqual(['Kept']);
    backup.close();
  });

  it('rolls a failing migration back whole and keeps the version before', () => {
    const file = join(temporaryFolder(), 'fails.sqlite');
    seed(file);
    const migrationsDir = migrationsWith({
      [`${String(latest + 1).padStart(3, '0')}_broken.sql`]: `ALTER TABLE dossier ADD COLUMN half TEXT; INSERT INTO no_such_table VALUES (1);`,
    });
    expect(() => openDatabase(file, { migrationsDir })).toThrow(/no_such_table/);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('dossier');
    expect(columns).not.toContain('half');
    db.close();
  });
});
