import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listExcerpts } from './excerpts.ts';
import { createDossier } from './reference.ts';
import { newCommitment, temporaryDatabase } from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { insertCommitment } from './commitment-add.ts';

function source(db: Database, title: string, publishedOn: string, quotes: string[]): number[] {
  const fullText = quotes.join(' ');
  const sourceId = db
    .prepare(`INSERT INTO source (title, full_text, text_sha256, published_on) VALUES (?, ?, 'x', ?)`)
    .run(title, fullText, publishedOn).lastInsertRowid;
  const insert = db.prepare(
    `INSERT INTO excerpt (source_id, start, end, text, speaker) VALUES (?, ?, ?, ?, 'Rubio')`,
  );
  return quotes.map((quote) => {
    const start = fullText.indexOf(quote);
    return Number(insert.run(sourceId, start, start + quote.length, quote).lastInsertRowid);
  });
}

function setUp() {
  const { db } = temporaryDatabase();
  const [communique, meeting] = source(db, 'Joint communiqué', '2025-09-03', [
    'We will halt the flow of fentanyl.',
    'A group will meet regularly.',
  ]);
  const [tariffs] = source(db, 'Tariff proclamation', '2025-07-31', ['Tariffs are paused for 90 days.']);
  const dossierId = createDossier(db, 'Bilateral', '');
  const commitmentId = insertCommitment(
    db,
    newCommitment(dossierId, {
      title: 'Pause the tariffs',
      kind: 'reprieve',
      announcedOn: '2025-07-31',
      excerptIds: [tariffs!],
    }),
  );
  return { db, commitmentId, communique: communique!, meeting: meeting!, tariffs: tariffs! };
}

describe('listExcerpts', () => {
  it('lists the newest sources first, with their source and speaker', () => {
    const { db, communique, meeting, tariffs } = setUp();
    const choices = listExcerpts(db, {});
    expect(choices.map((choice) => choice.id)).toEqual([communique, meeting, tariffs]);
    expect(choices[0]).toEqual({
      id: communique,
      text: 'We will halt the flow of fentanyl.',
      speaker: 'Rubio',
      paraphrase: false,
      sourceTitle: 'Joint communiqué',
      publishedOn: '2025-09-03',
    });
  });

  it("puts the commitment's own excerpts first", () => {
    const { db, commitmentId, tariffs } = setUp();
    expect(listExcerpts(db, { commitmentId })[0]!.id).toBe(tariffs);
  });

  it('filters by every word typed, in the excerpt, its speaker or its source title, any case', () => {
    const { db, communique, meeting, tariffs } = setUp();
    expect(listExcerpts(db, { text: 'FENTANYL halt' }).map((choice) => choice.id)).toEqual([communique]);
    expect(listExcerpts(db, { text: 'communiqué' }).map((choice) => choice.id)).toEqual([
      communique,
      meeting,
    ]);
    expect(listExcerpts(db, { text: 'proclamation 90%' }).map((choice) => choice.id)).toEqual([tariffs]);
    expect(listExcerpts(db, { text: 'nothing like this' })).toEqual([]);
    expect(listExcerpts(db, { text: '  ' })).toHaveLength(3);
  });

  it('returns at most 50', () => {
    const { db } = setUp();
    source(
      db,
      'Long speech',
      '2025-10-01',
      Array.from({ length: 60 }, (_, i) => `Point number ${i}.`),
    );
    expect(listExcerpts(db, {})).toHaveLength(50);
  });

  it('refuses a commitment that is not there', () => {
    const { db, commitmentId } = setUp();
    deleteCommitment(db, commitmentId);
    expect(() => listExcerpts(db, { commitmentId })).toThrow(
      expect.objectContaining({ code: 'not_found', path: 'commitmentId' }),
    );
  });
});
