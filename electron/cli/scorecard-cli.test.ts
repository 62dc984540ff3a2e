// `report --kind scorecard` through the real command line, in a child process as `npm run cli --` runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { cli } from './testing.ts';

describe('report --kind scorecard', () => {
  const folder = temporaryFolder();
  const db = join(folder, 'sample.sqlite');
  beforeAll(() => {
    expect(cli(['sample', '--db', db]).code).toBe(0);
  });

  it('writes the sample’s scorecard as of a day, compared with an earlier one', () => {
    const out = join(folder, 'card.json');
    const args = ['report', '--kind', 'scorecard', '--db', db, '--format', 'json', '--out', out];
    const result = cli([...args, '--as-of', '2026-01-31', '--compare', '2025-09-30', '--topic', 'security']);
    expect(result.stdout).toMatch(/^Wrote the scorecard of \d+ commitments by 2 parties to /);
    expect(result.code).toBe(0);
    const card = JSON.parse(readFileSync(out, 'utf8'));
    expect(card).toMatchObject({ schema: 'pledgewatch.scorecard/1', as_of: '2026-01-31' });
    expect(card.parties.map((p: { party: string }) => p.party)).toEqual(['Mexico', 'United States']);
    expect(card.changes.compared_with).toBe('2025-09-30');
    // The firearms pledge: each party has its own "in progress" from 26 September.
    const firearms = card.commitments.find((c: { title: string }) => /firearms/i.test(c.title));
    expect(firearms.cells).toEqual([
      expect.objectContaining({ party: 'Mexico', status: 'in progress', score: null, own: true }),
      expect.objectContaining({ party: 'United States', status: 'in progress', score: null, own: true }),
    ]);
  });

  it('refuses what a scorecard cannot do with a clear message, exit code 2 and no file', () => {
    const out = join(folder, 'refused.json');
    const base = ['report', '--kind', 'scorecard', '--db', db, '--out', out];
    const cases: [string[], RegExp][] = [
      [
        [...base, '--format', 'json', '--as-of', '2025-10-01', '--compare', '2025-11-01'],
        /--compare 2025-11-01 must be a day before/,
      ],
      [[...base, '--format', 'json', '--compare', '1 October'], /--compare "1 October" is not a date/],
      [[...base, '--format', 'json', '--since', '2025-10-01'], /--since belongs to the briefing/],
      [[...base, '--format', 'odt'], /"odt" is not a scorecard format/],
      [[...base], /needs --format/],
      [
        ['report', '--kind', 'league', '--db', db, '--format', 'json', '--out', out],
        /"league" is not a kind of report/,
      ],
      [
        ['report', '--db', db, '--format', 'json', '--out', out, '--compare', '2025-10-01'],
        /--compare belongs to the scorecard/,
      ],
      [[...base, '--format', 'json', '--party', 'Atlantis'], /--party "Atlantis" matches nothing; known: /],
    ];
    for (const [args, message] of cases) {
      const result = cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
