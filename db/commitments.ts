// Commitments: the filtered, sorted list, one commitment in full, and adding one.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { announcedBy, asOfDay, statusJoins } from './as-of.ts';
import { partyMatches, searchPage, topicMatches, wordMatches, type Matches } from './commitment-search.ts';
import { deadlineStateCondition, deadlineStateSql } from './deadlines.ts';
import type {
  CommitmentDetail,
  CommitmentKind,
  CommitmentPage,
  CommitmentRow,
  CommitmentSummary,
  DeadlineState,
  DeadlineUnit,
  Party,
  Topic,
} from '../electron/domain/model.ts';
import { relativesOf, rollUp, standingsOf, statusRef, type Relative } from './rollup.ts';
import { requireIds } from './reference.ts';
import { statement } from './statements.ts';
import {
  brokenBeforeDeadline,
  evidenceOf,
  historyOf,
  insertStatusUpdate,
  type NewStatusUpdate,
} from './status-updates.ts';
import { liveCommitment } from './trash.ts';
import { logAction, quoted } from './action-log.ts';

export interface CommitmentFilter {
  dossierId?: number | undefined;
  topicId?: number | undefined;
  partyId?: number | undefined;
  statusId?: number | undefined;
  statusCategory?: 'open' | 'closed' | undefined;
  deadlineState?: DeadlineState | undefined;
  /** Which date dateFrom and dateTo bound, both days included; the due date when left out. */
  dateField?: 'announced_on' | 'due_on' | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  text?: string | undefined;
  /** The state on that day, from history; today when left out. */
  asOf?: string | undefined;
}

export interface ListOptions extends CommitmentFilter {
  sort: 'title' | 'dossier' | 'status' | 'announced_on' | 'due_on' | 'updated';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

interface SortColumn {
  expression: string;
  nullable: boolean;
  needs: 'dossier' | 'status' | null;
}

const sortColumns: Record<ListOptions['sort'], SortColumn> = {
  title: { expression: 'c.title COLLATE NOCASE', nullable: false, needs: null },
  dossier: { expression: 'd.name COLLATE NOCASE', nullable: false, needs: 'dossier' },
  status: { expression: 's.position', nullable: true, needs: 'status' },
  announced_on: { expression: 'c.announced_on', nullable: true, needs: null },
  due_on: { expression: 'c.due_on', nullable: true, needs: null },
  updated: { expression: 'u.effective_on', nullable: true, needs: 'status' },
};

/**
 * Rows without a value sort last whichever the direction; id keeps the order stable. Written so
 * that the indexes of migration 003 serve the default order directly, both ways.
 */
function orderBy(sort: ListOptions['sort'], direction: ListOptions['direction']): string {
  const { expression, nullable } = sortColumns[sort];
  if (direction === 'asc') return `${nullable ? `${expression} IS NULL, ` : ''}${expression}, c.id`;
  return `${nullable ? `${expression} IS NOT NULL DESC, ` : ''}${expression} DESC, c.id DESC`;
}

/** Turns what the analyst typed into an FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export interface FilterClause {
  /** Over `c`, and over `u` and `s` (see statusJoins) when needsStatus; may use @asOf. */
  where: string;
  params: unknown[];
  needsStatus: boolean;
  /** False when only the trash and, in the as-of view, the announcement day narrow the list. */
  narrowed: boolean;
  /**
   * When only the status today (a status, or open or closed) narrows the list, the condition on `s`
   * alone: most commitments may match, so the page is read in index order and the matches are
   * counted apart, from the status index. Null otherwise.
   */
  statusOnly: string | null;
  /**
   * When only words, only a topic or only a party narrows the list (and the day is today), its
   * matches: counted from their own index, and the page may be read down the sort's index
   * (commitment-search.ts). Null otherwise.
   */
  matchesOnly: Matches | null;
}

const dateColumns = { announced_on: 'c.announced_on', due_on: 'c.due_on' } as const;

