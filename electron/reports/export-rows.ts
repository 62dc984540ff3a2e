// Spreadsheet rows read straight from the database in chunks, for exports too large to build in full.
import type { Database } from 'better-sqlite3';
import { retracted } from '../../db/as-of.ts';
import { commitmentIds } from '../../db/commitments.ts';
import { statement } from '../../db/statements.ts';
import type { CellValue } from './cells.ts';
import { commitmentRowsInOrder, type CommitmentRow } from './commitment-rows.ts';
import type { ReportScope } from './model.ts';

/** Few enough rows that a chunk's query is quick and its rows small; many enough to amortise it. */
const chunkSize = 2_000;

/**
 * The rows of a report's sheets, in the report's order, a chunk at a time, each row an array in the
 * order of its sheet's columns (cells.ts); they match what the renderers build from buildReport.
 * Consume each sheet's rows synchronously: the commitments come from one open statement (see
 * commitmentRowsInOrder).
 */
export interface ExportRows {
  count: number;
  commitments(): Generator<CommitmentRow[]>;
  history(): Generator<CellValue[][]>;
  sources(): Generator<CellValue[][]>;
}

export function exportRows(db: Database, scope: ReportScope): ExportRows {
  const ids = commitmentIds(db, scope);
  const asOf = scope.asOf;
  const chunks = function* () {
    for (let start = 0; start < ids.length; start += chunkSize) yield ids.slice(start, start + chunkSize);
  };
  const titles = new Map<number, string>();
  return {
    count: ids.length,
    *commitments() {
      for (const rows of commitmentRowsInOrder(db, scope)) {
        for (const row of rows) titles.set(row[0], row[1]);
        yield rows;
      }
    },
    *history() {
      for (const chunk of chunks()) yield historyChunk(db, chunk, asOf, titleOf(db, titles));
    },
    *sources() {
      for (const chunk of chunks()) yield sourceChunk(db, chunk, titleOf(db, titles));
    },
  };
}

/** Titles are remembered from the commitments pass; read them when that pass was not made. */
function titleOf(db: Database, titles: Map<number, string>): (id: number) => string {
  const read = statement<[number], { title: string }>(db, 'SELECT title FROM commitment WHERE id = ?');
  return (id) => titles.get(id) ?? read.get(id)?.title ?? '';
}

/**
 * The chunk's commitments in its order (json_each's key), each one's rows in the order asked for;
 * the second column, the commitment's title, is filled in from `titleOf`.
 */
function inChunkOrder(
  db: Database,
  sql: string,
  parameters: Record<string, unknown>,
  titleOf: (id: number) => string,
): CellValue[][] {
  const rows = statement<[Record<string, unknown>], CellValue[]>(db, sql).raw().all(parameters);
  for (const row of rows) row[1] = titleOf(row[0] as number);
  return rows;
}

/** Columns of historyColumns. */
function historyChunk(
  db: Database,
  ids: number[],
  asOf: string | undefined,
  titleOf: (id: number) => string,
): CellValue[][] {
  return inChunkOrder(
    db,
    `SELECT u.commitment_id, NULL, s.name, p.name, u.effective_on, u.recorded_at, u.recorded_by,
            u.note, e.text, src.title
       FROM json_each(@ids) AS chunk
       JOIN status_update u ON u.commitment_id = chunk.value
       JOIN status s ON s.id = u.status_id
       LEFT JOIN party p ON p.id = u.party_id
       LEFT JOIN excerpt e ON e.id = u.excerpt_id
       LEFT JOIN source src ON src.id = e.source_id
      WHERE u.effective_on <= @asOf AND NOT ${retracted('u')}
      ORDER BY chunk.key, u.effective_on, u.recorded_at, u.uid`,
    { ids: JSON.stringify(ids), asOf: asOf ?? '9999-12-31' },
    titleOf,
  );
}

/** Columns of sourceColumns. */
function sourceChunk(db: Database, ids: number[], titleOf: (id: number) => string): CellValue[][] {
  return inChunkOrder(
    db,
    `SELECT ce.commitment_id, NULL, e.text,
            CASE e.paraphrase WHEN 1 THEN 'paraphrase' ELSE 'quotation' END, e.speaker, src.title,
            src.publisher, src.url, src.published_on
       FROM json_each(@ids) AS chunk
       JOIN commitment_excerpt ce ON ce.commitment_id = chunk.value
       JOIN excerpt e ON e.id = ce.excerpt_id
       JOIN source src ON src.id = e.source_id
      ORDER BY chunk.key, src.published_on, e.id`,
    { ids: JSON.stringify(ids) },
    titleOf,
  );
}
