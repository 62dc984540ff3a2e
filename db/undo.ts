// Undo: carries out the recipe of the newest action not yet undone, in one transaction.
import type { Database } from 'better-sqlite3';
import { lastAction, markUndone, type UndoRecipe } from './action-log.ts';
import { applyChanges } from './edits.ts';
import { DomainError } from './errors.ts';
import { removeReference, writeReference } from './reference-edits.ts';
import { writeSourceDetails } from './source-details.ts';
import { getSource } from './sources.ts';
import { retractUpdates } from './status-updates.ts';
import { liveCommitment, moveToTrash, takeOutOfTrash } from './trash.ts';

/**
 * Undoes the last action and returns what it was ("Deleted “…”"), or null when there is nothing to
 * undo. When its effect is no longer possible, it refuses with a conflict and changes nothing; the
 * action stays next in line, so nothing older is undone behind the analyst's back.
 */
export function undoLastAction(db: Database): string | null {
  return db.transaction(() => {
    const action = lastAction(db);
    if (!action) return null;
    try {
      carryOut(db, action.recipe);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(
        'conflict',
        `Cannot undo the last action (${action.description}): ${error.message}`,
      );
    }
    markUndone(db, action.id);
    return action.description;
  })();
}

function carryOut(db: Database, recipe: UndoRecipe): void {
  switch (recipe.undo) {
    case 'trash':
      moveToTrash(db, recipe.commitmentId);
      return;
    case 'restore':
      takeOutOfTrash(db, recipe.commitmentId);
      return;
    case 'revert':
      liveCommitment(db, recipe.commitmentId);
      applyChanges(db, recipe.commitmentId, recipe.before);
      return;
    case 'retract':
      retractUpdates(db, recipe.updateIds, recipe.newLinks, 'undone');
      return;
    case 'remove':
      removeReference(db, recipe.kind, recipe.id);
      return;
    case 'rewrite':
      writeReference(db, recipe.reference, 'save');
      return;
    case 'recreate':
      writeReference(db, recipe.reference, 'recreate');
      return;
    case 'source':
      getSource(db, recipe.sourceId);
      writeSourceDetails(db, recipe.sourceId, recipe.before);
      return;
  }
}
