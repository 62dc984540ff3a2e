// What the database already holds that an import is compared against, read in a few lean queries.
import type { Database } from 'better-sqlite3';
import type { PlannedDeadline } from '../../../db/import-plan.ts';
import type { CommitmentKind, DeadlineUnit } from '../../domain/model.ts';
import { listTopics } from '../../../db/reference.ts';
import { statement } from '../../../db/statements.ts';

export interface Vocabulary {
  /** Status names in the vocabulary's order, with their ids. */
  statuses: { id: number; name: string; score: number | null }[];
  /** The status a commitment starts with ("not yet assessed"), if the vocabulary has one. */
  firstStatus: string | null;
  /** By lower-case name (topics: lower-case path), the name as stored. */
  dossiers: Map<string, string>;
  parties: Map<string, string>;
  topics: Map<string, string>;
}

export function loadVocabulary(db: Database): Vocabulary {
  const statuses = statement<[], { id: number; name: string; score: number | null; assessed: number }>(
    db,
    'SELECT id, name, score, assessed FROM status ORDER BY position',
  ).all();
  const byLowerName = (names: string[]) => new Map(names.map((name) => [name.toLowerCase(), name]));
  return {
    statuses,
    firstStatus: statuses.find((status) => status.assessed === 0)?.name ?? null,
    dossiers: byLowerName(
      statement<[], { name: string }>(db, 'SELECT name FROM dossier')
        .all()
        .map((r) => r.name),
    ),
    parties: byLowerName(
      statement<[], { name: string }>(db, 'SELECT name FROM party')
        .all()
        .map((r) => r.name),
    ),
    topics: byLowerName(listTopics(db).map((topic) => topic.path)),
  };
}

/** A live commitment as the import compares it: the same fields as a spreadsheet row. */
export interface ExistingCommitment {
  id: number;
  dossier: string;
  title: string;
  summary: string;
  kind: CommitmentKind;
  parentId: number | null;
  madeBy: string[];
  owedTo: string[];
  topics: string[];
  announcedOn: string | null;
  deadline: PlannedDeadline;
  dueOn: string | null;
  status: string | null;
  statusSince: string | null;
}

interface RawExisting extends Omit<ExistingCommitment, 'madeBy' | 'owedTo' | 'topics' | 'deadline'> {
  deletedAt: string | null;
  madeBy: string | null;
  owedTo: string | null;
  topicIds: string | null;
  deadlineOn: string | null;
  deadlineAmount: number | null;
  deadlineUnit: DeadlineUnit | null;
  deadlineFrom: string | null;
}

export interface Existing {
  live: Map<number, ExistingCommitment>;
  /** Ids in use, the trash included: a new commitment cannot take one. */
  taken: Set<number>;
  /** Live commitments by dossier and title, whatever their case (see titleKey). */
  byTitle: Map<string, ExistingCommitment[]>;
}

export function titleKey(dossier: string, title: string): string {
  return `${dossier.toLowerCase()}\u0000${title.toLowerCase()}`;
}

