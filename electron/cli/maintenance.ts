// `backup`, `restore` and `check`: copies with SQLite's online backup API, a restore that checks the
// backup and keeps the file it replaces, and integrity checks that never write; each an API operation.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { call, callOnFile, OperationFailed } from './operations.ts';
import { UsageError } from './usage-error.ts';

/** Into the backups folder beside the database, as the app's "Back up now"; with --out, to that file. */
export async function backupDatabase(file: string, out?: string): Promise<string> {
  if (out !== undefined) {
    return (await callOnFile(file, 'backupDatabaseFile', { out: resolve(out) }, { out: '--out' })).path;
  }
  const db = openDatabase(file);
  try {
    return (await call(db, 'takeBackup', {})).path;
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
    ({ keptAs } = await callOnFile(file, 'restoreDatabaseFile', { backup: resolve(backup) }));
  } catch (error) {
    // Refused before anything was replaced: the backup is damaged, foreign or from a newer version.
    if (!(error instanceof OperationFailed) || error.error.code !== 'invalid_input') throw error;
    console.error(`Pledgewatch: ${error.message} ${file} has not been changed.`);
    return 1;
  }
  console.log(`Restored ${file} from ${backup}. The database as it was is kept as ${keptAs}.`);
  return 0;
}

/** Prints what is wrong and returns a non-zero exit code for a damaged or foreign file. */
export async function checkDatabase(file: string): Promise<number> {
  if (!existsSync(file)) {
    console.error(`Pledgewatch: there is no database at ${file}.`);
    return 1;
  }
  const { problems, version } = await callOnFile(file, 'checkDatabaseFile', {});
  if (problems.length > 0) {
    console.error(`Pledgewatch: ${file} is damaged:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`${file}: ok (schema version ${version})`);
  return 0;
}
