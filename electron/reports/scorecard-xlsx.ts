// The scorecard as an Excel workbook: sheets Parties (the summary), Scorecard (the matrix), Topics,
// Changes (with a day compared with) and About. Scores, means and percentages are number cells, with a
// red–yellow–green colour scale (conditional formatting), so they sort, sum and chart as numbers.
import ExcelJS from 'exceljs';
import { neutralise } from './cells.ts';
import type { Scorecard } from './scorecard.ts';
import type { Tally } from './scorecard-tally.ts';
import { cellOf, fallbackNote, scoringRule } from './scorecard-wording.ts';
import { scopeLine } from './scope-terms.ts';
import { readableDay } from './wording.ts';

type Sheet = ExcelJS.Worksheet;
type Value = ExcelJS.CellValue;

const headerFont: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11, bold: true };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
const meanFormat = '+0.00;-0.00;0.00';
const scoreFormat = '+0;-0;0';
const percentFormat = '0.0%';
const printed: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** Excel's own red–yellow–green scale, anchored at fixed values so every sheet reads alike. */
function colourScale(sheet: Sheet, ref: string, low: number, high: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [
          { type: 'num', value: low },
          { type: 'num', value: (low + high) / 2 },
          { type: 'num', value: high },
        ],
        color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
}

function column(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

interface Column {
  header: string;
  width: number;
  format?: string;
  /** A colour scale over the column's values, from low to high. */
  scale?: [number, number];
  /** Long text (titles) wraps within the column. */
  wrap?: boolean;
}

/** A header row at `row`, frozen with an autofilter, then `rows`, then the columns' formats and scales. */
function addTable(sheet: Sheet, row: number, columns: Column[], rows: Value[][]): void {
  sheet.columns = columns.map((each) => ({ width: each.width }));
  const header = sheet.getRow(row);
  header.values = columns.map((each) => each.header);
  // Room for a party's name over two or three lines: spreadsheet programs do not grow a row by themselves.
  header.height = 45;
  header.eachCell((cell) => {
    cell.font = headerFont;
    cell.fill = headerFill;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  rows.forEach((values, index) => (sheet.getRow(row + 1 + index).values = values));
  const last = row + Math.max(rows.length, 1);
  sheet.autoFilter = { from: { row, column: 1 }, to: { row: last, column: columns.length } };
  columns.forEach((each, index) => {
    const letter = column(index + 1);
    if (each.format) {
      for (let line = row + 1; line <= last; line += 1)
        sheet.getCell(`${letter}${line}`).numFmt = each.format;
    }
    if (each.scale && rows.length > 0) {
      colourScale(sheet, `${letter}${row + 1}:${letter}${row + rows.length}`, ...each.scale);
    }
  });
}

function newSheet(workbook: ExcelJS.Workbook, name: string, frozenRows: number): Sheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: frozenRows }],
    pageSetup: printed,
  });
}

/** A title line and a line of context above a table. */
function heading(sheet: Sheet, title: string, context: string): void {
  sheet.getCell('A1').value = neutralise(title);
  sheet.getCell('A1').font = { ...headerFont, size: 14 };
  sheet.getCell('A2').value = neutralise(context);
}

const figureColumns: Column[] = [
  { header: 'mean', width: 9, format: meanFormat, scale: [-1, 1] },
  { header: 'percent', width: 9, format: percentFormat, scale: [0, 1] },
  { header: 'scored', width: 8 },
  { header: 'unscored', width: 9 },
  { header: 'not yet assessed', width: 10 },
  { header: 'total', width: 7 },
];

function figures(tally: Tally): Value[] {
  return [
    tally.mean,
    tally.percent === null ? null : tally.percent / 100,
    tally.assessed,
    tally.unscored,
    tally.notYetAssessed,
    tally.total,
  ];
}

function partiesSheet(workbook: ExcelJS.Workbook, card: Scorecard, day: string): void {
  const sheet = newSheet(workbook, 'Parties', 4);
  heading(sheet, `Compliance scorecard — ${day}`, scopeLine(card.scopeTerms));
  const changes = card.changes;
  const before = changes ? `mean on ${readableDay(changes.comparedWith)}` : '';
  const columns: Column[] = [
    { header: 'party', width: 28 },
    ...figureColumns,
    ...(changes
      ? [
          { header: before, width: 12, format: meanFormat, scale: [-1, 1] as [number, number] },
          { header: 'change in mean', width: 10, format: meanFormat },
        ]
      : []),
  ];
  const rows: Value[][] = card.parties.map((party, index) => {
    const change = changes?.parties[index];
    return [
      neutralise(party.name),
      ...figures(party),
      ...(change ? [change.before.mean, change.meanChange] : []),
    ];
  });
  rows.push([
    'All parties',
    ...figures(card.overall),
    ...(changes ? [changes.overall.before.mean, changes.overall.meanChange] : []),
  ]);
  addTable(sheet, 4, columns, rows);
  sheet.getRow(4 + rows.length).font = headerFont;
  sheet.getCell(`A${6 + rows.length}`).value = 'How the scores are counted: see the About sheet.';
}

