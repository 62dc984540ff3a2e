// Finds a deadline in a sentence, only where deadline phrasing states one: "by", "within", "no later than",
// "before", "in <month year>", "by the end of <year>", "en un plazo de", "antes de", "a más tardar",
// "a finales de", "en los próximos <n> meses". Durations stay durations (P90D, PT48H) and carry the day
// they run from when the text says it ("within 90 days of this agreement"); dates come out as ISO days
// and are kept only when they fall after the reference day, so a past date is never a deadline.
import * as chrono from 'chrono-node';
import type { Language } from './language.ts';
import { months, numberWords, units } from './deadline-words.ts';

export interface Deadline {
  /** An ISO day, or an ISO 8601 duration (P90D, P6M, PT48H). */
  value: string;
  /** The words that state it, as written. */
  phrase: string;
  start: number;
  end: number;
  /** For a duration, the ISO day it runs from when the text says so ("within 90 days of this statement"). */
  from: string | null;
}

interface Found extends Deadline {
  strength: number;
  duration: boolean;
}

const amount = `(\\d{1,4}|${Object.keys(numberWords).join('|')})`;
const unit = `(${Object.keys(units).join('|')})`;
const month = `(${Object.keys(months).join('|')})\\.?`;
const year = '((?:19|20)\\d{2})';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const durationCues = [
  // strong: "within six months", "en un plazo de 60 días", "en los próximos cinco años"
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:within the next|within|in the next|over the next|during the next|in the coming|no later than|en un plazo de|en los próximos|en las próximas|dentro de|durante los próximos|durante las próximas|en el plazo de)\\s+(?:the\\s+)?${amount}\\s+${unit}${E}`,
      'giu',
    ),
  },
  { strength: 1, pattern: new RegExp(`${B}(?:in|en)\\s+${amount}\\s+${unit}${E}`, 'giu') },
  {
    strength: 2,
    pattern: new RegExp(
      `${B}${amount}[-\\s]${unit}\\s+(?:reprieve|pause|deadline|window|grace period|suspension|delay)${E}`,
      'giu',
    ),
  },
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:reprieve|pause|period|window|pausa|prórroga|plazo|periodo|período|tregua)\\s+(?:of|de)\\s+${amount}\\s+${unit}${E}`,
      'giu',
    ),
  },
];
// "for 120 days", "durante 180 días": a duration only in a reprieve.
const reprieveDuration = new RegExp(
  `${B}(?:for|durante|por)\\s+(?:the\\s+next\\s+)?${amount}\\s+${unit}${E}`,
  'giu',
);
const runsFromText =
  /^\s*(?:of|from|after|since|de|desde|a partir de)\s+(?:this|the signing|today|the date of|la firma|hoy|este|esta|la presente)/iu;

