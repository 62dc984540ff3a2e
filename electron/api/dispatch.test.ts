// callOperation over a temporary database: every operation refuses bad input and changes nothing, ids
// that do not exist are named, and edits, trash, undo and status updates do what they say.
import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { callOperation } from './dispatch.ts';
import { operationNames } from './operation-names.ts';
import { badInputs } from './bad-inputs.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const call = (name: string, input: unknown) => callOperation(db, name, input);
  const dossier = call('createDossier', { name: 'Bilateral' });
  if (!dossier.ok) throw new Error(dossier.error.message);
  const dossierId = (dossier.value as { id: number }).id;
  const created = call('createCommitment', {
    dossierId,
    title: 'Open the border crossing',
    announcedOn: '2025-09-03',
  });
  if (!created.ok) throw new Error(created.error.message);
  return { db, call, dossierId, commitmentId: (created.value as { id: number }).id };
}

describe('callOperation', () => {
  it('covers every operation with bad-input cases', () => {
    expect(Object.keys(badInputs).sort()).toEqual([...operationNames].sort());
  });

  for (const [name, inputs] of Object.entries(badInputs)) {
    it(`${name} refuses bad input with a clear message and changes nothing`, () => {
      const { db, call } = setUp();
      const before = fingerprint(db);
      for (const input of inputs) {
        const result = call(name, input);
        expect(result.ok, JSON.stringify(input)).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(name);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
      expect(fingerprint(db)).toBe(before);
    });
  }

  it('names the field that is wrong', () => {
    const { call, dossierId } = setUp();
    const result = call('createCommitment', { dossierId, title: 'x', announcedOn: '2025-02-30' });
    expect(result).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'announcedOn', message: 'must be a date written YYYY-MM-DD' }] },
    });
  });

  it('refuses an unknown operation', () => {
    const { call } = setUp();
    expect(call('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('reports ids that do not exist as not found, naming the field, and writes nothing', () => {
    const { db, call, dossierId, commitmentId } = setUp();
    const before = fingerprint(db);
    expect(call('createCommitment', { dossierId, title: 'x', topicIds: [42] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: [{ path: 'topicIds' }] },
    });
    expect(
      call('recordStatusUpdate', { commitmentId, statusId: 99, effectiveOn: '2025-10-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No status has id 99.' },
    });
    expect(call('getCommitment', { id: 12345 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call('createDossier', { name: 'bilateral' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses a per-party status for a party that did not make the commitment', () => {
    const { db, call, commitmentId } = setUp();
    const party = Number(
      db.prepare(`INSERT INTO party (name, kind) VALUES ('Canada', 'state')`).run().lastInsertRowid,
    );
    const before = fingerprint(db);
    const result = call('recordStatusUpdate', {
      commitmentId,
      statusId: 3,
      effectiveOn: '2025-10-01',
      partyId: party,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'partyId' }] },
    });
    expect(fingerprint(db)).toBe(before);
  });

  it('edits only the fields it is given', () => {
    const { call, commitmentId } = setUp();
    expect(call('updateCommitment', { id: commitmentId, summary: 'Two lanes.' })).toEqual({
      ok: true,
      value: { id: commitmentId },
    });
    expect(call('getCommitment', { id: commitmentId })).toMatchObject({
      ok: true,
      value: { title: 'Open the border crossing', summary: 'Two lanes.', announcedOn: '2025-09-03' },
    });
  });

  it('deletes, lists the trash and undoes, saying what was undone', () => {
    const { call, commitmentId } = setUp();
    expect(call('deleteCommitment', { id: commitmentId })).toMatchObject({ ok: true });
    expect(call('listTrash', {})).toMatchObject({ ok: true, value: [{ id: commitmentId }] });
    expect(call('undo', {})).toEqual({ ok: true, value: { undone: 'Deleted “Open the border crossing”' } });
    expect(call('listTrash', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses "broken" before the deadline without a reason, naming the reason field', () => {
    const { call, dossierId } = setUp();
    const created = call('createCommitment', {
      dossierId,
      title: 'Reprieve',
      deadline: { on: '2025-10-29' },
    });
    const id = (created as { value: { id: number } }).value.id;
    expect(
      call('recordStatusUpdate', { commitmentId: id, statusId: 8, effectiveOn: '2025-10-01' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Marking this commitment broken before its deadline (29 Oct 2025) needs a reason.',
        issues: [{ path: 'brokenBeforeDeadlineReason' }],
      },
    });
  });

  it('records a status update and shows it in the history', () => {
    const { call, commitmentId } = setUp();
    const recorded = call('recordStatusUpdate', {
      commitmentId,
      statusId: 3,
      effectiveOn: '2025-10-01',
      note: 'First meeting held.',
    });
    expect(recorded.ok).toBe(true);
    const detail = call('getCommitment', { id: commitmentId });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        status: { name: 'in progress' },
        history: [{ note: 'First meeting held.', effectiveOn: '2025-10-01' }, {}],
      },
    });
  });
});
