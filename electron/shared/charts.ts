// The trend charts, drawn with Observable Plot as SVG: the same code in the app (the page's document)
// and in the PDF report (a linkedom document in Node), so both show the same chart. Each chart has a
// sentence saying what it shows, for screen readers and for anyone reading the figure's caption.
import * as Plot from '@observablehq/plot';
import type { DeadlineSpan, Trends } from '../reports/trends.ts';

export interface ChartOptions {
  /** The document to draw in: the page's in the app, a linkedom one in Node. */
  document?: Document;
  width: number;
}

export interface Chart {
  element: HTMLElement | SVGSVGElement;
  /** What the chart shows, in one or two sentences. */
  description: string;
}

const fonts = 'system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif';
// Text and axes in the surrounding text colour, on no background of their own: right in dark mode too.
const style = {
  fontFamily: fonts,
  fontSize: '12px',
  overflow: 'visible',
  background: 'transparent',
} as const;

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const readable = (text: string) =>
  `${Number(text.slice(8, 10))} ${months[Number(text.slice(5, 7)) - 1]} ${text.slice(0, 4)}`;

function labelled<T extends HTMLElement | SVGSVGElement>(element: T, description: string): Chart {
  // The chart is one image with one description; Plot's labels on its inner groups ("rule", "dot")
  // are not allowed on elements without a role, and say nothing the description does not.
  for (const inner of element.querySelectorAll('[aria-label], [aria-description]')) {
    inner.removeAttribute('aria-label');
    inner.removeAttribute('aria-description');
  }
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', description);
  return { element, description };
}

/** How many commitments stood in each status at the end of each period, stacked. */
export function statusTrendChart(trends: Trends, options: ChartOptions): Chart | null {
  if (trends.statusCounts.length === 0) return null;
  const used = trends.statuses.filter((status) =>
    trends.statusCounts.some((cell) => cell.status === status.name),
  );
  const last = trends.periods.at(-1)!;
  const lastCounts = trends.statusCounts.filter((cell) => cell.period === last);
  const description =
    `Commitments by status at the end of each ${trends.interval}, ${readable(trends.periods[0]!)} to ${readable(last)}. ` +
    `On ${readable(last)}: ${lastCounts.map((cell) => `${cell.count} ${cell.status}`).join(', ')}.`;
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 260,
    marginLeft: 44,
    style,
    x: { type: 'utc', label: null },
    y: {
      label: 'Commitments',
      grid: true,
      tickFormat: (value: number) => (Number.isInteger(value) ? String(value) : ''),
    },
    color: {
      domain: used.map((status) => status.name),
      range: used.map((status) => status.colour),
      legend: true,
    },
    marks: [
      Plot.rectY(trends.statusCounts, {
        x: (cell: { period: string }) => day(cell.period),
        interval: trends.interval === 'month' ? 'month' : 'week',
        y: 'count',
        fill: 'status',
        inset: 0.5,
        title: (cell: { period: string; status: string; count: number }) =>
          `${readable(cell.period)}: ${cell.count} ${cell.status}`,
      }),
      Plot.ruleY([0]),
    ],
  });
  return labelled(element, description);
}

/** Each party's mean score over time, on the compliance scale from −1 to +1. */
export function partyMeanChart(trends: Trends, options: ChartOptions): Chart | null {
  const scored = trends.partyMeans.filter((point) => point.mean !== null);
  if (scored.length === 0) return null;
  const last = trends.periods.at(-1)!;
  const latest = trends.partyMeans.filter((point) => point.period === last && point.mean !== null);
  const description =
    `Each party's mean compliance score (−1 to +1) at the end of each ${trends.interval}. ` +
    (latest.length > 0
      ? `On ${readable(last)}: ${latest.map((point) => `${point.party} ${point.mean!.toFixed(2)} (${point.scored} scored)`).join(', ')}.`
      : `None has a scored commitment on ${readable(last)}.`);
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 240,
    marginLeft: 44,
    style,
    x: { type: 'utc', label: null },
    y: { domain: [-1, 1], label: 'Mean score', grid: true, ticks: [-1, -0.5, 0, 0.5, 1] },
    color: { legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#9ca3af' }),
      Plot.lineY(scored, {
        x: (point: { period: string }) => day(point.period),
        y: 'mean',
        stroke: 'party',
        strokeWidth: 2,
      }),
      Plot.dot(scored, {
        x: (point: { period: string }) => day(point.period),
        y: 'mean',
        fill: 'party',
        r: 2.5,
        title: (point: { period: string; party: string; mean: number; scored: number }) =>
          `${point.party}, ${readable(point.period)}: ${point.mean.toFixed(2)} over ${point.scored} scored`,
      }),
    ],
  });
  return labelled(element, description);
}

/** A title cut to what fits in `room` pixels of 12px text (about 6.6 px a character), with an ellipsis. */
function fitted(title: string, room: number): string {
  const characters = Math.max(12, Math.floor(room / 6.6));
  return title.length > characters ? `${title.slice(0, characters - 1).trimEnd()}…` : title;
}

