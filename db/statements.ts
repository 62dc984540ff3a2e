// Prepared statements cached per connection: preparing is most of the cost of a small query.
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function statement<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Database,
  sql: string,
): Statement<Params, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared as unknown as Statement<Params, Row>;
}
