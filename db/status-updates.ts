// Status history: append-only updates, each with its effective date, recorded time and evidence.
import type { Database } from 'better-sqlite3';
import { counted, logAction, quoted, type EvidenceLink } from './action-log.ts';
import { DomainError } from './errors.ts';
import type { Evidence, HistoryEntry } from '../electron/domain/model.ts';
import { requireIds } from './reference.ts';
import { statement } from './statements.ts';

export interface NewStatusUpdate {
  commitmentId: number;
  statusId: number;
  effectiveOn: string;
  note: string;
  partyId: number | null;
  excerptId: number | null;
  correctsId: number | null;
  /** Set only when loading recorded history (the sample, imports); otherwise now. */
  recordedAt?: string;
}

let lastRecorded = 0;

/**
 * When an update is recorded: now, but always after the last one this process recorded, so that of two
 * updates effective the same day the later-recorded one is in force even within one millisecond.
 */
export function recordingMoment(): string {
  lastRecorded = Math.max(Date.now(), lastRecorded + 1);
  return new Date(lastRecorded).toISOString();
}

/** Appends one update; call inside a transaction, or use recordStatusUpdate. */
export function insertStatusUpdate(db: Database, update: NewStatusUpdate): number {
  const live = statement<[number], { id: number }>(
    db,
    'SELECT id FROM commitment WHERE id = ? AND deleted_at IS NULL',
  ).get(update.commitmentId);
  if (!live)
    throw new DomainError('not_found', `No commitment has id ${update.commitmentId}.`, 'commitmentId');
  requireIds(db, 'status', [update.statusId], 'statusId');
  if (update.excerptId !== null) requireIds(db, 'excerpt', [update.excerptId], 'excerptId');
  if (update.partyId !== null) {
    const party = statement<[number, number], { party_id: number }>(
      db,
      `SELECT party_id FROM commitment_party WHERE commitment_id = ? AND party_id = ? AND role = 'maker'`,
    ).get(update.commitmentId, update.partyId);
    if (!party) {
      throw new DomainError(
        'invalid_input',
        `Party ${update.partyId} did not make this commitment.`,
        'partyId',
      );
    }
  }
  if (update.correctsId !== null) {
    const corrected = statement<[number], { commitment_id: number }>(
      db,
      'SELECT commitment_id FROM status_update WHERE id = ?',
    ).get(update.correctsId);
    if (corrected?.commitment_id !== update.commitmentId) {
      throw new DomainError(
        'invalid_input',
        `Update ${update.correctsId} is not in this commitment's history.`,
        'correctsId',
      );
    }
  }
  const info = statement(
    db,
    `INSERT INTO status_update (commitment_id, party_id, status_id, effective_on, note, excerpt_id, corrects_id, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    update.commitmentId,
    update.partyId,
    update.statusId,
    update.effectiveOn,
    update.note,
    update.excerptId,
    update.correctsId,
    update.recordedAt ?? recordingMoment(),
  );
  if (update.excerptId !== null) {
    statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)').run(
      update.commitmentId,
      update.excerptId,
    );
  }
  return Number(info.lastInsertRowid);
}

/** A status update as the analyst records it: the broken-before-deadline rule applies, and it can be undone. */
export interface RecordedStatusUpdate extends NewStatusUpdate {
  brokenBeforeDeadlineReason?: string | undefined;
}

export function recordStatusUpdate(db: Database, update: RecordedStatusUpdate): number {
  return db.transaction(() => {
    const note = noteFor(db, update, update.brokenBeforeDeadlineReason);
    const newLinks = newEvidenceLinks(db, [update]);
    const id = insertStatusUpdate(db, { ...update, note });
    const { title, status, party } = statement<
      [number],
      { title: string; status: string; party: string | null }
    >(
      db,
      `SELECT c.title, s.name AS status, p.name AS party FROM status_update u
         JOIN commitment c ON c.id = u.commitment_id JOIN status s ON s.id = u.status_id
         LEFT JOIN party p ON p.id = u.party_id WHERE u.id = ?`,
    ).get(id)!;
    const forParty = party === null ? '' : ` for ${party}`;
    logAction(db, `Recorded “${status}”${forParty} on ${quoted(title)}`, {
      undo: 'retract',
      updateIds: [id],
      newLinks,
    });
    return id;
  })();
}

export interface BulkStatusUpdate {
  commitmentIds: number[];
  statusId: number;
  effectiveOn: string;
  note: string;
  brokenBeforeDeadlineReason?: string | undefined;
}

/** The same status on many commitments: all or nothing; an error names the commitment it is about. */
export function bulkRecordStatus(db: Database, input: BulkStatusUpdate): number[] {
  return db.transaction(() => {
    requireIds(db, 'status', [input.statusId], 'statusId');
    const commitmentIds = [...new Set(input.commitmentIds)];
    const updates = commitmentIds.map((commitmentId) => ({
      commitmentId,
      statusId: input.statusId,
      effectiveOn: input.effectiveOn,
      note: input.note,
      partyId: null,
      excerptId: null,
      correctsId: null,
    }));
    const ids = updates.map((update) => {
      try {
        return insertStatusUpdate(db, {
          ...update,
          note: noteFor(db, update, input.brokenBeforeDeadlineReason),
        });
      } catch (error) {
        throw aboutCommitment(db, update.commitmentId, error);
      }
    });
    const status = statement<[number], { name: string }>(db, 'SELECT name FROM status WHERE id = ?').get(
      input.statusId,
    )!.name;
    const [only] = commitmentIds;
    const what =
      commitmentIds.length === 1 && only !== undefined
        ? quoted(titleOf(db, only) ?? '')
        : counted(commitmentIds.length, 'commitment');
    logAction(db, `Recorded “${status}” on ${what}`, { undo: 'retract', updateIds: ids, newLinks: [] });
    return ids;
  })();
}

function titleOf(db: Database, commitmentId: number): string | undefined {
  return statement<[number], { title: string }>(db, 'SELECT title FROM commitment WHERE id = ?').get(
    commitmentId,
  )?.title;
}

/** "Commitment 12 “…”: " before the message, so the analyst knows which of the selection failed. */
function aboutCommitment(db: Database, commitmentId: number, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const title = titleOf(db, commitmentId);
  const name =
    title === undefined ? `Commitment ${commitmentId}` : `Commitment ${commitmentId} ${quoted(title)}`;
  const path = error.path === 'commitmentId' ? 'commitmentIds' : error.path;
  return new DomainError(error.code, `${name}: ${error.message}`, path);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "29 Oct 2025", as the analyst reads a date in a message. */
function readableDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

/**
 * Nothing is called broken before its deadline has passed unless the analyst says why: a status
 * scored −1 effective before the due date, or on a commitment with no deadline, needs a reason.
 * Returns the refusal to show, or null when the rule does not apply.
 */
export function brokenBeforeDeadline(
  db: Database,
  commitmentId: number,
  statusId: number,
  effectiveOn: string,
): string | null {
  const status = statement<[number], { name: string; score: number | null }>(
    db,
    'SELECT name, score FROM status WHERE id = ?',
  ).get(statusId);
  const commitment = statement<[number], { dueOn: string | null }>(
    db,
    'SELECT due_on AS dueOn FROM commitment WHERE id = ? AND deleted_at IS NULL',
  ).get(commitmentId);
  // Unknown ids are refused, with their own message, by insertStatusUpdate.
  if (!status || !commitment || status.score !== -1) return null;
  if (commitment.dueOn === null) {
    return `Marking this commitment ${status.name} when it has no deadline needs a reason.`;
  }
  if (effectiveOn >= commitment.dueOn) return null;
  return `Marking this commitment ${status.name} before its deadline (${readableDate(commitment.dueOn)}) needs a reason.`;
}

/** The note to store: the analyst's reason comes first when the broken rule applies. */
function noteFor(db: Database, update: NewStatusUpdate, reason: string | undefined): string {
  const refusal = brokenBeforeDeadline(db, update.commitmentId, update.statusId, update.effectiveOn);
  if (refusal === null) return update.note;
  const why = reason?.trim() ?? '';
  if (why === '') throw new DomainError('invalid_input', refusal, 'brokenBeforeDeadlineReason');
  const prefix = `Marked broken before its deadline: ${why}`;
  return update.note.trim() === '' ? prefix : `${prefix}\n\n${update.note}`;
}

/** Links to evidence that recording these updates will add, so undoing them can take the links away. */
function newEvidenceLinks(db: Database, updates: NewStatusUpdate[]): EvidenceLink[] {
  const linked = statement<[number, number], { n: number }>(
    db,
    'SELECT 1 AS n FROM commitment_excerpt WHERE commitment_id = ? AND excerpt_id = ?',
  );
  return updates
    .filter((update) => update.excerptId !== null && !linked.get(update.commitmentId, update.excerptId))
    .map((update) => ({ commitmentId: update.commitmentId, excerptId: update.excerptId! }));
}

/**
 * Undoes status updates without editing history: each is marked retracted (a trigger moves the
 * current status back), and evidence links they alone added are removed.
 */
export function retractUpdates(
  db: Database,
  updateIds: number[],
  newLinks: EvidenceLink[],
  reason: string,
): void {
  const retracted = statement<[number], { n: number }>(
    db,
    'SELECT 1 AS n FROM status_update_retraction WHERE update_id = ?',
  );
  const retract = statement(db, 'INSERT INTO status_update_retraction (update_id, reason) VALUES (?, ?)');
  for (const id of updateIds) {
    if (retracted.get(id)) throw new DomainError('conflict', `Status update ${id} is already retracted.`);
    retract.run(id, reason);
  }
  const stillCited = statement<[number, number], { n: number }>(
    db,
    `SELECT 1 AS n FROM status_update u WHERE u.commitment_id = ? AND u.excerpt_id = ?
        AND u.id NOT IN (SELECT update_id FROM status_update_retraction)`,
  );
  const unlink = statement(db, 'DELETE FROM commitment_excerpt WHERE commitment_id = ? AND excerpt_id = ?');
  for (const link of newLinks) {
    if (!stillCited.get(link.commitmentId, link.excerptId)) unlink.run(link.commitmentId, link.excerptId);
  }
}

const evidenceColumns = `
  e.id AS excerptId, e.text, e.speaker, e.paraphrase, src.id AS sourceId, src.title AS sourceTitle,
  src.publisher AS sourcePublisher, src.url AS sourceUrl, src.published_on AS sourcePublishedOn`;

interface RawEvidence {
  excerptId: number;
  text: string;
  speaker: string;
  paraphrase: number;
  sourceId: number;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string | null;
  sourcePublishedOn: string | null;
}

function toEvidence(raw: RawEvidence): Evidence {
  return {
    excerptId: raw.excerptId,
    text: raw.text,
    speaker: raw.speaker,
    paraphrase: raw.paraphrase === 1,
    source: {
      id: raw.sourceId,
      title: raw.sourceTitle,
      publisher: raw.sourcePublisher,
      url: raw.sourceUrl,
      publishedOn: raw.sourcePublishedOn,
    },
  };
}

/**
 * The history without retracted updates, newest effective date first, as the analyst reads a
 * timeline; with asOf, only what had taken effect by that day.
 */
export function historyOf(db: Database, commitmentId: number, asOf?: string): HistoryEntry[] {
  const rows = statement<
    [number, string],
    Partial<RawEvidence> & {
      id: number;
      statusId: number;
      statusName: string;
      statusColour: string;
      statusCategory: 'open' | 'closed';
      party: string | null;
      effectiveOn: string;
      recordedAt: string;
      recordedBy: string | null;
      note: string;
      correctsId: number | null;
    }
  >(
    db,
    `SELECT u.id, s.id AS statusId, s.name AS statusName, s.colour AS statusColour, s.category AS statusCategory,
            p.name AS party, u.effective_on AS effectiveOn, u.recorded_at AS recordedAt,
            u.recorded_by AS recordedBy, u.note, u.corrects_id AS correctsId, ${evidenceColumns}
       FROM status_update u
       JOIN status s ON s.id = u.status_id
       LEFT JOIN party p ON p.id = u.party_id
       LEFT JOIN excerpt e ON e.id = u.excerpt_id
       LEFT JOIN source src ON src.id = e.source_id
      WHERE u.commitment_id = ? AND u.effective_on <= ?
        AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
      ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC`,
  ).all(commitmentId, asOf ?? '9999-12-31');
  return rows.map((row) => ({
    id: row.id,
    status: {
      id: row.statusId,
      name: row.statusName,
      colour: row.statusColour,
      category: row.statusCategory,
    },
    party: row.party,
    effectiveOn: row.effectiveOn,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    note: row.note,
    correctsId: row.correctsId,
    evidence: row.excerptId ? toEvidence(row as RawEvidence) : null,
  }));
}

/**
 * Every excerpt linked to a commitment, whether as its origin or as evidence for an update. Links a
 * retracted update alone had added are removed with the retraction (retractUpdates), so its
 * evidence does not linger here.
 */
export function evidenceOf(db: Database, commitmentId: number): Evidence[] {
  return statement<[number], RawEvidence>(
    db,
    `SELECT ${evidenceColumns}
       FROM commitment_excerpt ce
       JOIN excerpt e ON e.id = ce.excerpt_id
       JOIN source src ON src.id = e.source_id
      WHERE ce.commitment_id = ?
      ORDER BY src.published_on, e.id`,
  )
    .all(commitmentId)
    .map(toEvidence);
}
