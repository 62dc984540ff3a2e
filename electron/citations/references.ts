// A report's sources cited in the analyst's style: each source's bibliography entry and its in-text
// citation, formatted by citeproc (through citation-js) from the source's CSL item.
import type { CitationStyle, CslItem } from '../domain/model.ts';
import { citationEngine } from './library.ts';

/** A stretch of a formatted reference: the styles set titles in italics, some names in bold. */
export interface CitationRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

export interface FormattedCitation {
  /** The bibliography entry, as runs of text each renderer sets in its own way. */
  reference: CitationRun[];
  /** The in-text citation: "(Núñez 2025)" in Chicago author-date. */
  inText: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * citeproc's HTML for one entry as runs. Its output is a known, small markup (i, b, span, div, a,
 * sup, sub); only italics and bold are kept, the rest becomes plain text, so no markup from the data
 * ever reaches a report as markup.
 */
export function citationRuns(html: string): CitationRun[] {
  const runs: CitationRun[] = [];
  let italic = 0;
  let bold = 0;
  for (const part of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z]+)/i.exec(part);
    if (tag) {
      const step = tag[1] ? -1 : 1;
      const name = tag[2]!.toLowerCase();
      if (name === 'i' || name === 'em') italic = Math.max(0, italic + step);
      if (name === 'b' || name === 'strong') bold = Math.max(0, bold + step);
      continue;
    }
    const text = decode(part);
    if (text === '') continue;
    const run: CitationRun = {
      text,
      ...(italic > 0 ? { italic: true } : {}),
      ...(bold > 0 ? { bold: true } : {}),
    };
    const last = runs.at(-1);
    if (last && last.italic === run.italic && last.bold === run.bold) last.text += text;
    else runs.push(run);
  }
  const first = runs[0];
  if (first) first.text = first.text.trimStart();
  const last = runs.at(-1);
  if (last) last.text = last.text.trimEnd();
  return runs.filter((run) => run.text !== '');
}

/** The plain text of a formatted reference. */
export function citationText(runs: CitationRun[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * The last few formattings, by style and items: the report dialog's preview asks for the same
 * sources again at each keystroke, and citeproc takes a second or more for a few hundred.
 */
const recent = new Map<string, Map<string, FormattedCitation>>();
const recentLimit = 8;

/** Formats each item (by its id) in the style: its bibliography entry and its in-text citation. */
export function formatCitations(items: CslItem[], style: CitationStyle): Map<string, FormattedCitation> {
  const key = `${style}\n${JSON.stringify(items)}`;
  const known = recent.get(key);
  if (known) return known;
  const formatted = formatAnew(items, style);
  recent.set(key, formatted);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value!);
  return formatted;
}

function formatAnew(items: CslItem[], style: CitationStyle): Map<string, FormattedCitation> {
  const formatted = new Map<string, FormattedCitation>();
  if (items.length === 0) return formatted;
  const engine = citationEngine(items, style);
  const ids = engine.updateItems(items.map((item) => String(item.id)));
  const [, entries] = engine.makeBibliography();
  ids.forEach((id, index) => {
    const inText = citationText(citationRuns(engine.makeCitationCluster([{ id }])));
    formatted.set(id, { reference: citationRuns(entries[index] ?? ''), inText });
  });
  return formatted;
}
