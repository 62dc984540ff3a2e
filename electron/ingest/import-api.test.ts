// The app's import through the API: a dropped file's bytes planned (nothing written) and then applied,
// all or nothing, against a real database holding the sample dossier.
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import type { Database } from 'better-sqlite3';
import { callOperationAsync } from '../api/dispatch.ts';
import { renderCsv } from '../reports/csv.ts';
import { buildReport } from '../reports/model.ts';
import { renderXlsx } from '../reports/xlsx.ts';
import { applyImportFile, listedChanges, planImportFile } from './import-api.ts';
import { loadSample } from './sample.ts';

let db: Database;

beforeEach(() => {
  db = temporaryDatabase().db;
  loadSample(db);
});

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

/** The sample exported as CSV, with `change` applied to its rows (header first). */
function editedCsv(change: (rows: string[][]) => void): string {
  const rows = Papa.parse<string[]>(renderCsv(buildReport(db, {}, new Date())).replace(/^\uFEFF/, '')).data;
  change(rows);
  return Papa.unparse(rows.filter((row) => row.length > 1));
}

function column(rows: string[][], name: string): number {
  return rows[0]!.indexOf(name);
}

/** Sets the status of the commitment titled like `title`, and returns its old status. */
function setStatus(rows: string[][], title: RegExp, status: string): string {
  const row = rows.find((cells) => title.test(cells[column(rows, 'title')] ?? ''))!;
  const before = row[column(rows, 'status')]!;
  row[column(rows, 'status')] = status;
  return before;
}

function currentStatus(title: string): string {
  return db
    .prepare(
      `SELECT s.name FROM commitment c
         JOIN status_update u ON u.commitment_id = c.id
         JOIN status s ON s.id = u.status_id
        WHERE c.title LIKE ? ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC LIMIT 1`,
    )
    .pluck()
    .get(`%${title}%`) as string;
}

describe('planImportFile', () => {
  it('names a changed status, old → new, and writes nothing', async () => {
    let before = '';
    const csv = editedCsv((rows) => (before = setStatus(rows, /firearms/, 'stalled')));
    const known = fingerprint(db);
    const preview = await planImportFile(db, { name: 'friday.csv', contentBase64: base64(csv) });
    expect(fingerprint(db)).toBe(known);
    expect(preview).toMatchObject({
      ok: true,
      file: 'friday.csv',
      format: 'csv',
      counts: { statusUpdates: 1, newCommitments: 0, updatedCommitments: 0, unchanged: 8 },
      moreChanges: 0,
    });
    if (!preview.ok) return;
    expect(preview.changes).toEqual([
      expect.objectContaining({
        kind: 'status update',
        title: 'Curb the smuggling of US-bought firearms into Mexico',
        from: before,
        to: 'stalled',
      }),
    ]);
  });

  it('lists new commitments and edited fields, at most the first 50, and counts the rest', async () => {
    const csv = editedCsv((rows) => {
      rows[1]![column(rows, 'summary')] = 'A shorter summary.';
      for (let n = 0; n < 60; n += 1) {
        const row = rows[0]!.map(() => '');
        row[column(rows, 'title')] = `Imported pledge ${n + 1}`;
        row[column(rows, 'dossier')] = 'G7 summit';
        row[column(rows, 'deadline_on')] = '2026-06-30';
        row[column(rows, 'kind')] = 'pledge';
        rows.push(row);
      }
    });
    const preview = await planImportFile(db, { name: 'more.csv', contentBase64: base64(csv) });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.counts).toMatchObject({ newCommitments: 60, updatedCommitments: 1, newDossiers: 1 });
    expect(preview.newDossiers).toEqual(['G7 summit']);
    expect(preview.changes).toHaveLength(listedChanges);
    // Each new commitment's first status is said on its own line, not listed again as a status update.
    expect(preview.counts.statusUpdates).toBe(60);
    expect(preview.moreChanges).toBe(61 - listedChanges);
    expect(preview.changes[0]).toMatchObject({
      kind: 'updated commitment',
      line: 2,
      fields: [expect.objectContaining({ field: 'summary', to: 'A shorter summary.' })],
    });
    expect(preview.changes[1]).toMatchObject({
      kind: 'new commitment',
      title: 'Imported pledge 1',
      dossier: 'G7 summit',
      deadline: '2026-06-30',
      status: 'not yet assessed',
    });
  });

  it('answers with the problems by line and field rather than failing, and writes nothing', async () => {
    const csv = editedCsv((rows) => {
      rows[3]![column(rows, 'announced_on')] = '2025-02-30';
      setStatus(rows, /migration/, 'half done');
    });
    const known = fingerprint(db);
    const preview = await planImportFile(db, { name: 'broken.csv', contentBase64: base64(csv) });
    expect(fingerprint(db)).toBe(known);
    expect(preview).toMatchObject({ ok: false, file: 'broken.csv', moreProblems: 0 });
    if (preview.ok) return;
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, field: 'announced_on' }),
        expect.objectContaining({ field: 'status' }),
      ]),
    );
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const csv = editedCsv((rows) => {
      for (const row of rows.slice(1)) row[column(rows, 'kind')] = 'promise';
      for (let n = 0; n < 30; n += 1) rows.push(rows[0]!.map((name) => (name === 'title' ? `P${n}` : '')));
    });
    const preview = await planImportFile(db, { name: 'kinds.csv', contentBase64: base64(csv) });
    if (preview.ok) throw new Error('the kinds should be refused');
    expect(preview.problems).toHaveLength(20);
    // Every row's kind is wrong (and the new rows lack a dossier too): the count covers them all.
    expect(preview.problems.length + preview.moreProblems).toBeGreaterThanOrEqual(9 + 30);
  });

  it('reads an XLSX export as well', async () => {
    const xlsx = await renderXlsx(buildReport(db, {}, new Date()));
    const preview = await planImportFile(db, { name: 'All.xlsx', contentBase64: base64(xlsx) });
    expect(preview).toMatchObject({ ok: true, format: 'xlsx', counts: { newCommitments: 0 } });
  });

  it('takes only the file name of a path, and refuses a file it does not read', async () => {
    const preview = await planImportFile(db, {
      name: '../../etc/notes.txt',
      contentBase64: base64('title\nx\n'),
    });
    expect(preview).toMatchObject({ ok: false, file: 'notes.txt' });
  });
});

