// The scorecard's tables and lines as plain text, the same in the Markdown and the Word scorecards:
// each writer lays these rows out in its own format.
import * as m from '../shared/i18n/paraglide/messages.js';
import type { HistoryEntry } from '../domain/model.ts';
import type { CellState, Scorecard, ScorecardCell } from './scorecard.ts';
import type { UpdateGroup } from './scorecard-evidence.ts';
import {
  assessedText,
  cellText,
  changeText,
  fallbackMark,
  leftOutText,
  meanText,
  percentText,
} from './scorecard-wording.ts';
import { readableDay } from './wording.ts';

/** A cell as the table prints it: "fulfilled +1", with the fallback mark where it is the commitment's. */
export function cellLabel(
  cell: Pick<ScorecardCell, 'status' | 'score' | 'kind' | 'own'> | CellState,
): string {
  return `${cellText(cell)}${cell.own || cell.status === null ? '' : ` ${fallbackMark}`}`;
}

/** The parties table's header. */
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

/** The parties table's rows: each party, then all parties, with the mean before and its change. */
export function partyRows(card: Scorecard): string[][] {
  const changes = card.changes;
  const entries = [
    ...card.parties.map((party, index) => ({
      name: party.name,
      tally: party,
      index: index as number | null,
    })),
    { name: m.card_all_parties(), tally: card.overall, index: null },
  ];
  return entries.map(({ name, tally, index }) => {
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
}

/** The cells changed since the day compared with: commitment, party, the cell then and now. */
export function changedCellsTable(
  card: Scorecard,
  changes: NonNullable<Scorecard['changes']>,
): { columns: string[]; rows: string[][] } {
  return {
    columns: [
      m.layout_column_commitment(),
      m.card_column_party(),
      readableDay(changes.comparedWith),
      readableDay(card.day),
    ],
    rows: changes.cells.map((change) => [
      change.title,
      change.party,
      cellLabel(change.from),
      cellLabel(change.to),
    ]),
  };
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
