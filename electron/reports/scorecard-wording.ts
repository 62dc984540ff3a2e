// The scorecard's words and numbers as every format writes them: scores, means, percentages, cells.
import type { Scorecard, ScorecardCell, ScorecardRow } from './scorecard.ts';
import type { Tally } from './scorecard-tally.ts';
import { meanText, percentText, scoreText } from '../shared/score-text.ts';
import { readableDay } from './wording.ts';

export { meanText, percentText, scoreText } from '../shared/score-text.ts';

/** A change of a mean and of its percentage: "+0.50 (+25 points)"; "—" when either day has none. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  return `${meanText(change)} (${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(Math.round(change * 500) / 10)} points)`;
}

/** "mean +0.50, 75%", or "no score yet" when no cell is scored. */
export function figuresText(tally: Tally): string {
  return tally.mean === null ? 'no score yet' : `mean ${meanText(tally.mean)}, ${percentText(tally.percent)}`;
}

/** How the overall mean moved between two days, in a phrase. */
export function overallChangeText(before: Tally, after: Tally): string {
  if (before.mean === null && after.mean === null) return 'no cell carried a score on either day';
  return `overall mean ${meanText(before.mean)} → ${meanText(after.mean)}`;
}

/** "2 of 3 scored": the cells the mean is over, of all the cells. */
export function assessedText(tally: Tally): string {
  return `${tally.assessed} of ${tally.total} scored`;
}

/** "1 unscored, 1 not yet assessed": what the mean leaves out; empty when nothing is. */
export function leftOutText(tally: Tally): string {
  const parts = [];
  if (tally.unscored > 0) parts.push(`${tally.unscored} unscored`);
  if (tally.notYetAssessed > 0) parts.push(`${tally.notYetAssessed} not yet assessed`);
  return parts.join(', ');
}

/** A cell in words: "fulfilled +1", "in progress (unscored)", "no status yet". */
export function cellText(cell: Pick<ScorecardCell, 'status' | 'score' | 'kind'>): string {
  if (cell.status === null) return 'no status yet';
  if (cell.kind === 'scored') return `${cell.status.name} ${scoreText(cell.score)}`;
  if (cell.kind === 'unscored') return `${cell.status.name} (unscored)`;
  return cell.status.name;
}

/** The mark of a cell that shows the commitment's status, the party having none of its own. */
export const fallbackMark = '*';

export const fallbackNote =
  `${fallbackMark} The party has no status of its own on this commitment: the cell shows the ` +
  'commitment’s status as a whole.';

/** How the figures are counted, in a sentence a reader can check by hand. */
export function scoringRule(card: Scorecard): string {
  const scored = card.statuses
    .filter((status) => status.assessed && status.score !== null)
    .map((status) => `${status.name} ${scoreText(status.score)}`)
    .join(', ');
  return (
    `Each cell is the party’s own status in force on ${readableDay(card.day)}, else the commitment’s. ` +
    `Scores: ${scored}. The mean is taken over the scored cells only; the percentage is ` +
    '(mean + 1) ÷ 2 × 100. Cells not yet assessed, and statuses that carry no score, are counted ' +
    'apart and never as 0.'
  );
}

/** "As of 1 Dec 2025", or "today, 2 Dec 2026". */
export function dayText(card: Scorecard): string {
  return card.asOf ? readableDay(card.asOf) : `today, ${readableDay(card.day)}`;
}

/** Rows grouped by the topic each is under, in the order of `card.topics`. */
export function rowsByTopic(card: Scorecard): { topic: Scorecard['topics'][number]; rows: ScorecardRow[] }[] {
  const groups = new Map<string, ScorecardRow[]>();
  for (const row of card.commitments) {
    const group = groups.get(row.topic);
    if (group) group.push(row);
    else groups.set(row.topic, [row]);
  }
  return card.topics.map((topic) => ({ topic, rows: groups.get(topic.topic) ?? [] }));
}

/** The cell of a party in a row, if the party made the commitment. */
export function cellOf(row: ScorecardRow, partyId: number): ScorecardCell | undefined {
  return row.cells.find((cell) => cell.partyId === partyId);
}
