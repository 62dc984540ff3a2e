// The inbox over the API, on the sample dossier: a checked feed's item arrives with its candidates and
// the commitments they concern; accepting a suggested status goes through attachEvidence; the schedule
// runs on a clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { callOperation, callOperationAsync } from '../api/dispatch.ts';
import type { ApiResult, OutputOf } from '../api/contract.ts';
import type { OperationName } from '../api/operation-names.ts';
import { getCommitment } from '../../db/commitments.ts';
import { temporaryDatabase } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { FeedScheduler } from './scheduler.ts';
import { statusCueOf } from './status-cues.ts';
import { startFeedServer, type FeedServer } from './testing/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ requests: 100, seconds: 120 });
});
afterAll(() => server.close());

async function call<Name extends OperationName>(db: Database, name: Name, input: unknown) {
  const result = (await callOperationAsync(db, name, input)) as ApiResult<OutputOf<Name>>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the inbox', () => {
  it('shows a new item with its candidates and suggestions, and one click records the status with its quote', async () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    await call(db, 'addFeed', { url: `${server.origin}/en/feed.xml` });
    await call(db, 'checkFeeds', {});
    const inbox = await call(db, 'listInbox', {});
    expect(inbox).toMatchObject({ unread: 1, waiting: 1 });
    const [item] = inbox.items;
    expect(item).toMatchObject({ title: 'Border inspections begin under Mission Firewall', readAt: null });
    expect(item!.candidates.length).toBeGreaterThan(0);
    const confidences = item!.candidates.map((candidate) => candidate.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    const suggestion = item!.suggestions[0]!;
    expect(suggestion).toMatchObject({
      commitmentTitle: 'Curb the smuggling of US-bought firearms into Mexico',
      status: 'in progress',
    });

    const commitmentBefore = getCommitment(db, suggestion.commitmentId);
    await call(db, 'attachEvidence', {
      quote: { sourceId: item!.sourceId, start: suggestion.start, end: suggestion.end },
      commitmentId: suggestion.commitmentId,
      update: { statusId: suggestion.statusId, effectiveOn: item!.publishedOn },
    });
    const commitment = getCommitment(db, suggestion.commitmentId);
    expect(commitment.history.length).toBe(commitmentBefore.history.length + 1);
    expect(commitment.history[0]).toMatchObject({
      status: { name: 'in progress' },
      effectiveOn: '2025-10-14',
      evidence: { text: expect.stringContaining('launched joint inspections') },
    });
    // The sentence is used now: the inbox no longer offers it.
    const after = await call(db, 'listInbox', {});
    expect(after.items[0]!.candidates.map((candidate) => candidate.start)).not.toContain(suggestion.start);
  });

  it('marks items read and archives them; the counts follow', async () => {
    const { db } = temporaryDatabase();
    await call(db, 'addFeed', { url: `${server.origin}/es/atom.xml` });
    await call(db, 'checkFeeds', {});
    const { items } = await call(db, 'listInbox', {});
    const sourceId = items[0]!.sourceId;
    expect(callOperation(db, 'markInboxItem', { sourceId, read: true })).toMatchObject({ ok: true });
    expect(await call(db, 'countInbox', {})).toEqual({ unread: 0, waiting: 1 });
    await call(db, 'markInboxItem', { sourceId, archived: true });
    expect(await call(db, 'countInbox', {})).toEqual({ unread: 0, waiting: 0 });
    expect((await call(db, 'listInbox', {})).items).toEqual([]);
    expect(callOperation(db, 'markInboxItem', { sourceId: 999, read: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The source itself stays a source.
    expect(await call(db, 'listSources', {})).toMatchObject({ total: 1 });
  });

  it('refuses a feed that is not http(s), and one it does not watch, with the field named', () => {
    const { db } = temporaryDatabase();
    expect(callOperation(db, 'addFeed', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'url', message: 'must be an http(s) address' }] },
    });
    expect(callOperation(db, 'removeFeed', { url: 'https://press.example/feed' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No feed is watched at https://press.example/feed.' },
    });
  });
});

describe('the schedule', () => {
  it('checks a feed when it is due and not before, by the clock it is given', async () => {
    const { db } = temporaryDatabase();
    await call(db, 'addFeed', { url: `${server.origin}/json/feed.json`, everyMinutes: 60 });
    let now = new Date('2025-10-21T09:00:00Z');
    const scheduler = new FeedScheduler(db, { now: () => now });
    const hits = () => server.hits('/json/feed.json');
    const start = hits();
    expect((await scheduler.runDue()).map((check) => check.outcome)).toEqual(['new items']);
    now = new Date('2025-10-21T09:59:00Z');
    expect(await scheduler.runDue()).toEqual([]);
    expect(hits()).toBe(start + 1);
    now = new Date('2025-10-21T10:00:00Z');
    expect((await scheduler.runDue()).map((check) => check.outcome)).toEqual(['no new items']);
    expect(hits()).toBe(start + 2);
    await scheduler.stop();
  });
});

describe('status cues', () => {
  it('suggests what a sentence plainly says happened, in English and Spanish, and never "broken"', () => {
    expect(statusCueOf('The United States launched joint inspections this week.')).toBe('in progress');
    expect(statusCueOf('Ambos países iniciaron la revisión conjunta del tratado.')).toBe('in progress');
    expect(statusCueOf('The talks were suspended after the election.')).toBe('stalled');
    expect(statusCueOf('México cumplió el compromiso de extender el rastreo.')).toBe('fulfilled');
    expect(statusCueOf('Washington withdrew the tariff threat.')).toBe('withdrawn');
    expect(statusCueOf('The government broke its promise to open the border.')).toBeNull();
    expect(statusCueOf('The two countries will cooperate against trafficking.')).toBeNull();
  });
});
