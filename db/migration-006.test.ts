// Migration 006: the status in force kept on the commitment. It must always be what the history says,
// through new, backdated and party updates, undo, and the trash; and the queries it is for must use it.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getDashboard } from './dashboard.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { databaseBefore, newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { undoLastAction } from './undo.ts';
import { moveToTrash } from './trash.ts';
import { insertCommitment } from './commitment-add.ts';

function addCommitment(db: Database, dossierId: number): number {
  return insertCommitment(
    db,
    newCommitment(dossierId, { title: 'Deploy 10,000 troops to the border', announcedOn: '2025-02-03' }),
  );
}

function record(
  db: Database,
  commitmentId: number,
  status: string,
  effectiveOn: string,
  partyId: number | null = null,
) {
  return recordStatusUpdate(
    db,
    newStatusUpdate(commitmentId, statusIdOf(db, status), effectiveOn, { partyId }),
  );
}

/** The kept columns beside what the history says is in force today, for every commitment. */
function keptAndHistory(db: Database) {
  return db
    .prepare(
      `SELECT c.id, c.current_status_id AS kept, c.current_since AS keptSince,
              (SELECT u.status_id FROM status_update u WHERE u.commitment_id = c.id AND u.party_id IS NULL
                  AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
                ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC LIMIT 1) AS history,
              (SELECT u.effective_on FROM status_update u WHERE u.commitment_id = c.id AND u.party_id IS NULL
                  AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
                ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC LIMIT 1) AS historySince
         FROM commitment c ORDER BY c.id`,
    )
    .all() as {
    id: number;
    kept: number | null;
    keptSince: string | null;
    history: number | null;
    historySince: string | null;
  }[];
}

function expectInStep(db: Database): void {
  for (const row of keptAndHistory(db)) {
    expect({ id: row.id, status: row.kept, since: row.keptSince }).toEqual({
      id: row.id,
      status: row.history,
      since: row.historySince,
    });
  }
}

describe('migration 006: the current status kept on the commitment', () => {
  it('fills it in on a version 5 database from the history', () => {
    const { db: version5, file } = databaseBefore(6);
    const dossierId = createDossier(version5, 'Border', '');
    const first = addCommitment(version5, dossierId);
    record(version5, first, 'in progress', '2025-03-01');
    record(version5, first, 'stalled', '2025-06-01');
    addCommitment(version5, dossierId);
    version5.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(keptAndHistory(db)[0]).toMatchObject({ kept: statusIdOf(db, 'stalled'), keptSince: '2025-06-01' });
    expectInStep(db);
    db.close();
  });

  it('follows new, backdated and party updates, and undo', () => {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Border', '');
    const id = addCommitment(db, dossierId);
    expectInStep(db);
    record(db, id, 'in progress', '2025-03-01');
    expectInStep(db);
    // Backdated: it took effect before the update in force, which stays in force.
    record(db, id, 'at risk', '2025-02-15');
    expect(keptAndHistory(db)[0]).toMatchObject({ kept: statusIdOf(db, 'in progress') });
    const party = db
      .prepare(`INSERT INTO party (name, kind) VALUES ('Mexico', 'state')`)
      .run().lastInsertRowid;
    db.prepare(`INSERT INTO commitment_party VALUES (?, ?, 'maker')`).run(id, party);
    // One party's own status is not the commitment's.
    record(db, id, 'fulfilled', '2025-05-01', Number(party));
    expect(keptAndHistory(db)[0]).toMatchObject({ kept: statusIdOf(db, 'in progress') });
    record(db, id, 'stalled', '2025-07-01');
    expect(keptAndHistory(db)[0]).toMatchObject({ kept: statusIdOf(db, 'stalled'), keptSince: '2025-07-01' });
    undoLastAction(db);
    expect(keptAndHistory(db)[0]).toMatchObject({
      kept: statusIdOf(db, 'in progress'),
      keptSince: '2025-03-01',
    });
    expectInStep(db);
  });

  it('is what the dashboard counts and lists today, with the trash left out, from its indexes', () => {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Border', '');
    const ids = [addCommitment(db, dossierId), addCommitment(db, dossierId), addCommitment(db, dossierId)];
    record(db, ids[0]!, 'in progress', '2025-03-01');
    record(db, ids[1]!, 'stalled', '2025-03-01');
    moveToTrash(db, ids[2]!);
    const counts = getDashboard(db, { asOf: undefined }).statusByTopic.flatMap((row) => row.counts);
    expect(counts.sort((a, b) => a.statusId - b.statusId)).toEqual(
      [
        { statusId: statusIdOf(db, 'in progress'), count: 1 },
        { statusId: statusIdOf(db, 'stalled'), count: 1 },
      ].sort((a, b) => a.statusId - b.statusId),
    );
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    expect(
      plan(`SELECT count(*) FROM commitment c LEFT JOIN status s ON s.id = c.current_status_id
             WHERE c.deleted_at IS NULL AND s.category IS 'open'`),
    ).not.toMatch(/status_update/);
    expect(
      plan(
        `SELECT c.id FROM commitment c WHERE c.deleted_at IS NULL ORDER BY c.current_since, c.id LIMIT 100`,
      ),
    ).toMatch(/USING INDEX commitment_live_by_since/);
  });
});
