// The scorecard's arithmetic on a hand-made history, every figure worked out by hand in the comments.
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { buildScorecard, type Scorecard } from './scorecard.ts';
import { scorecardCell } from './scorecard-cell.ts';
import { handMadeHistory, type HandMadeHistory } from './scorecard-fixtures.ts';

let db: Database;
let ids: HandMadeHistory;

beforeAll(() => {
  db = temporaryDatabase().db;
  ids = handMadeHistory(db);
});

const figures = (tally: { mean: number | null; percent: number | null; assessed: number; total: number }) => [
  tally.mean,
  tally.percent,
  tally.assessed,
  tally.total,
];

function cell(scorecard: Scorecard, commitmentId: number, party: string) {
  const row = scorecard.commitments.find((c) => c.id === commitmentId)!;
  const found = row.cells.find((c) => c.party === party);
  return (
    found && { status: found.status?.name ?? null, score: found.score, own: found.own, kind: found.kind }
  );
}

describe('the scorecard as of 1 December 2025', () => {
  let card: Scorecard;
  beforeAll(() => {
    card = buildScorecard(db, { scope: { dossierId: ids.dossierId, asOf: '2025-12-01' } });
  });

  it('takes each party’s own status, else the commitment’s, and ignores an undone update', () => {
    expect(cell(card, ids.fentanyl, 'United States')).toEqual({
      status: 'fulfilled',
      score: 1,
      own: true,
      kind: 'scored',
    });
    expect(cell(card, ids.fentanyl, 'Mexico')).toMatchObject({
      status: 'partially fulfilled',
      score: 0,
      own: true,
    });
    // Mexico has none of its own on firearms: the commitment's "broken" stands for it.
    expect(cell(card, ids.firearms, 'Mexico')).toEqual({
      status: 'broken',
      score: -1,
      own: false,
      kind: 'scored',
    });
    // The United States' own "not yet assessed" wins over the commitment's "broken", and is not a 0.
    expect(cell(card, ids.firearms, 'United States')).toEqual({
      status: 'not yet assessed',
      score: null,
      own: true,
      kind: 'not_assessed',
    });
    expect(cell(card, ids.reprieve, 'United States')).toMatchObject({
      status: 'withdrawn',
      score: -1,
      own: false,
    });
    expect(cell(card, ids.reprieve, 'Mexico')).toBeUndefined();
    // A new commitment starts "not yet assessed".
    expect(cell(card, ids.late, 'Mexico')).toEqual({
      status: 'not yet assessed',
      score: null,
      own: false,
      kind: 'not_assessed',
    });
  });

  it('gives each party its mean, percentage, assessed and total', () => {
    expect(card.parties.map((p) => p.name)).toEqual(['Mexico', 'United States']);
    const [mexico, us] = card.parties;
    // Mexico: 0 (fentanyl) and −1 (firearms) scored; the late commitment not yet assessed.
    expect(figures(mexico!)).toEqual([-0.5, 25, 2, 3]);
    expect(mexico).toMatchObject({ unscored: 0, notYetAssessed: 1 });
    // United States: +1 and −1 scored; its own "not yet assessed" on firearms counted apart.
    expect(figures(us!)).toEqual([0, 50, 2, 3]);
    expect(us).toMatchObject({ unscored: 0, notYetAssessed: 1 });
  });

  it('gives each commitment and each topic the same figures, and the whole card', () => {
    const row = (id: number) => figures(card.commitments.find((c) => c.id === id)!);
    expect(row(ids.fentanyl)).toEqual([0.5, 75, 2, 2]);
    expect(row(ids.firearms)).toEqual([-1, 0, 1, 2]);
    expect(row(ids.reprieve)).toEqual([-1, 0, 1, 1]);
    // No party made the review: it counts once, by its own status, in its row, topic and overall.
    expect(row(ids.review)).toEqual([1, 100, 1, 1]);
    expect(card.commitments.find((c) => c.id === ids.review)!.cells).toEqual([]);
    expect(row(ids.late)).toEqual([null, null, 0, 1]);
    expect(card.topics.map((t) => [t.topic, ...figures(t)])).toEqual([
      ['security › fentanyl', 0.5, 75, 2, 2],
      ['security › firearms', -1, 0, 1, 2],
      ['trade › tariffs', -1, 0, 1, 1],
      ['trade › USMCA', 1, 100, 1, 1],
      ['No topic', null, null, 0, 1],
    ]);
    // +1, 0, −1, −1, +1 scored; two cells not yet assessed.
    expect(figures(card.overall)).toEqual([0, 50, 5, 7]);
  });

  it('is the same today when nothing has happened since', () => {
    const today = buildScorecard(db, { scope: { dossierId: ids.dossierId } });
    expect(today.asOf).toBeNull();
    expect(today.parties).toEqual(card.parties);
    expect(today.commitments).toEqual(card.commitments);
  });
});

