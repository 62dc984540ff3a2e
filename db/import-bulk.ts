// An import's new commitments written in bulk: their rows go in with the per-row triggers set aside,
// then what those triggers keep (the search index, the status in force, each party's own status, the
// scorecard's and the dashboard's tallies) is worked out for those rows alone in a few statements.
// For 100,000 commitments the triggers are most of the time an import takes; the result is the same.
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

/** The tables whose triggers are set aside: those an import's new commitments write. */
const tables = [
  'commitment',
  'commitment_party',
  'commitment_topic',
  'status_update',
  'party_current_status',
];

/**
 * Every trigger on those tables, each of which either does nothing for a new commitment of a dossier
 * no team shares (the team's captures and guards, the uid given when none is, the guards on edits and
 * deletions) or keeps something that keepForNew below works out. A trigger not named here (a new
 * migration's) sends every import through the triggers, until this file learns what it keeps.
 */
export const triggersSetAside = new Set([
  'commitment_current_status',
  'commitment_fts_delete',
  'commitment_fts_insert',
  'commitment_fts_update',
  'commitment_uid',
  'dashboard_on_commitment_delete',
  'dashboard_on_commitment_insert',
  'dashboard_on_commitment_update',
  'scorecard_on_commitment_delete',
  'scorecard_on_commitment_insert',
  'scorecard_on_commitment_update',
  'team_capture_commitment',
  'team_capture_commitment_fields',
  'team_commitment_stays',
  'team_read_only_commitment_insert',
  'team_read_only_commitment_update',
  'uid_never_changes_commitment',
  'dashboard_on_maker_delete',
  'dashboard_on_maker_insert',
  'scorecard_on_maker_delete',
  'scorecard_on_maker_insert',
  'team_capture_party_added',
  'team_capture_party_removed',
  'team_read_only_party',
  'dashboard_on_topic_delete',
  'dashboard_on_topic_insert',
  'scorecard_on_topic_delete',
  'scorecard_on_topic_insert',
  'team_capture_topic_added',
  'team_capture_topic_removed',
  'team_read_only_topic',
  'party_status_on_uid',
  'party_status_on_update',
  'status_update_no_delete',
  'status_update_no_edit',
  'status_update_sets_current',
  'status_update_uid',
  'status_update_uid_sets_current',
  'team_capture_status_update',
  'team_read_only_status_update',
  'uid_never_changes_status_update',
  'scorecard_on_own_delete',
  'scorecard_on_own_insert',
]);

/**
 * Fewer new commitments than this go through the triggers, which then cost less than setting them
 * aside and making them again: into a library of 20,000, 10 new commitments took 28 ms through the
 * triggers and 39 ms in bulk, 50 took 45 ms both ways, 200 took 184 ms and 114 ms.
 */
export const bulkFrom = 100;

interface StoredTrigger {
  name: string;
  sql: string;
}

/**
 * In the order the schema holds them: triggers on one table and event run in that order (the last
 * made first), so they are made again in it.
 */
