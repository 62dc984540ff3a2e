// The compliance scorecard: commitments as rows, the parties that made them as columns, each cell the
// party's own status in force on the day (else the commitment's whole status) with its score; the
// mean and percentage per party, per commitment, per topic and overall; and, compared with an
// earlier day, the cells that changed and each party's change in mean. Built once, rendered per format.
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import { DomainError } from '../../db/errors.ts';
import type { ReferenceData, Status, StatusRef } from '../domain/model.ts';
import { listDossiers, listParties, listStatuses, listTopics } from '../../db/reference.ts';
import { dataThrough } from '../../db/data-through.ts';
import type { ReportScope } from './model.ts';
import { keptCommitmentCount, keptCounts, keptPage } from './scorecard-kept.ts';
import { scorecardSource, type ScorecardSource } from './scorecard-query.ts';
import { cellKind, meanChange, Tallier, type Tally } from '../domain/compliance.ts';
import { describeScope, namedScope } from './scope-terms.ts';

export type {
  ScorecardRequest,
  ScorecardCell,
  ScorecardRow,
  ScorecardParty,
  ScorecardTopic,
  CellState,
  CellChange,
  PartyChange,
  ScorecardChanges,
  Scorecard,
} from './scorecard-model.ts';
import type {
  ScorecardRequest,
  ScorecardCell,
  ScorecardRow,
  ScorecardParty,
  CellState,
  CellChange,
  ScorecardChanges,
  Scorecard,
} from './scorecard-model.ts';

/** The model's title and its topic of commitments with none, in English: the report's words are drawn
 * from them in its language (scorecard-wording.ts), since the model is kept for the app as well. */
export const scorecardTitle = 'Compliance scorecard';
export const noTopic = 'No topic';

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
 * by every cell in that state, never copied), a commitment's topic one per set of topics, and each
 * party's place among the columns its place in the reference list (by name).
 */
interface Lookups {
  parties: Map<number, { name: string; rank: number }>;
  /** By status id; 0: no status. */
  states: Map<number, { own: CellState; fallback: CellState }>;
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
    states.set(status?.id ?? 0, { own: { ...state, own: true }, fallback: { ...state, own: false } });
  }
  return states;
}

function stateOf(lookups: Lookups, statusId: number, own: boolean): CellState {
  const states = lookups.states.get(statusId) ?? lookups.states.get(0)!;
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
    topic = paths[0] || noTopic;
    lookups.topics.set(topicIds, topic);
  }
  return topic;
}

const partyName = (lookups: Lookups, id: number) => lookups.parties.get(id)?.name ?? `#${id}`;

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

interface Walk {
  source: ScorecardSource;
  lookups: Lookups;
  counts: Counts;
  compared: boolean;
}

/** The cell of the maker `maker` on the earlier day: counted for the party then, listed when it differs. */
function compareCell(
  walk: Walk,
  commitment: number,
  maker: number,
  earlierWhole: CellState,
  now: CellState,
): void {
  const { source, lookups, counts } = walk;
  const partyId = source.partyId[maker]!;
  const earlier = source.earlierOwnUpdateId[maker]
    ? stateOf(lookups, source.earlierOwnStatusId[maker]!, true)
    : earlierWhole;
  counts.earlierParties.of(partyId).add(earlier.kind, earlier.score);
  counts.earlierOverall.add(earlier.kind, earlier.score);
  if ((earlier.status?.id ?? null) === (now.status?.id ?? null)) return;
  counts.changes.push({
    commitmentId: source.id[commitment]!,
    title: source.title[commitment]!,
    partyId,
    party: partyName(lookups, partyId),
    from: earlier,
    to: now,
  });
}

