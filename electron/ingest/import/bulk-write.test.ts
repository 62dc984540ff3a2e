// Large imports go in bulk, around the per-row triggers (db/import-bulk.ts): the same data as row by
// row through the triggers, the schema left as it was, and still all or nothing, naming line and field.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bulkFrom, canWriteInBulk, tablesToReindex } from '../../../db/import-bulk.ts';
import { ImportError } from '../../../db/import-plan.ts';
import { applyImport } from '../../../db/imports.ts';
import {
  dashboardTallies,
  fingerprint,
  scorecardTallies,
  shareDossier,
  temporaryDatabase,
} from '../../../db/testing.ts';
import { tableFrom, type Cell, type ImportDocument } from './document.ts';
import { planDocument } from './plan.ts';

const commitmentColumns = [
  'id',
  'title',
  'summary',
  'kind',
  'dossier',
  'parent_id',
  'topics',
  'made_by',
  'owed_to',
  'announced_on',
  'deadline_on',
  'status',
  'status_since',
];
const historyColumns = ['commitment_id', 'status', 'party', 'effective_on', 'recorded_at', 'note'];
const kinds = ['pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review'];
const statuses = ['announced', 'in progress', 'stalled', 'at risk', 'fulfilled', 'broken'];
const day = (offset: number) =>
  new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A workbook of `count` commitments as the XLSX import reads it: ids with gaps, parents, topics,
 * one or two makers, and a history of three updates each, one of them a maker's own status.
 */
function workbook(count: number, lastStatus = 'withdrawn'): ImportDocument {
  const commitments: { line: number; cells: Cell[] }[] = [];
  const history: { line: number; cells: Cell[] }[] = [];
  for (let n = 1; n <= count; n += 1) {
    const id = 1_000 + n * 3;
    const makers = n % 3 === 0 ? ['Mexico', 'Canada'] : ['United States'];
    const entries = [0, 1, 2].map((step) => ({
      status: n === count && step === 2 ? lastStatus : statuses[(n + step) % statuses.length]!,
      party: step === 1 ? makers[0]! : '',
      effectiveOn: day((n % 300) + step * 20),
    }));
    const last = entries[2]!;
    commitments.push({
      line: n + 1,
      cells: [
        id,
        `Commitment ${n} on ${n % 2 ? 'tariffs and steel' : 'fentanyl precursors'}`,
        `Summary ${n}: border patrols, customs data and ${n % 5 ? 'fisheries' : 'vaccines'}.`,
        kinds[n % kinds.length]!,
        n % 4 === 0 ? 'Second dossier' : 'Bulk dossier',
        n % 10 === 0 ? id - 3 : null,
        n % 2 ? 'trade › tariffs' : 'security › fentanyl; health',
        makers.join('; '),
        n % 3 === 0 ? 'United States' : 'Mexico',
        day(n % 300),
        n % 4 === 1 ? day((n % 300) + 400) : null,
        last.status,
        last.effectiveOn,
      ],
    });
    entries.forEach((entry, step) => {
      history.push({
        line: history.length + 2,
        cells: [
          id,
          entry.status,
          entry.party,
          entry.effectiveOn,
          `${entry.effectiveOn}T09:0${step}:00.000Z`,
          `Note ${n}.${step}`,
        ],
      });
    });
  }
  return {
    file: 'bulk.xlsx',
    format: 'xlsx',
    commitments: tableFrom(null, { line: 1, cells: commitmentColumns }, commitments),
    history: tableFrom('Status history', { line: 1, cells: historyColumns }, history),
    warnings: [],
  };
}

const rows = (db: Database, sql: string) => db.prepare(sql).raw().all();

