// `backup`, `restore` and `check`: copies with SQLite's online backup API, a restore that checks the
// backup and keeps the file it replaces, and integrity checks that never write.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { newBackupPath, takeBackup } from '../../db/backups.ts';
import { DomainError } from '../../db/errors.ts';
import { checkFile } from '../../db/health.ts';
import { openDatabase } from '../../db/open.ts';
import { restoreFile } from '../../db/restore.ts';
import { UsageError } from './usage-error.ts';

export async function backupDatabase(file: string, out?: string): Promise<string> {
  const db = openDatabase(file);
  try {
    return await takeBackup(db, out ?? newBackupPath(file, 'manual'));
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database, after SQLite's checks pass on the backup; the file it
 * replaces is kept in the backups folder. Run it with the app closed: it replaces the file itself.
 */
export async function restoreDatabase(file: string, backup: string | undefined): Promise<number> {
  if (!backup)
    throw new UsageError('restore needs the FILE of a backup (see the backups folder beside the database).');
  if (!existsSync(backup)) throw new UsageError(`restore: there is no backup at ${backup}.`);
  if (resolve(backup) === resolve(file)) throw new UsageError(`restore: ${backup} is the database itself.`);
  let keptAs: string;
  try {
    keptAs = await restoreFile(file, backup);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`Pledgewatch: ${error.message} ${file} has not been changed.`);
    return 1;
  }
  // Opening migrates a backup taken by an older version, as the app would.
  openDatabase(file).close();
  console.log(`Restored ${file} from ${backup}. The database as it was is kept as ${keptAs}.`);
  return 0;
}

/** Prints what is wrong and returns a non-zero exit code for a damaged or foreign file. */
export function checkDatabase(file: string): number {
  if (!existsSync(file)) {
    console.error(`Pledgewatch: there is no database at ${file}.`);
    return 1;
  }
  const { problems, version } = checkFile(file);
  if (problems.length > 0) {
    console.error(`Pledgewatch: ${file} is damaged:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`${file}: ok (schema version ${version})`);
  return 0;
}
