// Migration 008: of two updates effective the same day, the one recorded later is in force, then the
// greater uid; never the local id, which differs between machines that received the same history.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateInForceSql } from './as-of.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference.ts';
import { historyOf, insertStatusUpdate, recordStatusUpdate } from './status-updates.ts';
import { databaseBefore, newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { undoLastAction } from './undo.ts';
import { insertCommitment } from './commitment-add.ts';

const inForce = (db: Database, commitmentId: number) =>
  db
    .prepare(`SELECT s.name FROM commitment c JOIN status s ON s.id = c.current_status_id WHERE c.id = ?`)
    .pluck()
    .get(commitmentId) as string;

const inForceAsOf = (db: Database, commitmentId: number, day: string) =>
  db
    .prepare(
      `SELECT s.name FROM status_update u JOIN status s ON s.id = u.status_id
        WHERE u.id = ${updateInForceSql('?', '?')}`,
    )
    .pluck()
    .get(commitmentId, day) as string;

/** Two updates effective the same day, the one with the lower local id recorded later. */
function sameDayRecordedApart(db: Database): number {
  const dossierId = createDossier(db, 'Border cooperation', '');
  const commitmentId = insertCommitment(db, newCommitment(dossierId, { title: 'Joint port inspections' }));
  const update = (status: string, recordedAt: string) =>
    insertStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusIdOf(db, status), '2025-10-01', { note: status, recordedAt }),
    );
  update('stalled', '2025-10-03T09:00:00.000Z');
  update('in progress', '2025-10-02T09:00:00.000Z');
  return commitmentId;
}

describe('migration 008: the order of history every machine agrees on', () => {
  it('settles existing same-day ties by when they were recorded', () => {
    const { db: version7, file } = databaseBefore(8);
    const commitmentId = sameDayRecordedApart(version7);
    expect(inForce(version7, commitmentId)).toBe('in progress');
    version7.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(inForce(db, commitmentId)).toBe('stalled');
    expect(inForceAsOf(db, commitmentId, '2025-12-31')).toBe('stalled');
    expect(historyOf(db, commitmentId).map((entry) => entry.note)).toEqual(['stalled', 'in progress', '']);
    db.close();
  });

  it('keeps the kept status, the as-of status and the history in one order', () => {
    const { db } = temporaryDatabase();
    const commitmentId = sameDayRecordedApart(db);
    expect(inForce(db, commitmentId)).toBe('stalled');
    expect(inForceAsOf(db, commitmentId, '2025-10-01')).toBe('stalled');
    expect(inForceAsOf(db, commitmentId, '2025-09-30')).toBe('not yet assessed');
  });

  it('puts the update recorded last in force, however quickly it follows, and undoes back to the one before', () => {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Border cooperation', '');
    const commitmentId = insertCommitment(db, newCommitment(dossierId, { title: 'Joint port inspections' }));
    const names = ['in progress', 'stalled', 'at risk', 'in progress', 'stalled'];
    for (const name of names) {
      recordStatusUpdate(db, newStatusUpdate(commitmentId, statusIdOf(db, name), '2025-10-01'));
      expect(inForce(db, commitmentId)).toBe(name);
    }
    undoLastAction(db);
    expect(inForce(db, commitmentId)).toBe('in progress');
    expect(inForceAsOf(db, commitmentId, '2025-10-01')).toBe('in progress');
  });
});
