// Team sync on a throwaway PostgreSQL: a push and a pull of 10,000 changes (medians of a few runs, each
// beside one plain INSERT or SELECT of the same rows), and the time from a write on one machine to its
// arrival on another, both running background sync (LISTEN/NOTIFY). Skipped when PostgreSQL is missing.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { BackgroundSync } from '../team/background.ts';
import type { TeamLink } from '../team/changes.ts';
import { addMember } from '../team/members.ts';
import { joinDossier } from '../team/share.ts';
import { pullLog, pushOutbox } from '../team/sync.ts';
import { commitmentIds, recordStatus, shareNewDossier } from '../team/testing/clients.ts';
import { startCluster } from '../team/testing/pg-cluster.ts';
import { TeamServer } from '../team/testing/team-server.ts';
import { percentile, type Figure } from './measure.ts';

const changes = 10_000;
const runs = 5;
const writes = 20;
const size = '10,000 changes';

interface Measured {
  p50: number;
  p95: number;
}

function spread(durations: number[]): Measured {
  const sorted = [...durations].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A dossier shared by alice with 10,000 status updates waiting in its outbox. */
async function queued(
  server: TeamServer,
  folder: string,
  name: string,
): Promise<{ db: Database; link: TeamLink }> {
  const db = openDatabase(join(folder, `${name}.sqlite`));
  const link = await shareNewDossier(server, 'alice', db, name, 4);
  const commitments = commitmentIds(db, link.dossierId);
  db.transaction(() => {
    for (let index = 0; index < changes; index += 1) {
      recordStatus(
        db,
        commitments[index % commitments.length]!,
        'in progress',
        '2025-03-01',
        `Update ${index}`,
      );
    }
  })();
  return { db, link };
}

async function pushFigure(server: TeamServer, folder: string): Promise<{ push: Figure; dossier: string }> {
  const durations: number[] = [];
  const floors: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { db, link } = await queued(server, folder, `Push ${run}`);
    const client = await server.as('alice');
    try {
      durations.push(await timed(() => pushOutbox(client, db, link)));
      // The floor: the same rows into a dossier of their own, in one statement and one transaction.
      const { rows } = await client.query<{ rows: unknown }>(
        `SELECT json_agg(json_build_object('change_uid', 'floor-' || change_uid, 'origin', origin,
                'known_seq', known_seq, 'entity', entity, 'entity_uid', entity_uid, 'field', field, 'op', op,
                'payload', payload) ORDER BY seq) AS rows
           FROM pledgewatch.change WHERE dossier_uid = $1 AND entity = 'status_update'`,
        [link.dossierUid],
      );
      const floorUid = `floor-${link.dossierUid}`;
      await client.query('INSERT INTO pledgewatch.dossier (uid, name) VALUES ($1, $2)', [
        floorUid,
        `Floor ${run}`,
      ]);
      floors.push(
        await timed(async () => {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, known_seq, entity, entity_uid, field, op,
                                             payload)
             SELECT $1, c.change_uid, c.origin, c.known_seq, c.entity, c.entity_uid, c.field, c.op, c.payload
               FROM jsonb_to_recordset($2::jsonb) AS c (change_uid text, origin text, known_seq bigint, entity text,
                                                        entity_uid text, field text, op text, payload jsonb)`,
            [floorUid, JSON.stringify(rows[0]!.rows)],
          );
          await client.query('COMMIT');
        }),
      );
    } finally {
      await server.close(client);
      db.close();
    }
  }
  const measured = spread(durations);
  return {
    dossier: 'Push 0',
    push: {
      figure: 'team: push of 10,000 changes',
      size,
      ...measured,
      floor: spread(floors).p50,
      target: '≤ 2000 ms',
      met: measured.p50 <= 2000,
    },
  };
}

async function pullFigure(
  server: TeamServer,
  folder: string,
  dossier: string,
  label: string,
): Promise<Figure> {
  const durations: number[] = [];
  const floors: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const db = openDatabase(join(folder, `pull-${label.length}-${run}.sqlite`));
    const client = await server.as('bob');
    try {
      const link = await joinDossier(client, db, dossier, server.cluster.urlFor('bob'));
      durations.push(await timed(() => pullLog(client, db, link.dossierId)));
      floors.push(
        await timed(() =>
          client.query('SELECT * FROM pledgewatch.change WHERE dossier_uid = $1 ORDER BY seq', [
            link.dossierUid,
          ]),
        ),
      );
    } finally {
      await server.close(client);
      db.close();
    }
  }
  const measured = spread(durations);
  return {
    figure: `team: pull of 10,000 changes${label}`,
    size,
    ...measured,
    floor: spread(floors).p50,
    target: '≤ 2000 ms',
    met: measured.p50 <= 2000,
  };
}

/** Waits for `uid` to arrive in `db`; gives up after 10 s. */
async function arrival(db: Database, uid: string): Promise<void> {
  const found = db.prepare('SELECT 1 FROM status_update WHERE uid = ?').pluck();
  const deadline = performance.now() + 10_000;
  while (!found.get(uid) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 2));
}

async function writeSeenFigure(server: TeamServer, folder: string): Promise<Figure> {
  const writer = openDatabase(join(folder, 'live-alice.sqlite'));
  const reader = openDatabase(join(folder, 'live-bob.sqlite'));
  const link = await shareNewDossier(server, 'alice', writer, 'Live', 4);
  const admin = await server.admin();
  await addMember(admin, { name: 'bob', write: true, dossier: 'Live' });
  await server.close(admin);
  const client = await server.as('bob');
  await joinDossier(client, reader, 'Live', server.cluster.urlFor('bob'));
  await server.close(client);
  // Background sync finds passwords where libpq does: here, a pgpass file of the bench's own.
  const passFile = join(folder, 'pgpass');
  const port = server.cluster.port;
  writeFileSync(
    passFile,
    `127.0.0.1:${port}:pledgewatch:alice:alice-pw\n127.0.0.1:${port}:pledgewatch:bob:bob-pw\n`,
    {
      mode: 0o600,
    },
  );
  const before = process.env.PGPASSFILE;
  process.env.PGPASSFILE = passFile;
  const machines = [new BackgroundSync(writer), new BackgroundSync(reader)];
  const commitment = commitmentIds(writer, link.dossierId)[0]!;
  const latencies: number[] = [];
  try {
    for (const machine of machines) machine.start();
    for (const machine of machines) await machine.settled();
    for (let index = -1; index < writes; index += 1) {
      // Writes land anywhere in the second between two looks at the outbox, as an analyst's would.
      await new Promise((resolve) => setTimeout(resolve, 150 + (((index + 1) * 337) % 700)));
      const id = recordStatus(writer, commitment, 'stalled', '2025-04-01', `Live write ${index}`);
      const written = performance.now();
      const uid = writer.prepare('SELECT uid FROM status_update WHERE id = ?').pluck().get(id) as string;
      await arrival(reader, uid);
      if (index >= 0) latencies.push(performance.now() - written);
    }
  } finally {
    for (const machine of machines) await machine.stop();
    if (before === undefined) delete process.env.PGPASSFILE;
    else process.env.PGPASSFILE = before;
    writer.close();
    reader.close();
  }
  const measured = spread(latencies);
  return {
    figure: 'team: a write seen by another machine',
    size: `${writes} writes`,
    ...measured,
    floor: null,
    target: 'p95 ≤ 2000 ms',
    met: measured.p95 <= 2000,
  };
}

export async function teamFigures(): Promise<Figure[]> {
  // Where pg-cluster.ts looks for PostgreSQL's programs.
  const binaries = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(join(binaries, 'initdb'))) {
    process.stderr.write(
      `bench: team figures skipped: no PostgreSQL programs in ${binaries} (set PG_BIN).\n`,
    );
    return [];
  }
  const started = performance.now();
  process.stderr.write('bench: team sync on a throwaway PostgreSQL… ');
  const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-bench-team-'));
  const server = new TeamServer(await startCluster());
  try {
    await server.setUp([
      { name: 'alice', write: true },
      { name: 'bob', write: true },
    ]);
    const admin = await server.admin();
    // Statistics are taken on purpose below, not whenever autovacuum happens to wake.
    await admin.query('ALTER TABLE pledgewatch.change SET (autovacuum_enabled = false)');
    const { push, dossier } = await pushFigure(server, folder);
    await addMember(admin, { name: 'bob', write: true, dossier });
    const fresh = await pullFigure(server, folder, dossier, ', log not yet analysed');
    await admin.query('ANALYZE pledgewatch.change');
    await server.close(admin);
    const pull = await pullFigure(server, folder, dossier, '');
    const seen = await writeSeenFigure(server, folder);
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return [push, pull, fresh, seen];
  } finally {
    await server.closeAll();
    await server.cluster.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}
