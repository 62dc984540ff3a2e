// Background sync against a real PostgreSQL: a local write is pushed on the next look at the outbox,
// including a write made after a push emptied the outbox and before the watcher looked again; and after
// the server restarts, sync and listening come back on their own within seconds, not at the minute.
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { BackgroundSync } from './background.ts';
import { teamLinks } from './changes.ts';
import { commitmentIds, grantAndJoin, recordStatus, shareNewDossier, syncAs } from './testing/clients.ts';
import { TeamServer } from './testing/team-server.ts';

let server: TeamServer;
const password = process.env.PGPASSWORD;

beforeAll(async () => {
  server = await TeamServer.start([{ name: 'alice', write: true }]);
  // Background sync finds the password where libpq would.
  process.env.PGPASSWORD = 'alice-pw';
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  if (password === undefined) delete process.env.PGPASSWORD;
  else process.env.PGPASSWORD = password;
  await server?.destroy();
});

/** Polls until `done` holds, for at most `ms`; false if it never did. */
async function within(ms: number, done: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done();
}

const notes = (db: Database) => db.prepare('SELECT note FROM status_update').pluck().all() as string[];

const unsent = (db: Database) =>
  (db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;

it('pushes a write made right after a push emptied the outbox, on the next look at it', async () => {
  const db = temporaryDatabase().db;
  const link = await shareNewDossier(server, 'alice', db, 'Background', 1);
  const [commitment] = commitmentIds(db, link.dossierId);
  // Only the timers are ours to move; the connections run for real.
  vi.useFakeTimers({ toFake: ['setInterval'] });
  const background = new BackgroundSync(db, { outboxPollMs: 1_000, intervalMs: 3_600_000 });
  const quiet = async () => {
    // Let the notification of our own push arrive and its sync finish, so only the watcher can sync.
    await background.settled();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await background.settled();
  };
  try {
    background.start();
    await quiet();
    vi.advanceTimersByTime(1_000); // the watcher's first look: an empty outbox
    recordStatus(db, commitment!, 'stalled', '2025-05-01', 'First');
    vi.advanceTimersByTime(1_000);
    await quiet();
    expect(unsent(db)).toBe(0);
    // The outbox emptied and the watcher has not looked since: the next entry takes the same id.
    recordStatus(db, commitment!, 'in progress', '2025-05-02', 'Second');
    expect(unsent(db)).toBe(1);
    vi.advanceTimersByTime(1_000);
    await quiet();
    expect(unsent(db)).toBe(0);
  } finally {
    await background.stop();
  }
});

it('comes back by itself after the server restarts: pushes what waited and hears the others again', async () => {
  const alice = temporaryDatabase().db;
  const link = await shareNewDossier(server, 'alice', alice, 'Restarts', 1);
  const bob = temporaryDatabase().db;
  const joined = await grantAndJoin(server, 'bob', bob, 'Restarts');
  // The minute never comes in this test: only the retries can bring sync back.
  const background = new BackgroundSync(alice, { intervalMs: 3_600_000, outboxPollMs: 100, retryMs: 200 });
  try {
    background.start();
    await background.settled();
    await server.closeAll();
    await server.cluster.stop();
    recordStatus(alice, commitmentIds(alice, link.dossierId)[0]!, 'stalled', '2025-05-01', 'Written offline');
    expect(await within(3_000, () => teamLinks(alice)[0]!.lastError !== null)).toBe(true);
    expect(unsent(alice)).toBe(1);

    await server.cluster.start();
    expect(await within(10_000, () => unsent(alice) === 0)).toBe(true);
    await syncAs(server, 'bob', bob);
    expect(notes(bob)).toContain('Written offline');

    // Bob writes after the restart; Alice's app hears of it without waiting for the minute.
    recordStatus(bob, commitmentIds(bob, joined.dossierId)[0]!, 'in progress', '2025-05-02', 'Heard again');
    await syncAs(server, 'bob', bob);
    expect(await within(10_000, () => notes(alice).includes('Heard again'))).toBe(true);
  } finally {
    await background.stop();
  }
}, 60_000);
