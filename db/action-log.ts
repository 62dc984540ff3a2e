// The undo log: each undoable action in the analyst's words, with the recipe that undoes it.
import type { Database } from 'better-sqlite3';
import type { ReferenceInput } from './reference-edits.ts';
import type { ReferenceKind } from './reference-usage.ts';
import type { SourceDetails } from './source-details.ts';
import { statement } from './statements.ts';
import type { CommitmentState } from './commitment-add.ts';

/** What undoes an action; db/undo.ts carries it out. Stored as JSON, so plain data only. */
export type UndoRecipe =
  /** Undoes creating or restoring a commitment. */
  | { undo: 'trash'; commitmentId: number }
  /** Undoes deleting a commitment. */
  | { undo: 'restore'; commitmentId: number }
  /** Undoes an edit: every field, party and topic as they were before it. */
  | { undo: 'revert'; commitmentId: number; before: CommitmentState }
  /** Undoes recording status updates; links to evidence they added are removed with them. */
  | { undo: 'retract'; updateIds: number[]; newLinks: EvidenceLink[] }
  /** Undoes creating reference data, if nothing uses it yet. */
  | { undo: 'remove'; kind: ReferenceKind; id: number }
  /** Undoes editing reference data: its previous values. */
  | { undo: 'rewrite'; reference: ReferenceInput }
  /** Undoes deleting reference data: the same row again, under the same id. */
  | { undo: 'recreate'; reference: ReferenceInput }
  /** Undoes editing a source's details: title, publisher, address, date and language as they were. */
  | { undo: 'source'; sourceId: number; before: SourceDetails };

export interface EvidenceLink {
  commitmentId: number;
  excerptId: number;
}

export interface LoggedAction {
  id: number;
  description: string;
  recipe: UndoRecipe;
}

/** Call inside the transaction of the action itself, so the log never disagrees with the data. */
export function logAction(db: Database, description: string, recipe: UndoRecipe): void {
  statement(db, 'INSERT INTO action_log (description, undo) VALUES (?, ?)').run(
    description,
    JSON.stringify(recipe),
  );
}

/** The newest action not yet undone, or undefined when there is none. */
export function lastAction(db: Database): LoggedAction | undefined {
  const row = statement<[], { id: number; description: string; undo: string }>(
    db,
    'SELECT id, description, undo FROM action_log WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get();
  if (!row) return undefined;
  return { id: row.id, description: row.description, recipe: JSON.parse(row.undo) as UndoRecipe };
}

export function markUndone(db: Database, id: number): void {
  statement(db, `UPDATE action_log SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    id,
  );
}

/** A title as the analyst reads it in a message: in quotes, long ones cut at a word. */
export function quoted(title: string, max = 28): string {
  if (title.length <= max) return `“${title}”`;
  const cut = title.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…”`;
}

/** "3 commitments", "1 commitment". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
