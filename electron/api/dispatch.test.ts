import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { callOperation } from './dispatch.ts';
import { operationNames } from './operation-names.ts';

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

/** Inputs that each operation must refuse: wrong types, unknown fields, impossible values. */
const badInputs: Record<string, unknown[]> = {
  listReference: [{ extra: 1 }, 'text', [1]],
  listCommitments: [{ limit: 0 }, { limit: 10_000 }, { sort: 'drop table' }, { dossierId: -1 }, { text: 7 }],
  getCommitment: [{}, { id: 'one' }, { id: 1.5 }, { id: 0 }],
  createDossier: [{}, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 'A', owner: 'me' }],
  createCommitment: [
    {},
    { dossierId: 1, title: '' },
    { dossierId: 1, title: 'x', announcedOn: '2025-02-30' },
    { dossierId: 1, title: 'x', announcedOn: '3 September' },
    { dossierId: 1, title: 'x', deadline: { amount: 0, unit: 'days', from: '2025-07-31' } },
    { dossierId: 1, title: 'x', deadline: { amount: 90, unit: 'fortnights', from: '2025-07-31' } },
    { dossierId: 1, title: 'x', deadline: { on: '2026-07-01', amount: 3 } },
    { dossierId: 1, title: 'x', kind: 'promise' },
    { dossierId: 1, title: 'x', madeBy: ['US'] },
  ],
  recordStatusUpdate: [
    {},
    { commitmentId: 1, statusId: 1 },
    { commitmentId: 1, statusId: 1, effectiveOn: 'yesterday' },
    { commitmentId: 1, statusId: 1, effectiveOn: '2025-13-01' },
    { commitmentId: 1, statusId: 1, effectiveOn: '2025-10-01', note: 5 },
  ],
  loadSample: [{ force: true }],
};

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
