// The trend charts for the PDF briefing: the app's own Plot charts (electron/shared/charts.ts), drawn in
// Node into a linkedom document and serialised as SVG markup. Loaded only when a PDF (or its preview)
// is made: Plot and d3 are large, and no other export needs them.
import type { Database } from 'better-sqlite3';
import { parseHTML } from 'linkedom';
import {
  deadlinesChart,
  partyMeanChart,
  share,
  statusBarsChart,
  statusTrendChart,
  type Chart,
} from '../shared/charts.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import type { StatusCount } from './sections.ts';
import { trendsOf } from './trends.ts';
import type { CommitmentFilter } from '../../db/commitment-filter.ts';

export interface TrendFigure {
  title: string;
  /** The chart's markup, serialised by linkedom, which escapes every text and attribute. */
  markup: string;
  description: string;
}

/** Wide enough for an A4 page's text column at the briefing's scale. */
const width = 680;

function newDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** The summary's bar of commitments by status, each status and its share named in the description. */
export function statusSummaryFigure(
  counts: StatusCount[],
  total: number,
  chartWidth = width,
): TrendFigure | null {
  if (total === 0) return null;
  const name = (cell: StatusCount) => cell.status?.name ?? m.report_no_status();
  const parts = counts.map((cell) => `${cell.count} ${name(cell)} (${share(cell.count, total)})`);
  const chart = statusBarsChart(
    counts.map((cell) => ({
      label: name(cell),
      counts: [
        {
          status: name(cell),
          colour: cell.status?.colour ?? '#9ca3af',
          count: cell.count,
        },
      ],
    })),
    {
      document: newDocument(),
      width: chartWidth,
      legend: false,
      shareOf: total,
      description: m.chart_summary_description({ total, parts: parts.join(', ') }),
    },
  );
  return (
    chart && { title: m.layout_by_status(), markup: chart.element.outerHTML, description: chart.description }
  );
}

export function trendFigures(db: Database, scope: CommitmentFilter): TrendFigure[] {
  const trends = trendsOf(db, scope, 'month');
  const options = { document: newDocument(), width };
  const figures: [string, Chart | null][] = [
    // The app's own titles for the same charts (its trends panel).
    [m.trend_charts_status(), statusTrendChart(trends, options)],
    [m.trend_charts_parties(), partyMeanChart(trends, options)],
    [m.trend_charts_deadlines(), deadlinesChart(trends, options)],
  ];
  return figures.flatMap(([title, chart]) =>
    chart ? [{ title, markup: chart.element.outerHTML, description: chart.description }] : [],
  );
}
