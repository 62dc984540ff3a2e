// Sync of one shared dossier: push the outbox, then pull what others wrote since the cursor. Each
// batch is one PostgreSQL transaction and one SQLite transaction, so a push or pull cut off anywhere
// resumes where it stopped: a change sent twice is stored once (its change id is unique on the
// server), and the cursor moves in the same transaction as the changes it covers.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { statement } from '../../db/statements.ts';
import { applyLogged } from './apply.ts';
import {
  keepInLog,
  origin,
  teamLink,
  whileApplying,
  type LoggedChange,
  type OutgoingChange,
  type TeamLink,
} from './changes.ts';
import { toTeamError } from './connection.ts';
import { settleFields } from './fields.ts';
import { nextBatch } from './outgoing.ts';

export interface SyncOptions {
  /** Changes per push transaction. */
  pushBatch?: number;
  /** Changes per pull transaction. */
  pullBatch?: number;
}

export interface SyncOutcome {
  pushed: number;
  pulled: number;
}

const receivedAt = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Pushes every entry of the dossier's outbox; returns how many changes the server now holds from it. */
export async function pushOutbox(
  client: pg.Client,
  db: Database,
  link: TeamLink,
  options: SyncOptions = {},
): Promise<number> {
  const writer = origin(db);
  // Entries a push read and never saw acknowledged are sent again, but stay marked: the server may
  // have stored them, so a later edit must get an entry of its own rather than fold into one of them.
  let pushed = 0;
  for (;;) {
    const batch = nextBatch(db, link, writer, options.pushBatch ?? 1_000);
    if (batch.outboxIds.length === 0) return pushed;
    const logged = await sendBatch(client, link, batch.changes);
    acknowledge(db, link, batch.outboxIds, logged);
    pushed += logged.length;
  }
}

async function sendBatch(
  client: pg.Client,
  link: TeamLink,
  changes: OutgoingChange[],
): Promise<LoggedChange[]> {
  if (changes.length === 0) return [];
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO pledgewatch.change (dossier_uid, change_uid, origin, known_seq, entity, entity_uid, field, op,
                                       payload)
       SELECT $1, c.change_uid, c.origin, c.known_seq, c.entity, c.entity_uid, c.field, c.op, c.payload
         FROM jsonb_to_recordset($2::jsonb) AS c (change_uid text, origin text, known_seq bigint, entity text,
                                                  entity_uid text, field text, op text, payload jsonb)
       ON CONFLICT (change_uid) DO NOTHING`,
      [link.dossierUid, JSON.stringify(changes)],
    );
    const stored = await client.query<{
      change_uid: string;
      seq: string;
      author: string;
      received_at: string;
    }>(
      `SELECT change_uid, seq, author, ${receivedAt} AS received_at FROM pledgewatch.change
        WHERE change_uid = ANY($1::text[])`,
      [changes.map((change) => change.change_uid)],
    );
    await client.query('COMMIT');
    const byUid = new Map(stored.rows.map((row) => [row.change_uid, row]));
    return changes.flatMap((change) => {
      const row = byUid.get(change.change_uid);
      return row
        ? [{ ...change, seq: Number(row.seq), author: row.author, received_at: row.received_at }]
        : [];
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The server has them: out of the outbox, into the local log, with the author the server stamped. */
function acknowledge(db: Database, link: TeamLink, outboxIds: number[], logged: LoggedChange[]): void {
  db.transaction(() => {
    keepInLog(db, link.dossierId, logged);
    statement(db, 'DELETE FROM team_outbox WHERE id IN (SELECT value FROM json_each(?)) AND pushing = 1').run(
      JSON.stringify(outboxIds),
    );
    const setBy = statement(db, 'UPDATE status_update SET recorded_by = ? WHERE uid = ?');
    for (const change of logged) {
      if (change.entity === 'status_update' && change.op === 'create')
        setBy.run(change.author, change.entity_uid);
    }
    const fields = logged
      .filter((change) => change.entity === 'commitment' && change.op === 'set')
      .map((change) => [change.entity_uid, change.field!] as [string, string]);
    whileApplying(db, () => settleFields(db, fields));
  })();
}

/** Pulls and applies what the log holds past the cursor; returns how many changes it read. */
export async function pullLog(
  client: pg.Client,
  db: Database,
  dossierId: number,
  options: SyncOptions = {},
): Promise<number> {
  const writer = origin(db);
  let pulled = 0;
  for (;;) {
    const link = teamLink(db, dossierId);
    if (!link) return pulled;
    const result = await client.query<
      Omit<LoggedChange, 'seq' | 'known_seq'> & { seq: string; known_seq: string }
    >(
      `SELECT seq, change_uid, origin, author, ${receivedAt} AS received_at, known_seq, entity, entity_uid,
              field, op, payload
         FROM pledgewatch.change WHERE dossier_uid = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [link.dossierUid, link.cursor, options.pullBatch ?? 2_000],
    );
    if (result.rows.length === 0) return pulled;
    const changes = result.rows.map((row) => ({
      ...row,
      seq: Number(row.seq),
      known_seq: Number(row.known_seq),
    }));
    db.transaction(() => applyLogged(db, link, writer, changes))();
    pulled += changes.length;
  }
}

/** Push, then pull, then note the moment; a failure is noted on the dossier and thrown as a TeamError. */
export async function syncDossier(
  client: pg.Client,
  db: Database,
  dossierId: number,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const link = teamLink(db, dossierId);
  if (!link) return { pushed: 0, pulled: 0 };
  try {
    const pushed = await pushOutbox(client, db, link, options);
    const pulled = await pullLog(client, db, dossierId, options);
    statement(
      db,
      `UPDATE team_link SET last_synced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), last_error = NULL
        WHERE dossier_id = ?`,
    ).run(dossierId);
    return { pushed, pulled };
  } catch (error) {
    const failure = toTeamError(error, link.server);
    statement(db, 'UPDATE team_link SET last_error = ? WHERE dossier_id = ?').run(failure.message, dossierId);
    throw failure;
  }
}
