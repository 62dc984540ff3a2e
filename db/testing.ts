// Test support: real temporary database files, and a fingerprint to prove a failed call changed nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RecordedStatusUpdate } from './status-updates.ts';
import { defaultMigrationsDir } from './migrations.ts';
import { openDatabase } from './open.ts';
import type { NewCommitment } from './commitment-add.ts';

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'pledgewatch-'));
}

export function temporaryDatabase(): { db: Database; file: string } {
  const file = join(temporaryFolder(), 'pledgewatch.sqlite');
  return { db: openDatabase(file), file };
}

/** The SHA-256 of a file's bytes: the same hash before and after means the file was left as it was. */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Flips bytes inside pages `from` to `to` of a database file, as a failing disk or a careless sync tool
 * would; writes the damaged copy to `into` when given.
 */
export function damageFile(file: string, [from, to]: [number, number] = [3, 6], into = file): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let offset = pageSize * from; offset < pageSize * to; offset += 7) bytes[offset] = 0xff;
  writeFileSync(into, bytes);
}

/** A hash of every row of every table: equal fingerprints mean nothing was written. */
export function fingerprint(db: Database): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  }
  return hash.digest('hex');
}

/** A commitment for a test: defaults for every field, so a test names only what it is about. */
export function newCommitment(dossierId: number, fields: Partial<NewCommitment> = {}): NewCommitment {
  return {
    dossierId,
    title: 'A commitment',
    summary: '',
    kind: 'pledge',
    parentId: null,
    madeBy: [],
    owedTo: [],
    topicIds: [],
    announcedOn: '2025-09-03',
    deadline: null,
    ...fields,
  };
}

/** The id of the status of that name. */
export function statusIdOf(db: Database, name: string): number {
  return db.prepare('SELECT id FROM status WHERE name = ?').pluck().get(name) as number;
}

/** A status update for a test: no note, party, evidence or correction unless the test names them. */
export function newStatusUpdate(
  commitmentId: number,
  statusId: number,
  effectiveOn: string,
  fields: Partial<RecordedStatusUpdate> = {},
): RecordedStatusUpdate {
  return {
    commitmentId,
    statusId,
    effectiveOn,
    note: '',
    partyId: null,
    excerptId: null,
    correctsId: null,
    ...fields,
  };
}

/**
 * Shares a dossier as `team link` would, without a server: from then on the triggers of migration 007
 * fill recorded_by with `member` on every status update recorded here.
 */
export function shareDossier(db: Database, dossierId: number, member = 'alice'): void {
  db.prepare(
    `INSERT INTO team_link (dossier_id, dossier_uid, server, member, can_write)
     SELECT id, uid, 'postgres://db.example/pledgewatch', ?, 1 FROM dossier WHERE id = ?`,
  ).run(member, dossierId);
}

export interface LoggedCommitmentChange {
  author: string;
  commitmentId: number;
  op: 'create' | 'set';
  field?: string;
  value?: unknown;
  receivedAt: string;
}

/** A change to a commitment as if pulled from the team's log: what another member wrote, and when. */
export function logTeamChange(db: Database, change: LoggedCommitmentChange): void {
  db.prepare(
    `INSERT INTO team_log (dossier_id, seq, change_uid, origin, author, received_at, known_seq, entity,
                           entity_uid, field, op, payload)
     SELECT c.dossier_id, coalesce((SELECT max(seq) FROM team_log WHERE dossier_id = c.dossier_id), 0) + 1,
            lower(hex(randomblob(16))), 'elsewhere', @author, @receivedAt, 0, 'commitment', c.uid, @field, @op,
            json_object('value', json(@value))
       FROM commitment c WHERE c.id = @commitmentId`,
  ).run({
    author: change.author,
    commitmentId: change.commitmentId,
    op: change.op,
    field: change.field ?? null,
    value: JSON.stringify(change.value ?? null),
    receivedAt: change.receivedAt,
  });
}

/** The tallies as the triggers left them, and as counted again from every commitment. */
export function scorecardTallies(db: Database): { kept: unknown[]; counted: unknown[] } {
  const kept = db
    .prepare(
      `SELECT dossier_id, topics, party_id, status_id, cells FROM scorecard_tally
        WHERE cells <> 0 ORDER BY 1, 2, 3, 4`,
    )
    .raw()
    .all();
  const counted = db
    .prepare(
      `SELECT c.dossier_id, coalesce(k.topics, ''), coalesce(cp.party_id, 0),
              coalesce(ps.status_id, c.current_status_id, 0), count(*)
         FROM commitment c
         LEFT JOIN (SELECT commitment_id, group_concat(topic_id, ',' ORDER BY topic_id) AS topics
                      FROM commitment_topic GROUP BY commitment_id) k ON k.commitment_id = c.id
         LEFT JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
         LEFT JOIN status_update ps ON ps.id = (
               SELECT h.id FROM status_update h
                WHERE h.commitment_id = c.id AND h.party_id = cp.party_id
                  AND h.id NOT IN (SELECT update_id FROM status_update_retraction)
                ORDER BY h.effective_on DESC, h.recorded_at DESC, h.uid DESC LIMIT 1)
        WHERE c.deleted_at IS NULL
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .raw()
    .all();
  return { kept, counted };
}

/** The dashboard's kept tallies (migration 012) beside the same tallies counted from scratch. */
export function dashboardTallies(db: Database): { kept: unknown[]; counted: unknown[] } {
  const rows = (sql: string) => db.prepare(sql).raw().all();
  const kept = [
    ...rows('SELECT topics, status_id, commitments FROM dashboard_topic_tally ORDER BY 1, 2'),
    ...rows('SELECT party_id, status_id, commitments FROM dashboard_maker_tally ORDER BY 1, 2'),
  ];
  const counted = [
    ...rows(
      `SELECT coalesce((SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic
                         WHERE commitment_id = c.id), ''),
              coalesce(c.current_status_id, 0), count(*)
         FROM commitment c WHERE c.deleted_at IS NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    ...rows(
      `SELECT cp.party_id, coalesce(c.current_status_id, 0), count(*)
         FROM commitment c JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
        WHERE c.deleted_at IS NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  ];
  return { kept, counted };
}

/** A new database file as a version before `version` left it: migrations up to `version - 1` only. */
export function databaseBefore(version: number): { db: Database; file: string } {
  const folder = join(temporaryFolder(), 'migrations');
  mkdirSync(folder);
  for (const name of readdirSync(defaultMigrationsDir)) {
    if (/^\d{3}_.*\.sql$/.test(name) && Number(name.slice(0, 3)) < version) {
      copyFileSync(join(defaultMigrationsDir, name), join(folder, name));
    }
  }
  const file = join(temporaryFolder(), 'before.sqlite');
  return { db: openDatabase(file, { migrationsDir: folder }), file };
}
