// Team sync when a machine or the server dies mid-way, against a real PostgreSQL: the server crashing in
// the middle of a push, and a client killed in the middle of a pull.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { temporaryDatabase } from '../../db/testing.ts';
import { teamLink } from './changes.ts';
import { joinDossier, teamStatus } from './share.ts';
import { pullLog, syncDossier } from './sync.ts';
import { commitmentIds, grantAndJoin, recordStatus, shareNewDossier, syncAs } from './testing/clients.ts';
import { dossierDigest } from './testing/digest.ts';
import { serverPerFile } from './testing/server-per-file.ts';
import { twoWriters } from './testing/team-server.ts';
import {
  localStatusUpdateUids,
  logCounts,
  onServer,
  statusUpdatesOnServer,
  unsent,
  waitFor,
} from './testing/log-checks.ts';

const team = serverPerFile(twoWriters);

describe('a push cut off by a server crash', () => {
  it('loses none of 20,000 changes and stores none twice, and a new member ends the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(team.server, 'alice', alice, 'Crash', 4);
    const shared = await logCounts(team.server, link.dossierUid);
    const commitments = commitmentIds(alice, link.dossierId);
    alice.transaction(() => {
      for (let index = 0; index < 20_000; index += 1) {
        recordStatus(alice, commitments[index % 4]!, 'in progress', '2025-03-01', `Update ${index}`);
      }
    })();
    expect(unsent(alice, link.dossierId)).toBe(20_000);

    const client = await team.server.as('alice');
    const push = syncDossier(client, alice, link.dossierId, { pushBatch: 500 });
    let settled = false;
    push.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Crash the server once it holds 5,000 of them, watching on a connection of its own.
    const watcher = await team.server.admin();
    await waitFor(async () => {
      if (settled) throw new Error('The push ended before the server could be killed under it.');
      const { rows } = await watcher.query<{ n: string }>(
        'SELECT count(*) AS n FROM pledgewatch.change WHERE dossier_uid = $1',
        [link.dossierUid],
      );
      return Number(rows[0]!.n) >= shared.changes + 5_000;
    }, 'the server to hold 5,000 of the changes');
    await team.server.cluster.kill();
    await expect(push).rejects.toMatchObject({ name: 'TeamError', code: 'server_unreachable' });
    await team.server.closeAll();
    // Some batches were acknowledged before the crash, and some were not.
    const left = unsent(alice, link.dossierId);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(20_000 - 4_500);
    expect(teamStatus(alice)[0]!.last_error).toMatch(/Cannot reach/);

    await team.server.cluster.start();
    await syncAs(team.server, 'alice', alice, { pushBatch: 500 });
    expect(unsent(alice, link.dossierId)).toBe(0);
    expect(await logCounts(team.server, link.dossierUid)).toMatchObject({
      changes: shared.changes + 20_000,
      distinct: shared.changes + 20_000,
    });
    const onServerNow = await statusUpdatesOnServer(team.server, link.dossierUid);
    const local = localStatusUpdateUids(alice, link.dossierId);
    expect(local).toHaveLength(20_004);
    expect([...onServerNow.keys()].sort()).toEqual(local);
    expect([...onServerNow.values()].every((count) => count === 1)).toBe(true);

    const bob = temporaryDatabase().db;
    await grantAndJoin(team.server, 'bob', bob, 'Crash');
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
  }, 90_000);
});

describe('a pull cut off by killing its process', () => {
  it('leaves a sound file whose cursor matches what it applied, and the next pull ends the same', async () => {
    const alice = temporaryDatabase().db;
    const link = await shareNewDossier(team.server, 'alice', alice, 'Killed pull', 3);
    const commitments = commitmentIds(alice, link.dossierId);
    alice.transaction(() => {
      for (let index = 0; index < 6_000; index += 1) {
        recordStatus(alice, commitments[index % 3]!, 'stalled', '2025-04-01', `Update ${index}`);
      }
    })();
    await syncAs(team.server, 'alice', alice);
    const { last } = await logCounts(team.server, link.dossierUid);
    const [{ first }] = (await onServer<{ first: string }>(
      team.server,
      'SELECT min(seq) AS first FROM pledgewatch.change WHERE dossier_uid = $1',
      [link.dossierUid],
    )) as [{ first: string }];

    // Bob joins (nothing pulled yet), then his pull runs in a process of its own.
    const { db: joining, file } = temporaryDatabase();
    const admin = await team.server.admin();
    const { addMember } = await import('./members.ts');
    await addMember(admin, { name: 'bob', write: true, dossier: 'Killed pull' });
    await team.server.close(admin);
    const bobClient = await team.server.as('bob');
    const joined = await joinDossier(bobClient, joining, 'Killed pull', team.server.cluster.urlFor('bob'));
    await team.server.close(bobClient);
    joining.close();

    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, 'testing', 'pull-child.ts'),
        file,
        team.server.cluster.urlFor('bob'),
        String(joined.dossierId),
        '100',
      ],
      { env: { ...process.env, PGPASSWORD: 'bob-pw' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    const watcher = openDatabase(file, { readonly: true });
    const cursor = () =>
      (
        watcher.prepare('SELECT cursor FROM team_link WHERE dossier_id = ?').get(joined.dossierId) as {
          cursor: number;
        }
      ).cursor;
    const quarter = Number(first) + (last - Number(first)) / 4;
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    await waitFor(() => {
      if (exitedEarly) throw new Error(`The pull ended before it could be killed: ${output}`);
      return cursor() > quarter;
    }, 'the pull to pass a quarter of the log');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const cursorAtKill = cursor();
    watcher.close();
    expect(cursorAtKill).toBeLessThan(last);

    const bob = openDatabase(file);
    expect(bob.pragma('quick_check', { simple: true })).toBe('ok');
    // The cursor moved in the same transaction as the changes it covers: exactly those are here.
    const cursorNow = teamLink(bob, joined.dossierId)!.cursor;
    const kept = bob
      .prepare('SELECT count(*) AS n, max(seq) AS last FROM team_log WHERE dossier_id = ?')
      .get(joined.dossierId) as { n: number; last: number };
    const [{ upTo }] = (await onServer<{ upTo: string }>(
      team.server,
      'SELECT count(*) AS "upTo" FROM pledgewatch.change WHERE dossier_uid = $1 AND seq <= $2',
      [link.dossierUid, cursorNow],
    )) as [{ upTo: string }];
    expect(kept).toEqual({ n: Number(upTo), last: cursorNow });
    expect(kept.n).toBeGreaterThan(0);

    const client = await team.server.as('bob');
    await pullLog(client, bob, joined.dossierId);
    await team.server.close(client);
    expect(teamLink(bob, joined.dossierId)!.cursor).toBe(last);
    expect(dossierDigest(bob, link.dossierUid)).toEqual(dossierDigest(alice, link.dossierUid));
    bob.close();
  }, 90_000);
});
