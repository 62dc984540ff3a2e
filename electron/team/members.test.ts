import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { connect, describeServerError, parseServerUrl } from './connection.ts';
import { addMember, listMembers, listSharedDossiers, removeMember } from './members.ts';
import { initServer } from './server-schema.ts';
import type { PgCluster } from './testing/pg-cluster.ts';
import { TeamServer } from './testing/team-server.ts';

let cluster: PgCluster;
let team: TeamServer;
let admin: pg.Client;

beforeAll(async () => {
  team = await TeamServer.start([]);
  cluster = team.cluster;
  admin = await team.admin();
  await admin.query(
    `INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-f', 'Fentanyl'), ('d-t', 'Tariffs')`,
  );
});
afterAll(() => team?.destroy());

/** A port nothing listens on: bound for a moment, then closed. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const memberNamed = async (client: pg.Client, name: string) =>
  (await listMembers(client)).find((member) => member.name === name);

async function canLogIn(login: string, password: string): Promise<boolean> {
  try {
    await team.close(await team.as(login, password));
    return true;
  } catch {
    return false;
  }
}

describe('adding members', () => {
  it('creates a reader of one dossier, who can log in with their password', async () => {
    expect(
      await addMember(admin, { name: 'ana', write: false, dossier: 'Fentanyl', password: 'ana-1' }),
    ).toEqual({
      created: true,
      passwordChanged: true,
    });
    expect(await memberNamed(admin, 'ana')).toEqual({
      name: 'ana',
      mayShare: false,
      dossiers: [{ dossier: 'Fentanyl', canWrite: false }],
    });
    expect(await canLogIn('ana', 'ana-1')).toBe(true);
    const ana = await team.as('ana', 'ana-1');
    expect((await listSharedDossiers(ana)).map((each) => each.name)).toEqual(['Fentanyl']);
  });

  it('lets a writer without a dossier share dossiers of their own', async () => {
    await addMember(admin, { name: 'ben', write: true, password: 'ben-1' });
    expect(await memberNamed(admin, 'ben')).toEqual({ name: 'ben', mayShare: true, dossiers: [] });
    const ben = await team.as('ben', 'ben-1');
    await ben.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-ben', 'Migration')`);
    const shared = await listSharedDossiers(admin);
    expect(shared.find((each) => each.name === 'Migration')).toMatchObject({ uid: 'd-ben', sharedBy: 'ben' });
    expect((await memberNamed(admin, 'ben'))?.dossiers).toEqual([{ dossier: 'Migration', canWrite: true }]);
  });

  it('changes the grants of an existing member, and their password only when one is given', async () => {
    expect(await addMember(admin, { name: 'ana', write: true, dossier: 'Fentanyl' })).toEqual({
      created: false,
      passwordChanged: false,
    });
    await addMember(admin, { name: 'ana', write: false, dossier: 'Tariffs' });
    expect((await memberNamed(admin, 'ana'))?.dossiers).toEqual([
      { dossier: 'Fentanyl', canWrite: true },
      { dossier: 'Tariffs', canWrite: false },
    ]);
    expect(await canLogIn('ana', 'ana-1')).toBe(true);
    await addMember(admin, { name: 'ana', write: false, password: 'ana-2' });
    expect(await canLogIn('ana', 'ana-1')).toBe(false);
    expect(await canLogIn('ana', 'ana-2')).toBe(true);
    expect(await memberNamed(admin, 'ana')).toMatchObject({ mayShare: false });
  });

  it('names an unknown dossier and lists the shared ones, and changes nothing', async () => {
    const before = await listMembers(admin);
    await expect(
      addMember(admin, { name: 'cleo', write: true, dossier: 'Tarifs', password: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `No dossier named “Tarifs” is shared in the team database at 127.0.0.1:${cluster.port}/pledgewatch; the shared ones are “Fentanyl”, “Migration”, “Tariffs”.`,
    });
    expect(await listMembers(admin)).toEqual(before);
    expect((await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = 'cleo'`)).rowCount).toBe(0);
  });

  it('refuses a login name PostgreSQL or Pledgewatch cannot take, a superuser, and a new member with no password', async () => {
    await expect(addMember(admin, { name: 'Ana Smith', write: false, password: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^“Ana Smith” cannot be a member's login: use lower-case letters/),
    });
    await expect(addMember(admin, { name: 'pg_ana', write: false, password: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(addMember(admin, { name: 'admin', write: false, password: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not an analyst's login/),
    });
    await expect(addMember(admin, { name: 'dora', write: false })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'dora is a new member: give them a password.',
    });
  });
});

describe('removing members', () => {
  it('drops the login and the grants; the changes they wrote keep their name', async () => {
    await addMember(admin, { name: 'eve', write: true, dossier: 'Fentanyl', password: 'eve-1' });
    const eve = await team.as('eve', 'eve-1');
    await eve.query(
      `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, author, received_at, entity, entity_uid, op, payload)
       VALUES ('d-f', 'c-eve', 'laptop', '', now(), 'status_update', 'su-eve', 'insert', '{}')`,
    );
    await removeMember(admin, 'eve');
    expect(await memberNamed(admin, 'eve')).toBeUndefined();
    expect((await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = 'eve'`)).rowCount).toBe(0);
    expect(await canLogIn('eve', 'eve-1')).toBe(false);
    const kept = await admin.query(`SELECT author FROM pledgewatch.change WHERE change_uid = 'c-eve'`);
    expect(kept.rows).toEqual([{ author: 'eve' }]);
  });

  it('says who the members are when asked to remove someone who is not one', async () => {
    await expect(removeMember(admin, 'zed')).rejects.toMatchObject({
      code: 'not_found',
      message: `zed is not a member of the team database at 127.0.0.1:${cluster.port}/pledgewatch; the members are admin, ana, ben.`,
    });
  });
});

describe('an admin who is not a superuser', () => {
  it('sets up, adds, lists and removes with CREATEROLE alone, and cannot edit the log either', async () => {
    await admin.query(`CREATE ROLE desk_admin LOGIN CREATEROLE PASSWORD 'desk-pw'`);
    await admin.query(`CREATE DATABASE desk OWNER desk_admin`);
    const desk = await connect(cluster.urlFor('desk_admin', 'desk-pw').replace(/\/pledgewatch$/, '/desk'));
    try {
      expect((await desk.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows).toEqual([
        { rolsuper: false },
      ]);
      expect(await initServer(desk)).toBe('created');
      await addMember(desk, { name: 'desk_fay', write: true, password: 'fay-1' });
      const fay = await connect(cluster.urlFor('desk_fay', 'fay-1').replace(/\/pledgewatch$/, '/desk'));
      try {
        await fay.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-desk', 'Desk')`);
        await fay.query(
          `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, author, received_at, entity, entity_uid, op, payload)
           VALUES ('d-desk', 'c-desk', 'laptop', '', now(), 'status_update', 'su', 'insert', '{}')`,
        );
      } finally {
        await fay.end();
      }
      expect((await listSharedDossiers(desk)).map((each) => each.name)).toEqual(['Desk']);
      await addMember(desk, { name: 'desk_gus', write: false, dossier: 'Desk', password: 'gus-1' });
      expect(await listMembers(desk)).toEqual([
        { name: 'desk_fay', mayShare: true, dossiers: [{ dossier: 'Desk', canWrite: true }] },
        { name: 'desk_gus', mayShare: false, dossiers: [{ dossier: 'Desk', canWrite: false }] },
      ]);
      expect((await desk.query('SELECT author FROM pledgewatch.change')).rows).toEqual([
        { author: 'desk_fay' },
      ]);
      for (const sql of ['DELETE FROM pledgewatch.change', `UPDATE pledgewatch.change SET op = 'x'`]) {
        await expect(desk.query(sql)).rejects.toMatchObject({ message: 'the shared log is append-only' });
      }
      await removeMember(desk, 'desk_gus');
      expect((await listMembers(desk)).map((each) => each.name)).toEqual(['desk_fay']);
    } finally {
      await desk.end();
    }
  });
});

describe('connecting', () => {
  const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  beforeAll(async () => {
    await addMember(admin, { name: 'hal', write: false, dossier: 'Fentanyl', password: 'hal-secret' });
  });

  it('says the password was refused, and never repeats it', async () => {
    const url = cluster.urlFor('hal', 'not-hals-password');
    const failure = await connect(url).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'refused_login',
      message: `The team database at 127.0.0.1:${cluster.port}/pledgewatch refused the password for hal.`,
    });
    expect(describeServerError(failure, url)).not.toContain('not-hals-password');
  });

  it('says the server cannot be reached when nothing listens there', async () => {
    const free = await freePort();
    const url = `postgres://hal:hal-secret@127.0.0.1:${free}/pledgewatch`;
    await expect(connect(url)).rejects.toMatchObject({
      code: 'server_unreachable',
      message: `Cannot reach the team database at 127.0.0.1:${free}/pledgewatch: is the server running, and is the address right?`,
    });
  });

  it('says so when a stopped server is asked', async () => {
    await cluster.stop();
    try {
      await expect(connect(cluster.urlFor('hal', 'hal-secret'))).rejects.toMatchObject({
        code: 'server_unreachable',
      });
    } finally {
      await cluster.start();
    }
    admin = await team.admin();
  });

  it('takes the password from PGPASSWORD, or from a pgpass file, when the URL has none', async () => {
    const url = cluster.urlFor('hal');
    expect(url).not.toContain(':hal-secret');
    process.env.PGPASSWORD = 'hal-secret';
    await team.close(await connect(url));

    delete process.env.PGPASSWORD;
    const file = join(temporaryFolder(), 'pgpass');
    writeFileSync(file, `127.0.0.1:${cluster.port}:pledgewatch:hal:hal-secret\n`);
    chmodSync(file, 0o600);
    process.env.PGPASSFILE = file;
    await team.close(await connect(url));

    process.env.PGPASSFILE = join(temporaryFolder(), 'none');
    await expect(connect(url)).rejects.toMatchObject({
      code: 'refused_login',
      message: expect.stringMatching(/asked for hal's password and none was given/),
    });
  });

  it('describes a refusal by row-level security and an unknown server name in one sentence', async () => {
    const url = cluster.urlFor('hal', 'hal-secret');
    const hal = await team.as('hal', 'hal-secret');
    const refusal = await hal
      .query(
        `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, author, received_at, entity, entity_uid, op, payload)
         VALUES ('d-f', 'c-hal', 'laptop', '', now(), 'status_update', 'su', 'insert', '{}')`,
      )
      .catch((error: unknown) => error);
    expect(describeServerError(refusal, url)).toBe(
      `hal may not do that in the team database at 127.0.0.1:${cluster.port}/pledgewatch (the server said: new row violates row-level security policy for table "change").`,
    );
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND team.example'), { code: 'ENOTFOUND' });
    expect(describeServerError(unknownHost, 'postgres://hal:hal-secret@team.example/desk')).toBe(
      'There is no server named team.example: check the address of the team database.',
    );
  });
});

describe('server addresses', () => {
  it('keeps the password for use but never in the URL it gives back', () => {
    expect(parseServerUrl('postgresql://ana:s%40cret@db.office:6543/team?sslmode=verify-full')).toEqual({
      url: 'postgresql://ana@db.office:6543/team?sslmode=verify-full',
      host: 'db.office',
      port: 6543,
      database: 'team',
      user: 'ana',
      password: 's@cret',
    });
    const fromQuery = parseServerUrl('postgres://ana@db.office/team?password=hush&sslmode=require');
    expect(fromQuery).toMatchObject({
      url: 'postgres://ana@db.office/team?sslmode=require',
      password: 'hush',
      port: 5432,
    });
    expect(parseServerUrl('postgres://ana@db.office/team')).not.toHaveProperty('password');
  });

  it('refuses what is not a PostgreSQL URL, naming it without its password', () => {
    expect(() => parseServerUrl('mysql://ana:hush@db.office/team')).toThrow(
      '“mysql://ana:***@db.office/team” is not a PostgreSQL address: it should start with postgres://, like postgres://NAME@HOST:5432/DATABASE.',
    );
    expect(() => parseServerUrl('db.office:5432')).toThrow(/is not a PostgreSQL address/);
    expect(() => parseServerUrl('postgres://ana:hush@')).toThrow(/^“postgres:\/\/ana:\*\*\*@”/);
  });
});
