// The scorecard in every format, each read back by a reader that shares nothing with its writer:
// Python's json, csv-parse, LibreOffice (XLSX to CSV, raw values) and the XLSX's own XML, poppler's
// pdftotext, the DOCX's XML through unzip, and marked as a forge reads Markdown. Every party's
// figures and every cell must be there, as the model has them; numbers stay numbers.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCommitment } from '../../db/commitment-add.ts';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import {
  newCommitment,
  newStatusUpdate,
  statusIdOf,
  temporaryDatabase,
  temporaryFolder,
} from '../../db/testing.ts';
import { buildScorecard, type Scorecard } from './scorecard.ts';
import { exportScorecardToFile, type ScorecardFormat } from './scorecard-export.ts';
import { handMadeHistory, quoteText } from './scorecard-fixtures.ts';
import { cellLabel } from './scorecard-tables.ts';
import { cellOf, meanText, percentText } from './scorecard-wording.ts';

const formula = '=HYPERLINK("http://x","y")';
const hostileNote = 'Seen <script>alert("owned")</script> at <img src=x onerror="alert(2)"> the port.';
const request = { scope: { asOf: '2025-12-01' }, compare: '2025-10-15' };
const moment = new Date('2026-11-23T20:00:00.000Z');

let card: Scorecard;
const files = {} as Record<ScorecardFormat, string>;

beforeAll(async () => {
  const { db } = temporaryDatabase();
  const ids = handMadeHistory(db);
  const hostile = insertCommitment(db, newCommitment(ids.dossierId, { title: formula, madeBy: [ids.us] }));
  recordStatusUpdate(
    db,
    newStatusUpdate(hostile, statusIdOf(db, 'fulfilled'), '2025-11-25', { note: hostileNote }),
  );
  card = buildScorecard(db, request, { now: moment });
  const folder = temporaryFolder();
  for (const format of ['json', 'csv', 'xlsx', 'pdf', 'docx', 'md', 'html'] as const) {
    files[format] = join(folder, `scorecard.${format}`);
    await exportScorecardToFile(db, request, format, files[format], moment);
  }
}, 120_000);

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('the scorecard model these exports come from', () => {
  it('counts the United States’ new +1 and leaves Mexico as the hand-made history has it', () => {
    const [mexico, us] = card.parties;
    expect([mexico!.mean, mexico!.percent, mexico!.assessed, mexico!.total]).toEqual([-0.5, 25, 2, 3]);
    // +1 (fentanyl), −1 (reprieve), +1 (the new one); firearms not yet assessed.
    expect([us!.mean, us!.assessed, us!.total]).toEqual([1 / 3, 3, 4]);
    expect(us!.percent).toBeCloseTo(66.667, 3);
  });
});

describe('JSON, read by Python', () => {
  it('has the documented shape with every party and cell, as numbers', () => {
    const program = `
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps({
  "schema": doc["schema"], "as_of": doc["as_of"],
  "parties": [[p["party"], p["mean"], p["percent"], p["assessed"], p["total"]] for p in doc["parties"]],
  "cells": {str(c["id"]): [[x["party"], x["status"], x["score"], x["own"]] for x in c["cells"]] for c in doc["commitments"]},
  "means": {str(c["id"]): c["mean"] for c in doc["commitments"]},
  "titles": [c["title"] for c in doc["commitments"]],
  "changes": [[c["commitment_id"], c["party"], c["from"]["status"], c["to"]["status"]] for c in doc["changes"]["cells"]],
  "mean_change": [[p["party"], p["mean_change"]] for p in doc["changes"]["parties"]],
  "types": sorted({type(p["mean"]).__name__ for p in doc["parties"]}),
}))`;
    const read = JSON.parse(execFileSync('python3', ['-c', program, files.json], { encoding: 'utf8' }));
    expect(read.schema).toBe('pledgewatch.scorecard/1');
    expect(read.as_of).toBe('2025-12-01');
    expect(read.parties).toEqual(card.parties.map((p) => [p.name, p.mean, p.percent, p.assessed, p.total]));
    expect(read.types).toEqual(['float']);
    for (const row of card.commitments) {
      expect(read.cells[row.id]).toEqual(
        row.cells.map((c) => [c.party, c.status?.name ?? null, c.score, c.own]),
      );
      expect(read.means[row.id]).toBe(row.mean);
    }
    expect(read.titles).toContain(formula);
    expect(read.changes).toEqual(
      card.changes!.cells.map((c) => [
        c.commitmentId,
        c.party,
        c.from.status?.name ?? null,
        c.to.status?.name ?? null,
      ]),
    );
    expect(read.mean_change).toEqual(card.changes!.parties.map((p) => [p.party, p.meanChange]));
  });
});

