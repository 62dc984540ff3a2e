// Where a commitment stands against its deadline on a day: the one definition every query uses.
import type { DeadlineState } from '../electron/domain/model.ts';

/** A deadline within this many days of the day shown is "due soon". */
export const dueSoonDays = 30;

/** The SQL columns the rule reads: the due date, and the status in force with the day it took effect. */
export interface DeadlineColumns {
  dueOn: string;
  category: string;
  since: string;
}

const listColumns: DeadlineColumns = { dueOn: 'c.due_on', category: 's.category', since: 'u.effective_on' };

/**
 * SQL for the deadline state on the day `asOf` (an SQL expression, usually the parameter @asOf):
 * - none: no due date;
 * - met: the status in force is closed and took effect on or before the due date;
 * - passed: due before the day, and not met;
 * - due_soon: due between the day and 30 days after it, and not met;
 * - upcoming: due later than that, and not met.
 */
export function deadlineStateSql(asOf: string, columns: DeadlineColumns = listColumns): string {
  const { dueOn, category, since } = columns;
  return `(CASE
    WHEN ${dueOn} IS NULL THEN 'none'
    WHEN ${category} = 'closed' AND ${since} <= ${dueOn} THEN 'met'
    WHEN ${dueOn} < ${asOf} THEN 'passed'
    WHEN ${dueOn} <= date(${asOf}, '+${dueSoonDays} days') THEN 'due_soon'
    ELSE 'upcoming'
  END)`;
}

/**
 * SQL that is true for commitments in `state` on the day `asOf`. The range on the due date says
 * nothing the state does not, but lets SQLite read only that slice of the index on due dates.
 */
export function deadlineStateCondition(
  state: DeadlineState,
  asOf: string,
  columns: DeadlineColumns = listColumns,
): string {
  const { dueOn } = columns;
  const soon = `date(${asOf}, '+${dueSoonDays} days')`;
  const range: Record<DeadlineState, string> = {
    none: `${dueOn} IS NULL`,
    met: `${dueOn} IS NOT NULL`,
    passed: `${dueOn} < ${asOf}`,
    due_soon: `${dueOn} >= ${asOf} AND ${dueOn} <= ${soon}`,
    upcoming: `${dueOn} > ${soon}`,
  };
  return `(${range[state]} AND ${deadlineStateSql(asOf, columns)} = '${state}')`;
}
