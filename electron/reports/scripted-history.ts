// Test support: a small dossier with a history written at chosen times around today, and the five
// kinds of change a report lists (made after a "last Friday" report), to test "since" and "as of".
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import { attachEvidence } from '../../db/evidence.ts';
import { createDossier } from '../../db/reference.ts';
import { insertSource } from '../../db/sources.ts';
import { insertStatusUpdate, recordStatusUpdate } from '../../db/status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf } from '../../db/testing.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

/** The calendar day `offset` days from today (negative: before). */
export function day(offset: number): string {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Midday, the analyst's time, `offset` days from today, as a stored instant. */
export function moment(offset: number): string {
  return new Date(`${day(offset)}T12:00:00`).toISOString();
}

export function source(db: Database, title: string, publishedOn: string, fullText: string): number {
  return insertSource(db, {
    title,
    publisher: 'Wire service',
    url: null,
    publishedOn,
    language: 'en',
    fullText,
  });
}

export interface ScriptedHistory {
  border: number;
  training: number;
  report: number;
  tracing: number;
  /** The update on the joint report that the correction corrects. */
  stalledUpdate: number;
}

/** Commitments as they stood when "last Friday's" report (a week ago) was sent. */
export function scriptedHistory(db: Database): ScriptedHistory {
  const dossierId = createDossier(db, 'Border pact', 'A scripted history');
  const add = (title: string, status: string, deadline: string | null, excerptIds: number[] = []) =>
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        announcedOn: day(-40),
        deadline: deadline ? { on: deadline } : null,
        statusId: statusIdOf(db, status),
        firstUpdate: { note: '', recordedAt: moment(-40), excerptId: excerptIds[0] ?? null },
        excerptIds,
      }),
    );
  const update = (commitmentId: number, status: string, offset: number) =>
    insertStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusIdOf(db, status), day(offset), { recordedAt: moment(offset) }),
    );
  const announcement = source(db, 'Pact announced', day(-40), 'Both sides will share firearms tracing data.');
  const quote = attachEvidenceSpan(db, announcement, 'share firearms tracing data');
  const history = {
    border: add('Open the Nogales border crossing', 'announced', day(-2)),
    training: add('Train 500 customs officers', 'announced', day(60)),
    report: add('Publish a joint fentanyl report', 'announced', null),
    tracing: add('Share firearms tracing data', 'announced', null, [quote]),
    stalledUpdate: 0,
  };
  update(history.training, 'in progress', -20);
  history.stalledUpdate = update(history.report, 'stalled', -15);
  return history;
}

function attachEvidenceSpan(db: Database, sourceId: number, words: string): number {
  const text = db.prepare('SELECT full_text FROM source WHERE id = ?').pluck().get(sourceId) as string;
  const start = text.indexOf(words);
  return db
    .prepare('INSERT INTO excerpt (source_id, start, end, text, speaker) VALUES (?, ?, ?, ?, ?)')
    .run(sourceId, start, start + words.length, words, '').lastInsertRowid as number;
}

/** What the analyst records after last Friday's report: one change of each kind. */
export function changesAfterTheReport(db: Database, history: ScriptedHistory): { ministerial: number } {
  const ministerial = insertCommitment(
    db,
    newCommitment(
      db.prepare('SELECT dossier_id FROM commitment WHERE id = ?').pluck().get(history.border) as number,
      { title: 'Hold a ministerial on arms trafficking', kind: 'agreement', announcedOn: day(-1) },
    ),
  );
  recordStatusUpdate(
    db,
    newStatusUpdate(history.training, statusIdOf(db, 'fulfilled'), day(-3), {
      note: 'All **500** officers passed the course.',
    }),
  );
  recordStatusUpdate(
    db,
    newStatusUpdate(history.report, statusIdOf(db, 'in progress'), day(-15), {
      note: 'It was never stalled: the draft was with the printers.',
      correctsId: history.stalledUpdate,
    }),
  );
  const text = 'The first batch of tracing data was handed over on Monday.';
  const article = source(db, 'Tracing data shared', day(-1), text);
  const quoted = 'first batch of tracing data was handed over';
  const start = text.indexOf(quoted);
  attachEvidence(
    db,
    { sourceId: article, start, end: start + quoted.length, speaker: 'A customs official' },
    history.tracing,
    null,
  );
  return { ministerial };
}
