// Team sync under concurrent and awkward writes, against a real PostgreSQL: twenty writers at once under
// a reader, a forged author, an acknowledgement lost on its way back, and two machines recording a status
// the same day.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateCommitment } from '../../db/edits.ts';
import { newCommitment, temporaryDatabase } from '../../db/testing.ts';
import { teamLink, type TeamLink } from './changes.ts';
import { statusRef } from './portable.ts';
import { pullLog, pushOutbox, syncDossier } from './sync.ts';
import {
  commitmentIds,
  day,
  grantAndJoin,
  recordStatus,
  shareNewDossier,
  statusId,
  syncAs,
} from './testing/clients.ts';
import { cutAtQuery } from './testing/cut.ts';
import { dossierDigest } from './testing/digest.ts';
import { serverPerFile } from './testing/server-per-file.ts';
import { twoWriters } from './testing/team-server.ts';
import { localStatusUpdateUids, logCounts, onServer } from './testing/log-checks.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

const team = serverPerFile(twoWriters);

describe('twenty writers pushing at once under a reader', () => {
  it('lets the reader miss nothing and see each status update once, and all end the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(team.server, 'alice', alice, 'Crowd', 5);
    const writers: { login: string; db: Database; link: TeamLink; uids: string[] }[] = [];
    for (let index = 1; index <= 20; index += 1) {
      const login = `writer${String(index).padStart(2, '0')}`;
      const db = temporaryDatabase().db;
      writers.push({ login, db, link: await grantAndJoin(team.server, login, db, 'Crowd'), uids: [] });
    }
    const reader = temporaryDatabase().db;
    const readerLink = await grantAndJoin(team.server, 'rita', reader, 'Crowd', false);
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
        const client = await team.server.as(writer.login);
        try {
          return await pushOutbox(client, writer.db, writer.link, { pushBatch: 10 });
        } finally {
          await team.server.close(client);
        }
      }),
    ).finally(() => (pushing = false));
    const readerClient = await team.server.as('rita');
    let pulledWhilePushing = 0;
    for (let round = 0; pushing && round < 100_000; round += 1) {
      const pulled = await pullLog(readerClient, reader, readerLink.dossierId, { pullBatch: 25 });
      if (pushing) pulledWhilePushing += pulled;
    }
    const pushed = await pushes;
    await pullLog(readerClient, reader, readerLink.dossierId, { pullBatch: 25 });
    await team.server.close(readerClient);

    const written = writers.flatMap((writer) => writer.uids);
    expect(pushed.reduce((sum, n) => sum + n, 0)).toBe(written.length);
    expect(pulledWhilePushing).toBeGreaterThan(0);
    const seen = localStatusUpdateUids(reader, readerLink.dossierId);
    expect(seen).toHaveLength(before + written.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(written));
    const { changes, last } = await logCounts(team.server, link.dossierUid);
    expect(reader.prepare('SELECT count(*) AS n FROM team_log').get()).toEqual({ n: changes });
    expect(teamLink(reader, readerLink.dossierId)!.cursor).toBe(last);

    const theirs = dossierDigest(reader, link.dossierUid);
    await syncAs(team.server, 'alice', alice);
    expect(dossierDigest(alice, link.dossierUid)).toEqual(theirs);
    for (const writer of writers) {
      await syncAs(team.server, writer.login, writer.db);
      expect(dossierDigest(writer.db, link.dossierUid)).toEqual(theirs);
    }
  }, 90_000);
});

describe('a forged author', () => {
  it('is overwritten by the server, and every machine records who really wrote', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(team.server, 'alice', alice, 'Forgery', 2);
    const bob = temporaryDatabase().db;
    const bobs = await grantAndJoin(team.server, 'bob', bob, 'Forgery');
    const [commitment] = commitmentIds(alice, link.dossierId);
    const commitmentUid = (
      alice.prepare('SELECT uid FROM commitment WHERE id = ?').get(commitment) as {
        uid: string;
      }
    ).uid;

    // Bob writes straight into the log, claiming to be Alice, with a number and a time of his own.
    const forged = randomUUID();
    const client = await team.server.as('bob');
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
    await team.server.close(client);
    const [row] = await onServer<{ author: string; seq: string; received_at: Date }>(
      team.server,
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
    await syncAs(team.server, 'bob', bob);
    await syncAs(team.server, 'alice', alice);
    const carol = temporaryDatabase().db;
    await grantAndJoin(team.server, 'carol', carol, 'Forgery', false);

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
    const link = await shareNewDossier(team.server, 'alice', alice, 'Lost acknowledgement', 1);
    const bob = temporaryDatabase().db;
    await grantAndJoin(team.server, 'bob', bob, 'Lost acknowledgement');
    const added = insertCommitment(alice, newCommitment(link.dossierId, { title: 'As first sent' }));

    const client = await team.server.as('alice');
    cutAtQuery(client, 4, 'after'); // BEGIN, INSERT, SELECT, COMMIT: cut once COMMIT has answered
    await expect(syncDossier(client, alice, link.dossierId)).rejects.toMatchObject({ name: 'TeamError' });
    await team.server.close(client);
    const [stored] = await onServer<{ title: string }>(
      team.server,
      `SELECT payload->>'title' AS title FROM pledgewatch.change WHERE dossier_uid = $1 AND entity = 'commitment'
          AND op = 'create' AND payload->>'title' = 'As first sent'`,
      [link.dossierUid],
    );
    expect(stored).toEqual({ title: 'As first sent' });

    updateCommitment(alice, { id: added, title: 'As edited after' });
    await syncAs(team.server, 'alice', alice);
    await syncAs(team.server, 'bob', bob);
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
    const link = await shareNewDossier(team.server, 'alice', alice, 'Same day', 1);
    const bob = temporaryDatabase().db;
    const joined = await grantAndJoin(team.server, 'bob', bob, 'Same day');
    recordStatus(alice, commitmentIds(alice, link.dossierId)[0]!, 'stalled', '2025-06-01');
    recordStatus(bob, commitmentIds(bob, joined.dossierId)[0]!, 'in progress', '2025-06-01');
    await syncAs(team.server, 'alice', alice);
    await syncAs(team.server, 'bob', bob);
    await syncAs(team.server, 'alice', alice);
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  });
});
