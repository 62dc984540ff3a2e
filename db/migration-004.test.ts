// Migration 004 (read indexes) on a database with data, and the query plans those indexes are for:
// the list, the as-of view, the commitment page and the dashboard never scan the status history.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getCommitment, listCommitments, type ListOptions } from './commitments.ts';
import { getDashboard } from './dashboard.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference.ts';
import { recordStatusUpdate } from './status-updates.ts';
import { databaseBefore, newCommitment, newStatusUpdate, temporaryDatabase } from './testing.ts';
import { insertCommitment } from './commitment-add.ts';

const readIndexes = [
  'commitment_by_announced',
  'commitment_by_due_undated_last',
  'commitment_by_due_undated_last_desc',
  'commitment_by_title',
  'commitment_by_created',
];

function indexNames(db: Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`)
    .pluck()
    .all() as string[];
}

function addCommitments(db: Database, count: number): number[] {
  const dossierId = createDossier(db, 'Plans', '');
  const inProgress = db.prepare(`SELECT id FROM status WHERE name = 'in progress'`).pluck().get() as number;
  return Array.from({ length: count }, (_, index) => {
    const id = insertCommitment(
      db,
      newCommitment(dossierId, {
        title: `Commitment ${index}`,
        deadline: index % 2 === 0 ? { on: `2026-0${1 + (index % 9)}-15` } : null,
      }),
    );
    recordStatusUpdate(db, newStatusUpdate(id, inProgress, '2025-10-01'));
    return id;
  });
}

describe('migration 004', () => {
  it('adds the read indexes to a version 3 database and keeps its data', () => {
    const { db: version3, file } = databaseBefore(4);
    expect(version3.pragma('user_version', { simple: true })).toBe(3);
    const ids = addCommitments(version3, 3);
    version3.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(indexNames(db)).toEqual(expect.arrayContaining(readIndexes));
    const page = listCommitments(db, { sort: 'due_on', direction: 'asc', offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(ids);
    db.close();
  });
});

interface Query {
  sql: string;
  args: unknown[];
}

/** Records every statement run on the connection, with its parameters, to explain it afterwards. */
function recordQueries(db: Database): { queries: Query[]; plan: (query: Query) => string[] } {
  const queries: Query[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const prepared = prepare(sql);
    for (const method of ['all', 'get'] as const) {
      const original = prepared[method].bind(prepared) as (...args: unknown[]) => unknown;
      Object.assign(prepared, {
        [method]: (...args: unknown[]) => {
          queries.push({ sql, args });
          return original(...args);
        },
      });
    }
    return prepared;
  }) as typeof db.prepare;
  const plan = (query: Query) =>
    (prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.args) as { detail: string }[]).map(
      (row) => row.detail,
    );
  return { queries, plan };
}

describe('query plans of the read side', () => {
  function setUp() {
    const { db } = temporaryDatabase();
    const ids = addCommitments(db, 12);
    const recorded = recordQueries(db);
    const list = (options: Partial<ListOptions>) =>
      listCommitments(db, { sort: 'due_on', direction: 'asc', offset: 0, limit: 5, ...options });
    return { db, ids, list, ...recorded };
  }

  const fullScanOfHistory = /^SCAN (status_update|u|h|f)\b/;

  it('reads a page in the default order straight from an index, and counts from another', () => {
    const { db, list, queries, plan } = setUp();
    list({});
    list({ direction: 'desc' });
    list({ sort: 'title' });
    const pages = queries.filter((query) =>
      /^SELECT c\.id, NULL AS total FROM commitment c/.test(query.sql.trim()),
    );
    expect(pages.map((query) => plan(query))).toEqual([
      [expect.stringMatching(/^SCAN c USING INDEX commitment_by_due_undated_last$/)],
      [expect.stringMatching(/^SCAN c USING INDEX commitment_by_due_undated_last_desc$/)],
      [expect.stringMatching(/^SCAN c USING INDEX commitment_by_title$/)],
    ]);
    // The unfiltered count: the table counted from its b-tree pages (the Count opcode, in a
    // statement of its own), then small index ranges taken away; never a read of the table.
    const whole = queries.find((query) => query.sql.trim() === 'SELECT count(*) FROM commitment')!;
    const opcodes = (db.prepare(`EXPLAIN ${whole.sql}`).all() as { opcode: string }[]).map(
      (row) => row.opcode,
    );
    expect(opcodes).toContain('Count');
    const gone = queries.find((query) => /deleted_at IS NOT NULL\)\s*\+/.test(query.sql))!;
    const reads = plan(gone).filter((step) => /^(SCAN|SEARCH) commitment\b/.test(step));
    expect(reads).toHaveLength(2);
    for (const step of reads) expect(step).toMatch(/USING COVERING INDEX/);
  });

  it('finds the update in force on a day by an index seek per commitment, never a scan of history', () => {
    const { db, ids, list, queries, plan } = setUp();
    list({ asOf: '2025-09-15' });
    list({ asOf: '2025-09-15', sort: 'status', statusCategory: 'open', deadlineState: 'upcoming' });
    list({ sort: 'updated', statusId: 3 });
    getCommitment(db, ids[0]!, '2025-09-15');
    getDashboard(db, { asOf: '2025-09-15', changesSince: '2025-01-01T00:00:00.000Z' });
    getDashboard(db, {});
    const plans = queries.map((query) => plan(query));
    expect(plans.flat().filter((step) => fullScanOfHistory.test(step))).toEqual([]);
    const seeks = plans
      .flat()
      .filter((step) =>
        /^SEARCH h USING COVERING INDEX status_update_history \(commitment_id=\? AND party_id=\? AND effective_on<\?\)$/.test(
          step,
        ),
      );
    expect(seeks.length).toBeGreaterThan(5);
  });
});
