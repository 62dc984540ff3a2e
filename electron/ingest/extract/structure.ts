// The layout of a text as an analyst reads it: its title block, the dateline, speaker turns in a
// transcript ("MINISTER (Canada):"), leads that end with a colon and the list items under them, and the
// signatories ("We, the Leaders of …", a title naming the governments, or the first sentence naming two).
import type { Gazetteer } from './gazetteer.ts';
import type { Language } from './language.ts';
import { splitSentences } from './sentences.ts';

export type Role = 'title' | 'dateline' | 'body' | 'lead' | 'item';

export interface Unit {
  /** The sentence without a speaker label, a dateline or a list marker in front. */
  text: string;
  start: number;
  end: number;
  role: Role;
  /** For an item, the index of its lead among the units. */
  lead: number | null;
  /** The parties of the speaker whose turn this is: [] for a question from the floor, null when unknown. */
  speaker: string[] | null;
  question: boolean;
}

export interface Layout {
  units: Unit[];
  signatories: string[];
}

const itemMarker = /^(?:[-•*–·▪]|\(?\d{1,2}[.)]|\(?[a-h][.)]|\(?[ivx]{1,4}[.)])\s+/u;
const speakerLabel =
  /^((?:[\p{Lu}\p{N}][\p{Lu}\p{N}'’.-]*|\([^)]{2,30}\))(?:\s+(?:[\p{Lu}\p{N}][\p{Lu}\p{N}'’.-]*|\([^)]{2,30}\)))*)\s*:\s+/u;
const floor =
  /^(?:QUESTION|Q|REPORTER|JOURNALIST|MODERATOR|PREGUNTA|PERIODISTA|MODERADORA?|REPORTERO|REPORTERA|P)\b/u;
// "BRUSSELS, May 4, 2026 (Reuters) - ", "CÚCUTA, 9 de febrero de 2026.– ", "WASHINGTON, 12 mar (EFE).- "
const datelinePrefix =
  /^\p{Lu}[\p{L} .'’-]{1,40}?(?:,\s*\p{Lu}[\p{L} .'’-]{1,30}?)?,\s+(?=[^—–]*\d)[^—–]{3,40}?(?:\s*\([^)]{2,30}\))?\s*\.?\s*(?:[—–]|-(?=\s)|\.-)+\s*/u;
