// Commitment rows for the spreadsheets, from one lean statement instead of one commitment at a time.
import type { Database } from 'better-sqlite3';
import { asOfDay, statusJoins, statusSince } from '../../db/as-of.ts';
import { deadlineStateSql } from '../../db/deadlines.ts';
import { statement } from '../../db/statements.ts';
import { listSeparator } from './cells.ts';
import type { ReportScope } from './model.ts';
import { filterClause } from '../../db/commitment-filter.ts';

/** A row of the ordered statement: the columns of cells.ts, in their order. */
export type CommitmentRow = [
  id: number,
  title: string,
  summary: string,
  kind: string,
  dossier: string,
  parentId: number | null,
  topics: string | null,
  madeBy: string | null,
  owedTo: string | null,
  announcedOn: string | null,
  deadlineOn: string | null,
  deadlineAmount: number | null,
  deadlineUnit: string | null,
  deadlineFrom: string | null,
  dueOn: string | null,
  deadlineState: string,
  status: string | null,
  statusSince: string | null,
];

/** Rows handed on at a time: enough to amortise each hand-over, few enough to stay young garbage. */
const batchSize = 2_000;

/**
 * Every commitment of the scope in the report's order (dossier name, then id, as commitmentIds
 * orders them), a batch at a time, from one statement: SQLite reads the table in its own order,
 * works out each row's lists there, and sorts the rows itself, so nothing piles up in memory and
 * no page is read twice. Each row is an array in the columns' order (cells.ts), as the statement
 * gives it. The statement stays open until the last batch: consume synchronously.
 */
export function* commitmentRowsInOrder(db: Database, scope: ReportScope): Generator<CommitmentRow[]> {
  const clause = filterClause(scope);
  const asOf = scope.asOf;
  const parentShown =
    asOf === undefined ? '' : 'AND (parent.announced_on IS NULL OR parent.announced_on <= @asOf)';
  // Today the day the status took effect is kept on the commitment, so no status update is read.
  const since = statusSince(asOf !== undefined);
  const parties = (role: string) =>
    `(SELECT group_concat(p.name, '${listSeparator}' ORDER BY p.name) FROM commitment_party cp
        JOIN party p ON p.id = cp.party_id WHERE cp.commitment_id = c.id AND cp.role = '${role}')`;
  const rows = statement<unknown[], CommitmentRow>(
    db,
    `WITH tree (id, path) AS MATERIALIZED (
       SELECT id, name FROM topic WHERE parent_id IS NULL
       UNION ALL SELECT t.id, tree.path || ' › ' || t.name FROM topic t JOIN tree ON t.parent_id = tree.id)
     SELECT c.id, c.title, c.summary, c.kind, d.name,
            CASE WHEN c.parent_id IS NOT NULL THEN
              (SELECT parent.id FROM commitment parent WHERE parent.id = c.parent_id
                  AND parent.deleted_at IS NULL ${parentShown}) END,
            (SELECT group_concat(tree.path, '${listSeparator}' ORDER BY tree.path)
               FROM commitment_topic ct JOIN tree ON tree.id = ct.topic_id WHERE ct.commitment_id = c.id),
            ${parties('maker')}, ${parties('owed_to')},
            c.announced_on, c.deadline_on, c.deadline_amount, c.deadline_unit, c.deadline_from, c.due_on,
            ${deadlineStateSql('@asOf', { dueOn: 'c.due_on', category: 's.category', since })}, s.name, ${since}
       FROM commitment c JOIN dossier d ON d.id = c.dossier_id ${statusJoins(asOf !== undefined)}
      WHERE ${clause.where} ORDER BY d.name COLLATE NOCASE, c.id`,
  )
    .raw()
    .iterate(...clause.params, { asOf: asOfDay(asOf) });
  let batch: CommitmentRow[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
