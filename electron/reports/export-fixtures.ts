// Test support for the spreadsheet exports: the sample dossier plus formula-like titles, as a report;
// and the sample shared by a team, with one status update recorded by alice.
import type { Database } from 'better-sqlite3';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import {
  newCommitment,
  newStatusUpdate,
  shareDossier,
  statusIdOf,
  temporaryDatabase,
} from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { buildReport, type Report } from './model.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

/** Titles a spreadsheet would run as formulas if they were written as they are. */
export const formulaTitles = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)'];

export const reportMoment = new Date('2026-11-23T20:00:00.000Z');

export function sampleWithFormulas(): { db: Database; report: Report } {
  const { db } = temporaryDatabase();
  const { dossierId } = loadSample(db);
  for (const title of formulaTitles) {
    insertCommitment(
      db,
      newCommitment(dossierId, { title, summary: `=cmd|' /C calc'!A0 ${title}`, announcedOn: '2025-10-01' }),
    );
  }
  return { db, report: buildReport(db, {}, reportMoment) };
}

/** The sample, shared once its history was loaded, then the reprieve's lapse recorded by alice. */
export function sharedSample(): { db: Database; report: Report; reprieve: number } {
  const { db } = temporaryDatabase();
  const { dossierId } = loadSample(db);
  shareDossier(db, dossierId, 'alice');
  const reprieve = db.prepare("SELECT id FROM commitment WHERE title LIKE '90-day%'").pluck().get() as number;
  recordStatusUpdate(
    db,
    newStatusUpdate(reprieve, statusIdOf(db, 'fulfilled'), '2025-10-29', {
      note: 'The reprieve ran its course.',
    }),
  );
  return { db, report: buildReport(db, {}, reportMoment), reprieve };
}
