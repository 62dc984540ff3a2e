// Trends from history, for a scope: how many commitments stood in each status at the end of each month
// (or week), each party's mean compliance score at those days, and the deadlines on a timeline. One
// pass over the scope's history, however many periods: each commitment's updates are walked once
// against the period ends, in the order every machine agrees on (effective day, recorded, uid).
import type { Database } from 'better-sqlite3';
import { asOfDay } from '../../db/as-of.ts';
import { commitmentIdsUnordered, commitmentRows } from '../../db/commitments.ts';
import { keptUntilDataChanges } from '../../db/kept.ts';
import { statement } from '../../db/statements.ts';
import type { CommitmentFilter } from '../../db/commitment-filter.ts';

export type TrendInterval = 'month' | 'week';

export interface StatusInPeriod {
  /** The last day of the period (or the as-of day, for the period it falls in). */
  period: string;
  status: string;
  colour: string;
  count: number;
}

export interface PartyMeanInPeriod {
  period: string;
  party: string;
  /** Mean score (−1 to +1) of the party's assessed, scored commitments; null when it has none. */
  mean: number | null;
  /** How many of its commitments carried a score that day. */
  scored: number;
  /** How many of its commitments existed (had any status) that day. */
  total: number;
}

export interface DeadlineSpan {
  id: number;
  title: string;
  /** When it was announced (or its first status, when the announcement is not recorded). */
  from: string;
  dueOn: string;
  status: string;
  colour: string;
}

export interface Trends {
  asOf: string;
  /** True when the day is today, not a day chosen in the past. */
  isToday: boolean;
  interval: TrendInterval;
  periods: string[];
  /** The statuses in the vocabulary's order, with their colours, for a legend that never reorders. */
  statuses: { name: string; colour: string }[];
  statusCounts: StatusInPeriod[];
  partyMeans: PartyMeanInPeriod[];
  deadlines: DeadlineSpan[];
  /** Commitments with a due date in the scope; `deadlines` shows the ones nearest the day. */
  deadlineTotal: number;
}

/** At most this many periods: five years of months, two years of weeks. */
const maxPeriods: Record<TrendInterval, number> = { month: 60, week: 104 };
const maxDeadlines = 30;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function endOfMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Sunday ends a week (ISO weeks run Monday to Sunday). */
function endOfWeek(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (7 - weekday) % 7);
}

/** The period ends from the one holding `first` to the one holding `last`, the last one cut at `last`. */
export function periodEnds(first: string, last: string, interval: TrendInterval): string[] {
  const end = interval === 'month' ? endOfMonth : endOfWeek;
  const ends: string[] = [];
  for (let day = end(first); day < last; day = end(addDays(day, 1))) ends.push(day);
  ends.push(last);
  return ends.slice(-maxPeriods[interval]);
}

interface Step {
  day: string;
  statusId: number;
}

/**
 * The trends of a scope, worked out again only when the data changed: at Large a whole history is a
 * million updates, and the dashboard asks each time it is shown.
 */
export function trendsOf(db: Database, scope: CommitmentFilter, interval: TrendInterval = 'month'): Trends {
  return keptUntilDataChanges(db, `trends|${interval}|${asOfDay(scope.asOf)}|${JSON.stringify(scope)}`, () =>
    trendsFromHistory(db, scope, interval),
  );
}

