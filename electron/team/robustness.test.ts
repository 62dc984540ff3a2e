// Team sync when things go wrong, against a real PostgreSQL: the server crashing in the middle of a
// push, a client killed in the middle of a pull, twenty writers at once under a reader, a forged author,
// an acknowledgement lost on its way back, and two machines recording a status the same day.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCommitment } from '../../db/edits.ts';
import { openDatabase } from '../../db/open.ts';
import { newCommitment, temporaryDatabase } from '../../db/testing.ts';
import { teamLink, type TeamLink } from './changes.ts';
import { joinDossier, teamStatus } from './share.ts';
import { statusRef } from './portable.ts';
import { pullLog, pushOutbox, syncDossier } from './sync.ts';
import {
  commitmentIds,
  grantAndJoin,
  recordStatus,
  shareNewDossier,
  statusId,
  syncAs,
} from './testing/clients.ts';
import { cutAtQuery } from './testing/cut.ts';
import { dossierDigest } from './testing/digest.ts';
import { startCluster } from './testing/pg-cluster.ts';
import { TeamServer } from './testing/team-server.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

let server: TeamServer;

beforeAll(async () => {
  server = new TeamServer(await startCluster());
  await server.setUp([
    { name: 'alice', write: true },
    { name: 'bob', write: true },
  ]);
}, 120_000);

afterAll(async () => {
  await server?.closeAll();
  await server?.cluster.destroy();
});

/** Polls until `check` holds; fails after `ms`, naming what it waited for. */
async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function onServer<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const admin = await server.admin();
  try {
    return (await admin.query<T>(sql, values)).rows;
  } finally {
    await server.close(admin);
  }
}

async function logCounts(dossierUid: string): Promise<{ changes: number; distinct: number; last: number }> {
  const [row] = await onServer<{ changes: string; distinct: string; last: string | null }>(
    `SELECT count(*) AS changes, count(DISTINCT change_uid) AS distinct, max(seq) AS last
       FROM pledgewatch.change WHERE dossier_uid = $1`,
    [dossierUid],
  );
  return { changes: Number(row!.changes), distinct: Number(row!.distinct), last: Number(row!.last ?? 0) };
}

/** Status updates the server holds for the dossier: entity uid → how many create entries. */
async function statusUpdatesOnServer(dossierUid: string): Promise<Map<string, number>> {
  const rows = await onServer<{ uid: string; n: string }>(
    `SELECT entity_uid AS uid, count(*) AS n FROM pledgewatch.change
      WHERE dossier_uid = $1 AND entity = 'status_update' AND op = 'create' GROUP BY entity_uid`,
    [dossierUid],
  );
  return new Map(rows.map((row) => [row.uid, Number(row.n)]));
}

function localStatusUpdateUids(db: Database, dossierId: number): string[] {
  return db
    .prepare(
      `SELECT u.uid FROM status_update u JOIN commitment c ON c.id = u.commitment_id
        WHERE c.dossier_id = ? ORDER BY u.uid`,
    )
    .pluck()
    .all(dossierId) as string[];
}

const unsent = (db: Database, dossierId: number) =>
  teamStatus(db).find((status) => status.dossier_id === dossierId)!.unsent;

/** Day `n` after 1 Jan 2025: every status update its own date, where a test needs them apart. */
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);

