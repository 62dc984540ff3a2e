// Watched feeds and the reading inbox: the analyst's subscriptions, what each check brought in, and which
// sources wait to be read. A check's findings are stored in one transaction or not at all.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import type { SourceDraft } from '../electron/domain/model.ts';
import { addSource } from './sources.ts';
import { statement } from './statements.ts';

export interface Feed {
  id: number;
  url: string;
  title: string;
  everyMinutes: number;
  lastCheckedAt: string | null;
  lastError: string | null;
  addedAt: string;
  /** Its items still in the inbox, unread. */
  unread: number;
}

export interface FeedState extends Feed {
  etag: string | null;
  lastModified: string | null;
}

const feedColumns = `f.id, f.url, f.title, f.every_minutes AS everyMinutes, f.last_checked_at AS lastCheckedAt,
  f.last_error AS lastError, f.added_at AS addedAt, f.etag, f.last_modified AS lastModified,
  (SELECT count(*) FROM inbox_item i WHERE i.feed_id = f.id AND i.read_at IS NULL AND i.archived_at IS NULL) AS unread`;

export function listFeeds(db: Database): FeedState[] {
  return statement<[], FeedState>(db, `SELECT ${feedColumns} FROM feed f ORDER BY f.title, f.url`).all();
}

export function feedByUrl(db: Database, url: string): FeedState {
  const feed = statement<[string], FeedState>(db, `SELECT ${feedColumns} FROM feed f WHERE f.url = ?`).get(
    url,
  );
  if (!feed) throw new DomainError('not_found', `No feed is watched at ${url}.`, 'url');
  return feed;
}

/** Feeds never checked, or whose interval has gone by since the last check. */
export function dueFeeds(db: Database, now: Date): FeedState[] {
  const time = now.getTime();
  return listFeeds(db).filter(
    (feed) =>
      feed.lastCheckedAt === null || Date.parse(feed.lastCheckedAt) + feed.everyMinutes * 60_000 <= time,
  );
}

export function addFeed(db: Database, url: string, everyMinutes: number): { id: number; created: boolean } {
  return db.transaction(() => {
    const existing = statement<[string], { id: number }>(db, 'SELECT id FROM feed WHERE url = ?').get(url);
    if (existing) {
      statement(db, 'UPDATE feed SET every_minutes = ? WHERE id = ?').run(everyMinutes, existing.id);
      return { id: existing.id, created: false };
    }
    const id = statement(db, 'INSERT INTO feed (url, every_minutes) VALUES (?, ?)').run(url, everyMinutes);
    return { id: Number(id.lastInsertRowid), created: true };
  })();
}

/** The feed and what it remembers go; the sources it brought in stay, and so do their inbox entries. */
export function removeFeed(db: Database, url: string): { id: number } {
  return db.transaction(() => {
    const { id } = feedByUrl(db, url);
    statement(db, 'DELETE FROM feed WHERE id = ?').run(id);
    return { id };
  })();
}

export function knownItemKeys(db: Database, feedId: number): Set<string> {
  return new Set(
    statement<[number], { key: string }>(db, 'SELECT item_key AS key FROM feed_item WHERE feed_id = ?')
      .all(feedId)
      .map((row) => row.key),
  );
}

export interface CheckFindings {
  title: string;
  etag: string | null;
  lastModified: string | null;
  items: { key: string; draft: SourceDraft }[];
}

export interface StoredFindings {
  added: { sourceId: number; title: string }[];
  /** Items whose page is a source already stored (the same URL or nearly the same text). */
  duplicates: { title: string; sourceId: number }[];
}

/** What a successful check found, in one transaction: new sources into the inbox, the items remembered. */
export function storeFindings(
  db: Database,
  feedId: number,
  findings: CheckFindings,
  at: string,
): StoredFindings {
  return db.transaction(() => {
    const stored: StoredFindings = { added: [], duplicates: [] };
    for (const { key, draft } of findings.items) {
      const { id, duplicate } = addSource(db, draft, 'ask');
      const sourceId = id ?? duplicate!.id;
      if (id === null) stored.duplicates.push({ title: draft.title, sourceId });
      else {
        statement(db, 'INSERT INTO inbox_item (source_id, feed_id, arrived_at) VALUES (?, ?, ?)').run(
          id,
          feedId,
          at,
        );
        stored.added.push({ sourceId: id, title: draft.title });
      }
      statement(db, 'INSERT OR IGNORE INTO feed_item (feed_id, item_key, source_id) VALUES (?, ?, ?)').run(
        feedId,
        key,
        sourceId,
      );
    }
    statement(
      db,
      `UPDATE feed SET title = coalesce(nullif(?, ''), title), etag = ?, last_modified = ?,
         last_checked_at = ?, last_error = NULL WHERE id = ?`,
    ).run(findings.title, findings.etag, findings.lastModified, at, feedId);
    return stored;
  })();
}

/** A check that found the feed unchanged (304), or failed: only the feed's own state changes. */
export function noteCheck(db: Database, feedId: number, at: string, error: string | null): void {
  statement(db, 'UPDATE feed SET last_checked_at = ?, last_error = ? WHERE id = ?').run(at, error, feedId);
}

export interface InboxEntry {
  sourceId: number;
  title: string;
  url: string | null;
  publisher: string;
  publishedOn: string | null;
  language: string;
  feedTitle: string | null;
  arrivedAt: string;
  readAt: string | null;
}

/** The inbox, newest first (by publication day, then arrival); archived items are left out. */
export function inboxEntries(db: Database, limit: number, offset: number): InboxEntry[] {
  return statement<[number, number], InboxEntry>(
    db,
    `SELECT s.id AS sourceId, s.title, s.url, s.publisher, s.published_on AS publishedOn, s.language,
            nullif(coalesce(nullif(f.title, ''), f.url), '') AS feedTitle, i.arrived_at AS arrivedAt,
            i.read_at AS readAt
       FROM inbox_item i JOIN source s ON s.id = i.source_id LEFT JOIN feed f ON f.id = i.feed_id
      WHERE i.archived_at IS NULL
      ORDER BY coalesce(s.published_on, substr(i.arrived_at, 1, 10)) DESC, i.arrived_at DESC, s.id DESC
      LIMIT ? OFFSET ?`,
  ).all(limit, offset);
}

export function inboxCounts(db: Database): { unread: number; waiting: number } {
  return statement<[], { unread: number; waiting: number }>(
    db,
    `SELECT count(*) FILTER (WHERE read_at IS NULL) AS unread, count(*) AS waiting
       FROM inbox_item WHERE archived_at IS NULL`,
  ).get()!;
}

/** Marks an inbox item read or unread, archived or back in the inbox. */
export function markInboxItem(
  db: Database,
  sourceId: number,
  changes: { read?: boolean | undefined; archived?: boolean | undefined },
  at: string,
): void {
  db.transaction(() => {
    const found = statement<[number], { sourceId: number }>(
      db,
      'SELECT source_id AS sourceId FROM inbox_item WHERE source_id = ?',
    ).get(sourceId);
    if (!found) throw new DomainError('not_found', `Source ${sourceId} is not in the inbox.`, 'sourceId');
    if (changes.read !== undefined) {
      statement(db, 'UPDATE inbox_item SET read_at = ? WHERE source_id = ?').run(
        changes.read ? at : null,
        sourceId,
      );
    }
    if (changes.archived !== undefined) {
      statement(
        db,
        'UPDATE inbox_item SET archived_at = ?, read_at = coalesce(read_at, ?) WHERE source_id = ?',
      ).run(changes.archived ? at : null, at, sourceId);
    }
  })();
}
