// Scores, means and percentages as compliance reports print them: one spelling for the exports
// (electron/reports/scorecard-wording.ts) and the app's scorecard view. `tag` is the language's
// formatting tag (en-GB, es): a decimal comma where the language writes one.

/** "+1", "0", "−1": a score as compliance reports print it, with a true minus sign. */
export function scoreText(score: number | null): string {
  if (score === null) return '';
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

/** The language's decimal point, "." or ",". */
function decimalPoint(tag: string): string {
  return (1.5).toLocaleString(tag).charAt(1);
}

/** Rounded as toFixed rounds (so English reads as it always has), then written as the language writes it. */
function fixed(value: number, digits: number, tag: string): string {
  return value.toFixed(digits).replace('.', decimalPoint(tag));
}

/** "+0.50", "−0.33", "0.00", "+0,50"; "—" when nothing is scored. */
export function meanText(mean: number | null, tag = 'en-GB'): string {
  if (mean === null) return '—';
  const figure = fixed(Math.abs(mean), 2, tag);
  if (figure === fixed(0, 2, tag)) return figure;
  return mean > 0 ? `+${figure}` : `−${figure}`;
}

/** "75%", "33.3%", "33,3 %"; "—" when nothing is scored. */
export function percentText(percent: number | null, tag = 'en-GB'): string {
  if (percent === null) return '—';
  const rounded = Math.round(percent * 10) / 10;
  const sign = (0.5).toLocaleString(tag, { style: 'percent' }).replace(/[\d.,]/g, '');
  return `${fixed(rounded, Number.isInteger(rounded) ? 0 : 1, tag)}${sign}`;
}
