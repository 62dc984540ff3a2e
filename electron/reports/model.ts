// The report model: a scope of commitments built once from the database, then rendered per format.
import type { Database } from 'better-sqlite3';
import { commitmentIds, getCommitment, type CommitmentFilter } from '../../db/commitments.ts';
import type { CommitmentDetail } from '../../db/model.ts';
import { statement } from '../../db/statements.ts';

export interface ReportScope extends CommitmentFilter {
  dossier?: string;
  topic?: string;
  party?: string;
  status?: string;
}

export interface Report {
  generatedAt: string;
  /** The day the report describes, from history; null for today. */
  asOf: string | null;
  /** The last moment any recorded data in the database dates from. */
  dataThrough: string | null;
  scope: ReportScope;
  commitments: CommitmentDetail[];
}

export function buildReport(db: Database, scope: ReportScope, now: Date = new Date()): Report {
  const dataThrough = statement<[], { at: string | null }>(
    db,
    `SELECT max(at) AS at FROM (SELECT max(recorded_at) AS at FROM status_update
                                UNION ALL SELECT max(created_at) FROM commitment)`,
  ).get()!.at;
  return {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    dataThrough,
    scope,
    commitments: commitmentIds(db, scope).map((id) => getCommitment(db, id, scope.asOf)),
  };
}
