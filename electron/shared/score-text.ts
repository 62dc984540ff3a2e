// Scores, means and percentages as compliance reports print them: one spelling for the exports
// (electron/reports/scorecard-wording.ts) and the app's scorecard view.

/** "+1", "0", "−1": a score as compliance reports print it, with a true minus sign. */
export function scoreText(score: number | null): string {
  if (score === null) return '';
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

/** "+0.50", "−0.33", "0.00"; "—" when nothing is scored. */
export function meanText(mean: number | null): string {
  if (mean === null) return '—';
  const fixed = Math.abs(mean).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return mean > 0 ? `+${fixed}` : `−${fixed}`;
}

/** "75%", "33.3%"; "—" when nothing is scored. */
export function percentText(percent: number | null): string {
  if (percent === null) return '—';
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}
