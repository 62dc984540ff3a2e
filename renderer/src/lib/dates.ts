// Dates as the analyst reads them, in the app's language ("3 Sept 2025", "3 sept 2025"), today's date
// in the local calendar, and dates typed the way the language writes them (03/09/2025).
import { formatTag, language, type Language } from './i18n.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${formatTag()}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(formatTag(), options)));
  return made;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : formatter({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the language's numeric dates, and what separates them. */
function numericShape(of: Language): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(formatTag(of), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2025, 8, 3)));
  const order = parts
    .map((part) => part.type)
    .filter((type): type is Part => ['day', 'month', 'year'].includes(type));
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  return { order, separator };
}

/** How a date field shows what to type: dd/mm/yyyy, dd/mm/aaaa. */
export function datePattern(of: Language = language()): string {
  const letters: Record<Language, Record<Part, string>> = {
    en: { day: 'dd', month: 'mm', year: 'yyyy' },
    es: { day: 'dd', month: 'mm', year: 'aaaa' },
  };
  const { order, separator } = numericShape(of);
  return order.map((part) => letters[of][part]).join(separator);
}

/** A date as a date field shows it: 03/09/2025; '' for none. */
export function formatDateInput(iso: string | null | undefined, of: Language = language()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return '';
  const values: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separator } = numericShape(of);
  return order.map((part) => values[part]).join(separator);
}

/**
 * What a date field holds, as YYYY-MM-DD: typed in the language's order (3/9/2025, 03.09.25) or as
 * YYYY-MM-DD; '' for an empty field; null when it is not a date of the calendar.
 */
export function parseDateInput(text: string, of: Language = language()): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  let values: Record<Part, number>;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) values = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else {
    const numbers = typed.split(/[\s./-]+/).filter(Boolean);
    if (numbers.length !== 3 || numbers.some((number) => !/^\d+$/.test(number))) return null;
    const { order } = numericShape(of);
    values = Object.fromEntries(order.map((part, index) => [part, Number(numbers[index])])) as Record<
      Part,
      number
    >;
    if (numbers[order.indexOf('year')]!.length <= 2) values.year += 2000;
  }
  const date = new Date(Date.UTC(values.year, values.month - 1, values.day));
  if (
    date.getUTCFullYear() !== values.year ||
    date.getUTCMonth() !== values.month - 1 ||
    date.getUTCDate() !== values.day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}
