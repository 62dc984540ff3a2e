// The day a text speaks from, against which its deadlines resolve: the source's publication date, else
// the text's dateline (a place and a date opening the text: "BRUSSELS, May 4, 2026 (Reuters) -",
// "CÚCUTA, 9 de febrero de 2026.–", "Tashkent, 14 September 2026"), else the day given (--date), else today.
import * as chrono from 'chrono-node';
import type { Language } from './language.ts';

export type ReferenceBasis = 'published' | 'dateline' | 'given' | 'today';

export interface ReferenceDay {
  day: string;
  basis: ReferenceBasis;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

// A place (capitalised words, perhaps "Ottawa, Ontario") then a comma or dash and a date, at a line's start;
// or a date closing a title line after a place ("…, Muscat, 9 December 2026").
const placeThenDate =
  /^\s*(?:\p{Lu}[\p{L}'’.-]*)(?:[\s,]+(?:de |del |la |el )?\p{Lu}[\p{L}'’.-]*){0,3}\s*[,—–-]\s*(.{4,40})/u;
const openingMeeting =
  /^(?:We|Nosotros|Nosotras),?\s.{0,200}?\b(?:met|gathered|meeting|reunid[oa]s|se reunieron)\s+(?:in|en)\s+\p{Lu}[\p{L}'’ -]{1,40}?\s+(?:on|el)\s+(.{4,40})/u;
const dateAtEnd = /,\s*(?:\p{Lu}[\p{L}'’.-]*\s*){1,3},\s*(.{4,30}?)[.\s]*$/u;

function dateIn(fragment: string, language: Language, fallback: Date): string | null {
  for (const parser of language === 'es' ? [chrono.es, chrono.en] : [chrono.en, chrono.es]) {
    const result = parser.parse(fragment, fallback, { forwardDate: false })[0];
    if (!result || result.index > 3 || !result.start.isCertain('month') || !result.start.isCertain('day'))
      continue;
    const date = result.start.date();
    let day = isoDay(date);
    // A wire dateline ("KAMPALA, Jan 16 -") gives no year: the latest such day on or before the fallback.
    if (!result.start.isCertain('year')) {
      const y = fallback.getUTCFullYear();
      day = `${y}${day.slice(4)}`;
      if (day > isoDay(fallback)) day = `${y - 1}${day.slice(4)}`;
    }
    return day;
  }
  return null;
}

/** The dateline's day in the first lines of a text, or null. */
export function datelineOf(text: string, language: Language, fallback: Date): string | null {
  const all = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  // A dateline opens a text; a ministry's bulletin may sign off with one ("Ciudad de Guatemala, 20 de marzo de 2026.").
  const lines = [
    ...all.slice(0, 6),
    ...all
      .slice(6)
      .slice(-2)
      .filter((line) => line.split(/\s+/).length <= 10),
  ];
  for (const line of lines) {
    const opening = placeThenDate.exec(line);
    const found = opening ? dateIn(opening[1]!, language, fallback) : null;
    if (found) return found;
    // "We, the Leaders of …, met in Suva on 9 June 2026", "Nosotros, …, reunidos en Lima el 4 de diciembre de 2025"
    const met = openingMeeting.exec(line);
    const meeting = met ? dateIn(met[1]!, language, fallback) : null;
    if (meeting) return meeting;
    const closing = dateAtEnd.exec(line);
    const atEnd = closing ? dateIn(closing[1]!, language, fallback) : null;
    if (atEnd) return atEnd;
  }
  return null;
}

export function referenceDayOf(
  text: string,
  language: Language,
  options: { published?: string | null; given?: string | null; today?: Date },
): ReferenceDay {
  if (options.published) return { day: options.published.slice(0, 10), basis: 'published' };
  const fallback = options.given ? new Date(`${options.given}T12:00:00Z`) : (options.today ?? new Date());
  const dateline = datelineOf(text, language, fallback);
  if (dateline) return { day: dateline, basis: 'dateline' };
  if (options.given) return { day: options.given, basis: 'given' };
  return { day: isoDay(fallback), basis: 'today' };
}
