// The compliance scorecard: commitments as rows, the parties that made them as columns, each cell the
// party's own status in force on the day (else the commitment's whole status) with its score; the
// mean and percentage per party, per commitment, per topic and overall; and, compared with an
// earlier day, the cells that changed and each party's change in mean. Built once, rendered per format.
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import { DomainError } from '../../db/errors.ts';
import type { Status, StatusRef } from '../../db/model.ts';
import { listReference } from '../../db/reference.ts';
import { dataThrough, type ReportScope } from './model.ts';
import { cellRows, type CellRow } from './scorecard-query.ts';
import { cellKind, meanChange, Tallier, type CellKind, type Score, type Tally } from './scorecard-tally.ts';
import { describeScope, type ScopeTerm } from './scope-terms.ts';

export interface ScorecardRequest {
  /** The list's filters; `asOf` is the scorecard's day (today when left out). */
  scope: ReportScope;
  /** An earlier day to compare with (the interim assessment); YYYY-MM-DD. */
  compare?: string | undefined;
}

export interface ScorecardCell {
  partyId: number;
  party: string;
  /** The status in force on the day; null when none had taken effect. */
  status: StatusRef | null;
  score: Score | null;
  kind: CellKind;
  /** True when the party has a status of its own; false when the cell falls back to the commitment's. */
  own: boolean;
  /** The day the status took effect. */
  since: string | null;
  /** The status update behind the cell: getScorecardCell gives its note and evidence. */
  updateId: number | null;
}

export interface ScorecardRow extends Tally {
  id: number;
  title: string;
  /** The topic the row is grouped under: its first topic by path, or "No topic". */
  topic: string;
  /** The commitment's whole status on the day, and the update it comes from. */
  status: StatusRef | null;
  score: Score | null;
  kind: CellKind;
  updateId: number | null;
  /** One per maker, in the order of `parties`; empty when no party made it (then the row counts its whole status). */
  cells: ScorecardCell[];
}

export interface ScorecardParty extends Tally {
  id: number;
  name: string;
}

export interface ScorecardTopic extends Tally {
  topic: string;
}

export interface CellState {
  status: StatusRef | null;
  score: Score | null;
  kind: CellKind;
  own: boolean;
}

export interface CellChange {
  commitmentId: number;
  title: string;
  partyId: number;
  party: string;
  from: CellState;
  to: CellState;
}

export interface PartyChange {
  partyId: number;
  party: string;
  /** The party's figures on the earlier day, over the same commitments. */
  before: Tally;
  after: Tally;
  /** after.mean − before.mean; null when either is null. */
  meanChange: number | null;
}

export interface ScorecardChanges {
  /** The earlier day. */
  comparedWith: string;
  parties: PartyChange[];
  overall: { before: Tally; after: Tally; meanChange: number | null };
  /** The cells whose status differs between the two days. */
  cells: CellChange[];
}

export interface Scorecard {
  generatedAt: string;
  /** The day asked for, or null for today. */
  asOf: string | null;
  /** The day the scorecard describes: asOf, or the day it was made. */
  day: string;
  dataThrough: string | null;
  scope: ReportScope;
  scopeTerms: ScopeTerm[];
  title: string;
  /** The makers of the commitments in scope, by name: the columns. */
  parties: ScorecardParty[];
  /** How many commitments the scope holds: every figure counts them all. */
  commitmentCount: number;
  /** In id order: all of them, or one page of them (scorecardPage). */
  commitments: ScorecardRow[];
  /** By topic path, "No topic" last; each commitment counted under the topic it is grouped under. */
  topics: ScorecardTopic[];
  overall: Tally;
  /** The statuses and their scores, as the vocabulary gives them: the key to the scores. */
  statuses: Status[];
  changes: ScorecardChanges | null;
}

export const scorecardTitle = 'Compliance scorecard';

/** Refuses a comparison that is not with an earlier day, naming the field. */
function checkCompare(compare: string | undefined, day: string): void {
  if (compare !== undefined && compare >= day) {
    throw new DomainError(
      'invalid_input',
      `A scorecard of ${day} can only be compared with an earlier day, not ${compare}.`,
      'compare',
    );
  }
}

/**
 * What the walk looks up, made once per scorecard: a cell's state is one of a few per status (shared
 * by every cell in that state, never copied), and a commitment's topic one per set of topics.
 */
