// The dashboard: what needs the analyst's attention on a day, and what changed since the last session.
import type { Database } from 'better-sqlite3';
import { announcedBy, asOfDay, daysBetween, retracted, statusJoins, statusSince } from './as-of.ts';
import { commitmentRows } from './commitments.ts';
import { deadlineStateCondition } from './deadlines.ts';
import { DomainError } from './errors.ts';
import type { Change, CommitmentRow, CountCell, Dashboard, DashboardRow } from '../electron/domain/model.ts';
import { statusRef } from './rollup.ts';
import { getSettings } from './settings.ts';
import { statement } from './statements.ts';

export interface DashboardInput {
  asOf?: string | undefined;
  /** An instant (ISO 8601, UTC): usually when the app was last opened. */
  changesSince?: string | undefined;
}

/** Each list shows at most this many rows: the dashboard points at work, the list holds the rest. */
export const dashboardListLimit = 100;

export function getDashboard(db: Database, input: DashboardInput): Dashboard {
  const day = asOfDay(input.asOf);
  const today = input.asOf === undefined;
  const { staleDays } = getSettings(db);
  // Today, the day the status took effect is kept on the commitment; as of a day, from the history.
  const since = statusSince(!today);
  const columns = { dueOn: 'c.due_on', category: 's.category', since };
  // Today the deadline lists read only an index that holds what they ask of each commitment.
  const byDeadline = today ? 'INDEXED BY commitment_live_by_due' : '';
  const rows = (condition: string, order: string, index: string) =>
    attentionRows(db, { condition, order, index, asOf: input.asOf, staleDays });
  return {
    asOf: day,
    ...statusCounts(db, input.asOf),
    dueSoon: rows(deadlineStateCondition('due_soon', '@asOf', columns), 'c.due_on, c.id', byDeadline),
    // Passed, and the update in force on the day took effect on or before the due date: nothing since.
    overdue: rows(
      `${deadlineStateCondition('passed', '@asOf', columns)} AND (${since} IS NULL OR ${since} <= c.due_on)`,
      'c.due_on, c.id',
      byDeadline,
    ),
    // "Not yet assessed" counts too: a commitment nobody has looked at for months needs a look.
    // As of a day no index narrows it, and reading in table order is fastest.
    stale: rows(
      `s.category = 'open' AND ${since} <= date(@asOf, '-' || @staleDays || ' days')`,
      `${since}, c.id`,
      today ? '' : 'NOT INDEXED',
    ),
    staleDays,
    changes: input.changesSince === undefined ? [] : changesSince(db, input.changesSince),
    changesSince: input.changesSince ?? null,
  };
}

interface AttentionQuery {
  /** Over `c`, `u` and `s` (see statusJoins), with @asOf and @staleDays. */
  condition: string;
  order: string;
  /** How the commitments are read: an INDEXED BY or NOT INDEXED clause, or '' for SQLite's choice. */
  index: string;
  asOf: string | undefined;
  staleDays: number;
}

function attentionRows(db: Database, query: AttentionQuery): DashboardRow[] {
  const day = asOfDay(query.asOf);
  const ids = statement<[{ asOf: string; staleDays: number; limit: number }], { id: number }>(
    db,
    `SELECT c.id FROM commitment c ${query.index}
            ${statusJoins(query.asOf !== undefined)}
      WHERE c.deleted_at IS NULL ${query.asOf === undefined ? '' : `AND ${announcedBy}`}
        AND ${query.condition}
      ORDER BY ${query.order} LIMIT @limit`,
  )
    .all({ asOf: day, staleDays: query.staleDays, limit: dashboardListLimit })
    .map((row) => row.id);
  return commitmentRows(db, ids, query.asOf).map((row) => toDashboardRow(row, day));
}

function toDashboardRow(row: CommitmentRow, day: string): DashboardRow {
  return {
    ...row,
    daysToDue: row.dueOn === null ? null : daysBetween(day, row.dueOn),
    lastUpdateOn: row.statusSince,
    daysSinceUpdate: row.statusSince === null ? null : daysBetween(row.statusSince, day),
  };
}

type CountGroups = Pick<Dashboard, 'statusByTopic' | 'statusByParty'>;

