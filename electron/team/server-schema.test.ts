import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './connection.ts';
import { initServer, requireServerSchema } from './server-schema.ts';
import type { PgCluster } from './testing/pg-cluster.ts';
import { TeamServer } from './testing/team-server.ts';

let cluster: PgCluster;
let team: TeamServer;
let admin: pg.Client;

beforeAll(async () => {
  team = await TeamServer.start();
  cluster = team.cluster;
  admin = await team.admin();
  for (const database of ['newer', 'empty']) await admin.query(`CREATE DATABASE ${database}`);
});
afterAll(() => team?.destroy());

function urlOf(database: string): string {
  return cluster.adminUrl.replace(/\/pledgewatch$/, `/${database}`);
}

/** Every object of the schema with its privileges, policies and row version: equal means untouched. */
async function catalogSnapshot(client: pg.Client): Promise<unknown> {
  const queries = [
    `SELECT nspname, nspacl::text, xmin::text FROM pg_namespace WHERE nspname = 'pledgewatch'`,
    `SELECT c.relname, c.relkind, c.relacl::text, c.relrowsecurity, c.relforcerowsecurity, c.xmin::text
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pledgewatch' ORDER BY 1`,
    `SELECT p.proname, p.proacl::text, p.prosecdef, p.proconfig, md5(p.prosrc), p.xmin::text
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pledgewatch' ORDER BY 1`,
    `SELECT polname, polrelid::regclass::text, polcmd, pg_get_expr(polqual, polrelid),
            pg_get_expr(polwithcheck, polrelid), xmin::text FROM pg_policy ORDER BY 1`,
    `SELECT tgname, tgrelid::regclass::text, tgtype, xmin::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
    `SELECT rolname, xmin::text FROM pg_authid WHERE rolname = 'pledgewatch_member'`,
    `SELECT version, xmin::text FROM pledgewatch.schema_version`,
  ];
  const snapshot = [];
  for (const sql of queries) snapshot.push((await client.query({ text: sql, rowMode: 'array' })).rows);
  return snapshot;
}

async function addChange(
  client: pg.Client,
  dossier: string,
  uid: string,
  fields: Record<string, unknown> = {},
) {
  const row = {
    dossier_uid: dossier,
    change_uid: uid,
    origin: 'laptop-1',
    author: 'whoever',
    received_at: '2000-01-01T00:00:00Z',
    entity: 'status_update',
    entity_uid: `su-${uid}`,
    op: 'insert',
    payload: { status: 'in progress' },
    ...fields,
  };
  const columns = Object.keys(row);
  const { rows } = await client.query<{ seq: string; author: string; received_at: Date }>(
    `INSERT INTO pledgewatch.change (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING seq, author, received_at`,
    Object.values(row),
  );
  return rows[0]!;
}

describe('setting up the team schema', () => {
  it('creates it once; the second time nothing in the catalog changes', async () => {
    expect(await initServer(admin)).toBe('created');
    const before = await catalogSnapshot(admin);
    expect(await initServer(admin)).toBe('unchanged');
    expect(await catalogSnapshot(admin)).toEqual(before);
    await expect(requireServerSchema(admin)).resolves.toBeUndefined();
  });

  it('refuses a database set up by a newer Pledgewatch, and touches nothing', async () => {
    const newer = await connect(urlOf('newer'));
    try {
      await initServer(newer);
      await newer.query('UPDATE pledgewatch.schema_version SET version = 2');
      const before = await catalogSnapshot(newer);
      const message = `The team database at 127.0.0.1:${cluster.port}/newer was set up by a newer Pledgewatch (schema 2; this one knows 1): update Pledgewatch.`;
      await expect(initServer(newer)).rejects.toMatchObject({ code: 'schema_too_new', message });
      await expect(requireServerSchema(newer)).rejects.toMatchObject({ code: 'schema_too_new', message });
      expect(await catalogSnapshot(newer)).toEqual(before);
    } finally {
      await newer.end();
    }
  });

  it('tells a login that is not a member so, rather than "permission denied for schema"', async () => {
    await admin.query(`CREATE ROLE stranger LOGIN PASSWORD 'stranger-pw'`);
    const stranger = await team.as('stranger');
    await expect(requireServerSchema(stranger)).rejects.toMatchObject({
      code: 'not_permitted',
      message: `stranger is not a member of the team in the database at 127.0.0.1:${cluster.port}/pledgewatch: ask its admin to run \`team add-member stranger\`.`,
    });
  });

  it('tells a member connection that the database was never set up', async () => {
    const empty = await connect(urlOf('empty'));
    try {
      await expect(requireServerSchema(empty)).rejects.toMatchObject({
        code: 'not_set_up',
        message: `The team database at 127.0.0.1:${cluster.port}/empty has no Pledgewatch team schema: run \`team init\` first.`,
      });
    } finally {
      await empty.end();
    }
  });
});

