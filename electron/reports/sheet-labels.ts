// What a person reads in the XLSX report: the names of its sheets and its header rows, in the report's
// language; in English the headers are the CSV's column names. The importer reads a workbook back in
// either language (electron/ingest/import/xlsx-reader.ts), so each language's names are also what an
// import accepts: change one, and files exported before no longer import.
import * as m from '../shared/i18n/paraglide/messages.js';
import { locales } from '../shared/i18n/paraglide/runtime.js';
import type { CommitmentColumn, HistoryColumn, SourceColumn } from './cells.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: (typeof locales)[number] }) => string;

export type SheetColumn = CommitmentColumn | HistoryColumn | SourceColumn;

const columnMessages: Record<SheetColumn, Message> = {
  id: m.sheet_column_id,
  title: m.sheet_column_title,
  summary: m.sheet_column_summary,
  kind: m.sheet_column_kind,
  dossier: m.sheet_column_dossier,
  parent_id: m.sheet_column_parent_id,
  topics: m.sheet_column_topics,
  made_by: m.sheet_column_made_by,
  owed_to: m.sheet_column_owed_to,
  announced_on: m.sheet_column_announced_on,
  deadline_on: m.sheet_column_deadline_on,
  deadline_amount: m.sheet_column_deadline_amount,
  deadline_unit: m.sheet_column_deadline_unit,
  deadline_from: m.sheet_column_deadline_from,
  due_on: m.sheet_column_due_on,
  deadline_state: m.sheet_column_deadline_state,
  status: m.sheet_column_status,
  status_since: m.sheet_column_status_since,
  commitment_id: m.sheet_column_commitment_id,
  commitment_title: m.sheet_column_commitment_title,
  party: m.sheet_column_party,
  effective_on: m.sheet_column_effective_on,
  recorded_at: m.sheet_column_recorded_at,
  recorded_by: m.sheet_column_recorded_by,
  note: m.sheet_column_note,
  evidence_quote: m.sheet_column_evidence_quote,
  evidence_source: m.sheet_column_evidence_source,
  quote: m.sheet_column_quote,
  form: m.sheet_column_form,
  speaker: m.sheet_column_speaker,
  source: m.sheet_column_source,
  publisher: m.sheet_column_publisher,
  url: m.sheet_column_url,
  published_on: m.sheet_column_published_on,
};

const sheetMessages = {
  commitments: m.sheet_commitments,
  history: m.sheet_history,
  sources: m.sheet_sources,
  about: m.sheet_about,
} satisfies Record<string, Message>;

export type Sheet = keyof typeof sheetMessages;

/** A column's header in the report's language: "made_by", "asumido por". */
export function columnLabel(column: SheetColumn): string {
  return columnMessages[column]();
}

/** A sheet's name in the report's language: "Status history", "Historial de estados". */
export function sheetLabel(sheet: Sheet): string {
  return sheetMessages[sheet]();
}

/** The sheet's name in every language, for finding it in a workbook to import. */
export function sheetNames(sheet: Sheet): string[] {
  return [...new Set(locales.map((locale) => sheetMessages[sheet]({}, { locale })))];
}

/**
 * The column a header names in any language, "asumido por" → made_by, once both are put in the same
 * form by `normalise` (the importer's: lower case, spaces as underscores); null for any other header.
 */
export function columnOfHeader(header: string, normalise: (text: string) => string): SheetColumn | null {
  const wanted = normalise(header);
  for (const [column, message] of Object.entries(columnMessages) as [SheetColumn, Message][]) {
    if (locales.some((locale) => normalise(message({}, { locale })) === wanted)) return column;
  }
  return null;
}
