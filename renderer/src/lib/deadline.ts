// A deadline in words: "90 days from 31 Jul 2025, due 29 Oct 2025".
import type { Deadline, DeadlineState, DeadlineUnit } from '../../../electron/domain/model.ts';
import { formatDate } from './dates.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

/** A unit of a duration in words, one or many: "day", "days". */
export const durationUnits: Record<DeadlineUnit | 'weeks', { one: () => string; other: () => string }> = {
  days: { one: m.deadline_unit_day, other: m.deadline_unit_days },
  weeks: { one: m.deadline_unit_week, other: m.deadline_unit_weeks },
  months: { one: m.deadline_unit_month, other: m.deadline_unit_months },
  years: { one: m.deadline_unit_year, other: m.deadline_unit_years },
};

export function describeDeadline(deadline: Deadline): string {
  if (deadline.on) return m.deadline_due_on({ date: formatDate(deadline.on) });
  if (deadline.amount !== null && deadline.unit && deadline.from) {
    const words = durationUnits[deadline.unit];
    return m.deadline_duration({
      amount: deadline.amount,
      unit: deadline.amount === 1 ? words.one() : words.other(),
      from: formatDate(deadline.from),
      due: formatDate(deadline.dueOn),
    });
  }
  return m.deadline_none();
}

// Read once: the window reloads when the analyst changes the language.
export const deadlineStateLabels: Record<DeadlineState, string> = {
  none: m.deadline_state_none(),
  upcoming: m.deadline_state_upcoming(),
  due_soon: m.deadline_state_due_soon(),
  passed: m.deadline_state_passed(),
  met: m.deadline_state_met(),
};

/** "in 12 days", "today", "3 days ago": how far a due date is from the day shown. */
export function countdown(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return m.deadline_today();
  if (days === 1) return m.deadline_tomorrow();
  if (days === -1) return m.deadline_yesterday();
  return days > 0 ? m.deadline_in_days({ days }) : m.deadline_days_ago({ days: -days });
}