describe('a push cut off by a server crash', () => {
  it('loses none of 20,000 changes and stores none twice, and a new member ends the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Crash', 4);
    const shared = await logCounts(link.dossierUid);
    const commitments = commitmentIds(alice, link.dossierId);
    alice.transaction(() => {
      for (let index = 0; index < 20_000; index += 1) {
        recordStatus(alice, commitments[index % 4]!, 'in progress', '2025-03-01', `Update ${index}`);
      }
    })();
    expect(unsent(alice, link.dossierId)).toBe(20_000);

    const client = await server.as('alice');
    const push = syncDossier(client, alice, link.dossierId, { pushBatch: 500 });
    let settled = false;
    push.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Crash the server once it holds 5,000 of them, watching on a connection of its own.
    const watcher = await server.admin();
    await waitFor(async () => {
      if (settled) throw new Error('The push ended before the server could be killed under it.');
      const { rows } = await watcher.query<{ n: string }>(
        'SELECT count(*) AS n FROM pledgewatch.change WHERE dossier_uid = $1',
        [link.dossierUid],
      );
      return Number(rows[0]!.n) >= shared.changes + 5_000;
    }, 'the server to hold 5,000 of the changes');
    await server.cluster.kill();
    await expect(push).rejects.toMatchObject({ name: 'TeamError', code: 'server_unreachable' });
    await server.closeAll();
    // Some batches were acknowledged before the crash, and some were not.
    const left = unsent(alice, link.dossierId);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(20_000 - 4_500);
    expect(teamStatus(alice)[0]!.last_error).toMatch(/Cannot reach/);

    await server.cluster.start();
    await syncAs(server, 'alice', alice, { pushBatch: 500 });
    expect(unsent(alice, link.dossierId)).toBe(0);
    expect(await logCounts(link.dossierUid)).toMatchObject({
      changes: shared.changes + 20_000,
      distinct: shared.changes + 20_000,
    });
    const onServerNow = await statusUpdatesOnServer(link.dossierUid);
    const local = localStatusUpdateUids(alice, link.dossierId);
    expect(local).toHaveLength(20_004);
    expect([...onServerNow.keys()].sort()).toEqual(local);
    expect([...onServerNow.values()].every((count) => count === 1)).toBe(true);

    const bob = temporaryDatabase().db;
    await grantAndJoin(server, 'bob', bob, 'Crash');
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  }, 90_000);
});

describe('a pull cut off by killing its process', () => {
  it('leaves a sound file whose cursor matches what it applied, and the next pull ends the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Killed pull', 3);
    const commitments = commitmentIds(alice, link.dossierId);
    alice.transaction(() => {
      for (let index = 0; index < 6_000; index += 1) {
        recordStatus(alice, commitments[index % 3]!, 'stalled', '2025-04-01', `Update ${index}`);
      }
    })();
    await syncAs(server, 'alice', alice);
    const { last } = await logCounts(link.dossierUid);
    const [{ first }] = (await onServer<{ first: string }>(
      'SELECT min(seq) AS first FROM pledgewatch.change WHERE dossier_uid = $1',
      [link.dossierUid],
    )) as [{ first: string }];

    // Bob joins (nothing pulled yet), then his pull runs in a process of its own.
    const { db: joining, file } = temporaryDatabase();
    const admin = await server.admin();
    const { addMember } = await import('./members.ts');
    await addMember(admin, { name: 'bob', write: true, dossier: 'Killed pull' });
    await server.close(admin);
    const bobClient = await server.as('bob');
    const joined = await joinDossier(bobClient, joining, 'Killed pull', server.cluster.urlFor('bob'));
    await server.close(bobClient);
    joining.close();

    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, 'testing', 'pull-child.ts'),
        file,
        server.cluster.urlFor('bob'),
        String(joined.dossierId),
        '100',
      ],
      { env: { ...process.env, PGPASSWORD: 'bob-pw' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    const watcher = openDatabase(file, { readonly: true });
    const cursor = () =>
      (
        watcher.prepare('SELECT cursor FROM team_link WHERE dossier_id = ?').get(joined.dossierId) as {
          cursor: number;
        }
      ).cursor;
    const quarter = Number(first) + (last - Number(first)) / 4;
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    await waitFor(() => {
      if (exitedEarly) throw new Error(`The pull ended before it could be killed: ${output}`);
      return cursor() > quarter;
    }, 'the pull to pass a quarter of the log');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const cursorAtKill = cursor();
    watcher.close();
    expect(cursorAtKill).toBeLessThan(last);

    const bob = openDatabase(file);
    expect(bob.pragma('quick_check', { simple: true })).toBe('ok');
    // The cursor moved in the same transaction as the changes it covers: exactly those are here.
    const cursorNow = teamLink(bob, joined.dossierId)!.cursor;
    const kept = bob
      .prepare('SELECT count(*) AS n, max(seq) AS last FROM team_log WHERE dossier_id = ?')
      .get(joined.dossierId) as { n: number; last: number };
    const [{ upTo }] = (await onServer<{ upTo: string }>(
      'SELECT count(*) AS "upTo" FROM pledgewatch.change WHERE dossier_uid = $1 AND seq <= $2',
      [link.dossierUid, cursorNow],
    )) as [{ upTo: string }];
    expect(kept).toEqual({ n: Number(upTo), last: cursorNow });
    expect(kept.n).toBeGreaterThan(0);

    const client = await server.as('bob');
    await pullLog(client, bob, joined.dossierId);
    await server.close(client);
    expect(teamLink(bob, joined.dossierId)!.cursor).toBe(last);
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
    bob.close();
  }, 90_000);
});

