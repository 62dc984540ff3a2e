// Checking feeds against a real HTTP server on 127.0.0.1 and a real SQLite file: what a check stores,
// what a conditional request saves, and that every way a feed goes wrong stores nothing and says why.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, listFeeds } from '../../db/feeds.ts';
import { getSource } from '../../db/sources.ts';
import { temporaryDatabase } from '../../db/testing.ts';
import { checkFeeds } from './check.ts';
import { startFeedServer, type FeedServer } from './testing/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ requests: 300, seconds: 120 });
});
afterAll(() => server.close());

const limits = { timeoutMs: 1_500, maxBytes: 200_000, maxRedirects: 3 };

const stored = (db: Database) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM inbox_item) AS inbox,
              (SELECT count(*) FROM feed_item) AS items, (SELECT count(*) FROM excerpt) AS excerpts`,
    )
    .get() as { sources: number; inbox: number; items: number; excerpts: number };

function watching(...paths: string[]): Database {
  const { db } = temporaryDatabase();
  for (const path of paths) addFeed(db, server.origin + path, 60);
  return db;
}

describe('checking a feed', () => {
  it('turns each new item of an RSS and an Atom feed into a source in the inbox, the article without its page furniture', async () => {
    const db = watching('/en/feed.xml', '/es/atom.xml');
    const checks = await checkFeeds(db, undefined, { limits });
    expect(checks.map((check) => [check.outcome, check.added.length, check.error])).toEqual([
      ['new items', 1, null],
      ['new items', 1, null],
    ]);
    const english = getSource(db, checks[0]!.added[0]!.sourceId);
    expect(english).toMatchObject({
      title: 'Border inspections begin under Mission Firewall',
      publisher: 'US Department of State',
      url: `${server.origin}/pages/en-firearms.html`,
      publishedOn: '2025-10-14',
      language: 'en',
    });
    expect(english.fullText).toContain('launched joint inspections of southbound traffic');
    expect(english.fullText).not.toMatch(/cookies|Travel advisories|Subscribe to our newsletter|Related/);
    const spanish = getSource(db, checks[1]!.added[0]!.sourceId);
    expect(spanish).toMatchObject({
      title: 'México y Estados Unidos acuerdan revisar los aranceles',
      publisher: 'Secretaría de Economía',
      publishedOn: '2025-10-20',
      language: 'es',
    });
    expect(spanish.fullText).toContain('prorrogar por otros 90 días');
    expect(spanish.fullText).not.toMatch(/cookies|Trámites|Síguenos/);
    expect(listFeeds(db).map((feed) => [feed.title, feed.lastError, feed.unread])).toEqual([
      ['Secretaría de Economía: comunicados', null, 1],
      ['State Department press releases', null, 1],
    ]);
  });

  it('asks again with the ETag: a 304 is "not changed" and stores nothing; a changed feed brings only its new item', async () => {
    const { db } = temporaryDatabase();
    // The server's English feed changes once (publishMore) and stays changed: the tests after this one see it so.
    addFeed(db, `${server.origin}/en/feed.xml`, 60);
    await checkFeeds(db, undefined, { limits });
    const before = stored(db);
    const pages = server.hits('/pages/en-firearms.html');
    const [unchanged] = await checkFeeds(db, undefined, { limits });
    expect(unchanged).toMatchObject({ outcome: 'not changed', added: [], error: null });
    expect(stored(db)).toEqual(before);
    expect(server.hits('/pages/en-firearms.html')).toBe(pages);
    expect(listFeeds(db)[0]!.lastCheckedAt).not.toBeNull();

    server.publishMore();
    const [changed] = await checkFeeds(db, undefined, { limits });
    expect(changed!.added.map((added) => added.title)).toEqual(['Security group sets its next meeting']);
    expect(stored(db)).toMatchObject({ sources: before.sources + 1, inbox: before.inbox + 1 });
  });

  it('reads a JSON Feed, follows a redirect, and catches an item already stored as a duplicate', async () => {
    const db = watching('/moved.xml');
    const [first] = await checkFeeds(db, undefined, { limits });
    expect(first!.error).toBeNull();
    addFeed(db, `${server.origin}/json/feed.json`, 60);
    const checks = await checkFeeds(db, `${server.origin}/json/feed.json`, { limits });
    expect(checks).toHaveLength(1);
    // After publishMore the RSS feed carries the same page as the JSON Feed's one item.
    expect(checks[0]!.duplicates.map((duplicate) => duplicate.title)).toEqual([
      'Security group sets its next meeting',
    ]);
    expect(checks[0]!.added).toEqual([]);
    expect(stored(db).sources).toBe(2);
  });

  const failures: [string, string, RegExp][] = [
    ['one that never finishes answering', '/slow.xml', /no complete answer within 1.5 seconds/],
    [
      'one that is not a feed',
      '/not-a-feed',
      /is not an RSS, Atom or JSON feed \(the server sent text\/html\)/,
    ],
    ['one far too large', '/huge.xml', /more than the 200000 bytes allowed/],
    ['a redirect loop', '/loop/a', /redirected more than 3 times \(a redirect loop\?\)/],
    [
      'a redirect to a file',
      '/to-file',
      /redirected to file:\/\/\/etc\/passwd, which is not an http\(s\) address/,
    ],
    ['one that is not there', '/gone.xml', /the server answered 404 Not Found/],
    ['one whose second page is missing', '/half-broken.xml', /pages\/missing\.html: the server answered 404/],
  ];

  for (const [name, path, reason] of failures) {
    it(`stores nothing from ${name}, and says which feed and what went wrong`, async () => {
      const db = watching(path);
      const before = stored(db);
      const [check] = await checkFeeds(db, undefined, { limits });
      expect(check!.outcome).toBe('failed');
      expect(check!.error).toContain(`${server.origin}${path}`);
      expect(check!.error).toMatch(reason);
      expect(stored(db)).toEqual(before);
      expect(listFeeds(db)[0]).toMatchObject({ lastError: check!.error, title: '' });
    });
  }
});
