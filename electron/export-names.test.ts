// Path traversal in export names, at random: whatever name an analyst (or an imported template) gives a
// report, the file lands in the folder chosen, under a name every system accepts.
import { basename, dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportFileName, safeFileName } from './reports/file-names.ts';

const folder = resolve('/home/analyst/Reports');

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        '..',
        '.',
        '/',
        '\\',
        '%2e%2e',
        'C:',
        '\\\\server\\share',
        '~',
        'CON',
        'nul.',
        '\u0000',
        '\n',
        ' ',
        'a',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

describe('export file names', () => {
  it('stay in the chosen folder, visible, with the one extension, whatever the name given', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom('pdf', 'xlsx', 'csv', 'md', 'json', 'docx'),
        (wanted, extension) => {
          for (const name of [
            safeFileName(wanted, extension),
            reportFileName(wanted, '2026-11-23', extension),
          ]) {
            const path = join(folder, name);
            expect(dirname(path), JSON.stringify(wanted)).toBe(folder);
            expect(basename(path)).toBe(name);
            expect(name).not.toMatch(
              /[/\\<>:"|?*\p{Cc}]|^[.\s]|[.\s]$|^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/iu,
            );
            expect(name.endsWith(`.${extension}`)).toBe(true);
            expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
