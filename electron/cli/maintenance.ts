// `backup` and `check`: copies with SQLite's online backup API, and integrity checks that never write.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';

export async function backupDatabase(file: string, out?: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = out ?? join(dirname(file), 'backups', `${basename(file, '.sqlite')}.${stamp}.sqlite`);
  mkdirSync(dirname(target), { recursive: true });
  const db = openDatabase(file);
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

/** Prints what is wrong and returns a non-zero exit code for a damaged or foreign file. */
export function checkDatabase(file: string): number {
  if (!existsSync(file)) {
    console.error(`Pledgewatch: there is no database at ${file}.`);
    return 1;
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    console.error(`Pledgewatch: ${file} cannot be opened: ${(error as Error).message}`);
    return 1;
  }
  try {
    const problems = [
      ...(db.pragma('quick_check') as { quick_check: string }[])
        .map((row) => row.quick_check)
        .filter((line) => line !== 'ok'),
      ...(db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
        (row) => `${row.table} row ${row.rowid} points at a missing ${row.parent}`,
      ),
    ];
    if (problems.length > 0) {
      console.error(`Pledgewatch: ${file} is damaged:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    console.log(`${file}: ok (schema version ${db.pragma('user_version', { simple: true })})`);
    return 0;
  } catch (error) {
    console.error(
      `Pledgewatch: ${file} is damaged or not a Pledgewatch database: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    db.close();
  }
}
