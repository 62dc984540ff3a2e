// A fixture that starts `npm run web`'s server on a fresh temporary database for each test:
// empty, the sample dossier, or a copy of a generated database of 100,000 commitments; and the same
// pieces for specs that run several servers at once (the team's two analysts).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { generateDatabase } from '../electron/bench/generate.ts';

export interface BrowserMode {
  url: string;
  db: string;
  /** Runs the CLI against the same database, e.g. to load the sample. */
  cli: (...args: string[]) => Promise<string>;
}

/** Runs a Node script of the app (the CLI) with extra environment variables; resolves with its output. */
export function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`${args.join(' ')}: ${output}`))));
  });
}

/** Starts browser mode on a database, with extra environment variables (a member's PGPASSWORD). */
export function startServer(
  db: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['electron/web/main.ts', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const ready = /Pledgewatch ready: (\S+)/.exec(output);
      if (ready) done({ child, url: ready[1]! });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => fail(new Error(`browser mode exited with ${code}: ${output}`)));
  });
}

export const temporaryFile = () =>
  join(mkdtempSync(join(tmpdir(), 'pledgewatch-e2e-')), 'pledgewatch.sqlite');

let largeDatabase: string | undefined;

/** Generated once per worker, on first use: 100,000 commitments with about two status updates each. */
function large(): string {
  if (!largeDatabase) {
    largeDatabase = temporaryFile();
    generateDatabase(largeDatabase, { commitments: 100_000, updatesPerCommitment: 2, sources: 500 });
  }
  return largeDatabase;
}

export const test = base.extend<{ app: BrowserMode; sample: boolean; large: boolean }>({
  sample: [false, { option: true }],
  large: [false, { option: true }],
  app: async ({ sample, large: wantsLarge }, use) => {
    const db = temporaryFile();
    const cli = (...args: string[]) => run(['electron/cli/main.ts', ...args, '--db', db]);
    if (sample) await cli('sample');
    if (wantsLarge) copyFileSync(large(), db);
    const server = await startServer(db);
    await use({ url: server.url, db, cli });
    server.child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
