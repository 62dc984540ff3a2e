// The order of the shared log: a reader that pulls "seq > cursor" while twenty writers commit out of order
// sees every change exactly once, and the same workload without the trigger's lock loses changes.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLogLockClass } from './server-schema-v1.ts';
import { TeamServer } from './testing/team-server.ts';

let team: TeamServer;

const writers = 20;
const transactionsPerWriter = 8;
const dossier = 'd-order';

beforeAll(async () => {
  team = await TeamServer.start([]);
  const admin = await team.admin();
  await admin.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ($1, 'Order')`, [dossier]);
  // The same log, numbered the same way, minus the advisory lock: what a naive design would do.
  await admin.query(`
    CREATE SCHEMA lockless;
    CREATE TABLE lockless.change (LIKE pledgewatch.change INCLUDING ALL);
    CREATE SEQUENCE lockless.change_seq;
    CREATE FUNCTION lockless.stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.seq := nextval('lockless.change_seq');
      NEW.author := session_user;
      NEW.received_at := clock_timestamp();
      RETURN NEW;
    END $$;
    CREATE TRIGGER change_stamp BEFORE INSERT ON lockless.change
      FOR EACH ROW EXECUTE FUNCTION lockless.stamp_change();
  `);
  await team.close(admin);
  await team.setUp([
    { name: 'walt', write: true, dossier: 'Order' },
    { name: 'rita', write: false, dossier: 'Order' },
  ]);
});
afterAll(() => team?.destroy());

/** One writer: transactions of 1–3 changes; in half of them it waits 0–20 ms after drawing its seq. */
async function write(client: pg.Client, table: string, writer: number, run: number): Promise<string[]> {
  const written: string[] = [];
  for (let t = 0; t < transactionsPerWriter; t++) {
    await client.query('BEGIN');
    const rows = 1 + Math.floor(Math.random() * 3);
    for (let r = 0; r < rows; r++) {
      const uid = `${table}-${run}-${writer}-${t}-${r}`;
      await client.query(
        `INSERT INTO ${table} (dossier_uid, change_uid, origin, author, received_at, entity, entity_uid, op, payload)
         VALUES ($1, $2, 'laptop', '', now(), 'status_update', $2, 'insert', '{}')`,
        [dossier, uid],
      );
      written.push(uid);
    }
    if (Math.random() < 0.5) await client.query('SELECT pg_sleep($1)', [Math.random() * 0.02]);
    await client.query('COMMIT');
  }
  return written;
}

/** Runs the writers while the reader pulls with a cursor; returns what was written and what was read. */
async function race(table: string, reader: pg.Client, writerClients: pg.Client[], run: number) {
  let writing = true;
  const all = Promise.all(writerClients.map((client, i) => write(client, table, i, run))).finally(() => {
    writing = false;
  });
  const read: string[] = [];
  let cursor = '0';
  let pulls = 0;
  const deadline = Date.now() + 30_000;
  const pull = async () => {
    const { rows } = await reader.query<{ seq: string; change_uid: string }>(
      `SELECT seq, change_uid FROM ${table} WHERE dossier_uid = $1 AND seq > $2 ORDER BY seq`,
      [dossier, cursor],
    );
    pulls += 1;
    for (const row of rows) read.push(row.change_uid);
    if (rows.length) cursor = rows[rows.length - 1]!.seq;
  };
  while (writing && Date.now() < deadline) await pull();
  const written = (await all).flat();
  await pull();
  return { written, read, pulls };
}

describe('the order of the shared log', () => {
  it('lets a reader with a cursor see every change exactly once while 20 writers commit out of order', async () => {
    const writerClients = await Promise.all(Array.from({ length: writers }, () => team.as('walt')));
    const reader = await team.as('rita');
    const { written, read, pulls } = await race('pledgewatch.change', reader, writerClients, 1);
    expect(written.length).toBeGreaterThanOrEqual(writers * transactionsPerWriter);
    expect(pulls).toBeGreaterThan(5);
    expect(new Set(read).size).toBe(read.length);
    expect([...read].sort()).toEqual([...written].sort());
    // The lock is the one the trigger takes: its class is what the log's comment promises.
    const admin = await team.admin();
    const source = await admin.query(
      `SELECT prosrc FROM pg_proc WHERE proname = 'stamp_change' AND prosrc LIKE $1`,
      [`%pg_advisory_xact_lock(${changeLogLockClass}, hashtext(NEW.dossier_uid))%nextval%`],
    );
    expect(source.rowCount).toBe(1);
  });

  it('can fail: without the lock, the same reader misses changes that commit late with a lower seq', async () => {
    const writerClients = await Promise.all(Array.from({ length: writers }, () => team.admin()));
    const reader = await team.admin();
    let missed = 0;
    for (let attempt = 1; attempt <= 5 && missed === 0; attempt++) {
      const { written, read } = await race('lockless.change', reader, writerClients, attempt);
      const seen = new Set(read);
      missed = written.filter((uid) => !seen.has(uid)).length;
    }
    expect(missed).toBeGreaterThan(0);
  });
});
