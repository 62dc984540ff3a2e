// Text the workbook writer must carry whole: markup, emoji, control characters, text that reads like
// an escape, edge spaces, line breaks, text past Excel's limit, formula-like text, empty cells; read
// back by exceljs, by the XML itself (unzip), by the importer, and by LibreOffice when installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../db/imports.ts';
import { newCommitment, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { planImport } from '../ingest/import/plan.ts';
import { loadSample } from '../ingest/sample.ts';
import { commitmentColumns } from './cells.ts';
import { reportMoment } from './export-fixtures.ts';
import { buildReport } from './model.ts';
import { longestCellText } from './xlsx-cells.ts';
import { rawCells, sheetXml } from './xlsx-xml.ts';
import { renderXlsx, writeXlsx } from './xlsx.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

const titles = {
  markup: 'Tariffs < 25% & "quotas" > none',
  emoji: 'Fentanyl 🚫 pledge 🇲🇽',
  control: 'Bell\u0007 and form feed\u000C inside',
  escapeLike: 'Literal _x0041_ stays',
  spaces: '  spaces kept  ',
  lineBreak: 'Line one\r\nline two',
};
const longSummary = 'Long. '.repeat(7_000);

const { db } = temporaryDatabase();
const { dossierId } = loadSample(db);
for (const [name, title] of Object.entries(titles)) {
  insertCommitment(
    db,
    newCommitment(dossierId, {
      title,
      summary: name === 'control' ? longSummary : '=1+1',
      announcedOn: '2025-10-01',
    }),
  );
}
const folder = temporaryFolder();
const rendered = join(folder, 'rendered.xlsx');
writeFileSync(rendered, await renderXlsx(buildReport(db, {}, reportMoment)));
const streamed = join(folder, 'streamed.xlsx');
await writeXlsx(db, {}, streamed, reportMoment);

const column = (name: string) =>
  String.fromCharCode(65 + commitmentColumns.findIndex((each) => each.name === name));

/** The Commitments sheet's rows by title, as exceljs reads them. */
async function byTitle(file: string): Promise<Map<string, ExcelJS.Row>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows = new Map<string, ExcelJS.Row>();
  workbook.getWorksheet('Commitments')!.eachRow((row) => rows.set(String(row.getCell(2).value), row));
  return rows;
}

describe.each([
  ['built from the report', rendered],
  ['streamed from the database', streamed],
])('text in the workbook %s', (_, file) => {
  it('reads back in exceljs exactly as written, but for formulas neutralised and text cut at the limit', async () => {
    const rows = await byTitle(file);
    for (const title of Object.values(titles)) expect(rows.has(title), JSON.stringify(title)).toBe(true);
    expect(rows.get(titles.markup)!.getCell(3).value).toBe("'=1+1");
    const cut = String(rows.get(titles.control)!.getCell(3).value);
    expect(cut).toHaveLength(longestCellText);
    expect(cut).toBe(`${longSummary.slice(0, longestCellText - 1)}…`);
  });

  it('writes plain text inline and escaped, and a control character as _xHHHH_ in a shared string', () => {
    const cells = [...rawCells(file, 1).values()];
    const titleCell = (title: string) =>
      cells.find((cell) => cell.ref.startsWith('B') && cell.value === title);
    expect(titleCell(titles.markup)).toMatchObject({ type: 'inlineStr', formula: null });
    expect(titleCell(titles.emoji)).toMatchObject({ type: 'inlineStr' });
    expect(titleCell(titles.lineBreak)).toMatchObject({ type: 'inlineStr' });
    // The spreadsheet's own escapes, as the XML holds them: the control characters, the underscore.
    expect(titleCell('Bell_x0007_ and form feed_x000C_ inside')).toMatchObject({ type: 's' });
    expect(titleCell('Literal _x005F_x0041_ stays')).toMatchObject({ type: 's' });
    const xml = sheetXml(file, 1);
    expect(xml).toContain('<t>Tariffs &lt; 25% &amp; "quotas" &gt; none</t>');
    expect(xml).toContain('<t xml:space="preserve">  spaces kept  </t>');
    expect(xml).toContain('Line one&#13;\nline two');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/); // eslint-disable-line no-control-regex
  });

  it('leaves empty cells out and writes a day as a day number', () => {
    const cells = rawCells(file, 1);
    const row = [...cells.values()].find((cell) => cell.value === titles.emoji)!.ref.slice(1);
    expect(cells.has(`${column('parent_id')}${row}`)).toBe(false);
    expect(cells.has(`${column('deadline_on')}${row}`)).toBe(false);
    // 2025-10-01 is day 45931 counted from 1899-12-30.
    expect(cells.get(`${column('announced_on')}${row}`)).toMatchObject({
      type: null,
      value: '45931',
      format: 'yyyy-mm-dd',
    });
  });

  it('imports back into an empty database with every title as it was, trimmed', async () => {
    const { db: empty } = temporaryDatabase();
    applyImport(empty, await planImport(empty, file));
    const imported = empty.prepare('SELECT title FROM commitment').pluck().all() as string[];
    // The importer trims the cells it reads, as it does for any spreadsheet.
    for (const title of Object.values(titles)) {
      expect(imported, JSON.stringify(title)).toContain(title.trim());
    }
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
describe('text in the workbook, in LibreOffice', () => {
  it.skipIf(!soffice)(
    soffice
      ? 'shows markup, emoji, control characters and escapes as written'
      : 'shows the text as written: skipped, LibreOffice is not installed (apt-get install libreoffice-calc-nogui)',
    () => {
      const out = temporaryFolder();
      // Comma, double quote, UTF-8: the CSV filter's own defaults are not UTF-8.
      execFileSync(
        soffice!,
        ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, streamed],
        { stdio: 'ignore', env: { ...process.env, HOME: out }, timeout: 60_000 },
      );
      const rows: Record<string, string>[] = parse(readFileSync(join(out, 'streamed.csv'), 'utf8'), {
        columns: true,
      });
      const shown = rows.map((row) => row.title);
      for (const name of ['markup', 'emoji', 'control', 'escapeLike', 'spaces'] as const) {
        expect(shown, name).toContain(titles[name]);
      }
      expect(rows.find((row) => row.title === titles.control)!.summary).toHaveLength(longestCellText);
    },
    60_000,
  );
});
