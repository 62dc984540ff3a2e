// Roll-up of a parent's children and each maker's standing, on the commitment page, today and as of a day.
import { describe, expect, it } from 'vitest';
import { getCommitment } from './commitments.ts';
import { createDossier } from './reference.ts';
import { rollUpRule } from './rollup.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Roll-up', '');
  const party = (name: string) =>
    Number(db.prepare(`INSERT INTO party (name, kind) VALUES (?, 'state')`).run(name).lastInsertRowid);
  const statusId = (name: string) => statusIdOf(db, name);
  const add = (input: Partial<NewCommitment>) =>
    insertCommitment(
      db,
      newCommitment(dossierId, { title: 'A commitment', deadline: { on: '2026-07-01' }, ...input }),
    );
  const update = (commitmentId: number, status: string, effectiveOn: string, partyId: number | null = null) =>
    recordStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusId(status), effectiveOn, {
        partyId,
        brokenBeforeDeadlineReason: 'Scripted for the test.',
      }),
    );
  return { db, add, update, party, statusId };
}

describe('roll-up of the children', () => {
  it('leaves children not yet assessed out of the score, and says so', () => {
    const { db, add, update, statusId } = setUp();
    const group = add({ title: 'Implementation group', kind: 'agreement' });
    const fentanyl = add({ title: 'Fentanyl', parentId: group });
    const firearms = add({ title: 'Firearms', parentId: group });
    add({ title: 'Migration', parentId: group }); // stays "not yet assessed"
    update(fentanyl, 'fulfilled', '2026-03-01');
    update(firearms, 'partially fulfilled', '2026-03-01');
    const detail = getCommitment(db, group);
    expect(detail.children.map((child) => child.title)).toEqual(['Fentanyl', 'Firearms', 'Migration']);
    expect(detail.rollUp).toEqual({
      rule: rollUpRule,
      assessed: 2,
      notYetAssessed: 1,
      // (+1 + 0) / 2: the unassessed child would have dragged it to 1/3 if counted as zero.
      meanScore: 0.5,
      byStatus: expect.arrayContaining([
        { statusId: statusId('fulfilled'), count: 1 },
        { statusId: statusId('partially fulfilled'), count: 1 },
        { statusId: statusId('not yet assessed'), count: 1 },
      ]),
    });
    expect(detail.rollUp?.byStatus).toHaveLength(3);
    expect(detail.rollUp?.rule).toMatch(/not yet assessed are left out/);
  });

  it('has no score while no assessed child carries one, and rolls up as of a day', () => {
    const { db, add, update } = setUp();
    const group = add({ title: 'Group' });
    const first = add({ title: 'First', parentId: group });
    const second = add({ title: 'Second', parentId: group });
    update(first, 'in progress', '2025-10-01');
    update(second, 'broken', '2026-02-01');
    add({ title: 'Announced later', parentId: group, announcedOn: '2026-01-15' });
    const autumn = getCommitment(db, group, '2025-11-01');
    // In progress is assessed but carries no score; the later child did not exist yet.
    expect(autumn.children.map((child) => child.title)).toEqual(['First', 'Second']);
    expect(autumn.rollUp).toMatchObject({ assessed: 1, notYetAssessed: 1, meanScore: null });
    expect(getCommitment(db, group).rollUp).toMatchObject({ assessed: 2, notYetAssessed: 1, meanScore: -1 });
  });

  it('is null for a commitment with no children, and leaves trashed children out', () => {
    const { db, add } = setUp();
    const single = add({ title: 'Alone' });
    expect(getCommitment(db, single).rollUp).toBeNull();
    const group = add({ title: 'Group' });
    const child = add({ title: 'Trashed child', parentId: group });
    db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(child);
    expect(getCommitment(db, group).rollUp).toBeNull();
    expect(getCommitment(db, group).children).toEqual([]);
  });
});

describe('standings of the makers', () => {
  it('gives each maker their own latest update, as of a day, ignoring undone ones', () => {
    const { db, add, update, party } = setUp();
    const us = party('United States');
    const mexico = party('Mexico');
    const firearms = add({ title: 'Firearms', madeBy: [us, mexico] });
    update(firearms, 'in progress', '2025-09-26', us);
    update(firearms, 'fulfilled', '2025-09-26', mexico);
    const undone = update(firearms, 'broken', '2026-02-01', us);
    update(firearms, 'stalled', '2026-03-01', mexico);
    db.prepare('INSERT INTO status_update_retraction (update_id) VALUES (?)').run(undone);
    const standing = (asOf?: string) =>
      getCommitment(db, firearms, asOf).standings.map((each) => [
        each.party.name,
        each.status?.name ?? null,
        each.score,
        each.since,
      ]);
    // Makers in name order; Mexico's "stalled" is theirs alone, not the whole commitment's.
    expect(standing()).toEqual([
      ['Mexico', 'stalled', null, '2026-03-01'],
      ['United States', 'in progress', null, '2025-09-26'],
    ]);
    expect(standing('2026-01-01')).toEqual([
      ['Mexico', 'fulfilled', 1, '2025-09-26'],
      ['United States', 'in progress', null, '2025-09-26'],
    ]);
    expect(standing('2025-09-01')).toEqual([
      ['Mexico', null, null, null],
      ['United States', null, null, null],
    ]);
    expect(getCommitment(db, firearms).status?.name).toBe('not yet assessed');
  });

  it('is empty where one party made the commitment', () => {
    const { db, add, party } = setUp();
    const reprieve = add({ title: 'Reprieve', madeBy: [party('United States')] });
    expect(getCommitment(db, reprieve).standings).toEqual([]);
  });
});
