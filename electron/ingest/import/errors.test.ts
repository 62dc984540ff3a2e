// All or nothing: every error names the line and the field, and a file with one writes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../db/import-plan.ts';
import { applyImport } from '../../../db/imports.ts';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../../db/testing.ts';
import { deleteCommitment } from '../../../db/trash.ts';
import { renderJson } from '../../reports/json.ts';
import { buildReport } from '../../reports/model.ts';
import { writeXlsx } from '../../reports/xlsx.ts';
import { loadSample } from '../sample.ts';
import { planImport } from './plan.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const header = 'id,title,kind,dossier,parent_id,announced_on,status\r\n';

function sample() {
  const { db } = temporaryDatabase();
  loadSample(db);
  return db;
}

/** Plans the file and returns its error message, checking that nothing was written. */
async function refusal(db: ReturnType<typeof sample>, file: string): Promise<string> {
  const before = fingerprint(db);
  const error = await planImport(db, file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  expect(fingerprint(db)).toBe(before);
  return (error as ImportError).message;
}

function csvFile(content: string): string {
  const file = join(temporaryFolder(), 'import.csv');
  writeFileSync(file, content);
  return file;
}

describe('import errors', () => {
  it('names the line and the field of a bad date, and writes nothing', async () => {
    const db = sample();
    expect(await refusal(db, join(fixtures, 'bad-date-on-line-14.csv'))).toBe(
      'line 14, field announced_on: "3 Sept" is not a date written YYYY-MM-DD.',
    );
  });

  it('lists every bad cell of the file at once: status, kind, title, parent, deadline', async () => {
    const db = sample();
    const message = await refusal(
      db,
      csvFile(
        header +
          ',A new pledge,promise,"US–Mexico security and trade cooperation, 2025",,2025-10-01,\r\n' +
          ',,pledge,"US–Mexico security and trade cooperation, 2025",,2025-10-01,\r\n' +
          ',Another pledge,pledge,"US–Mexico security and trade cooperation, 2025",,2025-10-01,finished\r\n' +
          ',A child,pledge,"US–Mexico security and trade cooperation, 2025",404,2025-02-30,\r\n',
      ),
    );
    expect(message.split('\n')).toEqual([
      'line 2, field kind: "promise" is not a kind; use one of pledge, agreement, measure, threat, reprieve, review.',
      'line 3, field title: the title is empty.',
      'line 4, field status: "finished" is not a status; use one of not yet assessed, announced, in progress, stalled, at risk, fulfilled, partially fulfilled, broken, withdrawn, lapsed.',
      'line 5, field announced_on: "2025-02-30" is not a date written YYYY-MM-DD.',
    ]);
    const parent = await refusal(
      db,
      csvFile(
        header + ',A child,pledge,"US–Mexico security and trade cooperation, 2025",404,2025-10-01,\r\n',
      ),
    );
    expect(parent).toBe('line 2, field parent_id: no commitment has id 404, in this file or in Pledgewatch.');
  });

  it('refuses half a deadline, a deadline given twice, and a new commitment without a dossier', async () => {
    const db = sample();
    const message = await refusal(
      db,
      csvFile(
        'title,kind,dossier,deadline_on,deadline_amount,deadline_unit,deadline_from\r\n' +
          'One,pledge,D,,90,,2025-01-01\r\n' +
          'Two,pledge,D,2025-05-01,3,months,2025-01-01\r\n',
      ),
    );
    expect(message.split('\n')).toEqual([
      'line 2, field deadline_unit: a deadline given as a duration needs the unit (days, weeks, months, years).',
      'line 3, field deadline_on: give the deadline as a date (deadline_on) or as a duration (deadline_amount, deadline_unit, deadline_from), not both.',
    ]);
    expect(await refusal(db, csvFile('title,kind,dossier\r\nThree,pledge,\r\n'))).toBe(
      'line 2, field dossier: a new commitment needs a dossier.',
    );
  });

  it('refuses the same commitment twice, and parents that would oversee themselves', async () => {
    const db = sample();
    const dossier = '"US–Mexico security and trade cooperation, 2025"';
    expect(
      await refusal(db, csvFile(`${header}3,Curb,pledge,${dossier},,,\r\n3,Curb,pledge,${dossier},,,\r\n`)),
    ).toBe('line 3, field id: the same id as line 2.');
    expect(
      await refusal(
        db,
        csvFile(`${header}100,A,pledge,${dossier},101,,\r\n101,B,pledge,${dossier},100,,\r\n`),
      ),
    ).toMatch(/^line 2, field parent_id: through their parents, this commitment would oversee itself\./);
  });

  it('names the line of a JSON report where the bad field is written', async () => {
    const db = sample();
    const text = renderJson(buildReport(db, {})).replace(
      '"announced_on": "2025-07-31"',
      '"announced_on": "31/07/2025"',
    );
    const line = text.slice(0, text.indexOf('31/07/2025')).split('\n').length;
    const file = join(temporaryFolder(), 'report.json');
    writeFileSync(file, text);
    expect(await refusal(db, file)).toBe(
      `line ${line}, field announced_on: "31/07/2025" is not a date written YYYY-MM-DD.`,
    );
    writeFileSync(file, text.replace('"kind": "reprieve",', '"kind": "reprieve"'));
    expect(await refusal(db, file)).toMatch(/^line \d+: this is not valid JSON \(CommaExpected\)\.$/);
    writeFileSync(file, '{ "schema": "something/else", "commitments": [] }');
    expect(await refusal(db, file)).toBe(
      'line 1, field schema: this is not a Pledgewatch JSON report: "schema" should be "pledgewatch.report/1".',
    );
  });

  it('names the row of an XLSX sheet, and the sheet when it is the status history', async () => {
    const db = sample();
    const file = join(temporaryFolder(), 'report.xlsx');
    await writeXlsx(db, {}, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Commitments')!.getRow(3).getCell(10).value = 'next week';
    workbook.getWorksheet('Status history')!.getRow(6).getCell(4).value = 'Canada';
    await workbook.xlsx.writeFile(file);
    expect((await refusal(db, file)).split('\n')).toEqual([
      'line 3, field announced_on: "next week" is not a date written YYYY-MM-DD.',
    ]);
    workbook.getWorksheet('Commitments')!.getRow(3).getCell(10).value = new Date('2025-09-03T00:00:00Z');
    await workbook.xlsx.writeFile(file);
    expect(await refusal(db, file)).toBe(
      'Status history sheet, line 6, field party: Canada did not make this commitment (made by Mexico, United States).',
    );
  });

  it('writes nothing when the database changed under a plan and a late step fails', async () => {
    const db = sample();
    const file = csvFile(
      'id,title,kind,dossier\r\n' +
        ',A brand new pledge,pledge,A new dossier\r\n' +
        '4,Keep migration under a new name,measure,"US–Mexico security and trade cooperation, 2025"\r\n',
    );
    const plan = await planImport(db, file);
    expect(plan.newCommitments).toHaveLength(1);
    expect(plan.updatedCommitments[0]?.changed.map((change) => change.field)).toEqual(['title', 'kind']);
    deleteCommitment(db, 4);
    const before = fingerprint(db);
    expect(() => applyImport(db, plan)).toThrow(
      /^line 3: Commitment 4 “Keep migration under…” is in the trash\.$/,
    );
    expect(fingerprint(db)).toBe(before);
    const trigger = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'commitment_fts_insert'`).get();
    expect(trigger).toEqual({ name: 'commitment_fts_insert' });
  });
});
