// Sharing a local dossier with the team, joining one a colleague shared, and what a database's team
// dossiers look like now. Nothing local changes until the server has said yes.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { statement } from '../../db/statements.ts';
import { teamLinks, type TeamLink } from './changes.ts';
import { parseServerUrl, TeamError } from './connection.ts';
import { requireServerSchema } from './server-schema.ts';

export interface TeamDossierStatus {
  server: string;
  dossier: string;
  dossier_id: number;
  member: string;
  can_write: boolean;
  unsent: number;
  last_synced_at: string | null;
  last_error: string | null;
  conflicts: number;
}

/** Publishes the dossier: registers it on the server, then queues all of it in the outbox to push. */
export async function shareDossier(
  client: pg.Client,
  db: Database,
  dossierName: string,
  serverUrl: string,
): Promise<TeamLink> {
  await requireServerSchema(client);
  const dossier = localDossier(db, dossierName);
  if (teamLinks(db).some((link) => link.dossierId === dossier.id)) {
    throw new TeamError(
      'invalid_input',
      `“${dossier.name}” is already shared: run \`team sync\` to send what changed.`,
    );
  }
  const taken = await client.query<{ uid: string }>('SELECT uid FROM pledgewatch.dossier WHERE name = $1', [
    dossier.name,
  ]);
  if (taken.rows.length > 0 && taken.rows[0]!.uid !== dossier.uid) {
    throw new TeamError(
      'invalid_input',
      `A dossier named “${dossier.name}” is already shared on that server: join it with \`team join\`, or rename yours first.`,
    );
  }
  if (taken.rows.length === 0) {
    await client.query('INSERT INTO pledgewatch.dossier (uid, name) VALUES ($1, $2)', [
      dossier.uid,
      dossier.name,
    ]);
  }
  const member = await sessionUser(client);
  db.transaction(() => {
    link(db, dossier, parseServerUrl(serverUrl).url, member, true);
    queueWholeDossier(db, dossier.id);
  })();
  return teamLinks(db).find((found) => found.dossierId === dossier.id)!;
}

/** Brings a shared dossier into this database; its content arrives with the first pull. */
export async function joinDossier(
  client: pg.Client,
  db: Database,
  dossierName: string,
  serverUrl: string,
): Promise<TeamLink> {
  await requireServerSchema(client);
  const found = await client.query<{ uid: string; name: string }>(
    'SELECT uid, name FROM pledgewatch.dossier WHERE name = $1',
    [dossierName],
  );
  const shared = found.rows[0];
  if (!shared) {
    const visible = await client.query<{ name: string }>(
      'SELECT name FROM pledgewatch.dossier ORDER BY name',
    );
    const names = visible.rows.map((row) => `“${row.name}”`).join(', ');
    throw new TeamError(
      'not_found',
      `No dossier named “${dossierName}” is shared with you on that server${names ? `; you may join ${names}` : ''}.`,
    );
  }
  const member = await sessionUser(client);
  const grant = await client.query<{ can_write: boolean }>(
    'SELECT can_write FROM pledgewatch.dossier_member WHERE dossier_uid = $1 AND login = $2',
    [shared.uid, member],
  );
  const canWrite = grant.rows[0]?.can_write ?? false;
  const existing = statement<[string, string], { id: number; uid: string }>(
    db,
    'SELECT id, uid FROM dossier WHERE uid = ? OR name = ?',
  ).get(shared.uid, shared.name);
  if (existing && teamLinks(db).some((known) => known.dossierId === existing.id)) {
    throw new TeamError(
      'invalid_input',
      `“${shared.name}” is already joined here: run \`team sync\` to bring it up to date.`,
    );
  }
  if (existing && existing.uid !== shared.uid) {
    throw new TeamError(
      'invalid_input',
      `This database already has a dossier named “${shared.name}” of its own: rename it before joining the team's.`,
    );
  }
  db.transaction(() => {
    const id =
      existing?.id ??
      Number(
        statement(db, 'INSERT INTO dossier (uid, name) VALUES (?, ?)').run(shared.uid, shared.name)
          .lastInsertRowid,
      );
    link(db, { id, uid: shared.uid }, parseServerUrl(serverUrl).url, member, canWrite);
  })();
  return teamLinks(db).find((known) => known.dossierUid === shared.uid)!;
}

