// Reference data: dossiers, parties, topics and the status vocabulary.
import type { Database } from 'better-sqlite3';
import type { Dossier, Party, ReferenceData, Status, Topic } from '../electron/domain/model.ts';
import { DomainError } from './errors.ts';
import { statement } from './statements.ts';

export {
  createDossier,
  deleteReference,
  saveDossier,
  saveParty,
  saveStatus,
  saveTopic,
  type DossierInput,
  type PartyInput,
  type StatusInput,
  type TopicInput,
} from './reference-edits.ts';
export { referenceUsage, type ReferenceKind } from './reference-usage.ts';

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
  return statement<[], Omit<Party, 'aliases'> & { aliases: string }>(
    db,
    `SELECT id, name, kind, acts_for_id AS actsForId, aliases FROM party ORDER BY name COLLATE NOCASE`,
  )
    .all()
    .map((party) => ({ ...party, aliases: oneALine(party.aliases) }));
}

/** Aliases and keywords are stored one a line. */
function oneALine(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

export function listTopics(db: Database): Topic[] {
  return statement<[], Omit<Topic, 'keywords'> & { keywords: string }>(
    db,
    `WITH RECURSIVE tree (id, parent_id, name, keywords, path) AS (
       SELECT id, parent_id, name, keywords, name FROM topic WHERE parent_id IS NULL
       UNION ALL
       SELECT t.id, t.parent_id, t.name, t.keywords, tree.path || ' › ' || t.name
         FROM topic t JOIN tree ON t.parent_id = tree.id
     )
     SELECT id, parent_id AS parentId, name, path, keywords FROM tree ORDER BY path COLLATE NOCASE`,
  )
    .all()
    .map((topic) => ({ ...topic, keywords: oneALine(topic.keywords) }));
}

export function listStatuses(db: Database): Status[] {
  return statement<[], Omit<Status, 'assessed'> & { assessed: number }>(
    db,
    `SELECT id, name, category, score, colour, assessed FROM status ORDER BY position`,
  )
    .all()
    .map((row) => ({ ...row, assessed: row.assessed === 1 }));
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
