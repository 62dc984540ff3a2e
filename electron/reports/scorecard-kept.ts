// Today's scorecard from the statuses kept as the data changes: the commitment's whole status on the
// commitment (migration 006) and each party's own in party_current_status (009). Its figures are
// counted in SQL, grouped by topic set, party and status, so 300,000 cells come back as a few dozen
// rows; only the page of rows the view shows is read cell by cell. As of a day, or compared with an
// earlier one, the scorecard reads the history instead (scorecard-query.ts).
import type { Database } from 'better-sqlite3';
import { asOfDay, statusJoins } from '../../db/as-of.ts';
import { statement } from '../../db/statements.ts';
import type { Topic } from '../domain/model.ts';
import type { ReportScope } from './model.ts';
import { emptySource, type ScorecardSource } from './scorecard-query.ts';
import { filterClause } from '../../db/commitment-filter.ts';

/** How many cells of one party (0: a commitment no party made) in one status (0: none) under one topic set. */
export interface KeptCount {
  topicIds: string | null;
  partyId: number;
  statusId: number;
  cells: number;
}

/**
 * The commitments of the scope, with their whole status today and their topics, read once each: all of
 * them, or one page in id order (the commitment's primary key, so no sort and no more rows read).
 */
function scopedSql(
  scope: ReportScope,
  page: { offset: number; limit: number } | null,
): { sql: string; params: unknown[] } {
  const clause = filterClause(scope);
  const paged = page === null ? '' : 'ORDER BY c.id LIMIT @limit OFFSET @offset';
  return {
    sql: `WITH scoped AS MATERIALIZED (
            SELECT c.id, c.title, c.current_update_id AS whole_update, c.current_status_id AS whole_status,
                   c.current_since AS whole_since,
                   (SELECT group_concat(ct.topic_id) FROM commitment_topic ct WHERE ct.commitment_id = c.id) AS topics
              FROM commitment c ${statusJoins(false)}
             WHERE ${clause.where} ${paged})`,
    params: clause.params,
  };
}

/** The filters the tallies can answer: the dossier and the topic (with its subtopics). */
const talliedFilters = new Set(['dossierId', 'topicId', 'dateField', 'dossier', 'topic']);

/**
 * The cells of a scope of a dossier, a topic or everything, from the tallies the triggers of migration
 * 009 keep: a few dozen rows whatever the size of the file. Null for any other scope.
 */
function talliedCounts(db: Database, scope: ReportScope, topics: Topic[]): KeptCount[] | null {
  const narrowed = Object.entries(scope).filter(([, value]) => value !== undefined);
  if (narrowed.some(([key]) => !talliedFilters.has(key))) return null;
  const rows = statement<[{ dossier: number | null }], [string, number, number, number]>(
    db,
    `SELECT topics, party_id, status_id, sum(cells) FROM scorecard_tally
      WHERE @dossier IS NULL OR dossier_id = @dossier
      GROUP BY 1, 2, 3 HAVING sum(cells) <> 0`,
  )
    .raw(true)
    .all({ dossier: scope.dossierId ?? null });
  const within = scope.topicId === undefined ? null : subtopicsOf(topics, scope.topicId);
  return rows
    .filter(([key]) => within === null || key.split(',').some((id) => within.has(Number(id))))
    .map(([key, partyId, statusId, cells]) => ({ topicIds: key || null, partyId, statusId, cells }));
}

/** The topic and every topic under it, at any depth. */
function subtopicsOf(topics: Topic[], topicId: number): Set<number> {
  const within = new Set([topicId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const topic of topics) {
      if (topic.parentId !== null && within.has(topic.parentId) && !within.has(topic.id)) {
        within.add(topic.id);
        grew = true;
      }
    }
  }
  return within;
}

/**
 * Every cell of the scope counted by topic set, party and status: the scorecard's figures, today. From
 * the tallies where they answer the scope, else counted in SQL from the kept statuses.
 */
export function keptCounts(db: Database, scope: ReportScope, topics: Topic[]): KeptCount[] {
  const tallied = talliedCounts(db, scope, topics);
  if (tallied !== null) return tallied;
  const { sql, params } = scopedSql(scope, null);
  const rows = statement<unknown[], [string | null, number, number, number]>(
    db,
    `${sql}
     SELECT sc.topics, coalesce(cp.party_id, 0), coalesce(ps.status_id, sc.whole_status, 0), count(*)
       FROM scoped sc
       LEFT JOIN commitment_party cp ON cp.commitment_id = sc.id AND cp.role = 'maker'
       LEFT JOIN party_current_status ps ON ps.commitment_id = sc.id AND ps.party_id = cp.party_id
      GROUP BY 1, 2, 3`,
  )
    .raw(true)
    .all(...params, { asOf: asOfDay(undefined) });
  return rows.map(([topicIds, partyId, statusId, cells]) => ({ topicIds, partyId, statusId, cells }));
}

type PageRow = [
  id: number,
  title: string,
  topicIds: string | null,
  wholeUpdateId: number | null,
  wholeStatusId: number | null,
  wholeSince: string | null,
  partyId: number | null,
  ownUpdateId: number | null,
  ownStatusId: number | null,
  ownSince: string | null,
];

/** One page of the scope's commitments in id order, each with its makers' kept statuses. */
export function keptPage(
  db: Database,
  scope: ReportScope,
  page: { offset: number; limit: number } | null,
): ScorecardSource {
  const { sql, params } = scopedSql(scope, page);
  const rows = statement<unknown[], PageRow>(
    db,
    `${sql}
     SELECT sc.id, sc.title, sc.topics, sc.whole_update, sc.whole_status, sc.whole_since,
            cp.party_id, ps.update_id, ps.status_id, ps.since
       FROM scoped sc
       LEFT JOIN commitment_party cp ON cp.commitment_id = sc.id AND cp.role = 'maker'
       LEFT JOIN party_current_status ps ON ps.commitment_id = sc.id AND ps.party_id = cp.party_id
      ORDER BY sc.id, cp.party_id`,
  )
    .raw(true)
    .all(...params, { asOf: asOfDay(undefined), ...(page ?? {}) });
  const source = emptySource();
  for (const row of rows) {
    const [id, title, topicIds, wholeUpdateId, wholeStatusId, wholeSince, partyId] = row;
    if (source.id.at(-1) !== id) {
      source.id.push(id);
      source.title.push(title);
      source.topicIds.push(topicIds);
      source.wholeUpdateId.push(wholeUpdateId ?? 0);
      source.wholeStatusId.push(wholeStatusId ?? 0);
      source.wholeSince.push(wholeSince);
      source.earlierWholeStatusId.push(0);
      source.firstMaker.push(source.partyId.length);
    }
    if (partyId === null) continue;
    source.partyId.push(partyId);
    source.ownUpdateId.push(row[7] ?? 0);
    source.ownStatusId.push(row[8] ?? 0);
    source.ownSince.push(row[9]);
    source.earlierOwnUpdateId.push(0);
    source.earlierOwnStatusId.push(0);
  }
  source.firstMaker.push(source.partyId.length);
  return source;
}

/** How many commitments the scope holds. */
export function keptCommitmentCount(db: Database, scope: ReportScope): number {
  const clause = filterClause(scope);
  // The status joins only where a filter reads them: without them the count reads one narrow index.
  const joins = clause.needsStatus ? statusJoins(false) : '';
  return statement<unknown[], number>(db, `SELECT count(*) FROM commitment c ${joins} WHERE ${clause.where}`)
    .pluck()
    .get(...clause.params, { asOf: asOfDay(undefined) })!;
}
