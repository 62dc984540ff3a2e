// What Pledgewatch exports imports back: the sample through CSV, XLSX (in English and in Spanish) and
// JSON into an empty database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fingerprint, newCommitment, temporaryDatabase, temporaryFolder } from '../../../db/testing.ts';
import { getCommitment, listCommitments } from '../../../db/commitments.ts';
import { applyImport } from '../../../db/imports.ts';
import { renderCsv } from '../../reports/csv.ts';
import { sharedSample } from '../../reports/export-fixtures.ts';
import { renderJson } from '../../reports/json.ts';
import { inLanguage } from '../../reports/language.ts';
import { buildReport } from '../../reports/model.ts';
import { renderXlsx } from '../../reports/xlsx.ts';
import { loadSample } from '../sample.ts';
import { planImport } from './plan.ts';
import { insertCommitment } from '../../../db/commitment-add.ts';

const moment = new Date('2026-11-23T20:00:00.000Z');

/** What must survive the trip: every field the analyst reads, the current status and its day. */
function commitmentsOf(db: Database) {
  return buildReport(db, {}, moment).commitments.map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    kind: c.kind,
    dossier: c.dossier.name,
    parent: c.parent?.title ?? null,
    topics: c.topics.map((topic) => topic.path),
    madeBy: c.madeBy.map((party) => party.name),
    owedTo: c.owedTo.map((party) => party.name),
    announcedOn: c.announcedOn,
    deadline: c.deadline,
    deadlineState: c.deadlineState,
    status: c.status?.name ?? null,
    statusSince: c.statusSince,
  }));
}

/** The history without what an import cannot restore: ids, and the evidence quotes. */
function historiesOf(db: Database) {
  return buildReport(db, {}, moment).commitments.map((c) =>
    c.history.map((entry) => ({
      status: entry.status.name,
      party: entry.party,
      effectiveOn: entry.effectiveOn,
      recordedAt: entry.recordedAt,
      note: entry.note,
    })),
  );
}

const { db: source } = temporaryDatabase();
loadSample(source);
const report = buildReport(source, {}, moment);
const folder = temporaryFolder();
const files = {
  csv: join(folder, 'sample.csv'),
  xlsx: join(folder, 'sample.xlsx'),
  json: join(folder, 'sample.json'),
};
writeFileSync(files.csv, renderCsv(report));
writeFileSync(files.xlsx, await renderXlsx(report));
writeFileSync(files.json, renderJson(report));

