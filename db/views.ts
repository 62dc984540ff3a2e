// Saved views: a list's filters kept under a name the analyst chose, to reopen later.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import type { SavedView } from '../electron/domain/model.ts';
import { statement } from './statements.ts';

export function listSavedViews(db: Database): SavedView[] {
  return statement<[], SavedView>(
    db,
    'SELECT name, query FROM saved_view ORDER BY name COLLATE NOCASE',
  ).all();
}

/** Saving under a name that exists, whatever its case, replaces that view (and takes the new spelling). */
export function saveView(db: Database, view: SavedView): SavedView {
  const name = view.name.trim();
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO saved_view (name, query) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name, query = excluded.query`,
    ).run(name, view.query);
  })();
  return { name, query: view.query };
}

/** Returns the name as it was saved. */
export function deleteView(db: Database, name: string): string {
  return db.transaction(() => {
    const saved = statement<[string], { name: string }>(db, 'SELECT name FROM saved_view WHERE name = ?').get(
      name.trim(),
    );
    if (!saved) throw new DomainError('not_found', `No saved view is named “${name.trim()}”.`, 'name');
    statement(db, 'DELETE FROM saved_view WHERE name = ?').run(saved.name);
    return saved.name;
  })();
}