/** Everything an import writes and the triggers keep, ids and names included, uids and clock times left out. */
function written(db: Database): unknown {
  return {
    commitments: rows(
      db,
      `SELECT c.id, d.name, c.parent_id, c.title, c.summary, c.kind, c.announced_on, c.deadline_on,
              c.due_on, s.name, c.current_since, u.effective_on, u.party_id, c.deleted_at
         FROM commitment c JOIN dossier d ON d.id = c.dossier_id
         LEFT JOIN status s ON s.id = c.current_status_id
         LEFT JOIN status_update u ON u.id = c.current_update_id ORDER BY c.id`,
    ),
    parties: rows(db, 'SELECT * FROM commitment_party ORDER BY 1, 2, 3'),
    topics: rows(db, 'SELECT * FROM commitment_topic ORDER BY 1, 2'),
    history: rows(
      db,
      `SELECT id, commitment_id, party_id, status_id, effective_on, note, excerpt_id, corrects_id
         FROM status_update ORDER BY id`,
    ),
    ownStatuses: rows(
      db,
      `SELECT p.commitment_id, p.party_id, p.status_id, p.since, u.note
         FROM party_current_status p JOIN status_update u ON u.id = p.update_id ORDER BY 1, 2`,
    ),
    scorecard: scorecardTallies(db).kept,
    dashboard: dashboardTallies(db).kept,
    searchIndex: rows(
      db,
      `SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH 'steel OR vaccines' ORDER BY rowid`,
    ),
    outbox: rows(db, 'SELECT count(*) FROM team_outbox'),
  };
}

