// Test support: real temporary database files, and a fingerprint to prove a failed call changed nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { NewCommitment } from './commitments.ts';
import { openDatabase } from './open.ts';

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'pledgewatch-'));
}

export function temporaryDatabase(): { db: Database; file: string } {
  const file = join(temporaryFolder(), 'pledgewatch.sqlite');
  return { db: openDatabase(file), file };
}

/** A hash of every row of every table: equal fingerprints mean nothing was written. */
export function fingerprint(db: Database): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  }
  return hash.digest('hex');
}

/** A commitment for a test: defaults for every field, so a test names only what it is about. */
export function newCommitment(dossierId: number, fields: Partial<NewCommitment> = {}): NewCommitment {
  return {
    dossierId,
    title: 'A commitment',
    summary: '',
    kind: 'pledge',
    parentId: null,
    madeBy: [],
    owedTo: [],
    topicIds: [],
    announcedOn: '2025-09-03',
    deadline: null,
    ...fields,
  };
}
