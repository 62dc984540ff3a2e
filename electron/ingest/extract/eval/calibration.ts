// A calibration table: for each band of predicted confidence, how many sentences and how many of them
// were commitments, so "0.8" can be checked to mean about 8 in 10.
export function calibrationTable(scored: { p: number; label: 0 | 1 }[]): string {
  const lines = ['band        sentences  predicted  observed'];
  for (let band = 0; band < 10; band += 2) {
    const inBand = scored.filter(({ p }) => p >= band / 10 && (p < (band + 2) / 10 || band === 8));
    if (inBand.length === 0) continue;
    const predicted = inBand.reduce((sum, { p }) => sum + p, 0) / inBand.length;
    const observed = inBand.filter(({ label }) => label).length / inBand.length;
    lines.push(
      `${(band / 10).toFixed(1)}–${((band + 2) / 10).toFixed(1)}     ${String(inBand.length).padStart(5)}      ${predicted.toFixed(2)}      ${observed.toFixed(2)}`,
    );
  }
  return lines.join('\n');
}
