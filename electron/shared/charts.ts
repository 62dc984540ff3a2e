// The trend charts, drawn with Observable Plot as SVG: the same code in the app (the page's document)
// and in the PDF report (a linkedom document in Node), so both show the same chart. Each chart has a
// sentence saying what it shows, for screen readers and for anyone reading the figure's caption. Its
// words, days and numbers are in the language in force: the app's in the app, the report's in Node.
import * as Plot from '@observablehq/plot';
import type { DeadlineSpan, Trends } from '../reports/trends.ts';
import * as m from './i18n/paraglide/messages.js';
import { getLocale } from './i18n/paraglide/runtime.js';

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
const english = () => getLocale() === 'en';
const spanishDay = new Intl.DateTimeFormat('es', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "1 Oct 2025", "1 oct 2025": as the reports write a day (electron/reports/wording.ts). */
const readable = (text: string) =>
  english()
    ? `${Number(text.slice(8, 10))} ${months[Number(text.slice(5, 7)) - 1]} ${text.slice(0, 4)}`
    : spanishDay.format(day(text));

/** "0.50", "0,50": a number with a fixed count of decimals in the language's own way. */
function decimal(value: number, digits: number): string {
  return value.toLocaleString(english() ? 'en-GB' : 'es', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const spanishMonth = new Intl.DateTimeFormat('es', { month: 'short', timeZone: 'UTC' });

/**
 * Outside English, a time axis's ticks in the language ("oct", "2026" under "ene"): Plot writes its
 * own in English. In English, Plot's own, as ever.
 */
function timeTicks(): { tickFormat?: (date: Date, index: number) => string } {
  if (english()) return {};
  return {
    tickFormat: (date: Date, index: number) => {
      if (date.getUTCDate() !== 1) return `${date.getUTCDate()} ${spanishMonth.format(date)}`;
      const month = spanishMonth.format(date);
      return index === 0 || date.getUTCMonth() === 0 ? `${month}\n${date.getUTCFullYear()}` : month;
    },
  };
}

/** Outside English, a decimal axis with the language's comma ("−0,5"); in English, Plot's own. */
function decimalTicks(): { tickFormat?: (value: number) => string } {
  return english() ? {} : { tickFormat: (value: number) => decimal(value, 1).replace('-', '−') };
}

/** "44%", "44 %": a share of the whole, to the whole percent. */
export function share(count: number, whole: number): string {
  const percent = Math.round((count / whole) * 100);
  return (percent / 100).toLocaleString(english() ? 'en-GB' : 'es', { style: 'percent' });
}

const intervalWords = { month: m.chart_interval_month, week: m.chart_interval_week };

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
  const description = m.chart_status_description({
    interval: intervalWords[trends.interval](),
    from: readable(trends.periods[0]!),
    to: readable(last),
    last: readable(last),
    counts: lastCounts.map((cell) => `${cell.count} ${cell.status}`).join(', '),
  });
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 260,
    marginLeft: 44,
    style,
    x: { type: 'utc', label: null, ...timeTicks() },
    y: {
      label: m.chart_axis_commitments(),
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
  const interval = intervalWords[trends.interval]();
  const description =
    latest.length > 0
      ? m.chart_party_description({
          interval,
          last: readable(last),
          points: latest
            .map((point) =>
              m.chart_party_point({
                party: point.party,
                mean: decimal(point.mean!, 2),
                scored: point.scored,
              }),
            )
            .join(', '),
        })
      : m.chart_party_description_none({ interval, last: readable(last) });
  const element = Plot.plot({
    ...(options.document ? { document: options.document } : {}),
    width: options.width,
    height: 240,
    marginLeft: 44,
    style,
    x: { type: 'utc', label: null, ...timeTicks() },
    y: {
      domain: [-1, 1],
      label: m.chart_axis_mean(),
      grid: true,
      ticks: [-1, -0.5, 0, 0.5, 1],
      ...decimalTicks(),
    },
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
          m.chart_party_dot({
            party: point.party,
            day: readable(point.period),
            mean: decimal(point.mean, 2),
            scored: point.scored,
          }),
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
  const counts = { passed, day: readable(trends.asOf), after: trends.deadlines.length - passed };
  const description =
    trends.deadlines.length < trends.deadlineTotal
      ? m.chart_deadlines_description_nearest({
          count: trends.deadlines.length,
          total: trends.deadlineTotal,
          ...counts,
        })
      : m.chart_deadlines_description(counts);
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
    x: { type: 'utc', label: null, grid: true, ...timeTicks() },
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
          m.chart_deadline_bar({
            title: span.title,
            from: readable(span.from),
            due: readable(span.dueOn),
            status: span.status,
          }),
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
        text: () => (trends.isToday ? m.chart_today() : readable(trends.asOf)),
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
          options.shareOf ? `${row.total} (${share(row.total, options.shareOf)})` : String(row.total),
        textAnchor: 'start',
        dx: 6,
        fontWeight: 600,
      }),
      Plot.ruleX([0]),
    ],
  });
  return labelled(element, options.description);
}
