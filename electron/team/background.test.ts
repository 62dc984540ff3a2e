// Background sync against a real PostgreSQL: a local write is pushed on the next look at the outbox,
// including a write made after a push emptied the outbox and before the watcher looked again.
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { BackgroundSync } from './background.ts';
import { commitmentIds, recordStatus, shareNewDossier } from './testing/clients.ts';
import { startCluster } from './testing/pg-cluster.ts';
import { TeamServer } from './testing/team-server.ts';

let server: TeamServer;
const password = process.env.PGPASSWORD;

beforeAll(async () => {
  server = new TeamServer(await startCluster());
  await server.setUp([{ name: 'alice', write: true }]);
  // Background sync finds the password where libpq would.
  process.env.PGPASSWORD = 'alice-pw';
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  if (password === undefined) delete process.env.PGPASSWORD;
  else process.env.PGPASSWORD = password;
  await server?.closeAll();
  await server?.cluster.destroy();
});

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
