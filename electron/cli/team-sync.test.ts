// `team share|join|sync|status` through the real command line, against a real PostgreSQL: two
// databases converge, passwords come from libpq's places, and bad input changes nothing locally.
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { fingerprint, temporaryFolder } from '../../db/testing.ts';
import { dossierDigest } from '../team/testing/digest.ts';
import { TeamServer, twoWriters } from '../team/testing/team-server.ts';

const entry = join(import.meta.dirname, 'main.ts');
let server: TeamServer;
let port: number;
const dossier = 'US–Mexico security and trade cooperation, 2025';

beforeAll(async () => {
  server = await TeamServer.start(twoWriters);
  port = server.cluster.port;
}, 120_000);

afterAll(() => server?.destroy());

/** The command line in a child process; `env` adds PGPASSWORD or PGPASSFILE as an analyst would. */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    PLEDGEWATCH_DB: '',
    PGPASSFILE: join(temporaryFolder(), 'none'),
  };
  delete base.PGPASSWORD;
  return new Promise((done) => {
    const child = spawn(process.execPath, [entry, ...args], { env: { ...base, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('exit', (code) => done({ code, out, err }));
  });
}

const url = (member: string) => `postgres://${member}@127.0.0.1:${port}/pledgewatch`;

describe('team dossiers on the command line', () => {
  const alice = join(temporaryFolder(), 'alice.sqlite');
  const bob = join(temporaryFolder(), 'bob.sqlite');

  it('refuses a wrong password, an unknown dossier and a server that is down, changing nothing', async () => {
    expect((await cli(['sample', '--db', alice])).code).toBe(0);
    const before = fingerprintOf(alice);
    const wrong = await cli(
      ['team', 'share', '--dossier', dossier, '--server', url('alice'), '--db', alice],
      {
        PGPASSWORD: 'not-it',
      },
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err.trim()).toBe(
      `Pledgewatch: The team database at 127.0.0.1:${port}/pledgewatch refused the password for alice.`,
    );
    const unknown = await cli(
      ['team', 'share', '--dossier', 'No such dossier', '--server', url('alice'), '--db', alice],
      {
        PGPASSWORD: 'alice-pw',
      },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/There is no dossier named “No such dossier” in this database/);
    const down = await cli(
      [
        'team',
        'share',
        '--dossier',
        dossier,
        '--server',
        'postgres://alice@127.0.0.1:1/pledgewatch',
        '--db',
        alice,
      ],
      { PGPASSWORD: 'alice-pw' },
    );
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/Cannot reach the team database at 127\.0\.0\.1:1\/pledgewatch/);
    const notAUrl = await cli([
      'team',
      'share',
      '--dossier',
      dossier,
      '--server',
      'http://example.org',
      '--db',
      alice,
    ]);
    expect(notAUrl.code).toBe(2);
    expect(fingerprintOf(alice)).toBe(before);
  });

  it('shares with the password from a pgpass file, joins with PGPASSWORD, and both sync to the same', async () => {
    const pgpass = join(temporaryFolder(), 'pgpass');
    writeFileSync(pgpass, `127.0.0.1:${port}:pledgewatch:alice:alice-pw\n`);
    chmodSync(pgpass, 0o600);
    const shared = await cli(
      ['team', 'share', '--dossier', dossier, '--server', url('alice'), '--db', alice],
      {
        PGPASSFILE: pgpass,
      },
    );
    expect(shared).toMatchObject({ code: 0, err: '' });
    expect(shared.out).toMatch(/^Shared “US–Mexico.*” as alice \(read and write\)\./);

    const admin = await server.admin();
    const { addMember } = await import('../team/members.ts');
    await addMember(admin, { name: 'bob', write: true, dossier });
    await server.close(admin);
    const joined = await cli(['team', 'join', '--dossier', dossier, '--server', url('bob'), '--db', bob], {
      PGPASSWORD: 'bob-pw',
    });
    expect(joined).toMatchObject({ code: 0, err: '' });

    const status = await cli(['team', 'status', '--json', '--db', bob]);
    const parsed = JSON.parse(status.out) as Record<string, unknown>;
    expect(parsed).toMatchObject({ dossier, member: 'bob', unsent: 0, conflicts: 0, server: url('bob') });
    expect(typeof parsed.last_synced_at).toBe('string');
    expect(status.out).not.toContain('bob-pw');

    const uid = dossierUid(alice);
    expect(digestOf(bob, uid)).toEqual(digestOf(alice, uid));
    const synced = await cli(['team', 'sync', '--db', alice], { PGPASSFILE: pgpass });
    expect(synced).toMatchObject({ code: 0, err: '' });
    expect(synced.out).toMatch(/sent 0, received \d+ changes?\./);
  });

  it('says offline work waits, then sends it', async () => {
    const db = openDatabase(alice);
    const id = db
      .prepare('SELECT id FROM commitment WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1')
      .pluck()
      .get();
    db.prepare(`UPDATE commitment SET summary = 'Alice, offline' WHERE id = ?`).run(id);
    db.close();
    const waiting = JSON.parse((await cli(['team', 'status', '--json', '--db', alice])).out) as {
      unsent: number;
    };
    expect(waiting.unsent).toBe(1);
    await server.closeAll();
    await server.cluster.stop();
    const offline = await cli(['team', 'sync', '--db', alice], { PGPASSWORD: 'alice-pw' });
    expect(offline.code).toBe(1);
    expect(offline.out).toMatch(/not synced\. Cannot reach the team database/);
    await server.cluster.start();
    expect((await cli(['team', 'sync', '--db', alice], { PGPASSWORD: 'alice-pw' })).out).toMatch(/sent 1,/);
    expect((await cli(['team', 'sync', '--db', bob], { PGPASSWORD: 'bob-pw' })).code).toBe(0);
    const uid = dossierUid(alice);
    expect(digestOf(bob, uid)).toEqual(digestOf(alice, uid));
  });
});

function fingerprintOf(file: string): string {
  const db = openDatabase(file);
  try {
    return fingerprint(db);
  } finally {
    db.close();
  }
}

function dossierUid(file: string): string {
  const db = openDatabase(file);
  try {
    return db.prepare('SELECT dossier_uid FROM team_link').pluck().get() as string;
  } finally {
    db.close();
  }
}

function digestOf(file: string, uid: string) {
  const db = openDatabase(file);
  try {
    return dossierDigest(db, uid);
  } finally {
    db.close();
  }
}