interface Lookups {
  parties: Map<number, string>;
  states: Map<number | null, { own: CellState; fallback: CellState }>;
  topicPaths: Map<number, string>;
  topics: Map<string | null, string>;
}

function statusRefOf(status: Status | undefined): StatusRef | null {
  return status
    ? { id: status.id, name: status.name, colour: status.colour, category: status.category }
    : null;
}

function statesOf(statuses: Status[]): Lookups['states'] {
  const states: Lookups['states'] = new Map();
  for (const status of [undefined, ...statuses]) {
    const state = {
      status: statusRefOf(status),
      score: status?.score ?? null,
      kind: cellKind(status ?? null),
    };
    states.set(status?.id ?? null, { own: { ...state, own: true }, fallback: { ...state, own: false } });
  }
  return states;
}

function stateOf(lookups: Lookups, statusId: number | null, own: boolean): CellState {
  const states = lookups.states.get(statusId) ?? lookups.states.get(null)!;
  return own ? states.own : states.fallback;
}

function topicOf(lookups: Lookups, topicIds: string | null): string {
  let topic = lookups.topics.get(topicIds);
  if (topic === undefined) {
    const paths = (topicIds ?? '')
      .split(',')
      .filter(Boolean)
      .map((id) => lookups.topicPaths.get(Number(id)) ?? '')
      .sort((a, b) => a.localeCompare(b));
    topic = paths[0] || 'No topic';
    lookups.topics.set(topicIds, topic);
  }
  return topic;
}

/** Talliers kept by key, made on first use. */
class Talliers<Key> {
  readonly byKey = new Map<Key, Tallier>();
  of(key: Key): Tallier {
    let tallier = this.byKey.get(key);
    if (!tallier) this.byKey.set(key, (tallier = new Tallier()));
    return tallier;
  }
}

/** Everything counted in the one walk over the rows. */
interface Counts {
  parties: Talliers<number>;
  earlierParties: Talliers<number>;
  topics: Talliers<string>;
  overall: Tallier;
  earlierOverall: Tallier;
  changes: CellChange[];
}

function newCounts(): Counts {
  return {
    parties: new Talliers(),
    earlierParties: new Talliers(),
    topics: new Talliers(),
    overall: new Tallier(),
    earlierOverall: new Tallier(),
    changes: [],
  };
}

/** The cell on the earlier day: counted for the party then, and listed when its status differs. */
function compareCell(
  row: CellRow,
  earlierWhole: CellState,
  now: CellState,
  lookups: Lookups,
  counts: Counts,
): void {
  const [id, title, , , , , partyId, , , , , , earlierOwnId, earlierOwnStatus] = row;
  const earlier =
    earlierOwnId !== null && earlierOwnId !== undefined
      ? stateOf(lookups, earlierOwnStatus ?? null, true)
      : earlierWhole;
  counts.earlierParties.of(partyId!).add(earlier.kind, earlier.score);
  counts.earlierOverall.add(earlier.kind, earlier.score);
  if ((earlier.status?.id ?? null) === (now.status?.id ?? null)) return;
  counts.changes.push({
    commitmentId: id,
    title,
    partyId: partyId!,
    party: lookups.parties.get(partyId!) ?? `#${partyId}`,
    from: earlier,
    to: now,
  });
}

/** One commitment from its rows `rows[start..end)` (one per maker), counted into `counts`. */
function commitmentRow(
  rows: CellRow[],
  start: number,
  end: number,
  lookups: Lookups,
  counts: Counts,
  compared: boolean,
): ScorecardRow {
  const [id, title, topicIds, wholeUpdateId, wholeStatusId, wholeSince] = rows[start]!;
  const whole = stateOf(lookups, wholeStatusId, false);
  const earlierWhole = compared ? stateOf(lookups, rows[start]![11] ?? null, false) : null;
  const topic = topicOf(lookups, topicIds);
  const topicTally = counts.topics.of(topic);
  const row = new Tallier();
  const cells: ScorecardCell[] = [];
  for (let index = start; index < end; index += 1) {
    const [, , , , , , partyId, ownUpdateId, ownStatusId, ownSince] = rows[index]!;
    if (partyId === null) continue;
    const own = ownUpdateId !== null;
    const state = own ? stateOf(lookups, ownStatusId, true) : whole;
    cells.push({
      partyId,
      party: lookups.parties.get(partyId) ?? `#${partyId}`,
      status: state.status,
      score: state.score,
      kind: state.kind,
      own,
      since: own ? ownSince : wholeSince,
      updateId: own ? ownUpdateId : wholeUpdateId,
    });
    row.add(state.kind, state.score);
    counts.parties.of(partyId).add(state.kind, state.score);
    topicTally.add(state.kind, state.score);
    counts.overall.add(state.kind, state.score);
    if (earlierWhole) compareCell(rows[index]!, earlierWhole, state, lookups, counts);
  }
  // A commitment no party made counts once, by its whole status, in its row, its topic and overall.
  if (cells.length === 0) {
    for (const tallier of [row, counts.topics.of(topic), counts.overall])
      tallier.add(whole.kind, whole.score);
    if (earlierWhole) counts.earlierOverall.add(earlierWhole.kind, earlierWhole.score);
  }
  return {
    id,
    title,
    topic,
    status: whole.status,
    score: whole.score,
    kind: whole.kind,
    updateId: wholeUpdateId,
    cells,
    ...row.tally(),
  };
}

