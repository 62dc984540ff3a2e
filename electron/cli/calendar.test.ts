// `calendar`: the due dates as an iCalendar file, read back by an independent parser (ical.js, Mozilla's),
// with stable UIDs so that importing a newer file updates the events instead of adding more.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import { fingerprint, newStatusUpdate, temporaryFolder } from '../../db/testing.ts';
import { renderCalendarForApi } from '../reports/calendar.ts';
import { cli } from './testing.ts';

function sample(): { db: string; folder: string } {
  const folder = temporaryFolder();
  const db = join(folder, 'sample.sqlite');
  expect(cli(['sample', '--db', db]).code).toBe(0);
  return { db, folder };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
  url: string;
}

function events(file: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      url: String(component.getFirstPropertyValue('url')),
    };
  });
}

/** What the database says is due: every live commitment with a due date, and its uid. */
function dueCommitments(file: string): { uid: string; title: string; due_on: string }[] {
  const db = openDatabase(file);
  try {
    return db
      .prepare(
        `SELECT uid, title, due_on FROM commitment WHERE due_on IS NOT NULL AND deleted_at IS NULL ORDER BY due_on`,
      )
      .all() as { uid: string; title: string; due_on: string }[];
  } finally {
    db.close();
  }
}

describe('calendar of deadlines', () => {
  it('writes one all-day event per due date, each named after its commitment and linking back to it', () => {
    const { db, folder } = sample();
    const out = join(folder, 'deadlines.ics');
    const result = cli(['calendar', '--out', out, '--db', db]);
    expect(result.code).toBe(0);
    const due = dueCommitments(db);
    expect(due.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Wrote ${due.length} deadline`);
    const parsed = events(out);
    expect(parsed.map((event) => event.uid)).toEqual(due.map((row) => `${row.uid}@pledgewatch`));
    for (const [index, event] of parsed.entries()) {
      const row = due[index]!;
      expect(event.allDay).toBe(true);
      expect(event.start).toBe(row.due_on);
      const next = new Date(`${row.due_on}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(event.end).toBe(next.toISOString().slice(0, 10));
      expect(event.summary).toContain(row.title);
      expect(event.description).toMatch(/^Status: /);
      expect(event.description).toContain('Dossier: US–Mexico security and trade cooperation, 2025');
      expect(event.url).toBe(`pledgewatch://commitment/${row.uid}`);
    }
  });

  it('keeps the UIDs from one file to the next and raises SEQUENCE, so a calendar updates its events', () => {
    const { db } = sample();
    const database = openDatabase(db);
    const calendarAt = (now: string) => {
      const file = join(temporaryFolder(), 'deadlines.ics');
      const rendered = renderCalendarForApi(database, { scope: { dateField: 'due_on' } }, new Date(now));
      writeFileSync(file, Buffer.from(rendered.base64, 'base64'));
      return events(file);
    };
    const before = calendarAt('2026-03-01T09:00:00Z');
    const reprieve = database
      .prepare(`SELECT id FROM commitment WHERE title LIKE '90-day reprieve%'`)
      .pluck()
      .get() as number;
    recordStatusUpdate(
      database,
      newStatusUpdate(
        reprieve,
        database.prepare(`SELECT id FROM status WHERE name = 'fulfilled'`).pluck().get() as number,
        '2025-10-29',
      ),
    );
    const after = calendarAt('2026-03-01T09:05:00Z');
    database.close();
    expect(after.map((event) => event.uid)).toEqual(before.map((event) => event.uid));
    for (const [index, event] of after.entries()) {
      expect(event.sequence).toBeGreaterThan(before[index]!.sequence);
    }
    const changed = after.find((event) => event.summary.startsWith('Due: 90-day reprieve'))!;
    expect(changed.summary).toContain('(fulfilled)');
    expect(before.find((event) => event.uid === changed.uid)!.summary).not.toContain('(fulfilled)');
  });

  it('takes the list filters, and refuses an unknown one or a folder that is not there, writing nothing', () => {
    const { db, folder } = sample();
    const out = join(folder, 'tariffs.ics');
    expect(cli(['calendar', '--out', out, '--db', db, '--topic', 'tariffs']).code).toBe(0);
    const tariffs = events(out);
    expect(tariffs.length).toBeGreaterThan(0);
    expect(tariffs.length).toBeLessThan(dueCommitments(db).length);
    const before = fingerprint(openDatabase(db));

    const unknown = cli(['calendar', '--out', join(folder, 'x.ics'), '--db', db, '--topic', 'fisheries']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--topic "fisheries" matches nothing');
    const missing = cli(['calendar', '--out', join(folder, 'nowhere', 'x.ics'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(existsSync(join(folder, 'x.ics'))).toBe(false);
    expect(fingerprint(openDatabase(db))).toBe(before);
  });
});
