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
  /** Other names it goes by, for extraction; in the reference lists only. */
  aliases?: string[];
}

export interface Topic {
  id: number;
  parentId: number | null;
  name: string;
  /** "trade › tariffs": the names from the root down. */
  path: string;
  /** Words that point to it, for extraction; in the reference lists only. */
  keywords?: string[];
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
  deadlineState: DeadlineState;
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
  /** The span is of a summary, in other words than the original's: never shown as a quotation. */
  paraphrase: boolean;
  source: { id: number; title: string; publisher: string; url: string | null; publishedOn: string | null };
}

export interface HistoryEntry {
  id: number;
  status: StatusRef;
  party: string | null;
  effectiveOn: string;
  recordedAt: string;
  /** The team member who recorded it, in a shared dossier; null in one that was never shared. */
  recordedBy: string | null;
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
  deadlineState: DeadlineState;
  /** Only when the commitment oversees others. */
  rollUp: RollUp | null;
  /** Each maker's own standing, where several parties made it. */
  standings: PartyStanding[];
}

/** Where a commitment stands against its deadline, on a given day. */
export type DeadlineState = 'none' | 'upcoming' | 'due_soon' | 'passed' | 'met';
export const deadlineStates: readonly DeadlineState[] = ['none', 'upcoming', 'due_soon', 'passed', 'met'];

/** A list row plus what the dashboard needs to say about it. */
export interface DashboardRow extends CommitmentRow {
  deadlineState: DeadlineState;
  /** Days from the as-of day to the due date: negative once passed. */
  daysToDue: number | null;
  /** Effective date of the latest whole-commitment update on or before the as-of day. */
  lastUpdateOn: string | null;
  daysSinceUpdate: number | null;
}

export interface CountCell {
  statusId: number;
  count: number;
}

export interface Dashboard {
  /** The day the dashboard describes: today, or the as-of day. */
  asOf: string;
  statusByTopic: { topicId: number | null; topic: string; counts: CountCell[] }[];
  statusByParty: { partyId: number; party: string; counts: CountCell[] }[];
  /** Deadlines in the next 30 days that are not yet met. */
  dueSoon: DashboardRow[];
  /** Deadlines passed with no status update recorded since. */
  overdue: DashboardRow[];
  /** Open commitments with no update for staleDays or more. */
  stale: DashboardRow[];
  staleDays: number;
  /** New commitments and status updates recorded since the given moment (the last session). */
  changes: Change[];
  changesSince: string | null;
}

export interface Change {
  commitmentId: number;
  title: string;
  kind: 'new' | 'status';
  status: StatusRef | null;
  effectiveOn: string | null;
  recordedAt: string;
}

/** How the children of a commitment are rolled up: shown beside the roll-up as its rule. */
export interface RollUp {
  rule: string;
  assessed: number;
  notYetAssessed: number;
  /** Mean compliance score of the assessed children that carry a score (−1 to +1), or null. */
  meanScore: number | null;
  byStatus: CountCell[];
}

export interface PartyStanding {
  party: Party;
  status: StatusRef | null;
  score: -1 | 0 | 1 | null;
  since: string | null;
}

export interface SavedView {
  name: string;
  /** The list's URL query ("topic=3&status=2"). */
  query: string;
}

export interface TrashedCommitment {
  id: number;
  title: string;
  dossier: string;
  deletedAt: string;
}

export interface ExcerptChoice {
  id: number;
  text: string;
  speaker: string;
  paraphrase: boolean;
  sourceTitle: string;
  publishedOn: string | null;
}

/** What still refers to a dossier, party, topic or status, so it is never deleted silently. */
export interface Usage {
  commitments: number;
  statusUpdates: number;
  children: number;
  examples: string[];
}

export interface Settings {
  staleDays: number;
  /** How many automatic backups to keep; 0 turns them off. */
  backupKeep: number;
  /** The desktop app's daily notification of deadlines due within a week or passed with no update. */
  notifyDeadlines: boolean;
  /** The reader highlights sentences whose confidence is at least this (0 to 1). */
  readerThreshold: number;
  /** The style reports cite their sources in. */
  citationStyle: CitationStyle;
  /** Whether the app may read a running Zotero's library through its local API (off unless turned on). */
  zoteroConnector: boolean;
  /** The port of Zotero's local server on this machine (127.0.0.1): 23119 unless Zotero was set otherwise. */
  zoteroPort: number;
}

