// `report`: resolves the filters by name, builds the report and writes it without half-written files.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { isCalendarDate } from '../../db/as-of.ts';
import { deadlineStates } from '../../db/model.ts';
import { listReference } from '../../db/reference.ts';
import { renderJson } from '../reports/json.ts';
import { buildReport, type ReportScope } from '../reports/model.ts';
import type { CliValues } from './cli.ts';
import { UsageError } from './usage-error.ts';

export const reportFormats = ['pdf', 'xlsx', 'csv', 'md', 'json', 'docx'] as const;
const availableFormats = ['json'];

export function writeReport(db: Database, values: CliValues): number {
  const format = values.format;
  if (!format) throw new UsageError('report needs --format (json).');
  if (!(reportFormats as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format "${format}" is not a report format; use one of ${reportFormats.join(', ')}.`,
    );
  }
  if (!availableFormats.includes(format)) {
    throw new UsageError(
      `--format ${format} is not available in this version yet; available: ${availableFormats.join(', ')}.`,
    );
  }
  if (!values.out) throw new UsageError('report needs --out FILE.');
  const out = resolve(values.out);
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`--out: the folder ${folder} does not exist.`);
  }
  const report = buildReport(db, resolveScope(db, values));
  writeAtomically(out, renderJson(report));
  console.log(`Wrote ${report.commitments.length} commitments to ${out}`);
  return 0;
}

/** Turns names typed on the command line into ids, refusing unknown ones with the known ones listed. */
export function resolveScope(db: Database, values: CliValues): ReportScope {
  const reference = listReference(db);
  const scope: ReportScope = {};
  const pick = <T extends { id: number }>(
    flag: string,
    value: string | undefined,
    items: T[],
    name: (item: T) => string[],
  ) => {
    if (value === undefined) return undefined;
    const wanted = value.trim().toLowerCase();
    const found = items.find((item) => name(item).some((candidate) => candidate.toLowerCase() === wanted));
    if (!found) {
      const known = items.map((item) => name(item)[0]).join(', ') || 'none';
      throw new UsageError(`--${flag} "${value}" matches nothing; known: ${known}.`);
    }
    return found.id;
  };
  scope.dossierId = pick('dossier', values.dossier, reference.dossiers, (d) => [d.name]);
  scope.topicId = pick('topic', values.topic, reference.topics, (t) => [t.path, t.name]);
  scope.partyId = pick('party', values.party, reference.parties, (p) => [p.name]);
  scope.statusId = pick('status', values.status, reference.statuses, (s) => [s.name]);
  if (values.text) scope.text = values.text;
  Object.assign(scope, stateFilters(values));
  for (const flag of ['dossier', 'topic', 'party', 'status'] as const) {
    if (values[flag] !== undefined) scope[flag] = values[flag];
  }
  return Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined)) as ReportScope;
}

const statusCategories = ['open', 'closed'] as const;

/** The filters on the state of a commitment on a day: its status category, its deadline, the day. */
function stateFilters(values: CliValues): Pick<ReportScope, 'statusCategory' | 'deadlineState' | 'asOf'> {
  const filters: Pick<ReportScope, 'statusCategory' | 'deadlineState' | 'asOf'> = {};
  const category = values['status-category'];
  if (category !== undefined) {
    const wanted = category.trim().toLowerCase();
    const found = statusCategories.find((known) => known === wanted);
    if (!found) {
      throw new UsageError(
        `--status-category "${category}" is not a status category; use one of ${statusCategories.join(', ')}.`,
      );
    }
    filters.statusCategory = found;
  }
  const state = values['deadline-state'];
  if (state !== undefined) {
    // "due soon" and "due-soon" are how people type due_soon.
    const wanted = state
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const found = deadlineStates.find((known) => known === wanted);
    if (!found) {
      throw new UsageError(
        `--deadline-state "${state}" is not a deadline state; use one of ${deadlineStates.join(', ')}.`,
      );
    }
    filters.deadlineState = found;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined) {
    if (!isCalendarDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date written YYYY-MM-DD.`);
    filters.asOf = asOf;
  }
  return filters;
}

/** Writes beside the target and renames, so a reader never sees half a file. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`Cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
