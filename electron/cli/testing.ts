// Test support for the command line: the CLI run as the analyst runs it, in a child process with no
// PLEDGEWATCH_DB of its own, and the fingerprint of the database file it wrote.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fingerprint } from '../../db/testing.ts';

const entry = join(import.meta.dirname, 'main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- ARGS` and waits for it; extra variables join the environment. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLEDGEWATCH_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same without blocking: for a test whose servers (feeds, Zotero) answer from its own process. */
export function cliAsync(args: string[]): Promise<CliRun & { code: number }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { ...process.env, PLEDGEWATCH_DB: '' } },
      (error, stdout, stderr) =>
        done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

/** The fingerprint of the database in a file, read without changing it. */
export function fingerprintOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return fingerprint(db);
  } finally {
    db.close();
  }
}
