// Test support: reads an XLSX file's own XML with unzip, independently of the library that wrote it.
import { execFileSync } from 'node:child_process';

function part(file: string, name: string): string {
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export interface RawCell {
  ref: string;
  /** The t attribute: s (shared string), inlineStr (text in the cell), str, b, e; absent for numbers. */
  type: string | null;
  formula: string | null;
  value: string | null;
  /** The number format of the cell's style, e.g. yyyy-mm-dd. */
  format: string | null;
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The cells of the n-th worksheet (from 1) by reference ("B7"), as the XML states them. */
export function rawCells(file: string, sheet: number): Map<string, RawCell> {
  const styles = part(file, 'xl/styles.xml');
  const formats = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleFormats = [...cellXfs.matchAll(/<xf [^>]*>/g)].map((m) => {
    const id = attribute(m[0], 'numFmtId') ?? '0';
    return formats.get(id) ?? (id === '14' ? 'builtin date' : null);
  });
  const strings = [...part(file, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]!),
  );
  const cells = new Map<string, RawCell>();
  const xml = part(file, `xl/worksheets/sheet${sheet}.xml`);
  for (const row of xml.matchAll(/<row ([^>]*)>([\s\S]*?)<\/row>/g)) {
    const line = attribute(row[1]!, 'r');
    // A cell without a reference is the one after the cell before it (the reference is optional).
    let column = 0;
    for (const match of row[2]!.matchAll(/<c((?: [^>]*?)?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = match[1]!;
      const body = match[2] ?? '';
      const given = attribute(tag, 'r');
      column = given ? columnIndex(given) : column + 1;
      const ref = given ?? `${columnLetters(column)}${line}`;
      const type = attribute(tag, 't');
      const value = type === 'inlineStr' ? textOf(body) : (/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? null);
      const style = attribute(tag, 's');
      cells.set(ref, {
        ref,
        type,
        formula: /<f[ >]/.test(body) ? body : null,
        value:
          type === 's' && value !== null
            ? (strings[Number(value)] ?? null)
            : type === 'inlineStr'
              ? value
              : value && unescape(value),
        format: style === null ? null : (styleFormats[Number(style)] ?? null),
      });
    }
  }
  return cells;
}

/** B7 → 2 (columns from 1). */
function columnIndex(ref: string): number {
  let index = 0;
  for (const char of /^[A-Z]+/.exec(ref)![0]) index = index * 26 + char.charCodeAt(0) - 64;
  return index;
}

/** 2 → B. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function sheetXml(file: string, sheet: number): string {
  return part(file, `xl/worksheets/sheet${sheet}.xml`);
}

/** The text of a string item (a shared string's <si> or an inline string's <is>): its <t> runs joined. */
function textOf(item: string): string {
  return [...item.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1]!)).join('');
}

/** XML's entities and character references; SpreadsheetML's own _xHHHH_ escapes are left as written. */
function unescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
