// The scorecard as it is built and rendered: its rows, cells, parties, topics and changes since an
// earlier day. Types only, so the renderer and every format read them without the code that builds it.
import type { Status, StatusRef } from '../domain/model.ts';
import type { CellKind, Score, Tally } from '../domain/compliance.ts';
import type { ReportHeading, ReportScope } from './model.ts';

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

export interface Scorecard extends ReportHeading {
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
