import { describe, expect, it } from 'vitest';
import { updateSourceDetails } from './source-details.ts';
import { getSource, insertSource, listSources, sha256 } from './sources.ts';
import { fingerprint, temporaryDatabase } from './testing.ts';
import { undoLastAction } from './undo.ts';

const article = {
  title: 'Neighbours agree to tighten border controls',
  publisher: 'agencies',
  url: 'https://news.example/border',
  publishedOn: '2026-03-14',
  language: 'en',
  fullText:
    'Canada will deploy 500 additional officers along the border within six months, the minister said.',
};

describe('editing a source’s details', () => {
  it('changes the fields given, keeps the text and its hash, and finds it by its new title', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, article);
    expect(
      updateSourceDetails(db, id, {
        title: 'Ottawa and Washington agree on the border',
        publishedOn: '2026-03-13',
      }),
    ).toBe(true);
    expect(getSource(db, id)).toMatchObject({
      title: 'Ottawa and Washington agree on the border',
      publisher: 'agencies',
      url: 'https://news.example/border',
      publishedOn: '2026-03-13',
      fullText: article.fullText,
      textSha256: sha256(article.fullText),
      textIntact: true,
    });
    expect(listSources(db, 'Ottawa').sources.map((source) => source.id)).toEqual([id]);
    expect(listSources(db, 'Neighbours').sources).toEqual([]);
  });

  it('clears the address and the date when given null', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, article);
    updateSourceDetails(db, id, { url: null, publishedOn: null });
    expect(getSource(db, id)).toMatchObject({ url: null, publishedOn: null, title: article.title });
  });

  it('is undone as one action, back to the details as they were', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, article);
    const stored = getSource(db, id);
    updateSourceDetails(db, id, { title: 'A better title', language: 'es', publisher: 'Reuters' });
    expect(undoLastAction(db)).toMatch(/^Edited the details of “Neighbours agree/);
    expect(getSource(db, id)).toEqual(stored);
    expect(listSources(db, 'Neighbours').sources.map((source) => source.id)).toEqual([id]);
    expect(listSources(db, 'better')).toEqual({ total: 0, sources: [] });
  });

  it('logs nothing when nothing changes, and refuses an unknown source or a bad address untouched', () => {
    const { db } = temporaryDatabase();
    const id = insertSource(db, article);
    const before = fingerprint(db);
    expect(updateSourceDetails(db, id, { title: article.title })).toBe(false);
    expect(undoLastAction(db)).toBeNull();
    expect(() => updateSourceDetails(db, 999, { title: 'x' })).toThrow('No source has id 999.');
    expect(() => updateSourceDetails(db, id, { url: 'javascript:alert(1)' })).toThrow(/CHECK constraint/);
    expect(fingerprint(db)).toBe(before);
  });
});
