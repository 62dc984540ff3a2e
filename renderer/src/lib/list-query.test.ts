// The list's query survives the trip through the URL, and its filters read as chips.
import { describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../../electron/domain/model.ts';
import { filterChips } from './filter-chips.ts';
import { hasFilters, listFilter, listHash, listSearch, noFilters, readListQuery } from './list-query.ts';

const reference: ReferenceData = {
  dossiers: [{ id: 1, name: 'US–Mexico 2025', description: '', commitmentCount: 9 }],
  parties: [{ id: 4, name: 'Mexico', kind: 'state', actsForId: null }],
  topics: [{ id: 3, parentId: 2, name: 'tariffs', path: 'trade › tariffs' }],
  statuses: [{ id: 2, name: 'announced', category: 'open', score: null, colour: '#2563eb', assessed: true }],
};

describe('the list query in the URL', () => {
  it('keeps every filter, the date range and the sort through a round trip', () => {
    const search =
      'dossier=1&topic=3&party=4&status=2&category=closed&deadline=passed&dates=announced_on&from=2025-09-01&to=2025-09-30&q=fentanyl&sort=title&dir=desc';
    const list = readListQuery(new URLSearchParams(search));
    expect(list).toEqual({
      dossierId: 1,
      topicId: 3,
      partyId: 4,
      statusId: 2,
      statusCategory: 'closed',
      deadlineState: 'passed',
      dateField: 'announced_on',
      dateFrom: '2025-09-01',
      dateTo: '2025-09-30',
      text: 'fentanyl',
      sort: 'title',
      direction: 'desc',
    });
    expect(listSearch(list)).toBe(search);
    expect(listHash(list)).toBe(`#/commitments?${search}`);
  });

  it('leaves defaults out, so the plain list keeps a plain URL', () => {
    const list = readListQuery(new URLSearchParams(''));
    expect(listHash(list)).toBe('#/commitments');
    expect(hasFilters(list)).toBe(false);
  });

  it('ignores values that are not what the filter takes', () => {
    const list = readListQuery(
      new URLSearchParams(
        'topic=-3&status=two&category=maybe&deadline=soonish&from=1 Oct&sort=colour&dir=up',
      ),
    );
    expect(list).toMatchObject({
      topicId: undefined,
      statusId: undefined,
      statusCategory: undefined,
      deadlineState: undefined,
      dateFrom: undefined,
      sort: 'due_on',
      direction: 'asc',
    });
  });

  it('clears every filter but keeps the sort', () => {
    const list = readListQuery(new URLSearchParams('topic=3&deadline=met&q=x&sort=status'));
    expect(listSearch({ ...list, ...noFilters })).toBe('sort=status');
  });

  it('passes the as-of day to the API only when one is set', () => {
    const list = readListQuery(new URLSearchParams('deadline=due_soon'));
    expect(listFilter(list, null)).toMatchObject({ deadlineState: 'due_soon', asOf: undefined });
    expect(listFilter(list, '2025-10-01').asOf).toBe('2025-10-01');
  });
});

describe('filter chips', () => {
  it('names each filter and its value, and knows what removes it', () => {
    const list = readListQuery(
      new URLSearchParams(
        'topic=3&party=4&category=open&deadline=due_soon&from=2025-10-01&to=2025-10-31&q=tariffs',
      ),
    );
    const chips = filterChips(list, reference);
    expect(chips.map((chip) => `${chip.label}: ${chip.value}`)).toEqual([
      'Words: “tariffs”',
      'Topic: trade › tariffs',
      'Party: Mexico',
      'Status category: open',
      'Deadline: due soon',
      'Due: 1 Oct 2025 – 31 Oct 2025',
    ]);
    const dates = chips.find((chip) => chip.key === 'dates');
    expect(listSearch({ ...list, ...dates?.remove })).not.toMatch(/from|to=/);
  });

  it('says which date a one-sided range applies to', () => {
    const list = readListQuery(new URLSearchParams('dates=announced_on&from=2025-09-01'));
    expect(filterChips(list, reference)).toEqual([
      expect.objectContaining({ label: 'Announced', value: 'from 1 Sept 2025' }),
    ]);
  });
});
