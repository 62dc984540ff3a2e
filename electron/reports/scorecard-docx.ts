// The scorecard as a Word document: the same sections as the PDF, built from the briefing's pieces
// (docx-parts.ts): the parties' figures, the changes, the matrix by topic, the evidence, the rule.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import * as m from '../shared/i18n/paraglide/messages.js';
import { noteParagraphs } from './docx-notes.ts';
import {
  meta,
  pageNumberRun,
  plain,
  quoteParagraphs,
  spacer,
  styles,
  table,
  type Cell,
} from './docx-parts.ts';
import type { Scorecard, ScorecardCell } from './scorecard.ts';
import { updatesOf, type ScorecardEvidence } from './scorecard-evidence.ts';
import {
  cellLabel,
  changedCellsTable,
  evidenceLine,
  partyColumns,
  partyMeansText,
  partyRows,
} from './scorecard-tables.ts';
import {
  assessedText,
  cellOf,
  cellText,
  fallbackNote,
  figuresText,
  meanText,
  rowsByTopic,
  scoringRule,
  titleText,
  topicText,
} from './scorecard-wording.ts';
import { headingDayText, headingFactsLine } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { readableDay } from './wording.ts';

const h = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });

/** Green, amber, red for +1, 0, −1; grey for the rest: the same colours as the PDF's cells. */
function scoreColour(cell: Pick<ScorecardCell, 'kind' | 'score'>): string {
  if (cell.kind !== 'scored') return '6B7280';
  return cell.score! > 0 ? '15803D' : cell.score! < 0 ? 'B91C1C' : 'A16207';
}

function cellRuns(cell: ScorecardCell | undefined): ParagraphChild[] {
  if (!cell) return [new TextRun({ text: '—', color: '6B7280' })];
  return [
    new TextRun({ text: '■ ', color: scoreColour(cell) }),
    new TextRun({ text: cellLabel(cell), bold: cell.kind === 'scored' }),
  ];
}

function header(card: Scorecard): FileChild[] {
  return [
    new Paragraph({
      children: [new TextRun({ text: m.card_kicker().toUpperCase(), bold: true, size: 15, color: '1E3A5F' })],
    }),
    h(HeadingLevel.HEADING_1, titleText(card)),
    plain(scopeLine(card.scopeTerms)),
    meta(
      headingFactsLine(
        card,
        card.commitments.length,
        card.changes
          ? m.card_meta_compared({ day: readableDay(card.changes.comparedWith) })
          : m.card_meta_compared_none(),
      ),
    ),
  ];
}

function parties(card: Scorecard): FileChild[] {
  const widths = card.changes ? [19, 9, 14, 13, 16, 13, 16] : [28, 14, 18, 18, 22];
  return [h(HeadingLevel.HEADING_2, m.card_parties()), table(partyColumns(card), partyRows(card), widths)];
}

function changes(card: Scorecard): FileChild[] {
  const found = card.changes;
  if (!found) return [];
  const changed = changedCellsTable(card, found);
  return [
    h(HeadingLevel.HEADING_2, m.layout_changes_since({ day: readableDay(found.comparedWith) })),
    found.cells.length === 0
      ? plain(m.card_no_cell_changed(), { italics: true })
      : table(changed.columns, changed.rows, [40, 18, 21, 21]),
  ];
}

function matrix(card: Scorecard): FileChild[] {
  if (card.commitments.length === 0) {
    return [
      h(HeadingLevel.HEADING_2, m.card_scorecard()),
      plain(m.layout_none_in_scope(), { italics: true }),
    ];
  }
  const partyWidth = Math.min(18, 60 / Math.max(1, card.parties.length));
  const widths = [100 - 10 - partyWidth * card.parties.length, ...card.parties.map(() => partyWidth), 10];
  return [
    h(HeadingLevel.HEADING_2, m.card_by_topic()),
    ...rowsByTopic(card).flatMap(({ topic, rows }) => [
      h(HeadingLevel.HEADING_3, `${topicText(topic.topic)} — ${figuresText(topic)}, ${assessedText(topic)}`),
      table(
        [m.layout_column_commitment(), ...card.parties.map((party) => party.name), m.card_column_mean()],
        rows.map((row): Cell[] => [
          row.cells.length === 0
            ? [plain(row.title, { bold: true }), meta(m.card_no_maker({ cell: cellText(row) }))]
            : row.title,
          ...card.parties.map((party): Cell => cellRuns(cellOf(row, party.id))),
          meanText(row.mean),
        ]),
        widths,
      ),
    ]),
    spacer(),
    plain(`${m.card_means_label()} ${partyMeansText(card)}.`, { bold: true }),
    meta(fallbackNote()),
  ];
}

function evidence(card: Scorecard, found: ScorecardEvidence): FileChild[] {
  const blocks = card.commitments.flatMap((row) =>
    updatesOf(row).flatMap((group) => {
      const entry = found.get(group.updateId);
      if (!entry) return [];
      return [
        new Paragraph({
          spacing: { before: 120 },
          keepNext: true,
          children: [
            new TextRun({ text: row.title, bold: true }),
            new TextRun(` — ${evidenceLine(group, entry)}`),
          ],
        }),
        ...(entry.evidence ? quoteParagraphs(entry.evidence, undefined) : []),
        ...noteParagraphs(entry.note),
      ];
    }),
  );
  return blocks.length === 0 ? [] : [h(HeadingLevel.HEADING_2, m.card_evidence()), ...blocks];
}

function furniture(card: Scorecard) {
  const small = { size: 15, color: '6B7280' };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: `Pledgewatch · ${titleText(card)} · ${headingDayText(card)}`, ...small }),
            ],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: pageNumberRun(), ...small })],
          }),
        ],
      }),
    },
  };
}

export async function renderScorecardDocx(
  card: Scorecard,
  found: ScorecardEvidence = new Map(),
): Promise<Buffer> {
  const wide = card.parties.length > 3;
  const document = new Document({
    creator: 'Pledgewatch',
    title: titleText(card),
    description: scopeLine(card.scopeTerms),
    styles,
    sections: [
      {
        properties: {
          page: {
            margin: { top: 1000, bottom: 1000, left: 900, right: 900 },
            ...(wide ? { size: { orientation: PageOrientation.LANDSCAPE } } : {}),
          },
        },
        ...furniture(card),
        children: [
          ...header(card),
          ...parties(card),
          ...changes(card),
          ...matrix(card),
          ...evidence(card, found),
          h(HeadingLevel.HEADING_2, m.card_rule_heading()),
          plain(scoringRule(card)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
