// Days typed on the command line: checked with the API contract's own schema of a day, and today as the
// reports count it, so a flag is refused naming itself before the operation would refuse its field.
import { isoDate } from '../api/contract.ts';
import { UsageError } from './usage-error.ts';

/** The analyst's calendar day (local time): the day a report without --as-of describes. */
export { today } from '../domain/days.ts';

/** --flag YYYY-MM-DD, a real calendar day (2025-02-30 is not one); undefined when not given. */
export function calendarDay(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isoDate.safeParse(value).success) {
    throw new UsageError(`--${flag} "${value}" is not a date written YYYY-MM-DD.`);
  }
  return value;
}
