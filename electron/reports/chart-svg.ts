// The summary's status chart as inline SVG: one bar a status in its colour, named and counted in text,
// so it prints sharp, reads without colour, and needs no script or charting runtime in the PDF.
import { html, type SafeHtml } from './html-template.ts';
import type { StatusCount } from './sections.ts';

const layout = {
  width: 520,
  labelWidth: 150,
  countWidth: 70,
  rowHeight: 24,
  barHeight: 15,
  padding: 4,
};

const noStatusColour = '#9ca3af';

/** A horizontal bar chart of commitments by status; an empty report gets a sentence instead. */
export function statusChart(counts: StatusCount[], total: number): SafeHtml {
  if (counts.length === 0 || total === 0) return html`<p class="empty">No commitments in this scope.</p>`;
  const { width, labelWidth, countWidth, rowHeight, barHeight, padding } = layout;
  const barSpace = width - labelWidth - countWidth;
  const largest = Math.max(...counts.map((c) => c.count));
  const height = counts.length * rowHeight + padding * 2;
  const rows = counts.map((cell, index) => {
    const y = padding + index * rowHeight;
    const length = Math.max(2, Math.round((cell.count / largest) * barSpace));
    const name = cell.status?.name ?? 'no status';
    const share = Math.round((cell.count / total) * 100);
    const middle = y + rowHeight / 2;
    return html`<g>
      <text
        x="${labelWidth - 8}"
        y="${middle}"
        text-anchor="end"
        dominant-baseline="central"
        class="chart-label"
        >${name}</text
      >
      <rect
        x="${labelWidth}"
        y="${middle - barHeight / 2}"
        width="${length}"
        height="${barHeight}"
        rx="2"
        fill="${cell.status?.colour ?? noStatusColour}"
      ></rect>
      <text x="${labelWidth + length + 6}" y="${middle}" dominant-baseline="central" class="chart-count"
        >${cell.count} (${share}%)</text
      >
    </g>`;
  });
  const summary = counts.map((c) => `${c.status?.name ?? 'no status'}: ${c.count}`).join(', ');
  return html`<svg
    class="status-chart"
    role="img"
    aria-labelledby="status-chart-title"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="status-chart-title">Commitments by status: ${summary}</title>
    <line
      x1="${labelWidth}"
      y1="${padding}"
      x2="${labelWidth}"
      y2="${height - padding}"
      stroke="#9ca3af"
      stroke-width="1"
    ></line>
    ${rows}
  </svg>`;
}
