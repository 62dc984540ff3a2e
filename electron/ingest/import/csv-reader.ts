// Reads a CSV file to import: Pledgewatch's own export, or a spreadsheet saved as CSV.
import Papa from 'papaparse';
import { ImportError } from '../../../db/import-plan.ts';
import { historyOnlyColumns, tableFrom, type ImportDocument } from './document.ts';

/**
 * Spreadsheet programs in many European locales save CSV with semicolons, since the comma is their
 * decimal mark: a header with semicolons and no commas is read that way.
 */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

/** An empty CSV field is an empty cell; changed in place, since a large file has many rows. */
function emptyAsNull(cells: (string | null)[]): (string | null)[] {
  for (let index = 0; index < cells.length; index += 1) if (cells[index] === '') cells[index] = null;
  return cells;
}

export function readCsv(text: string, file: string): ImportDocument {
  // A byte order mark (Pledgewatch and Excel write one) is not part of the first column's name.
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    delimiter: delimiterOf(text),
    skipEmptyLines: false,
  });
  const [error] = parsed.errors;
  if (error) {
    const line = (error.row ?? 0) + 1;
    throw new ImportError([
      { line, sheet: null, field: null, message: `this is not valid CSV: ${error.message}.` },
    ]);
  }
  const records = parsed.data;
  const [header, ...rows] = records;
  if (!header) {
    throw new ImportError([{ line: 1, sheet: null, field: null, message: 'the file is empty.' }]);
  }
  // A record is a row of the spreadsheet the file opens as, whatever line breaks its quoted cells hold.
  const table = tableFrom(
    null,
    { line: 1, cells: header },
    rows.map((cells, index) => ({ line: index + 2, cells: emptyAsNull(cells) })),
  );
  const onlyHistory =
    !table.columns.includes('title') && historyOnlyColumns.every((c) => table.columns.includes(c));
  return {
    file,
    format: 'csv',
    commitments: onlyHistory ? null : table,
    history: onlyHistory ? table : null,
    warnings: [],
  };
}
