// Commitments: the filtered, sorted list, one commitment in full, and adding one.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import type {
  CommitmentDetail,
  CommitmentKind,
  CommitmentPage,
  CommitmentRow,
  CommitmentSummary,
  DeadlineUnit,
  Party,
  StatusRef,
  Topic,
} from './model.ts';
import { requireIds } from './reference.ts';
import { statement } from './statements.ts';
import { evidenceOf, historyOf, insertStatusUpdate, type NewStatusUpdate } from './status-updates.ts';

export interface CommitmentFilter {
  dossierId?: number | undefined;
  topicId?: number | undefined;
  partyId?: number | undefined;
  statusId?: number | undefined;
  text?: string | undefined;
}

export interface ListOptions extends CommitmentFilter {
  sort: 'title' | 'dossier' | 'status' | 'announced_on' | 'due_on' | 'updated';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const sortExpressions: Record<ListOptions['sort'], string> = {
  title: 'c.title COLLATE NOCASE',
  dossier: 'd.name COLLATE NOCASE',
  status: 's.position',
  announced_on: 'c.announced_on',
  due_on: 'c.due_on',
  updated: 'u.effective_on',
};

/** Turns what the analyst typed into an FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export function filterClause(filter: CommitmentFilter): { where: string; params: unknown[] } {
  const conditions = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.dossierId !== undefined) {
    conditions.push('c.dossier_id = ?');
    params.push(filter.dossierId);
  }
  if (filter.topicId !== undefined) {
    conditions.push(`c.id IN (
      WITH RECURSIVE sub (id) AS (SELECT ? UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
      SELECT ct.commitment_id FROM commitment_topic ct WHERE ct.topic_id IN (SELECT id FROM sub))`);
    params.push(filter.topicId);
  }
  if (filter.partyId !== undefined) {
    conditions.push('c.id IN (SELECT commitment_id FROM commitment_party WHERE party_id = ?)');
    params.push(filter.partyId);
  }
  if (filter.statusId !== undefined) {
    conditions.push('u.status_id = ?');
    params.push(filter.statusId);
  }
  const match = filter.text ? ftsQuery(filter.text) : null;
  if (match) {
    conditions.push('c.id IN (SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?)');
    params.push(match);
  }
  return { where: conditions.join(' AND '), params };
}

const rowColumns = `
  c.id, c.title, c.kind, d.name AS dossier, c.announced_on AS announcedOn, c.due_on AS dueOn,
  u.effective_on AS statusSince, s.id AS statusId, s.name AS statusName, s.colour AS statusColour,
  s.category AS statusCategory,
  (SELECT group_concat(p.name, char(31)) FROM commitment_party cp JOIN party p ON p.id = cp.party_id
    WHERE cp.commitment_id = c.id AND cp.role = 'maker') AS madeBy,
  (SELECT group_concat(t.name, char(31)) FROM commitment_topic ct JOIN topic t ON t.id = ct.topic_id
    WHERE ct.commitment_id = c.id) AS topics`;

const rowJoins = `
  FROM commitment c
  JOIN dossier d ON d.id = c.dossier_id
  LEFT JOIN status_update u ON u.id = c.current_update_id
  LEFT JOIN status s ON s.id = u.status_id`;

interface RawRow {
  id: number;
  title: string;
  kind: CommitmentKind;
  dossier: string;
  announcedOn: string | null;
  dueOn: string | null;
  statusSince: string | null;
  statusId: number | null;
  statusName: string | null;
  statusColour: string | null;
  statusCategory: 'open' | 'closed' | null;
  madeBy: string | null;
  topics: string | null;
}

function toRow(raw: RawRow): CommitmentRow {
  return {
    id: raw.id,
    title: raw.title,
    kind: raw.kind,
    dossier: raw.dossier,
    announcedOn: raw.announcedOn,
    dueOn: raw.dueOn,
    statusSince: raw.statusSince,
    status: statusRef(raw),
    madeBy: raw.madeBy ? raw.madeBy.split('\x1f') : [],
    topics: raw.topics ? raw.topics.split('\x1f') : [],
  };
}

function statusRef(
  raw: Pick<RawRow, 'statusId' | 'statusName' | 'statusColour' | 'statusCategory'>,
): StatusRef | null {
  if (raw.statusId === null) return null;
  return {
    id: raw.statusId,
    name: raw.statusName ?? '',
    colour: raw.statusColour ?? '#6b7280',
    category: raw.statusCategory ?? 'open',
  };
}

export function listCommitments(db: Database, options: ListOptions): CommitmentPage {
  const { where, params } = filterClause(options);
  const direction = options.direction === 'desc' ? 'DESC' : 'ASC';
  // Rows without a value sort last whichever the direction; id keeps the order stable.
  const order = `${sortExpressions[options.sort]} IS NULL, ${sortExpressions[options.sort]} ${direction}, c.id ${direction}`;
  const total = statement<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n ${rowJoins} WHERE ${where}`,
  ).get(...params)!.n;
  const rows = statement<unknown[], RawRow>(
    db,
    `SELECT ${rowColumns} ${rowJoins} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
  )
    .all(...params, options.limit, options.offset)
    .map(toRow);
  return { total, rows };
}

/** Every commitment matching a filter, in a stable order, for reports. */
export function commitmentIds(db: Database, filter: CommitmentFilter): number[] {
  const { where, params } = filterClause(filter);
  return statement<unknown[], { id: number }>(
    db,
    `SELECT c.id ${rowJoins} WHERE ${where} ORDER BY d.name COLLATE NOCASE, c.id`,
  )
    .all(...params)
    .map((row) => row.id);
}

function summaryOf(db: Database, where: string, param: number): CommitmentSummary[] {
  return statement<[number], RawRow>(
    db,
    `SELECT ${rowColumns} ${rowJoins} WHERE ${where} AND c.deleted_at IS NULL ORDER BY c.id`,
  )
    .all(param)
    .map((raw) => ({ id: raw.id, title: raw.title, status: statusRef(raw) }));
}

export function getCommitment(db: Database, id: number): CommitmentDetail {
  const raw = statement<
    [number],
    RawRow & {
      summary: string;
      dossierId: number;
      parentId: number | null;
      deadlineOn: string | null;
      deadlineAmount: number | null;
      deadlineUnit: DeadlineUnit | null;
      deadlineFrom: string | null;
      createdAt: string;
    }
  >(
    db,
    `SELECT ${rowColumns}, c.summary, c.dossier_id AS dossierId, c.parent_id AS parentId,
            c.deadline_on AS deadlineOn, c.deadline_amount AS deadlineAmount,
            c.deadline_unit AS deadlineUnit, c.deadline_from AS deadlineFrom, c.created_at AS createdAt
       ${rowJoins} WHERE c.id = ? AND c.deleted_at IS NULL`,
  ).get(id);
  if (!raw) throw new DomainError('not_found', `No commitment has id ${id}.`, 'id');
  const parties = statement<[number], Party & { role: 'maker' | 'owed_to' }>(
    db,
    `SELECT p.id, p.name, p.kind, p.acts_for_id AS actsForId, cp.role
       FROM commitment_party cp JOIN party p ON p.id = cp.party_id
      WHERE cp.commitment_id = ? ORDER BY p.name`,
  ).all(id);
  const topics = statement<[number], Topic>(
    db,
    `WITH RECURSIVE tree (id, parent_id, name, path) AS (
       SELECT id, parent_id, name, name FROM topic WHERE parent_id IS NULL
       UNION ALL
       SELECT t.id, t.parent_id, t.name, tree.path || ' › ' || t.name FROM topic t JOIN tree ON t.parent_id = tree.id)
     SELECT tree.id, tree.parent_id AS parentId, tree.name, tree.path FROM tree
      JOIN commitment_topic ct ON ct.topic_id = tree.id WHERE ct.commitment_id = ? ORDER BY tree.path`,
  ).all(id);
  const [parent] = raw.parentId === null ? [] : summaryOf(db, 'c.id = ?', raw.parentId);
  return {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    kind: raw.kind,
    dossier: { id: raw.dossierId, name: raw.dossier },
    parent: parent ?? null,
    children: summaryOf(db, 'c.parent_id = ?', id),
    madeBy: parties.filter((p) => p.role === 'maker').map(({ role: _role, ...party }) => party),
    owedTo: parties.filter((p) => p.role === 'owed_to').map(({ role: _role, ...party }) => party),
    topics,
    announcedOn: raw.announcedOn,
    deadline: {
      on: raw.deadlineOn,
      amount: raw.deadlineAmount,
      unit: raw.deadlineUnit,
      from: raw.deadlineFrom,
      dueOn: raw.dueOn,
    },
    status: statusRef(raw),
    statusSince: raw.statusSince,
    history: historyOf(db, id),
    evidence: evidenceOf(db, id),
    createdAt: raw.createdAt,
  };
}

export interface NewCommitment {
  dossierId: number;
  title: string;
  summary: string;
  kind: CommitmentKind;
  parentId: number | null;
  madeBy: number[];
  owedTo: number[];
  topicIds: number[];
  announcedOn: string | null;
  deadline:
    { on: string } | { amount: number; unit: 'days' | 'weeks' | 'months' | 'years'; from: string } | null;
  /** The first status; "not yet assessed" when left out. */
  statusId?: number | undefined;
  /** Note, evidence and recording time of that first status, when loading recorded history. */
  firstUpdate?: Partial<Pick<NewStatusUpdate, 'note' | 'excerptId' | 'recordedAt'>>;
  excerptIds?: number[];
}

/** Adds a commitment with its parties, topics and first status, all in one transaction. */
export function insertCommitment(db: Database, input: NewCommitment): number {
  return db.transaction(() => {
    requireIds(db, 'dossier', [input.dossierId], 'dossierId');
    requireIds(db, 'party', input.madeBy, 'madeBy');
    requireIds(db, 'party', input.owedTo, 'owedTo');
    requireIds(db, 'topic', input.topicIds, 'topicIds');
    if (input.parentId !== null) requireIds(db, 'commitment', [input.parentId], 'parentId');
    const deadline = normaliseDeadline(input.deadline);
    const id = Number(
      statement(
        db,
        `INSERT INTO commitment (dossier_id, parent_id, title, summary, kind, announced_on,
                                 deadline_on, deadline_amount, deadline_unit, deadline_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.dossierId,
        input.parentId,
        input.title,
        input.summary,
        input.kind,
        input.announcedOn,
        deadline.on,
        deadline.amount,
        deadline.unit,
        deadline.from,
      ).lastInsertRowid,
    );
    const addParty = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
    for (const party of input.madeBy) addParty.run(id, party, 'maker');
    for (const party of input.owedTo) addParty.run(id, party, 'owed_to');
    const addTopic = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
    for (const topic of input.topicIds) addTopic.run(id, topic);
    const addExcerpt = statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)');
    for (const excerpt of input.excerptIds ?? []) addExcerpt.run(id, excerpt);
    const firstStatus =
      input.statusId ??
      statement<[], { id: number }>(
        db,
        'SELECT id FROM status WHERE assessed = 0 ORDER BY position LIMIT 1',
      ).get()?.id;
    if (firstStatus !== undefined) {
      insertStatusUpdate(db, {
        commitmentId: id,
        statusId: firstStatus,
        effectiveOn: input.announcedOn ?? new Date().toISOString().slice(0, 10),
        note: input.firstUpdate?.note ?? '',
        partyId: null,
        excerptId: input.firstUpdate?.excerptId ?? null,
        correctsId: null,
        ...(input.firstUpdate?.recordedAt ? { recordedAt: input.firstUpdate.recordedAt } : {}),
      });
    }
    return id;
  })();
}

function normaliseDeadline(deadline: NewCommitment['deadline']): {
  on: string | null;
  amount: number | null;
  unit: DeadlineUnit | null;
  from: string | null;
} {
  if (deadline === null) return { on: null, amount: null, unit: null, from: null };
  if ('on' in deadline) return { on: deadline.on, amount: null, unit: null, from: null };
  // SQLite's date arithmetic knows days, months and years; a week is seven days.
  if (deadline.unit === 'weeks')
    return { on: null, amount: deadline.amount * 7, unit: 'days', from: deadline.from };
  return { on: null, amount: deadline.amount, unit: deadline.unit, from: deadline.from };
}
