// The scorecard figures: the compliance scorecard of every commitment of a generated database, with three
// parties (United States, Mexico, Canada) as the makers of each and every cell with a status of the
// party's own besides the commitment's history, as in a G7-style assessment of each member. Measured today, as of a
// day, and compared with an earlier day, beside the plainest prepared statement that reads the same cells.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { buildScorecard } from '../reports/scorecard.ts';
import { time, type Figure } from './measure.ts';

const parties = ['United States', 'Mexico', 'Canada'];
const ownStatuses = ['fulfilled', 'partially fulfilled', 'broken', 'in progress', 'not yet assessed'];

/**
 * Every commitment made by the three parties, and each party's own status on each: one, or on a third
 * of them two, 200 days apart, 60 to 660 days after the announcement (300,000 cells and 400,000 party
 * statuses at Large). Status and day are arithmetic on the ids, so every run builds the same database.
 */
function addPartyStatuses(db: Database): void {
  const partyIds = parties.map(
    (name) => db.prepare('SELECT id FROM party WHERE name = ?').pluck().get(name) as number,
  );
  const statusIds = ownStatuses.map(
    (name) => db.prepare('SELECT id FROM status WHERE name = ?').pluck().get(name) as number,
  );
  db.transaction(() => {
    db.exec(`DELETE FROM commitment_party WHERE role = 'maker'`);
    const maker = db.prepare(`INSERT INTO commitment_party SELECT id, ?, 'maker' FROM commitment`);
    for (const party of partyIds) maker.run(party);
    const own = db.prepare(
      `INSERT INTO status_update (commitment_id, party_id, status_id, effective_on, recorded_at, note)
       SELECT c.id, @party,
              json_extract(@statuses, '$[' || ((c.id * 31 + @party * 17 + @step) % 5) || ']'),
              date(c.announced_on, '+' || (60 + (c.id * 13 + @party) % 400 + @step * 200) || ' days'),
              c.announced_on || 'T18:00:00.000Z', 'Synthetic assessment of one party.'
         FROM commitment c WHERE (c.id + @party + @step) % 3 <> 0`,
    );
    for (const party of partyIds) {
      for (const step of [0, 1])
        own.run({ party: BigInt(party), step: BigInt(step), statuses: JSON.stringify(statusIds) });
    }
  })();
}

/** The generated database with the parties' statuses added, kept beside it between runs. */
export function scorecardDatabaseFor(file: string): string {
  const derived = file.replace(/\.sqlite$/, '-scorecard.sqlite');
  if (existsSync(derived)) return derived;
  const partial = `${derived}.partial`;
  rmSync(partial, { force: true });
  copyFileSync(file, partial);
  const db = openDatabase(partial);
  try {
    addPartyStatuses(db);
  } finally {
    db.close();
  }
  renameSync(partial, derived);
  return derived;
}

const runs = 10;

export async function scorecardFigures(file: string, size: string): Promise<Figure[]> {
  const db = openDatabase(scorecardDatabaseFor(file));
  try {
    const cells = db
      .prepare(`SELECT count(*) FROM commitment_party WHERE role = 'maker'`)
      .pluck()
      .get() as number;
    const count = db.prepare('SELECT count(*) FROM commitment').pluck().get() as number;
    const label = `${count.toLocaleString('en')} × 3 parties`;
    // As the view opens it: every figure of the scope and the first page of rows.
    const page = { offset: 0, limit: 1_000 };
    const today = await time(() => buildScorecard(db, { scope: {} }, { page }), runs, 2);
    const oneDossier = db.prepare('SELECT min(dossier_id) FROM commitment').pluck().get() as number;
    const dossier = await time(
      () => buildScorecard(db, { scope: { dossierId: oneDossier } }, { page }),
      runs,
      2,
    );
    const everyRow = await time(() => buildScorecard(db, { scope: {} }), runs, 2);
    // The same cells the plainest way: each party's latest own status, else the commitment's.
    const raw = db.prepare(
      `SELECT c.id, c.title, cp.party_id, coalesce(o.status_id, c.current_status_id)
         FROM commitment c JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
         LEFT JOIN status_update o ON o.id = (
           SELECT h.id FROM status_update h WHERE h.commitment_id = c.id AND h.party_id = cp.party_id
            ORDER BY h.effective_on DESC, h.id DESC LIMIT 1)
        WHERE c.deleted_at IS NULL`,
    );
    const floor = await time(() => raw.raw(true).all(), runs, 2);
    const asOf = await time(() => buildScorecard(db, { scope: { asOf: '2026-06-30' } }, { page }), runs, 2);
    const compared = await time(
      () => buildScorecard(db, { scope: { asOf: '2026-06-30' }, compare: '2025-12-31' }, { page }),
      runs,
      2,
    );
    // As of a day and compared read the history of every cell: measured, with no target of their own.
    const figure = (
      name: string,
      measured: { p50: number; p95: number },
      base: number | null,
      target: number | null,
    ): Figure => ({
      figure: name,
      size,
      ...measured,
      floor: base,
      target: target === null ? 'measured' : `≤ ${target} ms`,
      met: target === null || measured.p95 <= target,
    });
    if (cells !== count * 3) throw new Error(`scorecard bench: expected ${count * 3} cells, found ${cells}.`);
    return [
      figure(`scorecard, ${label}, as the view opens`, today, null, 200),
      figure(`scorecard of one dossier, ${label} in all`, dossier, null, 200),
      figure(`scorecard with every row (an export's), ${label}`, everyRow, floor.p50, null),
      figure(`scorecard as of a day, ${label} (history)`, asOf, null, null),
      figure(`scorecard compared, ${label} (history)`, compared, null, null),
    ];
  } finally {
    db.close();
  }
}
