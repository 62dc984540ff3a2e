// The scorecard in Markdown: GitHub tables a forge shows and plain text reads, built as a syntax tree
// (markdown-nodes.ts) so that no title or note can break the document.
import type { Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { bulletList, emphasis, heading, note, paragraph, quote, strong, table } from './markdown-nodes.ts';
import type { CellState, Scorecard, ScorecardCell } from './scorecard.ts';
import { updatesOf, type ScorecardEvidence } from './scorecard-evidence.ts';
import {
  assessedText,
  cellOf,
  cellText,
  changeText,
  dayText,
  fallbackMark,
  fallbackNote,
  figuresText,
  leftOutText,
  meanText,
  percentText,
  rowsByTopic,
  scoringRule,
} from './scorecard-wording.ts';
import { scopeLine } from './scope-terms.ts';
import { readableDay, readableMoment } from './wording.ts';

/** A cell as the table prints it: "fulfilled +1", with the fallback mark where it is the commitment's. */
export function cellLabel(
  cell: Pick<ScorecardCell, 'status' | 'score' | 'kind' | 'own'> | CellState,
): string {
  return `${cellText(cell)}${cell.own || cell.status === null ? '' : ` ${fallbackMark}`}`;
}

function header(card: Scorecard): RootContent[] {
  return [
    heading(1, card.title),
    paragraph(emphasis('Pledgewatch scorecard'), ` — ${scopeLine(card.scopeTerms)}`),
    bulletList([
      [strong('As of:'), ` ${dayText(card)}`],
      [
        strong('Compared with:'),
        ` ${card.changes ? readableDay(card.changes.comparedWith) : 'no other day'}`,
      ],
      [strong('Data through:'), ` ${card.dataThrough ? readableMoment(card.dataThrough) : 'no data yet'}`],
      [strong('Commitments:'), ` ${card.commitments.length}`],
      [strong('Generated:'), ` ${readableMoment(card.generatedAt)}`],
    ]),
  ];
}

function parties(card: Scorecard): RootContent[] {
  const changes = card.changes;
  const columns = ['Party', 'Mean', 'Percentage', 'Scored', 'Left out'];
  if (changes) columns.push(`Mean on ${readableDay(changes.comparedWith)}`, 'Change');
  const rows = [
    ...card.parties.map((party, index) => ({ name: party.name, tally: party, index })),
    {
      name: 'All parties',
      tally: card.overall,
      index: null,
    },
  ].map(({ name, tally, index }) => {
    const cells = [
      name,
      meanText(tally.mean),
      percentText(tally.percent),
      assessedText(tally),
      leftOutText(tally),
    ];
    const change = changes && (index === null ? changes.overall : changes.parties[index]);
    if (change) cells.push(meanText(change.before.mean), changeText(change.meanChange));
    return cells;
  });
  return [heading(2, 'Parties'), table(columns, rows)];
}

function changes(card: Scorecard): RootContent[] {
  const found = card.changes;
  if (!found) return [];
  return [
    heading(2, `Changes since ${readableDay(found.comparedWith)}`),
    found.cells.length === 0
      ? paragraph(emphasis('No cell changed.'))
      : table(
          ['Commitment', 'Party', readableDay(found.comparedWith), readableDay(card.day)],
          found.cells.map((change) => [
            change.title,
            change.party,
            cellLabel(change.from),
            cellLabel(change.to),
          ]),
        ),
  ];
}

function matrix(card: Scorecard): RootContent[] {
  if (card.commitments.length === 0)
    return [heading(2, 'Scorecard'), paragraph(emphasis('No commitments in this scope.'))];
  const columns = ['Commitment', ...card.parties.map((party) => party.name), 'Mean'];
  return [
    heading(2, 'Scorecard by topic'),
    ...rowsByTopic(card).flatMap(({ topic, rows }) => [
      heading(3, `${topic.topic} — ${figuresText(topic)}, ${assessedText(topic)}`),
      table(
        columns,
        rows.map((row) => [
          row.cells.length === 0 ? `${row.title} (no party made it: ${cellText(row)})` : row.title,
          ...card.parties.map((party) => {
            const cell = cellOf(row, party.id);
            return cell ? cellLabel(cell) : '—';
          }),
          meanText(row.mean),
        ]),
      ),
    ]),
    paragraph(
      strong('Mean of each party: '),
      card.parties
        .map((party) => `${party.name} ${meanText(party.mean)} (${percentText(party.percent)})`)
        .join('; '),
      `; overall ${meanText(card.overall.mean)} (${percentText(card.overall.percent)}).`,
    ),
    paragraph(emphasis(fallbackNote)),
  ];
}

function evidence(card: Scorecard, found: ScorecardEvidence): RootContent[] {
  const blocks = card.commitments.flatMap((row) =>
    updatesOf(row).flatMap((group) => {
      const entry = found.get(group.updateId);
      if (!entry) return [];
      const whose = group.parties.length === 0 ? 'the commitment' : group.parties.join(', ');
      const how = group.own ? 'own assessment' : 'the commitment’s status';
      return [
        paragraph(
          strong(row.title),
          ` — ${whose}: ${entry.status.name} (${how}, since ${readableDay(entry.effectiveOn)})`,
        ),
        ...(entry.evidence ? [quote(entry.evidence, entry.evidence.source.url ?? undefined)] : []),
        ...note(entry.note),
      ];
    }),
  );
  return blocks.length === 0 ? [] : [heading(2, 'Evidence behind the scores'), ...blocks];
}

export function renderScorecardMarkdown(card: Scorecard, found: ScorecardEvidence = new Map()): string {
  const tree: Root = {
    type: 'root',
    children: [
      ...header(card),
      ...parties(card),
      ...changes(card),
      ...matrix(card),
      ...evidence(card, found),
      heading(2, 'How the scores are counted'),
      paragraph(scoringRule(card)),
    ],
  };
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}
