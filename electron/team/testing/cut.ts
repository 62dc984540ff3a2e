// Test support: a connection that dies at its n-th query, before the query leaves or after its answer
// came back (a lost acknowledgement), the way a dropped network or a killed laptop cuts a sync short.
import type pg from 'pg';

export type CutWhen = 'before' | 'after';

/**
 * From the n-th query on (counting only those whose text is `only`, when given), every query fails as a
 * dropped connection does, and the socket is destroyed, so the server rolls back what was open.
 */
export function cutAtQuery(client: pg.Client, nth: number, when: CutWhen, only?: string): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let count = 0;
  let cut = false;
  const dropped = () => {
    if (!cut) client.connection.stream.destroy();
    cut = true;
    return new Error('Connection terminated unexpectedly (cut by the test)');
  };
  const cutting = async (...args: unknown[]): Promise<unknown> => {
    if (cut) throw dropped();
    const counted = only === undefined || args[0] === only;
    if (counted) count += 1;
    const here = counted && count === nth;
    if (here && when === 'before') throw dropped();
    const result = await query(...args);
    if (here && when === 'after') throw dropped();
    return result;
  };
  (client as unknown as { query: typeof cutting }).query = cutting;
}
