// The list narrowed by words alone (its search box, the command palette): counted from the full-text
// index, and its page read in the order of the sort's index instead of reading and sorting every
// match, when the words are in many commitments (a common word is in a third of 100,000).
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

type Sort = 'title' | 'dossier' | 'status' | 'announced_on' | 'due_on' | 'updated';
type Direction = 'asc' | 'desc';

/** Indexes whose order is the list's order (the ORDER BY of listCommitments), by sort and direction. */
const orderIndexes: Partial<Record<Sort, Record<Direction, string>>> = {
  due_on: { asc: 'commitment_by_due_undated_last', desc: 'commitment_by_due_undated_last_desc' },
  title: { asc: 'commitment_by_title', desc: 'commitment_by_title' },
};

/** The first page is looked for among this many times its length of the first live commitments. */
const lookAhead = 8;

const matches = 'SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH @match';

export interface PageRequest {
  sort: Sort;
  direction: Direction;
  offset: number;
  limit: number;
}

export interface SearchPage {
  /** Live commitments that match. */
  total: number;
  /** The page's ids in the list's order; null when the matches are better read and sorted. */
  ids: number[] | null;
}

/**
 * Counts the matches and finds the page in one pass over them, when it can. Every commitment is in
 * the full-text index, the trashed ones too: the index counts the matches and the trashed ones among
 * them are taken away (read from the trash's own index; none read when it is empty). In the same
 * pass, the matches among the first live commitments down the sort's index are kept: with words in
 * one commitment in eight or more, those hold the first page. Words in fewer: the page is read down
 * the index with the matches listed, or, fewer still (that would pass about (offset + limit) × all ÷
 * matches commitments), the caller sorts the matches. `orderBy` is the list's ORDER BY.
 */
export function searchPage(db: Database, request: PageRequest, match: string, orderBy: string): SearchPage {
  const index = orderIndexes[request.sort]?.[request.direction];
  const wanted = request.offset + request.limit;
  const candidates =
    index === undefined
      ? []
      : statement<[{ count: number }], [number]>(
          db,
          `SELECT c.id FROM commitment c INDEXED BY ${index} WHERE c.deleted_at IS NULL
            ORDER BY ${orderBy} LIMIT @count`,
        )
          .raw()
          .all({ count: wanted * lookAhead })
          .map((row) => row[0]);
  const pass = statement<[{ match: string; candidates: string }], { indexed: number; hits: string }>(
    db,
    `SELECT count(*) AS indexed,
            json_group_array(rowid) FILTER (WHERE +rowid IN (SELECT value FROM json_each(@candidates))) AS hits
       FROM commitment_fts WHERE commitment_fts MATCH @match`,
  ).get({ match, candidates: JSON.stringify(candidates) })!;
  const trashed = statement<[{ match: string }], { n: number }>(
    db,
    `SELECT count(*) AS n FROM commitment c INDEXED BY commitment_deleted
      WHERE c.deleted_at IS NOT NULL AND c.id IN (${matches})`,
  ).get({ match })!.n;
  const total = pass.indexed - trashed;
  if (index === undefined) return { total, ids: null };
  const hits = new Set(JSON.parse(pass.hits) as number[]);
  const found = candidates.filter((id) => hits.has(id));
  // Enough found, or every live commitment was a candidate.
  if (found.length >= wanted || candidates.length < wanted * lookAhead) {
    return { total, ids: found.slice(request.offset, wanted) };
  }
  const largest =
    statement<[], { id: number | null }>(db, 'SELECT max(id) AS id FROM commitment').get()!.id ?? 0;
  if (total * total < wanted * largest) return { total, ids: null };
  const ids = statement<[{ match: string; limit: number; offset: number }], [number]>(
    db,
    `SELECT c.id FROM commitment c INDEXED BY ${index}
      WHERE c.deleted_at IS NULL AND c.id IN (${matches})
      ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`,
  )
    .raw()
    .all({ match, limit: request.limit, offset: request.offset })
    .map((row) => row[0]);
  return { total, ids };
}