describe('applyImportFile', () => {
  it('writes the changed status and says how much it wrote', async () => {
    const csv = editedCsv((rows) => setStatus(rows, /firearms/, 'stalled'));
    const applied = await applyImportFile(db, { name: 'friday.csv', contentBase64: base64(csv) });
    expect(applied).toEqual({
      file: 'friday.csv',
      newCommitments: 0,
      updatedCommitments: 0,
      statusUpdates: 1,
    });
    expect(currentStatus('firearms')).toBe('stalled');
  });

  it('writes nothing when any line is wrong, and the error names the line and field', async () => {
    const csv = editedCsv((rows) => {
      setStatus(rows, /firearms/, 'stalled');
      rows[5]![column(rows, 'deadline_on')] = 'soon';
    });
    const known = fingerprint(db);
    await expect(applyImportFile(db, { name: 'x.csv', contentBase64: base64(csv) })).rejects.toThrow(
      /line 6, field deadline_on/,
    );
    expect(fingerprint(db)).toBe(known);
  });

  it('is wired into the API: plan, then apply, through the transports’ entry point', async () => {
    const csv = editedCsv((rows) => setStatus(rows, /firearms/, 'at risk'));
    const input = { name: 'friday.csv', contentBase64: base64(csv) };
    expect(await callOperationAsync(db, 'planImportFile', input)).toMatchObject({
      ok: true,
      value: { ok: true, counts: { statusUpdates: 1 } },
    });
    expect(await callOperationAsync(db, 'applyImportFile', input)).toMatchObject({
      ok: true,
      value: { statusUpdates: 1 },
    });
    expect(currentStatus('firearms')).toBe('at risk');
    const broken = { name: 'x.csv', contentBase64: base64('title,announced_on\nA,2025-02-30\n') };
    expect(await callOperationAsync(db, 'applyImportFile', broken)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/line 2, field announced_on/) },
    });
  });
});
