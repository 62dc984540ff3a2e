// Before the app opens its database for writing: a damaged file is reported, with the newest good backup,
// and left exactly as it is (opening it for writing could checkpoint into it, or migrate it).
import { existsSync, statSync } from 'node:fs';
import { newestGoodBackup } from './backups.ts';
import { checkFile } from './health.ts';

/**
 * One line saying what is wrong and where the newest good backup is, or null when the file is whole (or
 * not made yet). With `commandLine`, it also says how to restore it from the command line.
 */
export function damagedDatabaseMessage(file: string, commandLine = false): string | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  return messageOfProblems(file, checkFile(file).problems, commandLine);
}

/** The line damagedDatabaseMessage says for the problems found in a file; null when there are none. */
export function messageOfProblems(file: string, problems: string[], commandLine = false): string | null {
  if (problems.length === 0) return null;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  const backup = newestGoodBackup(file);
  const restore = commandLine
    ? `: restore it with npm run cli -- restore "${backup?.path}" --db "${file}"`
    : '';
  const advice = backup
    ? `The newest good backup is ${backup.path}${restore}.`
    : 'No good backup of it was found in the backups folder beside it.';
  const first = (problems[0] ?? '').replace(/\s+/g, ' ').replace(/\.$/, '');
  return `The database ${file} is damaged: ${first}${more}. It has not been changed. ${advice}`;
}
