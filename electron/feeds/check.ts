// Checking a feed: fetch it (conditionally), read its items, fetch each new item's page and take the
// article out of it, and only then store everything at once. Any failure stores nothing but the feed's
// last error, so the next check tries the same items again.
import type { Database } from 'better-sqlite3';
import {
  dueFeeds,
  knownItemKeys,
  listFeeds,
  noteCheck,
  storeFindings,
  type FeedState,
} from '../../db/feeds.ts';
import { DomainError } from '../../db/errors.ts';
import type { SourceDraft } from '../domain/model.ts';
import { articleOf } from './article.ts';
import { parseFeedItems, type FeedItem } from './feed-items.ts';
import { defaultFetchLimits, fetchLimited, type FetchLimits } from './fetch-limited.ts';

export interface CheckOptions {
  limits?: FetchLimits;
  now?: () => Date;
  /** The newest items taken in by one check: a feed first watched does not flood the inbox. */
  maxItems?: number;
}

export interface FeedCheck {
  url: string;
  outcome: 'new items' | 'not changed' | 'no new items' | 'failed';
  added: { sourceId: number; title: string }[];
  duplicates: { sourceId: number; title: string }[];
  /** For a failure: what went wrong, naming the address. */
  error: string | null;
}

const feedTypes =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
const pageTypes = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

async function findings(db: Database, feed: FeedState, options: CheckOptions) {
  const limits = options.limits ?? defaultFetchLimits;
  const fetched = await fetchLimited(feed.url, {
    limits,
    accept: feedTypes,
    validators: { etag: feed.etag, lastModified: feed.lastModified },
  });
  if (!fetched.changed) return null;
  let parsed;
  try {
    parsed = parseFeedItems(fetched.body);
  } catch {
    const type = fetched.contentType.split(';')[0] || 'no type given';
    throw new Error(`${feed.url}: is not an RSS, Atom or JSON feed (the server sent ${type}).`);
  }
  const known = knownItemKeys(db, feed.id);
  const fresh = parsed.items.filter((item) => !known.has(item.key)).slice(0, options.maxItems ?? 20);
  const items: { key: string; draft: SourceDraft }[] = [];
  for (const item of fresh) items.push({ key: item.key, draft: await pageOf(item, parsed.title, limits) });
  return {
    title: parsed.title,
    etag: fetched.validators.etag,
    lastModified: fetched.validators.lastModified,
    items,
  };
}

async function pageOf(item: FeedItem, feedTitle: string, limits: FetchLimits): Promise<SourceDraft> {
  const page = await fetchLimited(item.url, { limits, accept: pageTypes });
  if (!page.changed)
    throw new Error(`${item.url}: answered 304 to a request that asked for nothing conditional.`);
  const draft = articleOf(page.body, { url: item.url, item, feedTitle });
  return { ...draft, title: draft.title.slice(0, 300), publisher: draft.publisher.slice(0, 200) };
}

export async function checkFeed(
  db: Database,
  feed: FeedState,
  options: CheckOptions = {},
): Promise<FeedCheck> {
  const now = options.now ?? (() => new Date());
  const result: FeedCheck = { url: feed.url, outcome: 'failed', added: [], duplicates: [], error: null };
  try {
    const found = await findings(db, feed, options);
    const at = now().toISOString();
    if (!db.open) return { ...result, error: `${feed.url}: the database closed during the check.` };
    if (found === null) {
      noteCheck(db, feed.id, at, null);
      return { ...result, outcome: 'not changed' };
    }
    const stored = storeFindings(db, feed.id, found, at);
    return { ...result, ...stored, outcome: stored.added.length > 0 ? 'new items' : 'no new items' };
  } catch (error) {
    const message = (error as Error).message.startsWith(feed.url)
      ? (error as Error).message
      : `${feed.url}: ${(error as Error).message}`;
    if (db.open) noteCheck(db, feed.id, now().toISOString(), message);
    return { ...result, error: message };
  }
}

/** Checks every watched feed (or the one at `url`) now, one after another. */
export async function checkFeeds(
  db: Database,
  url?: string,
  options: CheckOptions = {},
): Promise<FeedCheck[]> {
  const feeds = listFeeds(db).filter((feed) => url === undefined || feed.url === url);
  if (url !== undefined && feeds.length === 0) {
    throw new DomainError('not_found', `No feed is watched at ${url}.`, 'url');
  }
  const checks: FeedCheck[] = [];
  for (const feed of feeds) checks.push(await checkFeed(db, feed, options));
  return checks;
}

/** The feeds whose time has come, checked one after another. */
export async function checkDueFeeds(db: Database, options: CheckOptions = {}): Promise<FeedCheck[]> {
  const now = options.now ?? (() => new Date());
  const checks: FeedCheck[] = [];
  for (const feed of dueFeeds(db, now())) checks.push(await checkFeed(db, feed, options));
  return checks;
}