const schema = (db: Database) =>
  rows(db, 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name');
/** Triggers on one table and event run in the order the schema holds them. */
const triggerOrder = (db: Database) =>
  rows(db, `SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' ORDER BY tbl_name, rowid`);

function expectKeptToMatchHistory(db: Database): void {
  const scorecard = scorecardTallies(db);
  expect(scorecard.kept).toEqual(scorecard.counted);
  const dashboard = dashboardTallies(db);
  expect(dashboard.kept).toEqual(dashboard.counted);
  // The full-text index holds exactly the commitments' titles and summaries.
  db.prepare(`INSERT INTO commitment_fts (commitment_fts) VALUES ('integrity-check')`).run();
}

describe('an import of thousands of new commitments', () => {
  it('writes in bulk what row by row through the triggers writes, and puts the schema back', () => {
    const inBulk = temporaryDatabase().db;
    const byRow = temporaryDatabase().db;
    // A trigger the bulk writer does not know sends the import through the triggers instead.
    byRow.exec('CREATE TRIGGER test_unknown AFTER INSERT ON commitment BEGIN SELECT 1; END');
    expect(canWriteInBulk(inBulk, [])).toBe(true);
    expect(canWriteInBulk(byRow, [])).toBe(false);
    const schemaBefore = schema(inBulk);
    const orderBefore = triggerOrder(inBulk);

    for (const db of [inBulk, byRow]) applyImport(db, planDocument(db, workbook(2_500)));

    expect(schema(inBulk)).toEqual(schemaBefore);
    expect(triggerOrder(inBulk)).toEqual(orderBefore);
    expect(written(inBulk)).toEqual(written(byRow));
    expect(inBulk.prepare('SELECT count(*) FROM status_update').pluck().get()).toBe(3 * 2_500);
    expect(inBulk.prepare('SELECT count(*) FROM party_current_status').pluck().get()).toBe(2_500);
    expectKeptToMatchHistory(inBulk);
    expectKeptToMatchHistory(byRow);
  });

  it('of fewer than a hundred goes through the triggers, which stay where they were', () => {
    const db = temporaryDatabase().db;
    // Only the search index's trigger is set aside (and put back) by an import row by row.
    const triggers = () =>
      rows(
        db,
        `SELECT name, rowid FROM sqlite_master WHERE type = 'trigger' AND name <> 'commitment_fts_insert'`,
      );
    const before = triggers();
    applyImport(db, planDocument(db, workbook(bulkFrom - 1)));
    expect(triggers()).toEqual(before);
    applyImport(db, planDocument(db, workbook(bulkFrom * 3)));
    expect(triggers()).not.toEqual(before);
    expectKeptToMatchHistory(db);
  });

  it('into a database that already holds more keeps its indexes, and its tallies stay right', () => {
    const db = temporaryDatabase().db;
    applyImport(db, planDocument(db, workbook(3_000)));
    const more = workbook(4_500);
    // The rows after the first 3,000: new commitments with ids of their own.
    more.commitments!.rows.splice(0, 3_000);
    more.history!.rows.splice(0, 9_000);
    const plan = planDocument(db, more);
    expect(plan.newCommitments).toHaveLength(1_500);
    expect(
      tablesToReindex(db, { commitment: 1_500, commitment_party: 0, commitment_topic: 0, status_update: 0 }),
    ).toEqual([]);
    expect(
      tablesToReindex(temporaryDatabase().db, {
        commitment: 1_500,
        commitment_party: 0,
        commitment_topic: 0,
        status_update: 0,
      }),
    ).toEqual(['commitment']);
    applyImport(db, plan);
    expect(db.prepare('SELECT count(*) FROM commitment').pluck().get()).toBe(4_500);
    expectKeptToMatchHistory(db);
  });

  it('into a dossier a team shares goes row by row, so every change reaches the outbox', () => {
    const db = temporaryDatabase().db;
    const dossier = Number(
      db.prepare(`INSERT INTO dossier (name) VALUES ('Bulk dossier')`).run().lastInsertRowid,
    );
    shareDossier(db, dossier);
    expect(canWriteInBulk(db, [dossier])).toBe(false);
    applyImport(db, planDocument(db, workbook(1_200)));
    // Three in four of the commitments are in the shared dossier: each, and each of its updates, is sent.
    expect(
      db
        .prepare(`SELECT count(*) FROM team_outbox WHERE entity = 'commitment' AND op = 'create'`)
        .pluck()
        .get(),
    ).toBe(900);
    expect(db.prepare(`SELECT count(*) FROM team_outbox WHERE entity = 'status_update'`).pluck().get()).toBe(
      2_700,
    );
    expectKeptToMatchHistory(db);
  });

  it('with a row near the end that cannot be written stores nothing, and says which line and field', () => {
    const db = temporaryDatabase().db;
    applyImport(db, planDocument(db, workbook(10)));
    const before = fingerprint(db);
    const schemaBefore = schema(db);
    // Only the last commitment's latest update is "withdrawn"; the status is renamed after the plan
    // was made (the analyst edited the vocabulary meanwhile), so writing that row fails.
    const document = workbook(3_000);
    document.commitments!.rows.splice(0, 10);
    document.history!.rows.splice(0, 30);
    const plan = planDocument(db, document);
    db.prepare(`UPDATE status SET name = 'abandoned' WHERE name = 'withdrawn'`).run();
    const renamed = fingerprint(db);

    const error = (() => {
      try {
        applyImport(db, plan);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      {
        line: 3 * 3_000 + 1,
        sheet: 'Status history',
        field: 'status',
        message: 'There is no status “withdrawn”.',
      },
    ]);
    expect(fingerprint(db)).toBe(renamed);
    expect(schema(db)).toEqual(schemaBefore);
    expectKeptToMatchHistory(db);
    db.prepare(`UPDATE status SET name = 'withdrawn' WHERE name = 'abandoned'`).run();
    expect(fingerprint(db)).toBe(before);
  });

  it('with a bad cell near the end is refused before anything is written, naming its line and field', () => {
    const db = temporaryDatabase().db;
    const before = fingerprint(db);
    const document = workbook(3_000);
    const row = document.commitments!.rows[2_990]!;
    const cells = commitmentColumns.map((column) => row.cells.get(column) ?? null);
    cells[commitmentColumns.indexOf('announced_on')] = '2025-02-30';
    document.commitments!.rows[2_990] = tableFrom(null, { line: 1, cells: commitmentColumns }, [
      { line: row.line, cells },
    ]).rows[0]!;
    expect(() => planDocument(db, document)).toThrow(
      'line 2992, field announced_on: "2025-02-30" is not a date written YYYY-MM-DD.',
    );
    expect(fingerprint(db)).toBe(before);
  });
});