export function teamStatus(db: Database): TeamDossierStatus[] {
  return statement<[], Omit<TeamDossierStatus, 'can_write'> & { can_write: number }>(
    db,
    `SELECT l.server, d.name AS dossier, l.dossier_id, l.member, l.can_write,
            (SELECT count(*) FROM team_outbox o WHERE o.dossier_id = l.dossier_id) AS unsent,
            l.last_synced_at, l.last_error,
            (SELECT count(*) FROM team_conflict k JOIN commitment c ON c.id = k.commitment_id
              WHERE c.dossier_id = l.dossier_id) AS conflicts
       FROM team_link l JOIN dossier d ON d.id = l.dossier_id ORDER BY d.name`,
  )
    .all()
    .map((row) => ({ ...row, can_write: row.can_write === 1 }));
}

/** Grows whenever a pull applies changes: the sum of the cursors. */
export function teamRevision(db: Database): number {
  return statement<[], { revision: number }>(
    db,
    'SELECT coalesce(sum(cursor), 0) AS revision FROM team_link',
  ).get()!.revision;
}

async function sessionUser(client: pg.Client): Promise<string> {
  return (await client.query<{ member: string }>('SELECT session_user AS member')).rows[0]!.member;
}

function localDossier(db: Database, name: string): { id: number; uid: string; name: string } {
  const dossier = statement<[string], { id: number; uid: string; name: string }>(
    db,
    'SELECT id, uid, name FROM dossier WHERE name = ? COLLATE NOCASE',
  ).get(name);
  if (dossier) return dossier;
  const names = statement<[], { name: string }>(db, 'SELECT name FROM dossier ORDER BY name')
    .all()
    .map((row) => `“${row.name}”`);
  throw new TeamError(
    'not_found',
    `There is no dossier named “${name}” in this database${names.length ? `; it has ${names.join(', ')}` : ''}.`,
  );
}

function link(
  db: Database,
  dossier: { id: number; uid: string },
  server: string,
  member: string,
  canWrite: boolean,
) {
  statement(
    db,
    'INSERT INTO team_link (dossier_id, dossier_uid, server, member, can_write) VALUES (?, ?, ?, ?, ?)',
  ).run(dossier.id, dossier.uid, server, member, canWrite ? 1 : 0);
}

/**
 * Everything the dossier holds, in an order every machine can apply: commitments parents first, then
 * their history, retractions and evidence links (sources and excerpts go with the entries that use them).
 */
function queueWholeDossier(db: Database, dossierId: number): void {
  statement(
    db,
    `WITH RECURSIVE depth (id, level) AS (
       SELECT id, 0 FROM commitment
        WHERE dossier_id = ?
          AND (parent_id IS NULL OR parent_id NOT IN (SELECT id FROM commitment WHERE dossier_id = ?))
       UNION ALL
       SELECT c.id, depth.level + 1 FROM commitment c JOIN depth ON c.parent_id = depth.id
     )
     INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
     SELECT ?, 0, 'commitment', c.uid, 'create', json_object('id', c.id)
       FROM depth JOIN commitment c ON c.id = depth.id ORDER BY depth.level, c.id`,
  ).run(dossierId, dossierId, dossierId);
  statement(
    db,
    `INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
     SELECT ?, 0, 'status_update', u.uid, 'create', json_object('id', u.id)
       FROM status_update u JOIN commitment c ON c.id = u.commitment_id
      WHERE c.dossier_id = ? ORDER BY u.id`,
  ).run(dossierId, dossierId);
  statement(
    db,
    `INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
     SELECT ?, 0, 'status_update', u.uid, 'retract', json_object('retracted_at', r.retracted_at, 'reason', r.reason)
       FROM status_update_retraction r JOIN status_update u ON u.id = r.update_id
            JOIN commitment c ON c.id = u.commitment_id
      WHERE c.dossier_id = ? ORDER BY r.update_id`,
  ).run(dossierId, dossierId);
  statement(
    db,
    `INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
     SELECT ?, 0, 'commitment', c.uid, 'link', json_object('excerpt_id', ce.excerpt_id)
       FROM commitment_excerpt ce JOIN commitment c ON c.id = ce.commitment_id
      WHERE c.dossier_id = ? ORDER BY ce.commitment_id, ce.excerpt_id`,
  ).run(dossierId, dossierId);
}