describe('twenty writers pushing at once under a reader', () => {
  it('lets the reader miss nothing and see each status update once, and all end the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Crowd', 5);
    const writers: { login: string; db: Database; link: TeamLink; uids: string[] }[] = [];
    for (let index = 1; index <= 20; index += 1) {
      const login = `writer${String(index).padStart(2, '0')}`;
      const db = temporaryDatabase().db;
      writers.push({ login, db, link: await grantAndJoin(server, login, db, 'Crowd'), uids: [] });
    }
    const reader = temporaryDatabase().db;
    const readerLink = await grantAndJoin(server, 'rita', reader, 'Crowd', false);
    const before = localStatusUpdateUids(reader, readerLink.dossierId).length;

    // 50 to 100 each, on every commitment; each on a day of its own (see the tie below).
    for (const [index, writer] of writers.entries()) {
      const commitments = commitmentIds(writer.db, writer.link.dossierId);
      const count = 50 + ((index * 37) % 51);
      for (let n = 0; n < count; n += 1) {
        const id = recordStatus(
          writer.db,
          commitments[n % commitments.length]!,
          'in progress',
          day(index * 100 + n),
          `${writer.login} #${n}`,
        );
        writer.uids.push(
          (writer.db.prepare('SELECT uid FROM status_update WHERE id = ?').get(id) as { uid: string }).uid,
        );
      }
    }

    let pushing = true;
    const pushes = Promise.all(
      writers.map(async (writer) => {
        const client = await server.as(writer.login);
        try {
          return await pushOutbox(client, writer.db, writer.link, { pushBatch: 10 });
        } finally {
          await server.close(client);
        }
      }),
    ).finally(() => (pushing = false));
    const readerClient = await server.as('rita');
    let pulledWhilePushing = 0;
    for (let round = 0; pushing && round < 100_000; round += 1) {
      const pulled = await pullLog(readerClient, reader, readerLink.dossierId, { pullBatch: 25 });
      if (pushing) pulledWhilePushing += pulled;
    }
    const pushed = await pushes;
    await pullLog(readerClient, reader, readerLink.dossierId, { pullBatch: 25 });
    await server.close(readerClient);

    const written = writers.flatMap((writer) => writer.uids);
    expect(pushed.reduce((sum, n) => sum + n, 0)).toBe(written.length);
    expect(pulledWhilePushing).toBeGreaterThan(0);
    const seen = localStatusUpdateUids(reader, readerLink.dossierId);
    expect(seen).toHaveLength(before + written.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(written));
    const { changes, last } = await logCounts(link.dossierUid);
    expect(reader.prepare('SELECT count(*) AS n FROM team_log').get()).toEqual({ n: changes });
    expect(teamLink(reader, readerLink.dossierId)!.cursor).toBe(last);

    const theirs = dossierDigest(reader, link.dossierUid);
    await syncAs(server, 'alice', alice);
    expect(dossierDigest(alice, link.dossierUid)).toEqual(theirs);
    for (const writer of writers) {
      await syncAs(server, writer.login, writer.db);
      expect(dossierDigest(writer.db, link.dossierUid)).toEqual(theirs);
    }
  }, 90_000);
});

