// The trend charts for the PDF briefing: the app's own Plot charts (electron/shared/charts.ts), drawn in
// Node into a linkedom document and serialised as SVG markup. Loaded only when a PDF (or its preview)
// is made: Plot and d3 are large, and no other export needs them.
import type { Database } from 'better-sqlite3';
import { parseHTML } from 'linkedom';
import type { CommitmentFilter } from '../../db/commitments.ts';
import { deadlinesChart, partyMeanChart, statusTrendChart, type Chart } from '../shared/charts.ts';
import { trendsOf } from './trends.ts';

export interface TrendFigure {
  title: string;
  /** The chart's markup, serialised by linkedom, which escapes every text and attribute. */
  markup: string;
  description: string;
}

/** Wide enough for an A4 page's text column at the briefing's scale. */
const width = 680;

export function trendFigures(db: Database, scope: CommitmentFilter): TrendFigure[] {
  const trends = trendsOf(db, scope, 'month');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const options = { document: document as unknown as Document, width };
  const figures: [string, Chart | null][] = [
    ['Commitments by status over time', statusTrendChart(trends, options)],
    ['Each party’s mean score over time', partyMeanChart(trends, options)],
    ['Deadlines', deadlinesChart(trends, options)],
  ];
  return figures.flatMap(([title, chart]) =>
    chart ? [{ title, markup: chart.element.outerHTML, description: chart.description }] : [],
  );
}
