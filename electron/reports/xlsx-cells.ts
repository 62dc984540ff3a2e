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

export function textCell(ref: string, text: string, strings: SharedStrings, style = 0): string {
  const styled = style === 0 ? '' : ` s="${style}"`;
  const kept = withinLimit(text);
  if (needsXstring.test(kept)) return `<c r="${ref}"${styled} t="s"><v>${strings.indexOf(kept)}</v></c>`;
  return `<c r="${ref}"${styled} t="inlineStr"><is>${textElement(escapeXml(kept))}</is></c>`;
}

export function numberCell(ref: string, value: number | string, style = 0): string {
  return style === 0 ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
}

/** Day 0 of the 1900 date system as spreadsheets count it today (so that 1900-03-01 is day 61). */
const dayZero = Date.UTC(1899, 11, 30);
const dayLength = 86_400_000;

/** A day or a moment as its day number (a fraction of a day for the time), or null when it is not one. */
export function dayNumber(text: string): number | null {
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : (time - dayZero) / dayLength;
}

/**
 * One row's cells are worked out by kind; a report repeats a few thousand days a million times, so
 * each day's number is worked out once.
 */
export class CellWriter {
  readonly strings = new SharedStrings();
  readonly #days = new Map<string, string | null>();

  #day(text: string): string | null {
    let number = this.#days.get(text);
    if (number === undefined) {
      const day = dayNumber(text);
      number = day === null ? null : String(day);
      this.#days.set(text, number);
    }
    return number;
  }

  /** Text a spreadsheet would run as a formula is neutralised (cells.ts), and stays a string cell. */
  text(ref: string, value: string | number): string {
    return textCell(ref, neutralise(String(value)), this.strings);
  }

  /**
   * A cell of its column's kind; null and empty text leave it out. Days and moments become day
   * numbers, so they sort and filter as dates; a value that is not one stays text.
   */
  cell(kind: CellKind, ref: string, value: string | number | null): string {
    if (value === null || value === '') return '';
    switch (kind) {
      case 'text':
        return this.text(ref, value);
      case 'integer':
        return typeof value === 'number' ? numberCell(ref, value) : this.text(ref, value);
      case 'date': {
        const day = this.#day(String(value));
        return day === null ? this.text(ref, value) : numberCell(ref, day, cellStyle.day);
      }
      case 'timestamp': {
        const moment = dayNumber(String(value));
        return moment === null ? this.text(ref, value) : numberCell(ref, moment, cellStyle.moment);
      }
    }
  }
}