/** The rows come ordered by commitment: each run of one commitment's rows makes one scorecard row. */
function walk(
  rows: CellRow[],
  lookups: Lookups,
  compared: boolean,
): { rows: ScorecardRow[]; counts: Counts } {
  const counts = newCounts();
  const result: ScorecardRow[] = [];
  for (let start = 0; start < rows.length;) {
    let end = start + 1;
    while (end < rows.length && rows[end]![0] === rows[start]![0]) end += 1;
    result.push(commitmentRow(rows, start, end, lookups, counts, compared));
    start = end;
  }
  return { rows: result, counts };
}

function lookupsOf(db: Database): Lookups & { reference: ReturnType<typeof listReference> } {
  const reference = listReference(db);
  return {
    reference,
    parties: new Map(reference.parties.map((party) => [party.id, party.name])),
    states: statesOf(reference.statuses),
    topicPaths: new Map(reference.topics.map((topic) => [topic.id, topic.path])),
    topics: new Map(),
  };
}

export function buildScorecard(db: Database, request: ScorecardRequest, now: Date = new Date()): Scorecard {
  const { scope } = request;
  const day = scope.asOf ?? today(now);
  checkCompare(request.compare, day);
  const compare = request.compare ?? null;
  const lookups = lookupsOf(db);
  const { rows, counts } = walk(cellRows(db, scope, compare), lookups, compare !== null);
  const parties = [...counts.parties.byKey]
    .map(([id, tallier]) => ({ id, name: lookups.parties.get(id) ?? `#${id}`, ...tallier.tally() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const order = new Map(parties.map((party, position) => [party.id, position]));
  for (const row of rows) {
    if (row.cells.length > 1) row.cells.sort((a, b) => order.get(a.partyId)! - order.get(b.partyId)!);
  }
  const topics = [...counts.topics.byKey]
    .map(([topic, tallier]) => ({ topic, ...tallier.tally() }))
    .sort((a, b) =>
      a.topic === 'No topic' ? 1 : b.topic === 'No topic' ? -1 : a.topic.localeCompare(b.topic),
    );
  const overall = counts.overall.tally();
  return {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    day,
    dataThrough: dataThrough(db),
    scope,
    scopeTerms: describeScope(scope, lookups.reference),
    title: scorecardTitle,
    parties,
    commitmentCount: rows.length,
    commitments: rows,
    topics,
    overall,
    statuses: lookups.reference.statuses,
    changes:
      compare === null
        ? null
        : {
            comparedWith: compare,
            parties: parties.map((party) => {
              const before = counts.earlierParties.of(party.id).tally();
              const { id, name, ...after } = party;
              return {
                partyId: id,
                party: name,
                before,
                after,
                meanChange: meanChange(before.mean, after.mean),
              };
            }),
            overall: {
              before: counts.earlierOverall.tally(),
              after: overall,
              meanChange: meanChange(counts.earlierOverall.tally().mean, overall.mean),
            },
            cells: counts.changes,
          },
  };
}

/**
 * The scorecard with one page of its rows, for the view (a list of 100,000 rows is read a page at a
 * time); the figures still count every commitment of the scope.
 */
export function scorecardPage(card: Scorecard, offset: number, limit: number): Scorecard {
  return { ...card, commitments: card.commitments.slice(offset, offset + limit) };
}
