// The Word briefing (DOCX): the same sections as the PDF, as headings, tables and quote paragraphs.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import type { CommitmentDetail } from '../../db/model.ts';
import { meta, plain, quoteParagraphs, spacer, statusRuns, styles, table, type Cell } from './docx-parts.ts';
import { noteParagraphs } from './docx-notes.ts';
import type { Report } from './model.ts';
import { scopeLine } from './scope-terms.ts';
import { currentEntry, latestEvidence, sourceLabels } from './sections.ts';
import type { ReportChanges } from './since.ts';
import { lastEditAt } from './team-authors.ts';
import {
  addedByText,
  changeText,
  citationStyleLabel,
  comparedWithText,
  firstReportText,
  correctionText,
  countText,
  deadlineStateLabel,
  dueText,
  editedText,
  partiesLine,
  readableDay,
  readableMoment,
  recordedText,
} from './wording.ts';

const h = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });

function statusCell(c: CommitmentDetail): Cell {
  return [
    new Paragraph({ children: statusRuns(c.status) }),
    ...(c.statusSince ? [meta(`since ${readableDay(c.statusSince)}`)] : []),
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
      ['Commitment', 'Status', 'Due'],
      rows.map((c) => [title(c), statusCell(c), dueText(c)]),
      [55, 22, 23],
    ),
  ];
}

function header(report: Report): FileChild[] {
  return [
    new Paragraph({
      children: [new TextRun({ text: 'PLEDGEWATCH BRIEFING', bold: true, size: 15, color: '1E3A5F' })],
    }),
    h(HeadingLevel.HEADING_1, report.title),
    plain(scopeLine(report.scopeTerms)),
    meta(
      [
        `As of ${report.asOf ? readableDay(report.asOf) : `today, ${readableDay(report.day)}`}`,
        `data through ${report.dataThrough ? readableMoment(report.dataThrough) : 'no data yet'}`,
        countText(report.summary.total, 'commitment'),
        `generated ${readableMoment(report.generatedAt)}`,
      ].join(' · '),
    ),
  ];
}

function summary(report: Report): FileChild[] {
  const { summary: counts, deadlines } = report;
  const share = (n: number) => `${Math.round((n / Math.max(1, counts.total)) * 100)}%`;
  return [
    h(HeadingLevel.HEADING_2, 'Summary'),
    plain(
      `${countText(counts.total, 'commitment')}; ${deadlines.dueSoon.length} due in the next 30 days; ` +
        `${deadlines.passedNoUpdate.length} passed with no update since.`,
    ),
    table(
      ['Status', 'Commitments', 'Share'],
      counts.byStatus.map((cell) => [statusRuns(cell.status), String(cell.count), share(cell.count)]),
      [60, 20, 20],
    ),
    spacer(),
    table(
      ['Deadline', 'Commitments'],
      (['due_soon', 'passed', 'upcoming', 'met', 'none'] as const).map((state) => [
        deadlineStateLabel(state),
        String(counts.byDeadlineState[state]),
      ]),
      [60, 40],
    ),
  ];
}

function changes(report: Report, found: ReportChanges): FileChild[] {
  const labels = sourceLabels(report.annex);
  const group = (title: string, count: number, body: () => FileChild[]): FileChild[] => [
    h(HeadingLevel.HEADING_3, `${title} (${count})`),
    ...(count === 0 ? [plain('None.', { italics: true })] : body()),
  ];
  return [
    h(HeadingLevel.HEADING_2, `Changes since ${readableDay(found.baseline.day)}`),
    plain(comparedWithText(found)),
    ...group('New commitments', found.newCommitments.length, () =>
      commitmentTable(found.newCommitments, '', (c) => addedByText(found, c.id)),
    ),
    ...group('Status changes', found.statusChanges.length, () => [
      table(
        ['Commitment', 'Change', 'Effective', 'Evidence and note'],
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
    ...group('New evidence', found.newEvidence.length, () => [
      table(
        ['Commitment', 'Quote'],
        found.newEvidence.map((row) => [
          row.commitment.title,
          quoteParagraphs(row.evidence, labels[row.evidence.source.id]),
        ]),
        [35, 65],
      ),
    ]),
    ...group('Deadlines passed', found.deadlinesPassed.length, () =>
      commitmentTable(found.deadlinesPassed, ''),
    ),
    // Only a shared dossier's log knows who edited what: elsewhere there is no group to show.
    ...(found.edits.length === 0
      ? []
      : group('Edits to commitments', found.edits.length, () => [
          table(
            ['Commitment', 'Who changed what', 'Last edit'],
            found.edits.map((edits) => [
              edits.commitment.title,
              editedText(edits),
              readableMoment(lastEditAt(edits)),
            ]),
            [30, 50, 20],
          ),
        ])),
    ...group('Corrections to past entries', found.corrections.length, () => [
      table(
        ['Commitment', 'Correction', 'Made'],
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
      h(HeadingLevel.HEADING_2, 'Changes since the last report'),
      plain(firstReportText(report.template)),
    ];
  }
  return report.changes ? changes(report, report.changes) : [];
}

function commitments(report: Report): FileChild[] {
  const labels = sourceLabels(report.annex);
  if (report.commitments.length === 0) {
    return [
      h(HeadingLevel.HEADING_2, 'Commitments'),
      plain('No commitments in this scope.', { italics: true }),
    ];
  }
  return [
    h(HeadingLevel.HEADING_2, 'Commitments by topic'),
    ...report.byTopic.flatMap((group) => [
      h(HeadingLevel.HEADING_3, `${group.topic} (${group.commitments.length})`),
      table(
        ['Commitment', 'Status', 'Due', 'Latest evidence and note'],
        group.commitments.map((c) => {
          const evidence = latestEvidence(c);
          return [
            titleCell(c),
            statusCell(c),
            dueText(c),
            [
              ...(evidence ? quoteParagraphs(evidence, labels[evidence.source.id]) : [meta('No quote yet.')]),
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
      new Paragraph({ style: 'EvidenceQuote', children: [new TextRun(`“${quote.text}”`)] }),
      new Paragraph({
        style: 'Attribution',
        children: [
          new TextRun(
            `${quote.speaker ? `${quote.speaker} · ` : ''}for ${quote.commitments.map((c) => c.title).join('; ')}`,
          ),
        ],
      }),
    ]),
  ]);
  return [
    h(HeadingLevel.HEADING_2, 'Deadlines'),
    h(HeadingLevel.HEADING_3, `Due in the next 30 days (${report.deadlines.dueSoon.length})`),
    ...commitmentTable(report.deadlines.dueSoon, 'Nothing falls due in the next 30 days.'),
    h(HeadingLevel.HEADING_3, `Passed with no update since (${report.deadlines.passedNoUpdate.length})`),
    ...commitmentTable(report.deadlines.passedNoUpdate, 'No deadline has passed without an update.'),
    ...commitments(report),
    ...(annex.length > 0
      ? [
          h(HeadingLevel.HEADING_2, 'Annex: sources and quotes'),
          meta(`Sources cited in ${citationStyleLabel(report.citationStyle)} style.`),
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
            children: [
              new TextRun({
                children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                ...small,
              }),
            ],
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
