// Spreadsheet rows read straight from the database in chunks, for exports too large to build in full.
import type { Database } from 'better-sqlite3';
import { retracted } from '../../db/as-of.ts';
import { commitmentIds } from '../../db/commitments.ts';
import { statement } from '../../db/statements.ts';
import type { CommitmentRecord, HistoryRecord, SourceRecord } from './cells.ts';
import { commitmentRecordsInOrder } from './commitment-rows.ts';
import type { ReportScope } from './model.ts';

/** Few enough rows that a chunk's query is quick and its records small; many enough to amortise it. */
const chunkSize = 2_000;

/**
 * The rows of a report's sheets, in the report's order, a chunk at a time; they match what the
 * renderers build from buildReport (see cells.ts). Consume each sheet's rows synchronously: the
 * commitments come from one open statement (see commitmentRecordsInOrder).
 */
export interface ExportRows {
  count: number;
  commitments(): Generator<CommitmentRecord[]>;
  history(): Generator<HistoryRecord[]>;
  sources(): Generator<SourceRecord[]>;
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
      for (const records of commitmentRecordsInOrder(db, scope)) {
        for (const record of records) titles.set(record.id as number, record.title as string);
        yield records;
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

type RawHistory = Omit<HistoryRecord, 'commitment_title'>;

function historyChunk(
  db: Database,
  ids: number[],
  asOf: string | undefined,
  titleOf: (id: number) => string,
): HistoryRecord[] {
  const rows = statement<[{ ids: string; asOf: string }], RawHistory>(
    db,
    `SELECT u.commitment_id, s.name AS status, p.name AS party, u.effective_on, u.recorded_at, u.recorded_by,
            u.note, e.text AS evidence_quote, src.title AS evidence_source
       FROM status_update u
       JOIN status s ON s.id = u.status_id
       LEFT JOIN party p ON p.id = u.party_id
       LEFT JOIN excerpt e ON e.id = u.excerpt_id
       LEFT JOIN source src ON src.id = e.source_id
      WHERE u.commitment_id IN (SELECT value FROM json_each(@ids)) AND u.effective_on <= @asOf
        AND NOT ${retracted('u')}
      ORDER BY u.commitment_id, u.effective_on, u.recorded_at, u.uid`,
  ).all({ ids: JSON.stringify(ids), asOf: asOf ?? '9999-12-31' });
  return inOrderOf(ids, rows, (row) => ({
    commitment_id: row.commitment_id,
    commitment_title: titleOf(row.commitment_id as number),
    status: row.status,
    party: row.party,
    effective_on: row.effective_on,
    recorded_at: row.recorded_at,
    recorded_by: row.recorded_by,
    note: row.note,
    evidence_quote: row.evidence_quote,
    evidence_source: row.evidence_source,
  }));
}

type RawSource = Omit<SourceRecord, 'commitment_title'>;

function sourceChunk(db: Database, ids: number[], titleOf: (id: number) => string): SourceRecord[] {
  const rows = statement<[{ ids: string }], RawSource>(
    db,
    `SELECT ce.commitment_id, e.text AS quote,
            CASE e.paraphrase WHEN 1 THEN 'paraphrase' ELSE 'quotation' END AS form, e.speaker, src.title AS source, src.publisher, src.url,
            src.published_on
       FROM commitment_excerpt ce
       JOIN excerpt e ON e.id = ce.excerpt_id
       JOIN source src ON src.id = e.source_id
      WHERE ce.commitment_id IN (SELECT value FROM json_each(@ids))
      ORDER BY ce.commitment_id, src.published_on, e.id`,
  ).all({ ids: JSON.stringify(ids) });
  return inOrderOf(ids, rows, (row) => ({
    commitment_id: row.commitment_id,
    commitment_title: titleOf(row.commitment_id as number),
    quote: row.quote,
    form: row.form,
    speaker: row.speaker,
    source: row.source,
    publisher: row.publisher,
    url: row.url,
    published_on: row.published_on,
  }));
}

/** Rows grouped by commitment, the groups in the report's order, each group in the order read. */
function inOrderOf<Row extends { commitment_id: unknown }, Out>(
  ids: number[],
  rows: Row[],
  toRecord: (row: Row) => Out,
): Out[] {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = row.commitment_id as number;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return ids.flatMap((id) => (groups.get(id) ?? []).map(toRecord));
}