/** Which event made a backup: the daily automatic one, `cli backup`, a migration or a restore. */
export type BackupKind = 'automatic' | 'manual' | 'before migration' | 'before restore';

/** A copy of the database in the backups folder beside it. */
export interface Backup {
  /** The file name, as restoreBackup takes it. */
  name: string;
  path: string;
  kind: BackupKind;
  /** When it was taken (ISO 8601, from the file name). */
  takenAt: string;
  bytes: number;
}

/** What describes a source wherever it is listed or cited: title, publisher, address, day, language. */
export interface SourceDescription {
  title: string;
  publisher: string;
  url: string | null;
  publishedOn: string | null;
  language: string;
}

export interface SourceSummary extends SourceDescription {
  id: number;
  addedAt: string;
  excerptCount: number;
  /** With a search: the matching passage, the words between «» marks. */
  snippet: string | null;
}

/** A page of the sources library: the best matches of a search (or the newest sources) and how many there are. */
export interface SourcePage {
  total: number;
  sources: SourceSummary[];
}

/** A source as typed, pasted or read from a file, before it is stored. */
export interface SourceDraft extends SourceDescription {
  fullText: string;
  /**
   * The source's bibliographic record as a CSL JSON item (authors, item type, identifiers), from a
   * Zotero or citation file; left out or null for an article pasted or read from a file.
   */
  csl?: CslItem | null;
}

/** A CSL JSON item: the Citation Style Language's bibliographic data, as Zotero exports it. */
export interface CslItem {
  type: string;
  id?: string | number;
  title?: string;
  author?: CslName[];
  [variable: string]: unknown;
}

/** An author: a person (family, given) or an organisation (literal). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  [part: string]: unknown;
}

/** The citation styles reports are written in; the first is the default. */
export const citationStyles = [
  { id: 'chicago-author-date', label: 'Chicago author-date' },
  { id: 'apa', label: 'APA' },
  { id: 'harvard1', label: 'Harvard' },
] as const;

export type CitationStyle = (typeof citationStyles)[number]['id'];

export const citationStyleIds = citationStyles.map((style) => style.id) as [
  CitationStyle,
  ...CitationStyle[],
];

/** The formats a report's evidence goes back to a reference manager in. */
export const evidenceFormats = ['csl-json', 'bibtex'] as const;

export type EvidenceFormat = (typeof evidenceFormats)[number];

export interface SourceDuplicate {
  id: number;
  title: string;
  reason: 'same URL' | 'same text' | 'nearly the same text';
  similarity: number;
}

/** A sentence of a source that reads as a commitment, and what the analyst has done with it. */
export interface ReaderCandidate {
  sentence: string;
  start: number;
  end: number;
  kind: CommitmentKind;
  topics: string[];
  parties: string[];
  newNames: string[];
  /** An ISO date, or an ISO 8601 duration such as P90D. */
  deadline: string | null;
  confidence: number;
  /** Why it reads as a commitment: the subject as written ("The two Governments"), the verb ("will sign"). */
  subject: string;
  verb: string;
  /** The words that state the deadline ("no later than 30 November 2026"). */
  deadlinePhrase: string | null;
  /** For a duration, the day it runs from when the text says so. */
  deadlineFrom: string | null;
  /** The day the deadline was read against: the publication date, the dateline, the day given, or today. */
  reference: { day: string; basis: 'published' | 'dateline' | 'given' | 'today' };
  /** Parties the gazetteer recognised that the database does not have yet, with what they are. */
  newParties: { name: string; kind: 'state' | 'organisation' }[];
  state: 'open' | 'dismissed' | 'used';
}

export interface SourceExcerpt {
  id: number;
  start: number;
  end: number;
  text: string;
  speaker: string;
  paraphrase: boolean;
  commitments: { id: number; title: string }[];
}

export interface SourceReader {
  source: SourceDraft & { id: number; addedAt: string; textIntact: boolean };
  /** Spans of page furniture (bylines, "follow us", share links), shown dimmed. */
  boilerplate: { start: number; end: number }[];
  candidates: ReaderCandidate[];
  excerpts: SourceExcerpt[];
  /** The confidence from which sentences are highlighted (the reader's setting). */
  threshold: number;
}
