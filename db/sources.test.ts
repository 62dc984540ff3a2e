import { describe, expect, it } from 'vitest';
import {
  findDuplicate,
  getSource,
  insertSource,
  listSources,
  mergeIntoSource,
  type SourceFields,
} from './sources.ts';
import { temporaryDatabase } from './testing.ts';

const report: SourceFields = {
  title: 'Neighbours agree to tighten border controls',
  publisher: 'agencies',
  url: 'https://news.example/border',
  publishedOn: '2026-03-14',
  language: 'en',
  fullText:
    'The prime minister of Canada and the US president met in Ottawa on Friday for three hours of talks. ' +
    'Canada will deploy 500 additional officers along the border within six months, the prime minister said. ' +
    'The United States pledged to cut the backlog of asylum cases by December 31, 2026. ' +
    'Washington threatened to impose tariffs on Canadian steel if smuggling does not fall.',
};

describe('sources', () => {
  it('stores the text with its hash and notices when the text was changed behind its back', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, report);
    expect(getSource(db, id)).toMatchObject({ title: report.title, textIntact: true });
    db.prepare(`UPDATE source SET full_text = full_text || ' Edited.' WHERE id = ?`).run(id);
    expect(getSource(db, id).textIntact).toBe(false);
    expect(() => getSource(db, 999)).toThrow('No source has id 999.');
  });

  it('finds the same URL, the same text, and nearly the same text as duplicates, and nothing else', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, report);
    expect(findDuplicate(db, { url: report.url, fullText: 'anything' })).toMatchObject({
      id,
      reason: 'same URL',
    });
    expect(findDuplicate(db, { url: null, fullText: report.fullText })).toMatchObject({
      id,
      reason: 'same text',
    });
    const reworded = report.fullText.replace('three hours', 'nearly three hours') + ' Updated at 10:00.';
    expect(findDuplicate(db, { url: null, fullText: reworded })).toMatchObject({
      id,
      reason: 'nearly the same text',
    });
    const other =
      'México se compromete a extender el rastreo de armas a los 32 estados en un plazo de 90 días.';
    expect(findDuplicate(db, { url: null, fullText: other })).toBeNull();
  });

  it('merges a duplicate by filling in what the stored source lacked, keeping its text', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, { ...report, url: null, publisher: '' });
    mergeIntoSource(db, id, { ...report, fullText: report.fullText + ' More.' });
    expect(getSource(db, id)).toMatchObject({
      url: report.url,
      publisher: 'agencies',
      fullText: report.fullText,
    });
  });

  it('searches titles and text, ranked, with the matching words marked in a snippet', () => {
    const { db } = temporaryDatabase();
    insertSource(db, report);
    insertSource(db, {
      ...report,
      url: null,
      title: 'Fisheries',
      fullText: 'Quotas for the coming season were set.',
    });
    const found = listSources(db, 'asylum backlog').sources;
    expect(found.map((source) => source.title)).toEqual([report.title]);
    expect(found[0]!.snippet).toContain('«backlog» of «asylum»');
    expect(listSources(db, undefined)).toMatchObject({ total: 2, sources: [{}, {}] });
  });

  it('pages the matches best first by rank, each with its snippet, and counts them all', () => {
    const { db } = temporaryDatabase();
    // "steel" once to thirty times in texts of different lengths, and in some titles: 260 matches.
    for (let n = 1; n <= 260; n += 1) {
      insertSource(db, {
        ...report,
        url: null,
        title: n % 13 === 0 ? `Steel report ${n}` : `Report ${n}`,
        fullText: `${'Tariffs on steel were discussed. '.repeat(n % 30 || 1)}${'Other business. '.repeat(n % 17)}Item ${n}.`,
      });
    }
    insertSource(db, { ...report, url: null, title: 'Fisheries', fullText: 'Quotas were set.' });
    // The ranking as one plain statement ranks and writes it.
    const plain = db
      .prepare(
        `SELECT rowid AS id, snippet(source_fts, 1, '«', '»', '…', 16) AS snippet FROM source_fts
          WHERE source_fts MATCH '"steel"*' ORDER BY bm25(source_fts, 5.0, 1.0), rowid`,
      )
      .all() as { id: number; snippet: string }[];
    const first = listSources(db, 'steel');
    expect(first.total).toBe(260);
    expect(first.sources).toHaveLength(50);
    expect(first.sources.map(({ id, snippet }) => ({ id, snippet }))).toEqual(plain.slice(0, 50));
    expect(first.sources.every((source) => source.snippet?.includes('«steel»'))).toBe(true);
    const later = listSources(db, 'steel', { offset: 200, limit: 100 });
    expect(later.total).toBe(260);
    expect(later.sources.map(({ id, snippet }) => ({ id, snippet }))).toEqual(plain.slice(200));
    expect(listSources(db, undefined, { offset: 259, limit: 50 })).toMatchObject({ total: 261 });
    expect(listSources(db, undefined, { offset: 259, limit: 50 }).sources).toHaveLength(2);
  });
});
