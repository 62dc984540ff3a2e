import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { cli, fingerprintOf } from './testing.ts';

const fixtures = join(import.meta.dirname, '..', 'ingest');

describe('import and extract on the command line', () => {
  it('imports a PDF as a source once, reports the duplicate without writing, and merges on request', () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    const pdf = join(fixtures, 'fixtures', 'statement.pdf');
    expect(cli(['import', pdf, '--db', db])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Added source 1, “Joint statement of 15 January 2026” \(en,/),
    });
    const before = fingerprintOf(db);
    const again = cli(['import', pdf, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /looks like source 1, “Joint statement of 15 January 2026” \(same text\); nothing was added/,
    );
    expect(fingerprintOf(db)).toBe(before);
    expect(cli(['import', pdf, '--db', db, '--on-duplicate', 'merge']).stdout).toMatch(
      /^Merged .* into source 1/,
    );
  });

  it('refuses files it cannot read, naming them, and changes nothing', () => {
    const folder = temporaryFolder();
    const db = join(folder, 'p.sqlite');
    cli(['sample', '--db', db]);
    const before = fingerprintOf(db);
    writeFileSync(join(folder, 'scan.pdf'), 'not really a pdf');
    for (const [args, message] of [
      [['import', join(folder, 'missing.txt')], /there is no file .*missing\.txt/],
      [['import', join(folder, 'table.docx')], /table\.docx is not a file Pledgewatch can import/],
      [['import', join(folder, 'scan.pdf')], /scan\.pdf/],
      [
        ['import', join(fixtures, 'fixtures', 'communique.html'), '--on-duplicate', 'maybe'],
        /--on-duplicate "maybe"/,
      ],
      [['extract', join(folder, 'missing.txt')], /there is no file/],
      [
        ['extract', join(fixtures, 'extract', 'fixtures', 'acuerdo-es.txt'), '--date', '4 Sept'],
        /--date "4 Sept" is not a date/,
      ],
    ] as const) {
      const result = cli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(fingerprintOf(db)).toBe(before);
  });

  it('prints the ranked candidates of an article as JSON', () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    cli(['sample', '--db', db]);
    const result = cli([
      'extract',
      join(fixtures, 'extract', 'fixtures', 'border-talks-en.txt'),
      '--json',
      '--date',
      '2026-03-14',
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    const candidates = JSON.parse(result.stdout);
    expect(candidates[0]).toEqual(
      expect.objectContaining({
        sentence: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
        kind: expect.any(String),
        topics: expect.any(Array),
        parties: expect.any(Array),
        deadline: expect.anything(),
        confidence: expect.any(Number),
      }),
    );
    const confidences = candidates.map((candidate: { confidence: number }) => candidate.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(
      candidates.some((candidate: { sentence: string }) => /Follow us|Share/.test(candidate.sentence)),
    ).toBe(false);
  });
});