describe('a forged author', () => {
  it('is overwritten by the server, and every machine records who really wrote', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Forgery', 2);
    const bob = temporaryDatabase().db;
    const bobs = await grantAndJoin(server, 'bob', bob, 'Forgery');
    const [commitment] = commitmentIds(alice, link.dossierId);
    const commitmentUid = (
      alice.prepare('SELECT uid FROM commitment WHERE id = ?').get(commitment) as {
        uid: string;
      }
    ).uid;

    // Bob writes straight into the log, claiming to be Alice, with a number and a time of his own.
    const forged = randomUUID();
    const client = await server.as('bob');
    await client.query(
      `INSERT INTO pledgewatch.change (seq, dossier_uid, change_uid, origin, author, received_at, known_seq,
                                       entity, entity_uid, field, op, payload)
       VALUES (999999999, $1, $2, 'alices-laptop', 'alice', '2001-01-01T00:00:00Z', 0,
               'status_update', $3, NULL, 'create', $4)`,
      [
        link.dossierUid,
        `forged:${forged}`,
        forged,
        JSON.stringify({
          commitment: commitmentUid,
          party: null,
          status: statusRef(alice, statusId(alice, 'broken')),
          effective_on: '2025-05-01',
          recorded_at: '2025-05-01T09:00:00.000Z',
          note: 'Alice says it is broken.',
          excerpt: null,
          corrects: null,
          author: 'alice',
          recorded_by: 'alice',
        }),
      ],
    );
    await server.close(client);
    const [row] = await onServer<{ author: string; seq: string; received_at: Date }>(
      'SELECT author, seq, received_at FROM pledgewatch.change WHERE change_uid = $1',
      [`forged:${forged}`],
    );
    expect(row!.author).toBe('bob');
    expect(Number(row!.seq)).toBeLessThan(999999999);
    expect(row!.received_at.getUTCFullYear()).toBeGreaterThanOrEqual(2025);

    // Bob's own file claims he is Alice: what he records still goes down as his once the server has it.
    bob.prepare(`UPDATE team_link SET member = 'alice'`).run();
    const tampered = recordStatus(bob, commitmentIds(bob, bobs.dossierId)[0]!, 'stalled', '2025-05-02');
    const written = bob.prepare('SELECT uid, recorded_by FROM status_update WHERE id = ?').get(tampered) as {
      uid: string;
      recorded_by: string;
    };
    expect(written.recorded_by).toBe('alice');
    await syncAs(server, 'bob', bob);
    await syncAs(server, 'alice', alice);
    const carol = temporaryDatabase().db;
    await grantAndJoin(server, 'carol', carol, 'Forgery', false);

    for (const db of [alice, bob, carol]) {
      const recordedBy = (uid: string) =>
        (
          db.prepare('SELECT recorded_by FROM status_update WHERE uid = ?').get(uid) as {
            recorded_by: string;
          }
        ).recorded_by;
      expect(recordedBy(forged)).toBe('bob');
      expect(recordedBy(written.uid)).toBe('bob');
    }
    expect(dossierDigest(carol, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  });
});

describe('an acknowledgement lost on its way back', () => {
  // The server stored the new commitment, but the connection died before the client heard so. An edit
  // made then must not fold into the entry the server already has (it would be lost to everyone else).
  it('keeps an edit made afterwards, and every machine ends with it', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Lost acknowledgement', 1);
    const bob = temporaryDatabase().db;
    await grantAndJoin(server, 'bob', bob, 'Lost acknowledgement');
    const added = insertCommitment(alice, newCommitment(link.dossierId, { title: 'As first sent' }));

    const client = await server.as('alice');
    cutAtQuery(client, 4, 'after'); // BEGIN, INSERT, SELECT, COMMIT: cut once COMMIT has answered
    await expect(syncDossier(client, alice, link.dossierId)).rejects.toMatchObject({ name: 'TeamError' });
    await server.close(client);
    const [stored] = await onServer<{ title: string }>(
      `SELECT payload->>'title' AS title FROM pledgewatch.change WHERE dossier_uid = $1 AND entity = 'commitment'
          AND op = 'create' AND payload->>'title' = 'As first sent'`,
      [link.dossierUid],
    );
    expect(stored).toEqual({ title: 'As first sent' });

    updateCommitment(alice, { id: added, title: 'As edited after' });
    await syncAs(server, 'alice', alice);
    await syncAs(server, 'bob', bob);
    const titles = (dossierDigest(bob, link.dossierUid).commitments as { title: string }[]).map(
      (row) => row.title,
    );
    expect(titles).toContain('As edited after');
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  });
});

describe('two status updates effective the same day, recorded apart', () => {
  // A known bug outside the sync code: the status in force (migration 002's triggers) is the latest by
  // effective date and then by LOCAL id, and local ids follow arrival, so two machines pick different
  // ones. Make this an ordinary `it` once a migration breaks the tie by something every machine shares.
  it('end with the same status in force on both machines', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(server, 'alice', alice, 'Same day', 1);
    const bob = temporaryDatabase().db;
    const joined = await grantAndJoin(server, 'bob', bob, 'Same day');
    recordStatus(alice, commitmentIds(alice, link.dossierId)[0]!, 'stalled', '2025-06-01');
    recordStatus(bob, commitmentIds(bob, joined.dossierId)[0]!, 'in progress', '2025-06-01');
    await syncAs(server, 'alice', alice);
    await syncAs(server, 'bob', bob);
    await syncAs(server, 'alice', alice);
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  });
});
