// A deadline in words: "90 days from 31 Jul 2025, due 29 Oct 2025".
import type { Deadline, DeadlineState } from '../../../db/model.ts';
import { formatDate } from './dates.ts';

export function describeDeadline(deadline: Deadline): string {
  if (deadline.on) return `due ${formatDate(deadline.on)}`;
  if (deadline.amount !== null && deadline.unit && deadline.from) {
    const unit = deadline.amount === 1 ? deadline.unit.replace(/s$/, '') : deadline.unit;
    return `${deadline.amount} ${unit} from ${formatDate(deadline.from)}, due ${formatDate(deadline.dueOn)}`;
  }
  return 'none';
}

export const deadlineStateLabels: Record<DeadlineState, string> = {
  none: 'no deadline',
  upcoming: 'upcoming',
  due_soon: 'due soon',
  passed: 'passed',
  met: 'met',
};

/** "in 12 days", "today", "3 days ago": how far a due date is from the day shown. */
export function countdown(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