function matrixSheet(workbook: ExcelJS.Workbook, card: Scorecard, day: string): void {
  const sheet = newSheet(workbook, 'Scorecard', 4);
  heading(sheet, `Commitments by party — ${day}`, fallbackNote.replace(/^\* /, 'Own = no: '));
  const columns: Column[] = [
    { header: 'id', width: 6 },
    { header: 'commitment', width: 48, wrap: true },
    { header: 'topic', width: 24 },
    { header: 'commitment status', width: 16 },
    ...card.parties.flatMap((party): Column[] => [
      { header: `${party.name} status`, width: 16 },
      { header: `${party.name} score`, width: 9, format: scoreFormat, scale: [-1, 1] },
      { header: `${party.name} own`, width: 7 },
    ]),
    ...figureColumns,
  ];
  const rows = card.commitments.map((row): Value[] => [
    row.id,
    neutralise(row.title),
    neutralise(row.topic),
    neutralise(row.status?.name ?? 'no status yet'),
    ...card.parties.flatMap((party): Value[] => {
      const cell = cellOf(row, party.id);
      if (!cell) return [null, null, null];
      return [neutralise(cell.status?.name ?? 'no status yet'), cell.score, cell.own ? 'yes' : 'no'];
    }),
    ...figures(row),
  ]);
  addTable(sheet, 4, columns, rows);
}

function topicsSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const sheet = newSheet(workbook, 'Topics', 1);
  addTable(
    sheet,
    1,
    [{ header: 'topic', width: 32 }, ...figureColumns],
    card.topics.map((topic) => [neutralise(topic.topic), ...figures(topic)]),
  );
}

function changesSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const changes = card.changes;
  if (!changes) return;
  const sheet = newSheet(workbook, 'Changes', 1);
  const then = readableDay(changes.comparedWith);
  addTable(
    sheet,
    1,
    [
      { header: 'id', width: 6 },
      { header: 'commitment', width: 48 },
      { header: 'party', width: 20 },
      { header: `status on ${then}`, width: 18 },
      { header: `score on ${then}`, width: 10, format: scoreFormat, scale: [-1, 1] },
      { header: `status on ${readableDay(card.day)}`, width: 18 },
      { header: `score on ${readableDay(card.day)}`, width: 10, format: scoreFormat, scale: [-1, 1] },
    ],
    changes.cells.map((change) => [
      change.commitmentId,
      neutralise(change.title),
      neutralise(change.party),
      neutralise(change.from.status?.name ?? 'no status yet'),
      change.from.score,
      neutralise(change.to.status?.name ?? 'no status yet'),
      change.to.score,
    ]),
  );
}

function aboutSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const sheet = workbook.addWorksheet('About', { pageSetup: printed });
  sheet.columns = [{ width: 20 }, { width: 90 }];
  const rows: [string, Value][] = [
    ['Report', 'Pledgewatch compliance scorecard'],
    ['Generated (UTC)', new Date(card.generatedAt)],
    ['As of', card.asOf ? new Date(`${card.asOf}T00:00:00Z`) : 'the day it was generated'],
    ['Compared with', card.changes ? new Date(`${card.changes.comparedWith}T00:00:00Z`) : 'no other day'],
    ['Data through (UTC)', card.dataThrough ? new Date(card.dataThrough) : 'no data yet'],
    ['Scope', neutralise(scopeLine(card.scopeTerms))],
    ['How it is counted', scoringRule(card)],
  ];
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = headerFont;
    if (value instanceof Date) {
      row.getCell(2).numFmt = label.endsWith('(UTC)') ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
    }
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true, vertical: 'top' };
  }
}

export async function renderScorecardXlsx(card: Scorecard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pledgewatch';
  workbook.created = new Date(card.generatedAt);
  const day = card.asOf ? `as of ${readableDay(card.asOf)}` : readableDay(card.day);
  partiesSheet(workbook, card, day);
  matrixSheet(workbook, card, day);
  topicsSheet(workbook, card);
  changesSheet(workbook, card);
  aboutSheet(workbook, card);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
