// Test support for the robustness tests: waiting for a condition, and what the team's log on the server
// and a machine's own file hold for a dossier.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { teamStatus } from '../share.ts';
import type { TeamServer } from './team-server.ts';

/** Polls until `check` holds; fails after `ms`, naming what it waited for. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function onServer<T extends pg.QueryResultRow>(
  server: TeamServer,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const admin = await server.admin();
  try {
    return (await admin.query<T>(sql, values)).rows;
  } finally {
    await server.close(admin);
  }
}

/** How many changes the server's log holds for the dossier, how many distinct, and the last seq. */
export async function logCounts(
  server: TeamServer,
  dossierUid: string,
): Promise<{ changes: number; distinct: number; last: number }> {
  const [row] = await onServer<{ changes: string; distinct: string; last: string | null }>(
    server,
    `SELECT count(*) AS changes, count(DISTINCT change_uid) AS distinct, max(seq) AS last
       FROM pledgewatch.change WHERE dossier_uid = $1`,
    [dossierUid],
  );
  return { changes: Number(row!.changes), distinct: Number(row!.distinct), last: Number(row!.last ?? 0) };
}

/** Status updates the server holds for the dossier: entity uid → how many create entries. */
export async function statusUpdatesOnServer(
  server: TeamServer,
  dossierUid: string,
): Promise<Map<string, number>> {
  const rows = await onServer<{ uid: string; n: string }>(
    server,
    `SELECT entity_uid AS uid, count(*) AS n FROM pledgewatch.change
      WHERE dossier_uid = $1 AND entity = 'status_update' AND op = 'create' GROUP BY entity_uid`,
    [dossierUid],
  );
  return new Map(rows.map((row) => [row.uid, Number(row.n)]));
}

/** The uids of the status updates a machine's file holds for the dossier. */
export function localStatusUpdateUids(db: Database, dossierId: number): string[] {
  return db
    .prepare(
      `SELECT u.uid FROM status_update u JOIN commitment c ON c.id = u.commitment_id
        WHERE c.dossier_id = ? ORDER BY u.uid`,
    )
    .pluck()
    .all(dossierId) as string[];
}

/** How many of the machine's changes to the dossier wait in its outbox. */
export const unsent = (db: Database, dossierId: number) =>
  teamStatus(db).find((status) => status.dossier_id === dossierId)!.unsent;
