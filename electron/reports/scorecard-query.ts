// The scorecard's pass over the database: every commitment of the scope with each of its makers, and
// the status in force on the day (and on the day compared with) for the commitment as a whole and
// for the party on its own. Each status in force is one seek of the index status_update_history (see
// updateInForceSql), all in one statement, and the parties' updates are then read in one more:
// never a query per cell.
import type { Database } from 'better-sqlite3';
import { asOfDay, statusJoins, updateInForceSql } from '../../db/as-of.ts';
import { statement } from '../../db/statements.ts';
import type { ReportScope } from './model.ts';
import { filterClause } from '../../db/commitment-filter.ts';

/**
 * What the pass read, as columns of plain numbers and strings rather than an object per cell: at
 * Large that is 300,000 cells, and objects that all live until the end would cost more to collect
 * than to read. Ids and statuses are 0 where there is none.
 */
export interface ScorecardSource {
  /** Per commitment, in id order. */
  id: number[];
  title: string[];
  topicIds: (string | null)[];
  wholeUpdateId: number[];
  wholeStatusId: number[];
  wholeSince: (string | null)[];
  earlierWholeStatusId: number[];
  /** The commitment's makers are makers[firstMaker[i]] up to, not including, makers[firstMaker[i + 1]]. */
  firstMaker: number[];
  /** Per maker of each commitment. */
  partyId: number[];
  ownUpdateId: number[];
  ownStatusId: number[];
  ownSince: (string | null)[];
  earlierOwnUpdateId: number[];
  earlierOwnStatusId: number[];
}

type Row = [
  id: number,
  title: string,
  topicIds: string | null,
  wholeUpdateId: number | null,
  wholeStatusId: number | null,
  wholeSince: string | null,
  partyId: number | null,
  ownUpdateId: number | null,
  earlierWholeStatusId?: number | null,
  earlierOwnUpdateId?: number | null,
];

/**
 * The first statement finds the id of each update in force: the index status_update_history holds
 * the ids, so no party's update is read from the table there, in the scattered order of the
 * commitments; partyStatuses then reads them in the order the table stores them, a third faster.
 * The commitment's own columns come first in the join, so SQLite looks them up once per commitment,
 * not once per maker. Today its status comes from the commitment itself (kept by triggers); as of a
 * day, from history. A party's own status comes from history either way (the latest of all, today).
 */
function cellSql(scope: ReportScope, compare: boolean): { sql: string; params: unknown[] } {
  const clause = filterClause(scope);
  const asOf = scope.asOf !== undefined;
  const wholeColumns = asOf
    ? 'u.id, u.status_id, u.effective_on'
    : 'c.current_update_id, c.current_status_id, c.current_since';
  const earlier = compare
    ? `LEFT JOIN status_update eu ON eu.id = ${updateInForceSql('c.id', '@compare')}`
    : '';
  const earlierColumns = compare
    ? `, eu.status_id, ${updateInForceSql('c.id', '@compare', 'cp.party_id')}`
    : '';
  const sql = `
    SELECT c.id, c.title,
           (SELECT group_concat(ct.topic_id) FROM commitment_topic ct WHERE ct.commitment_id = c.id),
           ${wholeColumns},
           cp.party_id, ${updateInForceSql('c.id', asOf ? '@asOf' : null, 'cp.party_id')} ${earlierColumns}
      FROM commitment c ${statusJoins(asOf)} ${earlier}
      LEFT JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
     WHERE ${clause.where}
     ORDER BY c.id, cp.party_id`;
  return { sql, params: clause.params };
}

export function emptySource(): ScorecardSource {
  return {
    id: [],
    title: [],
    topicIds: [],
    wholeUpdateId: [],
    wholeStatusId: [],
    wholeSince: [],
    earlierWholeStatusId: [],
    firstMaker: [],
    partyId: [],
    ownUpdateId: [],
    ownStatusId: [],
    ownSince: [],
    earlierOwnUpdateId: [],
    earlierOwnStatusId: [],
  };
}

/** Reads the rows one at a time into the columns: each row's array is garbage at once, cheaply. */
function readRows(db: Database, scope: ReportScope, compare: string | null): ScorecardSource {
  const { sql, params } = cellSql(scope, compare !== null);
  const source = emptySource();
  const rows = statement<unknown[], Row>(db, sql)
    .raw(true)
    .iterate(...params, { asOf: asOfDay(scope.asOf), ...(compare === null ? {} : { compare }) });
  for (const row of rows as Iterable<Row>) {
    const [id, title, topicIds, wholeUpdateId, wholeStatusId, wholeSince, partyId, ownUpdateId] = row;
    if (source.id.at(-1) !== id) {
      source.id.push(id);
      source.title.push(title);
      source.topicIds.push(topicIds);
      source.wholeUpdateId.push(wholeUpdateId ?? 0);
      source.wholeStatusId.push(wholeStatusId ?? 0);
      source.wholeSince.push(wholeSince);
      source.earlierWholeStatusId.push(row[8] ?? 0);
      source.firstMaker.push(source.partyId.length);
    }
    if (partyId === null) continue;
    source.partyId.push(partyId);
    source.ownUpdateId.push(ownUpdateId ?? 0);
    source.earlierOwnUpdateId.push(row[9] ?? 0);
  }
  source.firstMaker.push(source.partyId.length);
  return source;
}

/**
 * The status and effective day of each update named (0: none), read in the order the table stores
 * them, and found again by binary search in that order.
 */
function partyStatuses(
  db: Database,
  ids: number[][],
): { statusId(id: number): number; since(id: number): string | null } {
  const wanted = new Float64Array(ids.reduce((sum, list) => sum + list.length, 0));
  let count = 0;
  for (const list of ids) for (const id of list) if (id !== 0) wanted[count++] = id;
  const sorted = wanted.subarray(0, count).sort();
  const rows = statement<[string], [number, number, string]>(
    db,
    'SELECT u.id, u.status_id, u.effective_on FROM json_each(?) j JOIN status_update u ON u.id = j.value',
  )
    .raw(true)
    .all(JSON.stringify(Array.from(sorted)));
  // Rows come in the order of the ids given (json_each first, each update found by its id): sorted.
  const found = Float64Array.from(rows, (row) => row[0]);
  if (found.some((id, index) => index > 0 && id < found[index - 1]!)) {
    throw new Error('scorecard: the party statuses came back out of order.');
  }
  const find = (id: number): number => {
    let low = 0;
    let high = found.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (found[middle]! < id) low = middle + 1;
      else if (found[middle]! > id) high = middle - 1;
      else return middle;
    }
    return -1;
  };
  return {
    statusId: (id) => (id === 0 ? 0 : (rows[find(id)]?.[1] ?? 0)),
    since: (id) => (id === 0 ? null : (rows[find(id)]?.[2] ?? null)),
  };
}

export function scorecardSource(db: Database, scope: ReportScope, compare: string | null): ScorecardSource {
  const source = readRows(db, scope, compare);
  const found = partyStatuses(db, [source.ownUpdateId, source.earlierOwnUpdateId]);
  source.ownStatusId = source.ownUpdateId.map(found.statusId);
  source.ownSince = source.ownUpdateId.map(found.since);
  source.earlierOwnStatusId = source.earlierOwnUpdateId.map(found.statusId);
  return source;
}
