// The Markdown briefing: readable as plain text and on a forge (GitHub tables, headings, quotes).
import type { Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { CommitmentDetail } from '../../db/model.ts';
import {
  bulletList,
  emphasis,
  heading,
  note,
  paragraph,
  quote,
  referenceInlines,
  strong,
  table,
  type Inline,
} from './markdown-nodes.ts';
import type { Report } from './model.ts';
import { scopeLine } from './scope-terms.ts';
import { currentEntry, latestEvidence, sourceLabels, type SourceCite } from './sections.ts';
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
  statusText,
} from './wording.ts';

function statusWithSince(c: CommitmentDetail): string {
  return c.statusSince ? `${statusText(c)} (since ${readableDay(c.statusSince)})` : statusText(c);
}

function header(report: Report): RootContent[] {
  return [
    heading(1, report.title),
    paragraph(emphasis('Pledgewatch briefing'), ` — ${scopeLine(report.scopeTerms)}`),
    bulletList([
      [strong('As of:'), ` ${report.asOf ? readableDay(report.asOf) : `today, ${readableDay(report.day)}`}`],
      [
        strong('Data through:'),
        ` ${report.dataThrough ? readableMoment(report.dataThrough) : 'no data yet'}`,
      ],
      [strong('Commitments:'), ` ${report.summary.total}`],
      [strong('Generated:'), ` ${readableMoment(report.generatedAt)}`],
    ]),
  ];
}

function summary(report: Report): RootContent[] {
  const { summary: counts, deadlines } = report;
  const share = (count: number) => `${Math.round((count / Math.max(1, counts.total)) * 100)}%`;
  return [
    heading(2, 'Summary'),
    paragraph(
      `${countText(counts.total, 'commitment')}; ${deadlines.dueSoon.length} due in the next 30 days; ` +
        `${deadlines.passedNoUpdate.length} passed with no update since.`,
    ),
    table(
      ['Status', 'Commitments', 'Share'],
      counts.byStatus.map((cell) => [
        cell.status?.name ?? 'no status',
        String(cell.count),
        share(cell.count),
      ]),
    ),
    table(
      ['Deadline', 'Commitments'],
      (['due_soon', 'passed', 'upcoming', 'met', 'none'] as const).map((state) => [
        deadlineStateLabel(state),
        String(counts.byDeadlineState[state]),
      ]),
    ),
  ];
}

/** `aside` adds a word after a title: who added a new commitment. */
function commitmentTable(
  rows: CommitmentDetail[],
  empty: string,
  aside: (c: CommitmentDetail) => string | null = () => null,
): RootContent {
  if (rows.length === 0) return paragraph(emphasis(empty));
  const title = (c: CommitmentDetail) => {
    const words = aside(c);
    return words ? `${c.title} (${words})` : c.title;
  };
  return table(
    ['Commitment', 'Status', 'Due'],
    rows.map((c) => [title(c), statusWithSince(c), dueText(c)]),
  );
}

function changes(report: Report, found: ReportChanges): RootContent[] {
  const labels = sourceLabels(report.annex);
  const group = (title: string, count: number, body: RootContent[]) => [
    heading(3, `${title} (${count})`),
    ...(count === 0 ? [paragraph(emphasis('None.'))] : body),
  ];
  return [
    heading(2, `Changes since ${readableDay(found.baseline.day)}`),
    paragraph(comparedWithText(found)),
    ...group('New commitments', found.newCommitments.length, [
      commitmentTable(found.newCommitments, '', (c) => addedByText(found, c.id)),
    ]),
    ...group(
      'Status changes',
      found.statusChanges.length,
      found.statusChanges.flatMap((change) => [
        paragraph(
          strong(change.commitment.title),
          ` — ${changeText(change)}, effective ${readableDay(change.entry.effectiveOn)} (${recordedText(change.entry)})`,
        ),
        ...(change.entry.evidence
          ? [quote(change.entry.evidence, labels[change.entry.evidence.source.id])]
          : []),
        ...note(change.entry.note),
      ]),
    ),
    ...group(
      'New evidence',
      found.newEvidence.length,
      found.newEvidence.flatMap((row) => [
        paragraph(strong(row.commitment.title)),
        quote(row.evidence, labels[row.evidence.source.id]),
      ]),
    ),
    ...group('Deadlines passed', found.deadlinesPassed.length, [commitmentTable(found.deadlinesPassed, '')]),
    // Only a shared dossier's log knows who edited what: elsewhere there is no group to show.
    ...(found.edits.length === 0
      ? []
      : group(
          'Edits to commitments',
          found.edits.length,
          found.edits.map((edits) =>
            paragraph(
              strong(edits.commitment.title),
              ` — ${editedText(edits)} (${readableMoment(lastEditAt(edits))})`,
            ),
          ),
        )),
    ...group(
      'Corrections to past entries',
      found.corrections.length,
      found.corrections.flatMap((correction) => [
        paragraph(
          strong(correction.commitment.title),
          ` — ${correctionText(correction)} (${readableMoment(correction.at)})`,
        ),
        ...note(correction.entry.note),
      ]),
    ),
  ];
}

