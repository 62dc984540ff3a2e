// Reading a running Zotero's library through its local API (Zotero 7 and later, at
// http://127.0.0.1:23119/api/ once "Allow other applications on this computer to communicate with
// Zotero" is ticked in its Advanced settings). Only GET requests, only to this machine, each within a
// deadline and a size cap. The items come as CSL JSON, as Zotero exports them, with their Zotero data
// alongside; an item's best attachment gives its text when Zotero has indexed that attachment.
import { fetchLimited, FetchError, type FetchLimits } from '../feeds/fetch-limited.ts';
import { checkedItem, type CitationEntry } from './citation-files.ts';
import { ZoteroError } from './zotero-error.ts';

export interface ZoteroCollection {
  key: string;
  /** With its parents', "Security / Firearms", so that two collections of one name are told apart. */
  name: string;
  /** The items directly in it, as Zotero counts them (notes and attachments included). */
  items: number;
}

export interface ZoteroLibrary {
  /** What the items are, for messages and the import's result: "Zotero library" or the collection's. */
  label: string;
  entries: CitationEntry[];
  /** Each indexed attachment's text, under the name the entries give it (`zotero:KEY`). */
  attachments: Map<string, string>;
}

export interface ZoteroLimits {
  /** For one page of items (their data and CSL JSON together). */
  page: FetchLimits;
  /** For one attachment's indexed text. */
  fullText: FetchLimits;
  /** Items asked for a page at a time. */
  pageSize: number;
  /** The most items read at once; a library larger than this is read by collection. */
  maxItems: number;
}

export const defaultZoteroLimits: ZoteroLimits = {
  page: { timeoutMs: 60_000, maxBytes: 64 * 1024 * 1024, maxRedirects: 0 },
  fullText: { timeoutMs: 20_000, maxBytes: 16 * 1024 * 1024, maxRedirects: 0 },
  pageSize: 500,
  maxItems: 20_000,
};

/** Zotero's item and collection keys: eight letters and digits. */
const keyPattern = /^[A-Z0-9]{8}$/;

interface ZoteroObject {
  key?: unknown;
  data?: { itemType?: unknown; name?: unknown; parentCollection?: unknown };
  meta?: { numItems?: unknown };
  links?: { attachment?: { href?: unknown; attachmentType?: unknown } };
  csljson?: unknown;
}

/** What Zotero answers at a path of the logged-in user's library, read as JSON. */
async function getJson(port: number, path: string, limits: FetchLimits): Promise<unknown> {
  const address = `http://127.0.0.1:${port}/api/users/0/${path}`;
  let body: string;
  try {
    const fetched = await fetchLimited(address, { accept: 'application/json', limits });
    // No validators are sent, so the answer is always a body.
    body = fetched.changed ? fetched.body : '';
  } catch (error) {
    if (error instanceof FetchError) throw failureOf(error, port);
    throw error;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ZoteroError(
      'conflict',
      `What answers at 127.0.0.1:${port} does not answer as Zotero's local API does (${path} is not JSON): is the port Zotero's?`,
    );
  }
}

function failureOf(error: FetchError, port: number): ZoteroError {
  if (error.status === 403) {
    return new ZoteroError(
      'forbidden',
      'Zotero is running but lets no other program read its library: in Zotero, tick Settings → Advanced → “Allow other applications on this computer to communicate with Zotero”.',
    );
  }
  if (error.status === 501) {
    return new ZoteroError(
      'conflict',
      'This Zotero speaks another version of its local API than the one Pledgewatch reads (version 3).',
    );
  }
  if (error.status === 404) return new ZoteroError('not_found', error.message);
  if (error.status === null && /could not be reached/.test(error.message)) {
    return new ZoteroError(
      'unavailable',
      `Zotero is not running on this computer: nothing answers at 127.0.0.1:${port}. Start Zotero (7 or later), or correct the port in the Zotero setting.`,
    );
  }
  return new ZoteroError('unavailable', `Zotero could not be read: ${error.message}`);
}

function isObject(value: unknown): value is ZoteroObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown, path: string, port: number): ZoteroObject[] {
  if (Array.isArray(value) && value.every(isObject)) return value;
  throw new ZoteroError(
    'conflict',
    `What answers at 127.0.0.1:${port} does not answer as Zotero's local API does (${path} is not a list): is the port Zotero's?`,
  );
}

