import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from './pg-cluster.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

async function one(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}

describe('a throwaway PostgreSQL cluster', () => {
  it('serves the pledgewatch database to the admin, over TCP with a password', async () => {
    expect(await one(cluster.adminUrl, 'SELECT current_database() AS db, current_user AS who')).toEqual({
      db: 'pledgewatch',
      who: 'admin',
    });
    await expect(one(cluster.urlFor('admin', 'wrong'), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('survives a crash: killed, started again on the same port, and the data is still there', async () => {
    await one(cluster.adminUrl, 'CREATE TABLE kept (n int)');
    await one(cluster.adminUrl, 'INSERT INTO kept VALUES (7)');
    const watcher = new pg.Client({ connectionString: cluster.adminUrl });
    const lost = new Promise((resolve) => watcher.on('error', resolve));
    await watcher.connect();
    await cluster.kill();
    expect(await lost).toBeInstanceOf(Error);
    await expect(one(cluster.adminUrl, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await cluster.start();
    expect(await one(cluster.adminUrl, 'SELECT n FROM kept')).toEqual({ n: 7 });
  });

  it('stops cleanly, tolerates stopping twice, and starts again', async () => {
    await cluster.stop();
    await cluster.stop();
    await cluster.start();
    expect(await one(cluster.adminUrl, 'SELECT 1 AS ok')).toEqual({ ok: 1 });
  });
});
