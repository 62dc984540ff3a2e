// An import's new commitments written table by table (the commitments, then their parties, then
// their topics), each row's error at its line; and, written in bulk, their status updates.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { atLine, type CommitmentRef, type ImportPlan, type PlannedCommitment } from './import-plan.ts';
import type { NameIds } from './import-names.ts';
import { statement } from './statements.ts';
import { recordingMoment } from './status-updates.ts';
import { newUid } from './uids.ts';
import { normaliseDeadline } from './commitment-add.ts';

/**
 * Those keeping the file's id first, in the order of their ids (rows added in the table's own order
 * are cheap, in the file's order dear): a fresh id is one past the largest, so it can never take an
 * id that a later row of the file keeps. One table at a time, since rows of three tables in turn
 * keep three tables' pages in play. Returns the ids in the plan's order.
 */
export function insertNewCommitments(
  db: Database,
  names: NameIds,
  commitments: PlannedCommitment[],
): number[] {
  const ids: number[] = new Array<number>(commitments.length);
  const taken = statement<[number], { id: number }>(db, 'SELECT id FROM commitment WHERE id = ?');
  const order = commitments.map((_, index) => index);
  const keeping = order.filter((index) => commitments[index]!.keepId !== null);
  keeping.sort((a, b) => commitments[a]!.keepId! - commitments[b]!.keepId!);
  const written = [...keeping, ...order.filter((index) => commitments[index]!.keepId === null)];
  for (const index of written) {
    const commitment = commitments[index]!;
    // Taken since the plan was made: the commitment gets a fresh id instead.
    const keepId = commitment.keepId !== null && taken.get(commitment.keepId) ? null : commitment.keepId;
    ids[index] = atLine(commitment, 'title', () => insertRow(db, names, commitment, keepId));
  }
  const addParty = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
  for (const index of written) {
    const commitment = commitments[index]!;
    atLine(commitment, 'made_by', () => {
      for (const party of commitment.madeBy) addParty.run(ids[index], names.party(party), 'maker');
    });
    atLine(commitment, 'owed_to', () => {
      for (const party of commitment.owedTo) addParty.run(ids[index], names.party(party), 'owed_to');
    });
  }
  const addTopic = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
  for (const index of written) {
    const commitment = commitments[index]!;
    atLine(commitment, 'topics', () => {
      for (const topic of commitment.topics) addTopic.run(ids[index], names.topic(topic));
    });
  }
  return ids;
}

function insertRow(
  db: Database,
  names: NameIds,
  commitment: PlannedCommitment,
  keepId: number | null,
): number {
  const deadline = normaliseDeadline(commitment.deadline);
  return Number(
    statement(
      db,
      `INSERT INTO commitment (id, uid, dossier_id, title, summary, kind, announced_on,
                               deadline_on, deadline_amount, deadline_unit, deadline_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      keepId,
      newUid(),
      names.dossier(commitment.dossier),
      commitment.title,
      commitment.summary,
      commitment.kind,
      commitment.announcedOn,
      deadline.on,
      deadline.amount,
      deadline.unit,
      deadline.from,
    ).lastInsertRowid,
  );
}

/**
 * The status updates of the new commitments, written with the triggers set aside (see
 * import-bulk.ts): each gets the uid and the moment of recording the triggers and
 * insertStatusUpdate would give it. Of the checks insertStatusUpdate makes, all but one hold by
 * construction (the commitment was just written, the status found by name); a party's own status
 * still needs the party to be among the commitment's makers, checked as it does.
 */
export function insertNewStatusUpdates(
  db: Database,
  names: NameIds,
  plan: ImportPlan,
  newIds: number[],
): void {
  const isMaker = (index: number, partyId: number) =>
    plan.newCommitments[index]!.madeBy.some((name) => names.party(name) === partyId);
  const insert = statement(
    db,
    `INSERT INTO status_update (uid, commitment_id, party_id, status_id, effective_on, note, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const update of plan.statusUpdates) {
    const ref: CommitmentRef = update.commitment;
    if (!('new' in ref)) continue;
    const commitmentId = newIds[ref.new]!;
    atLine(update, 'status', () => {
      const statusId = names.status(update.status);
      const partyId = update.party === null ? null : names.party(update.party);
      if (partyId !== null && !isMaker(ref.new, partyId)) {
        throw new DomainError('invalid_input', `Party ${partyId} did not make this commitment.`, 'partyId');
      }
      insert.run(
        newUid(),
        commitmentId,
        partyId,
        statusId,
        update.effectiveOn,
        update.note,
        update.recordedAt ?? recordingMoment(),
      );
    });
  }
}