/** The library's collections, each named with its parents', in alphabetical order. */
export async function listZoteroCollections(
  port: number,
  limits: ZoteroLimits = defaultZoteroLimits,
): Promise<ZoteroCollection[]> {
  const found = listOf(await getJson(port, 'collections', limits.page), 'collections', port);
  const byKey = new Map(found.map((collection) => [String(collection.key), collection]));
  const pathOf = (collection: ZoteroObject, seen = new Set<string>()): string => {
    const name = typeof collection.data?.name === 'string' ? collection.data.name : String(collection.key);
    const parent = collection.data?.parentCollection;
    const above = typeof parent === 'string' ? byKey.get(parent) : undefined;
    // A loop of parents (a damaged library) ends the path rather than the app.
    if (!above || seen.has(String(collection.key))) return name;
    seen.add(String(collection.key));
    return `${pathOf(above, seen)} / ${name}`;
  };
  return found
    .filter((collection) => typeof collection.key === 'string')
    .map((collection) => ({
      key: String(collection.key),
      name: pathOf(collection),
      items: typeof collection.meta?.numItems === 'number' ? collection.meta.numItems : 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The CSL JSON Zotero includes with an item: its export of that one item, a list of one as text. */
function cslOf(value: unknown): unknown {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

/** The key of the item's best attachment when Zotero keeps its text (a PDF, a web page, a text). */
function attachmentKeyOf(item: ZoteroObject): string | null {
  const link = item.links?.attachment;
  if (typeof link?.href !== 'string') return null;
  const key = link.href.split('/').at(-1) ?? '';
  return keyPattern.test(key) ? key : null;
}

async function fullTextOf(port: number, key: string, limits: FetchLimits): Promise<string | null> {
  try {
    const answer = await getJson(port, `items/${key}/fulltext`, limits);
    const content = isObject(answer) ? (answer as { content?: unknown }).content : undefined;
    return typeof content === 'string' && content.trim() ? content : null;
  } catch (error) {
    // Zotero answers 404 for an attachment it has not indexed: the item keeps its abstract.
    if (error instanceof ZoteroError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * The regular items of the library, or of one collection (its key, as listZoteroCollections gives it),
 * as citation entries: notes, attachments and annotations standing alone are left out. Any item that
 * cannot be a source (one with no title) refuses the whole reading, naming the item.
 */
export async function readZoteroLibrary(
  port: number,
  collection: string | null = null,
  limits: ZoteroLimits = defaultZoteroLimits,
): Promise<ZoteroLibrary> {
  let label = 'Zotero library';
  let scope = 'items/top';
  if (collection !== null) {
    if (!keyPattern.test(collection)) {
      throw new ZoteroError(
        'not_found',
        `"${collection}" is not a Zotero collection key (eight letters and digits).`,
      );
    }
    const named = (await listZoteroCollections(port, limits)).find((found) => found.key === collection);
    if (!named) throw new ZoteroError('not_found', `Zotero has no collection with the key ${collection}.`);
    label = `Zotero collection “${named.name}”`;
    scope = `collections/${collection}/items/top`;
  }
  const items: ZoteroObject[] = [];
  for (let start = 0; ; start += limits.pageSize) {
    const query = new URLSearchParams([
      ['v', '3'],
      ['format', 'json'],
      ['include', 'data,csljson'],
      ['itemType', '-attachment'],
      ['itemType', '-note'],
      ['itemType', '-annotation'],
      ['sort', 'dateAdded'],
      ['direction', 'asc'],
      ['start', String(start)],
      ['limit', String(limits.pageSize)],
    ]);
    const path = `${scope}?${query.toString()}`;
    const page = listOf(await getJson(port, path, limits.page), scope, port);
    items.push(...page);
    if (items.length > limits.maxItems) {
      throw new ZoteroError(
        'conflict',
        `The ${label} holds more than ${limits.maxItems} items, more than Pledgewatch reads at once: import it a collection at a time.`,
      );
    }
    if (page.length < limits.pageSize) break;
  }
  const attachments = new Map<string, string>();
  const entries: CitationEntry[] = [];
  for (const [index, item] of items.entries()) {
    const where = `(Zotero item ${String(item.key)})`;
    let csl: unknown;
    try {
      csl = cslOf(item.csljson);
    } catch {
      throw new ZoteroError(
        'conflict',
        `${label}: entry ${index + 1} ${where} has CSL JSON that cannot be read.`,
      );
    }
    const entry: CitationEntry = { item: checkedItem(label, index, where, csl), line: 0, attachments: [] };
    const attachment = attachmentKeyOf(item);
    const text = attachment ? await fullTextOf(port, attachment, limits.fullText) : null;
    if (attachment && text) {
      attachments.set(`zotero:${attachment}`, text);
      entry.attachments.push(`zotero:${attachment}`);
    }
    entries.push(entry);
  }
  return { label, entries, attachments };
}