function storedTriggers(db: Database): StoredTrigger[] {
  return statement<[string], StoredTrigger>(
    db,
    `SELECT name, sql FROM sqlite_master
      WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ).all(JSON.stringify(tables));
}

/**
 * Whether new commitments of these dossiers can go in bulk: no team shares any of them (so nothing
 * goes to a team's outbox and no read-only guard applies), and every trigger is one this file knows.
 */
export function canWriteInBulk(db: Database, dossierIds: number[]): boolean {
  const shared = statement<[string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM team_link WHERE dossier_id IN (SELECT value FROM json_each(?))',
  ).get(JSON.stringify(dossierIds))!.n;
  if (shared > 0) return false;
  const stored = storedTriggers(db);
  return stored.length === triggersSetAside.size && stored.every((t) => triggersSetAside.has(t.name));
}

/**
 * Runs `write` with the triggers set aside and puts them back exactly as they were, inside the
 * caller's transaction: no other connection ever sees them missing, and a failure (which rolls the
 * transaction back) puts everything back as it was.
 */
export function withTriggersSetAside<T>(db: Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('Triggers are set aside only inside a transaction.');
  const stored = storedTriggers(db);
  for (const trigger of stored) db.exec(`DROP TRIGGER "${trigger.name}"`);
  const result = write();
  for (const trigger of stored) db.exec(trigger.sql);
  return result;
}

/** Tables an import adds rows to, and how many each gets. */
export type NewRows = Record<
  'commitment' | 'commitment_party' | 'commitment_topic' | 'status_update',
  number
>;

/**
 * The tables whose secondary indexes are cheaper built again than kept row by row: those the import
 * at least doubles. A few hundred rows are never worth it, and a large import into a larger table
 * keeps the table's indexes, since building them again would read every row.
 */
export function tablesToReindex(db: Database, added: NewRows): string[] {
  return Object.entries(added).flatMap(([table, count]) => {
    if (count < 1_000) return [];
    const existing = statement<[], { n: number }>(db, `SELECT count(*) AS n FROM ${table}`).get()!.n;
    return count >= existing ? [table] : [];
  });
}

/**
 * Runs `write` with a page cache of up to 256 MB: a bulk write of 100,000 commitments touches far more
 * pages than the 32 MB the app keeps, and pages pushed out of the cache before the commit are
 * written to the log and read back. The cache the connection had is put back after, whatever happens.
 */
export function withRoomToWrite<T>(db: Database, write: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    return write();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

/**
 * Runs `write` with these tables' indexes dropped and builds them again after, exactly as they were,
 * inside the caller's transaction. Only the indexes made by CREATE INDEX without UNIQUE: a unique
 * index or a primary key refuses rows (and makes INSERT OR IGNORE ignore them), so it stays.
 */
export function withIndexesSetAside<T>(db: Database, tables: string[], write: () => T): T {
  if (!db.inTransaction) throw new Error('Indexes are set aside only inside a transaction.');
  const indexes = tables.flatMap((table) =>
    statement<[string], { name: string; sql: string }>(
      db,
      `SELECT m.name, m.sql FROM pragma_index_list(?) i JOIN sqlite_master m ON m.name = i.name
        WHERE i.origin = 'c' AND i."unique" = 0 AND m.type = 'index' ORDER BY m.rowid`,
    ).all(table),
  );
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const result = write();
  for (const index of indexes) db.exec(index.sql);
  return result;
}

/**
 * What the triggers would have kept for these new commitments, written with the triggers set aside:
 * the same rules as the triggers and the migrations that first filled these tables, for these ids.
 * Tallies are sums, so the new commitments' counts are added to those already kept.
 */
export function keepForNew(db: Database, ids: number[]): void {
  const params = { ids: JSON.stringify(ids) };
  const run = (sql: string) => statement<[{ ids: string }]>(db, sql).run(params);

  const newIds = 'SELECT value FROM json_each(@ids)';
  run(
    `INSERT INTO commitment_fts (rowid, title, summary)
     SELECT id, title, summary FROM commitment WHERE id IN (${newIds})`,
  );
  // The status in force: the latest whole-commitment update by effective date, then by when it was
  // recorded (status_update_sets_current), and its status and day (commitment_current_status).
  run(
    `UPDATE commitment
        SET current_update_id = latest.id, current_status_id = latest.status_id, current_since = latest.effective_on
       FROM (SELECT id, commitment_id, status_id, effective_on,
                    row_number() OVER (PARTITION BY commitment_id
                                       ORDER BY effective_on DESC, recorded_at DESC, uid DESC) AS rank
               FROM status_update
              WHERE commitment_id IN (${newIds}) AND party_id IS NULL
                AND id NOT IN (SELECT update_id FROM status_update_retraction)) AS latest
      WHERE latest.rank = 1 AND commitment.id = latest.commitment_id`,
  );
  // Each party's own status in force (party_status_refresh_apply).
  run(
    `INSERT INTO party_current_status (commitment_id, party_id, update_id, status_id, since)
     SELECT commitment_id, party_id, id, status_id, effective_on
       FROM (SELECT id, commitment_id, party_id, status_id, effective_on,
                    row_number() OVER (PARTITION BY commitment_id, party_id
                                       ORDER BY effective_on DESC, recorded_at DESC, uid DESC) AS rank
               FROM status_update
              WHERE commitment_id IN (${newIds}) AND party_id IS NOT NULL
                AND id NOT IN (SELECT update_id FROM status_update_retraction))
      WHERE rank = 1`,
  );
  const topicSets = `(SELECT commitment_id, group_concat(topic_id, ',' ORDER BY topic_id) AS topics
                        FROM commitment_topic WHERE commitment_id IN (${newIds}) GROUP BY commitment_id)`;
  // The scorecard's cells (migration 009): one per maker in its own status, else the whole status.
  run(
    `INSERT INTO scorecard_tally (dossier_id, topics, party_id, status_id, cells)
     SELECT c.dossier_id, coalesce(k.topics, ''), coalesce(cp.party_id, 0),
            coalesce(ps.status_id, c.current_status_id, 0), count(*)
       FROM commitment c
       LEFT JOIN ${topicSets} k ON k.commitment_id = c.id
       LEFT JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
       LEFT JOIN party_current_status ps ON ps.commitment_id = c.id AND ps.party_id = cp.party_id
      WHERE c.id IN (${newIds}) AND c.deleted_at IS NULL
      GROUP BY 1, 2, 3, 4
         ON CONFLICT DO UPDATE SET cells = cells + excluded.cells`,
  );
  // The dashboard's tallies (migration 012): by the set of topics, and by maker, each in the status in force.
  run(
    `INSERT INTO dashboard_topic_tally (topics, status_id, commitments)
     SELECT coalesce(k.topics, ''), coalesce(c.current_status_id, 0), count(*)
       FROM commitment c LEFT JOIN ${topicSets} k ON k.commitment_id = c.id
      WHERE c.id IN (${newIds}) AND c.deleted_at IS NULL
      GROUP BY 1, 2
         ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments`,
  );
  run(
    `INSERT INTO dashboard_maker_tally (party_id, status_id, commitments)
     SELECT cp.party_id, coalesce(c.current_status_id, 0), count(*)
       FROM commitment c JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
      WHERE c.id IN (${newIds}) AND c.deleted_at IS NULL
      GROUP BY 1, 2
         ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments`,
  );
}
