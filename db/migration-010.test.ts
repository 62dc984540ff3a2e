// Migration 010: a source's bibliographic record (a CSL JSON item). Sources stored before it keep
// everything they had and have no record; the column takes only a JSON object.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';
import { getSource, insertSource } from './sources.ts';
import { databaseBefore, temporaryDatabase } from './testing.ts';

const article = {
  title: 'Joint statement on security cooperation',
  publisher: 'U.S. Department of State',
  url: 'https://www.state.gov/joint-statement-security-cooperation',
  publishedOn: '2025-09-03',
  language: 'en',
  fullText: 'The United States and Mexico will set up a security implementation group.',
};

describe('migration 010: sources with their bibliographic record', () => {
  it('keeps the sources of a version 8 database whole, with no record', () => {
    const { db: version9, file } = databaseBefore(10);
    version9
      .prepare(
        `INSERT INTO source (title, publisher, url, published_on, language, full_text, text_sha256)
         VALUES (?, ?, ?, ?, ?, ?, 'hash')`,
      )
      .run(
        article.title,
        article.publisher,
        article.url,
        article.publishedOn,
        article.language,
        article.fullText,
      );
    const before = version9.prepare('SELECT * FROM source').all();
    version9.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    const after = db.prepare('SELECT * FROM source').all() as Record<string, unknown>[];
    expect(after.map(({ csl, ...rest }) => ({ csl, rest }))).toEqual(
      (before as Record<string, unknown>[]).map((rest) => ({ csl: null, rest })),
    );
    db.close();
  });

  it('stores a CSL item as JSON and gives it back; refuses text that is not a JSON object', () => {
    const { db } = temporaryDatabase();
    const csl = { type: 'webpage', author: [{ family: 'Núñez Peña', given: 'José Ángel' }] };
    const id = insertSource(db, { ...article, csl });
    expect(getSource(db, id).csl).toEqual(csl);
    expect(() => db.prepare('UPDATE source SET csl = ? WHERE id = ?').run('not json', id)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE source SET csl = ? WHERE id = ?').run('[1, 2]', id)).toThrow(/CHECK/);
    expect(getSource(db, id).csl).toEqual(csl);
  });
});
