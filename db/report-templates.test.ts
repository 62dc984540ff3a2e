// Report templates and the state a report remembers: saved by name in any case, deleted without
// forgetting the reports sent, and the state read as of the report's day.
import { describe, expect, it } from 'vitest';
import { createDossier } from './reference.ts';
import { recordReportSnapshot, reportState } from './report-snapshots.ts';
import {
  deleteReportTemplate,
  findReportTemplate,
  listReportTemplates,
  saveReportTemplate,
} from './report-templates.ts';
import { insertStatusUpdate } from './status-updates.ts';
import { fingerprint, newCommitment, newStatusUpdate, statusIdOf, temporaryDatabase } from './testing.ts';
import { insertCommitment } from './commitment-add.ts';

describe('report templates', () => {
  it('saves by name, replacing a template of the same name in any case', () => {
    const { db } = temporaryDatabase();
    saveReportTemplate(db, { name: ' Friday briefing ', scope: { topicId: 2 }, format: 'pdf' });
    saveReportTemplate(db, { name: 'Tariffs table', scope: {}, format: 'xlsx' });
    const replaced = saveReportTemplate(db, {
      name: 'FRIDAY BRIEFING',
      scope: { partyId: 1 },
      format: 'docx',
    });
    expect(replaced).toMatchObject({
      name: 'FRIDAY BRIEFING',
      scope: { partyId: 1 },
      format: 'docx',
      lastReportAt: null,
    });
    expect(listReportTemplates(db).map((t) => t.name)).toEqual(['FRIDAY BRIEFING', 'Tariffs table']);
    expect(findReportTemplate(db, 'friday briefing')?.format).toBe('docx');
  });

  it('deletes one by name, keeping the reports it sent, and refuses an unknown name', () => {
    const { db } = temporaryDatabase();
    saveReportTemplate(db, { name: 'Friday briefing', scope: {}, format: 'pdf' });
    recordReportSnapshot(db, {
      template: 'Friday briefing',
      format: 'pdf',
      scope: {},
      asOf: null,
      since: null,
      dataThrough: null,
      state: {},
    });
    expect(deleteReportTemplate(db, 'friday briefing')).toBe('Friday briefing');
    expect(listReportTemplates(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM report_snapshot').pluck().get()).toBe(1);
    const before = fingerprint(db);
    expect(() => deleteReportTemplate(db, 'Monday memo')).toThrow(
      /No report template is named “Monday memo”/,
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe('the state a report remembers', () => {
  it('is each commitment’s status, due date, evidence and history on the report’s day', () => {
    const { db } = temporaryDatabase();
    const dossierId = createDossier(db, 'Pact', '');
    const id = insertCommitment(
      db,
      newCommitment(dossierId, {
        title: 'Open the crossing',
        deadline: { on: '2026-01-31' },
        statusId: statusIdOf(db, 'announced'),
        firstUpdate: { recordedAt: '2025-09-03T10:00:00.000Z' },
      }),
    );
    const later = insertStatusUpdate(db, newStatusUpdate(id, statusIdOf(db, 'in progress'), '2025-11-01'));
    const first = later - 1;
    expect(reportState(db, [id], undefined)).toEqual({
      [id]: {
        status: 'in progress',
        status_since: '2025-11-01',
        due_on: '2026-01-31',
        evidence: [],
        history: [first, later],
      },
    });
    expect(reportState(db, [id], '2025-10-01')).toEqual({
      [id]: {
        status: 'announced',
        status_since: '2025-09-03',
        due_on: '2026-01-31',
        evidence: [],
        history: [first],
      },
    });
  });
});
