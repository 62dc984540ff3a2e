// The scorecard as an Excel workbook: sheets Parties (the summary), Scorecard (the matrix), Topics,
// Changes (with a day compared with) and About. Scores, means and percentages are number cells, with a
// red–yellow–green colour scale (conditional formatting), so they sort, sum and chart as numbers. Sheet
// names and headers are in the report's language: this workbook is read by people, never imported.
import ExcelJS from 'exceljs';
import * as m from '../shared/i18n/paraglide/messages.js';
import { neutralise } from './cells.ts';
import type { Scorecard } from './scorecard.ts';
import type { Tally } from '../domain/compliance.ts';
import { cellOf, fallbackText, scoringRule, titleText, topicText } from './scorecard-wording.ts';
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
  // Each header wraps over lines, but a word cannot: "puntuación" is wider than "scored" was.
  const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((word) => word.length));
  sheet.columns = columns.map((each) => ({ width: Math.max(each.width, longestWord(each.header) + 1) }));
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

/** The columns of a tally's figures; a function, since their headers are in the report's language. */
function figureColumns(): Column[] {
  return [
    { header: m.card_header_mean(), width: 9, format: meanFormat, scale: [-1, 1] },
    { header: m.card_header_percent(), width: 9, format: percentFormat, scale: [0, 1] },
    { header: m.card_header_scored(), width: 8 },
    { header: m.card_header_unscored(), width: 9 },
    { header: m.card_header_not_assessed(), width: 10 },
    { header: m.card_header_total(), width: 7 },
  ];
}

/** "no status yet" in the report's language, made safe for a cell. */
const statusName = (status: { name: string } | null) => neutralise(status?.name ?? m.card_no_status_yet());

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
  const sheet = newSheet(workbook, m.card_sheet_parties(), 4);
  heading(sheet, m.card_sheet_title({ title: titleText(card), day }), scopeLine(card.scopeTerms));
  const changes = card.changes;
  const before = changes ? m.card_header_mean_on({ day: readableDay(changes.comparedWith) }) : '';
  const columns: Column[] = [
    { header: m.card_header_party(), width: 28 },
    ...figureColumns(),
    ...(changes
      ? [
          { header: before, width: 12, format: meanFormat, scale: [-1, 1] as [number, number] },
          { header: m.card_header_change(), width: 10, format: meanFormat },
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
    m.card_all_parties(),
    ...figures(card.overall),
    ...(changes ? [changes.overall.before.mean, changes.overall.meanChange] : []),
  ]);
  addTable(sheet, 4, columns, rows);
  sheet.getRow(4 + rows.length).font = headerFont;
  sheet.getCell(`A${6 + rows.length}`).value = m.card_sheet_see_about({ sheet: m.sheet_about() });
}

function matrixSheet(workbook: ExcelJS.Workbook, card: Scorecard, day: string): void {
  const sheet = newSheet(workbook, m.card_sheet_scorecard(), 4);
  heading(sheet, m.card_sheet_matrix_title({ day }), m.card_sheet_own_no({ note: fallbackText() }));
  const columns: Column[] = [
    { header: m.card_header_id(), width: 6 },
    { header: m.card_header_commitment(), width: 48, wrap: true },
    { header: m.card_header_topic(), width: 24 },
    { header: m.card_header_status(), width: 16 },
    ...card.parties.flatMap((party): Column[] => [
      { header: m.card_header_party_status({ party: party.name }), width: 16 },
      {
        header: m.card_header_party_score({ party: party.name }),
        width: 9,
        format: scoreFormat,
        scale: [-1, 1],
      },
      { header: m.card_header_party_own({ party: party.name }), width: 7 },
    ]),
    ...figureColumns(),
  ];
  const rows = card.commitments.map((row): Value[] => [
    row.id,
    neutralise(row.title),
    neutralise(topicText(row.topic)),
    statusName(row.status),
    ...card.parties.flatMap((party): Value[] => {
      const cell = cellOf(row, party.id);
      if (!cell) return [null, null, null];
      return [statusName(cell.status), cell.score, cell.own ? m.card_yes() : m.card_no()];
    }),
    ...figures(row),
  ]);
  addTable(sheet, 4, columns, rows);
}

function topicsSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const sheet = newSheet(workbook, m.card_sheet_topics(), 1);
  addTable(
    sheet,
    1,
    [{ header: m.card_header_topic(), width: 32 }, ...figureColumns()],
    card.topics.map((topic) => [neutralise(topicText(topic.topic)), ...figures(topic)]),
  );
}

function changesSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const changes = card.changes;
  if (!changes) return;
  const sheet = newSheet(workbook, m.card_sheet_changes(), 1);
  const then = readableDay(changes.comparedWith);
  const now = readableDay(card.day);
  addTable(
    sheet,
    1,
    [
      { header: m.card_header_id(), width: 6 },
      { header: m.card_header_commitment(), width: 48 },
      { header: m.card_header_party(), width: 20 },
      { header: m.card_header_status_on({ day: then }), width: 18 },
      { header: m.card_header_score_on({ day: then }), width: 10, format: scoreFormat, scale: [-1, 1] },
      { header: m.card_header_status_on({ day: now }), width: 18 },
      { header: m.card_header_score_on({ day: now }), width: 10, format: scoreFormat, scale: [-1, 1] },
    ],
    changes.cells.map((change) => [
      change.commitmentId,
      neutralise(change.title),
      neutralise(change.party),
      statusName(change.from.status),
      change.from.score,
      statusName(change.to.status),
      change.to.score,
    ]),
  );
}

function aboutSheet(workbook: ExcelJS.Workbook, card: Scorecard): void {
  const sheet = workbook.addWorksheet(m.sheet_about(), { pageSetup: printed });
  sheet.columns = [{ width: 20 }, { width: 90 }];
  const day = (text: string) => new Date(`${text}T00:00:00Z`);
  // The third field: a moment, where the others are days.
  const rows: [string, Value, string?][] = [
    [m.sheet_about_report(), m.card_about_report_name()],
    [m.sheet_about_generated(), new Date(card.generatedAt), 'yyyy-mm-dd hh:mm'],
    [m.sheet_about_as_of(), card.asOf ? day(card.asOf) : m.sheet_about_generated_day()],
    [m.card_compared_with(), card.changes ? day(card.changes.comparedWith) : m.card_no_other_day()],
    [
      m.sheet_about_data_through(),
      card.dataThrough ? new Date(card.dataThrough) : m.layout_no_data(),
      'yyyy-mm-dd hh:mm',
    ],
    [m.sheet_about_scope(), neutralise(scopeLine(card.scopeTerms))],
    [m.card_about_counted(), scoringRule(card)],
  ];
  for (const [label, value, format = 'yyyy-mm-dd'] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = headerFont;
    if (value instanceof Date) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true, vertical: 'top' };
  }
}

export async function renderScorecardXlsx(card: Scorecard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pledgewatch';
  workbook.created = new Date(card.generatedAt);
  const day = card.asOf ? m.card_sheet_as_of({ day: readableDay(card.asOf) }) : readableDay(card.day);
  partiesSheet(workbook, card, day);
  matrixSheet(workbook, card, day);
  topicsSheet(workbook, card);
  changesSheet(workbook, card);
  aboutSheet(workbook, card);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
