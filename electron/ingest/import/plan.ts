// Plans an import without writing: what a CSV, XLSX or JSON file would add and change (see db/import-plan.ts).
import type { Database } from 'better-sqlite3';
import { today as todayOf } from '../../../db/as-of.ts';
import type { CommitmentRef, ImportPlan, PlannedCommitment, PlannedEdit } from '../../../db/import-plan.ts';
import type { ImportDocument } from './document.ts';
import { findExisting, loadVocabulary, type Existing } from './existing.ts';
import { describeEdit } from './plan-edits.ts';
import { newNames } from './plan-names.ts';
import { planStatusUpdates } from './plan-status.ts';
import { matchRows, resolveParents, type Matching } from './match.ts';
import {
  knownCommitmentColumns,
  knownHistoryColumns,
  parseCommitment,
  parseHistory,
  type ParsedCommitment,
} from './parse-rows.ts';
import { Problems } from './problems.ts';
import { readImportFile } from './read-file.ts';

export interface PlanOptions {
  /** The day a changed status takes effect when the row does not say; today when left out. */
  today?: string;
}

export async function planImport(db: Database, file: string, options: PlanOptions = {}): Promise<ImportPlan> {
  return planDocument(db, await readImportFile(file), options);
}

export function planDocument(db: Database, document: ImportDocument, options: PlanOptions = {}): ImportPlan {
  const vocabulary = loadVocabulary(db);
  const statusNames = vocabulary.statuses.map((status) => status.name);
  const problems = new Problems();
  if (document.commitments && document.format !== 'json' && !document.commitments.columns.includes('title')) {
    problems.add(
      { line: 1, sheet: null },
      'title',
      'the file has no title column (its first row names the columns).',
    );
  }
  const rows = (document.commitments?.rows ?? []).map((row) => parseCommitment(row, problems, statusNames));
  const historySheet = document.history?.sheet ?? null;
  const history = (document.history?.rows ?? []).flatMap(
    (row) => parseHistory(row, historySheet, problems, statusNames) ?? [],
  );
  problems.throwIfAny();
  const existing = findExisting(
    db,
    [...rows.flatMap((row) => (row.id === null ? [] : [row.id]))],
    rows.flatMap((row) => (row.title === undefined ? [] : [row.title])),
  );
  const matching = matchRows(rows, existing, problems);
  const parents = resolveParents(db, rows, matching, problems);
  problems.throwIfAny();
  const newCommitments = matching.newRows.map((index, n) =>
    plannedCommitment(rows[index]!, parents[index] ?? null, matching.keepIds[n] ?? null),
  );
  const updatedCommitments = edits(rows, matching, parents, existing);
  const statusUpdates = planStatusUpdates({
    db,
    rows,
    history,
    matching,
    existing,
    vocabulary,
    problems,
    today: options.today ?? todayOf(),
  });
  problems.throwIfAny();
  const touched = new Set([
    ...updatedCommitments.map((edit) => edit.id),
    ...statusUpdates.flatMap((update) =>
      'existing' in update.commitment ? [update.commitment.existing] : [],
    ),
  ]);
  return {
    file: document.file,
    format: document.format,
    ...newNames(vocabulary, newCommitments, updatedCommitments),
    newCommitments,
    updatedCommitments,
    statusUpdates,
    unchanged: matching.refs.filter((ref) => 'existing' in ref && !touched.has(ref.existing)).length,
    warnings: [
      ...document.warnings,
      ...columnWarnings(document),
      ...dueOnWarnings(rows, matching, existing, updatedCommitments),
    ],
  };
}

function plannedCommitment(
  row: ParsedCommitment,
  parent: CommitmentRef | null,
  keepId: number | null,
): PlannedCommitment {
  return {
    ...row.place,
    keepId,
    dossier: row.dossier!,
    title: row.title!,
    summary: row.summary ?? '',
    kind: row.kind!,
    parent,
    madeBy: row.madeBy ?? [],
    owedTo: row.owedTo ?? [],
    topics: row.topics ?? [],
    announcedOn: row.announcedOn ?? null,
    deadline: row.deadline ?? null,
  };
}

function edits(
  rows: ParsedCommitment[],
  matching: Matching,
  parents: (CommitmentRef | null | undefined)[],
  existing: Existing,
): PlannedEdit[] {
  return rows.flatMap((row, index) => {
    const ref = matching.refs[index]!;
    if (!('existing' in ref)) return [];
    const edit = describeEdit(row, parents[index], existing.live.get(ref.existing)!, matching);
    return edit ? [edit] : [];
  });
}

/** Columns Pledgewatch does not read are named, so a misspelt one does not pass unnoticed. */
function columnWarnings(document: ImportDocument): string[] {
  const unknown = (columns: string[], known: Set<string>) => columns.filter((column) => !known.has(column));
  const warnings: string[] = [];
  const commitments = unknown(document.commitments?.columns ?? [], knownCommitmentColumns);
  if (commitments.length > 0) warnings.push(`Columns not read: ${commitments.join(', ')}.`);
  const history = unknown(document.history?.columns ?? [], knownHistoryColumns);
  const where = document.history?.sheet ? `${document.history.sheet} sheet: c` : 'C';
  if (history.length > 0) warnings.push(`${where}olumns not read: ${history.join(', ')}.`);
  const filled = (column: string) =>
    document.history?.rows.some((row) => {
      const value = row.cells.get(column);
      return value !== undefined && value !== null && String(value).trim() !== '';
    });
  if (filled('evidence_quote'))
    warnings.push('Evidence quotes in the history are not restored: add them from their sources.');
  if (filled('recorded_by'))
    warnings.push(
      'Who recorded each status update (recorded_by) is not restored: this import records them anew.',
    );
  return warnings;
}

/** due_on is worked out from the deadline; an analyst who changed it alone would otherwise see nothing happen. */
function dueOnWarnings(
  rows: ParsedCommitment[],
  matching: Matching,
  existing: Existing,
  updated: PlannedEdit[],
): string[] {
  const deadlineChanged = new Set(
    updated.filter((edit) => edit.changes.deadline !== undefined).map((edit) => edit.id),
  );
  return rows.flatMap((row, index) => {
    const ref = matching.refs[index]!;
    if (!('existing' in ref) || row.dueOn === undefined || deadlineChanged.has(ref.existing)) return [];
    const before = existing.live.get(ref.existing)!.dueOn;
    if (row.dueOn === before) return [];
    return [
      `Line ${row.place.line}: due_on is worked out from the deadline and was not read; change deadline_on instead.`,
    ];
  });
}
