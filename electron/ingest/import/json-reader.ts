// Reads a JSON report (pledgewatch.report/1, see README "JSON report") to import, keeping each field's line.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ImportError, type ImportProblem } from '../../../db/import-plan.ts';
import { jsonReportSchema } from '../../reports/json.ts';
import type { Cell, ImportDocument, ImportRow } from './document.ts';

/** JSON fields whose column has another name in the spreadsheets. */
const columnOf: Record<string, string> = { parties: 'made_by' };

/** Line numbers (from 1) of offsets into the text. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

function properties(node: Node): [string, Node][] {
  if (node.type !== 'object') return [];
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key && value ? [[String(key.value), value] as [string, Node]] : [];
  });
}

class JsonRows {
  readonly lineOf: (offset: number) => number;
  readonly warnings = new Set<string>();

  constructor(text: string) {
    this.lineOf = lineCounter(text);
  }

  problem(node: Node, field: string | null, message: string): ImportError {
    return new ImportError([{ line: this.lineOf(node.offset), sheet: null, field, message }]);
  }

  /** A plain value as a cell: text, a number, or a list of texts. */
  cell(node: Node, field: string): Cell {
    if (node.type === 'array') {
      return (node.children ?? []).map((item) => {
        if (item.type !== 'string') throw this.problem(item, field, 'a list here holds only text.');
        return item.value as string;
      });
    }
    if (node.type === 'object') throw this.problem(node, field, 'expected a value, not an object.');
    return (node.value ?? null) as Cell;
  }

  row(node: Node, skip: (key: string, value: Node, row: ImportRow) => boolean): ImportRow {
    if (node.type !== 'object') throw this.problem(node, null, 'expected an object.');
    const cells = new Map<string, Cell>();
    const row: ImportRow = { line: this.lineOf(node.offset), cells, fieldLines: new Map() };
    for (const [key, value] of properties(node)) {
      if (skip(key, value, row)) continue;
      const column = columnOf[key] ?? key;
      cells.set(column, this.cell(value, key));
      row.fieldLines!.set(column, this.lineOf(value.offset));
    }
    return row;
  }

  /** { on } or { amount, unit, from } or null, as the four deadline columns. */
  deadline(node: Node, row: ImportRow & { cells: Map<string, Cell> }): void {
    const fields = new Map(properties(node));
    if (node.type !== 'object' && node.type !== 'null') {
      throw this.problem(node, 'deadline', 'expected { "on": … } or { "amount", "unit", "from" } or null.');
    }
    for (const name of ['on', 'amount', 'unit', 'from']) {
      const value = fields.get(name);
      row.cells.set(`deadline_${name}`, value ? this.cell(value, `deadline.${name}`) : null);
      row.fieldLines!.set(`deadline_${name}`, this.lineOf((value ?? node).offset));
    }
  }
}

function parsed(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error || !root) {
    const line = lineCounter(text)(error?.offset ?? 0);
    const message = `this is not valid JSON (${error ? printParseErrorCode(error.error) : 'empty file'}).`;
    throw new ImportError([{ line, sheet: null, field: null, message } satisfies ImportProblem]);
  }
  return root;
}

export function readJson(text: string, file: string): ImportDocument {
  const root = parsed(text);
  const rows = new JsonRows(text);
  const top = new Map(properties(root));
  const schema = top.get('schema');
  if (schema?.value !== jsonReportSchema) {
    throw rows.problem(
      schema ?? root,
      'schema',
      `this is not a Pledgewatch JSON report: "schema" should be "${jsonReportSchema}".`,
    );
  }
  const list = top.get('commitments');
  if (list?.type !== 'array')
    throw rows.problem(list ?? root, 'commitments', 'expected a list of commitments.');
  const history: ImportRow[] = [];
  const commitments = (list.children ?? []).map((node, index) =>
    rows.row(node, (key, value, row) => {
      if (key === 'deadline') rows.deadline(value, row as ImportRow & { cells: Map<string, Cell> });
      else if (key === 'history') history.push(...historyRows(rows, value, index));
      else return false;
      return true;
    }),
  );
  return {
    file,
    format: 'json',
    commitments: { sheet: null, columns: [], rows: commitments },
    history: { sheet: null, columns: [], rows: history },
    warnings: [...rows.warnings],
  };
}

function historyRows(rows: JsonRows, node: Node, commitmentRow: number): ImportRow[] {
  if (node.type !== 'array') throw rows.problem(node, 'history', 'expected a list of status updates.');
  return (node.children ?? []).map((entry) => {
    const row = rows.row(entry, (key, value) => {
      if (key === 'evidence' && value.type !== 'null') {
        rows.warnings.add('Evidence quotes in the history are not restored: add them from their sources.');
      }
      // Which update an entry corrects is kept by id, and ids are the other database's.
      return key === 'evidence' || key === 'corrects';
    });
    row.commitmentRow = commitmentRow;
    return row;
  });
}
