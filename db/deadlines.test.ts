// The deadline states on a scripted history: every state, the 30-day boundary, and undone updates.
import { describe, expect, it } from 'vitest';
import { getCommitment, listCommitments } from './commitments.ts';
import type { DeadlineState } from '../electron/domain/model.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Deadlines', '');
  const statusId = (name: string) => statusIdOf(db, name);
  const add = (title: string, dueOn: string | null) =>
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        announcedOn: '2025-07-31',
        deadline: dueOn === null ? null : { on: dueOn },
        statusId: statusId('in progress'),
      }),
    );
  const update = (commitmentId: number, status: string, effectiveOn: string) =>
    recordStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusId(status), effectiveOn, {
        brokenBeforeDeadlineReason: 'Scripted for the test.',
      }),
    );
  /** The state as the list shows it and as the commitment page shows it: they must agree. */
  const stateOn = (id: number, asOf: string): DeadlineState => {
    const detail = getCommitment(db, id, asOf).deadlineState;
    const row = listCommitments(db, {
      sort: 'due_on',
      direction: 'asc',
      offset: 0,
      limit: 500,
      asOf,
    }).rows.find((each) => each.id === id);
    expect(row?.deadlineState, `${id} on ${asOf}`).toBe(detail);
    return detail;
  };
  return { db, add, update, stateOn };
}

describe('deadline states', () => {
  it('is none without a due date, whatever the status', () => {
    const { add, update, stateOn } = setUp();
    const open = add('No deadline', null);
    expect(stateOn(open, '2025-08-01')).toBe('none');
    update(open, 'fulfilled', '2025-09-01');
    expect(stateOn(open, '2025-09-02')).toBe('none');
  });

  it('turns from upcoming to due soon 30 days before, and passes the day after the due date', () => {
    const { add, stateOn } = setUp();
    const reprieve = add('90-day reprieve', '2025-10-29');
    expect(stateOn(reprieve, '2025-09-28')).toBe('upcoming'); // 31 days before
    expect(stateOn(reprieve, '2025-09-29')).toBe('due_soon'); // 30 days before
    expect(stateOn(reprieve, '2025-10-29')).toBe('due_soon'); // the due date itself
    expect(stateOn(reprieve, '2025-10-30')).toBe('passed');
  });

  it('is met once closed on or before the due date, and stays met after it', () => {
    const { add, update, stateOn } = setUp();
    const onTime = add('Closed on the day', '2025-10-29');
    update(onTime, 'fulfilled', '2025-10-29');
    expect(stateOn(onTime, '2025-10-28')).toBe('due_soon'); // not yet closed on that day
    expect(stateOn(onTime, '2025-10-29')).toBe('met');
    expect(stateOn(onTime, '2026-06-01')).toBe('met');
    // Partially fulfilled and broken are closed too: the deadline is met, the score says how.
    const broken = add('Broken early', '2026-07-01');
    update(broken, 'broken', '2025-12-01');
    expect(stateOn(broken, '2025-12-01')).toBe('met');
  });

  it('is passed when closed only after the due date, or reopened', () => {
    const { add, update, stateOn } = setUp();
    const late = add('Closed late', '2025-10-29');
    update(late, 'fulfilled', '2025-11-05');
    expect(stateOn(late, '2025-11-01')).toBe('passed');
    expect(stateOn(late, '2025-11-10')).toBe('passed');
    const reopened = add('Reopened', '2025-10-29');
    update(reopened, 'fulfilled', '2025-10-01');
    update(reopened, 'at risk', '2025-10-15');
    expect(stateOn(reopened, '2025-10-10')).toBe('met');
    expect(stateOn(reopened, '2025-10-20')).toBe('due_soon');
    expect(stateOn(reopened, '2025-11-20')).toBe('passed');
  });

  it('ignores a closing update that was undone', () => {
    const { db, add, update, stateOn } = setUp();
    const id = add('Undone closing', '2025-10-29');
    const closing = update(id, 'fulfilled', '2025-10-01');
    expect(stateOn(id, '2025-11-01')).toBe('met');
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(closing);
    expect(stateOn(id, '2025-11-01')).toBe('passed');
    expect(getCommitment(db, id).deadlineState).not.toBe('met');
  });

  it('filters the list by deadline state on the day', () => {
    const { db, add, update } = setUp();
    const none = add('None', null);
    const soon = add('Soon', '2025-10-29');
    const later = add('Later', '2026-07-01');
    const past = add('Past', '2025-09-01');
    const met = add('Met', '2025-09-01');
    update(met, 'fulfilled', '2025-08-15');
    const ids = (deadlineState: DeadlineState) =>
      listCommitments(db, {
        sort: 'title',
        direction: 'asc',
        offset: 0,
        limit: 50,
        deadlineState,
        asOf: '2025-10-01',
      }).rows.map((row) => row.id);
    expect(ids('none')).toEqual([none]);
    expect(ids('due_soon')).toEqual([soon]);
    expect(ids('upcoming')).toEqual([later]);
    expect(ids('passed')).toEqual([past]);
    expect(ids('met')).toEqual([met]);
  });
});
