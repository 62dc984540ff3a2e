// "Changes since": what a report adds to an earlier one, or to what was known on a day.
// Status changes and corrections to past entries are kept apart: a correction rewrites what an
// earlier report said, a change is news.
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import type { CommitmentDetail, Evidence, HistoryEntry, StatusRef } from '../domain/model.ts';
import type { ReportSnapshot, ReportState } from '../../db/report-snapshots.ts';
import { statement } from '../../db/statements.ts';
import { addedBy, editsSince, type CommitmentEdits } from './team-authors.ts';

/** What the report is compared with. */
export interface Baseline {
  /** The day the earlier report described, or the --since day: deadlines after it count as passed since. */
  day: string;
  /** What was recorded before this instant was known then. */
  moment: string;
  /** What the earlier report showed, by commitment id; null when comparing with a day. */
  shown: ReportState | null;
  snapshot: { id: number; template: string | null; format: string; createdAt: string } | null;
}

export interface CommitmentRef {
  id: number;
  title: string;
}

export interface StatusChange {
  commitment: CommitmentRef;
  entry: HistoryEntry;
  /** The status in force before it (for the same party); null for a first assessment. */
  from: StatusRef | null;
}

export interface EvidenceChange {
  commitment: CommitmentRef;
  evidence: Evidence;
}

export interface Correction {
  commitment: CommitmentRef;
  /** corrects: names the entry it corrects; backdated: recorded since, effective before; undone: retracted. */
  kind: 'corrects' | 'backdated' | 'undone';
  entry: Pick<
    HistoryEntry,
    | 'id'
    | 'status'
    | 'party'
    | 'effectiveOn'
    | 'recordedAt'
    | 'recordedBy'
    | 'note'
    | 'evidence'
    | 'correctsId'
  >;
  corrected: HistoryEntry | null;
  /** When the correction was made: recorded, or undone. */
  at: string;
}

export interface ReportChanges {
  baseline: Baseline;
  newCommitments: CommitmentDetail[];
  statusChanges: StatusChange[];
  newEvidence: EvidenceChange[];
  deadlinesPassed: CommitmentDetail[];
  corrections: Correction[];
  /** In a shared dossier: who added each new commitment, by its id, where the team's log says. */
  addedBy: Record<number, string>;
  /** In a shared dossier: the edits to the other commitments' fields since the baseline, and by whom. */
  edits: CommitmentEdits[];
}

/** Since a day: what was recorded from the start of that day (the analyst's time) counts as new. */
export function dayBaseline(day: string): Baseline {
  return { day, moment: new Date(`${day}T00:00:00`).toISOString(), shown: null, snapshot: null };
}

/** Since an earlier report: what it showed, on the day it described. */
export function snapshotBaseline(snapshot: ReportSnapshot): Baseline {
  return {
    day: snapshot.asOf ?? today(new Date(snapshot.createdAt)),
    moment: snapshot.createdAt,
    shown: snapshot.state,
    snapshot: {
      id: snapshot.id,
      template: snapshot.template,
      format: snapshot.format,
      createdAt: snapshot.createdAt,
    },
  };
}

interface Known {
  existed: boolean;
  history: Set<number>;
  evidence: Set<number>;
}

/**
 * What the baseline knew of a commitment: what the earlier report showed of it, or, for one it did
 * not show (out of its scope then, or comparing with a day), what had been recorded before its
 * moment. Links to evidence carry no time of their own: a quote counts as known when an update
 * recorded before cited it, or when its source was published before the day.
 */
function knownOf(commitment: CommitmentDetail, baseline: Baseline): Known {
  const shown = baseline.shown?.[String(commitment.id)];
  if (shown) return { existed: true, history: new Set(shown.history), evidence: new Set(shown.evidence) };
  const entered = commitment.history.reduce(
    (earliest, entry) => (entry.recordedAt < earliest ? entry.recordedAt : earliest),
    commitment.createdAt,
  );
  if (entered >= baseline.moment) return { existed: false, history: new Set(), evidence: new Set() };
  const before = commitment.history.filter((entry) => entry.recordedAt < baseline.moment);
  const citedBefore = new Set(before.flatMap((entry) => (entry.evidence ? [entry.evidence.excerptId] : [])));
  const citedSince = new Set(
    commitment.history
      .filter((entry) => entry.recordedAt >= baseline.moment)
      .flatMap((entry) => (entry.evidence ? [entry.evidence.excerptId] : [])),
  );
  const evidence = commitment.evidence
    .filter(
      (quote) =>
        citedBefore.has(quote.excerptId) ||
        (!citedSince.has(quote.excerptId) && (quote.source.publishedOn ?? '') < baseline.day),
    )
    .map((quote) => quote.excerptId);
  return { existed: true, history: new Set(before.map((entry) => entry.id)), evidence: new Set(evidence) };
}

/** Oldest first, as things happened: by effective day, then in the order recorded. */
function chronological(history: HistoryEntry[]): HistoryEntry[] {
  return [...history].sort(
    (a, b) =>
      a.effectiveOn.localeCompare(b.effectiveOn) || a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id,
  );
}

function previousStatus(timeline: HistoryEntry[], entry: HistoryEntry): StatusRef | null {
  const index = timeline.indexOf(entry);
  for (let i = index - 1; i >= 0; i--) {
    if (timeline[i]!.party === entry.party) return timeline[i]!.status;
  }
  return null;
}

interface CommitmentChanges {
  isNew: boolean;
  statusChanges: StatusChange[];
  corrections: Correction[];
  newEvidence: EvidenceChange[];
}

