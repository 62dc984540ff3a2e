// The scorecard in Markdown: GitHub tables a forge shows and plain text reads, built as a syntax tree
// (markdown-nodes.ts) so that no title or note can break the document.
import type { Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import * as m from '../shared/i18n/paraglide/messages.js';
import { bulletList, emphasis, heading, note, paragraph, quote, strong, table } from './markdown-nodes.ts';
import type { CellState, Scorecard, ScorecardCell } from './scorecard.ts';
import type { HistoryEntry } from '../domain/model.ts';
import { updatesOf, type ScorecardEvidence, type UpdateGroup } from './scorecard-evidence.ts';
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
  titleText,
  topicText,
} from './scorecard-wording.ts';
import { scopeLine } from './scope-terms.ts';
import { readableCount, readableDay, readableMoment } from './wording.ts';

/** A cell as the table prints it: "fulfilled +1", with the fallback mark where it is the commitment's. */
export function cellLabel(
  cell: Pick<ScorecardCell, 'status' | 'score' | 'kind' | 'own'> | CellState,
): string {
  return `${cellText(cell)}${cell.own || cell.status === null ? '' : ` ${fallbackMark}`}`;
}

/** The parties table's header, as the Markdown and Word scorecards print it. */
export function partyColumns(card: Scorecard): string[] {
  const columns = [
    m.card_column_party(),
    m.card_column_mean(),
    m.card_column_percentage(),
    m.card_column_scored(),
    m.card_column_left_out(),
  ];
  if (card.changes) {
    columns.push(
      m.card_column_mean_on({ day: readableDay(card.changes.comparedWith) }),
      m.card_column_change(),
    );
  }
  return columns;
}

/** "Mexico −0.50 (25%); United States +0.33 (67%); overall −0.17 (42%)" */
export function partyMeansText(card: Scorecard): string {
  const parties = card.parties.map(
    (party) => `${party.name} ${meanText(party.mean)} (${percentText(party.percent)})`,
  );
  const overall = m.card_means_overall({
    mean: meanText(card.overall.mean),
    percent: percentText(card.overall.percent),
  });
  return `${parties.join('; ')}; ${overall}`;
}

/** "Mexico: in progress (own assessment, since 26 Sep 2025)": whose cell an update is and since when. */
export function evidenceLine(group: UpdateGroup, entry: HistoryEntry): string {
  const whose = group.parties.length === 0 ? m.card_the_commitment_lower() : group.parties.join(', ');
  const how = group.own ? m.card_own_assessment() : m.card_commitments_status();
  return `${whose}: ${entry.status.name} (${how}, ${m.layout_since({ day: readableDay(entry.effectiveOn) })})`;
}

function header(card: Scorecard): RootContent[] {
  return [
    heading(1, titleText(card)),
    paragraph(emphasis(m.card_kicker()), ` — ${scopeLine(card.scopeTerms)}`),
    bulletList([
      [strong(`${m.layout_as_of()}:`), ` ${dayText(card)}`],
      [
        strong(`${m.card_compared_with()}:`),
        ` ${card.changes ? readableDay(card.changes.comparedWith) : m.card_no_other_day()}`,
      ],
      [
        strong(`${m.layout_data_through()}:`),
        ` ${card.dataThrough ? readableMoment(card.dataThrough) : m.layout_no_data()}`,
      ],
      [strong(`${m.layout_commitments()}:`), ` ${readableCount(card.commitments.length)}`],
      [strong(`${m.layout_generated()}:`), ` ${readableMoment(card.generatedAt)}`],
    ]),
  ];
}

function parties(card: Scorecard): RootContent[] {
  const changes = card.changes;
  const columns = partyColumns(card);
  const rows = [
    ...card.parties.map((party, index) => ({ name: party.name, tally: party, index })),
    {
      name: m.card_all_parties(),
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
  return [heading(2, m.card_parties()), table(columns, rows)];
}

function changes(card: Scorecard): RootContent[] {
  const found = card.changes;
  if (!found) return [];
  return [
    heading(2, m.layout_changes_since({ day: readableDay(found.comparedWith) })),
    found.cells.length === 0
      ? paragraph(emphasis(m.card_no_cell_changed()))
      : table(
          [
            m.layout_column_commitment(),
            m.card_column_party(),
            readableDay(found.comparedWith),
            readableDay(card.day),
          ],
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
    return [heading(2, m.card_scorecard()), paragraph(emphasis(m.layout_none_in_scope()))];
  const columns = [
    m.layout_column_commitment(),
    ...card.parties.map((party) => party.name),
    m.card_column_mean(),
  ];
  return [
    heading(2, m.card_by_topic()),
    ...rowsByTopic(card).flatMap(({ topic, rows }) => [
      heading(3, `${topicText(topic.topic)} — ${figuresText(topic)}, ${assessedText(topic)}`),
      table(
        columns,
        rows.map((row) => [
          row.cells.length === 0
            ? m.card_no_maker_title({ title: row.title, cell: cellText(row) })
            : row.title,
          ...card.parties.map((party) => {
            const cell = cellOf(row, party.id);
            return cell ? cellLabel(cell) : '—';
          }),
          meanText(row.mean),
        ]),
      ),
    ]),
    // The space outside the bold: inside, the serialiser would write it as an entity.
    paragraph(strong(m.card_means_label()), ` ${partyMeansText(card)}.`),
    paragraph(emphasis(fallbackNote())),
  ];
}

function evidence(card: Scorecard, found: ScorecardEvidence): RootContent[] {
  const blocks = card.commitments.flatMap((row) =>
    updatesOf(row).flatMap((group) => {
      const entry = found.get(group.updateId);
      if (!entry) return [];
      return [
        paragraph(strong(row.title), ` — ${evidenceLine(group, entry)}`),
        ...(entry.evidence ? [quote(entry.evidence, entry.evidence.source.url ?? undefined)] : []),
        ...note(entry.note),
      ];
    }),
  );
  return blocks.length === 0 ? [] : [heading(2, m.card_evidence()), ...blocks];
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
      heading(2, m.card_rule_heading()),
      paragraph(scoringRule(card)),
    ],
  };
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}
