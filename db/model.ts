// The domain model as the API returns it: plain data shapes shared by queries, handlers and the UI.

export type CommitmentKind = 'pledge' | 'agreement' | 'measure' | 'threat' | 'reprieve' | 'review';
export const commitmentKinds: readonly CommitmentKind[] = [
  'pledge',
  'agreement',
  'measure',
  'threat',
  'reprieve',
  'review',
];
export type PartyKind = 'state' | 'organisation' | 'person';
export type DeadlineUnit = 'days' | 'months' | 'years';

export interface Dossier {
  id: number;
  name: string;
  description: string;
  commitmentCount: number;
}

export interface Party {
  id: number;
  name: string;
  kind: PartyKind;
  actsForId: number | null;
}

export interface Topic {
  id: number;
  parentId: number | null;
  name: string;
  /** "trade › tariffs": the names from the root down. */
  path: string;
}

export interface Status {
  id: number;
  name: string;
  category: 'open' | 'closed';
  score: -1 | 0 | 1 | null;
  colour: string;
  assessed: boolean;
}

export interface ReferenceData {
  dossiers: Dossier[];
  parties: Party[];
  topics: Topic[];
  statuses: Status[];
}

export interface StatusRef {
  id: number;
  name: string;
  colour: string;
  category: 'open' | 'closed';
}

export interface CommitmentRow {
  id: number;
  title: string;
  kind: CommitmentKind;
  dossier: string;
  status: StatusRef | null;
  statusSince: string | null;
  announcedOn: string | null;
  dueOn: string | null;
  madeBy: string[];
  topics: string[];
}

export interface CommitmentPage {
  total: number;
  rows: CommitmentRow[];
}

export interface Deadline {
  /** A fixed date, or a duration counted from a date; dueOn is computed from either. */
  on: string | null;
  amount: number | null;
  unit: DeadlineUnit | null;
  from: string | null;
  dueOn: string | null;
}

export interface Evidence {
  excerptId: number;
  text: string;
  speaker: string;
  source: { id: number; title: string; publisher: string; url: string | null; publishedOn: string | null };
}

export interface HistoryEntry {
  id: number;
  status: StatusRef;
  party: string | null;
  effectiveOn: string;
  recordedAt: string;
  note: string;
  evidence: Evidence | null;
  correctsId: number | null;
}

export interface CommitmentSummary {
  id: number;
  title: string;
  status: StatusRef | null;
}

export interface CommitmentDetail {
  id: number;
  title: string;
  summary: string;
  kind: CommitmentKind;
  dossier: { id: number; name: string };
  parent: CommitmentSummary | null;
  children: CommitmentSummary[];
  madeBy: Party[];
  owedTo: Party[];
  topics: Topic[];
  announcedOn: string | null;
  deadline: Deadline;
  status: StatusRef | null;
  statusSince: string | null;
  history: HistoryEntry[];
  evidence: Evidence[];
  createdAt: string;
}
