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
  getDashboard: [{ asOf: 'today' }, { changesSince: '2025-01-01' }, { staleDays: 30 }],
  startSession: [{ at: '2025-01-01T00:00:00Z' }],
  updateCommitment: [
    {},
    { id: 0, title: 'x' },
    { id: 1, title: '' },
    { id: 1, announcedOn: '2025-02-30' },
    { id: 1, deadline: { amount: 0, unit: 'days', from: '2025-07-31' } },
    { id: 1, statusId: 2 },
    { id: 1, madeBy: ['US'] },
    { id: 1, parentId: 'none' },
  ],
  deleteCommitment: [{}, { id: '1' }, { id: -3 }],
  restoreCommitment: [{}, { id: 1.5 }],
  listTrash: [{ all: true }],
  undo: [{ steps: 2 }],
  bulkRecordStatus: [
    { commitmentIds: [], statusId: 1, effectiveOn: '2025-10-01' },
    { commitmentIds: [1], statusId: 1 },
    { commitmentIds: 'all', statusId: 1, effectiveOn: '2025-10-01' },
    { commitmentIds: [1], statusId: 1, effectiveOn: '2025-10-01', partyId: 1 },
    { commitmentIds: [1], statusId: 1, effectiveOn: '2025-10-01', brokenBeforeDeadlineReason: 3 },
  ],
  listExcerpts: [{ commitmentId: 0 }, { text: 5 }, { text: 'x'.repeat(201) }],
  saveDossier: [{}, { name: '  ' }, { id: 0, name: 'x' }, { name: 'x', description: 7 }],
  saveParty: [
    { name: 'x' },
    { name: 'x', kind: 'country' },
    { name: 'x', kind: 'person', actsForId: 'US' },
    { name: 'x', kind: 'state', aliases: 'US' },
  ],
  saveTopic: [{}, { name: 'x', parentId: -1 }, { name: 'x', keywords: [3] }],
  saveStatus: [
    { name: 'x', colour: 'red', category: 'open' },
    { name: 'x', colour: '#ABCDEF', category: 'open' },
    { name: 'x', colour: '#abcdef', category: 'pending' },
    { name: 'x', colour: '#abcdef', category: 'closed', score: 2 },
  ],
  referenceUsage: [{ kind: 'commitment', id: 1 }, { kind: 'topic' }, { kind: 'topic', id: 0 }],
  deleteReference: [
    { kind: 'source', id: 1 },
    { kind: 'party', id: 'x' },
  ],
  listSavedViews: [{ name: 'x' }],
  saveView: [{ name: '', query: '' }, { name: 'x' }, { name: 'x', query: 'q'.repeat(2001) }],
  deleteView: [{}, { name: '  ' }],
  getSettings: [{ staleDays: 60 }],
  saveSettings: [
    { notifyDeadlines: 'yes' },
    { staleDays: 0 },
    { staleDays: 1.5 },
    { staleDays: 4000 },
    { staleDays: 60, backupKeep: -1 },
    { staleDays: 60, backupKeep: 'ten' },
    { citationStyle: 'mla' },
    { zoteroConnector: 'on' },
    { zoteroPort: 70000 },
  ],
  addSource: [
    {},
    { title: 'Communiqué', fullText: '' },
    { title: 'Communiqué', fullText: 'We will act.', url: 'file:///etc/passwd' },
    { title: 'Communiqué', fullText: 'We will act.', language: 'fr' },
    { title: 'Communiqué', fullText: 'We will act.', onDuplicate: 'overwrite' },
  ],
  listSources: [{ text: 3 }, { sort: 'title' }],
  readSource: [{}, { id: 'one' }],
  updateSource: [
    {},
    { id: 1, title: '' },
    { id: 1, url: 'javascript:alert(1)' },
    { id: 1, publishedOn: '2026-02-30' },
    { id: 1, language: 'fr' },
    { id: 1, fullText: 'rewritten' },
  ],
  createCommitmentFromQuote: [
    {},
    { quote: { sourceId: 1, start: -1, end: 5 }, commitment: { dossierId: 1, title: 'x' } },
    { quote: { sourceId: 1, start: 0, end: 5 }, commitment: { dossierId: 1, title: '' } },
  ],
  attachEvidence: [
    { quote: { sourceId: 1, start: 0, end: 5 } },
    { quote: { sourceId: 1, start: 0, end: 5 }, commitmentId: 1, update: { statusId: 1 } },
    { quote: { sourceId: 1, start: 0.5, end: 5 }, commitmentId: 1 },
  ],
  dismissCandidate: [{ sourceId: 1 }, { sourceId: 1, start: 'a', end: 3 }],
  suggestCommitments: [{}, { text: '' }, { text: 'x'.repeat(5_001) }],
  listBackups: [{ folder: '/etc' }, 'all'],
  takeBackup: [{ out: '/etc/passwd' }, 'now'],
  restoreBackup: [
    {},
    { name: 3 },
    { name: '../pledgewatch.sqlite' },
    { name: '/etc/passwd.sqlite' },
    { name: 'pledgewatch.auto.txt' },
    { name: 'pledgewatch.auto.sqlite', path: '/tmp/x.sqlite' },
  ],
  previewReport: [
    { since: '1 October' },
    { style: 'chicago-notes' },
    { scope: { topicId: 'trade' } },
    { scope: { asOf: '2025-02-30' } },
    { template: '' },
    { format: 'odt' },
    { scope: {}, colour: 'red' },
  ],
  renderReport: [
    {},
    { format: 'odt' },
    { format: 'pdf', since: '2025-13-01' },
    { format: 'pdf', scope: { dossierId: 0 } },
    { format: 'md', template: '   ' },
    { format: 'md', fileName: 'x'.repeat(201) },
    { format: 'md', out: '/etc/passwd' },
  ],
  getTrends: [{ interval: 'year' }, { scope: { asOf: 'today' } }, { scope: {}, extra: 1 }],
  renderCalendar: [{ scope: { dueOn: 'soon' } }, { name: 'x'.repeat(201) }, { out: '/tmp/x.ics' }, 'all'],
  publishTracker: [
    {},
    { folder: '' },
    { folder: '/tmp/site', includeNotes: 'yes' },
    { folder: '/tmp/site', scope: { topicId: 'trade' } },
    { folder: '/tmp/site', script: true },
  ],
  getScorecard: [
    { compare: '1 October' },
    { scope: { asOf: '2025-02-30' } },
    { scope: { partyId: 'Mexico' } },
    { compare: '2025-10-01', format: 'pdf' },
    { limit: 0 },
    { offset: -1 },
    'scorecard',
  ],
  renderScorecard: [
    {},
    { format: 'odt' },
    { format: 'pdf', compare: 'last week' },
    { format: 'csv', out: '/tmp/x' },
  ],
  getScorecardCell: [
    {},
    { commitmentId: 1 },
    { commitmentId: 1, partyId: 0 },
    { commitmentId: 'one', partyId: 1 },
    { commitmentId: 1, partyId: 1, asOf: 'today' },
    { commitmentId: 1, partyId: 1, compare: '2025-10-01' },
  ],
  listReportTemplates: [{ all: true }],
  saveReportTemplate: [
    {},
    { name: 'Friday briefing' },
    { name: '  ', format: 'pdf' },
    { name: 'Friday briefing', format: 'pdf', scope: { statusId: -1 } },
    { name: 'Friday briefing', format: 'pdf', scope: { nonsense: 1 } },
  ],
  deleteReportTemplate: [{}, { name: '' }, { name: 5 }],
  listReportSnapshots: [{ limit: 0 }, { limit: 501 }, { template: '' }, { since: '2025-01-01' }],
  draftSource: [
    {},
    { name: 'statement.pdf' },
    { name: 'statement.docx', contentBase64: 'dGV4dAo=' },
    { name: 'statement.txt', contentBase64: 'not base64!' },
    { name: '', contentBase64: 'dGV4dAo=' },
    { name: 'statement.txt', contentBase64: 'dGV4dAo=', path: '/etc/passwd' },
  ],
  extractPledges: [
    {},
    { text: 7 },
    { text: 'Mexico will act.', date: '4 Sept' },
    { text: 'Mexico will act.', date: '2025-02-30' },
    { text: 'x'.repeat(2_000_001) },
    { text: 'Mexico will act.', file: '/etc/passwd' },
  ],
  planImportFile: [
    {},
    { name: 'commitments.csv' },
    { name: 'commitments.csv', contentBase64: 'not base64!' },
    { name: 'commitments.exe', contentBase64: 'dGl0bGUK' },
    { name: '', contentBase64: 'dGl0bGUK' },
    { name: 'commitments.csv', contentBase64: 'dGl0bGUK', path: '/etc/passwd' },
  ],
  applyImportFile: [
    { contentBase64: 'dGl0bGUK' },
    { name: 'commitments.xlsx', contentBase64: 42 },
    { name: 'commitments.txt', contentBase64: 'dGl0bGUK' },
    { name: 'x'.repeat(300) + '.csv', contentBase64: 'dGl0bGUK' },
  ],
  importCitations: [
    {},
    { name: 'zotero.ris' },
    { name: 'zotero.txt', contentBase64: 'VFkgIC0gUlBSVAo=' },
    { name: 'zotero.bib', contentBase64: 'not base64!' },
    { name: 'zotero.ris', contentBase64: 'VFkgIC0gUlBSVAo=', attachments: [{ path: '', text: 'x' }] },
    { name: 'zotero.ris', contentBase64: 'VFkgIC0gUlBSVAo=', folder: '/etc' },
  ],
  listZoteroCollections: [{ port: 23119 }],
  importFromZotero: [
    { collection: 'tariffs' },
    { collection: 'ABCD1234', dryRun: 'yes' },
    { path: '/api/users/0/items' },
  ],
  renderEvidence: [{}, { format: 'ris' }, { format: 'bibtex', scope: { nonsense: 1 } }],
  teamStatus: [{ dossierId: 1 }],
  shareDossier: [
    {},
    { dossierId: 1 },
    { dossierId: 1, server: 'http://office-db/pledgewatch' },
    { dossierId: 0, server: 'postgres://alice@office-db/pledgewatch' },
    { dossierId: 1, server: 'postgres://alice@office-db/pledgewatch', password: 7 },
  ],
  joinDossier: [
    { server: 'postgres://bob@office-db/pledgewatch' },
    { dossier: '  ', server: 'postgres://bob@office-db/pledgewatch' },
    { dossier: 'Border talks', server: 'mysql://bob@office-db/pledgewatch' },
  ],
  syncTeam: [{ now: true }, { dossierId: 0 }, { dossierId: 'Border talks' }],
  listConflicts: [{}, { commitmentId: -1 }],
  resolveConflict: [
    { commitmentId: 1, field: 'title' },
    { commitmentId: 1, field: 'title', choose: 'both' },
    { commitmentId: 1, field: '', choose: 'kept' },
  ],
  listTeamMembers: [{}, { server: 'office-db' }],
  saveTeamMember: [
    { server: 'postgres://admin@office-db/pledgewatch', name: 'alice' },
    { server: 'postgres://admin@office-db/pledgewatch', name: '', write: true },
    { server: 'postgres://admin@office-db/pledgewatch', name: 'alice', write: true, memberPassword: 'short' },
  ],
  removeTeamMember: [{ server: 'postgres://admin@office-db/pledgewatch' }, { name: 'alice' }],
  listFeeds: [{ all: true }],
  addFeed: [
    {},
    { url: 'file:///etc/passwd' },
    { url: 'ftp://press.example/feed' },
    { url: 'not an address' },
    { url: 'https://press.example/feed', everyMinutes: 1 },
    { url: 'https://press.example/feed', everyMinutes: 2.5 },
  ],
  removeFeed: [{}, { url: 'javascript:alert(1)' }],
  checkFeeds: [{ url: 'file:///etc/hosts' }, { now: true }],
  listInbox: [{ limit: 0 }, { offset: -1 }, { limit: 1_000 }],
  countInbox: [{ unread: true }],
  markInboxItem: [{}, { sourceId: 0 }, { sourceId: 1, read: 'yes' }],
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
