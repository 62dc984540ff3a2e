// The JSON report of the sample, today and as of a day: state, deadline state and history on that day.
import { describe, expect, it } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { jsonReportSchema, renderJson } from './json.ts';
import { buildReport } from './model.ts';

interface ReportedCommitment {
  title: string;
  status: string | null;
  status_since: string | null;
  deadline_state: string;
  history: { status: string; effective_on: string }[];
}

function render(asOf?: string) {
  const { db } = temporaryDatabase();
  loadSample(db);
  const now = new Date('2026-11-23T20:00:00.000Z');
  const document = JSON.parse(renderJson(buildReport(db, asOf ? { asOf } : {}, now)));
  const find = (pattern: RegExp) =>
    (document.commitments as ReportedCommitment[]).find((commitment) => pattern.test(commitment.title));
  return { document, find };
}

describe('JSON report', () => {
  it('says which day it describes, and gives each deadline state on that day', () => {
    const today = render();
    expect(today.document).toMatchObject({ schema: jsonReportSchema, as_of: null });
    expect(today.find(/reprieve/)?.deadline_state).toBe('passed');
    expect(today.find(/firearms/)?.deadline_state).toBe('none');

    const october = render('2025-10-01');
    expect(october.document).toMatchObject({
      schema: 'pledgewatch.report/1',
      as_of: '2025-10-01',
      generated_at: '2026-11-23T20:00:00.000Z',
      scope: { asOf: '2025-10-01' },
    });
    expect(october.find(/reprieve/)).toMatchObject({ deadline_state: 'due_soon', status: 'in progress' });
    expect(october.find(/Security Ministerial/)).toBeUndefined();
    expect(october.document.commitments).toHaveLength(8);
  });

  it('gives the status and history as they stood on the day', () => {
    const { find } = render('2025-09-20');
    expect(find(/implementation group/)).toMatchObject({ status: 'announced', status_since: '2025-09-03' });
    expect(find(/implementation group/)?.history.map((entry) => entry.effective_on)).toEqual(['2025-09-03']);
    const now = render().find(/implementation group/);
    expect(now).toMatchObject({ status: 'in progress', status_since: '2026-01-15' });
    expect(now?.history).toHaveLength(3);
  });
});
