// Importing Zotero's exports (CSL JSON, RIS, BibTeX) as sources, through the API as every transport
// calls it: each format's fixture read whole, Spanish names kept, attachments' text used, and a
// malformed file refused with its name, entry and line, storing nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOperationAsync } from '../api/dispatch.ts';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { draftFromFile } from '../ingest/source-drafts.ts';
import type { CitationImport } from './import-citations.ts';
import { call, citationFile, fixtures, storedSources } from './testing.ts';

interface Expected {
  title: string;
  type: string;
  authors: string[];
  publisher: string;
  url: string | null;
  language: 'en' | 'es';
}

/** The five items of every fixture, as the analyst filed them in Zotero. */
const items: Expected[] = [
  {
    title: 'U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking',
    type: 'report',
    authors: ['Seelke, Clare Ribando', 'Beittel, June S.'],
    publisher: 'Congressional Research Service',
    url: 'https://crsreports.congress.gov/product/pdf/IF/IF10578',
    language: 'en',
  },
  {
    title: 'Joint Statement on the U.S.-Mexico Security Implementation Group',
    type: 'webpage',
    authors: [],
    publisher: 'U.S. Department of State',
    url: 'https://www.state.gov/releases/2025/09/joint-statement-us-mexico-security-implementation-group',
    language: 'en',
  },
  {
    title: 'Comunicado conjunto México–Estados Unidos sobre cooperación en seguridad',
    type: 'report',
    authors: ['Secretaría de Relaciones Exteriores'],
    publisher: 'Gobierno de México',
    url: 'https://www.gob.mx/sre/prensa/comunicado-conjunto-seguridad-2025',
    language: 'es',
  },
  {
    title: 'México y EE. UU. acuerdan un grupo de implementación de seguridad',
    type: 'article-newspaper',
    authors: ['Núñez Peña, José Ángel', 'Bárcena Ibarra, Alicia'],
    publisher: 'La Jornada',
    url: 'https://www.jornada.com.mx/2025/09/05/politica/grupo-implementacion-seguridad',
    language: 'es',
  },
  {
    title: 'The 90-Day Tariff Reprieve and the USMCA Joint Review',
    type: 'report',
    authors: ['Villarreal, M. Angeles'],
    publisher: 'Congressional Research Service',
    url: null,
    language: 'en',
  },
];

type Name = { family?: string; given?: string; literal?: string };
const nameText = (name: Name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', ');

/** BibTeX has no web page or newspaper article of its own: Zotero writes them as @misc and @article. */
const bibtexTypes: Record<string, string> = { webpage: 'document', 'article-newspaper': 'article-journal' };

async function attachmentText(): Promise<{ path: string; text: string }[]> {
  const path = 'files/3/comunicado.html';
  const draft = await draftFromFile('comunicado.html', readFileSync(join(fixtures, path)));
  return [{ path, text: draft.fullText }];
}

describe.each(['zotero.json', 'zotero.ris', 'zotero.bib'])('importing %s', (file) => {
  it('adds each entry as a source with its authors, type, publisher, address and language', async () => {
    const { db } = temporaryDatabase();
    const result = await call<CitationImport>(
      db,
      'importCitations',
      citationFile(file, await attachmentText()),
    );
    expect(result).toMatchObject({ file, entries: 5, dryRun: false, alreadyStored: [] });
    const sources = storedSources(db);
    expect(sources.map((source) => source.title)).toEqual(items.map((item) => item.title));
    sources.forEach((source, index) => {
      const expected = items[index]!;
      const csl = JSON.parse(source.csl!) as { type: string; author?: Name[] };
      expect(source).toMatchObject({
        publisher: expected.publisher,
        url: expected.url,
        language: expected.language,
      });
      expect((csl.author ?? []).map(nameText)).toEqual(expected.authors);
      expect(csl.type).toBe(
        file.endsWith('.bib') ? (bibtexTypes[expected.type] ?? expected.type) : expected.type,
      );
    });
  });

  it('keeps the text of an attachment the file names, else the abstract, else the title', async () => {
    const { db } = temporaryDatabase();
    await call(db, 'importCitations', citationFile(file, await attachmentText()));
    const [report, , communique, , tariffs] = storedSources(db);
    expect(report!.fullText).toMatch(/^The United States and Mexico agreed in September 2025/);
    expect(tariffs!.fullText).toBe(
      'The 90-day reprieve from the 25% tariffs and the 2026 joint review of the USMCA.',
    );
    if (file.endsWith('.json')) {
      // CSL JSON names no attachments: the title stands for the text.
      expect(communique!.fullText).toBe(items[2]!.title);
    } else {
      expect(communique!.fullText).toContain('Grupo de Implementación de Seguridad de alto nivel');
    }
  });

  it('adds nothing the second time: each entry is a source already stored', async () => {
    const { db } = temporaryDatabase();
    await call(db, 'importCitations', citationFile(file));
    const before = storedSources(db).length;
    const again = await call<CitationImport>(db, 'importCitations', citationFile(file));
    expect(again.added).toEqual([]);
    expect(again.alreadyStored.map((entry) => entry.entry)).toEqual([1, 2, 3, 4, 5]);
    expect(storedSources(db)).toHaveLength(before);
  });

  it('says in a dry run what it would add, and stores nothing', async () => {
    const { db } = temporaryDatabase();
    const before = fingerprint(db);
    const result = await call<CitationImport>(db, 'importCitations', { ...citationFile(file), dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.added.map((added) => added.title)).toEqual(items.map((item) => item.title));
    expect(result.added.every((added) => added.id === null)).toBe(true);
    expect(fingerprint(db)).toBe(before);
  });
});

describe('a malformed citation file', () => {
  it.each([
    ['malformed.json', /^malformed\.json: entry 2 at line 10 has no title\.$/],
    [
      'malformed.ris',
      /^malformed\.ris: entry 2 at line 8 has no "ER {2}- " line ending it before the next entry at line 13\.$/,
    ],
    [
      'malformed.bib',
      /^malformed\.bib: line \d+: entry 2 "nunez_pena_mexico_2025" at line 8 cannot be read as BibTeX/,
    ],
  ])('%s is refused whole, naming the file, the entry and the line', async (file, message) => {
    const { db } = temporaryDatabase();
    const before = fingerprint(db);
    const result = await callOperationAsync(db, 'importCitations', citationFile(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(message);
    expect(fingerprint(db)).toBe(before);
  });

  it('that is not JSON at all is refused with the line of the mistake', async () => {
    const { db } = temporaryDatabase();
    const text = '[\n  { "type": "report", "title": "A" },\n  { "type": "report" "title": "B" }\n]\n';
    const result = await callOperationAsync(db, 'importCitations', {
      name: 'library.json',
      contentBase64: Buffer.from(text).toString('base64'),
    });
    expect(result.ok ? null : result.error.message).toMatch(/^library\.json: line 3: this is not valid JSON/);
    expect(storedSources(db)).toEqual([]);
  });

  it('with a line outside any RIS entry names that line', async () => {
    const { db } = temporaryDatabase();
    const text = 'TY  - RPRT\nTI  - A\nER  - \n\nAU  - Seelke, Clare\n';
    const result = await callOperationAsync(db, 'importCitations', {
      name: 'library.ris',
      contentBase64: Buffer.from(text).toString('base64'),
    });
    expect(result.ok ? null : result.error.message).toMatch(
      /^library\.ris: line 5: expected "TY {2}- " starting entry 2/,
    );
  });
});
