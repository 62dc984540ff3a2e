// The scorecard's words and numbers as every format writes them: scores, means, percentages, cells.
import type { Scorecard, ScorecardCell, ScorecardRow } from './scorecard.ts';
import { noTopic, scorecardTitle } from './scorecard.ts';
import type { Tally } from '../domain/compliance.ts';
import * as sharedText from '../domain/score-text.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { reportFormatTag } from './language.ts';
import { readableCount, readableDay } from './wording.ts';

export { scoreText } from '../domain/score-text.ts';

/** "+0.50", "+0,50": a mean as the report's language writes it. */
export function meanText(mean: number | null): string {
  return sharedText.meanText(mean, reportFormatTag());
}

/** "75%", "75 %": a percentage as the report's language writes it. */
export function percentText(percent: number | null): string {
  return sharedText.percentText(percent, reportFormatTag());
}

/** The scorecard's title in the report's language (the model, kept for the app, holds the English). */
export function titleText(card: Pick<Scorecard, 'title'>): string {
  return card.title === scorecardTitle ? m.card_title() : card.title;
}

/** A topic's name, "No topic" in the report's language. */
export function topicText(topic: string): string {
  return topic === noTopic ? m.layout_no_topic() : topic;
}

/** A change of a mean and of its percentage: "+0.50 (+25 points)"; "—" when either day has none. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const points = Math.abs(Math.round(change * 500) / 10).toLocaleString(reportFormatTag());
  return m.card_change_points({ mean: meanText(change), points: `${sign}${points}` });
}

/** "mean +0.50, 75%", or "no score yet" when no cell is scored. */
export function figuresText(tally: Tally): string {
  return tally.mean === null
    ? m.card_no_score_yet()
    : m.card_figures({ mean: meanText(tally.mean), percent: percentText(tally.percent) });
}

/** How the overall mean moved between two days, in a phrase. */
export function overallChangeText(before: Tally, after: Tally): string {
  if (before.mean === null && after.mean === null) return m.card_overall_none();
  return m.card_overall_change({ before: meanText(before.mean), after: meanText(after.mean) });
}

/** "2 cells changed between 15 Oct 2025 and 1 Dec 2025; overall mean +0.50 → +0.33." */
export function cellsChangedText(card: Scorecard, changes: NonNullable<Scorecard['changes']>): string {
  const inputs = {
    count: readableCount(changes.cells.length),
    from: readableDay(changes.comparedWith),
    to: readableDay(card.day),
    overall: overallChangeText(changes.overall.before, changes.overall.after),
  };
  return changes.cells.length === 1 ? m.card_cells_changed_one(inputs) : m.card_cells_changed_other(inputs);
}

/** "2 of 3 scored": the cells the mean is over, of all the cells. */
export function assessedText(tally: Tally): string {
  return m.card_assessed({ assessed: readableCount(tally.assessed), total: readableCount(tally.total) });
}

/** "1 unscored, 1 not yet assessed": what the mean leaves out; empty when nothing is. */
export function leftOutText(tally: Tally): string {
  const parts = [];
  if (tally.unscored > 0) parts.push(m.card_unscored({ count: readableCount(tally.unscored) }));
  if (tally.notYetAssessed > 0)
    parts.push(m.card_not_assessed({ count: readableCount(tally.notYetAssessed) }));
  return parts.join(', ');
}

/** A cell in words: "fulfilled +1", "in progress (unscored)", "no status yet". */
export function cellText(cell: Pick<ScorecardCell, 'status' | 'score' | 'kind'>): string {
  if (cell.status === null) return m.card_no_status_yet();
  if (cell.kind === 'scored') return `${cell.status.name} ${sharedText.scoreText(cell.score)}`;
  if (cell.kind === 'unscored') return m.card_cell_unscored({ status: cell.status.name });
  return cell.status.name;
}

/** The mark of a cell that shows the commitment's status, the party having none of its own. */
export const fallbackMark = '*';

/** What the mark means, without the mark. */
export function fallbackText(): string {
  return m.card_fallback();
}

/** "* The party has no status of its own …": the note under the tables. */
export function fallbackNote(): string {
  return `${fallbackMark} ${fallbackText()}`;
}

/** How the figures are counted, in a sentence a reader can check by hand. */
export function scoringRule(card: Scorecard): string {
  const scored = card.statuses
    .filter((status) => status.assessed && status.score !== null)
    .map((status) => `${status.name} ${sharedText.scoreText(status.score)}`)
    .join(', ');
  return m.card_rule({ day: readableDay(card.day), scores: scored });
}

/** "1 Dec 2025", or "today, 2 Dec 2026". */
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
