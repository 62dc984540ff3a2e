// The command line's own operations: validated by the contract like every other, refusing bad input with
// the field named and the file untouched, and out of reach of the transports' entry points.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileHash, fingerprint, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { openDatabase } from '../../db/open.ts';
import { callCommandLineOperation } from './command-line-dispatch.ts';
import { commandLineContract } from './contract.ts';
import { callOperation, callOperationAsync } from './dispatch.ts';
import { commandLineOperationNames, isOperationName } from './operation-names.ts';

function sampleFile(): string {
  const { db, file } = temporaryDatabase();
  expect(callOperation(db, 'loadSample', {})).toMatchObject({ ok: true });
  db.close();
  return file;
}

/** Inputs each operation must refuse: wrong types, unknown fields, paths that are not full paths. */
const badInputs: Record<string, unknown[]> = {
  checkDatabaseFile: [{ file: '/etc/passwd' }, 'check', [1]],
  restoreDatabaseFile: [
    {},
    { backup: 3 },
    { backup: '' },
    { backup: 'backups/pledgewatch.sqlite' },
    { backup: '../pledgewatch.sqlite' },
    { backup: '/tmp/x.sqlite', into: '/tmp/y.sqlite' },
  ],
  backupDatabaseFile: [
    {},
    { out: 'copy.sqlite' },
    { out: './copy.sqlite' },
    { out: `/${'x'.repeat(4_001)}` },
    { out: ['/tmp/copy.sqlite'] },
    { out: '/tmp/copy.sqlite', overwrite: true },
  ],
};

describe('callCommandLineOperation', () => {
  it('covers every command-line operation with bad-input cases', () => {
    expect(Object.keys(badInputs).sort()).toEqual([...commandLineOperationNames].sort());
    expect(Object.keys(commandLineContract).sort()).toEqual([...commandLineOperationNames].sort());
  });

  for (const [name, inputs] of Object.entries(badInputs)) {
    it(`${name} refuses bad input naming the field, and leaves the file as it was`, async () => {
      const file = sampleFile();
      const before = fileHash(file);
      for (const input of inputs) {
        const result = await callCommandLineOperation(file, name, input);
        expect(result.ok, JSON.stringify(input)).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(name);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
      expect(fileHash(file)).toBe(before);
      expect(existsSync(join(file, '..', 'backups'))).toBe(false);
    });
  }

  it('answers arbitrary input with a clear error or a valid result, never writing where it was not told', async () => {
    const file = sampleFile();
    const folder = join(file, '..');
    const before = fileHash(file);
    for (const name of commandLineOperationNames) {
      await fc.assert(
        fc.asyncProperty(fc.anything({ maxDepth: 2, withNullPrototype: true }), async (input) => {
          // A random full path that passes the schema would be written: only this test's folder is.
          const parsed = commandLineContract[name].input.safeParse(input ?? {});
          fc.pre(!parsed.success || name === 'checkDatabaseFile');
          const result = await callCommandLineOperation(file, name, input);
          if (result.ok) return;
          expect(['invalid_input', 'not_found', 'conflict'], result.error.message).toContain(
            result.error.code,
          );
          expect(result.error.message).toMatch(/\S/);
        }),
        { numRuns: 100 },
      );
    }
    expect(fileHash(file)).toBe(before);
    // The file and SQLite's own companions (a read-only connection leaves them); no backups, no copies.
    expect(readdirSync(folder).filter((name) => !/^pledgewatch\.sqlite(-wal|-shm)?$/.test(name))).toEqual([]);
  });

  it('checks, copies and restores the file it is given', async () => {
    const file = sampleFile();
    expect(await callCommandLineOperation(file, 'checkDatabaseFile', {})).toMatchObject({
      ok: true,
      value: { problems: [], version: expect.any(Number) },
    });
    const copy = join(temporaryFolder(), 'copy.sqlite');
    expect(await callCommandLineOperation(file, 'backupDatabaseFile', { out: copy })).toEqual({
      ok: true,
      value: { path: copy },
    });
    const original = openDatabase(file);
    const expected = fingerprint(original);
    original.prepare('DELETE FROM saved_view').run();
    original.prepare(`INSERT INTO saved_view (name, query) VALUES ('Later', 'x')`).run();
    original.close();
    const restored = await callCommandLineOperation(file, 'restoreDatabaseFile', { backup: copy });
    expect(restored).toMatchObject({ ok: true, value: { restored: copy, keptAs: expect.any(String) } });
    const reopened = openDatabase(file);
    expect(fingerprint(reopened)).toBe(expected);
    reopened.close();
  });

  it('refuses a backup that is not there, the database itself, and a copy over the database', async () => {
    const file = sampleFile();
    const before = fileHash(file);
    const missing = join(temporaryFolder(), 'none.sqlite');
    expect(await callCommandLineOperation(file, 'restoreDatabaseFile', { backup: missing })).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: [{ path: 'backup' }] },
    });
    expect(await callCommandLineOperation(file, 'restoreDatabaseFile', { backup: file })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'backup' }] },
    });
    expect(await callCommandLineOperation(file, 'backupDatabaseFile', { out: file })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'out' }] },
    });
    expect(fileHash(file)).toBe(before);
  });

  it('cannot be reached through the entry points the transports call', async () => {
    const file = sampleFile();
    const db = openDatabase(file);
    const folder = temporaryFolder();
    for (const name of commandLineOperationNames) {
      expect(isOperationName(name)).toBe(false);
      const input = { out: join(folder, 'copy.sqlite'), backup: join(folder, 'copy.sqlite') };
      expect(callOperation(db, name, input)).toMatchObject({
        ok: false,
        error: { code: 'unknown_operation' },
      });
      expect(await callOperationAsync(db, name, input)).toMatchObject({
        ok: false,
        error: { code: 'unknown_operation' },
      });
    }
    db.close();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses names that are not command-line operations, the shared ones too', async () => {
    const file = sampleFile();
    for (const name of ['loadSample', 'takeBackup', '__proto__', 'constructor', 42, null]) {
      expect(await callCommandLineOperation(file, name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_operation' },
      });
    }
  });
});
