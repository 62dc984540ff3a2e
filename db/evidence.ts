// Turning a quote into a commitment or into evidence: the excerpt and what it supports, in one transaction.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { insertExcerpt } from './sources.ts';
import { statement } from './statements.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

export interface QuoteSpan {
  sourceId: number;
  start: number;
  end: number;
  speaker: string;
  /** A span of a summary rather than of the original's words. */
  paraphrase?: boolean | undefined;
}

/** The quote's excerpt: stored now, or the one its span already has. */
function excerptOf(db: Database, quote: QuoteSpan): number {
  return insertExcerpt(db, quote.sourceId, quote.start, quote.end, quote.speaker, quote.paraphrase);
}

/** A new commitment whose first evidence is the quote it was drawn from. */
export function createCommitmentFromQuote(
  db: Database,
  quote: QuoteSpan,
  commitment: Omit<NewCommitment, 'excerptIds'>,
): { id: number; excerptId: number } {
  return db.transaction(() => {
    const excerptId = excerptOf(db, quote);
    const id = insertCommitment(db, { ...commitment, excerptIds: [excerptId] });
    return { id, excerptId };
  })();
}

export interface EvidenceUpdate {
  statusId: number;
  effectiveOn: string;
  note: string;
  brokenBeforeDeadlineReason?: string | undefined;
}

/** Links the quote to a commitment as evidence, and optionally records the status change it shows. */
export function attachEvidence(
  db: Database,
  quote: QuoteSpan,
  commitmentId: number,
  update: EvidenceUpdate | null,
): { excerptId: number; statusUpdateId: number | null } {
  return db.transaction(() => {
    const live = statement<[number], { id: number }>(
      db,
      'SELECT id FROM commitment WHERE id = ? AND deleted_at IS NULL',
    ).get(commitmentId);
    if (!live) throw new DomainError('not_found', `No commitment has id ${commitmentId}.`, 'commitmentId');
    const excerptId = excerptOf(db, quote);
    statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)').run(commitmentId, excerptId);
    const statusUpdateId = update
      ? recordStatusUpdate(db, {
          commitmentId,
          statusId: update.statusId,
          effectiveOn: update.effectiveOn,
          note: update.note,
          partyId: null,
          excerptId,
          correctsId: null,
          brokenBeforeDeadlineReason: update.brokenBeforeDeadlineReason,
        })
      : null;
    return { excerptId, statusUpdateId };
  })();
}