describe('the scorecard as of an earlier day', () => {
  it('shows what was in force then, and leaves out what was not yet announced', () => {
    const card = buildScorecard(db, { scope: { dossierId: ids.dossierId, asOf: '2025-10-15' } });
    expect(card.commitments.map((c) => c.id)).not.toContain(ids.late);
    expect(cell(card, ids.fentanyl, 'Mexico')).toEqual({
      status: 'in progress',
      score: null,
      own: false,
      kind: 'unscored',
    });
    expect(cell(card, ids.reprieve, 'United States')).toMatchObject({
      status: 'in progress',
      kind: 'unscored',
    });
    const [mexico, us] = card.parties;
    expect(figures(mexico!)).toEqual([-1, 0, 1, 2]);
    expect(mexico).toMatchObject({ unscored: 1, notYetAssessed: 0 });
    expect(figures(us!)).toEqual([1, 100, 1, 3]);
    expect(us).toMatchObject({ unscored: 1, notYetAssessed: 1 });
  });

  it('has no cell yet before any status took effect', () => {
    const card = buildScorecard(db, { scope: { dossierId: ids.dossierId, asOf: '2025-09-03' } });
    expect(cell(card, ids.firearms, 'United States')).toMatchObject({ status: 'announced', own: false });
    expect(figures(card.overall)).toEqual([null, null, 0, 6]);
  });
});

