import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { generateDatabase } from './generate.ts';

const options = { commitments: 200, updatesPerCommitment: 4, sources: 20 };

function generated(): Database.Database {
  const file = join(temporaryFolder(), 'generated.sqlite');
  generateDatabase(file, options);
  return new Database(file, { readonly: true });
}

describe('the benchmark’s generated databases', () => {
  it('are the same from run to run, and as large as asked', () => {
    const [first, second] = [generated(), generated()];
    const rows = (db: Database.Database) =>
      db
        .prepare(
          `SELECT c.id, c.title, c.due_on, c.current_update_id, group_concat(u.status_id || '@' || u.effective_on)
             FROM commitment c JOIN status_update u ON u.commitment_id = c.id GROUP BY c.id ORDER BY c.id`,
        )
        .all();
    expect(rows(first)).toHaveLength(200);
    expect(rows(second)).toEqual(rows(first));
    const updates = first.prepare('SELECT count(*) FROM status_update').pluck().get() as number;
    expect(updates).toBeGreaterThan(200 * 2);
    expect(first.prepare('SELECT count(*) FROM source').pluck().get()).toBe(20);
  });

  it('never take automatic backups when opened', () => {
    const db = generated();
    expect(db.prepare(`SELECT value FROM setting WHERE key = 'backup_keep'`).pluck().get()).toBe('0');
  });
});
