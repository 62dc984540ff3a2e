// The scorecard in Markdown: GitHub tables a forge shows and plain text reads, built as a syntax tree
// (markdown-nodes.ts) so that no title or note can break the document.
import type { Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import * as m from '../shared/i18n/paraglide/messages.js';
import { emphasis, factsBullets, heading, note, paragraph, quote, strong, table } from './markdown-nodes.ts';
import type { Scorecard } from './scorecard.ts';
import { updatesOf, type ScorecardEvidence } from './scorecard-evidence.ts';
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
import {
  cellLabel,
  changedCellsTable,
  evidenceLine,
  partyColumns,
  partyMeansText,
  partyRows,
} from './scorecard-tables.ts';
import { headingFacts } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { readableDay } from './wording.ts';

function header(card: Scorecard): RootContent[] {
  return [
    heading(1, titleText(card)),
    paragraph(emphasis(m.card_kicker()), ` — ${scopeLine(card.scopeTerms)}`),
    factsBullets(
      headingFacts(
        card,
        card.commitments.length,
        card.changes ? readableDay(card.changes.comparedWith) : m.card_no_other_day(),
      ),
    ),
  ];
}

function parties(card: Scorecard): RootContent[] {
  return [heading(2, m.card_parties()), table(partyColumns(card), partyRows(card))];
}

function changes(card: Scorecard): RootContent[] {
  const found = card.changes;
  if (!found) return [];
  const changed = changedCellsTable(card, found);
  return [
    heading(2, m.layout_changes_since({ day: readableDay(found.comparedWith) })),
    found.cells.length === 0
      ? paragraph(emphasis(m.card_no_cell_changed()))
      : table(changed.columns, changed.rows),
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