export function filterClause(filter: CommitmentFilter): FilterClause {
  const conditions = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.asOf !== undefined) add(announcedBy);
  const baseConditions = conditions.length;
  if (filter.dossierId !== undefined) add('c.dossier_id = ?', filter.dossierId);
  if (filter.topicId !== undefined) {
    add(
      `c.id IN (
      WITH RECURSIVE sub (id) AS (SELECT ? UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
      SELECT ct.commitment_id FROM commitment_topic ct WHERE ct.topic_id IN (SELECT id FROM sub))`,
      filter.topicId,
    );
  }
  if (filter.partyId !== undefined) {
    add('c.id IN (SELECT commitment_id FROM commitment_party WHERE party_id = ?)', filter.partyId);
  }
  const linkOnly =
    filter.asOf === undefined && conditions.length === baseConditions + 1 && filter.dossierId === undefined
      ? filter.topicId !== undefined
        ? topicMatches(filter.topicId)
        : partyMatches(filter.partyId!)
      : null;
  const beforeDates = conditions.length;
  const dateColumn = dateColumns[filter.dateField ?? 'due_on'];
  if (filter.dateFrom !== undefined) add(`${dateColumn} >= ?`, filter.dateFrom);
  if (filter.dateTo !== undefined) add(`${dateColumn} <= ?`, filter.dateTo);
  const match = filter.text ? ftsQuery(filter.text) : null;
  const beforeText = conditions.length;
  if (match) add('c.id IN (SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?)', match);
  const statusConditions = conditions.length;
  const onlyText = match !== null && beforeText === baseConditions && filter.asOf === undefined;
  // IS rather than =: the same for a value that is never null, but it keeps the status a LEFT JOIN
  // that SQLite reads per commitment, instead of a join it may turn round to scan every update.
  if (filter.statusId !== undefined) add('s.id IS ?', filter.statusId);
  if (filter.statusCategory !== undefined) add('s.category IS ?', filter.statusCategory);
  const onlyStatus = statusConditions === baseConditions && conditions.length > statusConditions;
  const statusWhere = conditions.slice(statusConditions).join(' AND ');
  if (filter.deadlineState !== undefined) add(deadlineStateCondition(filter.deadlineState, '@asOf'));
  return {
    where: conditions.join(' AND '),
    params,
    needsStatus: conditions.length > statusConditions,
    narrowed: conditions.length > baseConditions,
    statusOnly:
      onlyStatus && filter.deadlineState === undefined && filter.asOf === undefined ? statusWhere : null,
    matchesOnly:
      match !== null && onlyText && conditions.length === statusConditions
        ? wordMatches(match)
        : conditions.length === beforeDates
          ? linkOnly
          : null,
  };
}

const rowColumns = `
  c.id, c.title, c.kind, d.name AS dossier, c.announced_on AS announcedOn, c.due_on AS dueOn,
  u.effective_on AS statusSince, s.id AS statusId, s.name AS statusName, s.colour AS statusColour,
  s.category AS statusCategory, ${deadlineStateSql('@asOf')} AS deadlineState,
  (SELECT group_concat(p.name, char(31)) FROM commitment_party cp JOIN party p ON p.id = cp.party_id
    WHERE cp.commitment_id = c.id AND cp.role = 'maker') AS madeBy,
  (SELECT group_concat(t.name, char(31)) FROM commitment_topic ct JOIN topic t ON t.id = ct.topic_id
    WHERE ct.commitment_id = c.id) AS topics`;

/** The row's joins: its dossier, and its status on the day (see statusJoins). */
function rowJoins(asOf: string | undefined): string {
  return `FROM commitment c JOIN dossier d ON d.id = c.dossier_id ${statusJoins(asOf !== undefined)}`;
}

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
  deadlineState: DeadlineState;
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
    deadlineState: raw.deadlineState,
  };
}

/**
 * One page in two steps: first the ids, sorted and cut to the page with as few joins as the sort
 * and filters need (so indexes can serve the order), then the columns of those rows alone.
 */
export function listCommitments(db: Database, options: ListOptions): CommitmentPage {
  const clause = filterClause(options);
  const named = { asOf: asOfDay(options.asOf) };
  const status = statusJoins(options.asOf !== undefined);
  const { needs } = sortColumns[options.sort];
  const joins = [
    needs === 'dossier' ? 'JOIN dossier d ON d.id = c.dossier_id' : '',
    clause.needsStatus || needs === 'status' ? status : '',
  ].join(' ');
  if (clause.matchesOnly !== null) return matchesOnlyPage(db, options, clause, joins);
  // A filtered list is counted in the same pass that sorts it (every match is read either way);
  // an unfiltered one is counted apart, so that its page can be read from an index in order.
  const countedApart = !clause.narrowed || clause.statusOnly !== null;
  const counted = countedApart ? 'NULL AS total' : 'count(*) OVER () AS total';
  const page = statement<unknown[], { id: number; total: number | null }>(
    db,
    `SELECT c.id, ${counted} FROM commitment c ${joins} WHERE ${clause.where}
      ORDER BY ${orderBy(options.sort, options.direction)} LIMIT ? OFFSET ?`,
  ).all(...clause.params, options.limit, options.offset, named);
  const total = !clause.narrowed
    ? countUnfiltered(db, options.asOf)
    : clause.statusOnly !== null
      ? statement<unknown[], { n: number }>(
          db,
          `SELECT count(*) AS n FROM commitment c INDEXED BY commitment_live_by_status
            WHERE c.deleted_at IS NULL
              AND c.current_status_id IN (SELECT s.id FROM status s WHERE ${clause.statusOnly})`,
        ).get(...clause.params)!.n
      : (page[0]?.total ??
        // A page past the end has no row to carry the count.
        statement<unknown[], { n: number }>(
          db,
          `SELECT count(*) AS n FROM commitment c ${clause.needsStatus ? status : ''} WHERE ${clause.where}`,
        ).get(...clause.params, named)!.n);
  return {
    total,
    rows: commitmentRows(
      db,
      page.map((row) => row.id),
      options.asOf,
    ),
  };
}

