// Migration 002 (retractions, saved views, undo log) on a database written at version 1, with data.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from './migrations.ts';
import { openDatabase } from './open.ts';
import { temporaryFolder } from './testing.ts';

const version1Tables = [
  'dossier',
  'party',
  'topic',
  'status',
  'commitment',
  'commitment_party',
  'commitment_topic',
  'source',
  'excerpt',
  'commitment_excerpt',
  'status_update',
  'report_snapshot',
  'setting',
];

/** A database file at schema version 1, written as version 1 would have written it. */
function version1Database(): string {
  const migrations = join(temporaryFolder(), 'migrations');
  mkdirSync(migrations);
  copyFileSync(join(defaultMigrationsDir, '001_initial.sql'), join(migrations, '001_initial.sql'));
  const file = join(temporaryFolder(), 'pledgewatch.sqlite');
  const db = openDatabase(file, { migrationsDir: migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  db.exec(`
    INSERT INTO dossier (id, name) VALUES (1, 'US–Mexico security cooperation, 2025');
    INSERT INTO party (id, name, kind) VALUES (1, 'United States', 'state'), (2, 'Mexico', 'state');
    INSERT INTO party (id, name, kind, acts_for_id, aliases) VALUES (3, 'Marco Rubio', 'person', 1, 'Rubio');
    INSERT INTO topic (id, name, keywords) VALUES (1, 'security', 'security');
    INSERT INTO topic (id, parent_id, name) VALUES (2, 1, 'fentanyl');
    INSERT INTO commitment (id, dossier_id, title, kind, announced_on, deadline_amount, deadline_unit, deadline_from)
      VALUES (1, 1, '90-day reprieve from the 30% tariffs', 'reprieve', '2025-07-31', 90, 'days', '2025-07-31');
    INSERT INTO commitment (id, dossier_id, parent_id, title, kind, announced_on, deadline_on)
      VALUES (2, 1, NULL, 'Halt the flow of fentanyl', 'pledge', '2025-09-03', '2026-07-01'),
             (3, 1, 2, 'Seize precursor chemicals', 'measure', '2025-09-03', NULL);
    INSERT INTO commitment (id, dossier_id, title, kind, deleted_at)
      VALUES (4, 1, 'A deleted draft', 'pledge', '2025-09-05T10:00:00.000Z');
    INSERT INTO commitment_party VALUES (2, 1, 'maker'), (2, 2, 'maker'), (1, 2, 'owed_to');
    INSERT INTO commitment_topic VALUES (2, 2), (3, 1);
    INSERT INTO source (id, title, full_text, text_sha256) VALUES (1, 'Joint communiqué', 'We will act.', 'abc');
    INSERT INTO excerpt (id, source_id, start, end, text) VALUES (1, 1, 0, 12, 'We will act.');
    INSERT INTO commitment_excerpt VALUES (2, 1);
    INSERT INTO status_update (commitment_id, party_id, status_id, effective_on, recorded_at, note, excerpt_id) VALUES
      (1, NULL, 1, '2025-07-31', '2025-07-31T18:00:00.000Z', '', NULL),
      (1, NULL, 3, '2025-08-15', '2025-08-15T18:00:00.000Z', 'Talks began.', NULL),
      (2, NULL, 2, '2025-09-03', '2025-09-03T18:00:00.000Z', '', 1),
      (2, NULL, 5, '2025-12-01', '2025-12-02T09:00:00.000Z', 'Seizures fell.', NULL),
      (2, NULL, 3, '2025-10-01', '2025-12-03T09:00:00.000Z', 'Backdated.', NULL),
      (2, 2, 6, '2025-11-01', '2025-11-02T09:00:00.000Z', 'Mexico met its part.', NULL),
      (3, NULL, 1, '2025-09-03', '2025-09-03T18:00:00.000Z', '', NULL);
    INSERT INTO setting VALUES ('lastSession', '2025-12-01T08:00:00.000Z');
  `);
  db.close();
  return file;
}

/** The table's rows in the columns it had at version 1 (later migrations add columns of their own). */
function rows(db: Database, table: string, columns = '*'): unknown[] {
  return db.prepare(`SELECT ${columns} FROM "${table}" ORDER BY 1, 2`).raw().all();
}

function columnsOf(db: Database, table: string): string {
  const names = db
    .prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1`)
    .pluck()
    .all(table) as string[];
  return names.map((name) => `"${name}"`).join(', ');
}

function currentStatuses(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT c.id, c.current_update_id, s.name FROM commitment c
         LEFT JOIN status_update u ON u.id = c.current_update_id LEFT JOIN status s ON s.id = u.status_id
        ORDER BY c.id`,
    )
    .all();
}

describe('migration 002', () => {
  it('keeps every row and every current status of a version 1 database', () => {
    const file = version1Database();
    const old = openDatabase(file, { readonly: true });
    const columns = Object.fromEntries(version1Tables.map((table) => [table, columnsOf(old, table)]));
    const before = Object.fromEntries(version1Tables.map((table) => [table, rows(old, table)]));
    const statusesBefore = currentStatuses(old);
    old.close();
    expect(statusesBefore).toEqual([
      { id: 1, current_update_id: 2, name: 'in progress' },
      { id: 2, current_update_id: 4, name: 'at risk' },
      { id: 3, current_update_id: 7, name: 'not yet assessed' },
      { id: 4, current_update_id: null, name: null },
    ]);

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    for (const table of version1Tables) expect(rows(db, table, columns[table]), table).toEqual(before[table]);
    expect(currentStatuses(db)).toEqual(statusesBefore);
    for (const table of ['status_update_retraction', 'saved_view', 'action_log']) {
      expect(rows(db, table), table).toEqual([]);
    }
    expect(readdirSync(join(file, '..', 'backups')).some((name) => name.includes('.v1.'))).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('lets updates recorded at version 1 be retracted, moving the current status back', () => {
    const file = version1Database();
    const db = openDatabase(file);
    db.prepare(`INSERT INTO status_update_retraction (update_id, reason) VALUES (4, 'undone')`).run();
    expect(currentStatuses(db)[1]).toEqual({ id: 2, current_update_id: 5, name: 'in progress' });
    // A later update recorded after a retraction still skips the retracted one.
    db.prepare(
      `INSERT INTO status_update (commitment_id, status_id, effective_on) VALUES (2, 4, '2025-09-15')`,
    ).run();
    expect(currentStatuses(db)[1]).toMatchObject({ current_update_id: 5 });
    expect(() => db.prepare('DELETE FROM status_update_retraction').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE status_update_retraction SET reason = 'x'`).run()).toThrow(/append-only/);
    db.close();
    expect(existsSync(file)).toBe(true);
  });
});
