// A source and its CSL item, both ways: what a citation file's entry becomes as a source, and the item
// a stored source is cited and exported from.
import type { CslItem, SourceDescription, SourceDraft } from '../domain/model.ts';

/** Who published it: the publisher, else the website or journal, else the issuing authority. */
export function publisherOf(item: CslItem): string {
  for (const field of ['publisher', 'container-title', 'authority']) {
    const value = item[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

/** The day it was published, when the item gives year, month and day; YYYY-MM-DD. */
export function publishedOnOf(item: CslItem): string | null {
  const issued = item.issued as { 'date-parts'?: unknown[][]; raw?: unknown } | undefined;
  const parts = issued?.['date-parts']?.[0]?.map(Number);
  let day: string | null = null;
  if (parts && parts.length >= 3 && parts.every(Number.isInteger)) {
    const [year, month, date] = parts as [number, number, number];
    day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  } else if (typeof issued?.raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issued.raw)) {
    day = issued.raw;
  }
  // A day that is no real day ("2025-02-30") is left out rather than refused.
  return day &&
    !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
    new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)
    ? day
    : null;
}

/** An http(s) address, as sources keep them; anything else stays in the item only. */
export function urlOf(item: CslItem): string | null {
  const url = typeof item.URL === 'string' ? item.URL.trim() : '';
  return /^https?:\/\/\S+$/i.test(url) ? url : null;
}

/** "es" for Spanish, "en" for English (as ISO codes, language tags or names); null for anything else. */
export function languageOf(item: CslItem): 'en' | 'es' | null {
  const language = typeof item.language === 'string' ? item.language.trim().toLowerCase() : '';
  if (/^(es|spa)\b|^(spanish|español|espanol|castellano)$/.test(language)) return 'es';
  if (/^(en|eng)\b|^english$/.test(language)) return 'en';
  return null;
}

/** What citeproc and the exports should not see: citation-js's bookkeeping. */
function cleanItem(item: CslItem): CslItem {
  const { _graph: _ignored, ...rest } = item as CslItem & { _graph?: unknown };
  return rest as CslItem;
}

/** The id a source's item is cited by in a report and an export. */
export function itemId(sourceId: number): string {
  return `source-${sourceId}`;
}

export interface CitedSource extends SourceDescription {
  id: number;
  csl: CslItem | null;
}

function dateParts(day: string): { 'date-parts': number[][] } {
  return { 'date-parts': [day.split('-').map(Number)] };
}

/**
 * The item a stored source is cited from. The source's own columns win where the analyst may have
 * edited them (title, publisher, date, URL); the rest (authors, type, identifiers) is the stored item.
 * A source never imported from a citation file is a web page (with a URL) or a document.
 */
export function itemOfSource(source: CitedSource): CslItem {
  const stored = source.csl ? cleanItem(source.csl) : null;
  const item: CslItem = stored
    ? { ...stored }
    : source.url
      ? { type: 'webpage', ...(source.publisher ? { 'container-title': source.publisher } : {}) }
      : { type: 'document', ...(source.publisher ? { publisher: source.publisher } : {}) };
  item.id = itemId(source.id);
  item.title = source.title;
  if (stored && publisherOf(stored) !== source.publisher) item.publisher = source.publisher || undefined;
  if (source.url) item.URL = source.url;
  if (source.publishedOn && (!stored || publishedOnOf(stored) !== source.publishedOn)) {
    item.issued = dateParts(source.publishedOn);
  }
  if (!item.language) item.language = source.language;
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as CslItem;
}

/** A citation file's entry as a source: its text is given (an attachment's, the abstract, or the title). */
export function sourceOfItem(item: CslItem, fullText: string, language: 'en' | 'es'): SourceDraft {
  const csl = cleanItem(item);
  delete csl.id;
  return {
    title: String(item.title).trim(),
    publisher: publisherOf(item),
    url: urlOf(item),
    publishedOn: publishedOnOf(item),
    language,
    fullText,
    csl,
  };
}
