// A deadline in words: "90 days from 31 Jul 2025, due 29 Oct 2025".
import type { Deadline } from '../../../db/model.ts';
import { formatDate } from './dates.ts';

export function describeDeadline(deadline: Deadline): string {
  if (deadline.on) return `due ${formatDate(deadline.on)}`;
  if (deadline.amount !== null && deadline.unit && deadline.from) {
    const unit = deadline.amount === 1 ? deadline.unit.replace(/s$/, '') : deadline.unit;
    return `${deadline.amount} ${unit} from ${formatDate(deadline.from)}, due ${formatDate(deadline.dueOn)}`;
  }
  return 'none';
}
