import { describe, expect, it } from 'vitest';
import { getCommitment } from './commitments.ts';
import { commitmentState, updateCommitment } from './edits.ts';
import { createDossier, saveParty, saveTopic } from './reference.ts';
import { fingerprint, temporaryDatabase } from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Bilateral', '');
  const us = saveParty(db, { name: 'United States', kind: 'state', actsForId: null, aliases: [] });
  const mexico = saveParty(db, { name: 'Mexico', kind: 'state', actsForId: null, aliases: [] });
  const trade = saveTopic(db, { name: 'trade', parentId: null, keywords: [] });
  const security = saveTopic(db, { name: 'security', parentId: null, keywords: [] });
  const add = (title: string, input: Partial<NewCommitment> = {}) =>
    insertCommitment(db, {
      dossierId,
      title,
      summary: 'As pledged in Mexico City.',
      kind: 'pledge',
      parentId: null,
      madeBy: [us],
      owedTo: [mexico],
      topicIds: [trade],
      announcedOn: '2025-09-03',
      deadline: { amount: 90, unit: 'days', from: '2025-07-31' },
      ...input,
    });
  return { db, dossierId, us, mexico, trade, security, add };
}

const refusal = (code: string, path: string, message?: string | RegExp) =>
  expect.objectContaining({
    code,
    path,
    ...(message === undefined ? {} : { message: expect.stringMatching(message) }),
  });

describe('updateCommitment', () => {
  it('changes only the fields it is given', () => {
    const { db, add } = setUp();
    const id = add('Open the border crossing');
    const before = commitmentState(db, id);
    expect(updateCommitment(db, { id, title: 'Open two border crossings' })).toBe(id);
    expect(commitmentState(db, id)).toEqual({ ...before, title: 'Open two border crossings' });
  });

  it('replaces parties and topics, clears the deadline with null, and sets every other field', () => {
    const { db, us, mexico, security, add } = setUp();
    const id = add('Open the border crossing');
    const other = createDossier(db, 'Trade', '');
    updateCommitment(db, {
      id,
      dossierId: other,
      summary: 'Revised.',
      kind: 'measure',
      madeBy: [mexico],
      owedTo: [us],
      topicIds: [security],
      announcedOn: '2025-09-04',
      deadline: null,
    });
    const detail = getCommitment(db, id);
    expect(detail).toMatchObject({
      dossier: { id: other, name: 'Trade' },
      summary: 'Revised.',
      kind: 'measure',
      madeBy: [{ name: 'Mexico' }],
      owedTo: [{ name: 'United States' }],
      topics: [{ name: 'security' }],
      announcedOn: '2025-09-04',
      deadline: { on: null, amount: null, dueOn: null },
    });
    updateCommitment(db, { id, deadline: { amount: 2, unit: 'weeks', from: '2025-12-25' } });
    expect(getCommitment(db, id).deadline).toMatchObject({ amount: 14, unit: 'days', dueOn: '2026-01-08' });
    updateCommitment(db, { id, deadline: { on: '2026-07-01' }, announcedOn: null });
    expect(getCommitment(db, id)).toMatchObject({ announcedOn: null, deadline: { on: '2026-07-01' } });
  });

  it('sets and clears the parent', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    const id = add('Halt the flow of fentanyl');
    updateCommitment(db, { id, parentId: group });
    expect(getCommitment(db, group).children.map((child) => child.id)).toEqual([id]);
    updateCommitment(db, { id, parentId: null });
    expect(getCommitment(db, group).children).toEqual([]);
  });

  it('refuses unknown ids, naming the field, and changes nothing', () => {
    const { db, add } = setUp();
    const id = add('Open the border crossing');
    const before = fingerprint(db);
    expect(() => updateCommitment(db, { id: 999, title: 'x' })).toThrow(
      refusal('not_found', 'id', /No commitment has id 999/),
    );
    expect(() => updateCommitment(db, { id, dossierId: 77 })).toThrow(
      refusal('not_found', 'dossierId', /No dossier has id 77/),
    );
    expect(() => updateCommitment(db, { id, madeBy: [55] })).toThrow(refusal('not_found', 'madeBy'));
    expect(() => updateCommitment(db, { id, owedTo: [56] })).toThrow(refusal('not_found', 'owedTo'));
    expect(() => updateCommitment(db, { id, topicIds: [57] })).toThrow(refusal('not_found', 'topicIds'));
    expect(() => updateCommitment(db, { id, parentId: 58 })).toThrow(refusal('not_found', 'parentId'));
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses a parent that would make a cycle: itself or one it oversees', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    const child = add('Halt the flow of fentanyl', { parentId: group });
    const grandchild = add('Seize precursor chemicals', { parentId: child });
    const before = fingerprint(db);
    expect(() => updateCommitment(db, { id: group, parentId: group })).toThrow(
      refusal('invalid_input', 'parentId', /^A commitment cannot oversee itself\.$/),
    );
    expect(() => updateCommitment(db, { id: group, parentId: grandchild })).toThrow(
      refusal(
        'invalid_input',
        'parentId',
        /^“Seize precursor chemicals” is overseen by this commitment, so it cannot be its parent\.$/,
      ),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('treats a trashed commitment, or a trashed parent, as not found', () => {
    const { db, add } = setUp();
    const id = add('Open the border crossing');
    const gone = add('Gone');
    deleteCommitment(db, gone);
    const before = fingerprint(db);
    expect(() => updateCommitment(db, { id: gone, title: 'Back' })).toThrow(
      refusal('not_found', 'id', /in the trash/),
    );
    expect(() => updateCommitment(db, { id, parentId: gone })).toThrow(
      refusal('not_found', 'parentId', /in the trash/),
    );
    expect(fingerprint(db)).toBe(before);
  });
});
