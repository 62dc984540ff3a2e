// The list narrowed by one thing alone (words in its search box or the command palette, a topic, a
// party): counted from that thing's own index, and its page read in the order of the sort's index
// instead of reading and sorting every match, when many commitments match (a common word is in a
// third of 100,000, a topic in one in fifteen): the cost then stays the same whatever the size.
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

/**
 * The commitments that match, trashed ones too, each once, as a statement of one column, `rowid`,
 * over named parameters: the words' matches in the full-text index, or those of a topic (its
 * subtopics too) or of a party, read from the link table's own index.
 */
export interface Matches {
  sql: string;
  params: Record<string, unknown>;
}

export const wordMatches = (match: string): Matches => ({
  sql: 'SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH @match',
  params: { match },
});

export const topicMatches = (topicId: number): Matches => ({
  sql: `WITH RECURSIVE sub (id) AS (SELECT @topic UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
        SELECT DISTINCT ct.commitment_id AS rowid FROM commitment_topic ct WHERE ct.topic_id IN (SELECT id FROM sub)`,
  params: { topic: topicId },
});

export const partyMatches = (partyId: number): Matches => ({
  sql: 'SELECT DISTINCT commitment_id AS rowid FROM commitment_party WHERE party_id = @party',
  params: { party: partyId },
});

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
 * Counts the matches and finds the page in one pass over them, when it can. The matches include the
 * trashed commitments (the full-text index and the link tables hold them too): they are counted and
 * the trashed ones among them taken away (read from the trash's own index; none read when it is
 * empty). In the same pass, the matches among the first live commitments down the sort's index are
 * kept: with matches in one commitment in eight or more, those hold the first page. Fewer: the page is read down
 * the index with the matches listed, or, fewer still (that would pass about (offset + limit) × all ÷
 * matches commitments), the caller sorts the matches. `orderBy` is the list's ORDER BY.
 */
export function searchPage(
  db: Database,
  request: PageRequest,
  { sql: matches, params }: Matches,
  orderBy: string,
): SearchPage {
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
  const pass = statement<[Record<string, unknown>], { indexed: number; hits: string }>(
    db,
    `SELECT count(*) AS indexed,
            json_group_array(rowid) FILTER (WHERE +rowid IN (SELECT value FROM json_each(@candidates))) AS hits
       FROM (${matches})`,
  ).get({ ...params, candidates: JSON.stringify(candidates) })!;
  const trashed = statement<[Record<string, unknown>], { n: number }>(
    db,
    `SELECT count(*) AS n FROM commitment c INDEXED BY commitment_deleted
      WHERE c.deleted_at IS NOT NULL AND c.id IN (${matches})`,
  ).get(params)!.n;
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
  const ids = statement<[Record<string, unknown>], [number]>(
    db,
    `SELECT c.id FROM commitment c INDEXED BY ${index}
      WHERE c.deleted_at IS NULL AND c.id IN (${matches})
      ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`,
  )
    .raw()
    .all({ ...params, limit: request.limit, offset: request.offset })
    .map((row) => row[0]);
  return { total, ids };
}
