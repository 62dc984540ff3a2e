// The XLSX report: sheets Commitments, Status history and Sources (columns of cells.ts) and About, by exceljs;
// the sheets' names and headers in the report's language (sheet-labels.ts).
import { createWriteStream, openSync } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { writeThroughTemporary } from './atomic-file.ts';
import {
  commitmentColumns,
  commitmentRecord,
  historyColumns,
  historyRecords,
  neutralise,
  sourceColumns,
  sourceRecords,
  type CellValue,
  type ColumnSpec,
} from './cells.ts';
import { exportRows } from './export-rows.ts';
import { dataThrough } from './model.ts';
import type { Report, ReportScope } from './model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { columnLabel, sheetLabel, type Sheet, type SheetColumn } from './sheet-labels.ts';

/**
 * Excel reserves the sheet name "History" (for tracked changes), and exceljs refuses to read a
 * workbook that uses it; the status history goes under this name instead, in English.
 */
export const historySheetName = m.sheet_history({}, { locale: 'en' });

/** The rows of each sheet, a chunk at a time. */
interface SheetRows {
  commitments: Iterable<Record<string, CellValue>[]>;
  history: Iterable<Record<string, CellValue>[]>;
  sources: Iterable<Record<string, CellValue>[]>;
}

/** What the About sheet says of the report: above all, the day its data runs to. */
interface ReportFacts {
  generatedAt: string;
  asOf: string | null;
  dataThrough: string | null;
  scope: ReportScope;
}

/** Printed, a sheet is as wide as the page and as long as it needs. */
const printed: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** The workbook's body font, in bold: naming it keeps LibreOffice from falling back to a serif. */
const headerFont: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11, bold: true };

/** Shared, never copied: see addSheet. Text and whole numbers keep the default look. */
const plain: Partial<ExcelJS.Style> = {};
const cellStyles: Record<ColumnSpec['kind'], Partial<ExcelJS.Style>> = {
  text: plain,
  integer: plain,
  date: { numFmt: 'yyyy-mm-dd' },
  timestamp: { numFmt: 'yyyy-mm-dd hh:mm' },
};

const headerStyle: Partial<ExcelJS.Style> = {
  font: headerFont,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } },
};

/**
 * Dates become real date cells (a day number with a date format), so they sort and filter as
 * dates; text that a spreadsheet would run as a formula is neutralised, and stays a string cell.
 */
function cell(kind: ColumnSpec['kind'], value: CellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'date':
      return new Date(`${value}T00:00:00Z`);
    case 'timestamp':
      return new Date(String(value));
    case 'integer':
      return Number(value);
    case 'text':
      return neutralise(String(value));
  }
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: Sheet,
  columns: readonly (ColumnSpec & { name: SheetColumn })[],
  chunks: Iterable<Record<string, CellValue>[]>,
): void {
  const sheet = workbook.addWorksheet(sheetLabel(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: printed,
  });
  const labels = columns.map((column) => columnLabel(column.name));
  // Wide enough for the header and its filter button as well as for the values.
  sheet.columns = columns.map((column, index) => ({
    width: Math.max(column.width, labels[index]!.length + 4),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(labels);
  header.eachCell((headerCell) => (headerCell.style = headerStyle));
  header.commit();
  for (const records of chunks) {
    for (const record of records) {
      const row = sheet.addRow(columns.map(({ name: column, kind }) => cell(kind, record[column] ?? null)));
      // One style object per kind of column, shared: exceljs recognises an object it has seen and
      // skips working the style out again, which otherwise costs more than writing the cell.
      columns.forEach(({ kind }, index) => (row.getCell(index + 1).style = cellStyles[kind]));
      row.commit();
    }
  }
  sheet.commit();
}

/** A short sheet saying what the report is: when it was made, the day it shows, how far its data runs. */
function addAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, facts: ReportFacts): void {
  const sheet = workbook.addWorksheet(sheetLabel('about'), { pageSetup: printed });
  sheet.columns = [{ width: 20 }, { width: 60 }];
  const scope = Object.entries(facts.scope)
    .filter(([key]) => !key.endsWith('Id'))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join('; ');
  // The third field: a day, where the others are moments.
  const rows: [string, ExcelJS.CellValue, string?][] = [
    [m.sheet_about_report(), m.sheet_about_report_name()],
    [m.sheet_about_generated(), new Date(facts.generatedAt)],
    [
      m.sheet_about_as_of(),
      facts.asOf ? new Date(`${facts.asOf}T00:00:00Z`) : m.sheet_about_generated_day(),
      'yyyy-mm-dd',
    ],
    [m.sheet_about_data_through(), facts.dataThrough ? new Date(facts.dataThrough) : m.layout_no_data()],
    // The filters by their names in the API (asOf, text …), as the report was asked for.
    [m.sheet_about_scope(), neutralise(scope || m.sheet_about_all())],
  ];
  for (const [label, value, format = 'yyyy-mm-dd hh:mm'] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = headerFont;
    if (value instanceof Date) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }
  sheet.commit();
}

async function writeWorkbook(target: Writable, rows: SheetRows, facts: ReportFacts): Promise<void> {
  // Shared strings: string cells of the plainest kind (t="s"), and statuses and names stored once.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: target,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Pledgewatch';
  workbook.created = new Date(facts.generatedAt);
  addSheet(workbook, 'commitments', commitmentColumns, rows.commitments);
  addSheet(workbook, 'history', historyColumns, rows.history);
  addSheet(workbook, 'sources', sourceColumns, rows.sources);
  addAbout(workbook, facts);
  await workbook.commit();
}

export async function renderXlsx(report: Report): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const target = new PassThrough();
  target.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => target.on('end', resolve).on('error', reject));
  await writeWorkbook(
    target,
    {
      commitments: [report.commitments.map(commitmentRecord)],
      history: [report.commitments.flatMap(historyRecords)],
      sources: [report.commitments.flatMap(sourceRecords)],
    },
    report,
  );
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Streams the report's rows from the database into `file`, never building the whole report; the
 * file appears complete or not at all. Returns the number of commitments.
 */
export async function writeXlsx(
  db: Database,
  scope: ReportScope,
  file: string,
  now: Date = new Date(),
): Promise<number> {
  const rows = exportRows(db, scope);
  const facts: ReportFacts = {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    dataThrough: dataThrough(db),
    scope,
  };
  await writeThroughTemporary(file, async (temporary) => {
    // Opened here so that a folder that cannot be written fails at once, not inside the zip stream.
    const target = createWriteStream(temporary, { fd: openSync(temporary, 'w') });
    const closed = new Promise<void>((resolve, reject) =>
      target.on('close', () => resolve()).on('error', reject),
    );
    // Both at once: an error of the file stops the export instead of leaving it waiting.
    await Promise.all([
      writeWorkbook(
        target,
        { commitments: rows.commitments(), history: rows.history(), sources: rows.sources() },
        facts,
      ),
      closed,
    ]);
  });
  return rows.count;
}
