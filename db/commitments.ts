// Commitments: the filtered, sorted list (filters in commitment-filter.ts), and one commitment in full.
// Adding one is in commitment-add.ts.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { asOfDay, statusJoins } from './as-of.ts';
import { searchPage } from './commitment-search.ts';
import { deadlineStateSql } from './deadlines.ts';
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
import { statement } from './statements.ts';
import { evidenceOf, historyOf } from './status-updates.ts';
import { filterClause, type CommitmentFilter, type FilterClause } from './commitment-filter.ts';

// electron/bench still imports ftsQuery from here; it is being worked on apart, so the name stays.
export { ftsQuery } from './commitment-filter.ts';

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