function changesOf(commitment: CommitmentDetail, baseline: Baseline): CommitmentChanges {
  const known = knownOf(commitment, baseline);
  const ref = { id: commitment.id, title: commitment.title };
  const none = { statusChanges: [], corrections: [], newEvidence: [] };
  if (!known.existed) return { isNew: true, ...none };
  const timeline = chronological(commitment.history);
  const added = timeline.filter((entry) => !known.history.has(entry.id));
  const statusChanges: StatusChange[] = [];
  const corrections: Correction[] = [];
  for (const entry of added) {
    if (entry.correctsId !== null || entry.effectiveOn < baseline.day) {
      const corrected = commitment.history.find((other) => other.id === entry.correctsId) ?? null;
      const kind = entry.correctsId !== null ? 'corrects' : 'backdated';
      corrections.push({ commitment: ref, kind, entry, corrected, at: entry.recordedAt });
    } else {
      statusChanges.push({ commitment: ref, entry, from: previousStatus(timeline, entry) });
    }
  }
  // A quote that came with a listed update is shown in that row already.
  const citedByAdded = new Set(added.flatMap((entry) => (entry.evidence ? [entry.evidence.excerptId] : [])));
  const newEvidence = commitment.evidence
    .filter((quote) => !known.evidence.has(quote.excerptId) && !citedByAdded.has(quote.excerptId))
    .map((evidence) => ({ commitment: ref, evidence }));
  return { isNew: false, statusChanges, corrections, newEvidence };
}

/** Updates of these commitments undone since the baseline that had been recorded before it. */
function undoneSince(db: Database, commitments: CommitmentDetail[], baseline: Baseline): Correction[] {
  const rows = statement<
    [{ ids: string; moment: string }],
    {
      id: number;
      commitmentId: number;
      statusId: number;
      statusName: string;
      statusColour: string;
      statusCategory: 'open' | 'closed';
      party: string | null;
      effectiveOn: string;
      recordedAt: string;
      recordedBy: string | null;
      note: string;
      retractedAt: string;
    }
  >(
    db,
    `SELECT u.id, u.commitment_id AS commitmentId, s.id AS statusId, s.name AS statusName,
            s.colour AS statusColour, s.category AS statusCategory, p.name AS party,
            u.effective_on AS effectiveOn, u.recorded_at AS recordedAt, u.recorded_by AS recordedBy, u.note,
            r.retracted_at AS retractedAt
       FROM status_update_retraction r
       JOIN status_update u ON u.id = r.update_id
       JOIN status s ON s.id = u.status_id
       LEFT JOIN party p ON p.id = u.party_id
      WHERE r.retracted_at >= @moment AND u.recorded_at < @moment
        AND u.commitment_id IN (SELECT value FROM json_each(@ids))
      ORDER BY r.retracted_at, u.id`,
  ).all({ ids: JSON.stringify(commitments.map((c) => c.id)), moment: baseline.moment });
  const titles = new Map(commitments.map((c) => [c.id, c.title]));
  return rows
    .filter((row) => {
      // Against a report, only what that report showed can have been undone since.
      const shown = baseline.shown?.[String(row.commitmentId)];
      return !shown || shown.history.includes(row.id);
    })
    .map((row) => ({
      commitment: { id: row.commitmentId, title: titles.get(row.commitmentId) ?? '' },
      kind: 'undone' as const,
      entry: {
        id: row.id,
        status: {
          id: row.statusId,
          name: row.statusName,
          colour: row.statusColour,
          category: row.statusCategory,
        },
        party: row.party,
        effectiveOn: row.effectiveOn,
        recordedAt: row.recordedAt,
        recordedBy: row.recordedBy,
        note: row.note,
        evidence: null,
        correctsId: null,
      },
      corrected: null,
      at: row.retractedAt,
    }));
}

/** The changes between the baseline and the report's commitments on its day. */
export function changesSince(
  db: Database,
  commitments: CommitmentDetail[],
  baseline: Baseline,
  day: string,
): ReportChanges {
  const changes: ReportChanges = {
    baseline,
    newCommitments: [],
    statusChanges: [],
    newEvidence: [],
    deadlinesPassed: [],
    corrections: [],
    addedBy: {},
    edits: [],
  };
  for (const commitment of commitments) {
    const found = changesOf(commitment, baseline);
    if (found.isNew) changes.newCommitments.push(commitment);
    changes.statusChanges.push(...found.statusChanges);
    changes.corrections.push(...found.corrections);
    changes.newEvidence.push(...found.newEvidence);
    const dueOn = commitment.deadline.dueOn;
    if (dueOn !== null && dueOn >= baseline.day && dueOn < day && commitment.deadlineState === 'passed') {
      changes.deadlinesPassed.push(commitment);
    }
  }
  changes.corrections.push(...undoneSince(db, commitments, baseline));
  // In a shared dossier: who added the new ones, and who edited the others (a new commitment's edits
  // are part of its being new).
  const isNew = new Set(changes.newCommitments.map((c) => c.id));
  const others = commitments.filter((c) => !isNew.has(c.id));
  changes.addedBy = addedBy(db, [...isNew]);
  changes.edits = editsSince(db, others, baseline.moment);
  changes.statusChanges.sort(
    (a, b) =>
      a.entry.effectiveOn.localeCompare(b.entry.effectiveOn) ||
      a.entry.recordedAt.localeCompare(b.entry.recordedAt) ||
      a.entry.id - b.entry.id,
  );
  changes.corrections.sort((a, b) => a.at.localeCompare(b.at) || a.entry.id - b.entry.id);
  changes.deadlinesPassed.sort((a, b) => (a.deadline.dueOn ?? '').localeCompare(b.deadline.dueOn ?? ''));
  return changes;
}
