// `zotero` on the command line, against a stand-in for Zotero's local API on 127.0.0.1: off until
// turned on, the collections listed, one collection imported by its own name, the whole library
// after a dry run, and Zotero's refusal said in the app's words with exit code 1.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { startZoteroServer, type ZoteroServer } from '../citations/testing/zotero-server.ts';
import { cliAsync as cli } from './testing.ts';

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM source ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

let zotero: ZoteroServer;
beforeAll(async () => {
  zotero = await startZoteroServer({ requests: 100, seconds: 120 });
});
afterAll(() => zotero.close());

describe('zotero on the command line', () => {
  it('reads nothing until turned on, then imports a collection by name and the rest of the library', async () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    const off = await cli(['zotero', 'import', '--db', db]);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/Reading from a running Zotero is off/);
    expect(zotero.hits('/')).toBe(0);

    expect(await cli(['zotero', 'on', '--port', String(zotero.port), '--db', db])).toMatchObject({
      code: 0,
      stdout: `Reading from a running Zotero is on (127.0.0.1:${zotero.port}).\n`,
    });
    expect((await cli(['zotero', 'collections', '--db', db])).stdout).toBe(
      'COLL0001  US–Mexico 2025 (5)\nCOLL0002  US–Mexico 2025 / Tariffs (1)\n',
    );

    const tariffs = await cli(['zotero', 'import', '--collection', 'Tariffs', '--db', db]);
    expect(tariffs.stdout).toMatch(
      /^Added 1 source from the Zotero collection “US–Mexico 2025 \/ Tariffs” \(1 item\)\./,
    );
    expect(titles(db)).toEqual(['The 90-Day Tariff Reprieve and the USMCA Joint Review']);

    const plan = await cli(['zotero', 'import', '--dry-run', '--db', db]);
    expect(plan.stdout).toMatch(/^Would add 4 sources from the Zotero library \(5 items\)\./);
    expect(plan.stdout).toMatch(
      /= item 5 is source 1, “The 90-Day Tariff Reprieve and the USMCA Joint Review”, already stored/,
    );
    expect(plan.stdout).toMatch(/Nothing was stored \(--dry-run\)\.\n$/);
    expect(titles(db)).toHaveLength(1);

    expect((await cli(['zotero', 'import', '--db', db])).code).toBe(0);
    expect(titles(db)).toHaveLength(5);

    const unknown = await cli(['zotero', 'import', '--collection', 'Energy', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /--collection "Energy": Zotero has no such collection \(it has "US–Mexico 2025", "US–Mexico 2025 \/ Tariffs"\)\./,
    );
  });

  it('says what Zotero refuses, and refuses a port that is none', async () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    expect((await cli(['zotero', 'on', '--port', String(zotero.port), '--db', db])).code).toBe(0);
    zotero.set('api-off');
    const refused = await cli(['zotero', 'collections', '--db', db]);
    zotero.set('running');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Allow other applications on this computer to communicate with Zotero/);
    const badPort = await cli(['zotero', 'on', '--port', '99999', '--db', db]);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toBe('Pledgewatch: --port must be a port, 1 to 65535\n');
    expect((await cli(['zotero', 'off', '--db', db])).stdout).toBe('Reading from a running Zotero is off.\n');
  });
});
