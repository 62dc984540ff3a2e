// A file to import, read into rows of named cells whatever its format, each row knowing its line.
import { ImportError } from '../../../db/import-plan.ts';

/** A cell as read: text from CSV; numbers, dates and text from XLSX; lists too from JSON. */
export type Cell = string | number | boolean | Date | string[] | null;

/** A row's cells by column name: a Map for JSON, an array read through the table's columns otherwise. */
export interface Cells {
  has(column: string): boolean;
  get(column: string): Cell | undefined;
  values(): Iterable<Cell>;
}

/**
 * The cells of a spreadsheet row: its values with the table's one map of column positions, so that
 * 100,000 rows do not each carry a map of their own.
 */
class RowCells implements Cells {
  private readonly positions: Map<string, number>;
  private readonly row: Cell[];

  constructor(positions: Map<string, number>, row: Cell[]) {
    this.positions = positions;
    this.row = row;
  }

  has(column: string): boolean {
    return this.positions.has(column);
  }

  get(column: string): Cell | undefined {
    const position = this.positions.get(column);
    return position === undefined ? undefined : (this.row[position] ?? null);
  }

  values(): Iterable<Cell> {
    return [...this.positions.values()].map((position) => this.row[position] ?? null);
  }
}

export interface ImportRow {
  /** The line the analyst sees: the spreadsheet row (header = line 1), or the JSON object's line. */
  line: number;
  /** Only the columns (or JSON fields) the row has; a missing one leaves that field as it is. */
  cells: Cells;
  /** JSON: the line of each field, when it differs from the row's. */
  fieldLines?: Map<string, number>;
  /** JSON history: the index of the commitment row the entry belongs to. */
  commitmentRow?: number;
}

export interface ImportTable {
  /** The XLSX sheet, for messages; null for the commitments of any format. */
  sheet: string | null;
  /** Column names as the header gives them, normalised by columnName. */
  columns: string[];
  rows: ImportRow[];
}

export interface ImportDocument {
  file: string;
  format: 'csv' | 'xlsx' | 'json';
  commitments: ImportTable | null;
  history: ImportTable | null;
  warnings: string[];
}

/** "Announced on", "announced-on" and "announced_on" all name the column announced_on. */
export function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** True when every cell is empty: spreadsheets often keep blank rows at the end. */
export function isBlankRow(cells: Cells): boolean {
  for (const cell of cells.values()) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    if (Array.isArray(cell) && cell.length === 0) continue;
    return false;
  }
  return true;
}

/** The columns of a table of status updates, when a file holds only those. */
export const historyOnlyColumns = ['commitment_id', 'status', 'effective_on'];

/**
 * A table from a header row and the rows under it, each with its line; blank rows are skipped and
 * a column named twice is refused, since which of the two to read would be a guess.
 */
export function tableFrom(
  sheet: string | null,
  header: { line: number; cells: Cell[] },
  rows: { line: number; cells: Cell[] }[],
): ImportTable {
  const columns = header.cells.map((cell) => columnName(cell === null ? '' : String(cell)));
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    if (column === '') return;
    const first = seen.get(column);
    if (first !== undefined) {
      throw new ImportError([
        {
          line: header.line,
          sheet,
          field: column,
          message: `the column ${column} appears twice (columns ${first + 1} and ${index + 1}).`,
        },
      ]);
    }
    seen.set(column, index);
  });
  const table: ImportTable = { sheet, columns: [...seen.keys()], rows: [] };
  for (const row of rows) {
    const cells = new RowCells(seen, row.cells);
    if (!isBlankRow(cells)) table.rows.push({ line: row.line, cells });
  }
  return table;
}