/**
 * A page of the list narrowed by words, a topic or a party alone: counted from their own index, and
 * read down the sort's index when many commitments match (see commitment-search.ts), else every
 * match sorted, as any narrowed list is, but not counted again.
 */
function matchesOnlyPage(
  db: Database,
  options: ListOptions,
  clause: FilterClause,
  joins: string,
): CommitmentPage {
  const order = orderBy(options.sort, options.direction);
  const { total, ids } = searchPage(db, options, clause.matchesOnly!, order);
  const page =
    ids ??
    statement<unknown[], [number]>(
      db,
      `SELECT c.id FROM commitment c ${joins} WHERE ${clause.where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
      .raw()
      .all(...clause.params, options.limit, options.offset, { asOf: asOfDay(undefined) })
      .map((row) => row[0]);
  return { total, rows: commitmentRows(db, page, undefined) };
}

/**
 * How many commitments the unfiltered list holds. SQLite counts a whole table from its b-tree pages
 * (a fraction of a millisecond at 1,000,000), but only when the count is a statement of its own: as a
 * subquery it reads an index entry by entry (15 ms at 1,000,000). So the table is counted alone, then
 * the trashed ones taken away (from the trash's index) and, in the as-of view, those announced after
 * the day (from the announcement index).
 */
function countUnfiltered(db: Database, asOf: string | undefined): number {
  const all = statement<[], [number]>(db, 'SELECT count(*) FROM commitment').raw().get()![0];
  const gone = statement<[{ asOf: string | null }], [number]>(
    db,
    `SELECT (SELECT count(*) FROM commitment WHERE deleted_at IS NOT NULL)
          + (SELECT count(*) FROM commitment WHERE announced_on > @asOf AND deleted_at IS NULL)`,
  )
    .raw()
    .get({ asOf: asOf ?? null })![0];
  return all - gone;
}

/** The list rows of these commitments, in the order given, with their state on the day. */
export function commitmentRows(db: Database, ids: number[], asOf: string | undefined): CommitmentRow[] {
  if (ids.length === 0) return [];
  const raws = statement<[{ ids: string; asOf: string }], RawRow>(
    db,
    `SELECT ${rowColumns} ${rowJoins(asOf)} WHERE c.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ids), asOf: asOfDay(asOf) });
  const byId = new Map(raws.map((raw) => [raw.id, toRow(raw)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every commitment matching a filter, in no particular order: for counting and charting a scope. */
export function commitmentIdsUnordered(db: Database, filter: CommitmentFilter): number[] {
  const clause = filterClause(filter);
  return statement<unknown[], [number]>(
    db,
    `SELECT c.id FROM commitment c ${clause.needsStatus ? statusJoins(filter.asOf !== undefined) : ''}
      WHERE ${clause.where}`,
  )
    .raw()
    .all(...clause.params, { asOf: asOfDay(filter.asOf) })
    .map((row) => row[0]);
}

/** Every commitment matching a filter, in a stable order, for reports. */
export function commitmentIds(db: Database, filter: CommitmentFilter): number[] {
  const clause = filterClause(filter);
  return statement<unknown[], { id: number }>(
    db,
    `SELECT c.id FROM commitment c JOIN dossier d ON d.id = c.dossier_id
            ${clause.needsStatus ? statusJoins(filter.asOf !== undefined) : ''}
      WHERE ${clause.where} ORDER BY d.name COLLATE NOCASE, c.id`,
  )
    .all(...clause.params, { asOf: asOfDay(filter.asOf) })
    .map((row) => row.id);
}

type RawDetail = RawRow & {
  summary: string;
  dossierId: number;
  parentId: number | null;
  deadlineOn: string | null;
  deadlineAmount: number | null;
  deadlineUnit: DeadlineUnit | null;
  deadlineFrom: string | null;
  createdAt: string;
};

/** One commitment in full; with `asOf`, its status, history, roll-up and standings on that day. */
export function getCommitment(db: Database, id: number, asOf?: string): CommitmentDetail {
  const raw = statement<[{ id: number; asOf: string }], RawDetail>(
    db,
    `SELECT ${rowColumns}, c.summary, c.dossier_id AS dossierId, c.parent_id AS parentId,
            c.deadline_on AS deadlineOn, c.deadline_amount AS deadlineAmount,
            c.deadline_unit AS deadlineUnit, c.deadline_from AS deadlineFrom, c.created_at AS createdAt
       ${rowJoins(asOf)} WHERE c.id = @id AND c.deleted_at IS NULL`,
  ).get({ id, asOf: asOfDay(asOf) });
  if (!raw) throw new DomainError('not_found', `No commitment has id ${id}.`, 'id');
  const parties = statement<[number], Party & { role: 'maker' | 'owed_to' }>(
    db,
    `SELECT p.id, p.name, p.kind, p.acts_for_id AS actsForId, cp.role
       FROM commitment_party cp JOIN party p ON p.id = cp.party_id
      WHERE cp.commitment_id = ? ORDER BY p.name`,
  ).all(id);
  const madeBy = parties.filter((p) => p.role === 'maker').map(({ role: _role, ...party }) => party);
  const [parent] = raw.parentId === null ? [] : relativesOf(db, 'c.id = @id', raw.parentId, asOf);
  const children = relativesOf(db, 'c.parent_id = @id', id, asOf);
  return {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    kind: raw.kind,
    dossier: { id: raw.dossierId, name: raw.dossier },
    parent: parent ? summary(parent) : null,
    children: children.map(summary),
    madeBy,
    owedTo: parties.filter((p) => p.role === 'owed_to').map(({ role: _role, ...party }) => party),
    topics: topicsOf(db, id),
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
    history: historyOf(db, id, asOf),
    evidence: evidenceOf(db, id),
    createdAt: raw.createdAt,
    deadlineState: raw.deadlineState,
    rollUp: rollUp(children),
    standings: standingsOf(db, id, madeBy, asOf),
  };
}

function summary({ id, title, status }: Relative): CommitmentSummary {
  return { id, title, status };
}

function topicsOf(db: Database, id: number): Topic[] {
  return statement<[number], Topic>(
    db,
    `WITH RECURSIVE tree (id, parent_id, name, path) AS (
       SELECT id, parent_id, name, name FROM topic WHERE parent_id IS NULL
       UNION ALL
       SELECT t.id, t.parent_id, t.name, tree.path || ' › ' || t.name FROM topic t JOIN tree ON t.parent_id = tree.id)
     SELECT tree.id, tree.parent_id AS parentId, tree.name, tree.path FROM tree
      JOIN commitment_topic ct ON ct.topic_id = tree.id WHERE ct.commitment_id = ? ORDER BY tree.path`,
  ).all(id);
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

/**
 * Adds a commitment with its parties, topics and first status, all in one transaction, and logs it
 * for undo. Loading recorded history (firstUpdate.recordedAt set: the sample, imports) is not an
 * action of the analyst's, so it is not logged.
 */
export function insertCommitment(db: Database, input: NewCommitment): number {
  return db.transaction(() => {
    requireIds(db, 'dossier', [input.dossierId], 'dossierId');
    requireIds(db, 'party', input.madeBy, 'madeBy');
    requireIds(db, 'party', input.owedTo, 'owedTo');
    requireIds(db, 'topic', input.topicIds, 'topicIds');
    requireIds(db, 'excerpt', input.excerptIds ?? [], 'excerptIds');
    if (input.parentId !== null) liveCommitment(db, input.parentId, 'parentId');
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
    const loadingHistory = Boolean(input.firstUpdate?.recordedAt);
    const firstStatus =
      input.statusId ??
      statement<[], { id: number }>(
        db,
        'SELECT id FROM status WHERE assessed = 0 ORDER BY position LIMIT 1',
      ).get()?.id;
    if (firstStatus !== undefined) {
      const effectiveOn = input.announcedOn ?? new Date().toISOString().slice(0, 10);
      // The create form has no place for a reason: a broken status before the deadline is recorded after.
      const refusal = loadingHistory ? null : brokenBeforeDeadline(db, id, firstStatus, effectiveOn);
      if (refusal) {
        throw new DomainError(
          'invalid_input',
          `${refusal} Create the commitment first, then record that status with your reason.`,
          'statusId',
        );
      }
      insertStatusUpdate(db, {
        commitmentId: id,
        statusId: firstStatus,
        effectiveOn,
        note: input.firstUpdate?.note ?? '',
        partyId: null,
        excerptId: input.firstUpdate?.excerptId ?? null,
        correctsId: null,
        ...(input.firstUpdate?.recordedAt ? { recordedAt: input.firstUpdate.recordedAt } : {}),
      });
    }
    if (!loadingHistory) logAction(db, `Created ${quoted(input.title)}`, { undo: 'trash', commitmentId: id });
    return id;
  })();
}

export function normaliseDeadline(deadline: NewCommitment['deadline']): {
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
