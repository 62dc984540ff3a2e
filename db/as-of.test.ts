// The as-of view on a scripted history: the list and the commitment page as they stood on a day.
import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, today } from './as-of.ts';
import { getCommitment, listCommitments, type ListOptions } from './commitments.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'As of', '');
  const statusId = (name: string) => statusIdOf(db, name);
  const add = (title: string, announcedOn: string | null, dueOn: string | null = null) =>
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        announcedOn,
        deadline: dueOn === null ? null : { on: dueOn },
        statusId: statusId('announced'),
      }),
    );
  const update = (commitmentId: number, status: string, effectiveOn: string) =>
    recordStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusId(status), effectiveOn, {
        note: `${status} from ${effectiveOn}`,
        brokenBeforeDeadlineReason: 'Scripted for the test.',
      }),
    );
  const retract = (updateId: number) =>
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(updateId);
  const page = (options: Partial<ListOptions> = {}) =>
    listCommitments(db, { sort: 'title', direction: 'asc', offset: 0, limit: 100, ...options });
  return { db, add, update, retract, page, statusId };
}

/** Fentanyl: announced 3 Sep, in progress 26 Sep, stalled 1 Dec (undone), at risk 15 Jan. */
function scriptedHistory() {
  const fixture = setUp();
  const { add, update, retract } = fixture;
  const fentanyl = add('Fentanyl', '2025-09-03', '2026-07-01');
  update(fentanyl, 'in progress', '2025-09-26');
  retract(update(fentanyl, 'stalled', '2025-12-01'));
  update(fentanyl, 'at risk', '2026-01-15');
  const ministerial = add('Security Ministerial', '2026-01-15', '2026-02-28');
  const undated = add('Undated', null);
  return { ...fixture, fentanyl, ministerial, undated };
}

describe('the commitments list as of a day', () => {
  it('shows the status in force on the day, not updates effective after it or undone', () => {
    const { page, fentanyl } = scriptedHistory();
    const statusOn = (asOf?: string) => page(asOf ? { asOf } : {}).rows.find((row) => row.id === fentanyl);
    expect(statusOn('2025-09-25')).toMatchObject({
      status: { name: 'announced' },
      statusSince: '2025-09-03',
    });
    expect(statusOn('2025-09-26')).toMatchObject({
      status: { name: 'in progress' },
      statusSince: '2025-09-26',
    });
    // The stalled update of 1 Dec was undone: in progress holds until 15 Jan.
    expect(statusOn('2025-12-15')).toMatchObject({
      status: { name: 'in progress' },
      statusSince: '2025-09-26',
    });
    expect(statusOn('2026-01-15')).toMatchObject({ status: { name: 'at risk' }, statusSince: '2026-01-15' });
    expect(statusOn()).toMatchObject({ status: { name: 'at risk' } });
  });

  it('leaves out commitments announced after the day, and keeps undated ones', () => {
    const { page, fentanyl, ministerial, undated } = scriptedHistory();
    expect(page({ asOf: '2025-12-31' }).rows.map((row) => row.id)).toEqual([fentanyl, undated]);
    expect(page({ asOf: '2025-12-31' }).total).toBe(2);
    expect(page({ asOf: '2026-01-15' }).rows.map((row) => row.id)).toEqual([fentanyl, ministerial, undated]);
  });

  it('filters by status and status category as of the day', () => {
    const { page, statusId, fentanyl } = scriptedHistory();
    const ids = (options: Partial<ListOptions>) => page(options).rows.map((row) => row.id);
    expect(ids({ asOf: '2025-12-15', statusId: statusId('in progress') })).toEqual([fentanyl]);
    expect(ids({ asOf: '2025-12-15', statusId: statusId('stalled') })).toEqual([]);
    expect(ids({ statusId: statusId('in progress') })).toEqual([]);
    expect(ids({ statusId: statusId('at risk') })).toEqual([fentanyl]);
    expect(ids({ asOf: '2025-12-15', statusCategory: 'closed' })).toEqual([]);
    // The undated commitment's first status took effect on the day it was recorded: today.
    expect(ids({ asOf: '2025-12-15', statusCategory: 'open' })).toEqual([fentanyl]);
    expect(page({ statusCategory: 'open' }).total).toBe(3);
  });

  it('sorts by status and by last update as of the day', () => {
    const { add, update, page } = setUp();
    const first = add('First', '2025-01-01');
    const second = add('Second', '2025-01-01');
    update(first, 'fulfilled', '2025-03-01');
    update(second, 'in progress', '2025-02-01');
    update(second, 'broken', '2025-06-01');
    const ids = (options: Partial<ListOptions>) => page(options).rows.map((row) => row.id);
    // On 1 Apr: first is fulfilled (position 6), second in progress (3), updated 1 Mar and 1 Feb.
    expect(ids({ asOf: '2025-04-01', sort: 'status' })).toEqual([second, first]);
    expect(ids({ asOf: '2025-04-01', sort: 'updated' })).toEqual([second, first]);
    // Today: second is broken (8), updated 1 Jun.
    expect(ids({ sort: 'status' })).toEqual([first, second]);
    expect(ids({ sort: 'updated', direction: 'desc' })).toEqual([second, first]);
  });
});

describe('the commitment page as of a day', () => {
  it('gives the status, its history and the deadline state on that day', () => {
    const { db, fentanyl } = scriptedHistory();
    const onDay = getCommitment(db, fentanyl, '2025-12-15');
    expect(onDay.status?.name).toBe('in progress');
    expect(onDay.statusSince).toBe('2025-09-26');
    expect(onDay.deadlineState).toBe('upcoming');
    expect(onDay.history.map((entry) => [entry.status.name, entry.effectiveOn])).toEqual([
      ['in progress', '2025-09-26'],
      ['announced', '2025-09-03'],
    ]);
    const now = getCommitment(db, fentanyl);
    expect(now.status?.name).toBe('at risk');
    expect(now.history.map((entry) => entry.status.name)).toEqual(['at risk', 'in progress', 'announced']);
    expect(getCommitment(db, fentanyl, '2026-06-01').deadlineState).toBe('due_soon');
  });

  it('has no status on a day before its first update', () => {
    const { db, fentanyl } = scriptedHistory();
    const before = getCommitment(db, fentanyl, '2025-08-01');
    expect(before.status).toBeNull();
    expect(before.statusSince).toBeNull();
    expect(before.history).toEqual([]);
  });
});

describe('calendar days', () => {
  it('knows real dates, counts days between them and names today in local time', () => {
    expect(isCalendarDate('2025-10-29')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const wrong of ['2025-02-30', '2025-02-29', '2025-13-01', '1 Oct 2025', '2025-10-1', ''])
      expect(isCalendarDate(wrong), wrong).toBe(false);
    expect(daysBetween('2025-10-01', '2025-10-29')).toBe(28);
    expect(daysBetween('2025-10-29', '2025-10-01')).toBe(-28);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(today(new Date(2026, 10, 23, 23, 30))).toBe('2026-11-23');
  });
});
