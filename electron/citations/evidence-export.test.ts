// The evidence of a report exported as CSL JSON and BibTeX: read back by citation-js, and imported
// into a fresh database it gives the same sources again.
import { describe, expect, it } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import type { RenderedEvidence } from './evidence-export.ts';
import { citationLibrary } from './library.ts';
import { call, citationFile, quoteEverySource, storedSources, type StoredSourceRow } from './testing.ts';

type Name = { family?: string; given?: string; literal?: string };

/** What a source is to a reader of the report: its record, not its database id or its stored text. */
function record(source: StoredSourceRow) {
  const csl = JSON.parse(source.csl ?? '{}') as { type?: string; author?: Name[]; number?: string };
  return {
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    publishedOn: source.publishedOn,
    language: source.language,
    type: csl.type,
    author: csl.author ?? [],
    number: csl.number,
  };
}

async function dossierWithEvidence() {
  const { db } = temporaryDatabase();
  await call(db, 'importCitations', citationFile('zotero.json'));
  await quoteEverySource(db);
  return db;
}

describe('the evidence of a report', () => {
  it('as CSL JSON is read back by citation-js, one item for each source quoted', async () => {
    const db = await dossierWithEvidence();
    const file = await call<RenderedEvidence>(db, 'renderEvidence', { format: 'csl-json' });
    expect(file.fileName).toMatch(/^Evidence \d{4}-\d{2}-\d{2}\.json$/);
    expect(file.sourceCount).toBe(5);
    const Cite = citationLibrary();
    const parsed = new Cite(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')), {
      forceType: '@csl/list+object',
    }).data;
    expect(parsed.map((item) => item.title).sort()).toEqual(
      storedSources(db)
        .map((s) => s.title)
        .sort(),
    );
    const spanish = parsed.find((item) => item['container-title'] === 'La Jornada')!;
    expect(spanish.author).toEqual([
      { family: 'Núñez Peña', given: 'José Ángel' },
      { family: 'Bárcena Ibarra', given: 'Alicia' },
    ]);
  });

  it('as CSL JSON, imported into a fresh database, gives the same sources', async () => {
    const db = await dossierWithEvidence();
    const file = await call<RenderedEvidence>(db, 'renderEvidence', { format: 'csl-json' });
    const { db: fresh } = temporaryDatabase();
    await call(fresh, 'importCitations', { name: file.fileName, contentBase64: file.base64 });
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect(storedSources(fresh).map(record).sort(byTitle)).toEqual(
      storedSources(db).map(record).sort(byTitle),
    );
  });

  it('as BibTeX is read back by citation-js, and imported into a fresh database gives the same sources', async () => {
    const db = await dossierWithEvidence();
    const file = await call<RenderedEvidence>(db, 'renderEvidence', { format: 'bibtex', title: 'Security' });
    expect(file.fileName).toMatch(/^Security \d{4}-\d{2}-\d{2}\.bib$/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const Cite = citationLibrary();
    const parsed = new Cite(text, { forceType: '@biblatex/text' }).data;
    expect(parsed).toHaveLength(5);
    const { db: fresh } = temporaryDatabase();
    await call(fresh, 'importCitations', { name: file.fileName, contentBase64: file.base64 });
    // BibTeX has no types of its own for a web page or a newspaper article: only those change.
    const withoutType = (source: StoredSourceRow) => ({ ...record(source), type: undefined });
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect(storedSources(fresh).map(withoutType).sort(byTitle)).toEqual(
      storedSources(db).map(withoutType).sort(byTitle),
    );
  });

  it('covers only the sources quoted for the commitments in scope', async () => {
    const db = await dossierWithEvidence();
    const { id: other } = await call<{ id: number }>(db, 'createDossier', { name: 'Trade' });
    const file = await call<RenderedEvidence>(db, 'renderEvidence', {
      format: 'csl-json',
      scope: { dossierId: other },
    });
    expect(file.sourceCount).toBe(0);
    expect(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'))).toEqual([]);
  });
});