describe('round trip of the sample into an empty database', () => {
  for (const format of ['csv', 'xlsx', 'json'] as const) {
    it(`gives the same commitments and statuses through ${format.toUpperCase()}`, async () => {
      const { db } = temporaryDatabase();
      const plan = await planImport(db, files[format]);
      expect(plan.newCommitments).toHaveLength(9);
      expect(plan.newDossiers).toEqual(['US–Mexico security and trade cooperation, 2025']);
      expect(plan.newParties.sort()).toEqual(['Canada', 'Mexico', 'United States']);
      applyImport(db, plan);
      expect(commitmentsOf(db)).toEqual(commitmentsOf(source));
    });
  }

  for (const format of ['xlsx', 'json'] as const) {
    it(`restores the whole history through ${format.toUpperCase()}, without the evidence quotes`, async () => {
      const { db } = temporaryDatabase();
      const plan = await planImport(db, files[format]);
      expect(plan.warnings).toContain(
        'Evidence quotes in the history are not restored: add them from their sources.',
      );
      applyImport(db, plan);
      expect(historiesOf(db)).toEqual(historiesOf(source));
      expect(historiesOf(db).flat()).toHaveLength(15);
    });
  }

  it('takes back a workbook exported in Spanish, its sheets and headers named in Spanish', async () => {
    const file = join(folder, 'sample-es.xlsx');
    writeFileSync(file, await inLanguage('es', () => renderXlsx(report)));
    const { db } = temporaryDatabase();
    const plan = await planImport(db, file);
    expect(plan.newCommitments).toHaveLength(9);
    applyImport(db, plan);
    expect(commitmentsOf(db)).toEqual(commitmentsOf(source));
    expect(historiesOf(db)).toEqual(historiesOf(source));
  });

  it('takes a shared dossier’s export, leaving who recorded each update behind and saying so', async () => {
    const shared = sharedSample();
    for (const format of ['xlsx', 'json'] as const) {
      const file = join(folder, `shared.${format}`);
      writeFileSync(file, format === 'xlsx' ? await renderXlsx(shared.report) : renderJson(shared.report));
      const { db } = temporaryDatabase();
      const plan = await planImport(db, file);
      expect(plan.warnings).toContain(
        'Who recorded each status update (recorded_by) is not restored: this import records them anew.',
      );
      applyImport(db, plan);
      expect(historiesOf(db)).toEqual(historiesOf(shared.db));
      const history = buildReport(db, {}, moment).commitments.flatMap((c) => c.history);
      expect(history.map((entry) => entry.recordedBy)).toEqual(history.map(() => null));
    }
  });

  it('puts the imported commitments in the full-text search, in one go, and keeps its trigger', async () => {
    const { db } = temporaryDatabase();
    applyImport(db, await planImport(db, files.csv));
    const found = listCommitments(db, {
      text: 'fentanyl',
      sort: 'title',
      direction: 'asc',
      offset: 0,
      limit: 50,
    });
    expect(found.rows.map((row) => row.title)).toEqual([
      'Halt the flow of fentanyl and other synthetic drugs into the United States',
      'Keep the 25% fentanyl-related tariffs on Mexican goods in force',
    ]);
    insertCommitment(db, newCommitment(1, { title: 'A later pledge on ports', announcedOn: null }));
    const ports = listCommitments(db, {
      text: 'ports',
      sort: 'title',
      direction: 'asc',
      offset: 0,
      limit: 50,
    });
    expect(ports.total).toBe(1);
  });

  it('never overwrites an unrelated commitment that happens to have the same id', async () => {
    const { db } = temporaryDatabase();
    const dossierId = Number(
      db.prepare(`INSERT INTO dossier (name) VALUES ('Other dossier')`).run().lastInsertRowid,
    );
    for (const title of ['Other one', 'Other two', 'Other three']) {
      insertCommitment(db, newCommitment(dossierId, { title, kind: 'measure', announcedOn: null }));
    }
    const plan = await planImport(db, files.csv);
    expect(plan.newCommitments).toHaveLength(9);
    expect(plan.newCommitments.map((c) => c.keepId)).toEqual([null, null, null, 4, 5, 6, 7, 8, 9]);
    applyImport(db, plan);
    expect(getCommitment(db, 1).title).toBe('Other one');
    // The first three, whose ids were taken, have new ids after the others.
    const imported = commitmentsOf(db).filter((c) => c.dossier !== 'Other dossier');
    const sample = commitmentsOf(source);
    expect(imported.map((c) => c.id)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const withoutIds = (list: typeof sample) =>
      list.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.title.localeCompare(b.title));
    expect(withoutIds(imported)).toEqual(withoutIds(sample));
    // The parent of each child is the imported implementation group, not "Other one".
    const children = commitmentsOf(db).filter((c) => c.parent !== null);
    expect(new Set(children.map((c) => c.parent))).toEqual(
      new Set(['Create a high-level implementation group that meets regularly']),
    );
  });

  it('gives the current status (not the history) through CSV, which has one row per commitment', async () => {
    const { db } = temporaryDatabase();
    applyImport(db, await planImport(db, files.csv));
    expect(historiesOf(db).map((history) => history.length)).toEqual(report.commitments.map(() => 1));
  });

  for (const format of ['csv', 'xlsx', 'json'] as const) {
    it(`changes nothing when the ${format.toUpperCase()} export goes back into the database it came from`, async () => {
      const before = fingerprint(source);
      const plan = await planImport(source, files[format]);
      expect(plan).toMatchObject({
        newCommitments: [],
        updatedCommitments: [],
        statusUpdates: [],
        newDossiers: [],
        newParties: [],
        newTopics: [],
        unchanged: 9,
      });
      applyImport(source, plan);
      expect(fingerprint(source)).toBe(before);
    });
  }
});