describe('CSV, read by csv-parse', () => {
  it('has a row per commitment with each party’s status, score and own flag', () => {
    const rows: Record<string, string>[] = parse(readFileSync(files.csv, 'utf8'), {
      bom: true,
      columns: true,
    });
    expect(rows).toHaveLength(card.commitments.length);
    for (const row of card.commitments) {
      const read = rows.find((each) => each.id === String(row.id))!;
      expect(read.commitment!.replace(/^'/, '')).toBe(row.title);
      expect(read.mean).toBe(row.mean === null ? '' : String(row.mean));
      expect(read.commitment_status).toBe(row.status?.name ?? '');
      for (const party of card.parties) {
        const cell = cellOf(row, party.id);
        expect(read[`${party.name} status`]).toBe(cell?.status?.name ?? '');
        expect(read[`${party.name} score`]).toBe(cell?.score === null || !cell ? '' : String(cell.score));
        expect(read[`${party.name} own`]).toBe(cell ? (cell.own ? 'yes' : 'no') : '');
      }
    }
    // Neutralised: a spreadsheet shows the title, never runs it.
    expect(rows.some((row) => row.commitment === `'${formula}`)).toBe(true);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

/** A sheet of the workbook as LibreOffice reads it, values unformatted, one record per row. */
function sheetAsCsv(sheet: number, name: string): string[][] {
  const out = temporaryFolder();
  // Separator, quote, UTF-8, from line 1, …, cell contents not "as shown" (raw numbers), sheet N.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`;
  execFileSync(soffice!, ['--headless', '--convert-to', filter, '--outdir', out, files.xlsx], {
    stdio: 'ignore',
    env: { ...process.env, HOME: out },
    timeout: 90_000,
  });
  // LibreOffice names the file after the workbook and the sheet.
  return parse(readFileSync(join(out, `scorecard-${name}.csv`), 'utf8'), {
    bom: true,
    relaxColumnCount: true,
  });
}

describe('XLSX', () => {
  it('keeps scores, means and percentages as numbers, with a colour scale on them', () => {
    const xml = execFileSync('unzip', ['-p', files.xlsx, 'xl/worksheets/sheet2.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<conditionalFormatting sqref="F5:F\d+">\s*<cfRule type="colorScale"/);
    expect(xml).toMatch(
      /<cfvo type="num" val="-1"\/>\s*<cfvo type="num" val="0"\/>\s*<cfvo type="num" val="1"\/>/,
    );
    // The United States' score on the fentanyl pledge, row 5, column I: a number cell (no t="s").
    expect(xml).toMatch(/<c r="I5"(?: s="\d+")?><v>1<\/v><\/c>/);
  });

  it.skipIf(!soffice)(
    soffice
      ? 'opens in LibreOffice with every party’s figures and every cell'
      : 'opens in LibreOffice: skipped, LibreOffice is not installed (apt-get install libreoffice-calc-nogui)',
    () => {
      const parties = sheetAsCsv(1, 'Parties');
      expect(parties[3]).toEqual([
        'party',
        'mean',
        'percent',
        'scored',
        'unscored',
        'not yet assessed',
        'total',
        'mean on 15 Oct 2025',
        'change in mean',
      ]);
      for (const [index, party] of card.parties.entries()) {
        const [name, mean, percent, scored, , , total, , change] = parties[4 + index]!;
        expect(name).toBe(party.name);
        expect(Number(mean)).toBeCloseTo(party.mean!, 9);
        // A percentage cell: LibreOffice writes its raw value with a % sign.
        expect(Number(percent!.replace(/%$/, ''))).toBeCloseTo(party.percent!, 9);
        expect([Number(scored), Number(total)]).toEqual([party.assessed, party.total]);
        expect(Number(change)).toBeCloseTo(card.changes!.parties[index]!.meanChange!, 9);
      }
      const matrix = sheetAsCsv(2, 'Scorecard');
      const header = matrix[3]!;
      for (const row of card.commitments) {
        const read = matrix.find((line) => line[0] === String(row.id))!;
        expect(read[1]!.replace(/^'/, '')).toBe(row.title);
        for (const party of card.parties) {
          const cell = cellOf(row, party.id);
          const at = (suffix: string) => read[header.indexOf(`${party.name} ${suffix}`)];
          expect(at('status')).toBe(cell ? (cell.status?.name ?? 'no status yet') : '');
          expect(at('score')).toBe(cell?.score === null || !cell ? '' : String(cell.score));
        }
      }
    },
    120_000,
  );
});

describe('PDF, read by pdftotext', () => {
  it('is a briefing with every party’s figures, every cell, the changes and the evidence', () => {
    const text = squeeze(execFileSync('pdftotext', ['-raw', files.pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Compliance scorecard');
    expect(text).toMatch(/Page 1 of \d/);
    for (const party of card.parties) {
      expect(text).toContain(`${party.name} ${meanText(party.mean)} ${percentText(party.percent)}`);
    }
    for (const row of card.commitments) expect(text).toContain(row.title);
    expect(text).toContain('Changes since 15 Oct 2025');
    expect(text).toContain('partially fulfilled 0');
    expect(text).toContain(`“${quoteText}”`);
    // The note's script and image are gone; its words stay.
    expect(text).toContain('Seen at the port.');
    expect(text).not.toContain('alert');
  });
});

describe('DOCX, read from its XML', () => {
  it('has a table row per party and per commitment with each cell', () => {
    const xml = execFileSync('unzip', ['-p', files.docx, 'word/document.xml'], { encoding: 'utf8' });
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => t[1])
        .join('')
        .replace(/&quot;/g, '"'),
    );
    for (const party of card.parties) {
      expect(
        rows.some((row) =>
          row.startsWith(`${party.name}${meanText(party.mean)}${percentText(party.percent)}`),
        ),
      ).toBe(true);
    }
    for (const row of card.commitments) {
      // The matrix row, not the row of the changes table that names the same commitment.
      const lines = rows.filter((each) => each.startsWith(row.title));
      const complete = lines.some((line) => row.cells.every((cell) => line.includes(cellLabel(cell))));
      expect(complete, row.title).toBe(true);
    }
    expect(xml).toContain(quoteText);
  });
});

describe('Markdown, as a forge reads it', () => {
  it('has the parties table and a table row per commitment', () => {
    const markdown = readFileSync(files.md, 'utf8');
    const tables = marked.lexer(markdown, { gfm: true }).filter((t) => t.type === 'table') as {
      header: { text: string }[];
      rows: { text: string }[][];
    }[];
    const cells = (table: (typeof tables)[number]) => table.rows.map((row) => row.map((c) => c.text));
    const parties = cells(tables[0]!);
    for (const party of card.parties) {
      expect(parties).toContainEqual(
        expect.arrayContaining([party.name, meanText(party.mean), percentText(party.percent)]),
      );
    }
    const matrixRows = tables.slice(2).flatMap(cells);
    for (const row of card.commitments.filter((each) => each.cells.length > 0)) {
      const line = matrixRows.find((each) => each[0]!.replace(/\\(.)/g, '$1') === row.title)!;
      expect(line, row.title).toBeDefined();
      card.parties.forEach((party, index) => {
        const cell = cellOf(row, party.id);
        expect(line[index + 1]!.replace(/\\(.)/g, '$1')).toBe(cell ? cellLabel(cell) : '—');
      });
    }
    expect(marked.parse(markdown, { async: false })).not.toMatch(/<(script|img)\b/i);
  });

  it('never lets a note’s script become markup in the HTML', () => {
    const page = readFileSync(files.html, 'utf8');
    expect(page).not.toMatch(/<script|onerror|<img/i);
    expect(page).toContain('Seen');
  });
});
