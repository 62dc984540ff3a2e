// `npm run cli -- backup | restore | check` as the analyst runs them, in a child process.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backups.ts';
import { damageFile, fileHash, temporaryFolder } from '../../db/testing.ts';
import { cli, fingerprintOf } from './testing.ts';

function sampleDatabase(): string {
  const file = join(temporaryFolder(), 'pledgewatch.sqlite');
  expect(cli(['sample', '--db', file]).code).toBe(0);
  return file;
}

describe('backup and restore from the command line', () => {
  it('backs up into the backups folder beside the database, named by the time', () => {
    const file = sampleDatabase();
    const result = cli(['backup', '--db', file]);
    expect(result.code).toBe(0);
    const [backup] = listBackups(file);
    expect(backup).toMatchObject({ kind: 'manual', path: join(dirname(file), 'backups', backup!.name) });
    expect(backup!.name).toMatch(/^pledgewatch\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/);
    expect(result.stdout).toBe(`Backed up to ${backup!.path}\n`);
    expect(fingerprintOf(backup!.path)).toBe(fingerprintOf(file));
  });

  it('restores a backup over a damaged database, keeping the damaged file, and check agrees', () => {
    const file = sampleDatabase();
    expect(cli(['backup', '--db', file]).code).toBe(0);
    const [backup] = listBackups(file);
    const backedUp = fingerprintOf(backup!.path);
    damageFile(file);
    const damagedHash = fileHash(file);
    const check = cli(['check', '--db', file]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/is damaged/);
    expect(fileHash(file)).toBe(damagedHash);

    const restore = cli(['restore', backup!.path, '--db', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const kept = listBackups(file).find((candidate) => candidate.kind === 'before restore')!;
    expect(restore.stdout).toBe(
      `Restored ${file} from ${backup!.path}. The database as it was is kept as ${kept.path}.\n`,
    );
    expect(fileHash(kept.path)).toBe(damagedHash);
    expect(fingerprintOf(file)).toBe(backedUp);
    expect(cli(['check', '--db', file]).code).toBe(0);
  });

  it('refuses a damaged backup, a missing one and the database itself, leaving the database as it was', () => {
    const file = sampleDatabase();
    expect(cli(['backup', '--db', file]).code).toBe(0);
    const [backup] = listBackups(file);
    damageFile(backup!.path);
    const hash = fileHash(file);
    const damaged = cli(['restore', backup!.path, '--db', file]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(
      new RegExp(`${basename(backup!.path)} cannot be restored: .*malformed.* ${file} has not been changed`),
    );
    const cases: [string[], RegExp][] = [
      [['restore'], /restore needs the FILE of a backup/],
      [['restore', join(dirname(file), 'nothing.sqlite')], /there is no backup at/],
      [['restore', file], /is the database itself/],
    ];
    for (const [args, message] of cases) {
      const result = cli([...args, '--db', file]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(fileHash(file)).toBe(hash);
    expect(listBackups(file).map((candidate) => candidate.kind)).toEqual(['manual']);
  });

  it('refuses a backup from a newer Pledgewatch', () => {
    const file = sampleDatabase();
    const newer = join(dirname(file), 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const result = cli(['restore', newer, '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/written by a newer Pledgewatch/);
    expect(existsSync(join(dirname(file), 'backups'))).toBe(false);
  });
});