/**
 * Counts by status for each top-level topic (a commitment filed under a subtopic counts for its root,
 * once; one filed under none counts under "(no topic)", last) and for each party that made
 * commitments. Today's come from the tallies kept as the data changes (migration 012); as of a day,
 * from the history.
 */
function statusCounts(db: Database, asOf: string | undefined): CountGroups {
  return asOf === undefined ? keptStatusCounts(db) : historyStatusCounts(db, asOf);
}

function keptStatusCounts(db: Database): CountGroups {
  const tallies = (table: string, key: string) =>
    statement<[], { key: string | number; statusId: number; commitments: number }>(
      db,
      `SELECT ${key} AS key, status_id AS statusId, commitments FROM ${table}
        WHERE status_id <> 0 AND commitments > 0`,
    ).all();
  const topics = statement<[], { id: number; parentId: number | null; name: string }>(
    db,
    'SELECT id, parent_id AS parentId, name FROM topic',
  ).all();
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  const rootOf = (id: number): number => {
    let topic = topicById.get(id);
    for (let depth = 0; topic?.parentId != null && depth < topics.length; depth += 1) {
      topic = topicById.get(topic.parentId);
    }
    return topic?.id ?? id;
  };
  const byTopic = new Tally<number | null>();
  for (const tally of tallies('dashboard_topic_tally', 'topics')) {
    const set = String(tally.key);
    const roots = new Set(set === '' ? [null] : set.split(',').map((id) => rootOf(Number(id))));
    for (const root of roots) byTopic.add(root, tally.statusId, tally.commitments);
  }
  const byParty = new Tally<number>();
  for (const tally of tallies('dashboard_maker_tally', 'party_id')) {
    byParty.add(Number(tally.key), tally.statusId, tally.commitments);
  }
  const partyNames = new Map(
    statement<[], { id: number; name: string }>(db, 'SELECT id, name FROM party')
      .all()
      .map((party) => [party.id, party.name]),
  );
  return {
    statusByTopic: byName(
      byTopic.groups((id) => (id === null ? '(no topic)' : (topicById.get(id)?.name ?? ''))),
    ).map(([topicId, topic, counts]) => ({ topicId, topic, counts })),
    statusByParty: byName(byParty.groups((id) => partyNames.get(id) ?? '')).map(
      ([partyId, party, counts]) => ({
        partyId,
        party,
        counts,
      }),
    ),
  };
}

/** Commitments counted by a key (a topic, a party) and status. */
class Tally<Key> {
  readonly #counts = new Map<Key, Map<number, number>>();

  add(key: Key, statusId: number, count: number): void {
    const counts = this.#counts.get(key) ?? new Map<number, number>();
    counts.set(statusId, (counts.get(statusId) ?? 0) + count);
    this.#counts.set(key, counts);
  }

  groups(nameOf: (key: Key) => string): [Key, string, CountCell[]][] {
    return [...this.#counts].map(([key, counts]) => [
      key,
      nameOf(key),
      [...counts]
        .filter(([, count]) => count > 0)
        .sort(([a], [b]) => a - b)
        .map(([statusId, count]) => ({ statusId, count })),
    ]);
  }
}

/** By name, with the commitments filed under no topic last. */
function byName<Key>(groups: [Key, string, CountCell[]][]): [Key, string, CountCell[]][] {
  return groups
    .filter(([, , counts]) => counts.length > 0)
    .sort(([a, x], [b, y]) => (a === null ? 1 : b === null ? -1 : x.localeCompare(y)));
}

/**
 * As of a day: each commitment announced by then, with the status in force from its history, in one
 * pass. The commitments stay the outer loop (a LEFT JOIN, or CROSS JOIN, which SQLite never reorders),
 * so it reads them in table order and looks up each one's topics and parties by primary key, rather
 * than the other way round through a temporary index.
 */
