// Two databases sharing one dossier through a real PostgreSQL: share, join, write apart, converge.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachEvidence } from '../../db/evidence.ts';
import { getSource, insertSource } from '../../db/sources.ts';
import { updateCommitment } from '../../db/edits.ts';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import {
  dashboardTallies,
  newCommitment,
  newStatusUpdate,
  scorecardTallies,
  temporaryDatabase,
} from '../../db/testing.ts';
import { deleteCommitment } from '../../db/trash.ts';
import { undoLastAction } from '../../db/undo.ts';
import { loadSample } from '../ingest/sample.ts';
import { teamLinks } from './changes.ts';
import { joinDossier, shareDossier, teamStatus } from './share.ts';
import { syncDossier } from './sync.ts';
import { dossierDigest } from './testing/digest.ts';
import { TeamServer, twoWriters } from './testing/team-server.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

let server: TeamServer;

beforeAll(async () => {
  server = await TeamServer.start([...twoWriters, { name: 'carol', write: false }]);
}, 120_000);

afterAll(() => server?.destroy());

const dossierName = (db: Database) =>
  (db.prepare('SELECT name FROM dossier ORDER BY id LIMIT 1').get() as { name: string }).name;

async function syncAs(login: string, db: Database): Promise<void> {
  const client = await server.as(login);
  try {
    for (const link of teamLinks(db)) await syncDossier(client, db, link.dossierId);
  } finally {
    await server.close(client);
  }
}

async function grant(login: string, dossier: string, write: boolean): Promise<void> {
  const admin = await server.admin();
  try {
    const { addMember } = await import('./members.ts');
    await addMember(admin, { name: login, write, dossier });
  } finally {
    await server.close(admin);
  }
}

