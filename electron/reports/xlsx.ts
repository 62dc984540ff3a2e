// The XLSX report: sheets Commitments, Status history and Sources (columns of cells.ts) and About, written
// as SpreadsheetML a row at a time (xlsx-cells.ts, xlsx-parts.ts) into a ZIP package (xlsx-package.ts);
// the sheets' names and headers in the report's language (sheet-labels.ts).
import { closeSync, openSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { writeThroughTemporarySync } from './atomic-file.ts';
import {
  commitmentColumns,
  commitmentRecord,
  historyColumns,
  historyRecords,
  neutralise,
  rowOf,
  sourceColumns,
  sourceRecords,
  type CellValue,
  type ColumnSpec,
} from './cells.ts';
import { exportRows } from './export-rows.ts';
import { dataThrough } from '../../db/data-through.ts';
import type { ReportState } from '../../db/report-snapshots.ts';
import type { Report, ReportScope } from './model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { columnLabel, sheetLabel, type Sheet, type SheetColumn } from './sheet-labels.ts';
import { at, CellWriter, cellStyle, columnName, dayNumber, numberCell, textCell } from './xlsx-cells.ts';
import { WorkbookPackage, type PackageSink } from './xlsx-package.ts';
import {
  appProperties,
  contentTypes,
  coreProperties,
  packageRels,
  sharedStringsEnd,
  sharedStringsPart,
  sharedStringsStart,
  sheetEnd,
  sheetStart,
  styles,
  workbook,
  workbookRels,
  worksheetPart,
  type SheetEntry,
} from './xlsx-parts.ts';

/**
 * Excel reserves the sheet name "History" (for tracked changes), and exceljs refuses to read a
 * workbook that uses it; the status history goes under this name instead, in English.
 */
export const historySheetName = m.sheet_history({}, { locale: 'en' });

/** The rows of a sheet, a chunk at a time, each row's values in the order of the sheet's columns. */
type Chunks = Iterable<readonly CellValue[][]>;

interface SheetRows {
  commitments: Chunks;
  history: Chunks;
  sources: Chunks;
}

/** What the About sheet says of the report: above all, the day its data runs to. */
interface ReportFacts {
  generatedAt: string;
  asOf: string | null;
  dataThrough: string | null;
  scope: ReportScope;
}

type Columns = readonly (ColumnSpec & { name: SheetColumn })[];

/** A sheet of one row per record under a header row, written as its chunks come. */
function writeTableSheet(
  workbookPackage: WorkbookPackage,
  cells: CellWriter,
  number: number,
  columns: Columns,
  chunks: Chunks,
): void {
  const labels = columns.map((column) => columnLabel(column.name));
  const letters = columns.map((_, index) => columnName(index));
  const part = workbookPackage.part(worksheetPart(number));
  part.write(
    sheetStart({
      // Wide enough for the header and its filter button as well as for the values.
      widths: columns.map((column, index) => Math.max(column.width, labels[index]!.length + 4)),
      header: true,
    }),
  );
  // The header's cells follow one another: only the first needs its reference.
  const header = labels.map((label, index) =>
    textCell(index === 0 ? at('A1') : '', label, cells.strings, cellStyle.header),
  );
  part.write(`<row r="1">${header.join('')}</row>`);
  let row = 1;
  const kinds = columns.map((column) => column.kind);
  for (const rows of chunks) {
    for (const values of rows) {
      row += 1;
      const line = String(row);
      let xml = `<row r="${line}">`;
      // The column a cell without a reference would be taken for: the one after the last written.
      let following = -1;
      for (let index = 0; index < kinds.length; index += 1) {
        const value = values[index] ?? null;
        if (value === null || value === '') continue;
        xml += cells.cell(kinds[index]!, index === following ? '' : at(letters[index] + line), value);
        following = index + 1;
      }
      part.write(`${xml}</row>`);
    }
  }
  part.write(sheetEnd(letters.at(-1)));
  part.end();
}

/** A short sheet saying what the report is: when it was made, the day it shows, how far its data runs. */
function aboutRows(facts: ReportFacts, cells: CellWriter): string[] {
  const scope = Object.entries(facts.scope)
    .filter(([key]) => !key.endsWith('Id'))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join('; ');
  // Each value follows its label, and so needs no reference of its own.
  const text = (value: string) => textCell('', value, cells.strings, cellStyle.value);
  const moment = (value: string) => {
    const number = dayNumber(value);
    return number === null ? text(value) : numberCell('', number, cellStyle.valueMoment);
  };
  const asOf = facts.asOf === null ? null : dayNumber(facts.asOf);
  const values: [string, string][] = [
    [m.sheet_about_report(), text(m.sheet_about_report_name())],
    [m.sheet_about_generated(), moment(facts.generatedAt)],
    [
      m.sheet_about_as_of(),
      asOf === null ? text(m.sheet_about_generated_day()) : numberCell('', asOf, cellStyle.valueDay),
    ],
    [m.sheet_about_data_through(), facts.dataThrough ? moment(facts.dataThrough) : text(m.layout_no_data())],
    // The filters by their names in the API (asOf, text …), as the report was asked for.
    [m.sheet_about_scope(), text(neutralise(scope || m.sheet_about_all()))],
  ];
  return values.map(([label, value], index) => {
    const row = index + 1;
    return `<row r="${row}">${textCell(at(`A${row}`), label, cells.strings, cellStyle.label)}${value}</row>`;
  });
}

function writeWorkbook(sink: PackageSink, rows: SheetRows, facts: ReportFacts): void {
  const created = new Date(facts.generatedAt);
  const workbookPackage = new WorkbookPackage(sink, created);
  const tables: [Sheet, Columns, Chunks][] = [
    ['commitments', commitmentColumns, rows.commitments],
    ['history', historyColumns, rows.history],
    ['sources', sourceColumns, rows.sources],
  ];
  const sheets: SheetEntry[] = [
    ...tables.map(([sheet, columns]) => ({
      name: sheetLabel(sheet),
      filterTo: columnName(columns.length - 1),
    })),
    { name: sheetLabel('about') },
  ];
  // The package's description first, as Excel writes it, for readers that look for it there.
  workbookPackage.add('[Content_Types].xml', contentTypes(sheets.length));
  workbookPackage.add('_rels/.rels', packageRels);
  workbookPackage.add('docProps/core.xml', coreProperties(created));
  workbookPackage.add('docProps/app.xml', appProperties);
  workbookPackage.add('xl/workbook.xml', workbook(sheets));
  workbookPackage.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  workbookPackage.add('xl/styles.xml', styles);

  const cells = new CellWriter();
  tables.forEach(([, columns, chunks], index) =>
    writeTableSheet(workbookPackage, cells, index + 1, columns, chunks),
  );
  const about = workbookPackage.part(worksheetPart(sheets.length));
  about.write(sheetStart({ widths: [20, 60], header: false }));
  for (const row of aboutRows(facts, cells)) about.write(row);
  about.write(sheetEnd());
  about.end();

  // Last, since the worksheets are what fill it.
  const strings = workbookPackage.part(sharedStringsPart);
  strings.write(sharedStringsStart(cells.strings.count));
  for (const item of cells.strings.items()) strings.write(item);
  strings.write(sharedStringsEnd);
  strings.end();
  workbookPackage.end();
}

export async function renderXlsx(report: Report): Promise<Buffer<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  writeWorkbook(
    (bytes) => chunks.push(bytes),
    {
      commitments: [report.commitments.map((c) => rowOf(commitmentColumns, commitmentRecord(c)))],
      history: [report.commitments.flatMap(historyRecords).map((r) => rowOf(historyColumns, r))],
      sources: [report.commitments.flatMap(sourceRecords).map((r) => rowOf(sourceColumns, r))],
    },
    report,
  );
  return Buffer.concat(chunks);
}

/**
 * Streams the report's rows from the database into `file`, never building the whole report; the
 * file appears complete or not at all. Everything is read in one go, with nothing else let in
 * between, so the sheets show the database at one moment. Returns the number of commitments and
 * their state as the file shows it, for the report's snapshot.
 */
export async function writeXlsx(
  db: Database,
  scope: ReportScope,
  file: string,
  now: Date = new Date(),
): Promise<{ count: number; state: ReportState }> {
  const rows = exportRows(db, scope);
  const facts: ReportFacts = {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    dataThrough: dataThrough(db),
    scope,
  };
  writeThroughTemporarySync(file, (temporary) => {
    const descriptor = openSync(temporary, 'w');
    try {
      // writeFileSync on a descriptor appends at its position, writing the whole of each chunk.
      writeWorkbook(
        (bytes) => writeFileSync(descriptor, bytes),
        { commitments: rows.commitments(), history: rows.history(), sources: rows.sources() },
        facts,
      );
    } finally {
      closeSync(descriptor);
    }
  });
  return { count: rows.count, state: rows.state() };
}