function toNumber(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : numberWords[word.toLowerCase()];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): string {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function durations(sentence: string, reprieve: boolean, reference: Date): Found[] {
  const found: Found[] = [];
  const cues = reprieve ? [...durationCues, { strength: 2, pattern: reprieveDuration }] : durationCues;
  for (const { strength, pattern } of cues) {
    for (const match of sentence.matchAll(pattern)) {
      const count = toNumber(match[1]!);
      const letter = units[match[2]!.toLowerCase()];
      if (!count || !letter) continue;
      const end = match.index + match[0].length;
      found.push({
        value: letter === 'H' ? `PT${count}H` : `P${count}${letter}`,
        phrase: match[0],
        start: match.index,
        end,
        from: runsFromText.test(sentence.slice(end)) ? isoDay(reference) : null,
        strength,
        duration: true,
      });
    }
  }
  return found;
}

/** The year a month without a year falls in: this year if not yet past, else the next. */
function yearOf(monthNumber: number, reference: Date): number {
  const y = reference.getUTCFullYear();
  return monthNumber >= reference.getUTCMonth() + 1 ? y : y + 1;
}

const periodPatterns: {
  strength: number;
  pattern: RegExp;
  value: (m: RegExpExecArray, ref: Date) => string | null;
}[] = [
  // "by the end of 2026", "before the end of September 2026", "a finales de 2026", "antes de finales de febrero"
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:(?:by|before|until|no later than|at)\\s+the\\s+end\\s+of|(?:antes de |a |para |hacia |hasta )?(?:finales|fines|final)\\s+de(?:l)?)\\s+(?:(?:(?:the|this|el|este)\\s+)?(year|año)|${month}(?:\\s+(?:de\\s+)?${year})?|${year})${E}`,
      'giu',
    ),
    value: (m, ref) => {
      if (m[1]) return iso(ref.getUTCFullYear(), 12, 31);
      if (m[2]) {
        const n = months[m[2].toLowerCase()]!;
        return lastDay(m[3] ? Number(m[3]) : yearOf(n, ref), n);
      }
      return iso(Number(m[4]), 12, 31);
    },
  },
  {
    strength: 2,
    pattern:
      /(?<![\p{L}])(?:antes de que (?:termine|finalice|acabe|concluya) el año|by (?:the )?year[- ]end|before the year is out)(?![\p{L}])/giu,
    value: (_m, ref) => iso(ref.getUTCFullYear(), 12, 31),
  },
  // "in the first half of 2027", "before the end of the first quarter of 2027", "en el primer semestre de 2027"
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:in|by|during|before|en|durante|antes de|a más tardar en)\\s+(?:the\\s+end\\s+of\\s+|(?:finales|fines|final)\\s+del\\s+)?(?:the|el)\\s+(first|second|third|fourth|primer|segundo|tercer|cuarto)\\s+(half|quarter|semestre|trimestre)\\s+(?:of|de(?:l)?)\\s+${year}${E}`,
      'giu',
    ),
    value: (m) => {
      const order =
        ['first', 'second', 'third', 'fourth', 'primer', 'segundo', 'tercer', 'cuarto'].indexOf(
          m[1]!.toLowerCase(),
        ) % 4;
      const months = /^(half|semestre)$/i.test(m[2]!) ? 6 : 3;
      return lastDay(Number(m[3]), Math.min(12, (order + 1) * months));
    },
  },
  // "before March 2027", "antes de marzo": the month itself is too late.
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:before|antes de)\\s+${month}(?:\\s+(?:de\\s+)?${year})?${E}(?!\\s+\\d)`,
      'giu',
    ),
    value: (m, ref) => {
      const n = months[m[1]!.toLowerCase()]!;
      const y = m[2] ? Number(m[2]) : yearOf(n, ref);
      return n === 1 ? iso(y - 1, 12, 31) : lastDay(y, n - 1);
    },
  },
  // "by June 2026", "no later than June 2027", "a más tardar en junio de 2027", "in March 2027", "en octubre"
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(?:by|no later than|not later than|until|a más tardar en|hasta|para)\\s+${month}(?:\\s+(?:de\\s+)?${year})?${E}(?!\\s+\\d)`,
      'giu',
    ),
    value: (m, ref) => {
      const n = months[m[1]!.toLowerCase()]!;
      return lastDay(m[2] ? Number(m[2]) : yearOf(n, ref), n);
    },
  },
  {
    strength: 1,
    pattern: new RegExp(
      `${B}(?:in|en|during|durante)\\s+${month}(?:\\s+(?:of\\s+|de\\s+)?${year})?${E}(?!\\s+\\d)`,
      'giu',
    ),
    value: (m, ref) => {
      const n = months[m[1]!.toLowerCase()]!;
      return lastDay(m[2] ? Number(m[2]) : yearOf(n, ref), n);
    },
  },
  // "by 2030", "hasta 2027"; "before 2030" ends with 2029.
  {
    strength: 2,
    pattern: new RegExp(
      `${B}(by|no later than|until|hasta|para|before|antes de|antes del año)\\s+(?:el año\\s+)?${year}${E}`,
      'giu',
    ),
    value: (m) =>
      /^(before|antes)/i.test(m[1]!) ? iso(Number(m[2]) - 1, 12, 31) : iso(Number(m[2]), 12, 31),
  },
];

