// Migration 011: watched feeds and the inbox are added to a database holding sources, which stay whole.
import { describe, expect, it } from 'vitest';
import { addFeed, inboxCounts, listFeeds } from './feeds.ts';
import { openDatabase } from './open.ts';
import { addSource, getSource } from './sources.ts';
import { databaseBefore } from './testing.ts';

describe('migration 011: watched feeds and the inbox', () => {
  it('adds empty feeds and an empty inbox beside the sources already stored', () => {
    const { db: version10, file } = databaseBefore(11);
    const draft = {
      title: 'Joint communiqué',
      publisher: 'Governments',
      url: 'https://press.example/communique',
      publishedOn: '2025-09-03',
      language: 'en',
      fullText: 'The two governments will set up a high-level group that meets regularly.',
    };
    const { id } = addSource(version10, draft, 'ask');
    version10.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(11);
    expect(getSource(db, id!)).toMatchObject({ ...draft, textIntact: true });
    expect(listFeeds(db)).toEqual([]);
    expect(inboxCounts(db)).toEqual({ unread: 0, waiting: 0 });
    addFeed(db, 'https://press.example/feed.xml', 60);
    expect(() => addFeed(db, 'https://press.example/other.xml', 1)).toThrow(/CHECK constraint/);
    expect(listFeeds(db).map((feed) => feed.everyMinutes)).toEqual([60]);
    db.close();
  });
});
