// Backups in the folder `backups/` beside the database: taken with SQLite's online backup API, named by
// the time they were taken, the automatic ones at most daily and rotated to the number the analyst keeps.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { checkFile } from './health.ts';
import type { Backup, BackupKind } from '../electron/domain/model.ts';
import { getSettings } from './settings.ts';

/** The automatic backup is taken at most once in this long. */
export const automaticBackupInterval = 24 * 60 * 60 * 1000;

export function backupsFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/** 2025-11-23T09:30:00.000Z → 2025-11-23T09-30-00-000Z: sorts by time, and is a file name everywhere. */
function stampOf(moment: Date): string {
  return moment.toISOString().replace(/[:.]/g, '-');
}

const stamp = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z`;

const marks: Record<'automatic' | 'manual' | 'before restore', string> = {
  automatic: '.auto',
  manual: '',
  'before restore': '.before-restore',
};

/** Where a new backup of `file` goes: pledgewatch.auto.2025-11-23T09-30-00-000Z.sqlite and the like. */
export function newBackupPath(file: string, kind: keyof typeof marks, now: Date = new Date()): string {
  return join(backupsFolder(file), `${basename(file, '.sqlite')}${marks[kind]}.${stampOf(now)}.sqlite`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads kind and time from a file name; null for files of other databases or not backups at all. */
function parseName(file: string, name: string): Pick<Backup, 'kind' | 'takenAt'> | null {
  const own = new RegExp(
    `^${escape(basename(file, '.sqlite'))}(\\.auto|\\.before-restore)?\\.${stamp}\\.sqlite$`,
  ).exec(name);
  // Copies made before a migration are named by db/open.ts: pledgewatch.sqlite.v3.<time>.sqlite.
  const migration = new RegExp(`^${escape(basename(file))}\\.v\\d+\\.${stamp}\\.sqlite$`).exec(name);
  const match = own ?? migration;
  if (!match) return null;
  const [day, hours, minutes, seconds, millis] = own ? match.slice(2) : match.slice(1);
  const kind: BackupKind = own
    ? own[1] === '.auto'
      ? 'automatic'
      : own[1] === '.before-restore'
        ? 'before restore'
        : 'manual'
    : 'before migration';
  return { kind, takenAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z` };
}

/** Every backup of this database file, newest first; backups of other files in the folder are left out. */
export function listBackups(file: string): Backup[] {
  const folder = backupsFolder(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const parsed = parseName(file, name);
    if (!parsed) continue;
    const path = join(folder, name);
    backups.push({ name, path, ...parsed, bytes: statSync(path).size });
  }
  return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** The backups of an open database; one in memory has none. */
export function backupsOf(db: Database.Database): Backup[] {
  return db.memory ? [] : listBackups(db.name);
}

/**
 * Copies the open database with SQLite's online backup API, which reads a consistent state while the
 * app goes on working. The copy is written under a temporary name and renamed when whole, so a backup
 * cut short (the app quit, the disk filled) never passes for a good one.
 */
export async function takeBackup(db: Database.Database, target: string): Promise<string> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    standAlone(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** The backup carries the live file's WAL mode; a backup is one file, readable without -wal and -shm beside it. */
function standAlone(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface AutomaticBackup {
  /** The backup taken, or null with the reason it was not. */
  taken: string | null;
  skipped?: string;
  /** Automatic backups deleted because more than backupKeep were kept. */
  removed: string[];
}

/** "Back up now" in the app: a manual backup beside the database, never rotated away. */
export async function takeManualBackup(db: Database.Database, now: Date = new Date()): Promise<Backup> {
  if (db.memory) throw new DomainError('invalid_input', 'A database held in memory has no backups.');
  const path = await takeBackup(db, newBackupPath(db.name, 'manual', now));
  const taken = listBackups(db.name).find((backup) => backup.path === path);
  if (!taken) throw new Error(`The backup ${path} was written but is not in the backups folder.`);
  return taken;
}

/** Taken when the app starts and daily while it runs: skipped when the newest is less than a day old. */
export async function automaticBackup(
  db: Database.Database,
  now: Date = new Date(),
): Promise<AutomaticBackup> {
  if (db.memory) return { taken: null, skipped: 'the database is in memory', removed: [] };
  const keep = getSettings(db).backupKeep;
  if (keep === 0) return { taken: null, skipped: 'automatic backups are off', removed: [] };
  const newest = listBackups(db.name).find((backup) => backup.kind === 'automatic');
  const age = newest ? now.getTime() - Date.parse(newest.takenAt) : Number.POSITIVE_INFINITY;
  if (age >= 0 && age < automaticBackupInterval) {
    return {
      taken: null,
      skipped: `the newest automatic backup is less than a day old`,
      removed: rotate(db.name, keep),
    };
  }
  const taken = await takeBackup(db, newBackupPath(db.name, 'automatic', now));
  return { taken, removed: rotate(db.name, keep) };
}

/** Deletes the oldest automatic backups beyond `keep`; other backups are the analyst's to delete. */
function rotate(file: string, keep: number): string[] {
  const extra = listBackups(file)
    .filter((backup) => backup.kind === 'automatic')
    .slice(keep);
  for (const backup of extra) rmSync(backup.path, { force: true });
  return extra.map((backup) => backup.name);
}

/** The newest backup that passes SQLite's checks, for the message about a damaged file. */
export function newestGoodBackup(file: string): Backup | null {
  return listBackups(file).find((backup) => checkFile(backup.path).problems.length === 0) ?? null;
}
