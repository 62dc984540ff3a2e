// Bad input at the importers (electron/ingest/import): random text named .csv or .json, spreadsheets of
// random cells under real column names, the sample's own CSV, JSON and XLSX exports cut short or with
// fields and bytes made wrong. Each import is written whole, or refused with an error that says where
// (a line, a field) and nothing written; no other exception escapes.
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../db/errors.ts';
import { ImportError } from '../../db/import-plan.ts';
import { applyImport } from '../../db/imports.ts';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { renderCsv } from '../reports/csv.ts';
import { renderJson } from '../reports/json.ts';
import { buildReport } from '../reports/model.ts';
import { renderXlsx } from '../reports/xlsx.ts';
import { planDocument } from './import/plan.ts';
import { readImport } from './import/read-file.ts';
import { loadSample } from './sample.ts';

const moment = new Date('2026-11-23T20:00:00.000Z');
const exports = { csv: '', json: '', xlsx: Buffer.alloc(0) };
let db: Database;
let known: string;
let counted: number;
const totals = { imported: 0, refused: 0 };

beforeAll(async () => {
  const source = temporaryDatabase().db;
  loadSample(source);
  const report = buildReport(source, {}, moment);
  exports.csv = renderCsv(report);
  exports.json = renderJson(report);
  exports.xlsx = await renderXlsx(report);
  db = temporaryDatabase().db;
  loadSample(db);
  known = fingerprint(db);
  counted = totalChanges();
  // Two samples and three exports: a few seconds, more on a machine shared with other runs.
}, 60_000);

function totalChanges(): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Reads, plans and applies one file, as `import` does; checks what a refusal says and that it wrote nothing. */
async function attempt(name: string, bytes: Uint8Array): Promise<void> {
  let refusal: unknown = null;
  try {
    const plan = planDocument(db, await readImport(name, bytes), { today: '2026-01-15' });
    applyImport(db, plan);
    totals.imported += 1;
  } catch (error) {
    refusal = error;
    totals.refused += 1;
  }
  const shown = `${name} (${bytes.length} bytes): ${String(refusal)}`;
  if (refusal !== null) {
    expect(refusal, shown).toBeInstanceOf(DomainError);
    expect((refusal as Error).message, shown).toMatch(/\S/);
    if (refusal instanceof ImportError) expect((refusal as Error).message, shown).toMatch(/line \d+/);
  }
  if (totalChanges() !== counted) {
    const now = fingerprint(db);
    if (refusal !== null) expect(now, `${shown}: refused, yet wrote`).toBe(known);
    known = now;
    counted = totalChanges();
  }
}

const encode = (text: string) => new TextEncoder().encode(text);

const cell = fc.oneof(
  fc.constantFrom(
    '',
    'pledge',
    'threat',
    'in progress',
    'fulfilled',
    'broken',
    'not yet assessed',
    'United States',
  ),
  fc.constantFrom(
    '2025-09-03',
    '2025-02-30',
    '03/09/2025',
    '90',
    '-1',
    '1e9',
    'days',
    'fortnights',
    'trade › tariffs',
  ),
  fc.constantFrom(
    '=HYPERLINK("http://x")',
    '"quoted',
    'a;b',
    'line\nbreak',
    '\u202e\u0000',
    '__proto__',
    'x'.repeat(5_000),
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('the importers, given random and malformed files', () => {
  it('refuse random text named .csv or .json, saying where', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('notes.csv', 'notes.json'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.json({ maxDepth: 3 })),
        async (name, text) => attempt(name, encode(text)),
      ),
      { numRuns: 200 },
    );
  });

  it('import or refuse spreadsheets of random cells under real column names', async () => {
    const columns = exports.csv
      .replace(/^\ufeff/, '')
      .split(/\r?\n/, 1)[0]!
      .split(',');
    const others = [...columns.filter((column) => column !== 'title'), 'unknown column'];
    await fc.assert(
      fc.asyncProperty(
        // Mostly with a title column, so that rows get read and planned, not only the header.
        fc
          .tuple(fc.constantFrom(['title'], ['title'], ['title'], []), fc.shuffledSubarray(others))
          .map(([title, rest]) => [...title, ...rest]),
        fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }),
        fc.constantFrom(',', ';'),
        async (header, rows, separator) => {
          const text = [header, ...rows].map((row) => row.map(csvCell).join(separator)).join('\r\n');
          await attempt('sheet.csv', encode(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse or import the sample’s exports cut short at any byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('csv', 'json', 'xlsx'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (type, at) => {
          const bytes = type === 'xlsx' ? exports.xlsx : encode(exports[type as 'csv' | 'json']);
          await attempt(`export.${type}`, bytes.subarray(0, Math.floor(bytes.length * at)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuse or import JSON exports with a field made wrong, and XLSX with bytes flipped', async () => {
    const wrong = fc.constantFrom(
      null,
      -1,
      1.5,
      '',
      'x'.repeat(10_000),
      [],
      {},
      '2025-02-30',
      'not a status',
      { __proto__: 1 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), wrong, async (commitment, field, value) => {
        const report = JSON.parse(exports.json) as { commitments: Record<string, unknown>[] };
        const target = report.commitments[commitment % report.commitments.length]!;
        const keys = Object.keys(target);
        target[keys[field % keys.length]!] = value;
        await attempt('report.json', encode(JSON.stringify(report)));
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (flips) => {
          const bytes = Buffer.from(exports.xlsx);
          for (const [offset, value] of flips) bytes[offset % bytes.length] = value;
          await attempt('report.xlsx', bytes);
        },
      ),
      { numRuns: 40 },
    );
    expect(fingerprint(db)).toBe(known);
    expect(totals.imported, 'some imports went through').toBeGreaterThan(0);
    expect(totals.refused, 'some imports were refused').toBeGreaterThan(0);
  });
});
