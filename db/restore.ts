// Restoring a backup: the backup is checked first, the current state is kept as a backup of its own, and
// the database then holds exactly what the backup held, all or nothing.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backupsOf, newBackupPath, takeBackup } from './backups.ts';
import { DomainError } from './errors.ts';
import { checkFile } from './health.ts';
import { loadMigrations, schemaVersion } from './migrations.ts';

/** Refuses a backup that is damaged, not a Pledgewatch database, or from a newer Pledgewatch. */
export function checkBackup(backup: string, latestVersion = loadMigrations().length): number {
  const { problems, version } = checkFile(backup);
  if (problems.length > 0 || version === null) {
    throw new DomainError(
      'invalid_input',
      `${basename(backup)} cannot be restored: ${(problems[0] ?? 'it has no schema version').replace(/\s+/g, ' ')}.`,
      'name',
    );
  }
  if (version === 0 || version > latestVersion) {
    throw new DomainError(
      'invalid_input',
      version === 0
        ? `${basename(backup)} cannot be restored: it is not a Pledgewatch database.`
        : `${basename(backup)} cannot be restored: it was written by a newer Pledgewatch (schema version ${version}).`,
      'name',
    );
  }
  return version;
}

/**
 * The command line's restore, with no app holding the database open: the backup is copied to a file
 * beside the database with SQLite's backup API, then renamed over it. The current file (with its WAL,
 * which holds the last commits) is kept first, even when it is damaged.
 */
export async function restoreFile(file: string, backup: string, now: Date = new Date()): Promise<string> {
  checkBackup(backup);
  const keptAs = newBackupPath(file, 'before restore', now);
  mkdirSync(dirname(keptAs), { recursive: true });
  if (existsSync(file)) {
    copyFileSync(file, keptAs);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${keptAs}-wal`);
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  const incoming = `${file}.restoring`;
  try {
    await takeBackup(source, incoming);
  } finally {
    source.close();
  }
  // The old WAL belongs to the old file: left beside the new one, SQLite would replay it into it.
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(incoming, file);
  return keptAs;
}

/** The app's restore: a backup named as listBackups gives it, from the folder beside the database. */
export function restoreBackup(
  db: Database.Database,
  name: string,
  now: Date = new Date(),
): { restored: string; keptAs: string } {
  const backup = backupsOf(db).find((candidate) => candidate.name === name);
  if (!backup)
    throw new DomainError('not_found', `There is no backup named ${name} beside the database.`, 'name');
  return { restored: name, keptAs: basename(restoreIntoOpenDatabase(db, backup.path, now)) };
}

/**
 * Restores into the database the app has open (browser mode's server and the desktop app hold one
 * connection for their whole life, and every API call is synchronous). SQLite's backup API cannot write
 * into a connection that is in use, and writing pages directly is forbidden in defensive mode; so the
 * restore replaces the schema and every row inside ONE transaction on the open connection: another
 * reader sees the database before or after, never between; a failure leaves it as it was. Triggers are
 * created after the rows are copied, so nothing derived is recomputed or refused (status updates are
 * append-only), and the full-text indexes are rebuilt from the restored rows.
 */
export function restoreIntoOpenDatabase(
  db: Database.Database,
  backup: string,
  now: Date = new Date(),
): string {
  // The open database is at this version's latest schema (opening migrated it); the packaged app keeps
  // its migrations elsewhere, so they are not read here.
  const current = schemaVersion(db);
  const version = checkBackup(backup, current);
  if (version !== current) {
    throw new DomainError(
      'invalid_input',
      `${basename(backup)} was taken by another version of Pledgewatch (schema version ${version}, this one ${current}): ` +
        `quit the app and restore it with npm run cli -- restore, which updates it.`,
      'name',
    );
  }
  const keptAs = newBackupPath(db.name, 'before restore', now);
  mkdirSync(dirname(keptAs), { recursive: true });
  // VACUUM INTO is synchronous and reads one consistent state, as an API call here must be.
  db.prepare('VACUUM INTO ?').run(keptAs);
  db.pragma('foreign_keys = OFF'); // cannot change inside a transaction; the copy is checked before commit
  db.prepare('ATTACH DATABASE ? AS restored').run(backup);
  try {
    db.transaction(() => {
      dropEverything(db);
      copyEverything(db);
      db.pragma(`user_version = ${version}`);
      const dangling = db.pragma('main.foreign_key_check') as unknown[];
      if (dangling.length > 0) {
        throw new DomainError(
          'invalid_input',
          `${basename(backup)} has rows pointing at missing rows.`,
          'name',
        );
      }
    })();
  } finally {
    db.exec('DETACH DATABASE restored');
    db.pragma('foreign_keys = ON');
  }
  return keptAs;
}

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  /** The table an index or trigger belongs to. */
  table: string;
  sql: string | null;
}

/** The schema's own objects in the order they were made; SQLite's internal tables and FTS shadow tables left out. */
function schemaOf(db: Database.Database, schema: 'main' | 'restored'): SchemaObject[] {
  const shadow = new Set(
    (db.pragma(`${schema}.table_list`) as { name: string; type: string }[])
      .filter((table) => table.type === 'shadow')
      .map((table) => table.name),
  );
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name AS "table", sql FROM ${schema}.sqlite_schema
        WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all() as SchemaObject[];
  return objects.filter((object) => !shadow.has(object.table));
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function dropEverything(db: Database.Database): void {
  const objects = schemaOf(db, 'main');
  for (const type of ['trigger', 'view', 'table'] as const) {
    for (const object of objects.filter((candidate) => candidate.type === type)) {
      db.exec(`DROP ${type.toUpperCase()} main.${quote(object.name)}`);
    }
  }
  if (hasTable(db, 'main', 'sqlite_sequence')) db.exec('DELETE FROM main.sqlite_sequence');
}

function copyEverything(db: Database.Database): void {
  const objects = schemaOf(db, 'restored');
  const tables = objects.filter((object) => object.type === 'table');
  for (const table of tables) db.exec(table.sql!);
  for (const table of tables) copyRows(db, table);
  if (hasTable(db, 'restored', 'sqlite_sequence') && hasTable(db, 'main', 'sqlite_sequence')) {
    db.exec('DELETE FROM main.sqlite_sequence');
    db.exec('INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence');
  }
  for (const object of objects) {
    if (object.type !== 'table' && object.sql !== null) db.exec(object.sql);
  }
}

/** Rows with their rowids (full-text indexes and references point at them); FTS tables rebuilt. */
function copyRows(db: Database.Database, table: SchemaObject): void {
  const name = quote(table.name);
  if (/^CREATE VIRTUAL TABLE/i.test(table.sql ?? '')) {
    if (!/USING\s+fts5\s*\([^)]*\bcontent\s*=\s*'[^']+'/i.test(table.sql ?? '')) {
      throw new Error(`Restore does not know how to copy the virtual table ${table.name}.`);
    }
    db.exec(`INSERT INTO main.${name} (${name}) VALUES ('rebuild')`);
    return;
  }
  const listed = db.pragma(`restored.table_list(${quote(table.name)})`) as { wr: number }[];
  const columns = (db.pragma(`restored.table_info(${quote(table.name)})`) as { name: string }[])
    .map((column) => quote(column.name))
    .join(', ');
  const withRowid = listed[0]?.wr === 0 ? `rowid, ${columns}` : columns;
  db.exec(`INSERT INTO main.${name} (${withRowid}) SELECT ${withRowid} FROM restored.${name}`);
}

function hasTable(db: Database.Database, schema: string, name: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM ${schema}.sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !==
    undefined
  );
}
