// The as-of view: which status update was in force on a given day, read from history.

// The calendar's rules are the domain's (electron/domain/days.ts), shared by every layer.
import { today } from '../electron/domain/days.ts';

export { daysBetween, isCalendarDate, today } from '../electron/domain/days.ts';

/** SQL that is true when the status update aliased `update` has been undone. */
export function retracted(update: string): string {
  return `EXISTS (SELECT 1 FROM status_update_retraction r WHERE r.update_id = ${update}.id)`;
}

/**
 * SQL for the id of the update in force: the latest non-retracted one by effective date, then the one
 * recorded later, then the greater uid (an order every machine of a team agrees on), on or before
 * `asOf` when given, otherwise the latest of all. `party` is `NULL` for the commitment as a whole, or an
 * SQL expression naming one maker. It walks the index status_update_history backwards
 * from the day, so it costs one index seek per commitment.
 */
export function updateInForceSql(commitment: string, asOf: string | null, party = 'NULL'): string {
  const partyCondition = party === 'NULL' ? 'h.party_id IS NULL' : `h.party_id = ${party}`;
  const dayCondition = asOf === null ? '' : `AND h.effective_on <= ${asOf}`;
  return `(SELECT h.id FROM status_update h
            WHERE h.commitment_id = ${commitment} AND ${partyCondition} ${dayCondition}
              AND NOT ${retracted('h')}
            ORDER BY h.effective_on DESC, h.recorded_at DESC, h.uid DESC LIMIT 1)`;
}

/**
 * Joins the whole-commitment status of `c` as `u` (the update) and `s` (its status): as of the day
 * bound to @asOf when `asOf` is set, otherwise the current update and status kept on the commitment by
 * triggers. Today, `s` comes from the commitment itself, so a query that reads only `s` (a status
 * filter, a count) never touches the status history: SQLite leaves the unused join to `u` out.
 */
export function statusJoins(asOf: boolean): string {
  if (asOf) {
    return `LEFT JOIN status_update u ON u.id = ${updateInForceSql('c.id', '@asOf')}
            LEFT JOIN status s ON s.id = u.status_id`;
  }
  return `LEFT JOIN status_update u ON u.id = c.current_update_id
          LEFT JOIN status s ON s.id = c.current_status_id`;
}

/** The day the status in force took effect: kept on the commitment today, from the history as of a day. */
export function statusSince(asOf: boolean): string {
  return asOf ? 'u.effective_on' : 'c.current_since';
}

/** In the as-of view, commitments announced after the day did not exist yet. */
export const announcedBy = '(c.announced_on IS NULL OR c.announced_on <= @asOf)';

/** What the @asOf parameter holds: the as-of day, or today. */
export function asOfDay(asOf: string | undefined): string {
  return asOf ?? today();
}