/** The cell of one maker, counted into its row, its party, its topic and the whole card. */
function cellOf(
  walk: Walk,
  maker: number,
  whole: CellState,
  wholeSince: string | null,
  wholeUpdateId: number,
): ScorecardCell {
  const { source, lookups } = walk;
  const partyId = source.partyId[maker]!;
  const ownUpdateId = source.ownUpdateId[maker]!;
  const own = ownUpdateId !== 0;
  const state = own ? stateOf(lookups, source.ownStatusId[maker]!, true) : whole;
  return {
    partyId,
    party: partyName(lookups, partyId),
    status: state.status,
    score: state.score,
    kind: state.kind,
    own,
    since: own ? source.ownSince[maker]! : wholeSince,
    updateId: own ? ownUpdateId : wholeUpdateId || null,
  };
}

/** One commitment with its makers' cells, in the order of the columns, counted into the walk's counts. */
function commitmentRow(walk: Walk, commitment: number): ScorecardRow {
  const { source, lookups, counts } = walk;
  const wholeUpdateId = source.wholeUpdateId[commitment]!;
  const whole = stateOf(lookups, source.wholeStatusId[commitment]!, false);
  const earlierWhole = walk.compared
    ? stateOf(lookups, source.earlierWholeStatusId[commitment]!, false)
    : null;
  const topic = topicOf(lookups, source.topicIds[commitment]!);
  const topicTally = counts.topics.of(topic);
  const row = new Tallier();
  const cells: ScorecardCell[] = [];
  for (let maker = source.firstMaker[commitment]!; maker < source.firstMaker[commitment + 1]!; maker += 1) {
    const cell = cellOf(walk, maker, whole, source.wholeSince[commitment]!, wholeUpdateId);
    cells.push(cell);
    row.add(cell.kind, cell.score);
    counts.parties.of(cell.partyId).add(cell.kind, cell.score);
    topicTally.add(cell.kind, cell.score);
    counts.overall.add(cell.kind, cell.score);
    if (earlierWhole)
      compareCell(walk, commitment, maker, earlierWhole, stateOf(lookups, cell.status?.id ?? 0, cell.own));
  }
  const rank = (cell: ScorecardCell) => lookups.parties.get(cell.partyId)?.rank ?? 0;
  if (cells.length > 1) cells.sort((a, b) => rank(a) - rank(b));
  // A commitment no party made counts once, by its whole status, in its row, its topic and overall.
  if (cells.length === 0) {
    for (const tallier of [row, topicTally, counts.overall]) tallier.add(whole.kind, whole.score);
    if (earlierWhole) counts.earlierOverall.add(earlierWhole.kind, earlierWhole.score);
  }
  return {
    id: source.id[commitment]!,
    title: source.title[commitment]!,
    topic,
    status: whole.status,
    score: whole.score,
    kind: whole.kind,
    updateId: wholeUpdateId || null,
    cells,
    ...row.tally(),
  };
}

function lookupsOf(db: Database): Lookups & { reference: ReferenceData } {
  // The dossiers' list counts their commitments: looked up only when the scope names one.
  const reference: ReferenceData = {
    dossiers: [],
    parties: listParties(db),
    topics: listTopics(db),
    statuses: listStatuses(db),
  };
  return {
    reference,
    parties: new Map(reference.parties.map((party, rank) => [party.id, { name: party.name, rank }])),
    states: statesOf(reference.statuses),
    topicPaths: new Map(reference.topics.map((topic) => [topic.id, topic.path])),
    topics: new Map(),
  };
}

/** The comparison with the earlier day: each party's figures then and now, and the cells that changed. */
function changesOf(
  compare: string,
  parties: ScorecardParty[],
  overall: Tally,
  counts: Counts,
): ScorecardChanges {
  const before = counts.earlierOverall.tally();
  return {
    comparedWith: compare,
    parties: parties.map(({ id, name, ...after }) => {
      const then = counts.earlierParties.of(id).tally();
      return { partyId: id, party: name, before: then, after, meanChange: meanChange(then.mean, after.mean) };
    }),
    overall: { before, after: overall, meanChange: meanChange(before.mean, overall.mean) },
    cells: counts.changes,
  };
}

