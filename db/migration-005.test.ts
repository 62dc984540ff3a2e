// Migration 005 (report templates) on a version 4 database holding reports already sent: they stay,
// and the last one of a template is found through the new index.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';
import { latestSnapshotOf, listReportSnapshots } from './report-snapshots.ts';
import { listReportTemplates, saveReportTemplate } from './report-templates.ts';
import { databaseBefore } from './testing.ts';

function version4Database(): string {
  const { db, file } = databaseBefore(5);
  expect(db.pragma('user_version', { simple: true })).toBe(4);
  const insert = db.prepare(
    `INSERT INTO report_snapshot (template, format, scope, as_of, since, data_through, state, created_at)
     VALUES (?, 'pdf', '{}', NULL, NULL, '2025-10-03T09:00:00.000Z', ?, ?)`,
  );
  insert.run(
    'Friday briefing',
    '{"1":{"status":"announced","status_since":"2025-09-03","due_on":null,"evidence":[],"history":[1]}}',
    '2025-10-03T16:00:00.000Z',
  );
  insert.run('Friday briefing', '{}', '2025-10-10T16:00:00.000Z');
  insert.run(null, '{}', '2025-10-11T16:00:00.000Z');
  db.close();
  return file;
}

describe('migration 005', () => {
  it('adds report templates to a version 4 database and keeps the reports sent', () => {
    const db = openDatabase(version4Database());
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    expect(listReportTemplates(db)).toEqual([]);
    expect(listReportSnapshots(db, { limit: 10 }).map((s) => s.createdAt)).toEqual([
      '2025-10-11T16:00:00.000Z',
      '2025-10-10T16:00:00.000Z',
      '2025-10-03T16:00:00.000Z',
    ]);
    expect(latestSnapshotOf(db, 'FRIDAY briefing', '2025-10-09T00:00:00.000Z')).toMatchObject({
      createdAt: '2025-10-03T16:00:00.000Z',
      commitmentCount: 1,
      state: { '1': { status: 'announced', history: [1] } },
    });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM report_snapshot WHERE template = ? COLLATE NOCASE AND created_at < ?
          ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
      .all('Friday briefing', '2026-01-01') as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/report_snapshot_by_template/);
    saveReportTemplate(db, { name: 'Friday briefing', scope: { topicId: 3 }, format: 'pdf' });
    expect(listReportTemplates(db)).toMatchObject([
      { name: 'Friday briefing', lastReportAt: '2025-10-10T16:00:00.000Z', scope: { topicId: 3 } },
    ]);
    db.close();
  });
});
