// Test support: team members' machines as the robustness and property tests drive them: a small dossier
// shared by one member and joined by others, a sync as a member, and a status recorded by its name.
import type { Database } from 'better-sqlite3';
import { createDossier } from '../../../db/reference-edits.ts';
import { recordStatusUpdate } from '../../../db/status-updates.ts';
import { newCommitment, newStatusUpdate } from '../../../db/testing.ts';
import { teamLinks, type TeamLink } from '../changes.ts';
import { addMember } from '../members.ts';
import { joinDossier, shareDossier } from '../share.ts';
import { syncDossier, type SyncOptions } from '../sync.ts';
import type { TeamServer } from './team-server.ts';
import { insertCommitment } from '../../../db/commitment-add.ts';

export function statusId(db: Database, name: string): number {
  return (db.prepare('SELECT id FROM status WHERE name = ?').get(name) as { id: number }).id;
}

/** The dossier's commitments here, oldest first. */
export function commitmentIds(db: Database, dossierId: number): number[] {
  return db
    .prepare('SELECT id FROM commitment WHERE dossier_id = ? ORDER BY id')
    .pluck()
    .all(dossierId) as number[];
}

/** A status update as the analyst records it, on a date the caller picks. */
export function recordStatus(
  db: Database,
  commitmentId: number,
  status: string,
  effectiveOn: string,
  note = '',
) {
  return recordStatusUpdate(db, newStatusUpdate(commitmentId, statusId(db, status), effectiveOn, { note }));
}

/** Syncs every dossier the database shares, logged in as `login`; the connection is closed after. */
export async function syncAs(
  server: TeamServer,
  login: string,
  db: Database,
  options: SyncOptions = {},
): Promise<void> {
  const client = await server.as(login);
  try {
    for (const link of teamLinks(db)) await syncDossier(client, db, link.dossierId, options);
  } finally {
    await server.close(client);
  }
}

/** A new dossier of `count` commitments in `db`, shared by `login` and pushed whole. */
export async function shareNewDossier(
  server: TeamServer,
  login: string,
  db: Database,
  name: string,
  count: number,
): Promise<TeamLink> {
  const dossierId = createDossier(db, name, '');
  for (let index = 0; index < count; index += 1) {
    insertCommitment(
      db,
      newCommitment(dossierId, { title: `${name}: commitment ${index + 1}`, announcedOn: '2025-01-01' }),
    );
  }
  const client = await server.as(login);
  try {
    await shareDossier(client, db, name, server.cluster.urlFor(login));
    await syncDossier(client, db, dossierId);
  } finally {
    await server.close(client);
  }
  return teamLinks(db).find((link) => link.dossierId === dossierId)!;
}

/** Grants `login` the dossier (creating the member if need be), then joins and pulls it into `db`. */
export async function grantAndJoin(
  server: TeamServer,
  login: string,
  db: Database,
  dossier: string,
  write = true,
): Promise<TeamLink> {
  const admin = await server.admin();
  try {
    await addMember(admin, { name: login, write, dossier, password: `${login}-pw` });
  } finally {
    await server.close(admin);
  }
  const client = await server.as(login);
  try {
    const link = await joinDossier(client, db, dossier, server.cluster.urlFor(login));
    await syncDossier(client, db, link.dossierId);
    return teamLinks(db).find((found) => found.dossierId === link.dossierId)!;
  } finally {
    await server.close(client);
  }
}

/** Day `n` after 1 Jan 2025: every status update its own date, where a test needs them apart. */
export const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
