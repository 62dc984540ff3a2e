// Collects what is wrong with a file, line by line and field by field, so one attempt shows them all.
import { ImportError, type ImportPlace, type ImportProblem } from '../../../db/import-plan.ts';
import { CellProblem } from './cell-readers.ts';
import type { Cell, ImportRow } from './document.ts';

/** Enough to fix a batch at a time without a wall of text. */
const shownAtMost = 20;

export class Problems {
  private readonly list: ImportProblem[] = [];
  private more = 0;

  get count(): number {
    return this.list.length + this.more;
  }

  add(place: ImportPlace, field: string | null, message: string): void {
    if (this.list.length < shownAtMost)
      this.list.push({ line: place.line, sheet: place.sheet, field, message });
    else this.more += 1;
  }

  /** The line of a field: in JSON, where the field is written; in a spreadsheet, the row's. */
  placeOf(row: ImportRow, sheet: string | null, field: string): ImportPlace {
    return { line: row.fieldLines?.get(field) ?? row.line, sheet };
  }

  /**
   * Reads one field of a row: undefined when the row has no such column (the field stays as it is),
   * otherwise the value, or undefined after noting what is wrong with it.
   */
  read<T>(row: ImportRow, sheet: string | null, field: string, read: (cell: Cell) => T): T | undefined {
    if (!row.cells.has(field)) return undefined;
    try {
      return read(row.cells.get(field) ?? null);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.add(this.placeOf(row, sheet, field), field, error.message);
      return undefined;
    }
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ImportError(this.list, this.more);
  }
}
