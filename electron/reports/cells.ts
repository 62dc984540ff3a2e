// The spreadsheet columns shared by CSV, XLSX and the importer, and the neutralising of formula-like text.
import type { CommitmentDetail } from '../domain/model.ts';

/** How a column's values are written: text, a whole number, a calendar day, or a moment. */
export type CellKind = 'text' | 'integer' | 'date' | 'timestamp';

export interface ColumnSpec {
  name: string;
  kind: CellKind;
  /** Width in XLSX, in characters. */
  width: number;
  /** Computed columns are exported for reading and ignored on import. */
  computed?: boolean;
}

/** One commitment a row: what is exported imports back (see electron/ingest/import). */
export const commitmentColumns = [
  { name: 'id', kind: 'integer', width: 6 },
  { name: 'title', kind: 'text', width: 64 },
  { name: 'summary', kind: 'text', width: 60 },
  { name: 'kind', kind: 'text', width: 10 },
  { name: 'dossier', kind: 'text', width: 36 },
  { name: 'parent_id', kind: 'integer', width: 9 },
  { name: 'topics', kind: 'text', width: 36 },
  { name: 'made_by', kind: 'text', width: 24 },
  { name: 'owed_to', kind: 'text', width: 24 },
  { name: 'announced_on', kind: 'date', width: 13 },
  { name: 'deadline_on', kind: 'date', width: 12 },
  { name: 'deadline_amount', kind: 'integer', width: 9 },
  { name: 'deadline_unit', kind: 'text', width: 10 },
  { name: 'deadline_from', kind: 'date', width: 13 },
  { name: 'due_on', kind: 'date', width: 12, computed: true },
  { name: 'deadline_state', kind: 'text', width: 11, computed: true },
  { name: 'status', kind: 'text', width: 18 },
  { name: 'status_since', kind: 'date', width: 12 },
] as const satisfies readonly ColumnSpec[];

/** One status update a row, oldest first within each commitment. */
export const historyColumns = [
  { name: 'commitment_id', kind: 'integer', width: 9 },
  { name: 'commitment_title', kind: 'text', width: 48 },
  { name: 'status', kind: 'text', width: 18 },
  { name: 'party', kind: 'text', width: 16 },
  { name: 'effective_on', kind: 'date', width: 12 },
  { name: 'recorded_at', kind: 'timestamp', width: 17 },
  // Who recorded it, in a shared dossier: for reading; an import records updates as its own.
  { name: 'recorded_by', kind: 'text', width: 14 },
  { name: 'note', kind: 'text', width: 60 },
  { name: 'evidence_quote', kind: 'text', width: 60 },
  { name: 'evidence_source', kind: 'text', width: 32 },
] as const satisfies readonly ColumnSpec[];

/** One quote a row: every excerpt linked to a commitment, with its source. */
export const sourceColumns = [
  { name: 'commitment_id', kind: 'integer', width: 9 },
  { name: 'commitment_title', kind: 'text', width: 48 },
  { name: 'quote', kind: 'text', width: 70 },
  /** quotation: the source's own words; paraphrase: a summary's, not to be quoted. */
  { name: 'form', kind: 'text', width: 12 },
  { name: 'speaker', kind: 'text', width: 18 },
  { name: 'source', kind: 'text', width: 40 },
  { name: 'publisher', kind: 'text', width: 20 },
  { name: 'url', kind: 'text', width: 36 },
  { name: 'published_on', kind: 'date', width: 12 },
] as const satisfies readonly ColumnSpec[];

export type CommitmentColumn = (typeof commitmentColumns)[number]['name'];
export type HistoryColumn = (typeof historyColumns)[number]['name'];
export type SourceColumn = (typeof sourceColumns)[number]['name'];

/** A cell before it is written: dates and moments as ISO text, which each format turns into its own. */
export type CellValue = string | number | null;
export type CommitmentRecord = Record<CommitmentColumn, CellValue>;
export type HistoryRecord = Record<HistoryColumn, CellValue>;
export type SourceRecord = Record<SourceColumn, CellValue>;

/** A record as a row: its values in the order of the sheet's columns. */
export function rowOf<Name extends string>(
  columns: readonly { name: Name }[],
  record: Record<Name, CellValue>,
): CellValue[] {
  return columns.map((column) => record[column.name]);
}

/** Topics and parties share one cell, joined by this. */
export const listSeparator = '; ';

export function commitmentRecord(commitment: CommitmentDetail): CommitmentRecord {
  const { deadline } = commitment;
  return {
    id: commitment.id,
    title: commitment.title,
    summary: commitment.summary,
    kind: commitment.kind,
    dossier: commitment.dossier.name,
    parent_id: commitment.parent?.id ?? null,
    topics: commitment.topics.map((topic) => topic.path).join(listSeparator),
    made_by: commitment.madeBy.map((party) => party.name).join(listSeparator),
    owed_to: commitment.owedTo.map((party) => party.name).join(listSeparator),
    announced_on: commitment.announcedOn,
    deadline_on: deadline.on,
    deadline_amount: deadline.amount,
    deadline_unit: deadline.unit,
    deadline_from: deadline.from,
    due_on: deadline.dueOn,
    deadline_state: commitment.deadlineState,
    status: commitment.status?.name ?? null,
    status_since: commitment.statusSince,
  };
}

/** The commitment's history as a timeline, oldest first (the detail holds it newest first). */
export function historyRecords(commitment: CommitmentDetail): HistoryRecord[] {
  return [...commitment.history].reverse().map((entry) => ({
    commitment_id: commitment.id,
    commitment_title: commitment.title,
    status: entry.status.name,
    party: entry.party,
    effective_on: entry.effectiveOn,
    recorded_at: entry.recordedAt,
    recorded_by: entry.recordedBy,
    note: entry.note,
    evidence_quote: entry.evidence?.text ?? null,
    evidence_source: entry.evidence?.source.title ?? null,
  }));
}

export function sourceRecords(commitment: CommitmentDetail): SourceRecord[] {
  return commitment.evidence.map((evidence) => ({
    commitment_id: commitment.id,
    commitment_title: commitment.title,
    quote: evidence.text,
    form: evidence.paraphrase ? 'paraphrase' : 'quotation',
    speaker: evidence.speaker,
    source: evidence.source.title,
    publisher: evidence.source.publisher,
    url: evidence.source.url,
    published_on: evidence.source.publishedOn,
  }));
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula: a title like =HYPERLINK(…) in a shared file would act when opened. Such text
 * gets a leading apostrophe. Text that already starts with apostrophes before one of those gets
 * one more, so that restoreNeutralised can take exactly one away and every title comes back as it was.
 */
const formulaLike = /^'*[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return formulaLike.test(text) ? `'${text}` : text;
}

/** The inverse of neutralise, for imports: what Pledgewatch exported reads back unchanged. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && formulaLike.test(text.slice(1)) ? text.slice(1) : text;
}
