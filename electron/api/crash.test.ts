// Crash safety with real processes: a child writes (status updates through the API; one large import in
// one transaction) and is killed with SIGKILL at a random moment; the database is then reopened and must
// be whole, hold every write the child had acknowledged, and hold all of the import or none of it.
// (A process crash: losing power is synchronous=FULL's part, which a test here cannot pull the plug on.)
//
// Rounds: PLEDGEWATCH_CRASH_ROUNDS per kind of writer, 8 by default (what `npm test` runs, some 20 s).
// The long local run, 200 rounds of each (about half an hour on two busy cores):
//   PLEDGEWATCH_CRASH_ROUNDS=200 npx vitest run electron/api/crash.test.ts
// PLEDGEWATCH_CRASH_SEED repeats the random delays of a run (its seed is printed with the summary).
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { damagedDatabaseMessage } from '../../db/start-check.ts';
import { temporaryFolder } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';

const rounds = Number(process.env.PLEDGEWATCH_CRASH_ROUNDS ?? 8);
const seed = Number(process.env.PLEDGEWATCH_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const importSize = 3_000;
const writer = join(import.meta.dirname, 'crash-writer.ts');

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function randomFrom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = randomFrom(seed);

const totals = { kills: 0, acknowledged: 0, importsWhole: 0, importsNone: 0, importsCutShort: 0 };

interface Run {
  lines: string[];
  stderr: string;
  killed: boolean;
  code: number | null;
}

/** Starts the writer, kills it `delay` ms after it says "ready" (unless it ends first), and waits for it. */
function runAndKill(args: string[], delay: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (timer === undefined && stdout.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.split('\n');
      // A line cut in half by the kill was not acknowledged.
      lines.pop();
      done({ lines, stderr, killed: signal === 'SIGKILL', code });
    });
  });
}

/** What the app would do on its next start: check the file, then open it (recovering the WAL). */
function reopen(file: string) {
  expect(damagedDatabaseMessage(file)).toBeNull();
  const db = openDatabase(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

/** Reopens the database as the app would and counts what the import marked `mark` left. */
function countImported(file: string, mark: string) {
  const db = reopen(file);
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get(mark) as number;
    return {
      commitments: count(
        'SELECT count(*) FROM commitment c JOIN dossier d ON d.id = c.dossier_id WHERE d.name = ?',
      ),
      updates: count(
        `SELECT count(*) FROM status_update u JOIN commitment c ON c.id = u.commitment_id
           JOIN dossier d ON d.id = c.dossier_id WHERE d.name = ?`,
      ),
      dossiers: count('SELECT count(*) FROM dossier WHERE name = ?'),
    };
  } finally {
    db.close();
  }
}

let sampleFile: string;
beforeAll(() => {
  sampleFile = join(temporaryFolder(), 'sample.sqlite');
  const db = openDatabase(sampleFile);
  loadSample(db);
  db.close();
});

afterAll(() => {
  console.log(
    `crash loop (seed ${seed}): ${rounds} rounds of each writer, ${totals.kills} kills, ` +
      `${totals.acknowledged} acknowledged writes found after reopening; imports of ${importSize} ` +
      `commitments: ${totals.importsWhole} whole, ${totals.importsNone} left nothing ` +
      `(${totals.importsCutShort} of them killed mid-transaction)`,
  );
});

const roundTimeout = 30_000;

describe('a writer killed at a random moment', () => {
  it(
    'leaves a whole database holding every status update and commitment it acknowledged',
    async () => {
      const file = join(temporaryFolder(), 'pledgewatch.sqlite');
      copyFileSync(sampleFile, file);
      for (let round = 0; round < rounds; round += 1) {
        const run = await runAndKill(['updates', file], 20 + random() * 400);
        expect(run.stderr, `round ${round} (seed ${seed})`).toBe('');
        expect(run.killed).toBe(true);
        totals.kills += 1;
        const acknowledged = run.lines
          .slice(1)
          .map((line) => line.split(' ') as ['update' | 'commitment', string]);
        const db = reopen(file);
        const hasUpdate = db.prepare('SELECT note FROM status_update WHERE id = ?').pluck();
        const hasCommitment = db.prepare('SELECT title FROM commitment WHERE id = ?').pluck();
        for (const [kind, id] of acknowledged) {
          const found = (kind === 'update' ? hasUpdate : hasCommitment).get(Number(id));
          expect(found, `round ${round}: acknowledged ${kind} ${id} (seed ${seed})`).toMatch(/^Acknowledged/);
        }
        totals.acknowledged += acknowledged.length;
        db.close();
      }
    },
    rounds * roundTimeout,
  );

  it(
    'leaves all of an import or nothing of it',
    async () => {
      const file = join(temporaryFolder(), 'pledgewatch.sqlite');
      copyFileSync(sampleFile, file);
      // A first import, not killed, says how long one takes on this machine.
      const measured = await runAndKill(['import', file, 'Import 0', String(importSize)], 60_000);
      expect(measured.stderr).toBe('');
      const duration = Number(/imported in (\d+) ms/.exec(measured.lines.join('\n'))?.[1]);
      expect(duration).toBeGreaterThan(0);
      const whole = countImported(file, 'Import 0');
      expect(whole.commitments).toBe(importSize);
      for (let round = 1; round <= rounds; round += 1) {
        // Each import into the sample as it was, so a long run does not slow down as imports pile up
        // (and no WAL of the round before left beside it).
        for (const leftover of [`${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
        copyFileSync(sampleFile, file);
        const mark = `Import ${round}`;
        // Mostly inside the transaction, sometimes just after it committed; the first surely inside.
        const delay = round === 1 ? duration / 2 : random() * duration * 1.2;
        const run = await runAndKill(['import', file, mark, String(importSize)], delay);
        expect(run.stderr, `round ${round} (seed ${seed})`).toBe('');
        const finished = run.lines.some((line) => line.startsWith('imported'));
        if (run.killed) totals.kills += 1;
        const found = countImported(file, mark);
        const message = `round ${round} (seed ${seed}): ${JSON.stringify(found)}`;
        const nothing = { commitments: 0, updates: 0, dossiers: 0 };
        if (finished) expect(found, message).toEqual(whole);
        else expect([nothing, whole], message).toContainEqual(found);
        if (found.commitments === importSize) totals.importsWhole += 1;
        else totals.importsNone += 1;
        if (!finished && found.commitments === 0) totals.importsCutShort += 1;
      }
      // The kills must have landed inside imports, or this proved nothing.
      expect(totals.importsCutShort).toBeGreaterThan(0);
    },
    (rounds + 1) * roundTimeout,
  );
});
