// The status updates an import adds: a restored history, and a status changed in a spreadsheet row.
import type { Database } from 'better-sqlite3';
import type { CommitmentRef, ImportPlace, PlannedStatusUpdate } from '../../../db/import-plan.ts';
import { statement } from '../../../db/statements.ts';
import { brokenBeforeDeadline } from '../../../db/status-updates.ts';
import { existingHistory, historyKey, liveParents, type Existing, type Vocabulary } from './existing.ts';
import { refKey, type Matching } from './match.ts';
import type { ParsedCommitment, ParsedHistory } from './parse-rows.ts';
import type { Problems } from './problems.ts';

interface Target {
  ref: CommitmentRef;
  title: string;
  /** The row of the file, when the commitment has one. */
  row: ParsedCommitment | null;
  madeBy: string[];
  /** The status in force in the database, for an existing commitment. */
  current: { status: string; since: string } | null;
  entries: ParsedHistory[];
}

export interface StatusContext {
  db: Database;
  rows: ParsedCommitment[];
  history: ParsedHistory[];
  matching: Matching;
  existing: Existing;
  vocabulary: Vocabulary;
  problems: Problems;
  today: string;
}

/** Each commitment that rows or history entries speak of, in the order the file first names them. */
function targetsOf(context: StatusContext): Map<string, Target> {
  const { rows, matching, existing } = context;
  const targets = new Map<string, Target>();
  rows.forEach((row, index) => {
    const ref = matching.refs[index]!;
    const known = 'existing' in ref ? existing.live.get(ref.existing) : undefined;
    targets.set(refKey(ref), {
      ref,
      title: row.title ?? known?.title ?? '',
      row,
      madeBy: row.madeBy ?? known?.madeBy ?? [],
      current: known?.status && known.statusSince ? { status: known.status, since: known.statusSince } : null,
      entries: [],
    });
  });
  const outside = context.history.flatMap((entry) =>
    entry.commitmentRow === null && entry.commitmentId !== null && !matching.byFileId.has(entry.commitmentId)
      ? [entry.commitmentId]
      : [],
  );
  const live = liveParents(context.db, outside);
  for (const entry of context.history) {
    const ref = refOfEntry(entry, matching, live);
    if (ref === null) {
      context.problems.add(
        entry.place,
        'commitment_id',
        `no commitment has id ${entry.commitmentId}, in this file or in Pledgewatch.`,
      );
      continue;
    }
    let target = targets.get(refKey(ref));
    if (!target) {
      target = { ref, title: '', row: null, madeBy: [], current: null, entries: [] };
      targets.set(refKey(ref), target);
    }
    target.entries.push(entry);
  }
  return targets;
}

function refOfEntry(
  entry: ParsedHistory,
  matching: Matching,
  live: Map<number, number | null>,
): CommitmentRef | null {
  if (entry.commitmentRow !== null) return matching.refs[entry.commitmentRow] ?? null;
  const id = entry.commitmentId!;
  const row = matching.byFileId.get(id);
  if (row !== undefined) return matching.refs[row]!;
  return live.has(id) ? { existing: id } : null;
}