const terminal = /[.!?…;"”»)]$/u;

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s(-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function partiesOfLabel(label: string, gazetteer: Gazetteer): string[] {
  const found = [...gazetteer.find(label), ...gazetteer.find(titleCase(label))].map((m) => m.party);
  return [...new Set(found)];
}

function strip(sentence: { text: string; start: number; end: number }, pattern: RegExp) {
  const match = pattern.exec(sentence.text);
  if (!match) return { sentence, prefix: null };
  const cut = match[0].length;
  return {
    sentence: { text: sentence.text.slice(cut), start: sentence.start + cut, end: sentence.end },
    prefix: match[1] ?? match[0],
  };
}

export function layoutOf(text: string, language: Language, gazetteer: Gazetteer): Layout {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const units: Unit[] = [];
  let speaker: string[] | null = null;
  let question = false;
  let seenBody = false;
  let lastLead: number | null = null;
  let lastLine = -1;
  for (const raw of splitSentences(text, language)) {
    const line = lineOf(raw.start);
    const lineHead = text.slice(lineStarts[line]!, raw.start);
    // Intl.Segmenter cuts "1. Crear …" after "1.": the marker then sits alone before the sentence.
    const markerBefore = lineHead.trim() !== '' && itemMarker.test(`${lineHead.trim()} `);
    const atLineStart = lineHead.trim() === '' || markerBefore;
    let sentence = raw;
    if (atLineStart) {
      const labelled = strip(sentence, speakerLabel);
      if (labelled.prefix && labelled.prefix.length >= 2 && !/\d{3,}/.test(labelled.prefix)) {
        sentence = labelled.sentence;
        question = floor.test(labelled.prefix);
        const parties = partiesOfLabel(labelled.prefix, gazetteer);
        speaker = question ? [] : parties.length > 0 ? parties : null;
      }
    }
    const dated = strip(sentence, datelinePrefix);
    const isDatelineLine = dated.prefix !== null && dated.sentence.text.trim() === '';
    if (dated.prefix && !isDatelineLine) sentence = dated.sentence;
    const item = atLineStart ? (markerBefore ? [lineHead] : itemMarker.exec(sentence.text)) : null;
    let role: Role;
    if (
      isDatelineLine ||
      (!seenBody &&
        /^\p{Lu}[\p{L} .'’-]{1,40},\s+(?:\p{Lu}[\p{L}.]*,\s+)?[^,]{0,20}\d/u.test(sentence.text) &&
        sentence.text.split(/\s+/).length <= 9)
    ) {
      role = 'dateline';
    } else if (item && lastLead !== null) {
      role = 'item';
      sentence = strip(sentence, itemMarker).sentence;
    } else if (!seenBody && !terminal.test(sentence.text) && !sentence.text.endsWith(':')) {
      role = 'title';
    } else {
      if (item) sentence = strip(sentence, itemMarker).sentence;
      role = sentence.text.trimEnd().endsWith(':') ? 'lead' : 'body';
      seenBody = true;
    }
    if (role === 'lead') lastLead = units.length;
    else if (role !== 'item' && line !== lastLine) lastLead = null;
    lastLine = line;
    units.push({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      role,
      lead: role === 'item' ? lastLead : null,
      speaker,
      question,
    });
  }
  return { units, signatories: signatoriesOf(units, gazetteer) };
}

// Where a meeting was held is not who signed: "met in Reykjavik", "se reunieron en Asunción".
const placePreposition =
  /(?:^|\s)(?:(?:in|en|at|from|desde|to)\s+(?:the\s+|el\s+|la\s+)?|(?:summit|cumbre|meeting|reunión|forum|foro|conference|conferencia)\s+(?:of\s+the\s+|of\s+|del\s+|de\s+la\s+|de\s+)?)$/iu;
const meetingVerb =
  /\b(?:met|meet|meeting|held|gathered|signed|concluded|se reunieron|reunidos|reunidas|se reúnen|celebraron|sostuvieron|firmaron|suscribieron|rubricaron)\b/iu;

function actorsOf(text: string, gazetteer: Gazetteer): string[] {
  const mentions = gazetteer
    .find(text)
    .filter((m) => !m.demonym && !placePreposition.test(text.slice(Math.max(0, m.start - 12), m.start)));
  return [...new Set(mentions.map((m) => m.party))];
}

function signatoriesOf(units: Unit[], gazetteer: Gazetteer): string[] {
  const we = units.find((unit) => /^(?:We|Nosotros|Nosotras),?\s+(?:the|los|las)\b/u.test(unit.text));
  if (we) {
    const parties = actorsOf(
      we.text.split(/\b(?:met|meeting|gathered|reunid[oa]s|met in)\b/u)[0]!,
      gazetteer,
    );
    if (parties.length > 0) return parties;
  }
  const title = actorsOf(
    units
      .filter((unit) => unit.role === 'title')
      // "JOINT STATEMENT OF … INDIA AND … GERMANY": names match by case, so a title in capitals is read in title case.
      .map((unit) => (unit.text === unit.text.toUpperCase() ? titleCase(unit.text) : unit.text))
      .join(' \n '),
    gazetteer,
  );
  const body = units.filter((unit) => unit.role === 'body').slice(0, 3);
  for (const unit of body) {
    const parties = actorsOf(unit.text, gazetteer);
    // The opening sentence names the governments in full where a title names a bloc ("… del Mercosur").
    if (parties.length >= 2 && parties.length > title.length && meetingVerb.test(unit.text)) return parties;
    if (parties.length >= 2) break;
  }
  if (title.length > 0) return title;
  for (const unit of units) {
    const parties = actorsOf(unit.text, gazetteer);
    if (parties.length > 0) return parties;
  }
  return [];
}
