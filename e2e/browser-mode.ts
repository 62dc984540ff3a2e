// A fixture that starts `npm run web`'s server on a fresh temporary database for each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface BrowserMode {
  url: string;
  db: string;
  /** Runs the CLI against the same database, e.g. to load the sample. */
  cli: (...args: string[]) => Promise<string>;
}

function run(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`${args.join(' ')}: ${output}`))));
  });
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['electron/web/main.ts', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
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

export const test = base.extend<{ app: BrowserMode; sample: boolean }>({
  sample: [false, { option: true }],
  app: async ({ sample }, use) => {
    const db = join(mkdtempSync(join(tmpdir(), 'pledgewatch-e2e-')), 'pledgewatch.sqlite');
    const cli = (...args: string[]) => run(['electron/cli/main.ts', ...args, '--db', db]);
    if (sample) await cli('sample');
    const server = await startServer(db);
    await use({ url: server.url, db, cli });
    server.child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
