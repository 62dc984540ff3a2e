// Cells as SpreadsheetML writes them: text escaped for XML, days and moments as day numbers with a
// date format, numbers as numbers, and the few texts only the shared-strings table can carry.
import { neutralise, type CellKind } from './cells.ts';

/** Indexes into the cellXfs of xlsx-parts.ts's styles. */
export const cellStyle = {
  plain: 0,
  day: 1,
  moment: 2,
  header: 3,
  label: 4,
  value: 5,
  valueDay: 6,
  valueMoment: 7,
} as const;

/** A, B … Z, AA …: the column of a 0-based index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Excel keeps at most this many characters in a cell, and calls a file with more damaged. */
export const longestCellText = 32_767;

/** Text past Excel's limit, cut so it still ends where a character ends, and marked as cut. */
function withinLimit(text: string): string {
  if (text.length <= longestCellText) return text;
  let end = longestCellText - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const markup = /[&<>\r]/;

/**
 * XML text. A carriage return is written as a reference, since XML readers turn a raw one into a line
 * feed. (A lone surrogate, which no XML may hold, becomes U+FFFD when the text is encoded as UTF-8.)
 */
export function escapeXml(text: string): string {
  if (!markup.test(text)) return text;
  return text.replace(/[&<>\r]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&#13;',
  );
}

/**
 * Characters XML 1.0 cannot hold at all (most controls, U+FFFE, U+FFFF) travel in SpreadsheetML as
 * `_xHHHH_` (ECMA-376 ST_Xstring), and a text that already reads like such an escape has its
 * underscore escaped as `_x005F_`, so that it is not decoded into something else.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const readsLikeEscape = /_(?=x[0-9A-Fa-f]{4}_)/g;
// eslint-disable-next-line no-control-regex -- as notInXml
const needsXstring = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

function xstring(text: string): string {
  return text
    .replace(readsLikeEscape, '_x005F_')
    .replace(notInXml, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Excel drops the spaces a text starts or ends with unless told to keep them. */
function textElement(escaped: string): string {
  const keep = /^\s|\s$|\n/.test(escaped);
  return keep ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/**
 * The workbook's shared strings, which hold only the texts that need `_xHHHH_` escapes: every reader
 * decodes those in this table, where exceljs (and so the importer) leaves them as written in an
 * inline string. Every other text is written inline, in its cell, so nothing grows with the rows.
 */
export class SharedStrings {
  readonly #indexes = new Map<string, number>();

  indexOf(text: string): number {
    let index = this.#indexes.get(text);
    if (index === undefined) {
      index = this.#indexes.size;
      this.#indexes.set(text, index);
    }
    return index;
  }

  get count(): number {
    return this.#indexes.size;
  }

  *items(): Generator<string> {
    for (const text of this.#indexes.keys()) yield `<si>${textElement(escapeXml(xstring(text)))}</si>`;
  }
}

/**
 * Where a cell is, as its attribute: ` r="B7"`. A cell right after the one before it in its row may
 * leave it out (the reference is optional in SpreadsheetML, and every reader, exceljs included, takes
 * such a cell for the next column): a tenth of a large sheet's XML.
 */
export const at = (ref: string) => ` r="${ref}"`;

/** Anything a text needs beyond being written as it is: markup, a line break, edge spaces, an escape. */
// eslint-disable-next-line no-control-regex -- as notInXml
const plainText = /[&<>\r\n\u0000-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_|^\s|\s$/;

/** `place`: the cell's reference attribute, or '' for the cell after the one before it. */
export function textCell(place: string, text: string, strings: SharedStrings, style = 0): string {
  const styled = style === 0 ? '' : ` s="${style}"`;
  if (text.length <= longestCellText && !plainText.test(text)) {
    return `<c${place}${styled} t="inlineStr"><is><t>${text}</t></is></c>`;
  }
  const kept = withinLimit(text);
  if (needsXstring.test(kept)) return `<c${place}${styled} t="s"><v>${strings.indexOf(kept)}</v></c>`;
  return `<c${place}${styled} t="inlineStr"><is>${textElement(escapeXml(kept))}</is></c>`;
}

export function numberCell(place: string, value: number | string, style = 0): string {
  return style === 0 ? `<c${place}><v>${value}</v></c>` : `<c${place} s="${style}"><v>${value}</v></c>`;
}

/** Day 0 of the 1900 date system as spreadsheets count it today (so that 1900-03-01 is day 61). */
const dayZero = Date.UTC(1899, 11, 30);
const dayLength = 86_400_000;

/** A day or a moment as its day number (a fraction of a day for the time), or null when it is not one. */
export function dayNumber(text: string): number | null {
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : (time - dayZero) / dayLength;
}

const digitsAt = (text: string, start: number, count: number): number => {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
};

/** The day number of the YYYY-MM-DD a text starts with, or null (also for a day its month lacks). */
function leadingDay(text: string): number | null {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const [year, month, day] = [digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const time = Date.UTC(year, month - 1, day);
  if (day > 28 && new Date(time).getUTCDate() !== day) return null;
  return (time - dayZero) / dayLength;
}

/** The day number of YYYY-MM-DD, by arithmetic rather than by parsing a date: a report has millions. */
function dayOf(text: string): number | null {
  return text.length === 10 ? leadingDay(text) : null;
}

/** Nine decimals: a hundredth of a millisecond, so every moment reads back to its millisecond. */
const fractionDigits = 9;

/** HH:MM:SS.sss at 11 in YYYY-MM-DDTHH:MM:SS.sssZ as milliseconds, or NaN. */
function timeOfDay(text: string): number {
  const separated =
    text.charCodeAt(10) === 84 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46 &&
    text.charCodeAt(23) === 90;
  const [hours, minutes, seconds] = [digitsAt(text, 11, 2), digitsAt(text, 14, 2), digitsAt(text, 17, 2)];
  if (!separated || !(hours < 24 && minutes < 60 && seconds < 60)) return Number.NaN;
  return hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + digitsAt(text, 20, 3);
}

/**
 * The day number of a moment written YYYY-MM-DDTHH:MM:SS.sssZ (as SQLite and toISOString write
 * them), the time as nine decimals worked out in whole numbers; other moments are parsed.
 */
function momentOf(text: string): string | null {
  const day = text.length === 24 ? leadingDay(text) : null;
  const time = timeOfDay(text);
  if (day === null || Number.isNaN(time)) {
    const parsed = dayNumber(text);
    return parsed === null ? null : String(parsed);
  }
  if (time === 0) return String(day);
  const fraction = String(Math.round((time / dayLength) * 10 ** fractionDigits)).padStart(
    fractionDigits,
    '0',
  );
  return `${day}.${fraction.replace(/0+$/, '')}`;
}

/** Text that starts as a formula would (see neutralise); most text starts with none of these. */
const formulaStarts = new Set([...`=+-@\t\r'`].map((char) => char.charCodeAt(0)));

/** One row's cells, each worked out by the kind of its column. */
export class CellWriter {
  readonly strings = new SharedStrings();

  /** Text a spreadsheet would run as a formula is neutralised (cells.ts), and stays a string cell. */
  text(place: string, value: string | number): string {
    const text = String(value);
    return textCell(place, formulaStarts.has(text.charCodeAt(0)) ? neutralise(text) : text, this.strings);
  }

  /**
   * A cell of its column's kind, at `place` (see textCell); null and empty text leave it out ('').
   * Days and moments become day numbers, so they sort and filter as dates; a value that is not one
   * stays text.
   */
  cell(kind: CellKind, place: string, value: string | number | null): string {
    if (value === null || value === '') return '';
    switch (kind) {
      case 'text':
        return this.text(place, value);
      case 'integer':
        return typeof value === 'number' ? numberCell(place, value) : this.text(place, value);
      case 'date': {
        const day = dayOf(String(value));
        return day === null ? this.text(place, value) : numberCell(place, day, cellStyle.day);
      }
      case 'timestamp': {
        const moment = momentOf(String(value));
        return moment === null ? this.text(place, value) : numberCell(place, moment, cellStyle.moment);
      }
    }
  }
}
