// Results kept until the data changes: worked out once, and again after any write, from this
// connection or another.
import { describe, expect, it } from 'vitest';
import { keptUntilDataChanges } from './kept.ts';
import { openDatabase } from './open.ts';
import { createDossier } from './reference.ts';
import { temporaryDatabase } from './testing.ts';

describe('results kept until the data changes', () => {
  it('works a result out once per key, and again after a write here or elsewhere', () => {
    const { db, file } = temporaryDatabase();
    let runs = 0;
    const count = (key = 'dossiers') =>
      keptUntilDataChanges(db, key, () => {
        runs += 1;
        return db.prepare('SELECT count(*) FROM dossier').pluck().get() as number;
      });
    const before = count();
    expect(count()).toBe(before);
    expect(runs).toBe(1);
    count('another key');
    expect(runs).toBe(2);

    createDossier(db, 'Summit', '');
    expect(count()).toBe(before + 1);
    expect(runs).toBe(3);

    const other = openDatabase(file);
    createDossier(other, 'Second summit', '');
    other.close();
    expect(count()).toBe(before + 2);
    expect(runs).toBe(4);
  });
});
