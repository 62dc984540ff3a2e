// How far a database's data runs, which every report and scorecard says (from electron/reports/model.ts,
// so that what needs only this does not load the report model and the citation engine behind it).
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

/**
 * The latest moment a report's data was recorded: the newest status update not undone, or a
 * commitment with no update at all. A commitment's creation is not counted apart from its first
 * update: history loaded from a file (the sample, an import) keeps the times it was first recorded,
 * so its report says how current its data is, not when it was loaded.
 */
export function dataThrough(db: Database): string | null {
  // A commitment with no update counts only if it was created after the newest update: looking at
  // those alone reads a few rows of the index on created_at instead of every commitment.
  return statement<[], { at: string | null }>(
    db,
    `WITH latest (at) AS (
       SELECT u.recorded_at FROM status_update u
        WHERE u.id NOT IN (SELECT update_id FROM status_update_retraction)
        ORDER BY u.recorded_at DESC LIMIT 1)
     SELECT max(at) AS at FROM (
       SELECT at FROM latest
       UNION ALL
       SELECT max(c.created_at) FROM commitment c
        WHERE c.created_at > coalesce((SELECT at FROM latest), '')
          AND NOT EXISTS (SELECT 1 FROM status_update u WHERE u.commitment_id = c.id))`,
  ).get()!.at;
}
