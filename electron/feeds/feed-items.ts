// A feed's body (RSS 2.0, Atom, RDF or JSON Feed, told apart by feedsmith) as the few things Pledgewatch
// reads from it: the feed's title and, per item, a key to know it again, its title, link and day.
import { parseFeed } from 'feedsmith';

export interface FeedItem {
  /** The guid or id, else the link: what tells an item already taken in from a new one. */
  key: string;
  title: string;
  url: string;
  /** YYYY-MM-DD, when the feed gives a date it can read. */
  publishedOn: string | null;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

export class NotAFeedError extends Error {
  override name = 'NotAFeedError';
}

type Text = string | { value?: string } | undefined;

const textOf = (text: Text): string => (typeof text === 'string' ? text : (text?.value ?? '')).trim();

function dayOf(raw: string | undefined): string | null {
  if (!raw) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function item(key: string | undefined, title: Text, url: string | undefined, date?: string): FeedItem | null {
  if (!url) return null;
  return { key: (key ?? '').trim() || url, title: textOf(title) || url, url, publishedOn: dayOf(date) };
}

export function parseFeedItems(body: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed<string>>;
  try {
    parsed = parseFeed<string>(body);
  } catch (error) {
    throw new NotAFeedError((error as Error).message);
  }
  const { format, feed } = parsed;
  let items: (FeedItem | null)[];
  switch (format) {
    case 'rss':
    case 'rdf':
      items = (feed.items ?? []).map((entry) =>
        item(
          'guid' in entry ? entry.guid?.value : undefined,
          entry.title,
          entry.link,
          ('pubDate' in entry ? entry.pubDate : undefined) ?? entry.dc?.dates?.[0],
        ),
      );
      break;
    case 'atom':
      items = (feed.entries ?? []).map((entry) => {
        const link = entry.links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate');
        return item(entry.id, entry.title, link?.href, entry.published ?? entry.updated);
      });
      break;
    case 'json':
      items = (feed.items ?? []).map((entry) =>
        item(entry.id, entry.title, entry.url ?? entry.external_url, entry.date_published),
      );
      break;
  }
  return { title: textOf(feed.title), items: items.filter((entry): entry is FeedItem => entry !== null) };
}