function historyStatusCounts(db: Database, asOf: string): CountGroups {
  const cells = statement<
    [{ asOf: string }],
    { axis: 'topic' | 'party'; id: number | null; name: string; statusId: number; count: number }
  >(
    db,
    `WITH RECURSIVE root (id, root_id) AS (
       SELECT id, id FROM topic WHERE parent_id IS NULL
       UNION ALL SELECT t.id, root.root_id FROM topic t JOIN root ON t.parent_id = root.id),
     live (id, status_id) AS MATERIALIZED (
       SELECT c.id, s.id FROM commitment c NOT INDEXED ${statusJoins(true)}
        WHERE c.deleted_at IS NULL AND ${announcedBy} AND s.id IS NOT NULL)
     SELECT 'topic' AS axis, r.root_id AS id, coalesce(t.name, '(no topic)') AS name,
            live.status_id AS statusId, count(DISTINCT live.id) AS count
       FROM live LEFT JOIN commitment_topic ct ON ct.commitment_id = live.id
       LEFT JOIN root r ON r.id = ct.topic_id LEFT JOIN topic t ON t.id = r.root_id
      GROUP BY r.root_id, live.status_id
     UNION ALL
     SELECT 'party', cp.party_id, p.name, live.status_id, count(*)
       FROM live CROSS JOIN commitment_party cp ON cp.commitment_id = live.id AND cp.role = 'maker'
       JOIN party p ON p.id = cp.party_id
      GROUP BY cp.party_id, live.status_id`,
  ).all({ asOf: asOfDay(asOf) });
  const tally = (axis: 'topic' | 'party') => {
    const counts = new Tally<number | null>();
    const names = new Map<number | null, string>();
    for (const cell of cells.filter((each) => each.axis === axis)) {
      counts.add(cell.id, cell.statusId, cell.count);
      names.set(cell.id, cell.name);
    }
    return byName(counts.groups((id) => names.get(id) ?? ''));
  };
  return {
    statusByTopic: tally('topic').map(([topicId, topic, counts]) => ({ topicId, topic, counts })),
    statusByParty: tally('party').map(([partyId, party, counts]) => ({
      partyId: partyId ?? 0,
      party,
      counts,
    })),
  };
}

/**
 * New commitments and status updates recorded after `since`, newest first. A new commitment's first
 * status is part of its creation, so it is not listed again as a change of status.
 */
export function changesSince(db: Database, since: string): Change[] {
  const instant = new Date(since);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('invalid_input', `"${since}" is not a moment in time (ISO 8601).`, 'changesSince');
  }
  const rows = statement<
    [{ since: string; limit: number }],
    Omit<Change, 'status'> & {
      statusId: number | null;
      statusName: string | null;
      statusColour: string | null;
      statusCategory: 'open' | 'closed' | null;
    }
  >(
    db,
    // Each side walks its index on the recording time backwards and stops at the limit.
    `SELECT * FROM (
       SELECT c.id AS commitmentId, c.title, 'new' AS kind, s.id AS statusId, s.name AS statusName,
              s.colour AS statusColour, s.category AS statusCategory, c.announced_on AS effectiveOn,
              c.created_at AS recordedAt, 0 AS sequence
         FROM commitment c
         LEFT JOIN status_update u ON u.id = c.current_update_id LEFT JOIN status s ON s.id = u.status_id
        WHERE c.created_at > @since AND c.deleted_at IS NULL
        ORDER BY c.created_at DESC LIMIT @limit)
     UNION ALL
     SELECT * FROM (
       SELECT c.id, c.title, 'status', s.id, s.name, s.colour, s.category, u.effective_on, u.recorded_at, u.id
         FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN status s ON s.id = u.status_id
        WHERE u.recorded_at > @since AND c.deleted_at IS NULL AND NOT ${retracted('u')}
          AND NOT (c.created_at > @since
                   AND u.id = (SELECT min(f.id) FROM status_update f WHERE f.commitment_id = c.id))
        ORDER BY u.recorded_at DESC LIMIT @limit)
     ORDER BY recordedAt DESC, sequence DESC LIMIT @limit`,
  ).all({ since: instant.toISOString(), limit: dashboardListLimit });
  return rows.map((row) => ({
    commitmentId: row.commitmentId,
    title: row.title,
    kind: row.kind,
    status: statusRef(row),
    effectiveOn: row.effectiveOn,
    recordedAt: row.recordedAt,
  }));
}
