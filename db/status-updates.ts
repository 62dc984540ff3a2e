// Status history: append-only updates, each with its effective date, recorded time and evidence.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import type { Evidence, HistoryEntry } from './model.ts';
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
     VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
  ).run(
    update.commitmentId,
    update.partyId,
    update.statusId,
    update.effectiveOn,
    update.note,
    update.excerptId,
    update.correctsId,
    update.recordedAt ?? null,
  );
  if (update.excerptId !== null) {
    statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)').run(
      update.commitmentId,
      update.excerptId,
    );
  }
  return Number(info.lastInsertRowid);
}

export function recordStatusUpdate(db: Database, update: NewStatusUpdate): number {
  return db.transaction(() => insertStatusUpdate(db, update))();
}

const evidenceColumns = `
  e.id AS excerptId, e.text, e.speaker, src.id AS sourceId, src.title AS sourceTitle,
  src.publisher AS sourcePublisher, src.url AS sourceUrl, src.published_on AS sourcePublishedOn`;

interface RawEvidence {
  excerptId: number;
  text: string;
  speaker: string;
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
    source: {
      id: raw.sourceId,
      title: raw.sourceTitle,
      publisher: raw.sourcePublisher,
      url: raw.sourceUrl,
      publishedOn: raw.sourcePublishedOn,
    },
  };
}

/** The whole history, newest effective date first, as the analyst reads a timeline. */
export function historyOf(db: Database, commitmentId: number): HistoryEntry[] {
  const rows = statement<
    [number],
    Partial<RawEvidence> & {
      id: number;
      statusId: number;
      statusName: string;
      statusColour: string;
      statusCategory: 'open' | 'closed';
      party: string | null;
      effectiveOn: string;
      recordedAt: string;
      note: string;
      correctsId: number | null;
    }
  >(
    db,
    `SELECT u.id, s.id AS statusId, s.name AS statusName, s.colour AS statusColour, s.category AS statusCategory,
            p.name AS party, u.effective_on AS effectiveOn, u.recorded_at AS recordedAt, u.note,
            u.corrects_id AS correctsId, ${evidenceColumns}
       FROM status_update u
       JOIN status s ON s.id = u.status_id
       LEFT JOIN party p ON p.id = u.party_id
       LEFT JOIN excerpt e ON e.id = u.excerpt_id
       LEFT JOIN source src ON src.id = e.source_id
      WHERE u.commitment_id = ?
      ORDER BY u.effective_on DESC, u.id DESC`,
  ).all(commitmentId);
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
    note: row.note,
    correctsId: row.correctsId,
    evidence: row.excerptId ? toEvidence(row as RawEvidence) : null,
  }));
}

/** Every excerpt linked to a commitment, whether as its origin or as evidence for an update. */
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
