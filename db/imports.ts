// Writes an import plan (see import-plan.ts) in one transaction: all of it, or on any error nothing.
import type { Database } from 'better-sqlite3';
import { applyChanges } from './edits.ts';
import { DomainError } from './errors.ts';
import {
  bulkFrom,
  canWriteInBulk,
  keepForNew,
  tablesToReindex,
  withIndexesSetAside,
  withRoomToWrite,
  withTriggersSetAside,
} from './import-bulk.ts';
import { NameIds } from './import-names.ts';
import { insertNewCommitments, insertNewStatusUpdates } from './import-new.ts';
import {
  atLine,
  type CommitmentRef,
  type ImportPlan,
  type ImportResult,
  type PlannedEdit,
} from './import-plan.ts';
import { statement } from './statements.ts';
import { insertStatusUpdate } from './status-updates.ts';
import type { CommitmentState } from './commitment-add.ts';

/**
 * New commitments first, then the edits of those already stored, then status updates. A few hundred
 * new commitments or more, of dossiers no team shares, go in bulk (import-bulk.ts), with their
 * history; otherwise row by row through the triggers, as any other write.
 */
export function applyImport(db: Database, plan: ImportPlan): ImportResult {
  return db.transaction((): ImportResult => {
    const names = new NameIds(db);
    const dossierIds = plan.newCommitments.map((commitment) =>
      atLine(commitment, 'dossier', () => names.dossier(commitment.dossier)),
    );
    const inBulk = plan.newCommitments.length >= bulkFrom && canWriteInBulk(db, [...new Set(dossierIds)]);
    const newIds = inBulk
      ? writeNewInBulk(db, names, plan)
      : withSearchIndexInOneGo(db, () => insertNewCommitments(db, names, plan.newCommitments));
    const idOf = (ref: CommitmentRef) => ('existing' in ref ? ref.existing : newIds[ref.new]!);
    if (!inBulk) setParents(db, plan, idOf);
    for (const edit of plan.updatedCommitments) {
      atLine(edit, null, () => applyChanges(db, edit.id, changesOf(edit, names, idOf)));
    }
    for (const commitment of plan.newCommitments) {
      if (commitment.parent) atLine(commitment, 'parent_id', () => refuseCycle(db, idOf(commitment.parent!)));
    }
    for (const update of plan.statusUpdates) {
      // Written already, with the new commitments they belong to.
      if (inBulk && 'new' in update.commitment) continue;
      atLine(update, 'status', () =>
        insertStatusUpdate(db, {
          commitmentId: idOf(update.commitment),
          statusId: names.status(update.status),
          effectiveOn: update.effectiveOn,
          note: update.note,
          partyId: update.party === null ? null : names.party(update.party),
          excerptId: null,
          correctsId: null,
          ...(update.recordedAt ? { recordedAt: update.recordedAt } : {}),
        }),
      );
    }
    return {
      newCommitmentIds: newIds,
      updatedCommitments: plan.updatedCommitments.length,
      statusUpdates: plan.statusUpdates.length,
    };
  })();
}

/**
 * The new commitments, their parties, topics, parents and status updates, with the triggers set
 * aside (and, for a table the import at least doubles, its indexes), then what the triggers keep;
 * with room in the page cache for all of it.
 */
function writeNewInBulk(db: Database, names: NameIds, plan: ImportPlan): number[] {
  const count = (list: unknown[][]) => list.reduce((sum, items) => sum + items.length, 0);
  const reindexed = tablesToReindex(db, {
    commitment: plan.newCommitments.length,
    commitment_party: count(plan.newCommitments.flatMap((c) => [c.madeBy, c.owedTo])),
    commitment_topic: count(plan.newCommitments.map((c) => c.topics)),
    status_update: plan.statusUpdates.filter((update) => 'new' in update.commitment).length,
  });
  return withRoomToWrite(db, () =>
    withTriggersSetAside(db, () =>
      withIndexesSetAside(db, reindexed, () => {
        const ids = insertNewCommitments(db, names, plan.newCommitments);
        setParents(db, plan, (ref) => ('existing' in ref ? ref.existing : ids[ref.new]!));
        insertNewStatusUpdates(db, names, plan, ids);
        keepForNew(db, ids);
        return ids;
      }),
    ),
  );
}

function setParents(db: Database, plan: ImportPlan, idOf: (ref: CommitmentRef) => number): void {
  const setParent = statement(db, 'UPDATE commitment SET parent_id = ? WHERE id = ?');
  plan.newCommitments.forEach((commitment, index) => {
    if (commitment.parent) setParent.run(idOf(commitment.parent), idOf({ new: index }));
  });
}

/**
 * Adds the new commitments to the full-text index in one statement rather than one by one through
 * its trigger: for 100,000 commitments that is seconds saved (SQLite's FTS5 pays a fixed cost per
 * statement). The trigger is dropped and put back, exactly as it was, inside the same transaction,
 * so no other connection ever sees it missing, and a failure puts everything back as it was.
 */
function withSearchIndexInOneGo(db: Database, insert: () => number[]): number[] {
  const trigger = statement<[], { sql: string }>(
    db,
    `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'commitment_fts_insert'`,
  ).get();
  if (!trigger) return insert();
  db.exec('DROP TRIGGER commitment_fts_insert');
  const ids = insert();
  db.prepare(
    `INSERT INTO commitment_fts (rowid, title, summary)
     SELECT id, title, summary FROM commitment WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(ids));
  db.exec(trigger.sql);
  return ids;
}

function changesOf(
  edit: PlannedEdit,
  names: NameIds,
  idOf: (ref: CommitmentRef) => number,
): Partial<CommitmentState> {
  const { changes } = edit;
  return {
    title: changes.title,
    summary: changes.summary,
    kind: changes.kind,
    parentId: changes.parent === undefined ? undefined : changes.parent && idOf(changes.parent),
    madeBy: changes.madeBy?.map((name) => names.party(name)),
    owedTo: changes.owedTo?.map((name) => names.party(name)),
    topicIds: changes.topics?.map((path) => names.topic(path)),
    announcedOn: changes.announcedOn,
    deadline: changes.deadline,
  };
}

/** A new commitment may name a parent that, through the file, is overseen by it. */
function refuseCycle(db: Database, parentId: number): void {
  const loop = statement<[{ id: number }], { id: number }>(
    db,
    `WITH RECURSIVE above (id, depth) AS (
       SELECT parent_id, 1 FROM commitment WHERE id = @id AND parent_id IS NOT NULL
       UNION ALL
       SELECT c.parent_id, above.depth + 1 FROM commitment c JOIN above ON c.id = above.id
        WHERE c.parent_id IS NOT NULL AND above.depth < 10000)
     SELECT id FROM above WHERE id = @id LIMIT 1`,
  ).get({ id: parentId });
  if (loop) {
    throw new DomainError(
      'invalid_input',
      `the parents form a loop: commitment ${parentId} would oversee itself.`,
    );
  }
}
