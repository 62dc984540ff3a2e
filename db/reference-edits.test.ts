import { describe, expect, it } from 'vitest';
import {
  createDossier,
  deleteReference,
  listReference,
  referenceUsage,
  saveDossier,
  saveParty,
  saveStatus,
  saveTopic,
} from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { fingerprint, newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Bilateral', 'US–Mexico');
  const add = (title: string, input: Partial<NewCommitment> = {}) =>
    insertCommitment(db, newCommitment(dossierId, { title, ...input }));
  const status = (name: string) => statusIdOf(db, name);
  const state = (name: string) => saveParty(db, { name, kind: 'state', actsForId: null, aliases: [] });
  const topic = (name: string, parentId: number | null = null) =>
    saveTopic(db, { name, parentId, keywords: [] });
  return { db, dossierId, add, status, state, topic };
}

const refusal = (code: string, path: string, message: string | RegExp) =>
  expect.objectContaining({ code, path, message: expect.stringMatching(message) });

describe('saving reference data', () => {
  it('creates without an id and updates with one, for every kind', () => {
    const { db, dossierId, state, topic } = setUp();
    expect(
      saveDossier(db, { id: dossierId, name: 'US–Mexico 2025', description: 'Security and trade' }),
    ).toBe(dossierId);
    const us = state('United States');
    saveParty(db, {
      id: us,
      name: 'United States',
      kind: 'state',
      actsForId: null,
      aliases: ['US', ' USA ', 'US', ''],
    });
    const rubio = saveParty(db, { name: 'Marco Rubio', kind: 'person', actsForId: us, aliases: [] });
    const trade = topic('trade');
    const tariffs = saveTopic(db, { name: 'tariffs', parentId: trade, keywords: ['tariff', 'duty'] });
    const paused = saveStatus(db, { name: 'paused', colour: '#aabbcc', category: 'open', score: null });
    saveStatus(db, { id: paused, name: 'on hold', colour: '#112233', category: 'open', score: null });
    const reference = listReference(db);
    expect(reference.dossiers).toMatchObject([
      { id: dossierId, name: 'US–Mexico 2025', description: 'Security and trade' },
    ]);
    expect(reference.parties).toEqual([
      { id: rubio, name: 'Marco Rubio', kind: 'person', actsForId: us, aliases: [] },
      { id: us, name: 'United States', kind: 'state', actsForId: null, aliases: ['US', 'USA'] },
    ]);
    expect(reference.topics).toEqual([
      { id: trade, parentId: null, name: 'trade', path: 'trade', keywords: [] },
      {
        id: tariffs,
        parentId: trade,
        name: 'tariffs',
        path: 'trade › tariffs',
        keywords: ['tariff', 'duty'],
      },
    ]);
    expect(reference.statuses.at(-1)).toEqual({
      id: paused,
      name: 'on hold',
      colour: '#112233',
      category: 'open',
      score: null,
      assessed: true,
    });
  });

  it('refuses a name already taken, whatever its case, naming the field', () => {
    const { db, state, topic } = setUp();
    state('Mexico');
    const trade = topic('trade');
    topic('tariffs', trade);
    const before = fingerprint(db);
    expect(() => saveDossier(db, { name: 'bilateral', description: '' })).toThrow(
      refusal('conflict', 'name', /^A dossier named “bilateral” already exists\.$/),
    );
    expect(() => createDossier(db, 'BILATERAL', '')).toThrow(refusal('conflict', 'name', /already exists/));
    expect(() => state('MEXICO')).toThrow(
      refusal('conflict', 'name', /^A party named “MEXICO” already exists\.$/),
    );
    expect(() => topic('Tariffs', trade)).toThrow(
      refusal('conflict', 'name', /^A topic named “Tariffs” already exists under “trade”\.$/),
    );
    expect(() => topic('Trade')).toThrow(refusal('conflict', 'name', /already exists at the top level/));
    expect(() =>
      saveStatus(db, { name: 'Broken', colour: '#000000', category: 'closed', score: -1 }),
    ).toThrow(refusal('conflict', 'name', /A status named/));
    expect(() => saveDossier(db, { id: 999, name: 'Other', description: '' })).toThrow(
      refusal('not_found', 'id', /No dossier has id 999/),
    );
    expect(fingerprint(db)).toBe(before);
    // The same topic name under another parent is a different topic.
    expect(topic('tariffs')).toBeGreaterThan(0);
  });

  it('lets only a person act for anyone, and only for a state or organisation', () => {
    const { db, state } = setUp();
    const us = state('United States');
    const rubio = saveParty(db, { name: 'Marco Rubio', kind: 'person', actsForId: us, aliases: [] });
    const before = fingerprint(db);
    expect(() => saveParty(db, { name: 'Canada', kind: 'state', actsForId: us, aliases: [] })).toThrow(
      refusal(
        'invalid_input',
        'actsForId',
        /^Only a person can act for a state or organisation; “Canada” is a state\.$/,
      ),
    );
    expect(() => saveParty(db, { name: 'Aide', kind: 'person', actsForId: rubio, aliases: [] })).toThrow(
      refusal(
        'invalid_input',
        'actsForId',
        /^A person can act only for a state or organisation; “Marco Rubio” is a person\.$/,
      ),
    );
    expect(() => saveParty(db, { name: 'Aide', kind: 'person', actsForId: 404, aliases: [] })).toThrow(
      refusal('not_found', 'actsForId', /No party has id 404/),
    );
    expect(() =>
      saveParty(db, { id: us, name: 'United States', kind: 'person', actsForId: null, aliases: [] }),
    ).toThrow(
      refusal(
        'conflict',
        'kind',
        /^“Marco Rubio” acts for “United States”, so it must stay a state or organisation\.$/,
      ),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses a topic under itself or under one of its sub-topics', () => {
    const { db, topic } = setUp();
    const security = topic('security');
    const fentanyl = topic('fentanyl', security);
    const precursors = topic('precursors', fentanyl);
    const before = fingerprint(db);
    expect(() => saveTopic(db, { id: security, name: 'security', parentId: security, keywords: [] })).toThrow(
      refusal('invalid_input', 'parentId', /^A topic cannot sit under itself\.$/),
    );
    expect(() =>
      saveTopic(db, { id: security, name: 'security', parentId: precursors, keywords: [] }),
    ).toThrow(
      refusal(
        'invalid_input',
        'parentId',
        /^“security” cannot sit under “precursors”, which is one of its own sub-topics\.$/,
      ),
    );
    expect(() => saveTopic(db, { name: 'x', parentId: 404, keywords: [] })).toThrow(
      refusal('not_found', 'parentId', /No topic has id 404/),
    );
    expect(fingerprint(db)).toBe(before);
    // Moving a leaf elsewhere is fine.
    saveTopic(db, { id: precursors, name: 'precursors', parentId: security, keywords: [] });
  });

  it('keeps "not yet assessed" open and unscored; it may be renamed and recoloured', () => {
    const { db, status } = setUp();
    const id = status('not yet assessed');
    const before = fingerprint(db);
    expect(() =>
      saveStatus(db, { id, name: 'not yet assessed', colour: '#6b7280', category: 'closed', score: null }),
    ).toThrow(refusal('invalid_input', 'category', /must stay an open status/));
    expect(() =>
      saveStatus(db, { id, name: 'not yet assessed', colour: '#6b7280', category: 'open', score: 0 }),
    ).toThrow(refusal('invalid_input', 'score', /carries no compliance score/));
    expect(fingerprint(db)).toBe(before);
    saveStatus(db, { id, name: 'unassessed', colour: '#777777', category: 'open', score: null });
    expect(listReference(db).statuses[0]).toMatchObject({ id, name: 'unassessed', assessed: false });
  });
});

describe('what uses reference data, and deleting it', () => {
  it('counts commitments, status updates and children, with up to five examples', () => {
    const { db, dossierId, add, status, state, topic } = setUp();
    const us = state('United States');
    saveParty(db, { name: 'Marco Rubio', kind: 'person', actsForId: us, aliases: [] });
    const security = topic('security');
    topic('fentanyl', security);
    const titles = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    const ids = titles.map((title) => add(title, { madeBy: [us], topicIds: [security] }));
    recordStatusUpdate(db, newStatusUpdate(ids[0]!, status('in progress'), '2025-10-01', { partyId: us }));
    deleteCommitment(db, ids[0]!);
    expect(referenceUsage(db, 'party', us)).toEqual({
      commitments: 6,
      statusUpdates: 1,
      children: 1,
      examples: ['Two', 'Three', 'Four', 'Five', 'Six'],
    });
    expect(referenceUsage(db, 'topic', security)).toMatchObject({
      commitments: 6,
      statusUpdates: 0,
      children: 1,
    });
    expect(referenceUsage(db, 'dossier', dossierId)).toMatchObject({ commitments: 6, children: 0 });
    expect(referenceUsage(db, 'status', status('not yet assessed'))).toMatchObject({
      commitments: 6,
      statusUpdates: 6,
    });
    expect(referenceUsage(db, 'status', status('lapsed'))).toEqual({
      commitments: 0,
      statusUpdates: 0,
      children: 0,
      examples: [],
    });
    expect(() => referenceUsage(db, 'topic', 404)).toThrow(refusal('not_found', 'id', /No topic has id 404/));
  });

  it('counts a commitment in the trash, and says so', () => {
    const { db, add, topic } = setUp();
    const trade = topic('trade');
    deleteCommitment(db, add('Review the USMCA', { topicIds: [trade] }));
    expect(referenceUsage(db, 'topic', trade)).toMatchObject({
      commitments: 1,
      examples: ['Review the USMCA (in the trash)'],
    });
  });

  it('refuses to delete what is used, saying what uses it, and changes nothing', () => {
    const { db, dossierId, add, status, state, topic } = setUp();
    const us = state('United States');
    saveParty(db, { name: 'Marco Rubio', kind: 'person', actsForId: us, aliases: [] });
    const trade = topic('trade');
    topic('tariffs', trade);
    const usmca = topic('USMCA');
    add('Review the USMCA trade agreement', { topicIds: [usmca] });
    add('Keep the tariffs in force', { topicIds: [usmca] });
    const before = fingerprint(db);
    expect(() => deleteReference(db, 'topic', usmca)).toThrow(
      refusal(
        'conflict',
        'id',
        /^Used by 2 commitments, e\.g\. “Review the USMCA trade agreement”, “Keep the tariffs in force”; remove it from them first\.$/,
      ),
    );
    expect(() => deleteReference(db, 'topic', trade)).toThrow(
      refusal(
        'conflict',
        'id',
        /^Used by 1 sub-topic, e\.g\. “tariffs”; move or delete its sub-topics first\.$/,
      ),
    );
    expect(() => deleteReference(db, 'party', us)).toThrow(
      refusal(
        'conflict',
        'id',
        /^Used by 1 person acting for it, e\.g\. “Marco Rubio”; change whom those people act for first\.$/,
      ),
    );
    expect(() => deleteReference(db, 'dossier', dossierId)).toThrow(
      refusal('conflict', 'id', /^Used by 2 commitments, .*; move them to another dossier first\.$/),
    );
    expect(() => deleteReference(db, 'status', status('not yet assessed'))).toThrow(
      refusal(
        'conflict',
        'id',
        /^“not yet assessed” is the status every new commitment starts with; it cannot be deleted\.$/,
      ),
    );
    expect(() => deleteReference(db, 'party', 404)).toThrow(
      refusal('not_found', 'id', /No party has id 404/),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('says a status in the history stays, as history is never edited', () => {
    const { db, add, status } = setUp();
    const id = add('Open the border crossing');
    recordStatusUpdate(db, newStatusUpdate(id, status('stalled'), '2025-10-01'));
    expect(() => deleteReference(db, 'status', status('stalled'))).toThrow(
      refusal(
        'conflict',
        'id',
        /^Used by 1 commitment and 1 status update, e\.g\. “Open the border crossing”; history is never edited, so it stays: rename it instead\.$/,
      ),
    );
  });

  it('deletes what nothing uses', () => {
    const { db, state, topic, status } = setUp();
    const canada = state('Canada');
    const energy = topic('energy');
    expect(deleteReference(db, 'party', canada)).toBe(canada);
    expect(deleteReference(db, 'topic', energy)).toBe(energy);
    const lapsed = status('lapsed');
    expect(deleteReference(db, 'status', lapsed)).toBe(lapsed);
    const reference = listReference(db);
    expect(reference.parties).toEqual([]);
    expect(reference.topics).toEqual([]);
    expect(reference.statuses.map((row) => row.name)).not.toContain('lapsed');
  });
});