const dayCue = new RegExp(
  `${B}(?:by|before|no later than|not later than|until|on|from|starting|as of|effective|due|a más tardar(?: el)?|antes del?|hasta el|a partir del?|para el|desde el|el)\\s*$`,
  'iu',
);
const strongDayCue = /(?:by|before|later than|until|más tardar(?: el)?|antes del?|hasta el)\s*$/iu;

function days(sentence: string, language: Language, reference: Date): Found[] {
  const parser = language === 'es' ? chrono.es : chrono.en;
  const found: Found[] = [];
  // A day of the month is written in figures ("9 May", "July 1", "1 de agosto"): without one, chrono
  // has nothing to find here, and it is the slower half of reading deadlines.
  if (!/\d/.test(sentence)) return found;
  for (const result of parser.parse(sentence, reference, { forwardDate: true })) {
    if (!result.start.isCertain('month') || !result.start.isCertain('day')) continue;
    // chrono keeps some cue words in its match ("on 9 June"): read them as part of what comes before.
    const lead = /^(?:on|by|before|until|from|el|del)\s+/iu.exec(result.text)?.[0] ?? '';
    const at = result.index + lead.length;
    const before = sentence.slice(Math.max(0, at - 24), at);
    if (!dayCue.test(before)) continue;
    const cue = dayCue.exec(before)!;
    const start = at - before.length + cue.index;
    found.push({
      value: isoDay(result.start.date()),
      phrase: sentence.slice(start, result.index + result.text.length),
      start,
      end: result.index + result.text.length,
      from: null,
      strength: strongDayCue.test(before) ? 2 : 1,
      duration: false,
    });
  }
  return found;
}

function periods(sentence: string, reference: Date): Found[] {
  const found: Found[] = [];
  for (const { strength, pattern, value } of periodPatterns) {
    for (const match of sentence.matchAll(pattern)) {
      const day = value(match, reference);
      if (!day) continue;
      found.push({
        value: day,
        phrase: match[0],
        start: match.index,
        end: match.index + match[0].length,
        from: null,
        strength,
        duration: false,
      });
    }
  }
  return found;
}

/** The deadline a sentence states, or null. A reprieve prefers its duration ("suspend … for 120 days"). */
export function deadlineOf(
  sentence: string,
  language: Language,
  reference: Date,
  options: { reprieve?: boolean } = {},
): Deadline | null {
  const today = isoDay(reference);
  const all = [
    ...durations(sentence, options.reprieve ?? false, reference),
    ...periods(sentence, reference),
    ...days(sentence, language, reference),
  ].filter((found) => found.duration || found.value > today);
  if (all.length === 0) return null;
  // A phrase inside a longer one ("June" in "the end of June") is the same deadline.
  const whole = all.filter(
    (found) =>
      !all.some(
        (other) =>
          other !== found &&
          other.start <= found.start &&
          other.end >= found.end &&
          other.end - other.start > found.end - found.start,
      ),
  );
  const best = whole.sort(
    (a, b) =>
      (options.reprieve ? Number(b.duration) - Number(a.duration) : 0) ||
      b.strength - a.strength ||
      a.start - b.start,
  )[0]!;
  // "antes de febrero." ends the sentence: the full stop is not the phrase's ("Sept." keeps its own).
  const phrase = /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic)\.$/iu.test(
    best.phrase,
  )
    ? best.phrase
    : best.phrase.replace(/\.$/u, '');
  return { value: best.value, phrase, start: best.start, end: best.start + phrase.length, from: best.from };
}

export function findDuration(sentence: string): string | null {
  return (
    durations(sentence, false, new Date()).sort((a, b) => b.strength - a.strength || a.start - b.start)[0]
      ?.value ?? null
  );
}

export function findDeadline(sentence: string, language: Language, reference: Date): string | null {
  return deadlineOf(sentence, language, reference)?.value ?? null;
}
