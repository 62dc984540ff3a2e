import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from './testing.ts';
import { deleteView, listSavedViews, saveView } from './views.ts';

describe('saved views', () => {
  it('saves, lists by name and replaces a view of the same name whatever its case', () => {
    const { db } = temporaryDatabase();
    expect(listSavedViews(db)).toEqual([]);
    expect(saveView(db, { name: 'Security, stalled', query: 'topic=2&status=4' })).toEqual({
      name: 'Security, stalled',
      query: 'topic=2&status=4',
    });
    saveView(db, { name: 'due soon', query: 'deadline=due_soon' });
    saveView(db, { name: 'SECURITY, STALLED', query: 'topic=2' });
    expect(listSavedViews(db)).toEqual([
      { name: 'due soon', query: 'deadline=due_soon' },
      { name: 'SECURITY, STALLED', query: 'topic=2' },
    ]);
  });

  it('deletes by name whatever its case, and says when there is no such view', () => {
    const { db } = temporaryDatabase();
    saveView(db, { name: 'Due soon', query: 'deadline=due_soon' });
    const before = fingerprint(db);
    expect(() => deleteView(db, 'Overdue')).toThrow(
      expect.objectContaining({
        code: 'not_found',
        path: 'name',
        message: 'No saved view is named “Overdue”.',
      }),
    );
    expect(fingerprint(db)).toBe(before);
    expect(deleteView(db, 'due SOON')).toBe('Due soon');
    expect(listSavedViews(db)).toEqual([]);
  });
});
