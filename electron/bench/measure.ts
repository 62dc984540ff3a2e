// Timing helpers for the benchmark: repeated runs, percentiles, and one row of the printed table.

export interface Figure {
  figure: string;
  size: string;
  p50: number;
  p95: number;
  /** The same work done the plainest way (a raw prepared statement, a raw insert), in ms; null when none. */
  floor: number | null;
  target: string;
  met: boolean;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `work` after a few warm-up calls and returns p50 and p95 in milliseconds. */
export async function time(
  work: () => unknown,
  runs: number,
  warmUp = 3,
): Promise<{ p50: number; p95: number }> {
  for (let index = 0; index < warmUp; index += 1) await work();
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95) };
}

export const format = (ms: number | null) => (ms === null ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

export function printTable(figures: Figure[]): string {
  const header = ['figure', 'size', 'p50 ms', 'p95 ms', 'floor ms', 'ratio', 'target', 'met?'];
  const rows = figures.map((figure) => [
    figure.figure,
    figure.size,
    format(figure.p50),
    format(figure.p95),
    format(figure.floor),
    figure.floor ? `${(figure.p50 / figure.floor).toFixed(2)}×` : '—',
    figure.target,
    figure.met ? 'yes' : 'NO',
  ]);
  return markdownTable(header, rows);
}

/** A table in Markdown, each column as wide as its widest cell. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
