// Editing a commitment: any of its fields, parties and topics, undoably, in one transaction.
import type { Database } from 'better-sqlite3';
import { logAction, quoted } from './action-log.ts';
import { normaliseDeadline, type CommitmentState } from './commitment-add.ts';
import { DomainError } from './errors.ts';
import type { DeadlineUnit } from '../electron/domain/model.ts';
import { requireIds } from './reference.ts';
import { statement } from './statements.ts';
import { liveCommitment } from './trash.ts';

/** The id plus the fields to change; a field left out stays as it is, null clears it. */
export type CommitmentChanges = Partial<CommitmentState> & { id: number };

export function updateCommitment(db: Database, input: CommitmentChanges): number {
  return db.transaction(() => {
    const before = commitmentState(db, input.id);
    const after = applyChanges(db, input.id, input);
    logAction(db, `Edited ${quoted(after.title)}`, { undo: 'revert', commitmentId: input.id, before });
    return input.id;
  })();
}

export function commitmentState(db: Database, id: number): CommitmentState {
  liveCommitment(db, id);
  const row = statement<
    [number],
    Omit<CommitmentState, 'madeBy' | 'owedTo' | 'topicIds' | 'deadline'> & {
      deadlineOn: string | null;
      deadlineAmount: number | null;
      deadlineUnit: DeadlineUnit | null;
      deadlineFrom: string | null;
    }
  >(
    db,
    `SELECT dossier_id AS dossierId, title, summary, kind, parent_id AS parentId, announced_on AS announcedOn,
            deadline_on AS deadlineOn, deadline_amount AS deadlineAmount, deadline_unit AS deadlineUnit,
            deadline_from AS deadlineFrom
       FROM commitment WHERE id = ?`,
  ).get(id)!;
  const { deadlineOn, deadlineAmount, deadlineUnit, deadlineFrom, ...fields } = row;
  const { madeBy, owedTo, topicIds } = partiesAndTopics(db, id);
  let deadline: CommitmentState['deadline'] = null;
  if (deadlineOn !== null) deadline = { on: deadlineOn };
  else if (deadlineAmount !== null && deadlineUnit !== null && deadlineFrom !== null)
    deadline = { amount: deadlineAmount, unit: deadlineUnit, from: deadlineFrom };
  return { ...fields, madeBy, owedTo, topicIds, deadline };
}

/** Who made a commitment, to whom it is owed, and its topics, by id (in the trash or not). */
export function partiesAndTopics(
  db: Database,
  id: number,
): Pick<CommitmentState, 'madeBy' | 'owedTo' | 'topicIds'> {
  const parties = (role: 'maker' | 'owed_to') =>
    statement<[number, string], { id: number }>(
      db,
      'SELECT party_id AS id FROM commitment_party WHERE commitment_id = ? AND role = ? ORDER BY party_id',
    )
      .all(id, role)
      .map((party) => party.id);
  const topicIds = statement<[number], { id: number }>(
    db,
    'SELECT topic_id AS id FROM commitment_topic WHERE commitment_id = ? ORDER BY topic_id',
  )
    .all(id)
    .map((topic) => topic.id);
  return { madeBy: parties('maker'), owedTo: parties('owed_to'), topicIds };
}

/** Validates and writes the changes; call inside a transaction. Returns the state after. */
export function applyChanges(db: Database, id: number, changes: Partial<CommitmentState>): CommitmentState {
  const before = commitmentState(db, id);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after: CommitmentState = { ...before, ...defined };
  requireIds(db, 'dossier', [after.dossierId], 'dossierId');
  if (changes.madeBy) requireIds(db, 'party', changes.madeBy, 'madeBy');
  if (changes.owedTo) requireIds(db, 'party', changes.owedTo, 'owedTo');
  if (changes.topicIds) requireIds(db, 'topic', changes.topicIds, 'topicIds');
  if (after.parentId !== null && after.parentId !== before.parentId) requireParent(db, id, after.parentId);
  const deadline = normaliseDeadline(after.deadline);
  statement(
    db,
    `UPDATE commitment SET dossier_id = ?, parent_id = ?, title = ?, summary = ?, kind = ?, announced_on = ?,
            deadline_on = ?, deadline_amount = ?, deadline_unit = ?, deadline_from = ?
      WHERE id = ?`,
  ).run(
    after.dossierId,
    after.parentId,
    after.title,
    after.summary,
    after.kind,
    after.announcedOn,
    deadline.on,
    deadline.amount,
    deadline.unit,
    deadline.from,
    id,
  );
  if (changes.madeBy) replaceParties(db, id, 'maker', changes.madeBy);
  if (changes.owedTo) replaceParties(db, id, 'owed_to', changes.owedTo);
  if (changes.topicIds) {
    statement(db, 'DELETE FROM commitment_topic WHERE commitment_id = ?').run(id);
    const add = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
    for (const topic of changes.topicIds) add.run(id, topic);
  }
  return after;
}

function replaceParties(db: Database, id: number, role: 'maker' | 'owed_to', partyIds: number[]): void {
  statement(db, 'DELETE FROM commitment_party WHERE commitment_id = ? AND role = ?').run(id, role);
  const add = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
  for (const party of partyIds) add.run(id, party, role);
}

/** A parent must be outside the trash and must not be the commitment itself or one it oversees. */
function requireParent(db: Database, id: number, parentId: number): void {
  const parent = liveCommitment(db, parentId, 'parentId');
  if (parentId === id) {
    throw new DomainError('invalid_input', 'A commitment cannot oversee itself.', 'parentId');
  }
  const below = statement<[number, number], { id: number }>(
    db,
    `WITH RECURSIVE below (id) AS (
       SELECT id FROM commitment WHERE parent_id = ?
       UNION SELECT c.id FROM commitment c JOIN below ON c.parent_id = below.id)
     SELECT id FROM below WHERE id = ?`,
  ).get(id, parentId);
  if (below) {
    throw new DomainError(
      'invalid_input',
      `${quoted(parent.title, 60)} is overseen by this commitment, so it cannot be its parent.`,
      'parentId',
    );
  }
}
