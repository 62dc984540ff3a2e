// Reads an XLSX workbook to import: the Commitments sheet, and the Status history sheet when there is one,
// named and headed in English or in Spanish (as the report exports them in either language).
import ExcelJS from 'exceljs';
import { ImportError } from '../../../db/import-plan.ts';
import { columnOfHeader, sheetNames, type Sheet } from '../../reports/sheet-labels.ts';
import {
  columnName,
  historyOnlyColumns,
  tableFrom,
  type Cell,
  type ImportDocument,
  type ImportTable,
} from './document.ts';

/** What a spreadsheet cell holds, as a plain value: rich text and links as their text, formulas as their result. */
function plainCell(value: ExcelJS.CellValue, place: { line: number; sheet: string; column: number }): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return plainCell(value.text as ExcelJS.CellValue, place);
  if ('error' in value) {
    throw new ImportError([
      {
        line: place.line,
        sheet: place.sheet,
        field: `column ${place.column}`,
        message: `the cell holds the error ${value.error}.`,
      },
    ]);
  }
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue, place);
  return null;
}

function readSheet(worksheet: ExcelJS.Worksheet, label: string | null): ImportTable | null {
  const rows: { line: number; cells: Cell[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plainCell(cell.value, { line: row.number, sheet: worksheet.name, column });
    });
    rows.push({ line: row.number, cells });
  });
  // The first row with anything in it is the header, even when the analyst added rows above it.
  const [header, ...body] = rows;
  return header ? tableFrom(label, englishHeader(header), body) : null;
}

/** A header row in the columns' own names: "asumido por" read as made_by; other headers as they are. */
function englishHeader(header: { line: number; cells: Cell[] }): { line: number; cells: Cell[] } {
  const named = (cell: Cell) =>
    typeof cell === 'string' ? (columnOfHeader(cell, columnName) ?? cell) : cell;
  return { line: header.line, cells: header.cells.map(named) };
}

function sheetNamed(workbook: ExcelJS.Workbook, sheet: Sheet): ExcelJS.Worksheet | undefined {
  const names = sheetNames(sheet).map((name) => name.toLowerCase());
  return workbook.worksheets.find((each) => names.includes(each.name.trim().toLowerCase()));
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<ImportDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError([
      {
        line: 1,
        sheet: null,
        field: null,
        message: `this is not an XLSX workbook: ${(error as Error).message}`,
      },
    ]);
  }
  const commitmentSheet = sheetNamed(workbook, 'commitments') ?? workbook.worksheets[0];
  const historySheet = sheetNamed(workbook, 'history');
  let commitments = commitmentSheet ? readSheet(commitmentSheet, null) : null;
  let history =
    historySheet && historySheet !== commitmentSheet ? readSheet(historySheet, historySheet.name) : null;
  // A workbook of status updates alone, in its first sheet.
  if (
    commitments &&
    !history &&
    !commitments.columns.includes('title') &&
    historyOnlyColumns.every((column) => commitments!.columns.includes(column))
  ) {
    history = commitments;
    commitments = null;
  }
  if (!commitments && !history) {
    throw new ImportError([
      { line: 1, sheet: null, field: null, message: 'the workbook has no Commitments sheet with rows.' },
    ]);
  }
  return { file, format: 'xlsx', commitments, history, warnings: [] };
}
