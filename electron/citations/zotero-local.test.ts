// Reading a running Zotero through its local API, against a stand-in server on 127.0.0.1: off until
// the analyst turns it on, the whole library or one collection imported as sources with the indexed
// attachment's text, paged, and every way Zotero can fail (not running, its API off, an item with no
// title, another program on the port, an attachment that never comes) a clear message storing nothing.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOperationAsync } from '../api/dispatch.ts';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import type { CitationImport } from './import-citations.ts';
import { call, storedSources } from './testing.ts';
import { indexedReportText, startZoteroServer, type ZoteroServer } from './testing/zotero-server.ts';
import { defaultZoteroLimits, readZoteroLibrary, type ZoteroCollection } from './zotero-local.ts';

let zotero: ZoteroServer;

beforeEach(async () => {
  zotero = await startZoteroServer();
});

afterEach(async () => {
  await zotero.close();
});

async function connected() {
  const { db } = temporaryDatabase();
  await call(db, 'saveSettings', { zoteroConnector: true, zoteroPort: zotero.port });
  return db;
}

async function failure(db: Parameters<typeof callOperationAsync>[0], name: string, input: unknown) {
  const result = await callOperationAsync(db, name, input);
  if (result.ok) throw new Error(`${name} succeeded where it should have failed`);
  return result.error;
}

/** A loopback port nothing listens on: one the system gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('reading a running Zotero', () => {
  it('is off until the analyst turns it on, and asks Zotero nothing while off', async () => {
    const { db } = temporaryDatabase();
    await call(db, 'saveSettings', { zoteroPort: zotero.port });
    const before = fingerprint(db);
    for (const name of ['importFromZotero', 'listZoteroCollections']) {
      const error = await failure(db, name, {});
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/Reading from a running Zotero is off/);
    }
    expect(zotero.hits('/')).toBe(0);
    expect(fingerprint(db)).toBe(before);
  });

  it('lists the collections, each named with its parent', async () => {
    const db = await connected();
    expect(await call<ZoteroCollection[]>(db, 'listZoteroCollections', {})).toEqual([
      { key: 'COLL0001', name: 'US–Mexico 2025', items: 5 },
      { key: 'COLL0002', name: 'US–Mexico 2025 / Tariffs', items: 1 },
    ]);
  });

  it('shows what it would add first, then adds the library’s items with the indexed attachment’s text', async () => {
    const db = await connected();
    const before = fingerprint(db);
    const plan = await call<CitationImport>(db, 'importFromZotero', { dryRun: true });
    expect(plan).toMatchObject({ file: 'Zotero library', entries: 5, dryRun: true, alreadyStored: [] });
    expect(plan.added.every((added) => added.id === null)).toBe(true);
    expect(fingerprint(db)).toBe(before);

    const result = await call<CitationImport>(db, 'importFromZotero', {});
    expect(result.added.map((added) => added.title)).toEqual(plan.added.map((added) => added.title));
    const sources = storedSources(db);
    // The standalone note and attachment are no sources.
    expect(sources).toHaveLength(5);
    const [report, statement, communique, article] = sources;
    expect(report!.fullText).toBe(indexedReportText);
    // An attachment Zotero has not indexed leaves the abstract, else the title, as the text.
    expect(communique!.fullText).toBe(communique!.title);
    expect(statement!.publisher).toBe('U.S. Department of State');
    expect(article).toMatchObject({ publisher: 'La Jornada', language: 'es' });
    const authors = (JSON.parse(report!.csl!) as { author: { family: string }[] }).author;
    expect(authors.map((author) => author.family)).toEqual(['Seelke', 'Beittel']);

    const again = await call<CitationImport>(db, 'importFromZotero', {});
    expect(again.added).toEqual([]);
    expect(again.alreadyStored.map((stored) => stored.id)).toEqual(sources.map((source) => source.id));
    expect(storedSources(db)).toHaveLength(5);
  });

  it('imports one collection alone', async () => {
    const db = await connected();
    const result = await call<CitationImport>(db, 'importFromZotero', { collection: 'COLL0002' });
    expect(result.file).toBe('Zotero collection “US–Mexico 2025 / Tariffs”');
    expect(storedSources(db).map((source) => source.title)).toEqual([
      'The 90-Day Tariff Reprieve and the USMCA Joint Review',
    ]);
    const missing = await failure(db, 'importFromZotero', { collection: 'ZZZZ9999' });
    expect(missing).toMatchObject({
      code: 'not_found',
      message: 'Zotero has no collection with the key ZZZZ9999.',
    });
    const malformed = await failure(db, 'importFromZotero', { collection: 'tariffs' });
    expect(malformed.code).toBe('invalid_input');
  });

  it('reads a library a page at a time, and refuses one larger than it reads at once', async () => {
    const paged = await readZoteroLibrary(zotero.port, null, { ...defaultZoteroLimits, pageSize: 2 });
    expect(paged.entries).toHaveLength(5);
    expect(zotero.hits('/api/users/0/items/top')).toBe(3);
    await expect(
      readZoteroLibrary(zotero.port, null, { ...defaultZoteroLimits, pageSize: 2, maxItems: 3 }),
    ).rejects.toThrow(
      /holds more than 3 items, more than Pledgewatch reads at once: import it a collection at a time/,
    );
  });

  it('says Zotero is not running when nothing answers on its port', async () => {
    const { db } = temporaryDatabase();
    const port = await closedPort();
    await call(db, 'saveSettings', { zoteroConnector: true, zoteroPort: port });
    const error = await failure(db, 'importFromZotero', {});
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Zotero is not running on this computer: nothing answers at 127.0.0.1:${port}. Start Zotero (7 or later), or correct the port in the Zotero setting.`,
    );
  });

  it('says where to allow it when Zotero’s local API is off', async () => {
    const db = await connected();
    zotero.set('api-off');
    const error = await failure(db, 'listZoteroCollections', {});
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/Allow other applications on this computer to communicate with Zotero/);
  });

  it('refuses the whole library for one item with no title, naming it, and stores nothing', async () => {
    const db = await connected();
    zotero.set('untitled-item');
    const before = fingerprint(db);
    const error = await failure(db, 'importFromZotero', {});
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'Zotero library: entry 2 (Zotero item UNTITLED) has no title (title).',
    });
    expect(fingerprint(db)).toBe(before);
  });

  it('says so when another program answers on the port', async () => {
    const db = await connected();
    zotero.set('not-json');
    const error = await failure(db, 'importFromZotero', {});
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/does not answer as Zotero's local API does .*is the port Zotero's\?/);
  });

  it('gives up on an attachment’s text that never comes, within its deadline, storing nothing', async () => {
    const db = await connected();
    zotero.set('slow-attachment');
    const limits = { ...defaultZoteroLimits, fullText: { ...defaultZoteroLimits.fullText, timeoutMs: 300 } };
    await expect(readZoteroLibrary(zotero.port, null, limits)).rejects.toThrow(
      /Zotero could not be read: .*ATT00001\/fulltext: no complete answer within 0.3 seconds/,
    );
    expect(storedSources(db)).toEqual([]);
  });
});
