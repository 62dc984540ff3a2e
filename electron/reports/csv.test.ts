// The CSV report read back by an independent parser: every title, status and due date, inert formulas.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { commitmentColumns, type CommitmentColumn } from './cells.ts';
import { renderCsv, writeCsv } from './csv.ts';
import { formulaTitles, sampleWithFormulas } from './export-fixtures.ts';

function rowsOf(text: string): Record<CommitmentColumn, string>[] {
  return parse(text, { bom: true, columns: true });
}

describe('CSV report', () => {
  const { db, report } = sampleWithFormulas();
  const text = renderCsv(report);

  it('starts with a byte order mark and the shared header, one commitment a CRLF-ended row', () => {
    expect(text.startsWith('\uFEFFid,title,summary,kind,dossier,parent_id,topics,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(report.commitments.length);
    expect(Object.keys(rows[0]!)).toEqual(commitmentColumns.map((column) => column.name));
  });

  it('holds every commitment title, status and due date', () => {
    const rows = rowsOf(text);
    for (const commitment of report.commitments) {
      const row = rows.find((candidate) => candidate.id === String(commitment.id))!;
      expect(row.title.replace(/^'/, '')).toBe(commitment.title);
      expect(row.status).toBe(commitment.status?.name ?? '');
      expect(row.due_on).toBe(commitment.deadline.dueOn ?? '');
    }
    const reprieve = rows.find((row) => row.title.startsWith('90-day reprieve'))!;
    expect(reprieve).toMatchObject({
      kind: 'reprieve',
      deadline_amount: '90',
      deadline_unit: 'days',
      deadline_from: '2025-07-31',
      due_on: '2025-10-29',
      made_by: 'United States',
      topics: 'trade › tariffs',
    });
  });

  it('neutralises every text cell a spreadsheet would run as a formula', () => {
    const rows = rowsOf(text);
    for (const title of formulaTitles) {
      const row = rows.find((candidate) => candidate.title === `'${title}`);
      expect(row, title).toBeDefined();
      expect(row!.summary.startsWith(`'=cmd`)).toBe(true);
    }
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('streams the same file from the database, written whole or not at all', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'commitments.csv');
    expect(writeCsv(db, {}, file)).toBe(report.commitments.length);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(() => writeCsv(db, {}, join(folder, 'missing', 'x.csv'))).toThrow(/Cannot write/);
    expect(readdirSync(folder)).toEqual(['commitments.csv']);
    expect(existsSync(join(folder, 'missing'))).toBe(false);
  });

  it('streams a scope as of a day, like the report built for it', async () => {
    const { buildReport } = await import('./model.ts');
    const file = join(temporaryFolder(), 'october.csv');
    const scope = { asOf: '2025-10-01' };
    writeCsv(db, scope, file);
    expect(readFileSync(file, 'utf8')).toBe(renderCsv(buildReport(db, scope)));
    expect(rowsOf(readFileSync(file, 'utf8')).find((row) => row.title.startsWith('90-day'))).toMatchObject({
      status: 'in progress',
      deadline_state: 'due_soon',
    });
  });
});
