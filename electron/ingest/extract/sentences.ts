// Splits an article into sentences with their offsets, by Intl.Segmenter, mending splits after abbreviations.

export interface Sentence {
  text: string;
  /** UTF-16 offsets into the whole text, as the reader selects them. */
  start: number;
  end: number;
}

// Titles and abbreviations after which a full stop does not end a sentence, in English and Spanish.
const abbreviations = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sen',
    'rep',
    'gov',
    'gen',
    'col',
    'lt',
    'sgt',
    'st',
    'jr',
    'sr',
    'sra',
    'srta',
    'lic',
    'ing',
    'no',
    'nos',
    'vol',
    'art',
    'fig',
    'approx',
    'etc',
    'vs',
    'u.s',
    'u.n',
    'e.u',
    'ee.uu',
    'ee',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'ene',
    'dic',
  ].map((word) => `${word}.`),
);

function endsWithAbbreviation(text: string): boolean {
  const last = /(\S+)\s*$/.exec(text)?.[1]?.toLowerCase();
  return last !== undefined && (abbreviations.has(last) || /^(?:[a-z]\.){1,3}$/.test(last));
}

export function splitSentences(text: string, language: string): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  let pending: Sentence | null = null;
  for (const { segment, index } of segmenter.segment(text)) {
    const piece: Sentence = { text: segment, start: index, end: index + segment.length };
    pending = pending ? { text: pending.text + segment, start: pending.start, end: piece.end } : piece;
    const lineBreak = /\n\s*$/.test(segment);
    if (lineBreak || !endsWithAbbreviation(pending.text)) {
      sentences.push(pending);
      pending = null;
    }
  }
  if (pending) sentences.push(pending);
  return sentences.flatMap(trim).filter((sentence) => /\p{L}/u.test(sentence.text));
}

/** Splits at line breaks too (headlines and bylines end without a full stop) and trims the spaces. */
function trim(sentence: Sentence): Sentence[] {
  const parts: Sentence[] = [];
  let offset = sentence.start;
  for (const line of sentence.text.split('\n')) {
    const leading = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed)
      parts.push({ text: trimmed, start: offset + leading, end: offset + leading + trimmed.length });
    offset += line.length + 1;
  }
  return parts;
}