/** The trends worked out from the history itself, every time (trendsOf keeps them). */
export function trendsFromHistory(db: Database, scope: CommitmentFilter, interval: TrendInterval): Trends {
  const asOf = asOfDay(scope.asOf);
  const ids = commitmentIdsUnordered(db, scope);
  const statuses = statement<
    [],
    { id: number; name: string; colour: string; score: number | null; assessed: number }
  >(db, 'SELECT id, name, colour, score, assessed FROM status ORDER BY position, id').all();
  const scoreOf = new Map(
    statuses.filter((status) => status.assessed === 1 && status.score !== null).map((s) => [s.id, s.score!]),
  );
  const scoped = JSON.stringify(ids);
  const inScope = 'u.commitment_id IN (SELECT value FROM json_each(@ids)) AND u.effective_on <= @asOf';
  const first =
    statement<[{ ids: string; asOf: string }], { first: string | null }>(
      db,
      `SELECT min(u.effective_on) AS first FROM status_update u WHERE ${inScope}`,
    ).get({ ids: scoped, asOf })!.first ?? asOf;
  const periods = periodEnds(first, asOf, interval);

  const makers = new Map<number, { partyId: number; party: string }[]>();
  for (const maker of statement<[string], { commitmentId: number; partyId: number; party: string }>(
    db,
    `SELECT cp.commitment_id AS commitmentId, p.id AS partyId, p.name AS party
       FROM commitment_party cp JOIN party p ON p.id = cp.party_id
      WHERE cp.role = 'maker' AND cp.commitment_id IN (SELECT value FROM json_each(?))`,
  ).iterate(scoped)) {
    const list = makers.get(maker.commitmentId) ?? [];
    list.push({ partyId: maker.partyId, party: maker.party });
    makers.set(maker.commitmentId, list);
  }

  const counts = periods.map(() => new Map<number, number>());
  const parties = new Map<string, { sum: number[]; scored: number[]; total: number[] }>();
  const totalsOf = (party: string) => {
    let totals = parties.get(party);
    if (!totals) {
      totals = { sum: periods.map(() => 0), scored: periods.map(() => 0), total: periods.map(() => 0) };
      parties.set(party, totals);
    }
    return totals;
  };
  for (const maker of [...makers.values()].flat()) totalsOf(maker.party);

  /** The status in force at each period end, walking the steps (in order) once. */
  const inForce = (steps: Step[]): (number | null)[] => {
    const result: (number | null)[] = [];
    let index = 0;
    let current: number | null = null;
    for (const end of periods) {
      while (index < steps.length && steps[index]!.day <= end) current = steps[index++]!.statusId;
      result.push(current);
    }
    return result;
  };

  /** One commitment's history, whole and per party, into the counts and each maker's score. */
  const settle = (commitmentId: number, whole: Step[], own: Map<number, Step[]>) => {
    const series = inForce(whole);
    series.forEach((statusId, index) => {
      if (statusId !== null) counts[index]!.set(statusId, (counts[index]!.get(statusId) ?? 0) + 1);
    });
    for (const maker of makers.get(commitmentId) ?? []) {
      const totals = totalsOf(maker.party);
      const mine = own.get(maker.partyId);
      const effective = mine ? inForce(mine).map((statusId, index) => statusId ?? series[index]!) : series;
      effective.forEach((statusId, index) => {
        if (statusId === null) return;
        totals.total[index]! += 1;
        const score = scoreOf.get(statusId);
        if (score !== undefined) {
          totals.sum[index]! += score;
          totals.scored[index]! += 1;
        }
      });
    }
  };

  // Whole-commitment and party updates alike, in the order that decides which one is in force: the
  // order of the history index, so SQLite reads it without sorting; streamed, one commitment at a time.
  let current: number | null = null;
  let whole: Step[] = [];
  let own = new Map<number, Step[]>();
  for (const [commitmentId, partyId, day, statusId] of statement<
    [{ ids: string; asOf: string }],
    [number, number | null, string, number]
  >(
    db,
    `SELECT u.commitment_id, u.party_id, u.effective_on, u.status_id FROM status_update u
      WHERE ${inScope} AND NOT EXISTS (SELECT 1 FROM status_update_retraction r WHERE r.update_id = u.id)
      ORDER BY u.commitment_id, u.party_id, u.effective_on, u.recorded_at, u.uid`,
  )
    .raw()
    .iterate({ ids: scoped, asOf })) {
    if (commitmentId !== current) {
      if (current !== null) settle(current, whole, own);
      [current, whole, own] = [commitmentId, [], new Map()];
    }
    if (partyId === null) whole.push({ day, statusId });
    else own.set(partyId, [...(own.get(partyId) ?? []), { day, statusId }]);
  }
  if (current !== null) settle(current, whole, own);

  // The deadlines nearest the day: what is coming and what just passed matter most.
  const dated = `FROM commitment c WHERE c.due_on IS NOT NULL AND c.id IN (SELECT value FROM json_each(@ids))`;
  const deadlineTotal = statement<[{ ids: string }], { n: number }>(db, `SELECT count(*) AS n ${dated}`).get({
    ids: scoped,
  })!.n;
  const nearestIds = statement<[{ ids: string; asOf: string; limit: number }], { id: number }>(
    db,
    `SELECT c.id ${dated} ORDER BY abs(julianday(c.due_on) - julianday(@asOf)), c.id LIMIT @limit`,
  )
    .all({ ids: scoped, asOf, limit: maxDeadlines })
    .map((row) => row.id);
  const rows = commitmentRows(db, nearestIds, scope.asOf);
  const announced = statement<[string], { id: number; announcedOn: string | null; createdOn: string }>(
    db,
    `SELECT id, announced_on AS announcedOn, substr(created_at, 1, 10) AS createdOn
       FROM commitment WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(nearestIds));
  const startOf = new Map(announced.map((row) => [row.id, row.announcedOn ?? row.createdOn]));

  return {
    asOf,
    isToday: scope.asOf === undefined,
    interval,
    periods,
    statuses: statuses.map(({ name, colour }) => ({ name, colour })),
    statusCounts: periods.flatMap((period, index) =>
      statuses
        .filter((status) => counts[index]!.has(status.id))
        .map((status) => ({
          period,
          status: status.name,
          colour: status.colour,
          count: counts[index]!.get(status.id)!,
        })),
    ),
    partyMeans: [...parties.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([party, totals]) =>
        periods.map((period, index) => ({
          period,
          party,
          mean: totals.scored[index]! > 0 ? totals.sum[index]! / totals.scored[index]! : null,
          scored: totals.scored[index]!,
          total: totals.total[index]!,
        })),
      ),
    deadlines: rows
      .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!))
      .map((row) => ({
        id: row.id,
        title: row.title,
        from: [startOf.get(row.id) ?? row.dueOn!, row.dueOn!].sort()[0]!,
        dueOn: row.dueOn!,
        status: row.status?.name ?? 'no status',
        colour: row.status?.colour ?? '#9ca3af',
      })),
    deadlineTotal,
  };
}
