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
  /**
   * Where each match can be asked after by id (a link table's primary key): how many there are, and a
   * condition on `c.id` that holds for a match. The page's candidates are then looked up one by one
   * instead of every match read, so the page costs the same whatever the size.
   */
  probe?: { count: string; holds: string };
}

export const wordMatches = (match: string): Matches => ({
  sql: 'SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH @match',
  params: { match },
});

const subtopics = `WITH RECURSIVE sub (id) AS (
  SELECT @topic UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub`;

export function topicMatches(topicId: number): Matches {
  const sql = `SELECT DISTINCT ct.commitment_id AS rowid FROM commitment_topic ct WHERE ct.topic_id IN (${subtopics})`;
  return {
    sql,
    params: { topic: topicId },
    probe: {
      // A topic without subtopics links each commitment once: its index range is the count.
      count: `SELECT CASE WHEN EXISTS (SELECT 1 FROM topic WHERE parent_id = @topic)
                     THEN (SELECT count(*) FROM (${sql}))
                     ELSE (SELECT count(*) FROM commitment_topic WHERE topic_id = @topic) END`,
      holds: `EXISTS (SELECT 1 FROM commitment_topic ct WHERE ct.commitment_id = c.id AND ct.topic_id IN (${subtopics}))`,
    },
  };
}

export const partyMatches = (partyId: number): Matches => ({
  sql: 'SELECT DISTINCT commitment_id AS rowid FROM commitment_party WHERE party_id = @party',
  params: { party: partyId },
  probe: {
    count: 'SELECT count(DISTINCT commitment_id) FROM commitment_party WHERE party_id = @party',
    holds:
      'EXISTS (SELECT 1 FROM commitment_party cp WHERE cp.commitment_id = c.id AND cp.party_id = @party)',
  },
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
  { sql: matches, params, probe }: Matches,
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
  const { indexed, hits } = probe
    ? {
        indexed: statement<[Record<string, unknown>], [number]>(db, probe.count).raw().get(params)![0],
        hits: statement<[Record<string, unknown>], [number]>(
          db,
          `SELECT c.id FROM commitment c WHERE c.id IN (SELECT value FROM json_each(@candidates)) AND ${probe.holds}`,
        )
          .raw()
          .all({ ...params, candidates: JSON.stringify(candidates) })
          .map((row) => row[0]),
      }
    : passOver(db, matches, params, candidates);
  const trashed = statement<[Record<string, unknown>], { n: number }>(
    db,
    `SELECT count(*) AS n FROM commitment c INDEXED BY commitment_deleted
      WHERE c.deleted_at IS NOT NULL AND c.id IN (${matches})`,
  ).get(params)!.n;
  const total = indexed - trashed;
  if (index === undefined) return { total, ids: null };
  const hitSet = new Set(hits);
  const found = candidates.filter((id) => hitSet.has(id));
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
      WHERE c.deleted_at IS NULL AND ${probe ? probe.holds : `c.id IN (${matches})`}
      ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`,
  )
    .raw()
    .all({ ...params, limit: request.limit, offset: request.offset })
    .map((row) => row[0]);
  return { total, ids };
}

/** Every match read once: counted, and those among the candidates kept as they pass. */
function passOver(
  db: Database,
  matches: string,
  params: Record<string, unknown>,
  candidates: number[],
): { indexed: number; hits: number[] } {
  const pass = statement<[Record<string, unknown>], { indexed: number; hits: string }>(
    db,
    `SELECT count(*) AS indexed,
            json_group_array(rowid) FILTER (WHERE +rowid IN (SELECT value FROM json_each(@candidates))) AS hits
       FROM (${matches})`,
  ).get({ ...params, candidates: JSON.stringify(candidates) })!;
  return { indexed: pass.indexed, hits: JSON.parse(pass.hits) as number[] };
}
