// The sample dossier against a real SQLite file: what it holds, that it loads once, and all or nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getCommitment } from '../../db/commitments.ts';
import { openDatabase } from '../../db/open.ts';
import { fingerprint } from '../../db/testing.ts';
import { loadDossier, loadSample } from './sample.ts';
import { usMexico2025 } from './sample-us-mexico-2025.ts';

function freshDatabase(): Database {
  return openDatabase(join(mkdtempSync(join(tmpdir(), 'pw-')), 't.sqlite'));
}

function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

const tables = [
  'dossier',
  'party',
  'topic',
  'source',
  'excerpt',
  'commitment',
  'commitment_party',
  'commitment_topic',
  'commitment_excerpt',
  'status_update',
];

function counts(db: Database): Record<string, number> {
  return Object.fromEntries(tables.map((table) => [table, count(db, table)]));
}

function commitmentTitled(db: Database, pattern: RegExp) {
  const titles = db.prepare('SELECT id, title FROM commitment').all() as { id: number; title: string }[];
  const matches = titles.filter((row) => pattern.test(row.title));
  expect(matches, `one title matching ${pattern}`).toHaveLength(1);
  return getCommitment(db, matches[0]!.id);
}

describe('the US–Mexico 2025 sample', () => {
  it('creates the dossier with its nine commitments', () => {
    const db = freshDatabase();
    const { dossierId, created } = loadSample(db);
    expect(created).toBe(true);
    const titles = db
      .prepare('SELECT title FROM commitment WHERE dossier_id = ? ORDER BY id')
      .pluck()
      .all(dossierId) as string[];
    expect(titles).toHaveLength(9);
    for (const words of [
      /implementation group/i,
      /fentanyl and other synthetic drugs/i,
      /firearms/i,
      /migration/i,
      /border security/i,
      /reprieve/i,
      /25%/,
      /USMCA/,
      /Security Ministerial/i,
    ]) {
      expect(
        titles.filter((title) => words.test(title)),
        String(words),
      ).toHaveLength(1);
    }
  });

  it('puts the security pledges and the ministerial under the implementation group', () => {
    const db = freshDatabase();
    loadSample(db);
    const group = commitmentTitled(db, /implementation group/i);
    expect(group.kind).toBe('agreement');
    expect(group.children.map((child) => child.title)).toEqual([
      expect.stringMatching(/fentanyl/i),
      expect.stringMatching(/firearms/i),
      expect.stringMatching(/migration/i),
      expect.stringMatching(/Ministerial/),
    ]);
    expect(group.evidence.map((evidence) => evidence.speaker)).toContain('Marco Rubio');
    expect(group.status?.name).toBe('in progress');
    expect(group.statusSince).toBe('2026-01-15');
  });

  it('computes the deadlines: the reprieve from its duration, the USMCA review from its date', () => {
    const db = freshDatabase();
    loadSample(db);
    const reprieve = commitmentTitled(db, /reprieve/i);
    expect(reprieve.deadline).toMatchObject({
      amount: 90,
      unit: 'days',
      from: '2025-07-31',
      dueOn: '2025-10-29',
    });
    expect(reprieve.madeBy.map((party) => party.name)).toEqual(['United States']);
    // Nothing after it was granted: the passed deadline must show with no update.
    expect(reprieve.history).toHaveLength(1);
    expect(commitmentTitled(db, /USMCA/).deadline.dueOn).toBe('2026-07-01');
    expect(commitmentTitled(db, /Ministerial/).deadline.dueOn).toBe('2026-02-28');
  });

  it('stores excerpts that are exact spans of sources whose hashes match their text', () => {
    const db = freshDatabase();
    loadSample(db);
    const sources = db.prepare('SELECT id, full_text AS fullText, text_sha256 AS hash FROM source').all() as {
      id: number;
      fullText: string;
      hash: string;
    }[];
    expect(sources).toHaveLength(4);
    for (const source of sources) {
      expect(createHash('sha256').update(source.fullText).digest('hex')).toBe(source.hash);
    }
    const excerpts = db
      .prepare('SELECT source_id AS sourceId, start, end, text, speaker FROM excerpt')
      .all() as {
      sourceId: number;
      start: number;
      end: number;
      text: string;
      speaker: string;
    }[];
    expect(excerpts.length).toBe(usMexico2025.excerpts.length);
    for (const excerpt of excerpts) {
      const source = sources.find((candidate) => candidate.id === excerpt.sourceId)!;
      expect(source.fullText.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
    }
    const quotes = excerpts.filter((excerpt) => excerpt.speaker !== '');
    expect(quotes.map((quote) => quote.speaker).sort()).toEqual([
      'Claudia Sheinbaum',
      'Marco Rubio',
      'Marco Rubio',
    ]);
    expect(quotes.map((quote) => quote.text)).toContain(
      'the closest cooperation we’ve ever had, maybe between any country.',
    );
  });

  it('says its sources are summaries written for it, and shows their spans as paraphrase', () => {
    const db = freshDatabase();
    loadSample(db);
    const sources = db.prepare('SELECT title, publisher, full_text AS fullText FROM source').all() as {
      title: string;
      publisher: string;
      fullText: string;
    }[];
    for (const source of sources) {
      expect(source.fullText).toMatch(/^Pledgewatch summary of /);
      // Never attributed to a government or a ministry as its own text.
      expect(source.publisher).toMatch(/^Pledgewatch sample: a summary of /);
    }
    expect(sources.filter((source) => source.title.startsWith('Summary for the sample of '))).toHaveLength(3);
    const excerpts = db.prepare('SELECT speaker, paraphrase FROM excerpt').all() as {
      speaker: string;
      paraphrase: number;
    }[];
    // The three quotes are the speakers' words; every other span is the summary's.
    expect(
      excerpts
        .filter((excerpt) => excerpt.paraphrase === 0)
        .map((excerpt) => excerpt.speaker)
        .sort(),
    ).toEqual(['Claudia Sheinbaum', 'Marco Rubio', 'Marco Rubio']);
    const firearms = commitmentTitled(db, /firearms/);
    expect(firearms.evidence.length).toBeGreaterThan(0);
    for (const evidence of firearms.evidence) expect(evidence.paraphrase).toBe(evidence.speaker === '');
  });

  it('gives the firearms pledge a whole-commitment and a per-party history', () => {
    const db = freshDatabase();
    loadSample(db);
    const firearms = commitmentTitled(db, /firearms/i);
    expect(firearms.status?.name).toBe('in progress');
    expect(firearms.statusSince).toBe('2025-09-26');
    expect(firearms.history.length).toBeGreaterThanOrEqual(3);
    expect(firearms.history.map((entry) => entry.party).sort()).toEqual([
      'Mexico',
      'United States',
      null,
      null,
    ]);
    const mexico = firearms.history.find((entry) => entry.party === 'Mexico')!;
    expect(mexico.evidence?.text).toMatch(/eTrace/);
    expect(mexico.recordedAt.startsWith('2025-09-27')).toBe(true);
  });

  it('reuses parties and topics the analyst already has', () => {
    const db = freshDatabase();
    db.prepare(`INSERT INTO party (name, kind, aliases) VALUES ('Mexico', 'state', 'MX')`).run();
    db.prepare(`INSERT INTO topic (name) VALUES ('trade')`).run();
    loadSample(db);
    expect(count(db, 'party')).toBe(usMexico2025.parties.length);
    expect(db.prepare(`SELECT aliases FROM party WHERE name = 'Mexico'`).pluck().get()).toBe('MX');
    expect(count(db, 'topic')).toBe(usMexico2025.topics.length);
  });

  it('loads once: the second time it says so and writes nothing', () => {
    const db = freshDatabase();
    const first = loadSample(db);
    const before = counts(db);
    const print = fingerprint(db);
    expect(loadSample(db)).toEqual({ dossierId: first.dossierId, created: false });
    expect(counts(db)).toEqual(before);
    expect(fingerprint(db)).toBe(print);
  });

  it('leaves nothing behind when it fails midway', () => {
    const db = freshDatabase();
    const before = fingerprint(db);
    // Let a few status updates through, then fail: by then the dossier, sources and commitments are written.
    db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON main.status_update
             WHEN (SELECT count(*) FROM main.status_update) >= 5
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    expect(() => loadSample(db)).toThrow(/disk on fire/);
    expect(fingerprint(db)).toBe(before);
    expect(counts(db)).toMatchObject({ dossier: 0, party: 0, source: 0, commitment: 0, status_update: 0 });
  });

  it('refuses sample data that names something unknown, and writes nothing', () => {
    const db = freshDatabase();
    const before = fingerprint(db);
    const broken = structuredClone(usMexico2025);
    broken.commitments.at(-1)!.topics = ['security › piracy'];
    expect(() => loadDossier(db, broken)).toThrow(/unknown topic "security › piracy"/);
    expect(fingerprint(db)).toBe(before);
  });

  it('names a status missing from an edited vocabulary, and writes nothing', () => {
    const db = freshDatabase();
    db.prepare(`UPDATE status SET name = 'under way' WHERE name = 'in progress'`).run();
    const before = fingerprint(db);
    expect(() => loadSample(db)).toThrow(/needs the status "in progress"/);
    expect(fingerprint(db)).toBe(before);
  });
});
