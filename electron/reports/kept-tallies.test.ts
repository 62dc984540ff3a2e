// Today's scorecard and dashboard from the kept statuses and tallies (migrations 009 and 012) against
// the same figures counted from scratch out of the history, after each kind of change the data goes
// through: new commitments, a party's own status, the whole status, undo, topics and makers changed, a
// topic moved under another, a move to another dossier, the trash and back, a bulk update, an import, and a restored backup.
import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDashboard } from '../../db/dashboard.ts';
import { dashboardTallies, scorecardTallies, temporaryDatabase } from '../../db/testing.ts';
import { callOperation, callOperationAsync } from '../api/dispatch.ts';
import { buildReport, type ReportScope } from './model.ts';
import { renderCsv } from './csv.ts';
import { buildScorecard } from './scorecard.ts';

let db: Database;
let call: (name: string, input: unknown) => unknown;

const ids = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];
const idOf = (table: string, name: string) =>
  db.prepare(`SELECT id FROM ${table} WHERE name = ?`).pluck().get(name) as number;

beforeAll(() => {
  db = temporaryDatabase().db;
  call = (name, input) => {
    const result = callOperation(db, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  call('loadSample', {});
});

/** Every figure of today's scorecard, kept and from history, for scopes the tallies answer and one they do not. */
function expectKeptToMatchHistory(): void {
  const { kept, counted } = scorecardTallies(db);
  expect(kept).toEqual(counted);
  const dashboard = dashboardTallies(db);
  expect(dashboard.kept).toEqual(dashboard.counted);
  // The dashboard's counts today, from the tallies, and as of a day after every date in the file, from the history.
  const counts = ({ statusByTopic, statusByParty }: ReturnType<typeof getDashboard>) => ({
    statusByTopic,
    statusByParty,
  });
  expect(counts(getDashboard(db, {}))).toEqual(counts(getDashboard(db, { asOf: '2099-12-31' })));
  const dossiers = ids('SELECT id FROM dossier ORDER BY id');
  const topics = ids('SELECT id FROM topic ORDER BY id');
  const scopes: ReportScope[] = [
    {},
    ...dossiers.map((dossierId) => ({ dossierId })),
    ...topics.map((topicId) => ({ topicId })),
    { dossierId: dossiers[0]!, partyId: idOf('party', 'Mexico') },
    { statusCategory: 'open' },
    { deadlineState: 'passed', text: 'tariffs' },
  ];
  for (const scope of scopes) {
    const page = { offset: 0, limit: 5 };
    const fast = buildScorecard(db, { scope }, { page });
    const slow = buildScorecard(db, { scope }, { page, fromHistory: true });
    const figures = (card: typeof fast) => ({
      parties: card.parties,
      topics: card.topics,
      overall: card.overall,
      count: card.commitmentCount,
      rows: card.commitments,
    });
    expect(figures(fast), JSON.stringify(scope)).toEqual(figures(slow));
  }
}

describe('the kept scorecard and dashboard against the same counted from history', () => {
  it('agrees on the sample as loaded, and counts every cell of it', () => {
    expectKeptToMatchHistory();
    const card = buildScorecard(db, { scope: {} });
    expect(card.overall.total).toBeGreaterThan(card.commitmentCount);
  });

  it('agrees after a new commitment, a party’s own status and a whole status', () => {
    const dossierId = ids('SELECT id FROM dossier')[0]!;
    const [mexico, us] = [idOf('party', 'Mexico'), idOf('party', 'United States')];
    const { id } = call('createCommitment', {
      dossierId,
      title: 'Share customs data at every crossing',
      madeBy: [mexico, us],
      topicIds: ids('SELECT id FROM topic LIMIT 2'),
      announcedOn: '2025-09-03',
    }) as { id: number };
    expectKeptToMatchHistory();
    call('recordStatusUpdate', {
      commitmentId: id,
      statusId: idOf('status', 'fulfilled'),
      effectiveOn: '2025-10-01',
      partyId: mexico,
    });
    expectKeptToMatchHistory();
    call('recordStatusUpdate', {
      commitmentId: id,
      statusId: idOf('status', 'stalled'),
      effectiveOn: '2025-10-02',
    });
    expectKeptToMatchHistory();
    // A later own status, then one effective earlier: the later day stays in force.
    call('recordStatusUpdate', {
      commitmentId: id,
      statusId: idOf('status', 'in progress'),
      effectiveOn: '2025-09-20',
      partyId: mexico,
    });
    expectKeptToMatchHistory();
    expect(buildScorecard(db, { scope: { dossierId } }).commitmentCount).toBeGreaterThan(0);
  });

  it('agrees after undo takes back a party’s own status', () => {
    const before = scorecardTallies(db).kept;
    const commitmentId = ids('SELECT id FROM commitment ORDER BY id DESC LIMIT 1')[0]!;
    call('recordStatusUpdate', {
      commitmentId,
      statusId: idOf('status', 'partially fulfilled'),
      effectiveOn: '2025-11-01',
      partyId: idOf('party', 'United States'),
    });
    expect(scorecardTallies(db).kept).not.toEqual(before);
    expectKeptToMatchHistory();
    expect(call('undo', {})).toMatchObject({ undone: expect.any(String) });
    expect(scorecardTallies(db).kept).toEqual(before);
    expectKeptToMatchHistory();
  });

  it('agrees after topics and makers change, and after a move to another dossier', () => {
    const id = ids('SELECT id FROM commitment ORDER BY id LIMIT 1')[0]!;
    call('updateCommitment', { id, topicIds: ids('SELECT id FROM topic ORDER BY id DESC LIMIT 3') });
    expectKeptToMatchHistory();
    call('updateCommitment', { id, topicIds: [] });
    expectKeptToMatchHistory();
    call('updateCommitment', { id, madeBy: [] });
    expectKeptToMatchHistory();
    call('updateCommitment', { id, madeBy: [idOf('party', 'United States')] });
    expectKeptToMatchHistory();
    const { id: elsewhere } = call('saveDossier', { name: 'Northern border' }) as { id: number };
    call('updateCommitment', { id, dossierId: elsewhere });
    expectKeptToMatchHistory();
    expect(buildScorecard(db, { scope: { dossierId: elsewhere } }).commitmentCount).toBe(1);
  });

  it('agrees after a topic moves under another and back', () => {
    const [root, other] = ids('SELECT id FROM topic WHERE parent_id IS NULL ORDER BY id LIMIT 2');
    const moved = db.prepare('SELECT name FROM topic WHERE id = ?').get(other) as { name: string };
    const before = getDashboard(db, {}).statusByTopic.length;
    call('saveTopic', { id: other, name: moved.name, parentId: root });
    expectKeptToMatchHistory();
    expect(getDashboard(db, {}).statusByTopic.length).toBe(before - 1);
    call('saveTopic', { id: other, name: moved.name, parentId: null });
    expectKeptToMatchHistory();
  });

  it('agrees after the trash and back, and after a bulk status update', () => {
    const [first, second] = ids(
      `SELECT id FROM commitment WHERE deleted_at IS NULL
          AND id NOT IN (SELECT parent_id FROM commitment WHERE parent_id IS NOT NULL) ORDER BY id LIMIT 2`,
    );
    call('deleteCommitment', { id: first });
    expectKeptToMatchHistory();
    call('restoreCommitment', { id: first });
    expectKeptToMatchHistory();
    call('bulkRecordStatus', {
      commitmentIds: [first, second],
      statusId: idOf('status', 'in progress'),
      effectiveOn: '2025-12-01',
    });
    expectKeptToMatchHistory();
  });

  it('agrees after an import of new commitments and changed statuses', async () => {
    const rows = Papa.parse<string[]>(renderCsv(buildReport(db, {}, new Date())).replace(/^\uFEFF/, '')).data;
    const [header] = rows;
    const column = (name: string) => header!.indexOf(name);
    const copied = rows.slice(1, 4).map((row) => {
      const copy = [...row];
      copy[column('id')] = '';
      copy[column('title')] = `${row[column('title')]} (second phase)`;
      return copy;
    });
    rows[5]![column('status')] = 'stalled';
    const csv = Papa.unparse([...rows.filter((row) => row.length > 1), ...copied]);
    const applied = await callOperationAsync(db, 'applyImportFile', {
      name: 'week.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(applied).toMatchObject({ ok: true, value: { newCommitments: 3 } });
    expectKeptToMatchHistory();
  });

  it('agrees after a backup is restored over later changes', async () => {
    const later = async (name: string, input: unknown) => {
      const result = await callOperationAsync(db, name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    };
    const before = scorecardTallies(db).kept;
    const backup = (await later('takeBackup', {})) as { name: string };
    call('createCommitment', {
      dossierId: ids('SELECT id FROM dossier')[0]!,
      title: 'Open a joint fentanyl laboratory',
      madeBy: [idOf('party', 'Mexico')],
    });
    expect(scorecardTallies(db).kept).not.toEqual(before);
    await later('restoreBackup', { name: backup.name });
    expect(scorecardTallies(db).kept).toEqual(before);
    expectKeptToMatchHistory();
  });
});
