// Migration 007: uids for the rows that travel, and the outbox that the triggers fill in the same
// transaction as every write to a shared dossier (and only to a shared one).
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateCommitment } from './edits.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference.ts';
import { insertSource } from './sources.ts';
import { recordStatusUpdate } from './status-updates.ts';
import {
  databaseBefore,
  fingerprint,
  newCommitment,
  newStatusUpdate,
  statusIdOf,
  temporaryDatabase,
} from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { undoLastAction } from './undo.ts';
import { insertCommitment } from './commitment-add.ts';

/** A dossier with a parent and two children, history, a source and an excerpt as evidence. */
function loadSample(db: Database): void {
  const dossierId = createDossier(db, 'Border cooperation', '');
  const parent = insertCommitment(db, newCommitment(dossierId, { title: 'Implementation group' }));
  const children = ['Curb firearms smuggling', 'Halt the flow of fentanyl'].map((title) =>
    insertCommitment(db, newCommitment(dossierId, { title, parentId: parent })),
  );
  const sourceId = insertSource(db, {
    title: 'Joint statement',
    publisher: 'State Department',
    url: null,
    publishedOn: '2025-09-03',
    language: 'en',
    fullText: 'The two governments will curb firearms smuggling.',
  });
  const excerptId = Number(
    db
      .prepare(`INSERT INTO excerpt (source_id, start, "end", text) VALUES (?, 0, 20, 'The two governments')`)
      .run(sourceId).lastInsertRowid,
  );
  for (const commitmentId of children) {
    recordStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusIdOf(db, 'announced'), '2025-09-03', { excerptId }),
    );
  }
}

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const travelling = ['dossier', 'commitment', 'status_update', 'source', 'excerpt'] as const;

function share(db: Database, dossierId: number, canWrite = true): void {
  db.prepare(
    `INSERT INTO team_link (dossier_id, dossier_uid, server, member, can_write)
     SELECT id, uid, 'postgres://db.example/pledgewatch', 'alice', ? FROM dossier WHERE id = ?`,
  ).run(canWrite ? 1 : 0, dossierId);
}

const outbox = (db: Database) =>
  db.prepare('SELECT entity, field, op, payload FROM team_outbox ORDER BY id').all() as {
    entity: string;
    field: string | null;
    op: string;
    payload: string;
  }[];

const firstDossier = (db: Database) =>
  db.prepare('SELECT id FROM dossier ORDER BY id LIMIT 1').pluck().get() as number;
const firstCommitment = (db: Database, dossierId: number) =>
  db
    .prepare('SELECT id FROM commitment WHERE dossier_id = ? AND parent_id IS NOT NULL ORDER BY id LIMIT 1')
    .pluck()
    .get(dossierId) as number;
describe('migration 007: uids and the team outbox', () => {
  it('gives every existing row a distinct UUIDv7 and keeps history append-only', () => {
    const { db: version6, file } = databaseBefore(7);
    loadSample(version6);
    const before = version6
      .prepare('SELECT id, status_id, effective_on, note FROM status_update ORDER BY id')
      .all();
    version6.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    for (const table of travelling) {
      const uids = db.prepare(`SELECT uid FROM ${table}`).pluck().all() as string[];
      expect(uids.length).toBeGreaterThan(0);
      expect(uids.every((uid) => uuidV7.test(uid))).toBe(true);
      expect(new Set(uids).size).toBe(uids.length);
    }
    expect(
      db.prepare('SELECT id, status_id, effective_on, note FROM status_update ORDER BY id').all(),
    ).toEqual(before);
    expect(() => db.prepare(`UPDATE status_update SET note = 'edited'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE commitment SET uid = 'other'`).run()).toThrow(/never changes/);
    expect(db.prepare('SELECT count(*) FROM status_update WHERE recorded_by IS NOT NULL').pluck().get()).toBe(
      0,
    );
    db.close();
  });

  it('gives new rows a uid and writes nothing to the outbox while no dossier is shared', () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const dossierId = firstDossier(db);
    const id = insertCommitment(
      db,
      newCommitment(dossierId, { title: 'Open a joint port inspection office' }),
    );
    recordStatusUpdate(db, newStatusUpdate(id, statusIdOf(db, 'in progress'), '2025-10-01'));
    expect(db.prepare('SELECT uid FROM commitment WHERE id = ?').pluck().get(id)).toMatch(uuidV7);
    expect(db.prepare('SELECT count(*) FROM status_update WHERE uid IS NULL').pluck().get()).toBe(0);
    expect(outbox(db)).toEqual([]);
  });

  it('captures each write to a shared dossier, one entry per field, the last value of each', () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const dossierId = firstDossier(db);
    share(db, dossierId);
    const id = firstCommitment(db, dossierId);
    updateCommitment(db, { id, title: 'First retitle' });
    updateCommitment(db, { id, title: 'Second retitle', deadline: { on: '2026-03-01' } });
    const topic = Number(db.prepare(`INSERT INTO topic (name) VALUES ('security')`).run().lastInsertRowid);
    updateCommitment(db, { id, topicIds: [topic] });
    recordStatusUpdate(
      db,
      newStatusUpdate(id, statusIdOf(db, 'stalled'), '2025-10-01', { note: 'Talks paused.' }),
    );
    undoLastAction(db);
    deleteCommitment(db, id);
    const created = insertCommitment(db, newCommitment(dossierId, { title: 'A new one' }));
    updateCommitment(db, { id: created, summary: 'Edited before it was ever sent' });

    const entries = outbox(db).map(
      (entry) => `${entry.entity}.${entry.op}${entry.field ? `.${entry.field}` : ''}`,
    );
    expect(entries).toEqual([
      'commitment.set.title',
      'commitment.set.deadline',
      'commitment.set.topics',
      'status_update.create',
      'status_update.retract',
      'commitment.set.deleted_at',
      'commitment.create',
      // Its first status, "not yet assessed".
      'status_update.create',
    ]);
    expect(JSON.parse(outbox(db)[0]!.payload)).toEqual({ value: 'Second retitle' });
    expect(JSON.parse(outbox(db)[1]!.payload)).toEqual({ value: { on: '2026-03-01' } });
    expect(db.prepare('SELECT recorded_by FROM status_update ORDER BY id DESC LIMIT 1').pluck().get()).toBe(
      'alice',
    );
  });

  it('refuses every write to a read-only team dossier and leaves the data as it was', () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const dossierId = firstDossier(db);
    share(db, dossierId, false);
    const id = firstCommitment(db, dossierId);
    const before = fingerprint(db);
    expect(() => updateCommitment(db, { id, title: 'Not allowed' })).toThrow(/read-only team dossier/);
    expect(() => insertCommitment(db, newCommitment(dossierId))).toThrow(/read-only team dossier/);
    expect(() =>
      recordStatusUpdate(db, newStatusUpdate(id, statusIdOf(db, 'stalled'), '2025-10-01')),
    ).toThrow(/read-only team dossier/);
    expect(() => deleteCommitment(db, id)).toThrow(/read-only team dossier/);
    expect(fingerprint(db)).toBe(before);
  });
});
