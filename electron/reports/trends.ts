// Trends from history, for a scope: how many commitments stood in each status at the end of each month
// (or week), each party's mean compliance score at those days, and the deadlines on a timeline. One
// pass over the scope's history, however many periods: each commitment's updates are walked once
// against the period ends, in the order every machine agrees on (effective day, recorded, uid).
import type { Database } from 'better-sqlite3';
import { asOfDay } from '../../db/as-of.ts';
import { commitmentIds, commitmentRows, type CommitmentFilter } from '../../db/commitments.ts';
import { statement } from '../../db/statements.ts';

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

export function trendsOf(db: Database, scope: CommitmentFilter, interval: TrendInterval = 'month'): Trends {
  const asOf = asOfDay(scope.asOf);
  const ids = commitmentIds(db, scope);
  const statuses = statement<
    [],
    { id: number; name: string; colour: string; score: number | null; assessed: number }
  >(db, 'SELECT id, name, colour, score, assessed FROM status ORDER BY position, id').all();
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const scoped = JSON.stringify(ids);
  // Whole-commitment and party updates alike, in the order that decides which one is in force.
  const updates = statement<
    [string, string],
    { commitmentId: number; partyId: number | null; day: string; statusId: number }
  >(
    db,
    `SELECT u.commitment_id AS commitmentId, u.party_id AS partyId, u.effective_on AS day, u.status_id AS statusId
       FROM status_update u
      WHERE u.commitment_id IN (SELECT value FROM json_each(?)) AND u.effective_on <= ?
        AND NOT EXISTS (SELECT 1 FROM status_update_retraction r WHERE r.update_id = u.id)
      ORDER BY u.commitment_id, u.effective_on, u.recorded_at, u.uid`,
  ).all(scoped, asOf);
  const makers = statement<[string], { commitmentId: number; partyId: number; party: string }>(
    db,
    `SELECT cp.commitment_id AS commitmentId, p.id AS partyId, p.name AS party
       FROM commitment_party cp JOIN party p ON p.id = cp.party_id
      WHERE cp.role = 'maker' AND cp.commitment_id IN (SELECT value FROM json_each(?))`,
  ).all(scoped);

  const whole = new Map<number, Step[]>();
  const own = new Map<string, Step[]>();
  for (const update of updates) {
    const step = { day: update.day, statusId: update.statusId };
    if (update.partyId === null) {
      const steps = whole.get(update.commitmentId) ?? [];
      steps.push(step);
      whole.set(update.commitmentId, steps);
    } else {
      const key = `${update.commitmentId}:${update.partyId}`;
      const steps = own.get(key) ?? [];
      steps.push(step);
      own.set(key, steps);
    }
  }
  const first = updates.reduce((earliest, update) => (update.day < earliest ? update.day : earliest), asOf);
  const periods = periodEnds(first, asOf, interval);

  /** The status in force at each period end, walking the steps once. */
  const inForce = (steps: Step[] | undefined): (number | null)[] => {
    const result: (number | null)[] = [];
    let index = 0;
    let current: number | null = null;
    for (const end of periods) {
      while (steps && index < steps.length && steps[index]!.day <= end) current = steps[index++]!.statusId;
      result.push(current);
    }
    return result;
  };

  const counts = periods.map(() => new Map<number, number>());
  const wholeInForce = new Map<number, (number | null)[]>();
  for (const id of ids) {
    const series = inForce(whole.get(id));
    wholeInForce.set(id, series);
    series.forEach((statusId, index) => {
      if (statusId !== null) counts[index]!.set(statusId, (counts[index]!.get(statusId) ?? 0) + 1);
    });
  }

  const parties = new Map<string, { sum: number[]; scored: number[]; total: number[] }>();
  for (const maker of makers) {
    const totals = parties.get(maker.party) ?? {
      sum: periods.map(() => 0),
      scored: periods.map(() => 0),
      total: periods.map(() => 0),
    };
    parties.set(maker.party, totals);
    const ownSeries = inForce(own.get(`${maker.commitmentId}:${maker.partyId}`));
    const fallback = wholeInForce.get(maker.commitmentId) ?? [];
    ownSeries.forEach((ownStatus, index) => {
      const statusId = ownStatus ?? fallback[index] ?? null;
      if (statusId === null) return;
      totals.total[index]! += 1;
      const status = statusById.get(statusId);
      if (status && status.assessed === 1 && status.score !== null) {
        totals.sum[index]! += status.score;
        totals.scored[index]! += 1;
      }
    });
  }

  const rows = commitmentRows(db, ids, scope.asOf).filter((row) => row.dueOn !== null);
  const announced = statement<[string], { id: number; announcedOn: string | null; createdOn: string }>(
    db,
    `SELECT id, announced_on AS announcedOn, substr(created_at, 1, 10) AS createdOn
       FROM commitment WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(rows.map((row) => row.id)));
  const startOf = new Map(announced.map((row) => [row.id, row.announcedOn ?? row.createdOn]));
  // The nearest to the day first: what is coming and what just passed matter most.
  const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(asOf));
  const nearest = [...rows].sort((a, b) => distance(a.dueOn!) - distance(b.dueOn!)).slice(0, maxDeadlines);

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
    deadlines: nearest
      .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!))
      .map((row) => ({
        id: row.id,
        title: row.title,
        from: [startOf.get(row.id) ?? row.dueOn!, row.dueOn!].sort()[0]!,
        dueOn: row.dueOn!,
        status: row.status?.name ?? 'no status',
        colour: row.status?.colour ?? '#9ca3af',
      })),
    deadlineTotal: rows.length,
  };
}
