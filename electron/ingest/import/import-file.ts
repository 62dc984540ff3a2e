// `import FILE` for commitments: plans the import, prints what it changes, and writes it unless a dry run.
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { ImportError, type ImportPlan } from '../../../db/import-plan.ts';
import { applyImport } from '../../../db/imports.ts';
import { planImport, type PlanOptions } from './plan.ts';

/** Enough lines of each kind to check a plan by eye; the counts say the rest. */
const listedAtMost = 10;

function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function listed<T>(items: T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, listedAtMost).map((item) => `    ${line(item)}`);
  if (items.length > listedAtMost) lines.push(`    … and ${items.length - listedAtMost} more`);
  return lines;
}

/** The plan in a few lines: counts per kind of change, then the first of each. */
export function describePlan(plan: ImportPlan): string {
  const where = (item: { line: number; sheet: string | null }) =>
    `${item.sheet ? `${item.sheet} sheet, ` : ''}line ${item.line}`;
  const lines = [
    `${plan.file}:`,
    `  ${counted(plan.newCommitments.length, 'new commitment')}`,
    ...listed(plan.newCommitments, (c) => `${where(c)}: “${c.title}”`),
    `  ${counted(plan.updatedCommitments.length, 'updated commitment')}`,
    ...listed(
      plan.updatedCommitments,
      (edit) => `${where(edit)}: “${edit.title}”: ${edit.changed.map((change) => change.field).join(', ')}`,
    ),
    `  ${counted(plan.statusUpdates.length, 'new status update')}`,
    ...listed(plan.statusUpdates, (update) => {
      const change = update.previous ? `${update.previous} → ${update.status}` : update.status;
      const party = update.party ? ` for ${update.party}` : '';
      return `${where(update)}: “${update.title}”: ${change}${party}, effective ${update.effectiveOn}`;
    }),
  ];
  const names = [
    [plan.newDossiers, 'new dossier'],
    [plan.newParties, 'new party', 'new parties'],
    [plan.newTopics, 'new topic'],
  ] as const;
  for (const [items, one, many] of names) {
    if (items.length > 0) lines.push(`  ${counted(items.length, one, many)}: ${items.join(', ')}`);
  }
  if (plan.newParties.length > 0)
    lines.push('  (new parties are organisations; change that in the app if need be)');
  if (plan.unchanged > 0) lines.push(`  ${counted(plan.unchanged, 'commitment')} unchanged`);
  for (const warning of plan.warnings) lines.push(`  Note: ${warning}`);
  return lines.join('\n');
}

/**
 * Prints what the file would change and, unless a dry run, writes it all in one transaction.
 * Returns the exit code: 0 done, 2 when the file has errors (each with its line and field).
 */
export async function importFile(
  db: Database,
  file: string,
  options: { dryRun?: boolean } & PlanOptions = {},
): Promise<number> {
  if (!existsSync(file)) {
    console.error(`Pledgewatch: there is no file ${file} to import.`);
    return 2;
  }
  try {
    const plan = await planImport(db, file, options);
    console.log(describePlan(plan));
    if (options.dryRun) {
      console.log('Dry run: nothing was written.');
      return 0;
    }
    const result = applyImport(db, plan);
    console.log(
      `Imported: ${counted(result.newCommitmentIds.length, 'new commitment')}, ` +
        `${counted(result.updatedCommitments, 'updated commitment')}, ` +
        `${counted(result.statusUpdates, 'new status update')}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`Pledgewatch: ${file} was not imported; nothing was written.\n${error.message}`);
    return 2;
  }
}
