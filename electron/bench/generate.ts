// Deterministic synthetic dossiers at scale (Small, Medium, Large) for benchmarks and scale tests.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { getSettings, saveSettings } from '../../db/settings.ts';
import { TextMaker } from './texts.ts';

export interface GenerateOptions {
  commitments: number;
  /** Status updates per commitment, on average; the first is "not yet assessed". */
  updatesPerCommitment: number;
  sources: number;
  seed?: number;
}

/**
 * Part of the cached databases' names: a change to what is generated (not only to the schema) must
 * not reuse a database generated before it.
 */
export const generatorVersion = 2;

export const sizes = {
  small: { commitments: 1_000, updatesPerCommitment: 10, sources: 200 },
  medium: { commitments: 10_000, updatesPerCommitment: 10, sources: 2_000 },
  large: { commitments: 100_000, updatesPerCommitment: 10, sources: 20_000 },
  /** Not in the default run: generated once (most of an hour) for the flat-cost table. */
  xl: { commitments: 1_000_000, updatesPerCommitment: 5, sources: 50_000 },
} satisfies Record<string, GenerateOptions>;

/** mulberry32: small, fast and the same on every machine, so every run builds the same database. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const countries = [
  'United States',
  'Mexico',
  'Canada',
  'Brazil',
  'Germany',
  'France',
  'Japan',
  'India',
  'Kenya',
  'Chile',
];
const topicTree: [string, string[]][] = [
  ['security', ['fentanyl', 'firearms', 'migration', 'border security', 'cyber']],
  ['trade', ['tariffs', 'USMCA', 'subsidies', 'customs']],
  ['climate', ['coal', 'renewables', 'finance']],
  ['health', ['vaccines', 'addiction prevention']],
  ['institutions', ['implementation', 'reviews']],
];
const kinds = ['pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review'];

function day(offset: number): string {
  return new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function insertReference(db: Database): { dossiers: number[]; parties: number[]; topics: number[] } {
  const dossiers = Array.from({ length: 25 }, (_, index) =>
    Number(
      db.prepare('INSERT INTO dossier (name) VALUES (?)').run(`Synthetic dossier ${index + 1}`)
        .lastInsertRowid,
    ),
  );
  const parties = countries.map((name) =>
    Number(db.prepare(`INSERT INTO party (name, kind) VALUES (?, 'state')`).run(name).lastInsertRowid),
  );
  const topics: number[] = [];
  for (const [root, children] of topicTree) {
    const rootId = Number(db.prepare('INSERT INTO topic (name) VALUES (?)').run(root).lastInsertRowid);
    for (const child of children) {
      topics.push(
        Number(
          db.prepare('INSERT INTO topic (name, parent_id) VALUES (?, ?)').run(child, rootId).lastInsertRowid,
        ),
      );
    }
  }
  return { dossiers, parties, topics };
}

/** Builds a database of the given size at `file` (which must not exist yet), in one transaction. */
export function generateDatabase(file: string, options: GenerateOptions): void {
  const db = openDatabase(file);
  const seed = options.seed ?? 20250903;
  const next = random(seed);
  // The words come from a stream of their own, so the rest of the database does not hang on them.
  const texts = new TextMaker(random(seed ^ 0x5eed));
  const statuses = db.prepare('SELECT id FROM status ORDER BY position').pluck().all() as number[];
  try {
    db.transaction(() => {
      const { dossiers, parties, topics } = insertReference(db);
      const commitment = db.prepare(
        `INSERT INTO commitment (dossier_id, title, summary, kind, announced_on, deadline_on, deadline_amount,
                                 deadline_unit, deadline_from, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const party = db.prepare('INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
      const topic = db.prepare('INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
      const update = db.prepare(
        `INSERT INTO status_update (commitment_id, status_id, effective_on, recorded_at, note) VALUES (?, ?, ?, ?, ?)`,
      );
      for (let index = 0; index < options.commitments; index += 1) {
        const announced = Math.floor(next() * 2_400);
        // The number keeps titles apart: an import matches a row by its dossier and title.
        const { title, summary } = texts.commitment();
        const deadline = next();
        const id = Number(
          commitment.run(
            pick(next, dossiers),
            `${title} (#${index + 1})`,
            summary,
            pick(next, kinds),
            day(announced),
            deadline < 0.4 ? day(announced + 30 + Math.floor(next() * 900)) : null,
            deadline >= 0.4 && deadline < 0.6 ? 90 : null,
            deadline >= 0.4 && deadline < 0.6 ? 'days' : null,
            deadline >= 0.4 && deadline < 0.6 ? day(announced) : null,
            `${day(announced)}T12:00:00.000Z`,
          ).lastInsertRowid,
        );
        party.run(id, pick(next, parties), 'maker');
        if (next() < 0.5) party.run(id, pick(next, parties), 'maker');
        party.run(id, pick(next, parties), 'owed_to');
        topic.run(id, pick(next, topics));
        const count = Math.max(1, Math.round(options.updatesPerCommitment * (0.5 + next())));
        let effective = announced;
        for (let step = 0; step < count; step += 1) {
          const status = step === 0 ? statuses[0]! : pick(next, statuses.slice(1));
          update.run(
            id,
            status,
            day(effective),
            `${day(effective)}T18:00:00.000Z`,
            step === 0 ? '' : 'Synthetic update.',
          );
          effective += 1 + Math.floor(next() * 40);
        }
      }
      insertSources(db, options.sources, next, texts);
      // A generated database is thrown away and made again: opening it never takes automatic backups.
      saveSettings(db, { staleDays: getSettings(db).staleDays, backupKeep: 0 });
    })();
  } finally {
    db.close();
  }
}

function insertSources(db: Database, count: number, next: () => number, texts: TextMaker): void {
  const source = db.prepare(
    `INSERT INTO source (title, publisher, published_on, language, full_text, text_sha256) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (let index = 0; index < count; index += 1) {
    const { title, text } = texts.source();
    source.run(
      title,
      pick(next, ['agencies', 'Ministry of Foreign Affairs', 'Department of State']),
      day(Math.floor(next() * 2_400)),
      next() < 0.3 ? 'es' : 'en',
      text,
      createHash('sha256').update(text).digest('hex'),
    );
  }
}
