// "Changes since" and "as of" on a scripted history: since the last report of a template (no date
// typed), since a day, and the state on a day; each change lands in its own group, corrections apart.
import { describe, expect, it } from 'vitest';
import { retractUpdates } from '../../db/status-updates.ts';
import { statusIdOf, temporaryDatabase } from '../../db/testing.ts';
import { exportRecordOf, rememberExport } from './export.ts';
import { buildReport, type Report } from './model.ts';
import { changesAfterTheReport, day, moment, scriptedHistory } from './scripted-history.ts';

/** The changes as rows of plain words: which commitment, and what. */
function rows(report: Report) {
  const changes = report.changes!;
  return {
    newCommitments: changes.newCommitments.map((c) => c.title),
    statusChanges: changes.statusChanges.map(
      (c) =>
        `${c.commitment.title}: ${c.from?.name ?? '–'} → ${c.entry.status.name} on ${c.entry.effectiveOn}`,
    ),
    newEvidence: changes.newEvidence.map((e) => `${e.commitment.title}: ${e.evidence.text}`),
    deadlinesPassed: changes.deadlinesPassed.map((c) => `${c.title}: ${c.deadline.dueOn}`),
    corrections: changes.corrections.map(
      (c) => `${c.commitment.title}: ${c.kind} ${c.corrected?.status.name ?? '–'} → ${c.entry.status.name}`,
    ),
  };
}

const expectedRows = {
  newCommitments: ['Hold a ministerial on arms trafficking'],
  statusChanges: [`Train 500 customs officers: in progress → fulfilled on ${day(-3)}`],
  newEvidence: ['Share firearms tracing data: first batch of tracing data was handed over'],
  deadlinesPassed: [`Open the Nogales border crossing: ${day(-2)}`],
  corrections: ['Publish a joint fentanyl report: corrects stalled → in progress'],
};

describe('changes since the last report of a template', () => {
  it('lists exactly what changed since last Friday’s report, with no date typed', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    const lastFriday = new Date(moment(-7));
    const first = buildReport(db, {}, lastFriday, { template: 'Friday briefing' });
    expect(first.firstOfTemplate).toBe(true);
    expect(first.changes).toBeNull();
    rememberExport(db, exportRecordOf(db, first, 'pdf'), lastFriday);

    changesAfterTheReport(db, history);
    const second = buildReport(db, {}, new Date(), { template: 'friday BRIEFING' });
    expect(second.firstOfTemplate).toBe(false);
    expect(second.changes?.baseline).toMatchObject({
      day: day(-7),
      snapshot: { template: 'Friday briefing' },
    });
    expect(rows(second)).toEqual(expectedRows);
    // A report of a day before last Friday's has nothing to add to it.
    const earlier = buildReport(db, { asOf: day(-30) }, new Date(), { template: 'Friday briefing' });
    expect(earlier).toMatchObject({ changes: null, firstOfTemplate: false });
  });

  it('compares with the last report sent on an earlier day, not one sent minutes ago', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    const lastFriday = new Date(moment(-7));
    rememberExport(
      db,
      exportRecordOf(db, buildReport(db, {}, lastFriday, { template: 'Friday briefing' }), 'pdf'),
      lastFriday,
    );
    changesAfterTheReport(db, history);
    // Sent today as PDF; then the same briefing as Markdown still lists last week's changes.
    const now = new Date();
    const pdf = buildReport(db, {}, now, { template: 'Friday briefing' });
    rememberExport(db, exportRecordOf(db, pdf, 'pdf'), now);
    expect(rows(buildReport(db, {}, now, { template: 'Friday briefing' }))).toEqual(expectedRows);
  });

  it('counts a commitment the earlier report left out (out of its scope then) by what was recorded since', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    const lastFriday = new Date(moment(-7));
    // Last week's briefing covered open commitments that were "announced" only.
    const narrow = buildReport(db, { statusId: statusIdOf(db, 'announced') }, lastFriday, {
      template: 'Friday briefing',
    });
    expect(narrow.commitments.map((c) => c.id)).not.toContain(history.training);
    rememberExport(db, exportRecordOf(db, narrow, 'pdf'), lastFriday);
    changesAfterTheReport(db, history);
    expect(rows(buildReport(db, {}, new Date(), { template: 'Friday briefing' }))).toEqual(expectedRows);
  });
});

