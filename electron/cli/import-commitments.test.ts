// `import FILE` of commitments as the command line runs it, through planImportFile and applyImportFile:
// a summary of what changes, a dry run, and exit codes.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCommitment } from '../../db/commitments.ts';
import { listReference } from '../../db/reference.ts';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { importCommitments } from './import-commitments.ts';

const fixtures = join(import.meta.dirname, '..', 'ingest', 'import', 'fixtures');

function captured() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  return { out: () => out.join('\n'), err: () => err.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importCommitments', () => {
  it('reads a sheet an analyst typed: headers in words, "a > b" topics, durations in weeks', async () => {
    const { db } = temporaryDatabase();
    const output = captured();
    const before = fingerprint(db);
    expect(await importCommitments(db, join(fixtures, 'analyst-sheet.csv'), { dryRun: true })).toBe(0);
    expect(fingerprint(db)).toBe(before);
    expect(output.out()).toContain('13 new commitments');
    expect(output.out()).toContain('Dry run: nothing was written.');
    expect(output.out()).toContain('4 new topics: trade, trade › customs, security, security › border');

    expect(await importCommitments(db, join(fixtures, 'analyst-sheet.csv'))).toBe(0);
    expect(output.out()).toContain(
      'Imported: 13 new commitments, 0 updated commitments, 13 new status updates.',
    );
    const reference = listReference(db);
    expect(reference.dossiers.map((d) => d.name)).toEqual(['Canada–US border, 2025']);
    expect(reference.parties.map((p) => [p.name, p.kind])).toEqual([
      ['Canada', 'organisation'],
      ['United States', 'organisation'],
    ]);
    const review = getCommitment(db, 13);
    expect(review).toMatchObject({
      title: 'Review the border accord',
      deadline: { amount: 14, unit: 'days', from: '2025-09-03', dueOn: '2025-09-17' },
      status: { name: 'not yet assessed' },
      statusSince: '2025-09-03',
    });
    expect(getCommitment(db, 2)).toMatchObject({
      topics: [{ path: 'security › border' }, { path: 'trade › customs' }],
      status: { name: 'in progress' },
      statusSince: '2025-05-10',
      deadline: { dueOn: '2025-09-01' },
    });
  });

  it('reads CSV saved by a spreadsheet that writes semicolons, and restores neutralised text', async () => {
    const { db } = temporaryDatabase();
    captured();
    expect(await importCommitments(db, join(fixtures, 'semicolons.csv'))).toBe(0);
    expect(getCommitment(db, 1).title).toBe('Cut tariffs on steel; by half');
    expect(getCommitment(db, 2).title).toBe('=HYPERLINK("http://x","y")');
  });

  it('exits 2 naming the line and field, and writes nothing, when the file has an error', async () => {
    const { db } = temporaryDatabase();
    const output = captured();
    const before = fingerprint(db);
    expect(await importCommitments(db, join(fixtures, 'bad-date-on-line-14.csv'))).toBe(2);
    expect(output.err()).toContain('was not imported; nothing was written.');
    expect(output.err()).toContain('line 14, field announced_on: "3 Sept" is not a date written YYYY-MM-DD.');
    expect(fingerprint(db)).toBe(before);
    expect(await importCommitments(db, join(fixtures, 'no-such-file.csv'))).toBe(2);
    expect(output.err()).toContain('there is no file');
    expect(await importCommitments(db, join(import.meta.dirname, 'cli.ts'))).toBe(2);
    expect(output.err()).toContain('name must be the name of a .csv, .xlsx or .json file');
  });
});
