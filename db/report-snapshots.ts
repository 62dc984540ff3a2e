// Report snapshots: every exported report with the state it showed, so the next one can say what changed.
import type { Database } from 'better-sqlite3';
import { retracted, statusJoins, statusSince } from './as-of.ts';
import { statement } from './statements.ts';

/** What a report showed of one commitment; compared with the next report of the same template. */
export interface CommitmentState {
  status: string | null;
  status_since: string | null;
  due_on: string | null;
  /** Excerpts linked to it as evidence. */
  evidence: number[];
  /** Status updates in its history on the report's day (retracted ones left out). */
  history: number[];
}

/** By commitment id (JSON object keys are strings). */
export type ReportState = Record<string, CommitmentState>;

export interface ReportSnapshotSummary {
  id: number;
  template: string | null;
  format: string;
  /** The report's filters and names, as JSON gave them. */
  scope: Record<string, unknown>;
  asOf: string | null;
  since: string | null;
  dataThrough: string;
  createdAt: string;
  commitmentCount: number;
}

export interface ReportSnapshot extends ReportSnapshotSummary {
  state: ReportState;
}

export interface NewReportSnapshot {
  template: string | null;
  format: string;
  scope: object;
  asOf: string | null;
  since: string | null;
  dataThrough: string | null;
  state: ReportState;
  /** Set by tests that script a history; otherwise now. */
  createdAt?: string;
}

/**
 * The state of these commitments on the report's day, read in one statement: the status in force,
 * the due date, the linked excerpts and the history, each list through its own index.
 */
export function reportState(db: Database, ids: number[], asOf: string | undefined): ReportState {
  const rows = statement<
    [{ ids: string; asOf: string }],
    {
      id: number;
      status: string | null;
      since: string | null;
      dueOn: string | null;
      evidence: string;
      history: string;
    }
  >(
    db,
    `SELECT c.id, s.name AS status, ${statusSince(asOf !== undefined)} AS since, c.due_on AS dueOn,
            (SELECT json_group_array(ce.excerpt_id) FROM commitment_excerpt ce
              WHERE ce.commitment_id = c.id) AS evidence,
            (SELECT json_group_array(h.id) FROM status_update h
              WHERE h.commitment_id = c.id AND h.effective_on <= @asOf AND NOT ${retracted('h')}) AS history
       FROM commitment c ${statusJoins(asOf !== undefined)}
      WHERE c.id IN (SELECT value FROM json_each(@ids))`,
    // Without a day, the status is the current one (and its day the one kept on the commitment,
    // which spares a read of the status update) and the history all of it.
  ).all({ ids: JSON.stringify(ids), asOf: asOf ?? '9999-12-31' });
  const state: ReportState = {};
  for (const row of rows) {
    state[String(row.id)] = {
      status: row.status,
      status_since: row.since,
      due_on: row.dueOn,
      evidence: (JSON.parse(row.evidence) as number[]).sort((a, b) => a - b),
      history: (JSON.parse(row.history) as number[]).sort((a, b) => a - b),
    };
  }
  return state;
}

/** Remembers one exported report; returns its id. */
export function recordReportSnapshot(db: Database, snapshot: NewReportSnapshot): number {
  return db.transaction(() =>
    Number(
      statement(
        db,
        `INSERT INTO report_snapshot (template, format, scope, as_of, since, data_through, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
      ).run(
        snapshot.template,
        snapshot.format,
        JSON.stringify(snapshot.scope),
        snapshot.asOf,
        snapshot.since,
        // A report of an empty database still says so: its data runs to nothing yet.
        snapshot.dataThrough ?? '',
        JSON.stringify(snapshot.state),
        snapshot.createdAt ?? null,
      ).lastInsertRowid,
    ),
  )();
}

const summaryColumns = `id, template, format, scope, as_of AS asOf, since, data_through AS dataThrough,
  created_at AS createdAt, (SELECT count(*) FROM json_each(state)) AS commitmentCount`;

type RawSummary = Omit<ReportSnapshotSummary, 'scope'> & { scope: string };

function toSummary(raw: RawSummary): ReportSnapshotSummary {
  return { ...raw, scope: JSON.parse(raw.scope) as Record<string, unknown> };
}

/** The last report of a template (its name in any case) made before an instant, with the state it showed. */
export function latestSnapshotOf(db: Database, template: string, before: string): ReportSnapshot | null {
  const raw = statement<[string, string], RawSummary & { state: string }>(
    db,
    `SELECT ${summaryColumns}, state FROM report_snapshot
      WHERE template = ? COLLATE NOCASE AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1`,
  ).get(template.trim(), before);
  if (!raw) return null;
  const { state, ...summary } = raw;
  return { ...toSummary(summary), state: JSON.parse(state) as ReportState };
}

/** The reports sent, newest first; of one template when named. */
export function listReportSnapshots(
  db: Database,
  options: { template?: string | undefined; limit: number },
): ReportSnapshotSummary[] {
  const rows =
    options.template === undefined
      ? statement<[number], RawSummary>(
          db,
          `SELECT ${summaryColumns} FROM report_snapshot ORDER BY created_at DESC, id DESC LIMIT ?`,
        ).all(options.limit)
      : statement<[string, number], RawSummary>(
          db,
          `SELECT ${summaryColumns} FROM report_snapshot WHERE template = ? COLLATE NOCASE
            ORDER BY created_at DESC, id DESC LIMIT ?`,
        ).all(options.template.trim(), options.limit);
  return rows.map(toSummary);
}