export interface ScorecardPage {
  offset: number;
  limit: number;
}

export interface BuildOptions {
  now?: Date;
  /** Only these rows (the figures still count the whole scope); all of them when left out. */
  page?: ScorecardPage | null;
  /** Reads today's statuses from the history as well, as the scorecard of a day does: for the tests. */
  fromHistory?: boolean;
}

/** The figures of today's scorecard, counted in SQL from the kept statuses (scorecard-kept.ts). */
function countKept(
  db: Database,
  scope: ReportScope,
  lookups: Lookups & { reference: ReferenceData },
  counts: Counts,
): number {
  for (const { topicIds, partyId, statusId, cells } of keptCounts(db, scope, lookups.reference.topics)) {
    const state = stateOf(lookups, statusId, false);
    if (partyId !== 0) counts.parties.of(partyId).add(state.kind, state.score, cells);
    counts.topics.of(topicOf(lookups, topicIds)).add(state.kind, state.score, cells);
    counts.overall.add(state.kind, state.score, cells);
  }
  return keptCommitmentCount(db, scope);
}

export function buildScorecard(
  db: Database,
  request: ScorecardRequest,
  options: BuildOptions = {},
): Scorecard {
  const { scope } = request;
  const now = options.now ?? new Date();
  const page = options.page ?? null;
  const day = scope.asOf ?? today(now);
  checkCompare(request.compare, day);
  const compare = request.compare ?? null;
  const lookups = lookupsOf(db);
  if (scope.dossierId !== undefined) lookups.reference.dossiers = listDossiers(db);
  const kept = scope.asOf === undefined && compare === null && !options.fromHistory;
  const counts = newCounts();
  let rows: ScorecardRow[];
  let commitmentCount: number;
  if (kept) {
    // The figures from SQL; the page's rows are walked into counts of their own, left unused.
    commitmentCount = countKept(db, scope, lookups, counts);
    const source = keptPage(db, scope, page);
    const walk: Walk = { source, lookups, counts: newCounts(), compared: false };
    rows = source.id.map((_, commitment) => commitmentRow(walk, commitment));
  } else {
    const source = scorecardSource(db, scope, compare);
    const walk: Walk = { source, lookups, counts, compared: compare !== null };
    rows = source.id.map((_, commitment) => commitmentRow(walk, commitment));
    commitmentCount = rows.length;
    if (page !== null) rows = rows.slice(page.offset, page.offset + page.limit);
  }
  const rank = (id: number) => lookups.parties.get(id)?.rank ?? 0;
  const parties = [...counts.parties.byKey]
    .map(([id, tallier]) => ({ id, name: partyName(lookups, id), ...tallier.tally() }))
    .sort((a, b) => rank(a.id) - rank(b.id));
  const topics = [...counts.topics.byKey]
    .map(([topic, tallier]) => ({ topic, ...tallier.tally() }))
    .sort((a, b) => (a.topic === noTopic ? 1 : b.topic === noTopic ? -1 : a.topic.localeCompare(b.topic)));
  const overall = counts.overall.tally();
  return {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    day,
    dataThrough: dataThrough(db),
    scope: namedScope(scope, lookups.reference),
    scopeTerms: describeScope(scope, lookups.reference),
    title: scorecardTitle,
    parties,
    commitmentCount,
    commitments: rows,
    topics,
    overall,
    statuses: lookups.reference.statuses,
    changes: compare === null ? null : changesOf(compare, parties, overall, counts),
  };
}

/**
 * The scorecard with one page of its rows, for the view (a list of 100,000 rows is read a page at a
 * time); the figures still count every commitment of the scope.
 */
export function scorecardPage(card: Scorecard, offset: number, limit: number): Scorecard {
  return { ...card, commitments: card.commitments.slice(offset, offset + limit) };
}
