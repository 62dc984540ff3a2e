// The Word briefing (DOCX): the same sections as the PDF, as headings, tables and quote paragraphs.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import type { CommitmentDetail } from '../domain/model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import {
  meta,
  pageNumberRun,
  plain,
  quoteParagraphs,
  spacer,
  statusRuns,
  styles,
  table,
  type Cell,
} from './docx-parts.ts';
import { noteParagraphs } from './docx-notes.ts';
import type { Report } from './model.ts';
import { headingFactsLine } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { currentEntry, latestEvidence, sourceLabels } from './sections.ts';
import type { ReportChanges } from './since.ts';
import { lastEditAt } from './team-authors.ts';
import {
  excerptWords,
  addedByText,
  changeText,
  citationStyleLabel,
  comparedWithText,
  firstReportText,
  correctionText,
  deadlineStateLabel,
  dueText,
  editedText,
  partiesLine,
  readableCount,
  readableDay,
  readableMoment,
  readableShare,
  recordedText,
  summaryLine,
} from './wording.ts';

const h = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });

function statusCell(c: CommitmentDetail): Cell {
  return [
    new Paragraph({ children: statusRuns(c.status) }),
    ...(c.statusSince ? [meta(m.layout_since({ day: readableDay(c.statusSince) }))] : []),
  ];
}

function titleCell(c: CommitmentDetail): Paragraph[] {
  return [plain(c.title, { bold: true }), meta(partiesLine(c))];
}

/** `aside` adds a line under a title: who added a new commitment. */
function commitmentTable(
  rows: CommitmentDetail[],
  empty: string,
  aside: (c: CommitmentDetail) => string | null = () => null,
): FileChild[] {
  if (rows.length === 0) return [plain(empty, { italics: true })];
  const title = (c: CommitmentDetail): Cell => {
    const words = aside(c);
    return words ? [...titleCell(c), meta(words)] : titleCell(c);
  };
  return [
    table(
      [m.layout_column_commitment(), m.layout_column_status(), m.layout_column_due()],
      rows.map((c) => [title(c), statusCell(c), dueText(c)]),
      [55, 22, 23],
    ),
  ];
}

function header(report: Report): FileChild[] {
  return [
    new Paragraph({
      children: [
        new TextRun({ text: m.layout_kicker().toUpperCase(), bold: true, size: 15, color: '1E3A5F' }),
      ],
    }),
    h(HeadingLevel.HEADING_1, report.title),
    plain(scopeLine(report.scopeTerms)),
    meta(headingFactsLine(report, report.summary.total)),
  ];
}

function summary(report: Report): FileChild[] {
  const { summary: counts } = report;
  return [
    h(HeadingLevel.HEADING_2, m.layout_summary()),
    plain(summaryLine(report)),
    table(
      [m.layout_column_status(), m.layout_commitments(), m.layout_column_share()],
      counts.byStatus.map((cell) => [
        statusRuns(cell.status),
        readableCount(cell.count),
        readableShare(cell.count, counts.total),
      ]),
      [60, 20, 20],
    ),
    spacer(),
    table(
      [m.layout_column_deadline(), m.layout_commitments()],
      (['due_soon', 'passed', 'upcoming', 'met', 'none'] as const).map((state) => [
        deadlineStateLabel(state),
        readableCount(counts.byDeadlineState[state]),
      ]),
      [60, 40],
    ),
  ];
}

function changes(report: Report, found: ReportChanges): FileChild[] {
  const labels = sourceLabels(report.annex);
  const group = (title: string, count: number, body: () => FileChild[]): FileChild[] => [
    h(HeadingLevel.HEADING_3, `${title} (${readableCount(count)})`),
    ...(count === 0 ? [plain(m.layout_none(), { italics: true })] : body()),
  ];
  const commitment = m.layout_column_commitment();
  return [
    h(HeadingLevel.HEADING_2, m.layout_changes_since({ day: readableDay(found.baseline.day) })),
    plain(comparedWithText(found)),
    ...group(m.layout_new_commitments(), found.newCommitments.length, () =>
      commitmentTable(found.newCommitments, '', (c) => addedByText(found, c.id)),
    ),
    ...group(m.layout_status_changes(), found.statusChanges.length, () => [
      table(
        [commitment, m.layout_column_change(), m.layout_column_effective(), m.layout_column_evidence_note()],
        found.statusChanges.map((change) => [
          change.commitment.title,
          changeText(change),
          `${readableDay(change.entry.effectiveOn)}\n${recordedText(change.entry)}`,
          [
            ...(change.entry.evidence
              ? quoteParagraphs(change.entry.evidence, labels[change.entry.evidence.source.id])
              : []),
            ...noteParagraphs(change.entry.note),
          ],
        ]),
        [28, 20, 14, 38],
      ),
    ]),
    ...group(m.layout_new_evidence(), found.newEvidence.length, () => [
      table(
        [commitment, m.layout_column_quote()],
        found.newEvidence.map((row) => [
          row.commitment.title,
          quoteParagraphs(row.evidence, labels[row.evidence.source.id]),
        ]),
        [35, 65],
      ),
    ]),
    ...group(m.layout_deadlines_passed(), found.deadlinesPassed.length, () =>
      commitmentTable(found.deadlinesPassed, ''),
    ),
    // Only a shared dossier's log knows who edited what: elsewhere there is no group to show.
    ...(found.edits.length === 0
      ? []
      : group(m.layout_edits(), found.edits.length, () => [
          table(
            [commitment, m.layout_column_who_changed(), m.layout_column_last_edit()],
            found.edits.map((edits) => [
              edits.commitment.title,
              editedText(edits),
              readableMoment(lastEditAt(edits)),
            ]),
            [30, 50, 20],
          ),
        ])),
    ...group(m.layout_corrections(), found.corrections.length, () => [
      table(
        [commitment, m.layout_column_correction(), m.layout_column_made()],
        found.corrections.map((correction) => [
          correction.commitment.title,
          [plain(correctionText(correction)), ...noteParagraphs(correction.entry.note)],
          readableMoment(correction.at),
        ]),
        [30, 50, 20],
      ),
    ]),
  ];
}

