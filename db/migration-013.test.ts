// Migration 013: excerpts are quotations or paraphrases. A file written before it keeps its excerpts as
// quotations, except the spans of the sample's own summaries that quote no one.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';
import { addSource, excerptsOfSource, insertExcerpt } from './sources.ts';
import { databaseBefore } from './testing.ts';

describe('migration 013: quotations and paraphrases', () => {
  it('marks the spans of the sample’s summaries that quote no one as paraphrase, and nothing else', () => {
    const { db: before, file } = databaseBefore(13);
    const summaryText = 'Pledgewatch summary of the joint communiqué. They will act. Rubio said: “We will.”';
    const source = (title: string, fullText: string) =>
      addSource(
        before,
        { title, publisher: '', url: null, publishedOn: '2025-09-03', language: 'en', fullText },
        'ask',
      ).id!;
    const summary = source('Joint communiqué', summaryText);
    const original = source('Press release', 'They will act. Rubio said: “We will.”');
    // The code of today writes the column migration 013 adds: the file of before gets its rows raw.
    const span = (sourceId: number, text: string, phrase: string, speaker: string) =>
      before
        .prepare('INSERT INTO excerpt (source_id, start, end, text, speaker) VALUES (?, ?, ?, ?, ?)')
        .run(sourceId, text.indexOf(phrase), text.indexOf(phrase) + phrase.length, phrase, speaker);
    span(summary, summaryText, 'They will act.', '');
    span(summary, summaryText, 'We will.', 'Marco Rubio');
    span(original, 'They will act. Rubio said: “We will.”', 'They will act.', '');
    before.close();

    const db = openDatabase(file);
    const forms = (sourceId: number) =>
      excerptsOfSource(db, sourceId).map((excerpt) => [excerpt.text, excerpt.paraphrase]);
    expect(forms(summary)).toEqual([
      ['They will act.', true],
      ['We will.', false],
    ]);
    expect(forms(original)).toEqual([['They will act.', false]]);
    // A new excerpt is a quotation unless said otherwise.
    const added = insertExcerpt(db, original, 0, 4, '', true);
    expect(excerptsOfSource(db, original).find((excerpt) => excerpt.id === added)?.paraphrase).toBe(true);
    db.close();
  });
});
