// The Markdown briefing: readable as plain text and on a forge (GitHub tables, headings, quotes).
import type { Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { CommitmentDetail } from '../domain/model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import {
  emphasis,
  factsBullets,
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
import { headingFacts } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { currentEntry, latestEvidence, sourceLabels, type SourceCite } from './sections.ts';
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
  statusText,
  summaryLine,
} from './wording.ts';

function statusWithSince(c: CommitmentDetail): string {
  return c.statusSince
    ? `${statusText(c)} (${m.layout_since({ day: readableDay(c.statusSince) })})`
    : statusText(c);
}

function header(report: Report): RootContent[] {
  return [
    heading(1, report.title),
    paragraph(emphasis(m.layout_kicker()), ` — ${scopeLine(report.scopeTerms)}`),
    factsBullets(headingFacts(report, report.summary.total)),
  ];
}

function summary(report: Report): RootContent[] {
  const { summary: counts } = report;
  return [
    heading(2, m.layout_summary()),
    paragraph(summaryLine(report)),
    table(
      [m.layout_column_status(), m.layout_commitments(), m.layout_column_share()],
      counts.byStatus.map((cell) => [
        cell.status?.name ?? m.report_no_status(),
        readableCount(cell.count),
        readableShare(cell.count, counts.total),
      ]),
    ),
    table(
      [m.layout_column_deadline(), m.layout_commitments()],
      (['due_soon', 'passed', 'upcoming', 'met', 'none'] as const).map((state) => [
        deadlineStateLabel(state),
        readableCount(counts.byDeadlineState[state]),
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
    [m.layout_column_commitment(), m.layout_column_status(), m.layout_column_due()],
    rows.map((c) => [title(c), statusWithSince(c), dueText(c)]),
  );
}

function changes(report: Report, found: ReportChanges): RootContent[] {
  const labels = sourceLabels(report.annex);
  const group = (title: string, count: number, body: RootContent[]) => [
    heading(3, `${title} (${readableCount(count)})`),
    ...(count === 0 ? [paragraph(emphasis(m.layout_none()))] : body),
  ];
  return [
    heading(2, m.layout_changes_since({ day: readableDay(found.baseline.day) })),
    paragraph(comparedWithText(found)),
    ...group(m.layout_new_commitments(), found.newCommitments.length, [
      commitmentTable(found.newCommitments, '', (c) => addedByText(found, c.id)),
    ]),
    ...group(
      m.layout_status_changes(),
      found.statusChanges.length,
      found.statusChanges.flatMap((change) => [
        paragraph(
          strong(change.commitment.title),
          ` — ${changeText(change)}, ${m.layout_effective({ day: readableDay(change.entry.effectiveOn) })} (${recordedText(change.entry)})`,
        ),
        ...(change.entry.evidence
          ? [quote(change.entry.evidence, labels[change.entry.evidence.source.id])]
          : []),
        ...note(change.entry.note),
      ]),
    ),
    ...group(
      m.layout_new_evidence(),
      found.newEvidence.length,
      found.newEvidence.flatMap((row) => [
        paragraph(strong(row.commitment.title)),
        quote(row.evidence, labels[row.evidence.source.id]),
      ]),
    ),
    ...group(m.layout_deadlines_passed(), found.deadlinesPassed.length, [
      commitmentTable(found.deadlinesPassed, ''),
    ]),
    // Only a shared dossier's log knows who edited what: elsewhere there is no group to show.
    ...(found.edits.length === 0
      ? []
      : group(
          m.layout_edits(),
          found.edits.length,
          found.edits.map((edits) =>
            paragraph(
              strong(edits.commitment.title),
              ` — ${editedText(edits)} (${readableMoment(lastEditAt(edits))})`,
            ),
          ),
        )),
    ...group(
      m.layout_corrections(),
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
    return [heading(2, m.layout_changes_since_last()), paragraph(firstReportText(report.template))];
  }
  return report.changes ? changes(report, report.changes) : [];
}

function deadlines(report: Report): RootContent[] {
  return [
    heading(2, m.layout_deadlines()),
    heading(3, m.layout_due_soon_heading({ count: readableCount(report.deadlines.dueSoon.length) })),
    commitmentTable(report.deadlines.dueSoon, m.layout_due_soon_empty()),
    heading(3, m.layout_passed_heading({ count: readableCount(report.deadlines.passedNoUpdate.length) })),
    commitmentTable(report.deadlines.passedNoUpdate, m.layout_passed_empty()),
  ];
}

function commitmentBlock(c: CommitmentDetail, labels: Record<number, SourceCite>): RootContent[] {
  const evidence = latestEvidence(c);
  const due = c.deadline.dueOn ? m.layout_due({ due: dueText(c) }) : deadlineStateLabel('none');
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
    return [heading(2, m.layout_commitments()), paragraph(emphasis(m.layout_none_in_scope()))];
  }
  return [
    heading(2, m.layout_commitments_by_topic()),
    ...report.byTopic.flatMap((group) => [
      heading(3, `${group.topic} (${readableCount(group.commitments.length)})`),
      table(
        [
          m.layout_column_commitment(),
          m.layout_column_status(),
          m.layout_column_due(),
          m.layout_column_made_by(),
        ],
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
    heading(2, m.layout_annex()),
    paragraph(emphasis(m.layout_cited_in({ style: citationStyleLabel(report.citationStyle) }))),
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
          paragraph(excerptWords(q)),
          paragraph(
            `— ${q.speaker ? `${q.speaker}; ` : ''}${m.layout_quoted_for({ commitments: q.commitments.map((c) => c.title).join('; ') })}`,
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
