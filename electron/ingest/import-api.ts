// The app's import of a dropped file: what it would change, as plain data for the preview, and then
// the same file written in one transaction. The renderer sends the file's bytes; nothing here touches disk.
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  ImportError,
  type ImportPlace,
  type ImportPlan,
  type ImportProblem,
  type PlannedDeadline,
  type PlannedStatusUpdate,
} from '../../db/import-plan.ts';
import { applyImport } from '../../db/imports.ts';
import { planDocument } from './import/plan.ts';
import { readImport } from './import/read-file.ts';

/** A dropped file: its name (which gives its type) and its bytes in base64. */
export interface ImportFileInput {
  name: string;
  contentBase64: string;
}

/** One change the import would make, in the analyst's words; `line` and `sheet` say where in the file. */
export type ImportChange = ImportPlace &
  (
    | {
        kind: 'new commitment';
        title: string;
        dossier: string;
        deadline: string | null;
        /** The status it will have (its history's latest), or null when the file gives none. */
        status: string | null;
      }
    | { kind: 'updated commitment'; title: string; fields: { field: string; from: string; to: string }[] }
    | {
        kind: 'status update';
        title: string;
        /** The status in force before; null for a restored history entry. */
        from: string | null;
        to: string;
        effectiveOn: string;
        party: string | null;
      }
  );

export interface ImportCounts {
  newCommitments: number;
  updatedCommitments: number;
  statusUpdates: number;
  newDossiers: number;
  newParties: number;
  newTopics: number;
  unchanged: number;
}

/** What the preview shows: the plan (nothing written yet), or why the file cannot be imported. */
export type ImportPreview =
  | {
      ok: true;
      file: string;
      format: ImportPlan['format'];
      counts: ImportCounts;
      /** The first changes, in file order by kind; `moreChanges` says how many are not listed. */
      changes: ImportChange[];
      moreChanges: number;
      newDossiers: string[];
      newParties: string[];
      newTopics: string[];
      warnings: string[];
    }
  | {
      ok: false;
      file: string;
      /** Each with its line and field; the import writes nothing while there is one. */
      problems: ImportProblem[];
      /** Problems found beyond those listed. */
      moreProblems: number;
    };

export interface ImportApplied {
  file: string;
  newCommitments: number;
  updatedCommitments: number;
  statusUpdates: number;
}

/** Enough to check a plan by eye in the dialog; the counts say the rest. */
export const listedChanges = 50;

/** Reads and plans without writing; a file with errors answers with its problems rather than failing. */
export async function planImportFile(db: Database, input: ImportFileInput): Promise<ImportPreview> {
  const file = basename(input.name);
  try {
    return previewOf(await planOf(db, input));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { ok: false, file, problems: error.problems, moreProblems: moreProblemsOf(error) };
  }
}

/**
 * Plans again from the same bytes (the data may have changed since the preview) and writes it all in
 * one transaction; an error names its line and field and writes nothing. Nothing awaits between the
 * plan and the write, so no other call runs in between.
 */
export async function applyImportFile(db: Database, input: ImportFileInput): Promise<ImportApplied> {
  const document = await readImport(basename(input.name), bytesOf(input));
  const result = applyImport(db, planDocument(db, document));
  return {
    file: document.file,
    newCommitments: result.newCommitmentIds.length,
    updatedCommitments: result.updatedCommitments,
    statusUpdates: result.statusUpdates,
  };
}

async function planOf(db: Database, input: ImportFileInput): Promise<ImportPlan> {
  return planDocument(db, await readImport(basename(input.name), bytesOf(input)));
}

function bytesOf(input: ImportFileInput): Uint8Array {
  return new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
}

/** ImportError lists the first problems and counts the rest only in its message ("… and 12 more"). */
function moreProblemsOf(error: ImportError): number {
  const more = /… and (\d+) more$/.exec(error.message);
  return more ? Number(more[1]) : 0;
}

function previewOf(plan: ImportPlan): ImportPreview {
  const changes = changesOf(plan);
  return {
    ok: true,
    file: plan.file,
    format: plan.format,
    counts: {
      newCommitments: plan.newCommitments.length,
      updatedCommitments: plan.updatedCommitments.length,
      statusUpdates: plan.statusUpdates.length,
      newDossiers: plan.newDossiers.length,
      newParties: plan.newParties.length,
      newTopics: plan.newTopics.length,
      unchanged: plan.unchanged,
    },
    changes: changes.slice(0, listedChanges),
    moreChanges: Math.max(0, changes.length - listedChanges),
    newDossiers: plan.newDossiers,
    newParties: plan.newParties,
    newTopics: plan.newTopics,
    warnings: plan.warnings,
  };
}

/**
 * Status changes first: updating many statuses through a spreadsheet is what imports are mostly for.
 * A new commitment's own history is summed up on its line (its status), not listed entry by entry.
 */
function changesOf(plan: ImportPlan): ImportChange[] {
  const place = (item: ImportPlace): ImportPlace => ({ line: item.line, sheet: item.sheet });
  const statusOfNew = new Map<number, PlannedStatusUpdate>();
  for (const update of plan.statusUpdates) {
    if (!('new' in update.commitment)) continue;
    const latest = statusOfNew.get(update.commitment.new);
    if (!latest || update.effectiveOn >= latest.effectiveOn) statusOfNew.set(update.commitment.new, update);
  }
  return [
    ...plan.statusUpdates
      .filter((update) => 'existing' in update.commitment)
      .map((update): ImportChange => ({
        ...place(update),
        kind: 'status update',
        title: update.title,
        from: update.previous,
        to: update.status,
        effectiveOn: update.effectiveOn,
        party: update.party,
      })),
    ...plan.updatedCommitments.map((edit): ImportChange => ({
      ...place(edit),
      kind: 'updated commitment',
      title: edit.title,
      fields: edit.changed,
    })),
    ...plan.newCommitments.map((commitment, index): ImportChange => ({
      ...place(commitment),
      kind: 'new commitment',
      title: commitment.title,
      dossier: commitment.dossier,
      deadline: deadlineText(commitment.deadline),
      status: statusOfNew.get(index)?.status ?? null,
    })),
  ];
}

function deadlineText(deadline: PlannedDeadline): string | null {
  if (deadline === null) return null;
  if ('on' in deadline) return deadline.on;
  return `${deadline.amount} ${deadline.unit} from ${deadline.from}`;
}
