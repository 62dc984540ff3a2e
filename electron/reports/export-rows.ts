// Spreadsheet rows read straight from the database in chunks, for exports too large to build in full.
import type { Database } from 'better-sqlite3';
import { retracted } from '../../db/as-of.ts';
import { commitmentIds } from '../../db/commitments.ts';
import type { CommitmentState, ReportState } from '../../db/report-snapshots.ts';
import { statement } from '../../db/statements.ts';
import type { CellValue } from './cells.ts';
import { commitmentRowsInOrder, type CommitmentRow } from './commitment-rows.ts';
import type { ReportScope } from './model.ts';

/** Few enough rows that a chunk's query is quick and its rows small; many enough to amortise it. */
const chunkSize = 2_000;

/**
 * The rows of a report's sheets, in the report's order, a chunk at a time, each row an array in the
 * order of its sheet's columns (cells.ts); they match what the renderers build from buildReport.
 * A history row ends, past its sheet's columns, with the update's id, and a source row with the
 * excerpt's: they make the report's snapshot (`state`). Consume each sheet's rows synchronously, in
 * this order, with nothing written in between: the commitments come from one open statement (see
 * commitmentRowsInOrder), and the state is what the three passes read.
 */
export interface ExportRows {
  count: number;
  commitments(): Generator<CommitmentRow[]>;
  history(): Generator<CellValue[][]>;
  sources(): Generator<CellValue[][]>;
  /** After the three passes: each commitment's state as the rows showed it (see reportState). */
  state(): ReportState;
}

/** A row's cell past its sheet's columns: the id the snapshot remembers. */
const historyId = 10;
const excerptId = 9;

export function exportRows(db: Database, scope: ReportScope): ExportRows {
  const ids = commitmentIds(db, scope);
  const asOf = scope.asOf;
  const chunks = function* () {
    for (let start = 0; start < ids.length; start += chunkSize) yield ids.slice(start, start + chunkSize);
  };
  const titles = new Map<number, string>();
  const states = new Map<number, CommitmentState>();
  return {
    count: ids.length,
    *commitments() {
      for (const rows of commitmentRowsInOrder(db, scope)) {
        for (const row of rows) {
          titles.set(row[0], row[1]);
          states.set(row[0], {
            status: row[16],
            status_since: row[17],
            due_on: row[14],
            evidence: [],
            history: [],
          });
        }
        yield rows;
      }
    },
    *history() {
      const statuses = statusNames(db);
      for (const chunk of chunks()) {
        const rows = historyChunk(db, chunk, asOf, titleOf(db, titles), statuses);
        for (const row of rows) states.get(row[0] as number)?.history.push(row[historyId] as number);
        yield rows;
      }
    },
    *sources() {
      for (const chunk of chunks()) {
        const rows = sourceChunk(db, chunk, titleOf(db, titles));
        for (const row of rows) states.get(row[0] as number)?.evidence.push(row[excerptId] as number);
        yield rows;
      }
    },
    state() {
      const state: ReportState = {};
      // By id: an object whose number-like keys come in order keeps them as a plain array, which
      // JSON.stringify writes several times faster than the dictionary the report's order makes.
      for (const id of [...states.keys()].sort((a, b) => a - b)) {
        const each = states.get(id)!;
        each.history.sort((a, b) => a - b);
        each.evidence.sort((a, b) => a - b);
        state[String(id)] = each;
      }
      return state;
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

/** The vocabulary's names by id: a few dozen, named here rather than by SQLite a million times over. */
function statusNames(db: Database): Map<number, string> {
  const rows = statement<[], [number, string]>(db, 'SELECT id, name FROM status').raw().all();
  return new Map(rows);
}

/** Columns of historyColumns; the status comes as its id, named from `statuses`. */
function historyChunk(
  db: Database,
  ids: number[],
  asOf: string | undefined,
  titleOf: (id: number) => string,
  statuses: Map<number, string>,
): CellValue[][] {
  const rows = inChunkOrder(
    db,
    `SELECT u.commitment_id, NULL, u.status_id, p.name, u.effective_on, u.recorded_at, u.recorded_by,
            u.note, e.text, src.title, u.id
       FROM json_each(@ids) AS chunk
       JOIN status_update u ON u.commitment_id = chunk.value
       LEFT JOIN party p ON p.id = u.party_id
       LEFT JOIN excerpt e ON e.id = u.excerpt_id
       LEFT JOIN source src ON src.id = e.source_id
      WHERE u.effective_on <= @asOf AND NOT ${retracted('u')}
      ORDER BY chunk.key, u.effective_on, u.recorded_at, u.uid`,
    { ids: JSON.stringify(ids), asOf: asOf ?? '9999-12-31' },
    titleOf,
  );
  for (const row of rows) row[2] = statuses.get(row[2] as number) ?? null;
  return rows;
}

/** Columns of sourceColumns. */
function sourceChunk(db: Database, ids: number[], titleOf: (id: number) => string): CellValue[][] {
  return inChunkOrder(
    db,
    `SELECT ce.commitment_id, NULL, e.text,
            CASE e.paraphrase WHEN 1 THEN 'paraphrase' ELSE 'quotation' END, e.speaker, src.title,
            src.publisher, src.url, src.published_on, e.id
       FROM json_each(@ids) AS chunk
       JOIN commitment_excerpt ce ON ce.commitment_id = chunk.value
       JOIN excerpt e ON e.id = ce.excerpt_id
       JOIN source src ON src.id = e.source_id
      ORDER BY chunk.key, src.published_on, e.id`,
    { ids: JSON.stringify(ids) },
    titleOf,
  );
}
