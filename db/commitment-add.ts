// Adding a commitment: its fields, parties, topics and first status in one transaction; and the fields
// the analyst can edit on one (edits.ts changes them).
import type { Database } from 'better-sqlite3';
import { logAction, quoted } from './action-log.ts';
import { DomainError } from './errors.ts';
import type { CommitmentKind, DeadlineUnit } from '../electron/domain/model.ts';
import { requireIds } from './reference.ts';
import { statement } from './statements.ts';
import { brokenBeforeDeadline, insertStatusUpdate, type NewStatusUpdate } from './status-updates.ts';
import { liveCommitment } from './trash.ts';

/** Everything the analyst can edit on a commitment; also what an undo of an edit puts back. */
export interface CommitmentState {
  dossierId: number;
  title: string;
  summary: string;
  kind: CommitmentKind;
  parentId: number | null;
  madeBy: number[];
  owedTo: number[];
  topicIds: number[];
  announcedOn: string | null;
  deadline:
    { on: string } | { amount: number; unit: 'days' | 'weeks' | 'months' | 'years'; from: string } | null;
}

/** A new commitment: its fields, and how its history starts. */
export interface NewCommitment extends CommitmentState {
  /** The first status; "not yet assessed" when left out. */
  statusId?: number | undefined;
  /** Note, evidence and recording time of that first status, when loading recorded history. */
  firstUpdate?: Partial<Pick<NewStatusUpdate, 'note' | 'excerptId' | 'recordedAt'>>;
  excerptIds?: number[];
}

/**
 * Adds a commitment with its parties, topics and first status, all in one transaction, and logs it
 * for undo. Loading recorded history (firstUpdate.recordedAt set: the sample, imports) is not an
 * action of the analyst's, so it is not logged.
 */
export function insertCommitment(db: Database, input: NewCommitment): number {
  return db.transaction(() => {
    requireIds(db, 'dossier', [input.dossierId], 'dossierId');
    requireIds(db, 'party', input.madeBy, 'madeBy');
    requireIds(db, 'party', input.owedTo, 'owedTo');
    requireIds(db, 'topic', input.topicIds, 'topicIds');
    requireIds(db, 'excerpt', input.excerptIds ?? [], 'excerptIds');
    if (input.parentId !== null) liveCommitment(db, input.parentId, 'parentId');
    const deadline = normaliseDeadline(input.deadline);
    const id = Number(
      statement(
        db,
        `INSERT INTO commitment (dossier_id, parent_id, title, summary, kind, announced_on,
                                 deadline_on, deadline_amount, deadline_unit, deadline_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.dossierId,
        input.parentId,
        input.title,
        input.summary,
        input.kind,
        input.announcedOn,
        deadline.on,
        deadline.amount,
        deadline.unit,
        deadline.from,
      ).lastInsertRowid,
    );
    const addParty = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
    for (const party of input.madeBy) addParty.run(id, party, 'maker');
    for (const party of input.owedTo) addParty.run(id, party, 'owed_to');
    const addTopic = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
    for (const topic of input.topicIds) addTopic.run(id, topic);
    const addExcerpt = statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)');
    for (const excerpt of input.excerptIds ?? []) addExcerpt.run(id, excerpt);
    const loadingHistory = Boolean(input.firstUpdate?.recordedAt);
    const firstStatus =
      input.statusId ??
      statement<[], { id: number }>(
        db,
        'SELECT id FROM status WHERE assessed = 0 ORDER BY position LIMIT 1',
      ).get()?.id;
    if (firstStatus !== undefined) {
      const effectiveOn = input.announcedOn ?? new Date().toISOString().slice(0, 10);
      // The create form has no place for a reason: a broken status before the deadline is recorded after.
      const refusal = loadingHistory ? null : brokenBeforeDeadline(db, id, firstStatus, effectiveOn);
      if (refusal) {
        throw new DomainError(
          'invalid_input',
          `${refusal} Create the commitment first, then record that status with your reason.`,
          'statusId',
        );
      }
      insertStatusUpdate(db, {
        commitmentId: id,
        statusId: firstStatus,
        effectiveOn,
        note: input.firstUpdate?.note ?? '',
        partyId: null,
        excerptId: input.firstUpdate?.excerptId ?? null,
        correctsId: null,
        ...(input.firstUpdate?.recordedAt ? { recordedAt: input.firstUpdate.recordedAt } : {}),
      });
    }
    if (!loadingHistory) logAction(db, `Created ${quoted(input.title)}`, { undo: 'trash', commitmentId: id });
    return id;
  })();
}

export function normaliseDeadline(deadline: NewCommitment['deadline']): {
  on: string | null;
  amount: number | null;
  unit: DeadlineUnit | null;
  from: string | null;
} {
  if (deadline === null) return { on: null, amount: null, unit: null, from: null };
  if ('on' in deadline) return { on: deadline.on, amount: null, unit: null, from: null };
  // SQLite's date arithmetic knows days, months and years; a week is seven days.
  if (deadline.unit === 'weeks')
    return { on: null, amount: deadline.amount * 7, unit: 'days', from: deadline.from };
  return { on: null, amount: deadline.amount, unit: deadline.unit, from: deadline.from };
}