/** The commitments with these ids, and those with these titles, in one pass over two indexes. */
export function findExisting(db: Database, ids: number[], titles: string[]): Existing {
  const existing: Existing = { live: new Map(), taken: new Set(), byTitle: new Map() };
  // Into an empty database (the first import) there is nothing to look up.
  if (!statement<[], { id: number }>(db, 'SELECT id FROM commitment LIMIT 1').get()) return existing;
  const parties = (role: string) =>
    `(SELECT group_concat(p.name, char(31)) FROM commitment_party cp JOIN party p ON p.id = cp.party_id
       WHERE cp.commitment_id = c.id AND cp.role = '${role}')`;
  const raws = statement<[{ ids: string; titles: string }], RawExisting>(
    db,
    `SELECT c.id, d.name AS dossier, c.title, c.summary, c.kind, c.parent_id AS parentId,
            c.announced_on AS announcedOn, c.deadline_on AS deadlineOn, c.deadline_amount AS deadlineAmount,
            c.deadline_unit AS deadlineUnit, c.deadline_from AS deadlineFrom, c.due_on AS dueOn,
            s.name AS status, u.effective_on AS statusSince, c.deleted_at AS deletedAt,
            ${parties('maker')} AS madeBy, ${parties('owed_to')} AS owedTo,
            (SELECT group_concat(topic_id) FROM commitment_topic WHERE commitment_id = c.id) AS topicIds
       FROM commitment c JOIN dossier d ON d.id = c.dossier_id
       LEFT JOIN status_update u ON u.id = c.current_update_id LEFT JOIN status s ON s.id = u.status_id
      WHERE c.id IN (SELECT value FROM json_each(@ids))
         OR c.title COLLATE NOCASE IN (SELECT value FROM json_each(@titles))`,
  ).all({ ids: JSON.stringify(ids), titles: JSON.stringify(titles) });
  const topicPaths = raws.length > 0 ? new Map(listTopics(db).map((t) => [t.id, t.path])) : new Map();
  for (const raw of raws) {
    existing.taken.add(raw.id);
    if (raw.deletedAt !== null) continue;
    const commitment = toExisting(raw, topicPaths);
    existing.live.set(raw.id, commitment);
    const key = titleKey(raw.dossier, raw.title);
    existing.byTitle.set(key, [...(existing.byTitle.get(key) ?? []), commitment]);
  }
  return existing;
}

function toExisting(raw: RawExisting, topicPaths: Map<number, string>): ExistingCommitment {
  const { deadlineOn, deadlineAmount, deadlineUnit, deadlineFrom, deletedAt: _deletedAt, ...fields } = raw;
  const split = (text: string | null, separator: string) => (text === null ? [] : text.split(separator));
  let deadline: PlannedDeadline = null;
  if (deadlineOn !== null) deadline = { on: deadlineOn };
  else if (deadlineAmount !== null && deadlineUnit !== null && deadlineFrom !== null) {
    deadline = { amount: deadlineAmount, unit: deadlineUnit, from: deadlineFrom };
  }
  return {
    ...fields,
    madeBy: split(raw.madeBy, '\x1f'),
    owedTo: split(raw.owedTo, '\x1f'),
    topics: split(raw.topicIds, ',').flatMap((id) => topicPaths.get(Number(id)) ?? []),
    deadline,
  };
}

/** The parent of each of these live commitments (null when it has none); absent when not live. */
export function liveParents(db: Database, ids: number[]): Map<number, number | null> {
  const rows = statement<[string], { id: number; parentId: number | null }>(
    db,
    `SELECT id, parent_id AS parentId FROM commitment
      WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
  ).all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.id, row.parentId]));
}

/** What identifies a status update when a file is imported again: day, status, party and note. */
export function historyKey(entry: {
  effectiveOn: string;
  status: string;
  party: string | null;
  note: string;
}): string {
  return [
    entry.effectiveOn,
    entry.status.toLowerCase(),
    (entry.party ?? '').toLowerCase(),
    entry.note.trim(),
  ].join('\u0000');
}

/** The history these commitments already have, as keys (undone updates left out, as everywhere). */
export function existingHistory(db: Database, ids: number[]): Map<number, Set<string>> {
  const rows = statement<
    [string],
    { commitmentId: number; effectiveOn: string; status: string; party: string | null; note: string }
  >(
    db,
    `SELECT u.commitment_id AS commitmentId, u.effective_on AS effectiveOn, s.name AS status, p.name AS party, u.note
       FROM status_update u JOIN status s ON s.id = u.status_id LEFT JOIN party p ON p.id = u.party_id
      WHERE u.commitment_id IN (SELECT value FROM json_each(?))
        AND u.id NOT IN (SELECT update_id FROM status_update_retraction)`,
  ).all(JSON.stringify(ids));
  const history = new Map<number, Set<string>>();
  for (const row of rows) {
    const keys = history.get(row.commitmentId) ?? new Set<string>();
    keys.add(historyKey(row));
    history.set(row.commitmentId, keys);
  }
  return history;
}
