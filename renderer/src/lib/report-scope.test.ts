// The report dialog's scope: taken from the list's URL, back from a saved template, and sent as the API's request.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/api/contract.ts';
import { emptyScope, reportRequest, scopeOfList, scopeOfTemplate } from './report-scope.ts';

describe('the report scope', () => {
  it('takes the list’s filters from its URL, leaving the sort behind', () => {
    const scope = scopeOfList(new URLSearchParams('topic=3&category=open&q=fentanyl&sort=title&dir=desc'));
    expect(scope).toEqual({ ...emptyScope, topicId: 3, statusCategory: 'open', text: 'fentanyl' });
    expect(scopeOfList(null)).toEqual(emptyScope);
  });

  it('reads a saved template’s scope and ignores what is not a filter', () => {
    const saved = {
      topicId: 3,
      statusId: 'two',
      text: '  tariffs ',
      dateField: 'due_on',
      asOf: '2025-10-01',
    };
    expect(scopeOfTemplate(saved)).toEqual({ ...emptyScope, topicId: 3, text: 'tariffs' });
  });

  it('makes a request the API accepts: the day, the comparison and the template', () => {
    const scope = { ...emptyScope, topicId: 3, text: 'fentanyl ' };
    const request = reportRequest({
      scope,
      asOf: '2025-10-01',
      comparison: { kind: 'since', day: '2025-09-01' },
      template: null,
      format: 'xlsx',
    });
    expect(request).toMatchObject({
      scope: { topicId: 3, text: 'fentanyl', asOf: '2025-10-01' },
      since: '2025-09-01',
      format: 'xlsx',
    });
    expect(request).not.toHaveProperty('template');
    expect(contract.renderReport.input.safeParse(request).success).toBe(true);
  });

  it('leaves the date out for "since the last report", so the template’s last report is the baseline', () => {
    const request = reportRequest({
      scope: emptyScope,
      asOf: null,
      comparison: { kind: 'last report' },
      template: 'Friday briefing',
      format: 'pdf',
    });
    expect(request).toEqual({
      scope: expect.not.objectContaining({ asOf: expect.anything() }),
      format: 'pdf',
      template: 'Friday briefing',
    });
    expect(request).not.toHaveProperty('since');
    expect(contract.renderReport.input.safeParse(request).success).toBe(true);
  });
});
