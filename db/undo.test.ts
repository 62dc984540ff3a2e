import { describe, expect, it } from 'vitest';
import { getCommitment } from './commitments.ts';
import { commitmentState, updateCommitment } from './edits.ts';
import {
  createDossier,
  deleteReference,
  listReference,
  saveParty,
  saveStatus,
  saveTopic,
} from './reference.ts';
import { bulkRecordStatus, evidenceOf, historyOf, recordStatusUpdate } from './status-updates.ts';
import { fingerprint, newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { deleteCommitment, listTrash, restoreCommitment } from './trash.ts';
import { undoLastAction } from './undo.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Bilateral', '');
  const add = (title: string, input: Partial<NewCommitment> = {}) =>
    insertCommitment(db, newCommitment(dossierId, { title, deadline: { on: '2026-07-01' }, ...input }));
  const status = (name: string) => statusIdOf(db, name);
  const record = (commitmentId: number, name: string, effectiveOn: string, excerptId: number | null = null) =>
    recordStatusUpdate(db, newStatusUpdate(commitmentId, status(name), effectiveOn, { excerptId }));
  return { db, dossierId, add, status, record };
}

describe('undoLastAction', () => {
  it('returns null when there is nothing to undo', () => {
    const { db } = temporaryDatabase();
    expect(undoLastAction(db)).toBeNull();
    createDossier(db, 'Bilateral', '');
    expect(undoLastAction(db)).toBe('Created dossier “Bilateral”');
    expect(listReference(db).dossiers).toEqual([]);
    expect(undoLastAction(db)).toBeNull();
  });

  it('undoes every kind of action, newest first, one at a time', () => {
    const { db, add, status, record } = setUp();
    const trade = saveTopic(db, { name: 'trade', parentId: null, keywords: ['tariff'] });
    const us = saveParty(db, { name: 'United States', kind: 'state', actsForId: null, aliases: ['US'] });
    const mexico = saveParty(db, { name: 'Mexico', kind: 'state', actsForId: null, aliases: [] });
    const canada = saveParty(db, { name: 'Canada', kind: 'state', actsForId: null, aliases: [] });
    const fentanyl = add('Halt the flow of fentanyl and other synthetic drugs', {
      madeBy: [us],
      topicIds: [trade],
    });
    const firearms = add('Curb firearms smuggling');
    const original = commitmentState(db, fentanyl);
    updateCommitment(db, {
      id: fentanyl,
      title: 'Halt fentanyl',
      madeBy: [mexico],
      topicIds: [],
      deadline: null,
    });
    record(fentanyl, 'in progress', '2025-10-01');
    bulkRecordStatus(db, {
      commitmentIds: [fentanyl, firearms],
      statusId: status('stalled'),
      effectiveOn: '2025-11-01',
      note: '',
    });
    deleteCommitment(db, fentanyl);
    restoreCommitment(db, fentanyl);
    saveTopic(db, { id: trade, name: 'commerce', parentId: null, keywords: [] });
    deleteReference(db, 'party', canada);

    expect(undoLastAction(db)).toBe('Deleted party “Canada”');
    expect(listReference(db).parties.find((party) => party.id === canada)).toMatchObject({ name: 'Canada' });

    expect(undoLastAction(db)).toBe('Edited topic “commerce”');
    expect(listReference(db).topics).toMatchObject([{ id: trade, name: 'trade', keywords: ['tariff'] }]);

    expect(undoLastAction(db)).toBe('Restored “Halt fentanyl”');
    expect(listTrash(db).map((row) => row.id)).toEqual([fentanyl]);

    expect(undoLastAction(db)).toBe('Deleted “Halt fentanyl”');
    expect(listTrash(db)).toEqual([]);

    expect(undoLastAction(db)).toBe('Recorded “stalled” on 2 commitments');
    expect(getCommitment(db, fentanyl).status?.name).toBe('in progress');
    expect(getCommitment(db, firearms).status?.name).toBe('not yet assessed');

    expect(undoLastAction(db)).toBe('Recorded “in progress” on “Halt fentanyl”');
    expect(getCommitment(db, fentanyl).status?.name).toBe('not yet assessed');
    expect(historyOf(db, fentanyl)).toHaveLength(1);
    // History stays whole: the undone updates are still there, marked retracted.
    expect(
      db.prepare('SELECT count(*) FROM status_update WHERE commitment_id = ?').pluck().get(fentanyl),
    ).toBe(3);

    expect(undoLastAction(db)).toBe('Edited “Halt fentanyl”');
    expect(commitmentState(db, fentanyl)).toEqual(original);

    expect(undoLastAction(db)).toBe('Created “Curb firearms smuggling”');
    expect(listTrash(db).map((row) => row.id)).toEqual([firearms]);
    expect(undoLastAction(db)).toBe('Created “Halt the flow of fentanyl…”');
    expect(listTrash(db)).toHaveLength(2);

    expect(undoLastAction(db)).toBe('Created party “Canada”');
    expect(undoLastAction(db)).toBe('Created party “Mexico”');
    expect(listReference(db).parties.map((party) => party.name)).toEqual(['United States']);
  });

  it('refuses an undo that is no longer possible, changes nothing, and keeps it next in line', () => {
    const { db, add } = setUp();
    const trade = saveTopic(db, { name: 'trade', parentId: null, keywords: [] });
    saveStatus(db, { name: 'paused', colour: '#aabbcc', category: 'open', score: null });
    // Not an analyst's action (loaded history), so not in the log: the topic is used behind the undo.
    add('Review the USMCA', { topicIds: [trade], firstUpdate: { recordedAt: '2025-09-03T18:00:00.000Z' } });
    expect(undoLastAction(db)).toBe('Created status “paused”');
    const before = fingerprint(db);
    const refusal = expect.objectContaining({
      code: 'conflict',
      message:
        'Cannot undo the last action (Created topic “trade”): Used by 1 commitment, e.g. “Review the USMCA”; remove it from them first.',
    });
    expect(() => undoLastAction(db)).toThrow(refusal);
    expect(() => undoLastAction(db)).toThrow(refusal);
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses to undo creating a commitment that now oversees others', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    db.prepare(
      `INSERT INTO commitment (dossier_id, parent_id, title, kind) VALUES (1, ?, 'Child', 'pledge')`,
    ).run(group);
    const before = fingerprint(db);
    expect(() => undoLastAction(db)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(
          /^Cannot undo the last action \(Created “Create an implementation…”\): It oversees 1 commitment: “Child”/,
        ),
      }),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('takes away the evidence a retracted update alone brought, and keeps what was there before', () => {
    const { db, add, record } = setUp();
    const source = db
      .prepare(
        `INSERT INTO source (title, full_text, text_sha256) VALUES ('Statement', 'We will act. Now.', 'x')`,
      )
      .run().lastInsertRowid;
    const origin = Number(
      db
        .prepare(`INSERT INTO excerpt (source_id, start, end, text) VALUES (?, 0, 12, 'We will act.')`)
        .run(source).lastInsertRowid,
    );
    const later = Number(
      db.prepare(`INSERT INTO excerpt (source_id, start, end, text) VALUES (?, 13, 17, 'Now.')`).run(source)
        .lastInsertRowid,
    );
    const id = add('Act', { excerptIds: [origin] });
    record(id, 'announced', '2025-09-04', origin);
    record(id, 'in progress', '2025-10-01', later);
    expect(evidenceOf(db, id).map((evidence) => evidence.excerptId)).toEqual([origin, later]);
    undoLastAction(db);
    undoLastAction(db);
    expect(evidenceOf(db, id).map((evidence) => evidence.excerptId)).toEqual([origin]);
  });

  it('undoes saving reference data: an edit back to its values, a creation by deleting it', () => {
    const { db } = setUp();
    const us = saveParty(db, { name: 'United States', kind: 'state', actsForId: null, aliases: ['US'] });
    const rubio = saveParty(db, { name: 'Rubio', kind: 'person', actsForId: us, aliases: [] });
    saveParty(db, {
      id: rubio,
      name: 'Marco Rubio',
      kind: 'person',
      actsForId: null,
      aliases: ['Secretary Rubio'],
    });
    expect(undoLastAction(db)).toBe('Edited party “Marco Rubio”');
    expect(listReference(db).parties.find((party) => party.id === rubio)).toEqual({
      id: rubio,
      name: 'Rubio',
      kind: 'person',
      actsForId: us,
      aliases: [],
    });
    expect(undoLastAction(db)).toBe('Created party “Rubio”');
    expect(listReference(db).parties.map((party) => party.id)).toEqual([us]);
  });

  it('puts a deleted status back in its place, under its id', () => {
    const { db, status } = setUp();
    const order = listReference(db).statuses.map((row) => row.id);
    deleteReference(db, 'status', status('stalled'));
    expect(undoLastAction(db)).toBe('Deleted status “stalled”');
    expect(listReference(db).statuses.map((row) => row.id)).toEqual(order);
  });

  it('refuses to undo an edit whose earlier parent is now in the trash', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    const child = add('Halt the flow of fentanyl', { parentId: group });
    updateCommitment(db, { id: child, parentId: null });
    db.prepare(`UPDATE commitment SET deleted_at = '2025-12-01T00:00:00.000Z' WHERE id = ?`).run(group);
    const before = fingerprint(db);
    expect(() => undoLastAction(db)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: `Cannot undo the last action (Edited “Halt the flow of fentanyl”): Commitment ${group} “Create an implementation…” is in the trash.`,
      }),
    );
    expect(fingerprint(db)).toBe(before);
  });
});
