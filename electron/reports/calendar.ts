// Deadlines as an iCalendar file (RFC 5545, written by ical-generator): one all-day event per due date,
// titled with the commitment, its status and dossier in the description, and a link back into the app;
// its words in the report's language, its days as YYYY-MM-DD in every language.
// Each event's UID is the commitment's own uid, the same on every machine of a team, so importing the
// file again (or a colleague's) updates the events instead of adding new ones; SEQUENCE is the minute
// the file was made, so a later file is always the newer version of its events.
import type { Database } from 'better-sqlite3';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { today } from '../../db/as-of.ts';
import { commitmentIds, commitmentRows } from '../../db/commitments.ts';
import type { CommitmentRow } from '../domain/model.ts';
import { statement } from '../../db/statements.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { safeFileName } from './file-names.ts';
import type { CommitmentFilter } from '../../db/commitment-filter.ts';

export interface CalendarEntry extends CommitmentRow {
  uid: string;
}

/** The commitments of the scope that have a due date, soonest first. */
export function calendarEntries(db: Database, scope: CommitmentFilter): CalendarEntry[] {
  const rows = commitmentRows(db, commitmentIds(db, scope), scope.asOf).filter((row) => row.dueOn !== null);
  const uid = statement<[number], { uid: string }>(db, 'SELECT uid FROM commitment WHERE id = ?');
  return rows
    .map((row) => ({ ...row, uid: uid.get(row.id)!.uid }))
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.title.localeCompare(b.title));
}

/** The app's own link to a commitment: the desktop app opens it on its page. */
export function appLink(uid: string): string {
  return `pledgewatch://commitment/${uid}`;
}

const deadlineWords: Record<CommitmentRow['deadlineState'], () => string> = {
  none: m.calendar_state_none,
  upcoming: m.calendar_state_upcoming,
  due_soon: m.calendar_state_due_soon,
  passed: m.calendar_state_passed,
  met: m.calendar_state_met,
};

/** The calendar's file is named in English in every language; the calendar shows its name in the report's. */
const fileTitle = 'Pledgewatch deadlines';

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Minutes since 2020: an integer that only grows from one file to the next, as SEQUENCE must. */
function sequenceAt(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.UTC(2020, 0, 1)) / 60_000));
}

export function renderCalendar(
  entries: CalendarEntry[],
  options: { name?: string; now?: Date } = {},
): string {
  const now = options.now ?? new Date();
  const calendar = ical({
    name: options.name ?? m.calendar_name(),
    // The product's own name, the same in every calendar it writes.
    prodId: { company: 'Pledgewatch', product: fileTitle, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const entry of entries) {
    const status = entry.status?.name ?? m.calendar_no_status();
    const lines = [
      entry.statusSince
        ? m.calendar_status_since({ status, day: entry.statusSince })
        : m.calendar_status({ status }),
      m.calendar_deadline({
        day: entry.dueOn!,
        state: deadlineWords[entry.deadlineState](),
        today: today(now),
      }),
      m.calendar_dossier({ dossier: entry.dossier }),
      ...(entry.madeBy.length > 0 ? [m.calendar_made_by({ parties: entry.madeBy.join(', ') })] : []),
      m.calendar_open({ link: appLink(entry.uid) }),
    ];
    calendar.createEvent({
      id: `${entry.uid}@pledgewatch`,
      sequence: sequenceAt(now),
      stamp: now,
      start: entry.dueOn!,
      end: nextDay(entry.dueOn!),
      allDay: true,
      summary: m.calendar_summary({ title: entry.title, status }),
      description: lines.join('\n'),
      url: appLink(entry.uid),
      categories: [{ name: entry.dossier }],
    });
  }
  return calendar.toString();
}

export interface RenderedCalendar {
  fileName: string;
  mimeType: 'text/calendar; charset=utf-8';
  base64: string;
  eventCount: number;
}

/** The calendar file for the app to save or download, named after the calendar. */
export function renderCalendarForApi(
  db: Database,
  request: { scope: CommitmentFilter; name?: string | undefined },
  now: Date = new Date(),
): RenderedCalendar {
  const name = request.name?.trim() || undefined;
  const entries = calendarEntries(db, request.scope);
  return {
    fileName: safeFileName(name ?? fileTitle, 'ics'),
    mimeType: 'text/calendar; charset=utf-8',
    base64: Buffer.from(renderCalendar(entries, { ...(name ? { name } : {}), now }), 'utf8').toString(
      'base64',
    ),
    eventCount: entries.length,
  };
}
