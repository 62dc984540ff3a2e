// Migrations 009 and 012: each party's own status in force, the scorecard's tallies and the dashboard's,
// worked out once from a file written before them (with parties' own statuses, an undone one, a commitment no party made and one in the trash), then
// kept by triggers: both agree with a count from scratch out of the history.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';
import { createDossier, saveParty, saveTopic } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import {
  dashboardTallies,
  databaseBefore,
  newCommitment,
  newStatusUpdate,
  scorecardTallies,
} from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { undoLastAction } from './undo.ts';
import { insertCommitment } from './commitment-add.ts';

describe('migrations 009 and 012: the scorecard and the dashboard kept as the data changes', () => {
  it('works out the parties’ statuses and the tallies of a file written before it', () => {
    const { db: before, file } = databaseBefore(9);
    const dossierId = createDossier(before, 'Border pact', '');
    const party = (name: string) => saveParty(before, { name, kind: 'state', actsForId: null, aliases: [] });
    const [mexico, us] = [party('Mexico'), party('United States')];
    const security = saveTopic(before, { name: 'security', parentId: null, keywords: [] });
    const add = (title: string, madeBy: number[], topicIds: number[]) =>
      insertCommitment(before, newCommitment(dossierId, { title, madeBy, topicIds }));
    const commitmentId = add('Curb the smuggling of firearms', [mexico, us], [security]);
    add('Share customs data', [us], []);
    const trashed = add('Open a joint laboratory', [], [security]);
    const partyId = mexico;
    const id = (sql: string) => before.prepare(sql).pluck().get() as number;
    const status = (name: string) => id(`SELECT id FROM status WHERE name = '${name}'`);
    const own = (name: string, effectiveOn: string) =>
      recordStatusUpdate(before, newStatusUpdate(commitmentId, status(name), effectiveOn, { partyId }));
    own('partially fulfilled', '2025-10-01');
    own('fulfilled', '2025-11-01');
    undoLastAction(before);
    deleteCommitment(before, trashed);
    before.close();

    const after = openDatabase(file);
    expect(after.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
    // The undone "fulfilled" is not in force: the "partially fulfilled" before it is.
    expect(
      after
        .prepare(
          `SELECT s.name FROM party_current_status ps JOIN status s ON s.id = ps.status_id
            WHERE ps.commitment_id = ? AND ps.party_id = ?`,
        )
        .pluck()
        .get(commitmentId, partyId),
    ).toBe('partially fulfilled');
    const { kept, counted } = scorecardTallies(after);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(counted);
    const dashboard = dashboardTallies(after);
    // Three commitments, one in the trash: by topics, [security] and none; by maker, Mexico and the United States.
    expect(dashboard.kept).toHaveLength(4);
    expect(dashboard.kept).toEqual(dashboard.counted);
    after.close();
  });
});