function changesPart(report: Report): FileChild[] {
  if (report.firstOfTemplate) {
    return [
      h(HeadingLevel.HEADING_2, m.layout_changes_since_last()),
      plain(firstReportText(report.template)),
    ];
  }
  return report.changes ? changes(report, report.changes) : [];
}

function commitments(report: Report): FileChild[] {
  const labels = sourceLabels(report.annex);
  if (report.commitments.length === 0) {
    return [
      h(HeadingLevel.HEADING_2, m.layout_commitments()),
      plain(m.layout_none_in_scope(), { italics: true }),
    ];
  }
  return [
    h(HeadingLevel.HEADING_2, m.layout_commitments_by_topic()),
    ...report.byTopic.flatMap((group) => [
      h(HeadingLevel.HEADING_3, `${group.topic} (${readableCount(group.commitments.length)})`),
      table(
        [
          m.layout_column_commitment(),
          m.layout_column_status(),
          m.layout_column_due(),
          m.layout_column_latest_evidence(),
        ],
        group.commitments.map((c) => {
          const evidence = latestEvidence(c);
          return [
            titleCell(c),
            statusCell(c),
            dueText(c),
            [
              ...(evidence
                ? quoteParagraphs(evidence, labels[evidence.source.id])
                : [meta(m.layout_no_quote())]),
              ...noteParagraphs(currentEntry(c)?.note ?? ''),
            ],
          ];
        }),
        [32, 15, 15, 38],
      ),
    ]),
  ];
}

function rest(report: Report): FileChild[] {
  const annex = report.annex.flatMap((source) => [
    new Paragraph({
      spacing: { before: 160 },
      keepNext: true,
      ...(source.citation ? { indent: { left: 360, hanging: 360 } } : {}),
      children: [
        new TextRun({ text: `[${source.label}] `, bold: true, color: '1E3A5F' }),
        ...(source.citation
          ? source.citation.reference.map(
              (run) => new TextRun({ text: run.text, italics: run.italic ?? false, bold: run.bold ?? false }),
            )
          : [new TextRun({ text: source.title, bold: true })]),
      ],
    }),
    ...(source.citation
      ? []
      : [meta([source.publisher, readableDay(source.publishedOn), source.url].filter(Boolean).join(' · '))]),
    ...source.quotes.flatMap((quote) => [
      new Paragraph({ style: 'EvidenceQuote', children: [new TextRun(excerptWords(quote))] }),
      new Paragraph({
        style: 'Attribution',
        children: [
          new TextRun(
            `${quote.speaker ? `${quote.speaker} · ` : ''}${m.layout_quoted_for({ commitments: quote.commitments.map((c) => c.title).join('; ') })}`,
          ),
        ],
      }),
    ]),
  ]);
  return [
    h(HeadingLevel.HEADING_2, m.layout_deadlines()),
    h(
      HeadingLevel.HEADING_3,
      m.layout_due_soon_heading({ count: readableCount(report.deadlines.dueSoon.length) }),
    ),
    ...commitmentTable(report.deadlines.dueSoon, m.layout_due_soon_empty()),
    h(
      HeadingLevel.HEADING_3,
      m.layout_passed_heading({ count: readableCount(report.deadlines.passedNoUpdate.length) }),
    ),
    ...commitmentTable(report.deadlines.passedNoUpdate, m.layout_passed_empty()),
    ...commitments(report),
    ...(annex.length > 0
      ? [
          h(HeadingLevel.HEADING_2, m.layout_annex()),
          meta(m.layout_cited_in({ style: citationStyleLabel(report.citationStyle) })),
          ...annex,
        ]
      : []),
  ];
}

function furniture(report: Report) {
  const small = { size: 15, color: '6B7280' };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({ children: [new TextRun({ text: `Pledgewatch · ${report.title}`, ...small })] }),
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

export async function renderDocx(report: Report): Promise<Buffer> {
  const document = new Document({
    creator: 'Pledgewatch',
    title: report.title,
    description: scopeLine(report.scopeTerms),
    styles,
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 900, right: 900 } } },
        ...furniture(report),
        children: [...header(report), ...summary(report), ...changesPart(report), ...rest(report)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
