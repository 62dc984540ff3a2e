// Choosing an excerpt as evidence: the commitment's own excerpts first, then any other, by words.
import type { Database } from 'better-sqlite3';
import type { ExcerptChoice } from '../electron/domain/model.ts';
import { statement } from './statements.ts';
import { liveCommitment } from './trash.ts';

export interface ExcerptQuery {
  commitmentId?: number | undefined;
  text?: string | undefined;
}

const limit = 50;

/** Every word must appear in the excerpt, its speaker or its source's title; any case, anywhere. */
function wordConditions(text: string | undefined): { where: string; params: string[] } {
  const words = text?.match(/[\p{L}\p{N}]+/gu) ?? [];
  return {
    where: words.map(() => `AND (e.text || ' ' || e.speaker || ' ' || src.title) LIKE ?`).join(' '),
    // Words hold only letters and digits, so they carry no LIKE wildcard to escape.
    params: words.map((word) => `%${word}%`),
  };
}

export function listExcerpts(db: Database, query: ExcerptQuery): ExcerptChoice[] {
  if (query.commitmentId !== undefined) liveCommitment(db, query.commitmentId, 'commitmentId');
  const words = wordConditions(query.text);
  // A commitment id of 0 matches nothing: without one, no excerpt counts as linked.
  const linked =
    'EXISTS (SELECT 1 FROM commitment_excerpt ce WHERE ce.excerpt_id = e.id AND ce.commitment_id = ?)';
  return statement<unknown[], Omit<ExcerptChoice, 'paraphrase'> & { paraphrase: number }>(
    db,
    `SELECT e.id, e.text, e.speaker, e.paraphrase, src.title AS sourceTitle, src.published_on AS publishedOn
       FROM excerpt e JOIN source src ON src.id = e.source_id
      WHERE 1 ${words.where}
      ORDER BY ${linked} DESC, src.published_on IS NULL, src.published_on DESC, e.source_id, e.start
      LIMIT ?`,
  )
    .all(...words.params, query.commitmentId ?? 0, limit)
    .map((choice) => ({ ...choice, paraphrase: choice.paraphrase === 1 }));
}
