// `import FILE.csv|.xlsx|.json` of commitments: what the file would change (planImportFile, as the app's
// preview), printed, then written all or nothing (applyImportFile) unless a dry run.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../db/open.ts';
import type { OutputOf } from '../api/contract.ts';
import { call, OperationFailed } from './operations.ts';

type Preview = OutputOf<'planImportFile'>;
type Planned = Extract<Preview, { ok: true }>;
type Change = Planned['changes'][number];
type Problem = Extract<Preview, { ok: false }>['problems'][number];

/** Enough lines of each kind to check a plan by eye; the counts say the rest. */
const listedAtMost = 10;

function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const where = (place: { line: number; sheet: string | null }) =>
  `${place.sheet ? `${place.sheet} sheet, ` : ''}line ${place.line}`;

/** The first changes of one kind the preview lists, and how many more there are of that kind. */
function listed<Kind extends Change['kind']>(
  plan: Planned,
  kind: Kind,
  count: number,
  line: (change: Extract<Change, { kind: Kind }>) => string,
): string[] {
  const changes = plan.changes.filter(
    (change): change is Extract<Change, { kind: Kind }> => change.kind === kind,
  );
  const lines = changes.slice(0, listedAtMost).map((change) => `    ${where(change)}: ${line(change)}`);
  const more = count - Math.min(changes.length, listedAtMost);
  if (more > 0) lines.push(`    … and ${more} more`);
  return lines;
}

/** The plan in a few lines: counts per kind of change, then the first of each. */
export function describePlan(file: string, plan: Planned): string {
  const { counts } = plan;
  const lines = [
    `${file}:`,
    `  ${counted(counts.newCommitments, 'new commitment')}`,
    ...listed(plan, 'new commitment', counts.newCommitments, (change) => `“${change.title}”`),
    `  ${counted(counts.updatedCommitments, 'updated commitment')}`,
    ...listed(
      plan,
      'updated commitment',
      counts.updatedCommitments,
      (change) => `“${change.title}”: ${change.fields.map((field) => field.field).join(', ')}`,
    ),
    `  ${counted(counts.statusUpdates, 'new status update')}`,
    ...listed(plan, 'status update', counts.statusUpdates, (change) => {
      const status = change.from ? `${change.from} → ${change.to}` : change.to;
      const party = change.party ? ` for ${change.party}` : '';
      return `“${change.title}”: ${status}${party}, effective ${change.effectiveOn}`;
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
  if (counts.unchanged > 0) lines.push(`  ${counted(counts.unchanged, 'commitment')} unchanged`);
  for (const warning of plan.warnings) lines.push(`  Note: ${warning}`);
  return lines.join('\n');
}

/** "History sheet, line 5, field effective_on: …": where to look and what is wrong. */
function describeProblem(problem: Problem): string {
  const sheet = problem.sheet === null ? '' : `${problem.sheet} sheet, `;
  const field = problem.field === null ? '' : `, field ${problem.field}`;
  return `${sheet}line ${problem.line}${field}: ${problem.message}`;
}

function refused(file: string, why: string): number {
  console.error(`Pledgewatch: ${file} was not imported; nothing was written.\n${why}`);
  return 2;
}

/**
 * Prints what the file would change and, unless a dry run, writes it all in one transaction.
 * Returns the exit code: 0 done, 2 when the file has errors (each with its line and field).
 */
export async function importCommitments(
  db: Database,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<number> {
  if (!existsSync(file)) {
    console.error(`Pledgewatch: there is no file ${file} to import.`);
    return 2;
  }
  const input = { name: basename(file), contentBase64: readFileSync(file).toString('base64') };
  try {
    const plan = await call(db, 'planImportFile', input);
    if (!plan.ok) {
      const more = plan.moreProblems > 0 ? [`… and ${plan.moreProblems} more`] : [];
      return refused(file, [...plan.problems.map(describeProblem), ...more].join('\n'));
    }
    console.log(describePlan(file, plan));
    if (options.dryRun) {
      console.log('Dry run: nothing was written.');
      return 0;
    }
    const result = await call(db, 'applyImportFile', input);
    console.log(
      `Imported: ${counted(result.newCommitments, 'new commitment')}, ` +
        `${counted(result.updatedCommitments, 'updated commitment')}, ` +
        `${counted(result.statusUpdates, 'new status update')}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof OperationFailed) || error.error.code !== 'invalid_input') throw error;
    return refused(file, error.message);
  }
}
