// The dashboard of the sample dossier, through the API as the app calls it: deadlines, counts, stale work.
import { describe, expect, it } from 'vitest';
import { today } from '../../db/as-of.ts';
import type { Dashboard } from '../domain/model.ts';
import { statusIdOf, temporaryDatabase } from '../../db/testing.ts';
import { callOperation } from './dispatch.ts';

function sample() {
  const { db } = temporaryDatabase();
  const call = (name: string, input: unknown) => callOperation(db, name, input);
  expect(call('loadSample', {})).toMatchObject({ ok: true });
  const statusId = (name: string) => statusIdOf(db, name);
  const dashboard = (input: object): Dashboard => {
    const result = call('getDashboard', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Dashboard;
  };
  return { dashboard, statusId, call };
}

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

describe('dashboard on the sample dossier', () => {
  it('lists the passed deadlines with no update since, on 23 Nov 2026', () => {
    const { dashboard } = sample();
    const shown = dashboard({ asOf: '2026-11-23' });
    expect(shown.asOf).toBe('2026-11-23');
    expect(titles(shown.overdue)).toEqual([
      '90-day reprieve for Mexico from the threatened 30% tariffs',
      'Hold a Security Ministerial in Washington in February 2026 to assess progress and gaps',
      'Review the USMCA trade agreement',
    ]);
    expect(titles(shown.overdue).join()).not.toMatch(/firearms/i);
    expect(shown.overdue[0]).toMatchObject({
      dueOn: '2025-10-29',
      deadlineState: 'passed',
      daysToDue: -390,
      lastUpdateOn: '2025-07-31',
      status: { name: 'in progress' },
    });
    expect(shown.dueSoon).toEqual([]);
  });

  it('shows the reprieve due soon, in 28 days, on 1 Oct 2025', () => {
    const { dashboard } = sample();
    const shown = dashboard({ asOf: '2025-10-01' });
    expect(shown.dueSoon).toHaveLength(1);
    expect(shown.dueSoon[0]).toMatchObject({
      title: '90-day reprieve for Mexico from the threatened 30% tariffs',
      deadlineState: 'due_soon',
      daysToDue: 28,
    });
    expect(shown.overdue).toEqual([]);
    // Not yet announced on that day, so nowhere on the dashboard.
    const everything = [...shown.dueSoon, ...shown.stale].map((row) => row.title).join();
    expect(everything).not.toMatch(/Security Ministerial/);
  });

  it('counts statuses by top-level topic and by maker, as of the day', () => {
    const { dashboard, statusId } = sample();
    const shown = dashboard({ asOf: '2025-10-01' });
    const byTopic = Object.fromEntries(shown.statusByTopic.map((row) => [row.topic, row.counts]));
    expect(Object.keys(byTopic)).toEqual(['institutions', 'security', 'trade']);
    // The three security pledges, the border programme and the fentanyl tariffs, all filed under
    // subtopics of security, count for it.
    expect(byTopic.security).toEqual([
      { statusId: statusId('announced'), count: 3 },
      { statusId: statusId('in progress'), count: 2 },
    ]);
    // The fentanyl tariffs sit under trade and security: they count once in each.
    expect(byTopic.trade).toEqual([{ statusId: statusId('in progress'), count: 3 }]);
    expect(byTopic.institutions).toEqual([{ statusId: statusId('in progress'), count: 1 }]);
    const byParty = Object.fromEntries(shown.statusByParty.map((row) => [row.party, row.counts]));
    expect(Object.keys(byParty)).toEqual(['Mexico', 'United States']);
    const total = (cells: { count: number }[]) => cells.reduce((sum, cell) => sum + cell.count, 0);
    expect(total(byParty.Mexico!)).toBe(6);
    expect(total(byParty['United States']!)).toBe(7);
    expect(total(dashboard({}).statusByParty.find((row) => row.party === 'Mexico')!.counts)).toBe(7);
  });

  it('lists open commitments with no update for the stale period, oldest first', () => {
    const { dashboard, call } = sample();
    const shown = dashboard({ asOf: '2025-10-01' });
    expect(shown.staleDays).toBe(60);
    expect(titles(shown.stale)).toEqual(['90-day reprieve for Mexico from the threatened 30% tariffs']);
    expect(shown.stale[0]).toMatchObject({ lastUpdateOn: '2025-07-31', daysSinceUpdate: 62 });
    expect(call('saveSettings', { staleDays: 20 })).toMatchObject({ ok: true, value: { staleDays: 20 } });
    const sooner = dashboard({ asOf: '2025-10-01' });
    expect(sooner.staleDays).toBe(20);
    // The reprieve, then the five commitments last updated on 3 Sep; not the two updated on 26 Sep.
    expect(sooner.stale.map((row) => row.daysSinceUpdate)).toEqual([62, 28, 28, 28, 28, 28]);
    expect(sooner.stale.every((row) => row.status?.category === 'open')).toBe(true);
  });

  it('describes today when no day is given', () => {
    const { dashboard } = sample();
    expect(dashboard({}).asOf).toBe(today());
    expect(dashboard({}).changes).toEqual([]);
    expect(dashboard({}).changesSince).toBeNull();
  });
});
