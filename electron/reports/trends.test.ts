// Trends from hand-made histories: counts by status at each period's end, each party's mean score with
// its own status or the commitment's, retractions and the as-of day respected, unscored never as 0.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDossier } from '../../db/reference.ts';
import { insertStatusUpdate, retractUpdates } from '../../db/status-updates.ts';
import { openDatabase } from '../../db/open.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from '../../db/testing.ts';
import { periodEnds, trendsOf } from './trends.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

function party(db: Database, name: string): number {
  return Number(db.prepare(`INSERT INTO party (name, kind) VALUES (?, 'state')`).run(name).lastInsertRowid);
}

function record(
  db: Database,
  commitmentId: number,
  status: string,
  effectiveOn: string,
  partyId: number | null = null,
) {
  return insertStatusUpdate(
    db,
    newStatusUpdate(commitmentId, statusIdOf(db, status), effectiveOn, { partyId }),
  );
}

/** Two commitments by Canada and Japan, one by Japan alone, with histories over three months. */
function history(db: Database) {
  const dossierId = createDossier(db, 'Summit', '');
  const canada = party(db, 'Canada');
  const japan = party(db, 'Japan');
  const climate = insertCommitment(
    db,
    newCommitment(dossierId, {
      title: 'Climate finance',
      madeBy: [canada, japan],
      announcedOn: '2025-01-10',
    }),
  );
  const health = insertCommitment(
    db,
    newCommitment(dossierId, { title: 'Health fund', madeBy: [japan], announcedOn: '2025-01-20' }),
  );
  record(db, climate, 'in progress', '2025-02-05');
  record(db, climate, 'fulfilled', '2025-03-15', canada); // Canada's own: +1
  record(db, climate, 'partially fulfilled', '2025-03-20'); // the whole: 0, Japan falls back to it
  record(db, health, 'broken', '2025-02-25'); // −1
  const undone = record(db, health, 'fulfilled', '2025-03-01');
  retractUpdates(db, [undone], [], 'recorded on the wrong commitment');
  return { climate, health };
}

describe('trends from history', () => {
  it('ends each month on its last day, and the last period on the day itself', () => {
    expect(periodEnds('2025-01-10', '2025-03-20', 'month')).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-20',
    ]);
    expect(periodEnds('2025-03-05', '2025-03-20', 'week')).toEqual([
      '2025-03-09',
      '2025-03-16',
      '2025-03-20',
    ]);
  });

  it('counts each status at the end of each month, and leaves out what was undone', () => {
    const { db } = temporaryDatabase();
    history(db);
    const trends = trendsOf(db, { asOf: '2025-03-31' }, 'month');
    expect(trends.periods).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    const at = (period: string) =>
      Object.fromEntries(
        trends.statusCounts.filter((cell) => cell.period === period).map((cell) => [cell.status, cell.count]),
      );
    expect(at('2025-01-31')).toEqual({ 'not yet assessed': 2 });
    expect(at('2025-02-28')).toEqual({ 'in progress': 1, broken: 1 });
    // The retracted "fulfilled" of the health fund never counts.
    expect(at('2025-03-31')).toEqual({ 'partially fulfilled': 1, broken: 1 });
  });

  it('gives each party the mean of its own status where it has one, else the commitment’s, never counting unscored as 0', () => {
    const { db } = temporaryDatabase();
    history(db);
    const trends = trendsOf(db, { asOf: '2025-03-31' }, 'month');
    const mean = (party: string, period: string) =>
      trends.partyMeans.find((point) => point.party === party && point.period === period)!;
    // February: Canada's one commitment is in progress (unscored): no mean, not 0.
    expect(mean('Canada', '2025-02-28')).toMatchObject({ mean: null, scored: 0, total: 1 });
    // Japan: in progress (unscored) and broken (−1): the mean of the one scored.
    expect(mean('Japan', '2025-02-28')).toMatchObject({ mean: -1, scored: 1, total: 2 });
    // March: Canada's own fulfilled (+1); Japan falls back to the whole's partially fulfilled (0) and broken.
    expect(mean('Canada', '2025-03-31')).toMatchObject({ mean: 1, scored: 1, total: 1 });
    expect(mean('Japan', '2025-03-31')).toMatchObject({ mean: -0.5, scored: 2, total: 2 });
  });

  it('stops at the as-of day and keeps the scope’s filters', () => {
    const { db } = temporaryDatabase();
    const { climate } = history(db);
    const early = trendsOf(db, { asOf: '2025-02-10' }, 'month');
    expect(early.periods.at(-1)).toBe('2025-02-10');
    expect(early.statusCounts.filter((cell) => cell.period === '2025-02-10')).toEqual([
      expect.objectContaining({ status: 'not yet assessed', count: 1 }),
      expect.objectContaining({ status: 'in progress', count: 1 }),
    ]);
    const canadaOnly = trendsOf(
      db,
      {
        asOf: '2025-03-31',
        partyId: db.prepare(`SELECT id FROM party WHERE name = 'Canada'`).pluck().get() as number,
      },
      'month',
    );
    expect(new Set(canadaOnly.statusCounts.map((cell) => cell.count))).toEqual(new Set([1]));
    expect(canadaOnly.partyMeans.every((point) => ['Canada', 'Japan'].includes(point.party))).toBe(true);
    expect(climate).toBeGreaterThan(0);
  });

  it('puts the deadlines nearest the day on the timeline, from announcement to due date', () => {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Summit', '');
    for (let month = 1; month <= 12; month += 1) {
      const due = `2026-${String(month).padStart(2, '0')}-15`;
      insertCommitment(
        db,
        newCommitment(dossierId, { title: `Due ${due}`, announcedOn: '2025-06-01', deadline: { on: due } }),
      );
    }
    const trends = trendsOf(db, { asOf: '2026-06-20' }, 'month');
    expect(trends.deadlineTotal).toBe(12);
    expect(trends.deadlines.map((span) => span.dueOn)).toEqual(
      [...Array(12).keys()].map((index) => `2026-${String(index + 1).padStart(2, '0')}-15`),
    );
    expect(trends.deadlines[0]).toMatchObject({ from: '2025-06-01', status: 'not yet assessed' });
  });

  it('works the trends out again after any write, from this connection or another', () => {
    const { db, file } = temporaryDatabase();
    const { health } = history(db);
    const brokenOn = (trends: ReturnType<typeof trendsOf>) =>
      trends.statusCounts.find((cell) => cell.period === '2025-03-31' && cell.status === 'broken')?.count ??
      0;
    expect(brokenOn(trendsOf(db, { asOf: '2025-03-31' }))).toBe(1);
    record(db, health, 'fulfilled', '2025-03-10');
    expect(brokenOn(trendsOf(db, { asOf: '2025-03-31' }))).toBe(0);
    const other = openDatabase(file);
    record(other, health, 'broken', '2025-03-12');
    other.close();
    expect(brokenOn(trendsOf(db, { asOf: '2025-03-31' }))).toBe(1);
  });
});
