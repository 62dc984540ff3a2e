// The flat-cost table (`--only flat`): each in-process figure at every size measured, side by side, and
// how much slower it is at the largest than at the smallest. A page, the as-of page, the dashboard,
// changes since and a search each answer with a bounded result, so none should grow with the database.
import { format, markdownTable, type Figure } from './measure.ts';

export function printFlatTable(figures: Figure[]): string {
  const sizes = [...new Set(figures.map((figure) => figure.size))];
  const names = [...new Set(figures.map((figure) => figure.figure))];
  const header = ['figure', ...sizes.map((size) => `${size} p50 / p95`), `${sizes.at(-1)} ÷ ${sizes[0]}`];
  const rows = names.map((name) => {
    const bySize = sizes.map((size) => figures.find((f) => f.figure === name && f.size === size));
    const first = bySize[0];
    const last = bySize.at(-1);
    return [
      name,
      ...bySize.map((figure) => (figure ? `${format(figure.p50)} / ${format(figure.p95)}` : '—')),
      first && last ? `${(last.p50 / first.p50).toFixed(2)}×` : '—',
    ];
  });
  return markdownTable(header, rows);
}