/** Existing commitments named only by history rows: their title, makers and current status. */
function fillOutsideTargets(context: StatusContext, targets: Map<string, Target>): void {
  const missing = [...targets.values()].filter((target) => target.row === null && 'existing' in target.ref);
  if (missing.length === 0) return;
  const rows = statement<
    [string],
    { id: number; title: string; madeBy: string | null; status: string | null; since: string | null }
  >(
    context.db,
    `SELECT c.id, c.title, s.name AS status, u.effective_on AS since,
            (SELECT group_concat(p.name, char(31)) FROM commitment_party cp JOIN party p ON p.id = cp.party_id
              WHERE cp.commitment_id = c.id AND cp.role = 'maker') AS madeBy
       FROM commitment c LEFT JOIN status_update u ON u.id = c.current_update_id
       LEFT JOIN status s ON s.id = u.status_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(missing.map((target) => (target.ref as { existing: number }).existing)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const target of missing) {
    const row = byId.get((target.ref as { existing: number }).existing);
    if (!row) continue;
    target.title = row.title;
    target.madeBy = row.madeBy === null ? [] : row.madeBy.split('\x1f');
    target.current = row.status && row.since ? { status: row.status, since: row.since } : null;
  }
}

export function planStatusUpdates(context: StatusContext): PlannedStatusUpdate[] {
  const targets = targetsOf(context);
  fillOutsideTargets(context, targets);
  const existingIds = [...targets.values()].flatMap((t) =>
    'existing' in t.ref && t.entries.length > 0 ? [t.ref.existing] : [],
  );
  const recorded = existingHistory(context.db, existingIds);
  const updates: PlannedStatusUpdate[] = [];
  for (const target of targets.values()) {
    const known = 'existing' in target.ref ? recorded.get(target.ref.existing) : undefined;
    let current = target.current;
    for (const entry of target.entries) {
      const party = makerNamed(entry, target, context.problems);
      if (party === undefined) continue;
      const update = { ...entry, party };
      if (known?.has(historyKey(update))) continue;
      updates.push(historyUpdate(update, target));
      // The latest by effective date is in force; on the same day, the one recorded later.
      if (party === null && (current === null || update.effectiveOn >= current.since)) {
        current = { status: update.status, since: update.effectiveOn };
      }
    }
    const change = target.row ? statusChange(context, target, current) : null;
    if (change) updates.push(change);
  }
  return updates;
}

/** The party of an entry, as the commitment's maker is written; undefined when it made nothing. */
function makerNamed(entry: ParsedHistory, target: Target, problems: Problems): string | null | undefined {
  if (entry.party === null) return null;
  const maker = target.madeBy.find((name) => name.toLowerCase() === entry.party!.toLowerCase());
  if (maker === undefined) {
    const makers = target.madeBy.length > 0 ? `made by ${target.madeBy.join(', ')}` : 'no maker given';
    problems.add(
      problems.placeOf(entry.row, entry.place.sheet, 'party'),
      'party',
      `${entry.party} did not make this commitment (${makers}).`,
    );
  }
  return maker;
}

function historyUpdate(entry: ParsedHistory, target: Target): PlannedStatusUpdate {
  return {
    line: entry.place.line,
    sheet: entry.place.sheet,
    commitment: target.ref,
    title: target.title,
    status: entry.status,
    party: entry.party,
    effectiveOn: entry.effectiveOn,
    recordedAt: entry.recordedAt,
    note: entry.note,
    previous: null,
  };
}

/**
 * A status in the row that differs from the one in force becomes an update, effective today unless
 * the row says when: an effective_on column, or a status_since the analyst changed. A new
 * commitment without history starts with its status (or the vocabulary's first) from status_since,
 * else its announcement.
 */
function statusChange(
  context: StatusContext,
  target: Target,
  current: { status: string; since: string } | null,
): PlannedStatusUpdate | null {
  const row = target.row!;
  const fresh = 'new' in target.ref && current === null;
  const status = row.status ?? (fresh ? context.vocabulary.firstStatus : null);
  if (!status || status.toLowerCase() === current?.status.toLowerCase()) return null;
  const since = row.statusSince && row.statusSince !== current?.since ? row.statusSince : null;
  const effectiveOn = row.effectiveOn ?? since ?? (fresh ? row.announcedOn : null) ?? context.today;
  const field = row.effectiveOn ? 'effective_on' : since ? 'status_since' : 'status';
  const place: ImportPlace = context.problems.placeOf(row.row, null, field);
  if (current && effectiveOn < current.since) {
    context.problems.add(
      place,
      field,
      `"${status}" would take effect on ${effectiveOn}, before "${current.status}" (since ${current.since}), so it would not become the current status.`,
    );
    return null;
  }
  if ('existing' in target.ref && !row.note) {
    const statusId = context.vocabulary.statuses.find((known) => known.name === status)?.id ?? -1;
    const refusal = brokenBeforeDeadline(context.db, target.ref.existing, statusId, effectiveOn);
    if (refusal) context.problems.add(place, field, `${refusal} Give it in a note column.`);
  }
  return {
    line: row.place.line,
    sheet: null,
    commitment: target.ref,
    title: target.title,
    status,
    party: null,
    effectiveOn,
    recordedAt: null,
    note: row.note ?? '',
    previous: current?.status ?? null,
  };
}