describe('comparing two days', () => {
  it('lists the cells that changed and each party’s change in mean over the same commitments', () => {
    const card = buildScorecard(db, {
      scope: { dossierId: ids.dossierId, asOf: '2025-12-01' },
      compare: '2025-10-15',
    });
    const changes = card.changes!;
    expect(changes.comparedWith).toBe('2025-10-15');
    expect(
      changes.cells.map((c) => [c.title, c.party, c.from.status?.name ?? null, c.to.status?.name ?? null]),
    ).toEqual([
      ['Halt fentanyl flows', 'Mexico', 'in progress', 'partially fulfilled'],
      ['Tariff reprieve', 'United States', 'in progress', 'withdrawn'],
      // Not announced on 15 October: no status then.
      ['Announced later', 'Mexico', null, 'not yet assessed'],
    ]);
    expect(changes.cells[0]).toMatchObject({
      from: { status: { name: 'in progress' }, score: null, kind: 'unscored', own: false },
      to: { status: { name: 'partially fulfilled' }, score: 0, kind: 'scored', own: true },
    });
    expect(Object.keys(changes.cells[0]!.to).sort()).toEqual(['kind', 'own', 'score', 'status']);
    // Mexico on 15 Oct over the same three: −1 (firearms) alone; now −0.5.
    // The United States: +1 alone then; now (+1 −1) / 2 = 0.
    expect(changes.parties.map((p) => [p.party, p.before.mean, p.after.mean, p.meanChange])).toEqual([
      ['Mexico', -1, -0.5, 0.5],
      ['United States', 1, 0, -1],
    ]);
    expect(changes.parties[0]!.before).toMatchObject({
      assessed: 1,
      unscored: 1,
      notYetAssessed: 1,
      total: 3,
    });
    // Then: +1 (US fentanyl), −1 (Mexico firearms), +1 (review); now 0 over five.
    expect([changes.overall.before.mean, changes.overall.after.mean]).toEqual([1 / 3, 0]);
    expect(changes.overall.meanChange).toBeCloseTo(-1 / 3, 12);
  });

  it('refuses a day that is not earlier, naming the field', () => {
    expect(() => buildScorecard(db, { scope: { asOf: '2025-10-15' }, compare: '2025-10-15' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', path: 'compare' }),
    );
  });
});

describe('the scope', () => {
  it('narrows the rows with the list’s filters, and the columns follow the makers in scope', () => {
    const trade = db.prepare(`SELECT id FROM topic WHERE name = 'trade'`).pluck().get() as number;
    const card = buildScorecard(db, { scope: { topicId: trade, asOf: '2025-12-01' } });
    expect(card.commitments.map((c) => c.title)).toEqual(['Tariff reprieve', 'Joint review']);
    expect(card.parties.map((p) => [p.name, p.mean, p.total])).toEqual([['United States', -1, 1]]);
    expect(card.scopeTerms).toEqual([{ label: 'Topic', value: 'trade, with its subtopics' }]);
  });
});

describe('the list’s filters on the state of a day', () => {
  it('filter on the commitment’s own status on that day, as the list does, also when compared', () => {
    const card = buildScorecard(db, {
      scope: { dossierId: ids.dossierId, statusCategory: 'closed', asOf: '2025-12-01' },
      compare: '2025-10-15',
    });
    // The fentanyl pledge is "in progress" as a whole, however its parties stand on their own.
    expect(card.commitments.map((c) => c.title)).toEqual([
      'Curb firearms smuggling',
      'Tariff reprieve',
      'Joint review',
    ]);
    expect(card.changes!.cells.map((c) => [c.title, c.party])).toEqual([
      ['Tariff reprieve', 'United States'],
    ]);
  });

  it('filter on the deadline’s state today', () => {
    // All five are due on 5 Oct 2025; the review was fulfilled before, so its deadline is met.
    const card = buildScorecard(db, { scope: { dossierId: ids.dossierId, deadlineState: 'met' } });
    expect(card.commitments.map((c) => c.title)).toEqual(['Joint review']);
    expect(card.overall).toMatchObject({ mean: 1, assessed: 1, total: 1 });
  });
});

describe('the evidence behind a cell', () => {
  it('gives the party’s own update with its quote and source', () => {
    const detail = scorecardCell(db, { commitmentId: ids.fentanyl, partyId: ids.us, asOf: '2025-12-01' });
    expect(detail).toMatchObject({ own: true, score: 1, kind: 'scored', status: { name: 'fulfilled' } });
    expect(detail.update).toMatchObject({
      id: ids.usFentanylUpdate,
      effectiveOn: '2025-10-01',
      note: 'Seizures doubled.',
      evidence: { text: ids.quote, speaker: 'A customs official', source: { title: 'Border statistics' } },
    });
  });

  it('gives the commitment’s update where the party has none of its own', () => {
    const detail = scorecardCell(db, { commitmentId: ids.firearms, partyId: ids.mexico });
    expect(detail).toMatchObject({ own: false, score: -1, update: { note: 'broken from 2025-10-10' } });
  });

  it('refuses a party that did not make the commitment, and an unknown one, naming the field', () => {
    expect(() => scorecardCell(db, { commitmentId: ids.reprieve, partyId: ids.mexico })).toThrow(
      expect.objectContaining({ code: 'invalid_input', path: 'partyId' }),
    );
    expect(() => scorecardCell(db, { commitmentId: ids.reprieve, partyId: 999 })).toThrow(
      expect.objectContaining({ code: 'not_found', path: 'partyId' }),
    );
    expect(() => scorecardCell(db, { commitmentId: 999, partyId: ids.us })).toThrow(
      expect.objectContaining({ code: 'not_found', path: 'commitmentId' }),
    );
  });
});
