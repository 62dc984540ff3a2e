// The changes of a shared dossier, as they travel between this database and the team's log.
import type { Database } from 'better-sqlite3';
import { statement } from '../../db/statements.ts';

export type Entity = 'commitment' | 'status_update' | 'source' | 'excerpt';

/** One change as its writer sends it; the server adds the order, the author and the arrival. */
export interface OutgoingChange {
  change_uid: string;
  origin: string;
  known_seq: number;
  entity: Entity;
  entity_uid: string;
  field: string | null;
  op: string;
  payload: Record<string, unknown>;
}

/** A change as the shared log holds it. */
export interface LoggedChange extends OutgoingChange {
  seq: number;
  author: string;
  received_at: string;
}

/** A dossier this database shares with a team. */
export interface TeamLink {
  dossierId: number;
  dossierUid: string;
  dossierName: string;
  server: string;
  member: string;
  canWrite: boolean;
  cursor: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export function teamLinks(db: Database): TeamLink[] {
  return statement<[], Omit<TeamLink, 'canWrite'> & { canWrite: number }>(
    db,
    `SELECT l.dossier_id AS dossierId, l.dossier_uid AS dossierUid, d.name AS dossierName, l.server,
            l.member, l.can_write AS canWrite, l.cursor, l.last_synced_at AS lastSyncedAt,
            l.last_error AS lastError
       FROM team_link l JOIN dossier d ON d.id = l.dossier_id ORDER BY d.name`,
  )
    .all()
    .map((link) => ({ ...link, canWrite: link.canWrite === 1 }));
}

export function teamLink(db: Database, dossierId: number): TeamLink | undefined {
  return teamLinks(db).find((link) => link.dossierId === dossierId);
}

/** This database's name among the team's writers: its own changes come back from the log with it. */
export function origin(db: Database): string {
  return statement<[], { origin: string }>(db, 'SELECT origin FROM team_client WHERE id = 1').get()!.origin;
}

/** Writes logged changes to the local copy of the log; one already there is left as it is. */
export function keepInLog(db: Database, dossierId: number, changes: LoggedChange[]): void {
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO team_log (dossier_id, seq, change_uid, origin, author, received_at, known_seq,
                                     entity, entity_uid, field, op, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const change of changes) {
    insert.run(
      dossierId,
      change.seq,
      change.change_uid,
      change.origin,
      change.author,
      change.received_at,
      change.known_seq,
      change.entity,
      change.entity_uid,
      change.field,
      change.op,
      canonicalJson(change.payload),
    );
  }
}

/** JSON with every object's keys in order: the same value is the same text on every machine. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** Marks the start of applying others' changes: the capture and read-only triggers stand aside. */
export function whileApplying<T>(db: Database, apply: () => T): T {
  statement(db, 'INSERT INTO team_applying (active) VALUES (1)').run();
  try {
    return apply();
  } finally {
    statement(db, 'DELETE FROM team_applying').run();
  }
}
