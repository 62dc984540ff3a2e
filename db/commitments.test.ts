import { describe, expect, it } from 'vitest';
import { getCommitment, listCommitments } from './commitments.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Test dossier', '');
  const statusId = (name: string) => statusIdOf(db, name);
  const add = (input: Partial<NewCommitment>) =>
    insertCommitment(db, newCommitment(dossierId, { title: 'A commitment', ...input }));
  const page = (filter: object = {}) =>
    listCommitments(db, { sort: 'due_on', direction: 'asc', offset: 0, limit: 100, ...filter });
  return { db, dossierId, statusId, add, page };
}

describe('commitments', () => {
  it('computes the due date from a date or from a duration', () => {
    const { db, add } = setUp();
    const fixed = add({ deadline: { on: '2026-07-01' } });
    const days = add({ deadline: { amount: 90, unit: 'days', from: '2025-07-31' } });
    const weeks = add({ deadline: { amount: 2, unit: 'weeks', from: '2025-12-25' } });
    const months = add({ deadline: { amount: 6, unit: 'months', from: '2025-09-03' } });
    expect(getCommitment(db, fixed).deadline.dueOn).toBe('2026-07-01');
    expect(getCommitment(db, days).deadline).toMatchObject({ amount: 90, unit: 'days', dueOn: '2025-10-29' });
    expect(getCommitment(db, weeks).deadline).toMatchObject({
      amount: 14,
      unit: 'days',
      dueOn: '2026-01-08',
    });
    expect(getCommitment(db, months).deadline.dueOn).toBe('2026-03-03');
  });

  it('starts as "not yet assessed" and derives the current status from the latest effective date', () => {
    const { db, add, statusId } = setUp();
    const id = add({});
    expect(getCommitment(db, id).status?.name).toBe('not yet assessed');
    const base = { commitmentId: id, note: '', partyId: null, excerptId: null, correctsId: null };
    recordStatusUpdate(db, { ...base, statusId: statusId('in progress'), effectiveOn: '2025-10-01' });
    // Recorded later but effective earlier: history, not the current state.
    recordStatusUpdate(db, { ...base, statusId: statusId('stalled'), effectiveOn: '2025-09-15' });
    const detail = getCommitment(db, id);
    expect(detail.status?.name).toBe('in progress');
    expect(detail.statusSince).toBe('2025-10-01');
    expect(detail.history.map((entry) => entry.status.name)).toEqual([
      'in progress',
      'stalled',
      'not yet assessed',
    ]);
  });

  it('keeps history append-only', () => {
    const { db, add } = setUp();
    add({});
    expect(() => db.prepare(`UPDATE status_update SET note = 'edited'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM status_update').run()).toThrow(/append-only/);
  });

  it('refuses impossible dates and half-given deadlines in the schema itself', () => {
    const { db, dossierId } = setUp();
    const insert = db.prepare(
      `INSERT INTO commitment (dossier_id, title, kind, announced_on, deadline_amount) VALUES (?, 'x', 'pledge', ?, ?)`,
    );
    expect(() => insert.run(dossierId, '2025-02-30', null)).toThrow(/CHECK/);
    expect(() => insert.run(dossierId, 'soon', null)).toThrow(/CHECK/);
    expect(() => insert.run(dossierId, '2025-02-28', 90)).toThrow(/CHECK/);
  });

  it('filters by dossier, topic with its children, party, status and words, and sorts', () => {
    const { db, add, page, statusId, dossierId } = setUp();
    const other = createDossier(db, 'Other', '');
    const trade = Number(db.prepare(`INSERT INTO topic (name) VALUES ('trade')`).run().lastInsertRowid);
    const tariffs = Number(
      db.prepare(`INSERT INTO topic (name, parent_id) VALUES ('tariffs', ?)`).run(trade).lastInsertRowid,
    );
    const mexico = Number(
      db.prepare(`INSERT INTO party (name, kind) VALUES ('Mexico', 'state')`).run().lastInsertRowid,
    );
    const reprieve = add({
      title: 'Tariff reprieve of ninety days',
      topicIds: [tariffs],
      deadline: { on: '2025-10-29' },
    });
    const fentanyl = add({
      title: 'Halt the flow of fentanyl',
      madeBy: [mexico],
      deadline: { on: '2025-12-31' },
    });
    add({ title: 'Elsewhere', dossierId: other });
    recordStatusUpdate(db, newStatusUpdate(fentanyl, statusId('in progress'), '2025-09-26'));
    const ids = (filter: object) => page(filter).rows.map((row) => row.id);
    expect(page().total).toBe(3);
    expect(ids({ dossierId })).toEqual([reprieve, fentanyl]);
    expect(ids({ topicId: trade })).toEqual([reprieve]);
    expect(ids({ partyId: mexico })).toEqual([fentanyl]);
    expect(ids({ statusId: statusId('in progress') })).toEqual([fentanyl]);
    // A status alone is counted apart from the page, from the status index: the same totals.
    expect(page({ statusId: statusId('in progress') }).total).toBe(1);
    const open = ids({ statusCategory: 'open', limit: 50 });
    expect(open.length).toBeGreaterThan(0);
    expect(page({ statusCategory: 'open' }).total).toBe(open.length);
    expect(page({ statusCategory: 'closed' }).total).toBe(0);
    expect(ids({ text: 'fent' })).toEqual([fentanyl]);
    expect(ids({ text: 'Ninety TARIFF' })).toEqual([reprieve]);
    expect(ids({ text: '"*)(' })).toHaveLength(3);
    expect(ids({ dossierId, sort: 'title', direction: 'desc' })).toEqual([reprieve, fentanyl]);
    expect(page({ dossierId }).rows[1]).toMatchObject({
      madeBy: ['Mexico'],
      status: { name: 'in progress' },
    });
  });

  it('filters by a range of announced or due dates, both days included', () => {
    const { add, page } = setUp();
    const early = add({ title: 'Early', announcedOn: '2025-03-04', deadline: { on: '2025-10-29' } });
    const mid = add({ title: 'Mid', announcedOn: '2025-07-31', deadline: { on: '2026-02-28' } });
    const late = add({ title: 'Late', announcedOn: '2025-09-03', deadline: null });
    const ids = (filter: object) => page({ sort: 'title', ...filter }).rows.map((row) => row.id);
    expect(ids({ dateFrom: '2025-10-29', dateTo: '2026-02-28' })).toEqual([early, mid]);
    expect(ids({ dateFrom: '2025-10-30' })).toEqual([mid]);
    expect(ids({ dateTo: '2025-10-29' })).toEqual([early]);
    expect(ids({ dateField: 'announced_on', dateFrom: '2025-07-31' })).toEqual([late, mid]);
    expect(ids({ dateField: 'announced_on', dateTo: '2025-07-30' })).toEqual([early]);
  });

  it('sorts rows without a value last in either direction, and pages through them', () => {
    const { db, add, page } = setUp();
    const undated = add({ title: 'Undated' });
    const soon = add({ title: 'Soon', deadline: { on: '2025-10-29' } });
    const later = add({ title: 'Later', deadline: { on: '2026-07-01' } });
    const trashed = add({ title: 'Trashed' });
    db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(trashed);
    const ids = (filter: object) => page(filter).rows.map((row) => row.id);
    expect(ids({ sort: 'due_on', direction: 'asc' })).toEqual([soon, later, undated]);
    expect(ids({ sort: 'due_on', direction: 'desc' })).toEqual([later, soon, undated]);
    const second = page({ sort: 'due_on', offset: 1, limit: 1 });
    expect(second.total).toBe(3);
    expect(second.rows.map((row) => row.id)).toEqual([later]);
    expect(page({ offset: 3 }).rows).toEqual([]);
    // A filtered page past the end still says how many there are.
    expect(page({ dateFrom: '2025-01-01', offset: 5 })).toEqual({ total: 2, rows: [] });
    expect(page({ dateFrom: '2025-01-01', limit: 1 }).total).toBe(2);
    expect(page({ asOf: '2025-09-03' }).total).toBe(3);
    expect(page({ asOf: '2025-09-02' })).toEqual({ total: 0, rows: [] });
  });

  it('filters by status category and gives each row its deadline state', () => {
    const { db, add, page, statusId } = setUp();
    const open = add({ title: 'Open', deadline: { on: '2025-10-29' } });
    const closed = add({ title: 'Closed', deadline: { on: '2099-01-01' } });
    recordStatusUpdate(db, newStatusUpdate(closed, statusId('fulfilled'), '2025-10-01'));
    expect(page({ statusCategory: 'closed' }).rows).toEqual([
      expect.objectContaining({
        id: closed,
        deadlineState: 'met',
        status: expect.objectContaining({ category: 'closed' }),
      }),
    ]);
    expect(page({ statusCategory: 'open' }).rows).toEqual([
      expect.objectContaining({ id: open, deadlineState: 'passed' }),
    ]);
  });

  it('keeps the search index in step with edits to titles', () => {
    const { db, add, page } = setUp();
    const id = add({ title: 'Original wording' });
    db.prepare(`UPDATE commitment SET title = 'Revised phrasing' WHERE id = ?`).run(id);
    expect(page({ text: 'original' }).total).toBe(0);
    expect(page({ text: 'revised' }).rows.map((row) => row.id)).toEqual([id]);
  });

  it('writes nothing when any part of a new commitment is wrong', () => {
    const { db, add, page } = setUp();
    expect(() => add({ title: 'Has a ghost party', madeBy: [999] })).toThrow(/No party has id 999/);
    expect(page().total).toBe(0);
    expect(db.prepare('SELECT count(*) FROM status_update').pluck().get()).toBe(0);
  });
});
