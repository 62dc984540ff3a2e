// Cuts a source's text into the pieces the reader draws: plain text, dimmed boilerplate, highlighted candidates.
import type { ReaderCandidate } from '../../../electron/domain/model.ts';

export type Piece =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'boilerplate'; text: string; start: number }
  | { kind: 'candidate'; text: string; start: number; candidate: ReaderCandidate };

interface Span {
  start: number;
  end: number;
  candidate?: ReaderCandidate;
}

export function pieces(
  text: string,
  boilerplate: { start: number; end: number }[],
  candidates: ReaderCandidate[],
): Piece[] {
  const spans: Span[] = [...boilerplate, ...candidates.map((candidate) => ({ ...candidate, candidate }))]
    .filter((span) => span.start >= 0 && span.end <= text.length && span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const result: Piece[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue; // overlapping spans: the first one drawn wins
    if (span.start > cursor)
      result.push({ kind: 'text', text: text.slice(cursor, span.start), start: cursor });
    const piece = text.slice(span.start, span.end);
    result.push(
      span.candidate
        ? { kind: 'candidate', text: piece, start: span.start, candidate: span.candidate }
        : { kind: 'boilerplate', text: piece, start: span.start },
    );
    cursor = span.end;
  }
  if (cursor < text.length) result.push({ kind: 'text', text: text.slice(cursor), start: cursor });
  return result;
}

/** "…the «backlog» of «asylum» cases…" as parts, so marks are drawn without raw HTML. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  return snippet
    .split(/(«[^»]*»)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('«') ? { text: part.slice(1, -1), marked: true } : { text: part, marked: false },
    );
}