describe('changes since a day', () => {
  it('gives the same groups from what was recorded since the start of that day', () => {
    const { db } = temporaryDatabase();
    changesAfterTheReport(db, scriptedHistory(db));
    const report = buildReport(db, {}, new Date(), { since: day(-5) });
    expect(report.changes?.baseline).toMatchObject({ day: day(-5), snapshot: null });
    expect(rows(report)).toEqual(expectedRows);
  });

  it('keeps entries dated back before the day, and undone ones, apart as corrections', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    const since = day(-5);
    // Recorded an hour ago, but it took effect ten days ago: it changes the past, it is not news.
    // (An hour before the undo below, so the two corrections have an order that does not hang on the clock.)
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    db.prepare(
      `INSERT INTO status_update (commitment_id, status_id, effective_on, recorded_at) VALUES (?, ?, ?, ?)`,
    ).run(history.border, statusIdOf(db, 'in progress'), day(-10), anHourAgo);
    const undone = db
      .prepare('SELECT id FROM status_update WHERE commitment_id = ? AND effective_on = ?')
      .pluck()
      .get(history.training, day(-20)) as number;
    db.transaction(() => retractUpdates(db, [undone], [], 'entered on the wrong commitment'))();
    const report = buildReport(db, {}, new Date(), { since });
    expect(rows(report).corrections).toEqual([
      'Open the Nogales border crossing: backdated – → in progress',
      'Train 500 customs officers: undone – → in progress',
    ]);
    expect(rows(report).statusChanges).toEqual([]);
    expect(rows(report).newCommitments).toEqual([]);
  });

  it('on the sample: the Security Ministerial is new since October 2025, three deadlines have passed', async () => {
    const { loadSample } = await import('../ingest/sample.ts');
    const { db } = temporaryDatabase();
    loadSample(db);
    const found = rows(buildReport(db, {}, new Date(), { since: '2025-10-01' }));
    expect(found.newCommitments).toEqual([
      'Hold a Security Ministerial in Washington in February 2026 to assess progress and gaps',
    ]);
    expect(found.statusChanges).toEqual([
      'Create a high-level implementation group that meets regularly: in progress → in progress on 2026-01-15',
    ]);
    expect(found.deadlinesPassed.map((row) => row.split(':')[0])).toEqual([
      '90-day reprieve for Mexico from the threatened 30% tariffs',
      'Hold a Security Ministerial in Washington in February 2026 to assess progress and gaps',
      'Review the USMCA trade agreement',
    ]);
    expect(found.corrections).toEqual([]);
  });
});

describe('a report as of a day', () => {
  it('shows each status, history and deadline as they stood, and nothing announced later', () => {
    const { db } = temporaryDatabase();
    changesAfterTheReport(db, scriptedHistory(db));
    const report = buildReport(db, {}, new Date(), { since: day(-30) });
    const asOf = buildReport(db, { asOf: day(-35) }, new Date());
    const training = asOf.commitments.find((c) => c.title === 'Train 500 customs officers')!;
    expect(training.status?.name).toBe('announced');
    expect(training.history.map((entry) => entry.effectiveOn)).toEqual([day(-40)]);
    expect(asOf.commitments.map((c) => c.title)).not.toContain('Hold a ministerial on arms trafficking');
    const border = asOf.commitments.find((c) => c.title === 'Open the Nogales border crossing')!;
    expect(border.deadlineState).toBe('upcoming');
    expect(asOf.day).toBe(day(-35));
    expect(asOf.deadlines.dueSoon).toEqual([]);
    // Today, the border crossing's deadline has passed with no update since.
    expect(report.deadlines.passedNoUpdate.map((c) => c.title)).toEqual(['Open the Nogales border crossing']);
  });

  it('states the moment its data runs to, leaving out undone updates', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    expect(buildReport(db, {}, new Date()).dataThrough).toBe(moment(-15));
    const late = db
      .prepare(
        `INSERT INTO status_update (commitment_id, status_id, effective_on, recorded_at) VALUES (?, ?, ?, ?)`,
      )
      .run(history.border, statusIdOf(db, 'stalled'), day(-1), moment(-1)).lastInsertRowid as number;
    expect(buildReport(db, {}, new Date()).dataThrough).toBe(moment(-1));
    db.transaction(() => retractUpdates(db, [late], [], 'typo'))();
    expect(buildReport(db, {}, new Date()).dataThrough).toBe(moment(-15));
  });
});
