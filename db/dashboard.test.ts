// The dashboard on scripted histories: passed deadlines, today's lists against the history's,
// no-topic counts, what changed since (the sample dossier's dashboard is tested through the API, in
// electron/api/dashboard.test.ts).
import { describe, expect, it } from 'vitest';
import { getDashboard } from './dashboard.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

describe('dashboard on scripted histories', () => {
  function setUp() {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Scripted', '');
    const statusId = (name: string) => statusIdOf(db, name);
    const add = (input: Partial<NewCommitment>) =>
      insertCommitment(db, newCommitment(dossierId, { announcedOn: '2025-01-01', ...input }));
    const update = (commitmentId: number, status: string, effectiveOn: string, recordedAt?: string) =>
      recordStatusUpdate(
        db,
        newStatusUpdate(commitmentId, statusId(status), effectiveOn, recordedAt ? { recordedAt } : {}),
      );
    return { db, add, update, statusId };
  }

  it('takes a passed deadline off the overdue list once an update follows it, unless undone', () => {
    const { db, add, update } = setUp();
    const id = add({ title: 'Reprieve', deadline: { on: '2025-10-29' } });
    const overdue = (asOf: string) => titles(getDashboard(db, { asOf }).overdue);
    expect(overdue('2025-11-01')).toEqual(['Reprieve']);
    const later = update(id, 'stalled', '2025-11-05');
    expect(overdue('2025-11-04')).toEqual(['Reprieve']);
    expect(overdue('2025-11-06')).toEqual([]);
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(later);
    expect(overdue('2025-11-06')).toEqual(['Reprieve']);
  });

  it('lists the same today, from what the commitment keeps, as from the history as of today', () => {
    const { db, add, update } = setUp();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const due = (title: string, offset: number) => add({ title, deadline: { on: day(offset) } });
    due('Passed, nothing since', -40);
    update(due('Passed, then stalled', -40), 'stalled', day(-10));
    update(due('Met in time', -40), 'fulfilled', day(-50));
    update(due('Closed too late', -40), 'fulfilled', day(-5));
    const undone = update(due('Passed, its update undone', -30), 'in progress', day(-3));
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(undone);
    due('Due next week', 7);
    update(due('Due soon, already fulfilled', 10), 'fulfilled', day(-1));
    due('Due next year', 300);
    const trashed = due('Passed, in the trash', -20);
    db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(trashed);
    const lists = (dashboard: ReturnType<typeof getDashboard>) => ({
      dueSoon: titles(dashboard.dueSoon),
      overdue: titles(dashboard.overdue),
      stale: titles(dashboard.stale),
    });
    const today = lists(getDashboard(db, {}));
    expect(today).toEqual(lists(getDashboard(db, { asOf: day(0) })));
    expect(today.overdue).toEqual(['Passed, nothing since', 'Passed, its update undone']);
    expect(today.dueSoon).toEqual(['Due next week']);
  });

  it('counts commitments with no topic in a row of their own', () => {
    const { db, add } = setUp();
    add({ title: 'Unfiled' });
    expect(getDashboard(db, {}).statusByTopic).toEqual([
      { topicId: null, topic: '(no topic)', counts: [expect.objectContaining({ count: 1 })] },
    ]);
  });

  it('lists what changed since a moment, newest first, without undone updates or the trash', () => {
    const { db, add, update } = setUp();
    const before = new Date(Date.now() - 60_000).toISOString();
    const kept = add({ title: 'Kept' });
    const trashed = add({ title: 'Trashed' });
    const older = add({
      title: 'Recorded long ago',
      firstUpdate: { recordedAt: '2025-01-01T00:00:00.000Z' },
    });
    db.prepare(`UPDATE commitment SET created_at = '2025-01-01T00:00:00.000Z' WHERE id = ?`).run(older);
    update(older, 'in progress', '2025-06-01', '2025-06-02T09:00:00.000Z');
    const recent = update(older, 'stalled', '2025-07-01');
    const undone = update(older, 'at risk', '2025-08-01');
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(undone);
    update(trashed, 'in progress', '2025-06-01');
    db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(trashed);
    const { changes, changesSince } = getDashboard(db, { changesSince: before });
    expect(changesSince).toBe(before);
    // The new commitment's first status is part of its creation, not a change of its own.
    expect(changes.map((change) => [change.kind, change.title, change.status?.name])).toEqual([
      ['status', 'Recorded long ago', 'stalled'],
      ['new', 'Kept', 'not yet assessed'],
    ]);
    expect(changes[0]).toMatchObject({ commitmentId: older, effectiveOn: '2025-07-01' });
    expect(changes[1]).toMatchObject({ commitmentId: kept, effectiveOn: '2025-01-01' });
    expect(recent).toBeGreaterThan(0);
    expect(getDashboard(db, { changesSince: new Date(Date.now() + 60_000).toISOString() }).changes).toEqual(
      [],
    );
  });
});
