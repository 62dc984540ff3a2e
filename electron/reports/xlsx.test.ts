// The XLSX report read back three ways: by exceljs, by its own XML (unzip), and by LibreOffice when installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commitmentIds } from '../../db/commitments.ts';
import { reportState } from '../../db/report-snapshots.ts';
import { temporaryFolder } from '../../db/testing.ts';
import { commitmentColumns, type CommitmentColumn, historyColumns } from './cells.ts';
import { formulaTitles, reportMoment, sampleWithFormulas, sharedSample } from './export-fixtures.ts';
import { rawCells, sheetXml } from './xlsx-xml.ts';
import { historySheetName, renderXlsx, writeXlsx } from './xlsx.ts';

const letter = (index: number) => String.fromCharCode(65 + index);
const columnOf = (columns: readonly { name: string }[], name: string) =>
  letter(columns.findIndex((column) => column.name === name));

const { db, report } = sampleWithFormulas();
const folder = temporaryFolder();
const file = join(folder, 'report.xlsx');
writeFileSync(file, await renderXlsx(report));

describe('XLSX report', () => {
  it('has the sheets Commitments, Status history, Sources and About, with every title, status and due date', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Commitments',
      historySheetName,
      'Sources',
      'About',
    ]);
    const sheet = workbook.getWorksheet('Commitments')!;
    expect(sheet.rowCount).toBe(report.commitments.length + 1);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('R1').font?.bold).toBe(true);
    const column = (name: string) => commitmentColumns.findIndex((c) => c.name === name) + 1;
    report.commitments.forEach((commitment, index) => {
      const row = sheet.getRow(index + 2);
      expect(String(row.getCell(column('title')).value).replace(/^'/, '')).toBe(commitment.title);
      expect(row.getCell(column('status')).value ?? null).toBe(commitment.status?.name ?? null);
      const due = row.getCell(column('due_on')).value;
      expect(due instanceof Date ? due.toISOString().slice(0, 10) : (due ?? null)).toBe(
        commitment.deadline.dueOn,
      );
    });
    const history = workbook.getWorksheet(historySheetName)!;
    const entries = report.commitments.reduce((sum, commitment) => sum + commitment.history.length, 0);
    expect(history.rowCount).toBe(entries + 1);
    // Moments to the millisecond: the oldest update of the first commitment, on the first row.
    const recordedAt = history
      .getRow(2)
      .getCell(historyColumns.findIndex((c) => c.name === 'recorded_at') + 1);
    expect(recordedAt.value).toEqual(new Date(report.commitments[0]!.history.at(-1)!.recordedAt));
    const about = workbook.getWorksheet('About')!;
    expect(about.getCell('A4').value).toBe('Data through (UTC)');
    expect(about.getCell('B4').value).toEqual(new Date(report.dataThrough!));
  });

  it('writes dates as day numbers with a date format, not as text', () => {
    const cells = rawCells(file, 1);
    const dated = ['announced_on', 'deadline_on', 'deadline_from', 'due_on', 'status_since'];
    let checked = 0;
    for (let row = 2; row <= report.commitments.length + 1; row += 1) {
      for (const name of dated) {
        const cell = cells.get(`${columnOf(commitmentColumns, name)}${row}`);
        if (!cell?.value) continue;
        expect(cell.type, `${name} ${row}`).toBeNull();
        expect(Number(cell.value)).toBeGreaterThan(45_000);
        expect(cell.format).toBe('yyyy-mm-dd');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
    // The reprieve: 90 days from 2025-07-31 is due on 2025-10-29, day 45959 counted from 1899-12-30.
    const reprieveRow = report.commitments.findIndex((c) => c.title.startsWith('90-day')) + 2;
    expect(cells.get(`${columnOf(commitmentColumns, 'due_on')}${reprieveRow}`)?.value).toBe('45959');
    const history = rawCells(file, 2);
    const effective = history.get(`${columnOf(historyColumns, 'effective_on')}2`)!;
    expect(effective).toMatchObject({ type: null, format: 'yyyy-mm-dd' });
  });

  it('keeps formula-like titles as inert strings, never formulas', () => {
    const cells = rawCells(file, 1);
    const title = columnOf(commitmentColumns, 'title');
    for (const text of formulaTitles) {
      const cell = [...cells.values()].find((c) => c.ref.startsWith(title) && c.value === `'${text}`);
      expect(cell, text).toBeDefined();
      expect(cell).toMatchObject({ type: 'inlineStr', formula: null });
    }
    for (let sheet = 1; sheet <= 4; sheet += 1) expect(sheetXml(file, sheet)).not.toMatch(/<f[ >]/);
  });

  it('freezes the header row and puts an autofilter on it, with set column widths', () => {
    const xml = sheetXml(file, 1);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain(`<autoFilter ref="A1:${letter(commitmentColumns.length - 1)}1"/>`);
    expect(xml).toMatch(/<col min="2" max="2" width="64" [^>]*customWidth="1"/);
    expect(sheetXml(file, 2)).toMatch(/state="frozen"/);
  });

  it('streams the same cells from the database, and leaves no file when it cannot write', async () => {
    const streamed = join(folder, 'streamed.xlsx');
    expect((await writeXlsx(db, {}, streamed, reportMoment)).count).toBe(report.commitments.length);
    for (const sheet of [1, 2, 3]) {
      const values = (path: string) =>
        [...rawCells(path, sheet).values()].map((c) => [c.ref, c.value, c.format]);
      expect(values(streamed)).toEqual(values(file));
    }
    await expect(writeXlsx(db, {}, join(folder, 'missing', 'x.xlsx'))).rejects.toThrow(/Cannot write/);
    expect(readdirSync(folder).sort()).toEqual(['report.xlsx', 'streamed.xlsx']);
  });

  it('gathers, from the rows it writes, the state a report snapshot remembers', async () => {
    for (const scope of [{}, { asOf: '2025-10-01' }]) {
      const { state } = await writeXlsx(db, scope, join(temporaryFolder(), 'state.xlsx'), reportMoment);
      expect(Object.keys(state).length, JSON.stringify(scope)).toBeGreaterThan(5);
      expect(state, JSON.stringify(scope)).toEqual(reportState(db, commitmentIds(db, scope), scope.asOf));
    }
  });

  it('says who recorded each status update of a shared dossier, in recorded_by, and nothing otherwise', async () => {
    const column = columnOf(historyColumns, 'recorded_by');
    const recordedBy = (path: string) => {
      const cells = rawCells(path, 2);
      const rows = [...cells.keys()].filter((ref) => ref.startsWith('A')).length;
      return Array.from({ length: rows }, (_, index) => cells.get(`${column}${index + 1}`)?.value ?? null);
    };
    const [header, ...unshared] = recordedBy(file);
    expect(header).toBe('recorded_by');
    expect(unshared.length).toBeGreaterThan(10);
    expect(unshared.every((value) => value === null)).toBe(true);

    const shared = sharedSample();
    const sharedFile = join(temporaryFolder(), 'shared.xlsx');
    writeFileSync(sharedFile, await renderXlsx(shared.report));
    const streamed = join(temporaryFolder(), 'streamed.xlsx');
    await writeXlsx(shared.db, {}, streamed, reportMoment);
    for (const path of [sharedFile, streamed]) {
      const values = recordedBy(path);
      expect(values.filter((value) => value !== null)).toEqual(['recorded_by', 'alice']);
      const row = values.indexOf('alice') + 1;
      const cells = rawCells(path, 2);
      expect(cells.get(`${columnOf(historyColumns, 'status')}${row}`)?.value).toBe('fulfilled');
      expect(cells.get(`${columnOf(historyColumns, 'note')}${row}`)?.value).toBe(
        'The reprieve ran its course.',
      );
    }
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
  it.skipIf(!soffice)(
    soffice
      ? 'opens in LibreOffice with the formula-like titles as text and the dates as dates'
      : 'opens in LibreOffice: skipped, LibreOffice is not installed (apt-get install libreoffice-calc-nogui)',
    () => {
      const out = temporaryFolder();
      execFileSync(soffice!, ['--headless', '--convert-to', 'csv', '--outdir', out, file], {
        stdio: 'ignore',
        env: { ...process.env, HOME: out },
        timeout: 60_000,
      });
      const rows: Record<CommitmentColumn, string>[] = parse(readFileSync(join(out, 'report.csv'), 'utf8'), {
        bom: true,
        columns: true,
      });
      for (const text of formulaTitles) expect(rows.some((row) => row.title === `'${text}`)).toBe(true);
      const reprieve = rows.find((row) => row.title.startsWith('90-day'))!;
      expect(reprieve).toMatchObject({ due_on: '2025-10-29', status: 'in progress', deadline_amount: '90' });
    },
    60_000,
  );
});
