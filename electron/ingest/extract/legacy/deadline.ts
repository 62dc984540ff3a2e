// Finds a deadline in a sentence: a duration ("90-day", "within six months", "en 90 días") as ISO 8601,
// or a future date ("by July 1", "a más tardar el 1 de julio") read by chrono-node.
import * as chrono from 'chrono-node';
import type { Language } from './language.ts';

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  quince: 15,
  veinte: 20,
  treinta: 30,
  sesenta: 60,
  noventa: 90,
  cien: 100,
};

const units: Record<string, 'D' | 'W' | 'M' | 'Y'> = {
  day: 'D',
  days: 'D',
  día: 'D',
  días: 'D',
  dias: 'D',
  week: 'W',
  weeks: 'W',
  semana: 'W',
  semanas: 'W',
  month: 'M',
  months: 'M',
  mes: 'M',
  meses: 'M',
  year: 'Y',
  years: 'Y',
  año: 'Y',
  años: 'Y',
};

const amount = `(\\d{1,4}|${Object.keys(numberWords).join('|')})`;
const unit = `(${Object.keys(units).join('|')})`;
// "a 90-day reprieve", "within six months", "in 30 days", "90 days from", "una pausa de 90 días", "dentro de seis meses"
const durationPatterns = [
  new RegExp(
    `\\b${amount}[-\\s]${unit}\\b(?=\\s+(?:reprieve|pause|deadline|window|period|review|plazo|pausa|prórroga))`,
    'iu',
  ),
  new RegExp(`\\b${amount}-${unit}\\b`, 'iu'),
  new RegExp(
    `\\b(?:reprieve|pause|period|window|pausa|prórroga|plazo|periodo|período|tregua)\\s+(?:of|de)\\s+${amount}\\s+${unit}\\b`,
    'iu',
  ),
  new RegExp(
    `\\b(?:within|in the next|over the next|en un plazo de|en los próximos|dentro de|en)\\s+(?:the\\s+)?${amount}\\s+${unit}\\b`,
    'iu',
  ),
  new RegExp(`\\b${amount}\\s+${unit}\\s+(?:from|after|of|a partir de|después de)\\b`, 'iu'),
];

function toNumber(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : numberWords[word.toLowerCase()];
}

export function findDuration(sentence: string): string | null {
  for (const pattern of durationPatterns) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const count = toNumber(match[1]!);
    const letter = units[match[2]!.toLowerCase()];
    if (count && letter) return `P${count}${letter}`;
  }
  return null;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first date in the sentence that lies after the reference day: past dates report, they do not oblige. */
export function findFutureDate(sentence: string, language: Language, reference: Date): string | null {
  const parser = language === 'es' ? chrono.es : chrono.en;
  for (const result of parser.parse(sentence, reference, { forwardDate: false })) {
    if (!result.start.isCertain('month')) continue;
    const start = result.start.date();
    let day = isoDay(start);
    // "in February 2026": a month given without a day is due by its last day.
    if (!result.start.isCertain('day')) {
      day = isoDay(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)));
    }
    if (day > isoDay(reference)) return day;
  }
  return null;
}

export function findDeadline(sentence: string, language: Language, reference: Date): string | null {
  return findDuration(sentence) ?? findFutureDate(sentence, language, reference);
}
