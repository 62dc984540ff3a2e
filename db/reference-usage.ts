// What uses a dossier, party, topic or status: so nothing referenced is ever deleted silently.
import type { Database } from 'better-sqlite3';
import { counted, quoted } from './action-log.ts';
import { DomainError } from './errors.ts';
import type { Usage } from '../electron/domain/model.ts';
import { statement } from './statements.ts';

export type ReferenceKind = 'dossier' | 'party' | 'topic' | 'status';

/** The commitments each kind is used by; trashed ones count too, as they still hold the reference. */
const commitmentsUsing: Record<ReferenceKind, string> = {
  dossier: 'SELECT id FROM commitment WHERE dossier_id = @id',
  party: `SELECT commitment_id FROM commitment_party WHERE party_id = @id
          UNION SELECT commitment_id FROM status_update WHERE party_id = @id`,
  topic: 'SELECT commitment_id FROM commitment_topic WHERE topic_id = @id',
  status: 'SELECT commitment_id FROM status_update WHERE status_id = @id',
};

const statusUpdatesUsing: Record<ReferenceKind, string | null> = {
  dossier: null,
  party: 'SELECT count(*) AS n FROM status_update WHERE party_id = @id',
  topic: null,
  status: 'SELECT count(*) AS n FROM status_update WHERE status_id = @id',
};

/** Sub-topics of a topic, people acting for a state or organisation. */
const childrenOf: Record<ReferenceKind, string | null> = {
  dossier: null,
  party: 'SELECT name FROM party WHERE acts_for_id = @id ORDER BY name COLLATE NOCASE',
  topic: 'SELECT name FROM topic WHERE parent_id = @id ORDER BY name COLLATE NOCASE',
  status: null,
};

export function referenceUsage(db: Database, kind: ReferenceKind, id: number): Usage {
  requireReference(db, kind, id);
  const ids = commitmentsUsing[kind];
  const commitments = statement<{ id: number }, { n: number }>(db, `SELECT count(*) AS n FROM (${ids})`).get({
    id,
  })!.n;
  const titles = statement<{ id: number }, { title: string; trashed: number }>(
    db,
    `SELECT title, deleted_at IS NOT NULL AS trashed FROM commitment WHERE id IN (${ids})
      ORDER BY deleted_at IS NOT NULL, id LIMIT 5`,
  )
    .all({ id })
    .map((row) => (row.trashed ? `${row.title} (in the trash)` : row.title));
  const updates = statusUpdatesUsing[kind];
  const statusUpdates =
    updates === null ? 0 : statement<{ id: number }, { n: number }>(db, updates).get({ id })!.n;
  const children = childrenOf[kind];
  const childNames =
    children === null
      ? []
      : statement<{ id: number }, { name: string }>(db, children)
          .all({ id })
          .map((row) => row.name);
  return {
    commitments,
    statusUpdates,
    children: childNames.length,
    examples: [...titles, ...childNames].slice(0, 5),
  };
}

export function isUsed(usage: Usage): boolean {
  return usage.commitments + usage.statusUpdates + usage.children > 0;
}

/** "Used by 4 commitments, e.g. “…”; remove it from them first." */
export function usageMessage(kind: ReferenceKind, usage: Usage): string {
  const parts = [
    usage.commitments > 0 ? counted(usage.commitments, 'commitment') : '',
    usage.statusUpdates > 0 ? counted(usage.statusUpdates, 'status update') : '',
    usage.children > 0
      ? kind === 'topic'
        ? counted(usage.children, 'sub-topic')
        : counted(usage.children, 'person acting for it', 'people acting for it')
      : '',
  ].filter(Boolean);
  const used = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  const examples = usage.examples.map((title) => quoted(title, 60)).join(', ');
  return `Used by ${used}, e.g. ${examples}; ${remedy(kind, usage)}.`;
}

function remedy(kind: ReferenceKind, usage: Usage): string {
  if (usage.statusUpdates > 0) return 'history is never edited, so it stays: rename it instead';
  if (kind === 'dossier') return 'move them to another dossier first';
  const steps = [
    usage.commitments > 0 ? 'remove it from them' : '',
    usage.children > 0 && kind === 'topic' ? 'move or delete its sub-topics' : '',
    usage.children > 0 && kind === 'party' ? 'change whom those people act for' : '',
  ].filter(Boolean);
  return `${steps.join(' and ')} first`;
}

/** The name of a piece of reference data; not found under 'id' when there is none. */
export function requireReference(db: Database, kind: ReferenceKind, id: number): string {
  const row = statement<[number], { name: string }>(db, `SELECT name FROM ${kind} WHERE id = ?`).get(id);
  if (!row) throw new DomainError('not_found', `No ${kind} has id ${id}.`, 'id');
  return row.name;
}
