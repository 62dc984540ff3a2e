// A small stand-in for a running Zotero's local API, on 127.0.0.1 only, for the tests (Zotero itself
// cannot run here): the five items of fixtures/zotero.json as Zotero's API JSON with their CSL JSON,
// a standalone note and a standalone attachment beside them, two collections (one inside the other),
// an indexed PDF attachment and an HTML one Zotero has not indexed. It pages with start and limit,
// leaves out the item types a request negates (itemType=-note), and can be put in the states a real
// Zotero can be in: its local API off (403), an item with no title, an answer that is not JSON, an
// attachment's text that never comes. It closes itself after a set number of requests or a set time.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { CslItem } from '../../domain/model.ts';
import { startLoopbackServer } from '../../feeds/testing/loopback-server.ts';

export type ZoteroState = 'running' | 'api-off' | 'untitled-item' | 'not-json' | 'slow-attachment';

export interface ZoteroServer {
  port: number;
  set(state: ZoteroState): void;
  /** How many requests were for a path starting with this one. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** The text Zotero indexed from the CRS report's PDF: what the import should keep as the source's text. */
export const indexedReportText =
  'Congressional Research Service. The security implementation group will meet every quarter, alternating between Washington and Mexico City, and report on firearms seizures at the border.';

const cslFixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'zotero.json'), 'utf8'),
) as CslItem[];

const zoteroTypes: Record<string, string> = {
  report: 'report',
  webpage: 'webpage',
  'article-newspaper': 'newspaperArticle',
};

interface LibraryItem {
  key: string;
  itemType: string;
  collections: string[];
  csl: CslItem | null;
  attachment: { key: string; contentType: string } | null;
}

function library(): LibraryItem[] {
  const regular = cslFixture.map((item): LibraryItem => {
    const key = String(item.id).split('/').at(-1)!;
    return {
      key,
      itemType: zoteroTypes[item.type] ?? 'document',
      collections: key === 'M9CE4TGB' ? ['COLL0002'] : ['COLL0001'],
      csl: item,
      attachment:
        key === '7XK2M3QP'
          ? { key: 'ATT00001', contentType: 'application/pdf' }
          : key === 'B8ZT6RWE'
            ? { key: 'ATT00002', contentType: 'text/html' }
            : null,
    };
  });
  return [
    ...regular,
    { key: 'NOTE0001', itemType: 'note', collections: ['COLL0001'], csl: null, attachment: null },
    { key: 'ATT00003', itemType: 'attachment', collections: [], csl: null, attachment: null },
  ];
}

const collections = [
  { key: 'COLL0002', name: 'Tariffs', parent: 'COLL0001', items: 1 },
  { key: 'COLL0001', name: 'US–Mexico 2025', parent: false, items: 5 },
];

export async function startZoteroServer(limits = { requests: 200, seconds: 60 }): Promise<ZoteroServer> {
  let state: ZoteroState = 'running';
  let served = 0;
  const requested: string[] = [];
  let port = 0;

  function apiJson(item: LibraryItem, csl: CslItem | null): Record<string, unknown> {
    const self = `http://localhost:${port}/api/users/0/items/${item.key}`;
    return {
      key: item.key,
      version: 3,
      links: {
        self: { href: self, type: 'application/json' },
        ...(item.attachment
          ? {
              attachment: {
                href: `http://localhost:${port}/api/users/0/items/${item.attachment.key}`,
                type: 'application/json',
                attachmentType: item.attachment.contentType,
              },
            }
          : {}),
      },
      meta: { numChildren: item.attachment ? 1 : 0 },
      data: { key: item.key, itemType: item.itemType, title: csl?.title ?? '' },
      // As Zotero includes it: its CSL JSON export of the one item, as text.
      csljson: JSON.stringify(csl ? [csl] : [{ id: item.key, type: 'document' }], null, '\t'),
    };
  }

  function items(url: URL, collection: string | null): Record<string, unknown>[] {
    const negated = url.searchParams
      .getAll('itemType')
      .filter((type) => type.startsWith('-'))
      .map((type) => type.slice(1));
    const chosen = library().filter(
      (item) =>
        !negated.includes(item.itemType) && (collection === null || item.collections.includes(collection)),
    );
    if (state === 'untitled-item') {
      const untitled = { ...chosen[1]!, key: 'UNTITLED', csl: { ...chosen[1]!.csl!, title: '' } };
      chosen.splice(1, 0, untitled);
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? chosen.length);
    return chosen.slice(start, start + limit).map((item) => apiJson(item, item.csl));
  }

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    requested.push(path);
    served += 1;
    const send = (status: number, type: string, body: string): void => {
      response.writeHead(status, { 'Content-Type': type, 'Zotero-API-Version': '3' }).end(body);
    };
    if (served > limits.requests) return send(503, 'text/plain', 'This test server is done.');
    if (request.method !== 'GET') return send(400, 'text/plain', 'Only GET is accepted');
    if (state === 'api-off') return send(403, 'text/plain', 'Local API is not enabled');
    if (state === 'not-json') return send(200, 'text/html', '<html><body>Some other program</body></html>');
    const json = (value: unknown) => send(200, 'application/json', JSON.stringify(value, null, 4));
    if (path === '/api/users/0/collections') {
      return json(
        collections.map((collection) => ({
          key: collection.key,
          version: 2,
          meta: { numCollections: 0, numItems: collection.items },
          data: { key: collection.key, name: collection.name, parentCollection: collection.parent },
        })),
      );
    }
    if (path === '/api/users/0/items/top') return json(items(url, null));
    const inCollection = /^\/api\/users\/0\/collections\/([A-Z0-9]{8})\/items\/top$/.exec(path);
    if (inCollection) {
      if (!collections.some((collection) => collection.key === inCollection[1]))
        return send(404, 'text/plain', 'Not found');
      return json(items(url, inCollection[1]!));
    }
    if (path === '/api/users/0/items/ATT00001/fulltext') {
      if (state === 'slow-attachment') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"content": "');
        server.hold(response);
        return;
      }
      return json({ content: indexedReportText, indexedPages: 2, totalPages: 2 });
    }
    send(404, 'text/plain', 'Not found');
  }

  const server = await startLoopbackServer(answer, limits.seconds);
  port = server.port;
  return {
    port,
    set: (next) => (state = next),
    hits: (prefix) => requested.filter((path) => path.startsWith(prefix)).length,
    close: server.close,
  };
}
