// The handlers of the command line's own operations: plain functions over the database file itself,
// which they open (or not) as the operation needs: a check reads it, a restore replaces it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { takeBackup } from '../../db/backups.ts';
import { DomainError } from '../../db/errors.ts';
import { checkFile } from '../../db/health.ts';
import { openDatabase } from '../../db/open.ts';
import { restoreFile } from '../../db/restore.ts';
import type { OutputOf, ParsedInputOf } from './contract.ts';
import type { CommandLineOperationName } from './operation-names.ts';

export type CommandLineHandlers = {
  [Name in CommandLineOperationName]: (
    file: string,
    input: ParsedInputOf<Name>,
  ) => OutputOf<Name> | Promise<OutputOf<Name>>;
};

export const commandLineHandlers: CommandLineHandlers = {
  checkDatabaseFile: (file) => checkFile(file),
  restoreDatabaseFile: async (file, { backup }) => {
    if (!existsSync(backup)) throw new DomainError('not_found', `There is no backup at ${backup}.`, 'backup');
    if (resolve(backup) === resolve(file)) {
      throw new DomainError('invalid_input', `${backup} is the database itself.`, 'backup');
    }
    let keptAs: string;
    try {
      keptAs = await restoreFile(file, backup);
    } catch (error) {
      // The backup's own fault (damaged, foreign, newer): said of the field that named it.
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, 'backup');
      throw error;
    }
    // Opening migrates a backup taken by an older version, as the app would.
    openDatabase(file).close();
    return { restored: backup, keptAs };
  },
  backupDatabaseFile: async (file, { out }) => {
    if (!existsSync(file)) throw new DomainError('not_found', `There is no database at ${file} to back up.`);
    if (resolve(out) === resolve(file)) {
      throw new DomainError('invalid_input', `${out} is the database itself: name another file.`, 'out');
    }
    const db = openDatabase(file);
    try {
      return { path: await takeBackup(db, out) };
    } finally {
      db.close();
    }
  },
};
