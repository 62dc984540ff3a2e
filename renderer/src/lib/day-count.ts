// Whole days between two calendar dates (YYYY-MM-DD), counted in UTC so no time zone shifts a day.

const dayMs = 86_400_000;

/** Days from `from` to `to`: positive when `to` is later, null when either is missing. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.round((end - start) / dayMs);
}
