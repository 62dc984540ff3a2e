// Results kept until the data changes: what is costly to work out at Large (a whole history, a
// scorecard of 300,000 cells) and asked for again and again with nothing changed in between.
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

/**
 * What has changed in the file since: SQLite's data_version moves when another connection writes, and
 * total_changes() counts this connection's own writes, so together they say whether anything did.
 */
export function dataVersion(db: Database): string {
  const ours = statement<[], { n: number }>(db, 'SELECT total_changes() AS n').get()!.n;
  return `${String(db.pragma('data_version', { simple: true }))}:${ours}`;
}

const kept = new WeakMap<Database, Map<string, unknown>>();

/** At most this many results a database, the oldest dropped first. */
const capacity = 16;

/**
 * `work()`'s result for `key`, worked out again only once the data changed. The key must name every
 * input, the day included where the result depends on today.
 */
export function keptUntilDataChanges<T>(db: Database, key: string, work: () => T): T {
  const results = kept.get(db) ?? new Map<string, unknown>();
  kept.set(db, results);
  const full = `${dataVersion(db)}|${key}`;
  if (results.has(full)) return results.get(full) as T;
  const result = work();
  if (results.size >= capacity) results.delete(results.keys().next().value!);
  results.set(full, result);
  return result;
}