describe('who may read and write the shared log', () => {
  beforeAll(async () => {
    await team.setUp();
    await admin.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-fentanyl', 'Fentanyl')`);
    await team.setUp([
      { name: 'rita', write: false, dossier: 'Fentanyl' },
      { name: 'walt', write: true, dossier: 'Fentanyl' },
      { name: 'nora', write: false },
      { name: 'sam', write: true },
      { name: 'rob', write: false },
    ]);
  });

  it('lets a reader read the changes of their dossier, and refuses their writes', async () => {
    const walt = await team.as('walt');
    await addChange(walt, 'd-fentanyl', 'c-read-1');
    const rita = await team.as('rita');
    await requireServerSchema(rita);
    const { rows } = await rita.query(
      `SELECT change_uid FROM pledgewatch.change WHERE dossier_uid = 'd-fentanyl'`,
    );
    expect(rows).toContainEqual({ change_uid: 'c-read-1' });
    await expect(addChange(rita, 'd-fentanyl', 'c-read-2')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/row-level security/),
    });
  });

  it('shows a member with no grant on a dossier none of its changes, nor the dossier', async () => {
    const nora = await team.as('nora');
    expect((await nora.query('SELECT * FROM pledgewatch.change')).rows).toEqual([]);
    expect((await nora.query('SELECT * FROM pledgewatch.dossier')).rows).toEqual([]);
    expect((await nora.query('SELECT * FROM pledgewatch.dossier_member')).rows).toEqual([]);
    expect((await nora.query('SELECT login FROM pledgewatch.member')).rows).toEqual([{ login: 'nora' }]);
    await expect(addChange(nora, 'd-fentanyl', 'c-nora')).rejects.toMatchObject({ code: '42501' });
  });

  it('stamps each change with its real author, a server seq and the server time, whatever the client sent', async () => {
    const walt = await team.as('walt');
    const forged = { author: 'mallory', seq: 1 };
    const first = await addChange(walt, 'd-fentanyl', 'c-forged-1', forged);
    const second = await addChange(walt, 'd-fentanyl', 'c-forged-2', forged);
    expect(first.author).toBe('walt');
    expect(second.author).toBe('walt');
    expect(Number(second.seq)).toBeGreaterThan(Number(first.seq));
    expect(Date.now() - first.received_at.getTime()).toBeLessThan(60_000);
  });

  it('gives members no way to edit or empty the log', async () => {
    const walt = await team.as('walt');
    for (const sql of [
      `UPDATE pledgewatch.change SET payload = '{}'`,
      `DELETE FROM pledgewatch.change`,
      `TRUNCATE pledgewatch.change`,
    ]) {
      await expect(walt.query(sql)).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('holds the log append-only against its owner too', async () => {
    for (const sql of [
      `UPDATE pledgewatch.change SET payload = '{}'`,
      `DELETE FROM pledgewatch.change`,
      `TRUNCATE pledgewatch.change`,
    ]) {
      await expect(admin.query(sql)).rejects.toMatchObject({ message: 'the shared log is append-only' });
    }
    expect(
      Number((await admin.query('SELECT count(*) FROM pledgewatch.change')).rows[0].count),
    ).toBeGreaterThan(0);
  });

  it('lets a member who may share put a dossier on the server, and makes them its writer', async () => {
    const sam = await team.as('sam');
    await sam.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-tariffs', 'Tariffs')`);
    const { rows } = await sam.query(
      `SELECT login, can_write FROM pledgewatch.dossier_member WHERE dossier_uid = 'd-tariffs'`,
    );
    expect(rows).toEqual([{ login: 'sam', can_write: true }]);
    expect((await addChange(sam, 'd-tariffs', 'c-tariffs-1')).author).toBe('sam');
    await expect(
      sam.query(
        `INSERT INTO pledgewatch.dossier (uid, name, shared_by) VALUES ('d-forged', 'Forged', 'walt')`,
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses a dossier from a member who may not share', async () => {
    const rob = await team.as('rob');
    await expect(
      rob.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-rob', 'Rob’s dossier')`),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('notifies listeners once per dossier per statement, at commit', async () => {
    const rita = await team.as('rita');
    const heard: string[] = [];
    rita.on('notification', (message) => {
      if (message.channel === 'pledgewatch_change') heard.push(message.payload ?? '');
    });
    await rita.query('LISTEN pledgewatch_change');
    const walt = await team.as('walt');
    await walt.query('BEGIN');
    await addChange(walt, 'd-fentanyl', 'c-notify-1');
    await walt.query(
      `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, author, received_at, entity, entity_uid, op, payload)
       SELECT 'd-fentanyl', 'c-notify-more-' || n, 'laptop-1', '', now(), 'status_update', 'su', 'insert', '{}'
         FROM generate_series(1, 3) n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
    await walt.query('COMMIT');
    const deadline = Date.now() + 5_000;
    while (heard.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // PostgreSQL folds identical notifications of one transaction into one.
    expect(heard).toEqual(['d-fentanyl']);
  });
});
