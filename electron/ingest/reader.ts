// The reader of a source: its text, the dimmed boilerplate, and the sentences that read as commitments,
// each marked open, dismissed or already used as an excerpt.
import type { Database } from 'better-sqlite3';
import type { SourceReader } from '../domain/model.ts';
import { dismissedSpans, excerptsOfSource, getSource } from '../../db/sources.ts';
import { isBoilerplate } from './extract/boilerplate.ts';
import { extractOffThread } from './extract/extract-thread.ts';
import { getSettings } from '../../db/settings.ts';
import { knownVocabulary } from './known-vocabulary.ts';

function boilerplateSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (isBoilerplate(line)) spans.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return spans;
}

/** The lowest threshold the reader offers: below it a sentence is almost never a commitment. */
export const readerFloor = 0.2;

export async function readSource(db: Database, id: number): Promise<SourceReader> {
  const { fullText, addedAt, publishedOn, ...source } = getSource(db, id);
  const vocabulary = knownVocabulary(db);
  // Deadlines read against the publication date, else the text's dateline, else the day it was added.
  const extraction = await extractOffThread(fullText, {
    vocabulary,
    published: publishedOn,
    given: addedAt.slice(0, 10),
    language: source.language === 'es' ? 'es' : 'en',
    // The reader's threshold is a setting it applies itself, so lowering it needs no second reading.
    threshold: readerFloor,
  });
  const excerpts = excerptsOfSource(db, id);
  const used = new Set(excerpts.map((excerpt) => `${excerpt.start}:${excerpt.end}`));
  const dismissed = dismissedSpans(db, id);
  const candidates = extraction.candidates.map((candidate) => {
    const key = `${candidate.start}:${candidate.end}`;
    const state = used.has(key) ? 'used' : dismissed.has(key) ? 'dismissed' : 'open';
    return { ...candidate, state } as const;
  });
  return {
    source: { ...source, fullText, addedAt, publishedOn },
    boilerplate: boilerplateSpans(fullText),
    candidates,
    excerpts,
    threshold: getSettings(db).readerThreshold,
  };
}
