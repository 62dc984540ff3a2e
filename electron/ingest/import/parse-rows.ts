// Reads each row of a file into the fields of a commitment or a status update, noting every bad cell.
import type { ImportPlace, PlannedDeadline } from '../../../db/import-plan.ts';
import { commitmentKinds, type CommitmentKind, type DeadlineUnit } from '../../domain/model.ts';
import { commitmentColumns, historyColumns } from '../../reports/cells.ts';
import {
  CellProblem,
  readChoice,
  readDate,
  readList,
  readMoment,
  readText,
  readWholeNumber,
} from './cell-readers.ts';
import type { Cell, ImportRow } from './document.ts';
import type { Problems } from './problems.ts';

/** A commitment row; a field left undefined was not in the file, so it stays as it is. */
export interface ParsedCommitment {
  row: ImportRow;
  place: ImportPlace;
  id: number | null;
  title?: string;
  summary?: string;
  kind?: CommitmentKind;
  dossier?: string;
  parentId?: number | null;
  topics?: string[];
  madeBy?: string[];
  owedTo?: string[];
  announcedOn?: string | null;
  deadline?: PlannedDeadline;
  dueOn?: string | null;
  status?: string | null;
  statusSince?: string | null;
  /** Import only: when the status in the row took effect, if not today. */
  effectiveOn?: string | null;
  /** Import only: the note of the status update a changed status becomes. */
  note?: string;
}

export interface ParsedHistory {
  row: ImportRow;
  place: ImportPlace;
  /** The commitment by the file's id, or (JSON) by the commitment the entry is written in. */
  commitmentId: number | null;
  commitmentRow: number | null;
  status: string;
  party: string | null;
  effectiveOn: string;
  recordedAt: string | null;
  note: string;
}

/** Columns read from a commitments table beyond the exported ones. */
export const commitmentImportColumns = ['effective_on', 'note'];
export const knownCommitmentColumns = new Set<string>([
  ...commitmentColumns.map((column) => column.name),
  ...commitmentImportColumns,
]);
export const knownHistoryColumns = new Set<string>(historyColumns.map((column) => column.name));

const units: readonly DeadlineUnit[] = ['days', 'months', 'years'];
/** Weeks are accepted and stored as days, as the app does. */
const unitsTyped = ['days', 'weeks', 'months', 'years'] as const;

function required<T>(value: T | null, message: string): T {
  if (value === null) throw new CellProblem(message);
  return value;
}

export function parseCommitment(
  row: ImportRow,
  problems: Problems,
  statuses: readonly string[],
): ParsedCommitment {
  const read = <T>(field: string, reader: (cell: Cell) => T) => problems.read(row, null, field, reader);
  const kindList = commitmentKinds.join(', ');
  const parsed: ParsedCommitment = {
    row,
    place: { line: row.line, sheet: null },
    id: read('id', readWholeNumber) ?? null,
    title: read('title', (cell) => required(readText(cell) || null, 'the title is empty.')),
    summary: read('summary', readText),
    kind: read('kind', (cell) =>
      required(readChoice(cell, commitmentKinds, 'a kind'), `the kind is empty; use one of ${kindList}.`),
    ),
    dossier: read('dossier', (cell) => readText(cell) || undefined),
    parentId: read('parent_id', readWholeNumber),
    topics: read('topics', (cell) => readList(cell).map(topicPath)),
    madeBy: read('made_by', readList),
    owedTo: read('owed_to', readList),
    announcedOn: read('announced_on', readDate),
    dueOn: read('due_on', readDate),
    status: read('status', (cell) => readChoice(cell, statuses, 'a status')),
    statusSince: read('status_since', readDate),
    effectiveOn: read('effective_on', readDate),
    note: read('note', readText),
  };
  parsed.deadline = readDeadline(row, problems);
  if (!row.cells.has('title')) problems.add(parsed.place, 'title', 'a commitment needs a title.');
  return parsed;
}

/** "trade > tariffs" and "trade›tariffs" are both written "trade › tariffs". */
function topicPath(text: string): string {
  return text
    .split(/›|>/)
    .map((level) => level.trim())
    .filter((level) => level !== '')
    .join(' › ');
}

/** The four deadline columns as one deadline: a date, or an amount of units from a date, or none. */
function readDeadline(row: ImportRow, problems: Problems): PlannedDeadline | undefined {
  const fields = ['deadline_on', 'deadline_amount', 'deadline_unit', 'deadline_from'];
  if (!fields.some((field) => row.cells.has(field))) return undefined;
  const read = <T>(field: string, reader: (cell: Cell) => T) => problems.read(row, null, field, reader);
  const on = read('deadline_on', readDate) ?? null;
  const amount = read('deadline_amount', readWholeNumber) ?? null;
  const unit =
    read('deadline_unit', (cell) => {
      // "day" and "Days" are how people write days.
      const text = readText(cell).toLowerCase();
      return readChoice(text === '' || text.endsWith('s') ? text : `${text}s`, unitsTyped, 'a unit');
    }) ?? null;
  const from = read('deadline_from', readDate) ?? null;
  const place = (field: string) => problems.placeOf(row, null, field);
  if (on !== null) {
    if (amount !== null || unit !== null || from !== null) {
      problems.add(
        place('deadline_on'),
        'deadline_on',
        'give the deadline as a date (deadline_on) or as a duration (deadline_amount, deadline_unit, deadline_from), not both.',
      );
    }
    return { on };
  }
  if (amount === null && unit === null && from === null) return null;
  const missing = [
    ['deadline_amount', amount, 'how many'],
    ['deadline_unit', unit, `the unit (${unitsTyped.join(', ')})`],
    ['deadline_from', from, 'the date it counts from'],
  ].filter(([, value]) => value === null);
  for (const [field, , what] of missing) {
    problems.add(place(field as string), field as string, `a deadline given as a duration needs ${what}.`);
  }
  if (amount === null || unit === null || from === null) return undefined;
  if (unit === 'weeks') return { amount: amount * 7, unit: 'days', from };
  return { amount, unit: units.find((known) => known === unit)!, from };
}

export function parseHistory(
  row: ImportRow,
  sheet: string | null,
  problems: Problems,
  statuses: readonly string[],
): ParsedHistory | null {
  const read = <T>(field: string, reader: (cell: Cell) => T) => problems.read(row, sheet, field, reader);
  const before = problems.count;
  const commitmentRow = row.commitmentRow ?? null;
  const commitmentId = read('commitment_id', readWholeNumber) ?? null;
  if (commitmentRow === null && commitmentId === null && problems.count === before) {
    problems.add(
      { line: row.line, sheet },
      'commitment_id',
      'a status update needs the id of its commitment.',
    );
  }
  const status = read('status', (cell) =>
    required(readChoice(cell, statuses, 'a status'), 'the status is empty.'),
  );
  const effectiveOn = read('effective_on', (cell) => required(readDate(cell), 'the date is empty.'));
  if (!row.cells.has('status'))
    problems.add({ line: row.line, sheet }, 'status', 'a status update needs a status.');
  if (!row.cells.has('effective_on')) {
    problems.add({ line: row.line, sheet }, 'effective_on', 'a status update needs the date it took effect.');
  }
  const party = read('party', (cell) => readText(cell) || null) ?? null;
  const recordedAt = read('recorded_at', readMoment) ?? null;
  const note = read('note', readText) ?? '';
  if (problems.count > before || status === undefined || effectiveOn === undefined) return null;
  return {
    row,
    place: { line: row.line, sheet },
    commitmentId,
    commitmentRow,
    status,
    party,
    effectiveOn,
    recordedAt,
    note,
  };
}
