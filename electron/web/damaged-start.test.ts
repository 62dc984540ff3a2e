// `npm run web` given a damaged database: one line naming the file and the newest good backup, exit 1,
// the file untouched.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { automaticBackup } from '../../db/backups.ts';
import { damageFile, fileHash, temporaryDatabase } from '../../db/testing.ts';

const webMain = join(import.meta.dirname, 'main.ts');
describe('browser mode at start', () => {
  it('refuses a damaged database in one line with the newest good backup, and leaves it as it was', async () => {
    const { db, file } = temporaryDatabase();
    db.prepare(`INSERT INTO dossier (name, description) VALUES ('US–Mexico', '')`).run();
    const { taken } = await automaticBackup(db);
    db.close();
    damageFile(file, [2, 5]);
    const hash = fileHash(file);

    const result = spawnSync(process.execPath, [webMain, '--db', file], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Pledgewatch: The database ${file} is damaged: `));
    expect(lines[0]).toContain(`The newest good backup is ${taken}: restore it with npm run cli -- restore`);
    expect(fileHash(file)).toBe(hash);
  });

  it('refuses a database whose pages are whole but whose references are broken, naming the row', () => {
    const { db, file } = temporaryDatabase();
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO commitment (dossier_id, title, summary, kind) VALUES (999, 'Orphaned pledge', '', 'pledge')`,
    ).run();
    db.close();
    const hash = fileHash(file);
    const result = spawnSync(process.execPath, [webMain, '--db', file], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Pledgewatch: The database ${file} is damaged: commitment row \\d+ points at a missing dossier\\. It has not been changed\\. No good backup`,
      ),
    );
    expect(fileHash(file)).toBe(hash);
  });
});