/** Each commitment from its announcement to its due date, coloured by status, the day marked. */
export function deadlinesChart(trends: Trends, options: ChartOptions): Chart | null {
  if (trends.deadlines.length === 0) return null;
  const passed = trends.deadlines.filter((span) => span.dueOn < trends.asOf).length;
  const shown =
    trends.deadlines.length < trends.deadlineTotal
      ? `the ${trends.deadlines.length} nearest of ${trends.deadlineTotal} `
      : '';
  const description =
    `Deadlines: ${shown}commitments from announcement to due date, coloured by status; ` +
    `${passed} due before ${readable(trends.asOf)}, ${trends.deadlines.length - passed} after.`;
  const used = trends.statuses.filter((status) =>
    trends.deadlines.some((span) => span.status === status.name),
  );
  const marginLeft = Math.round(Math.min(320, options.width * 0.45));
  const shortTitle = (title: string) => fitted(title, marginLeft - 12);
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 40 + trends.deadlines.length * 26,
    marginLeft,
    style,
    x: { type: 'utc', label: null, grid: true },
    y: { label: null, domain: trends.deadlines.map((span) => shortTitle(span.title)) },
    color: {
      domain: used.map((status) => status.name),
      range: used.map((status) => status.colour),
      legend: used.length > 0,
    },
    marks: [
      Plot.barX(trends.deadlines, {
        x1: (span: DeadlineSpan) => day(span.from),
        x2: (span: DeadlineSpan) => day(span.dueOn),
        y: (span: DeadlineSpan) => shortTitle(span.title),
        fill: 'status',
        insetTop: 4,
        insetBottom: 4,
        title: (span: DeadlineSpan) =>
          `${span.title}: ${readable(span.from)} to ${readable(span.dueOn)}, ${span.status}`,
      }),
      Plot.dot(trends.deadlines, {
        x: (span: DeadlineSpan) => day(span.dueOn),
        y: (span: DeadlineSpan) => shortTitle(span.title),
        fill: 'status',
        stroke: '#111827',
        r: 4,
      }),
      Plot.ruleX([day(trends.asOf)], { stroke: '#b91c1c', strokeWidth: 1.5 }),
      Plot.text([day(trends.asOf)], {
        x: (value: Date) => value,
        frameAnchor: 'top',
        dy: -6,
        text: () => (trends.isToday ? 'today' : readable(trends.asOf)),
        fill: '#b91c1c',
      }),
    ],
  });
  return labelled(element, description);
}

export interface StatusBarRow {
  label: string;
  /** Each status with how many commitments stand in it, in the vocabulary's order. */
  counts: { status: string; colour: string; count: number }[];
}

/**
 * Commitments by status, one horizontal bar a row (a topic, a party, or the whole scope), stacked by
 * status in the vocabulary's colours, the total at the end of each bar.
 */
export function statusBarsChart(
  rows: StatusBarRow[],
  options: ChartOptions & {
    description: string;
    legend?: boolean;
    /** Each bar's total also as a share of this number ("4 (44%)"). */
    shareOf?: number;
  },
): Chart | null {
  const bars = rows.filter((row) => row.counts.some((cell) => cell.count > 0));
  if (bars.length === 0) return null;
  const cells = bars.flatMap((row) =>
    row.counts.filter((cell) => cell.count > 0).map((cell) => ({ ...cell, label: row.label })),
  );
  const used = new Map<string, string>();
  for (const cell of cells) used.set(cell.status, cell.colour);
  const totals = bars.map((row) => ({
    label: row.label,
    total: row.counts.reduce((sum, cell) => sum + cell.count, 0),
  }));
  const marginLeft = Math.round(Math.min(220, Math.max(110, options.width * 0.3)));
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 30 + bars.length * 30,
    marginLeft,
    marginRight: options.shareOf ? 72 : 44,
    style,
    x: {
      label: null,
      grid: true,
      tickFormat: (value: number) => (Number.isInteger(value) ? String(value) : ''),
    },
    y: { label: null, domain: bars.map((row) => fitted(row.label, marginLeft - 12)) },
    color: { domain: [...used.keys()], range: [...used.values()], legend: options.legend ?? true },
    marks: [
      Plot.barX(cells, {
        x: 'count',
        y: (cell: { label: string }) => fitted(cell.label, marginLeft - 12),
        fill: 'status',
        insetTop: 5,
        insetBottom: 5,
        title: (cell: { label: string; status: string; count: number }) =>
          `${cell.label}: ${cell.count} ${cell.status}`,
      }),
      Plot.text(totals, {
        x: 'total',
        y: (row: { label: string }) => fitted(row.label, marginLeft - 12),
        text: (row: { total: number }) =>
          options.shareOf
            ? `${row.total} (${Math.round((row.total / options.shareOf) * 100)}%)`
            : String(row.total),
        textAnchor: 'start',
        dx: 6,
        fontWeight: 600,
      }),
      Plot.ruleX([0]),
    ],
  });
  return labelled(element, options.description);
}
