// The trash: deleting a commitment moves it here, from where it can be restored.
import type { Database } from 'better-sqlite3';
import { counted, logAction, quoted } from './action-log.ts';
import { DomainError } from './errors.ts';
import type { TrashedCommitment } from '../electron/domain/model.ts';
import { statement } from './statements.ts';

export interface CommitmentName {
  id: number;
  title: string;
}

/** A commitment that is not in the trash; anything else is not found, under the given field. */
export function liveCommitment(db: Database, id: number, path = 'id'): CommitmentName {
  const row = statement<[number], CommitmentName & { deletedAt: string | null }>(
    db,
    'SELECT id, title, deleted_at AS deletedAt FROM commitment WHERE id = ?',
  ).get(id);
  if (!row) throw new DomainError('not_found', `No commitment has id ${id}.`, path);
  if (row.deletedAt !== null) {
    throw new DomainError('not_found', `Commitment ${id} ${quoted(row.title)} is in the trash.`, path);
  }
  return { id: row.id, title: row.title };
}

export function deleteCommitment(db: Database, id: number): number {
  return db.transaction(() => {
    const commitment = moveToTrash(db, id);
    logAction(db, `Deleted ${quoted(commitment.title)}`, { undo: 'restore', commitmentId: id });
    return id;
  })();
}

export function restoreCommitment(db: Database, id: number): number {
  return db.transaction(() => {
    const commitment = takeOutOfTrash(db, id);
    logAction(db, `Restored ${quoted(commitment.title)}`, { undo: 'trash', commitmentId: id });
    return id;
  })();
}

/** Refuses while it oversees commitments outside the trash: they would lose sight of their parent. */
export function moveToTrash(db: Database, id: number): CommitmentName {
  const commitment = liveCommitment(db, id);
  const children = statement<[number], CommitmentName>(
    db,
    'SELECT id, title FROM commitment WHERE parent_id = ? AND deleted_at IS NULL ORDER BY id',
  ).all(id);
  if (children.length > 0) {
    throw new DomainError(
      'conflict',
      `It oversees ${counted(children.length, 'commitment')}: ${children
        .map((child) => quoted(child.title, 60))
        .join(', ')}; move or delete them first.`,
      'id',
    );
  }
  statement(db, `UPDATE commitment SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    id,
  );
  return commitment;
}

/** Refuses while its parent is in the trash: restore the parent first. */
export function takeOutOfTrash(db: Database, id: number): CommitmentName {
  const row = statement<[number], CommitmentName & { parentId: number | null }>(
    db,
    'SELECT id, title, parent_id AS parentId FROM commitment WHERE id = ? AND deleted_at IS NOT NULL',
  ).get(id);
  if (!row) throw new DomainError('not_found', `No commitment with id ${id} is in the trash.`, 'id');
  if (row.parentId !== null) {
    const parent = statement<[number], CommitmentName & { deletedAt: string | null }>(
      db,
      'SELECT id, title, deleted_at AS deletedAt FROM commitment WHERE id = ?',
    ).get(row.parentId);
    if (parent?.deletedAt) {
      throw new DomainError(
        'conflict',
        `Its parent ${quoted(parent.title, 60)} is in the trash; restore it first.`,
        'id',
      );
    }
  }
  statement(db, 'UPDATE commitment SET deleted_at = NULL WHERE id = ?').run(id);
  return { id: row.id, title: row.title };
}

/** Newest first: what was deleted last is what the analyst looks for. */
export function listTrash(db: Database): TrashedCommitment[] {
  return statement<[], TrashedCommitment>(
    db,
    `SELECT c.id, c.title, d.name AS dossier, c.deleted_at AS deletedAt
       FROM commitment c JOIN dossier d ON d.id = c.dossier_id
      WHERE c.deleted_at IS NOT NULL
      ORDER BY c.deleted_at DESC, c.id DESC`,
  ).all();
}
