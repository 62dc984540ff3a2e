// The scorecard's one pass over the database: every commitment of the scope with each of its makers,
// and the status in force on the day (and on the day compared with) for the commitment as a whole
// and for the party on its own. Each status in force is one seek of the index status_update_history
// (see updateInForceSql), all in one statement: never a query per cell.
import type { Database } from 'better-sqlite3';
import { asOfDay, statusJoins, updateInForceSql } from '../../db/as-of.ts';
import { filterClause } from '../../db/commitments.ts';
import { statement } from '../../db/statements.ts';
import type { ReportScope } from './model.ts';

/** One commitment × maker (a commitment no party made comes once, with partyId null). */
export type CellRow = [
  commitmentId: number,
  title: string,
  topicIds: string | null,
  wholeUpdateId: number | null,
  wholeStatusId: number | null,
  wholeSince: string | null,
  partyId: number | null,
  ownUpdateId: number | null,
  ownStatusId: number | null,
  ownSince: string | null,
  // With a day compared with, the same four for that day:
  earlierWholeUpdateId?: number | null,
  earlierWholeStatusId?: number | null,
  earlierOwnUpdateId?: number | null,
  earlierOwnStatusId?: number | null,
];

/**
 * Today the whole-commitment status comes from the commitment itself (kept by triggers), and the
 * join to its update is left out unless a filter reads it; as of a day, from history. Party statuses always come from history (the latest of all, today). The
 * commitment's own columns come first in the join, so SQLite looks them up once per commitment,
 * not once per maker.
 */
function cellSql(scope: ReportScope, compare: boolean): { sql: string; params: unknown[] } {
  const clause = filterClause(scope);
  const asOf = scope.asOf !== undefined;
  const day = asOf ? '@asOf' : null;
  const wholeColumns = asOf
    ? 'u.id, u.status_id, u.effective_on'
    : 'c.current_update_id, s.id, c.current_since';
  const earlier = compare
    ? `LEFT JOIN status_update eu ON eu.id = ${updateInForceSql('c.id', '@compare')}
       LEFT JOIN status_update eo ON eo.id = ${updateInForceSql('c.id', '@compare', 'cp.party_id')}`
    : '';
  const earlierColumns = compare ? ', eu.id, eu.status_id, eo.id, eo.status_id' : '';
  const sql = `
    SELECT c.id, c.title,
           (SELECT group_concat(ct.topic_id) FROM commitment_topic ct WHERE ct.commitment_id = c.id),
           ${wholeColumns},
           cp.party_id, o.id, o.status_id, o.effective_on ${earlierColumns}
      FROM commitment c ${statusJoins(asOf)}
      LEFT JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
      LEFT JOIN status_update o ON o.id = ${updateInForceSql('c.id', day, 'cp.party_id')}
      ${earlier}
     WHERE ${clause.where}
     ORDER BY c.id, cp.party_id`;
  return { sql, params: clause.params };
}

export function cellRows(db: Database, scope: ReportScope, compare: string | null): CellRow[] {
  const { sql, params } = cellSql(scope, compare !== null);
  return statement<unknown[], CellRow>(db, sql)
    .raw(true)
    .all(...params, { asOf: asOfDay(scope.asOf), ...(compare === null ? {} : { compare }) }) as CellRow[];
}
