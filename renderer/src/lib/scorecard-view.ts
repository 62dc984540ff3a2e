// What the scorecard view shows in words and colours: means with their sign, percentages, the tone of
// a cell, and the view's place in the URL (the list's filters, plus the day compared with).
import type { ScorecardCell } from '../../../electron/reports/scorecard-model.ts';
import { meanText } from '../../../electron/domain/score-text.ts';
import { listHash, listSearch, readListQuery, type ListQuery } from './list-query.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

export { meanText, percentText, scoreText } from '../../../electron/domain/score-text.ts';

/** "+0.25" up, "−0.50" down, "no change"; "no comparison" when either day has no mean. */
export function changeText(change: number | null): string {
  if (change === null) return m.scorecard_view_no_comparison();
  if (Math.abs(change) < 0.005) return m.scorecard_view_no_change();
  return meanText(change);
}

export type CellTone = 'full' | 'partial' | 'none' | 'unscored' | 'not-assessed';

/** The tone of a cell: its score, or why it has none. Unscored and not-yet-assessed are never a 0. */
export function cellTone(cell: Pick<ScorecardCell, 'score' | 'kind'>): CellTone {
  if (cell.kind === 'not_assessed') return 'not-assessed';
  if (cell.kind === 'unscored' || cell.score === null) return 'unscored';
  return cell.score === 1 ? 'full' : cell.score === 0 ? 'partial' : 'none';
}

export interface ScorecardQuery {
  list: ListQuery;
  /** The earlier day compared with, YYYY-MM-DD. */
  compare: string | undefined;
}

export function readScorecardQuery(query: URLSearchParams): ScorecardQuery {
  const compare = query.get('compare');
  return {
    list: readListQuery(query),
    compare: compare && /^\d{4}-\d{2}-\d{2}$/.test(compare) ? compare : undefined,
  };
}

/** The view's address for these filters and comparison. */
export function scorecardHash(query: ScorecardQuery): string {
  const search = new URLSearchParams(listSearch(query.list));
  search.delete('sort');
  search.delete('direction');
  if (query.compare) search.set('compare', query.compare);
  const text = search.toString();
  return text ? `#/scorecard?${text}` : '#/scorecard';
}

/** The list of the same commitments, to open from the scorecard. */
export function listOfScorecard(query: ScorecardQuery): string {
  return listHash(query.list);
}
