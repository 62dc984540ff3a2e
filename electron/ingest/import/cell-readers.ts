// Turns cells into the values a commitment field holds, or says in the analyst's words what is wrong.
import { isCalendarDate } from '../../../db/as-of.ts';
import { restoreNeutralised } from '../../reports/cells.ts';
import type { Cell } from './document.ts';

/** What is wrong with one cell; the caller adds the line and the field. */
export class CellProblem extends Error {
  override name = 'CellProblem';
}

function shown(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString();
  return Array.isArray(cell) ? cell.join('; ') : String(cell);
}

/** Text as written, with the apostrophe that neutralised a formula-like value on export taken away. */
export function readText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (Array.isArray(cell)) return cell.join('; ');
  return restoreNeutralised(String(cell)).trim();
}

/** Topics and parties: a list, or text with the items separated by semicolons. */
export function readList(cell: Cell): string[] {
  const items = Array.isArray(cell) ? cell : readText(cell).split(';');
  return [...new Set(items.map((item) => restoreNeutralised(item).trim()).filter((item) => item !== ''))];
}

/** Excel counts days from 1899-12-30; a date cell without its date format arrives as that number. */
function fromSerial(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** Spreadsheets repeat the same few days: each text is checked once. */
const checkedDates = new Map<string, boolean>();

function isDate(text: string): boolean {
  let valid = checkedDates.get(text);
  if (valid === undefined) {
    valid = isCalendarDate(text);
    if (checkedDates.size > 10_000) checkedDates.clear();
    checkedDates.set(text, valid);
  }
  return valid;
}

export function readDate(cell: Cell): string | null {
  if (cell === null) return null;
  // exceljs gives date cells as the day at midnight UTC.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) return fromSerial(cell);
  const text = readText(cell);
  if (text === '') return null;
  if (!isDate(text)) throw new CellProblem(`"${text}" is not a date written YYYY-MM-DD.`);
  return text;
}

/** A moment, such as recorded_at: ISO 8601 with a time ("2025-09-03T18:00:00.000Z"), kept in UTC. */
export function readMoment(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number') return new Date(Math.round((cell - 25569) * 86_400_000)).toISOString();
  const text = readText(cell);
  if (text === '') return null;
  if (isCalendarDate(text)) return `${text}T00:00:00.000Z`;
  const moment = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)
    ? new Date(text.replace(' ', 'T') + (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? '' : 'Z'))
    : null;
  if (!moment || Number.isNaN(moment.getTime())) {
    throw new CellProblem(`"${text}" is not a moment written YYYY-MM-DDTHH:MM:SSZ.`);
  }
  return moment.toISOString();
}

export function readWholeNumber(cell: Cell): number | null {
  if (cell === null) return null;
  const text = typeof cell === 'number' ? String(cell) : readText(cell);
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new CellProblem(`"${shown(cell)}" is not a whole number above 0.`);
  }
  return Number(text);
}

/** One of a closed list of names, whatever the case; the message lists them. */
export function readChoice<Choice extends string>(
  cell: Cell,
  choices: readonly Choice[],
  what: string,
): Choice | null {
  const text = readText(cell);
  if (text === '') return null;
  const found = choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
  if (found === undefined) {
    throw new CellProblem(`"${text}" is not ${what}; use one of ${choices.join(', ')}.`);
  }
  return found;
}
