// Reference data: dossiers, parties, topics and the status vocabulary.
import type { Database } from 'better-sqlite3';
import type { Dossier, Party, ReferenceData, Status, Topic } from './model.ts';
import { DomainError } from './errors.ts';
import { statement } from './statements.ts';

export function listReference(db: Database): ReferenceData {
  return {
    dossiers: listDossiers(db),
    parties: listParties(db),
    topics: listTopics(db),
    statuses: listStatuses(db),
  };
}

export function listDossiers(db: Database): Dossier[] {
  return statement<[], Dossier>(
    db,
    `SELECT d.id, d.name, d.description,
            (SELECT count(*) FROM commitment c WHERE c.dossier_id = d.id AND c.deleted_at IS NULL)
              AS commitmentCount
       FROM dossier d ORDER BY d.name COLLATE NOCASE`,
  ).all();
}

export function listParties(db: Database): Party[] {
  return statement<[], Party>(
    db,
    `SELECT id, name, kind, acts_for_id AS actsForId FROM party ORDER BY name COLLATE NOCASE`,
  ).all();
}

export function listTopics(db: Database): Topic[] {
  return statement<[], Topic>(
    db,
    `WITH RECURSIVE tree (id, parent_id, name, path) AS (
       SELECT id, parent_id, name, name FROM topic WHERE parent_id IS NULL
       UNION ALL
       SELECT t.id, t.parent_id, t.name, tree.path || ' › ' || t.name
         FROM topic t JOIN tree ON t.parent_id = tree.id
     )
     SELECT id, parent_id AS parentId, name, path FROM tree ORDER BY path COLLATE NOCASE`,
  ).all();
}

export function listStatuses(db: Database): Status[] {
  return statement<[], Omit<Status, 'assessed'> & { assessed: number }>(
    db,
    `SELECT id, name, category, score, colour, assessed FROM status ORDER BY position`,
  )
    .all()
    .map((row) => ({ ...row, assessed: row.assessed === 1 }));
}

export function createDossier(db: Database, name: string, description: string): number {
  const existing = statement<[string], { id: number }>(
    db,
    'SELECT id FROM dossier WHERE name = ? COLLATE NOCASE',
  ).get(name);
  if (existing) throw new DomainError('conflict', `A dossier named "${name}" already exists.`, 'name');
  return Number(
    statement(db, 'INSERT INTO dossier (name, description) VALUES (?, ?)').run(name, description)
      .lastInsertRowid,
  );
}

/** Throws a clear not-found error naming the field when any id is unknown. */
export function requireIds(
  db: Database,
  table: 'dossier' | 'party' | 'topic' | 'status' | 'commitment' | 'excerpt',
  ids: number[],
  path: string,
): void {
  const check = statement<[number], { id: number }>(db, `SELECT id FROM ${table} WHERE id = ?`);
  for (const id of ids) {
    if (!check.get(id)) throw new DomainError('not_found', `No ${table} has id ${id}.`, path);
  }
}
