// What an import of a spreadsheet or JSON report would change, as plain data, and its errors by line and field.
import { DomainError } from './errors.ts';
import type { CommitmentKind, DeadlineUnit } from '../electron/domain/model.ts';

/** Where in the file a change comes from: the row as the analyst sees it (header = line 1). */
export interface ImportPlace {
  line: number;
  /** The XLSX sheet, when it is not the commitments sheet. */
  sheet: string | null;
}

/** A commitment already in the database, or the n-th new one of the plan. */
export type CommitmentRef = { existing: number } | { new: number };

export type PlannedDeadline = { on: string } | { amount: number; unit: DeadlineUnit; from: string } | null;

export interface PlannedCommitment extends ImportPlace {
  /** The id the file gave it, kept when no commitment has it yet, so a re-import matches it. */
  keepId: number | null;
  dossier: string;
  title: string;
  summary: string;
  kind: CommitmentKind;
  parent: CommitmentRef | null;
  madeBy: string[];
  owedTo: string[];
  /** Full paths, "trade › tariffs". */
  topics: string[];
  announcedOn: string | null;
  deadline: PlannedDeadline;
}

export interface CommitmentChangesByName {
  title?: string;
  summary?: string;
  kind?: CommitmentKind;
  parent?: CommitmentRef | null;
  madeBy?: string[];
  owedTo?: string[];
  topics?: string[];
  announcedOn?: string | null;
  deadline?: PlannedDeadline;
}

export interface PlannedEdit extends ImportPlace {
  id: number;
  title: string;
  changes: CommitmentChangesByName;
  /** For the preview: each changed field, before and after, as the file writes it. */
  changed: { field: string; from: string; to: string }[];
}

export interface PlannedStatusUpdate extends ImportPlace {
  commitment: CommitmentRef;
  title: string;
  status: string;
  party: string | null;
  effectiveOn: string;
  /** From a restored history; null: now. */
  recordedAt: string | null;
  note: string;
  /** The status in force before, for the preview ("in progress → fulfilled"); null for history. */
  previous: string | null;
}

export interface ImportPlan {
  file: string;
  format: 'csv' | 'xlsx' | 'json';
  newDossiers: string[];
  newParties: string[];
  newTopics: string[];
  newCommitments: PlannedCommitment[];
  updatedCommitments: PlannedEdit[];
  statusUpdates: PlannedStatusUpdate[];
  /** Rows that match a commitment and change nothing. */
  unchanged: number;
  warnings: string[];
}

export interface ImportResult {
  newCommitmentIds: number[];
  updatedCommitments: number;
  statusUpdates: number;
}

export interface ImportProblem extends ImportPlace {
  /** The column, or the JSON field; null for the whole row. */
  field: string | null;
  message: string;
}

/** "History sheet, line 5, field effective_on: …": where to look and what is wrong. */
export function describeProblem(problem: ImportProblem): string {
  const sheet = problem.sheet === null ? '' : `${problem.sheet} sheet, `;
  const field = problem.field === null ? '' : `, field ${problem.field}`;
  return `${sheet}line ${problem.line}${field}: ${problem.message}`;
}

/** Every problem found in a file; the import writes nothing when there is one. */
export class ImportError extends DomainError {
  override name = 'ImportError';
  readonly problems: ImportProblem[];
  /** Problems found beyond those listed. */
  readonly more: number;

  constructor(problems: ImportProblem[], more = 0) {
    const lines = problems.map(describeProblem);
    if (more > 0) lines.push(`… and ${more} more`);
    super('invalid_input', lines.join('\n'), problems[0]?.field ?? undefined);
    this.problems = problems;
    this.more = more;
  }
}

/** Runs one step; an error becomes an ImportError at the plan item's line, so the analyst can find it. */
export function atLine<T>(place: ImportPlace, field: string | null, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const path = error instanceof DomainError ? error.path : undefined;
    const message = (error as Error).message;
    const where = { line: place.line, sheet: place.sheet };
    throw new ImportError([{ ...where, field: fieldNames[path ?? ''] ?? field, message }]);
  }
}

/** The file's column for the field a database error names. */
const fieldNames: Record<string, string> = {
  parentId: 'parent_id',
  statusId: 'status',
  partyId: 'party',
  dossierId: 'dossier',
  madeBy: 'made_by',
  owedTo: 'owed_to',
  topicIds: 'topics',
};
