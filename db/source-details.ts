// A stored source's details (title, publisher, address, date, language) corrected after it was added. Its
// text is never edited: quotes point into it by offset, and its hash shows whether it was changed.
import type { Database } from 'better-sqlite3';
import { logAction, quoted } from './action-log.ts';
import type { SourceDraft } from '../electron/domain/model.ts';
import { getSource } from './sources.ts';
import { statement } from './statements.ts';

export type SourceDetails = Omit<SourceDraft, 'fullText'>;

const detailFields = ['title', 'publisher', 'url', 'publishedOn', 'language'] as const;

/** Writes the details as given; the undo log's recipe calls this with the previous ones. */
export function writeSourceDetails(db: Database, id: number, details: SourceDetails): void {
  statement<[string, string, string | null, string | null, string, number]>(
    db,
    `UPDATE source SET title = ?, publisher = ?, url = ?, published_on = ?, language = ? WHERE id = ?`,
  ).run(details.title, details.publisher, details.url, details.publishedOn, details.language, id);
}

/**
 * Changes the fields given and leaves the rest; returns whether anything changed. Undoable: the undo
 * log keeps the details as they were.
 */
export function updateSourceDetails(db: Database, id: number, changes: Partial<SourceDetails>): boolean {
  return db.transaction(() => {
    const stored = getSource(db, id);
    const before: SourceDetails = {
      title: stored.title,
      publisher: stored.publisher,
      url: stored.url,
      publishedOn: stored.publishedOn,
      language: stored.language,
    };
    const after: SourceDetails = { ...before };
    for (const field of detailFields) {
      const value = changes[field];
      if (value !== undefined) (after as Record<string, unknown>)[field] = value;
    }
    if (detailFields.every((field) => after[field] === before[field])) return false;
    writeSourceDetails(db, id, after);
    logAction(db, `Edited the details of ${quoted(before.title)}`, {
      undo: 'source',
      sourceId: id,
      before,
    });
    return true;
  })();
}
