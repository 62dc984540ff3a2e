// What the desktop app's daily notification says: deadlines due within a week, and deadlines passed with
// no update since, in one notification that names a few and counts the rest. No Electron here, so the
// wording is tested in Node; notifications.ts shows it.
import type { Database } from 'better-sqlite3';
import { getDashboard } from '../../db/dashboard.ts';
import type { DashboardRow } from '../domain/model.ts';

export interface DeadlineNotice {
  title: string;
  body: string;
  dueThisWeek: number;
  passed: number;
}

/** How many commitments a notification names; the rest are counted. */
const named = 4;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function dueLine(row: DashboardRow): string {
  const days = row.daysToDue ?? 0;
  const when = days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `due in ${days} days`;
  return `${row.title}: ${when}`;
}

function passedLine(row: DashboardRow): string {
  const days = -(row.daysToDue ?? 0);
  return `${row.title}: passed ${days === 1 ? 'yesterday' : `${days} days ago`}, no update`;
}

/** Null when there is nothing to say: no notification at all rather than an empty one. */
export function deadlineNotice(db: Database): DeadlineNotice | null {
  const dashboard = getDashboard(db, {});
  const soon = dashboard.dueSoon.filter((row) => row.daysToDue !== null && row.daysToDue <= 7);
  const passed = dashboard.overdue;
  if (soon.length === 0 && passed.length === 0) return null;
  const parts = [
    ...(soon.length > 0 ? [`${plural(soon.length, 'deadline')} this week`] : []),
    ...(passed.length > 0 ? [`${plural(passed.length, 'deadline')} passed with no update`] : []),
  ];
  const lines = [...soon.map(dueLine), ...passed.map(passedLine)];
  const rest = lines.length - named;
  const body = [...lines.slice(0, named), ...(rest > 0 ? [`and ${rest} more`] : [])].join('\n');
  return { title: parts.join(', '), body, dueThisWeek: soon.length, passed: passed.length };
}