function changesPart(report: Report): RootContent[] {
  if (report.firstOfTemplate) {
    return [heading(2, 'Changes since the last report'), paragraph(firstReportText(report.template))];
  }
  return report.changes ? changes(report, report.changes) : [];
}

function deadlines(report: Report): RootContent[] {
  return [
    heading(2, 'Deadlines'),
    heading(3, `Due in the next 30 days (${report.deadlines.dueSoon.length})`),
    commitmentTable(report.deadlines.dueSoon, 'Nothing falls due in the next 30 days.'),
    heading(3, `Passed with no update since (${report.deadlines.passedNoUpdate.length})`),
    commitmentTable(report.deadlines.passedNoUpdate, 'No deadline has passed without an update.'),
  ];
}

function commitmentBlock(c: CommitmentDetail, labels: Record<number, SourceCite>): RootContent[] {
  const evidence = latestEvidence(c);
  const due = c.deadline.dueOn ? `due ${dueText(c)}` : 'no deadline';
  const parts: Inline[] = [strong(c.title), ` — ${statusWithSince(c)}; ${due}. ${partiesLine(c)}.`];
  return [
    paragraph(...parts),
    ...(evidence ? [quote(evidence, labels[evidence.source.id])] : []),
    ...note(currentEntry(c)?.note ?? ''),
  ];
}

function commitments(report: Report): RootContent[] {
  const labels = sourceLabels(report.annex);
  if (report.commitments.length === 0) {
    return [heading(2, 'Commitments'), paragraph(emphasis('No commitments in this scope.'))];
  }
  return [
    heading(2, 'Commitments by topic'),
    ...report.byTopic.flatMap((group) => [
      heading(3, `${group.topic} (${group.commitments.length})`),
      table(
        ['Commitment', 'Status', 'Due', 'Made by'],
        group.commitments.map((c) => [
          c.title,
          statusWithSince(c),
          dueText(c),
          c.madeBy.map((p) => p.name).join(', '),
        ]),
      ),
      ...group.commitments.flatMap((c) => commitmentBlock(c, labels)),
    ]),
  ];
}

function annex(report: Report): RootContent[] {
  if (report.annex.length === 0) return [];
  return [
    heading(2, 'Annex: sources and quotes'),
    paragraph(emphasis(`Sources cited in ${citationStyleLabel(report.citationStyle)} style.`)),
    ...report.annex.flatMap((source) => [
      ...(source.citation
        ? [heading(3, source.label), paragraph(...referenceInlines(source.citation.reference))]
        : [
            heading(3, `${source.label}: ${source.title}`),
            paragraph(
              [source.publisher, readableDay(source.publishedOn), source.url].filter(Boolean).join(' · ') ||
                ' ',
            ),
          ]),
      ...source.quotes.map((q) => ({
        type: 'blockquote' as const,
        children: [
          paragraph(`“${q.text}”`),
          paragraph(
            `— ${q.speaker ? `${q.speaker}; ` : ''}for ${q.commitments.map((c) => c.title).join('; ')}`,
          ),
        ],
      })),
    ]),
  ];
}

export function renderMarkdown(report: Report): string {
  const tree: Root = {
    type: 'root',
    children: [
      ...header(report),
      ...summary(report),
      ...changesPart(report),
      ...deadlines(report),
      ...commitments(report),
      ...annex(report),
    ],
  };
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}