describe('a shared dossier', () => {
  const alice = temporaryDatabase().db;
  const bob = temporaryDatabase().db;
  let name: string;
  let uid: string;

  it('is published whole by one member and joined whole by another', async () => {
    loadSample(alice);
    name = dossierName(alice);
    let client: pg.Client = await server.as('alice');
    const link = await shareDossier(client, alice, name, server.cluster.urlFor('alice'));
    uid = link.dossierUid;
    expect(link.server).not.toContain('alice-pw');
    await syncDossier(client, alice, link.dossierId);
    await server.close(client);
    expect(teamStatus(alice)[0]).toMatchObject({ dossier: name, member: 'alice', unsent: 0, conflicts: 0 });

    await grant('bob', name, true);
    client = await server.as('bob');
    const joined = await joinDossier(client, bob, name, server.cluster.urlFor('bob'));
    await syncDossier(client, bob, joined.dossierId);
    await server.close(client);

    const theirs = dossierDigest(bob, uid);
    expect(theirs.commitments.length).toBeGreaterThan(5);
    expect(theirs.statusUpdates.length).toBeGreaterThan(5);
    expect(theirs.sources.length).toBeGreaterThan(0);
    expect(theirs).toEqual(dossierDigest(alice, uid));
  });

  it('takes writes made apart while the server is down, and both end the same after syncing', async () => {
    await server.closeAll();
    await server.cluster.stop();
    const dossierIdOf = (db: Database) => teamLinks(db)[0]!.dossierId;
    const firstOf = (db: Database) =>
      (
        db
          .prepare(
            'SELECT id FROM commitment WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY uid LIMIT 1',
          )
          .get(dossierIdOf(db)) as { id: number }
      ).id;
    const statusId = (db: Database, status: string) =>
      (db.prepare('SELECT id FROM status WHERE name = ?').get(status) as { id: number }).id;

    // Both record a status update on the same commitment, and both retitle it: a conflict.
    recordStatusUpdate(
      alice,
      newStatusUpdate(firstOf(alice), statusId(alice, 'in progress'), '2025-10-01', {
        note: 'Alice saw the first shipment inspections.',
      }),
    );
    recordStatusUpdate(
      bob,
      newStatusUpdate(firstOf(bob), statusId(bob, 'stalled'), '2025-10-02', {
        note: 'Bob heard the talks paused.',
      }),
    );
    updateCommitment(alice, { id: firstOf(alice), title: 'Alice’s title' });
    updateCommitment(bob, { id: firstOf(bob), title: 'Bob’s title' });
    // Alice adds a commitment; Bob trashes another and undoes it, then edits a summary.
    const added = insertCommitment(
      alice,
      newCommitment(dossierIdOf(alice), {
        title: 'Joint review of port inspections',
        kind: 'review',
        announcedOn: '2025-10-03',
        deadline: { amount: 30, unit: 'days', from: '2025-10-03' },
      }),
    );
    const second = (
      bob
        .prepare(
          'SELECT id FROM commitment WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY uid LIMIT 1 OFFSET 1',
        )
        .get(dossierIdOf(bob)) as { id: number }
    ).id;
    deleteCommitment(bob, second);
    undoLastAction(bob);
    updateCommitment(bob, { id: second, summary: 'Bob’s summary' });
    expect(teamStatus(alice)[0]!.unsent).toBeGreaterThan(0);
    expect(teamStatus(bob)[0]!.unsent).toBeGreaterThan(0);

    await server.cluster.start();
    await syncAs('alice', alice);
    await syncAs('bob', bob);
    await syncAs('alice', alice);

    expect(teamStatus(alice)[0]!.unsent).toBe(0);
    expect(teamStatus(bob)[0]!.unsent).toBe(0);
    const ours = dossierDigest(alice, uid);
    expect(ours).toEqual(dossierDigest(bob, uid));
    // The scorecard's and dashboard's kept tallies follow what arrived from the team as they follow local writes.
    for (const db of [alice, bob]) {
      expect(scorecardTallies(db).kept).toEqual(scorecardTallies(db).counted);
      expect(dashboardTallies(db).kept).toEqual(dashboardTallies(db).counted);
    }
    expect(
      ours.commitments.some((row) => (row as { title: string }).title === 'Joint review of port inspections'),
    ).toBe(true);
    // Quotations and paraphrases arrive as such.
    const forms = (ours.evidence as { paraphrase: number }[]).map((row) => row.paraphrase);
    expect(forms).toContain(0);
    expect(forms).toContain(1);
    expect(alice.prepare('SELECT count(*) AS n FROM commitment WHERE id = ?').get(added)).toEqual({ n: 1 });
    // Both notes are there, each with its author.
    const notes = ours.statusUpdates as { note: string; recorded_by: string | null }[];
    expect(notes.find((row) => row.note.startsWith('Alice saw'))?.recorded_by).toBe('alice');
    expect(notes.find((row) => row.note.startsWith('Bob heard'))?.recorded_by).toBe('bob');
    // The title is a conflict on both machines, with both values and who wrote them.
    expect(ours.conflicts).toHaveLength(1);
    const conflict = ours.conflicts[0] as { field: string; kept: string; other: string };
    expect(conflict.field).toBe('title');
    const values = [JSON.parse(conflict.kept), JSON.parse(conflict.other)] as {
      value: string;
      author: string;
    }[];
    expect(values.map((value) => `${value.author}:${value.value}`).sort()).toEqual([
      'alice:Alice’s title',
      'bob:Bob’s title',
    ]);
  });

  it('settles a conflict for everyone once someone chooses', async () => {
    const id = (bob.prepare('SELECT commitment_id AS id FROM team_conflict').get() as { id: number }).id;
    updateCommitment(bob, { id, title: 'The agreed title' });
    await syncAs('bob', bob);
    await syncAs('alice', alice);
    expect(dossierDigest(alice, uid).conflicts).toEqual([]);
    expect(dossierDigest(bob, uid)).toEqual(dossierDigest(alice, uid));
  });

  it('keeps no conflict when both trash the same commitment apart, and carries an undo everywhere', async () => {
    const leafOf = (db: Database) =>
      (
        db
          .prepare(
            `SELECT c.id FROM commitment c WHERE c.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM commitment k WHERE k.parent_id = c.id) ORDER BY c.uid LIMIT 1`,
          )
          .get() as { id: number }
      ).id;
    const target = leafOf(alice);
    const uidOfTarget = alice
      .prepare('SELECT uid FROM commitment WHERE id = ?')
      .pluck()
      .get(target) as string;
    const bobsTarget = bob
      .prepare('SELECT id FROM commitment WHERE uid = ?')
      .pluck()
      .get(uidOfTarget) as number;
    await server.closeAll();
    await server.cluster.stop();
    deleteCommitment(alice, target);
    deleteCommitment(bob, bobsTarget);
    // Alice's status update, undone while offline: it must end retracted on both machines.
    recordStatusUpdate(
      alice,
      newStatusUpdate(
        leafOf(alice),
        (alice.prepare(`SELECT id FROM status WHERE name = 'at risk'`).get() as { id: number }).id,
        '2025-11-01',
        { note: 'Recorded by mistake.' },
      ),
    );
    undoLastAction(alice);
    await server.cluster.start();
    await syncAs('alice', alice);
    await syncAs('bob', bob);
    await syncAs('alice', alice);
    const ours = dossierDigest(alice, uid);
    expect(ours).toEqual(dossierDigest(bob, uid));
    expect(ours.conflicts).toEqual([]);
    for (const db of [alice, bob]) {
      expect(scorecardTallies(db).kept).toEqual(scorecardTallies(db).counted);
      expect(dashboardTallies(db).kept).toEqual(dashboardTallies(db).counted);
    }
    const mistaken = (ours.statusUpdates as { note: string; retracted: number }[]).find(
      (row) => row.note === 'Recorded by mistake.',
    );
    expect(mistaken?.retracted).toBe(1);
  });

  it('carries a source’s bibliographic record (its CSL item) with the evidence that quotes it', async () => {
    const csl = {
      type: 'article-newspaper',
      'container-title': 'La Jornada',
      author: [{ family: 'Núñez Peña', given: 'José Ángel' }],
    };
    const fullText = 'México y Estados Unidos acordaron un grupo de implementación de seguridad.';
    const sourceId = insertSource(alice, {
      title: 'México y EE. UU. acuerdan un grupo de implementación de seguridad',
      publisher: 'La Jornada',
      url: 'https://www.jornada.com.mx/2025/09/05/politica/grupo-implementacion-seguridad',
      publishedOn: '2025-09-05',
      language: 'es',
      fullText,
      csl,
    });
    const commitmentId = alice
      .prepare('SELECT id FROM commitment WHERE deleted_at IS NULL ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    attachEvidence(alice, { sourceId, start: 0, end: fullText.length, speaker: '' }, commitmentId, null);
    await syncAs('alice', alice);
    await syncAs('bob', bob);
    const bobsSource = bob
      .prepare('SELECT id FROM source WHERE full_text = ?')
      .pluck()
      .get(fullText) as number;
    expect(getSource(bob, bobsSource).csl).toEqual(csl);
  });

  it('lets a read-only member read and sync, and refuses their writes locally', async () => {
    const carol = temporaryDatabase().db;
    await grant('carol', name, false);
    const client = await server.as('carol');
    const joined = await joinDossier(client, carol, name, server.cluster.urlFor('carol'));
    await syncDossier(client, carol, joined.dossierId);
    await server.close(client);
    expect(dossierDigest(carol, uid)).toEqual(dossierDigest(alice, uid));
    const commitment = (
      carol.prepare('SELECT id FROM commitment WHERE dossier_id = ? LIMIT 1').get(joined.dossierId) as {
        id: number;
      }
    ).id;
    expect(() => updateCommitment(carol, { id: commitment, title: 'Carol tries' })).toThrow(/read-only/);
    expect(teamStatus(carol)[0]).toMatchObject({ can_write: false, unsent: 0 });
  });
});
