// The main use of import: changing the status of many commitments at once in a spreadsheet.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getCommitment } from '../../../db/commitments.ts';
import { applyImport } from '../../../db/imports.ts';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../../db/testing.ts';
import { renderCsv, writeCsv } from '../../reports/csv.ts';
import { buildReport } from '../../reports/model.ts';
import { writeXlsx } from '../../reports/xlsx.ts';
import { loadSample } from '../sample.ts';
import { planImport } from './plan.ts';

const today = '2026-03-02';
/** Ids of the sample: the firearms pledge, migration, and the USMCA review. */
const changes = new Map([
  [3, 'fulfilled'],
  [4, 'stalled'],
  [8, 'at risk'],
]);

function sample() {
  const { db } = temporaryDatabase();
  loadSample(db);
  return db;
}

describe('a bulk status change through a spreadsheet', () => {
  it('in CSV: three changed status cells become three status updates, effective today', async () => {
    const db = sample();
    const file = join(temporaryFolder(), 'commitments.csv');
    writeCsv(db, {}, file);
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { bom: true, columns: true });
    for (const row of rows) row.status = changes.get(Number(row.id)) ?? row.status!;
    writeFileSync(file, '\uFEFF' + Papa.unparse(rows));

    const before = fingerprint(db);
    const plan = await planImport(db, file, { today });
    expect(fingerprint(db)).toBe(before);
    expect(plan.statusUpdates.map((u) => [u.line, u.previous, u.status, u.effectiveOn])).toEqual([
      [4, 'in progress', 'fulfilled', today],
      [5, 'announced', 'stalled', today],
      [9, 'in progress', 'at risk', today],
    ]);
    expect(plan).toMatchObject({ newCommitments: [], updatedCommitments: [], unchanged: 6 });

    applyImport(db, plan);
    for (const [id, status] of changes) {
      expect(getCommitment(db, id)).toMatchObject({ status: { name: status }, statusSince: today });
    }
    expect(getCommitment(db, 1).status?.name).toBe('in progress');
    // The old status stays in the history: updates are appended, never edited.
    expect(getCommitment(db, 3).history.map((entry) => entry.status.name)).toContain('announced');
  });

  it('in XLSX: status cells edited in the Commitments sheet, with a date where the analyst gave one', async () => {
    const db = sample();
    const file = join(temporaryFolder(), 'commitments.xlsx');
    await writeXlsx(db, {}, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Commitments')!;
    sheet.eachRow((row, line) => {
      const status = changes.get(Number(row.getCell(1).value));
      if (line > 1 && status) row.getCell(17).value = status;
    });
    // The migration row says when its status changed: status_since, a date cell.
    sheet.getRow(5).getCell(18).value = new Date('2026-02-20T00:00:00Z');
    await workbook.xlsx.writeFile(file);

    const plan = await planImport(db, file, { today });
    expect(plan.statusUpdates.map((u) => [u.sheet, u.line, u.status, u.effectiveOn])).toEqual([
      [null, 4, 'fulfilled', today],
      [null, 5, 'stalled', '2026-02-20'],
      [null, 9, 'at risk', today],
    ]);
    applyImport(db, plan);
    expect(getCommitment(db, 4)).toMatchObject({ status: { name: 'stalled' }, statusSince: '2026-02-20' });
    expect(renderCsv(buildReport(db, {}))).toContain('at risk');
  });

  it('needs a reason, in a note column, to mark a commitment broken before its deadline', async () => {
    const db = sample();
    const folder = temporaryFolder();
    const file = join(folder, 'broken.csv');
    writeFileSync(file, 'id,title,status\r\n4,Keep migration under tighter control,broken\r\n');
    const before = fingerprint(db);
    await expect(planImport(db, file, { today })).rejects.toThrow(
      'line 2, field status: Marking this commitment broken when it has no deadline needs a reason. Give it in a note column.',
    );
    expect(fingerprint(db)).toBe(before);
    writeFileSync(
      file,
      'id,title,status,note\r\n4,Keep migration under tighter control,broken,Crossings rose again.\r\n',
    );
    applyImport(db, await planImport(db, file, { today }));
    expect(getCommitment(db, 4).history[0]).toMatchObject({
      status: { name: 'broken' },
      note: 'Crossings rose again.',
    });
  });

  it('reads a file of status updates alone, each for the commitment its id names', async () => {
    const db = sample();
    const plan = await planImport(db, join(import.meta.dirname, 'fixtures', 'status-updates.csv'));
    expect(plan.statusUpdates.map((u) => [u.line, u.title.slice(0, 20), u.status, u.party])).toEqual([
      [2, 'Curb the smuggling o', 'fulfilled', null],
      [3, 'Keep migration under', 'stalled', null],
      [4, 'Keep the 25% fentany', 'in progress', 'United States'],
    ]);
    applyImport(db, plan);
    expect(getCommitment(db, 3).status?.name).toBe('fulfilled');
    expect(getCommitment(db, 7).history[0]).toMatchObject({
      party: 'United States',
      effectiveOn: '2026-02-03',
    });
  });
});
