// `report`: resolves the filters by name, builds the report, writes it without half-written files, and
// remembers it (a report snapshot) so the next one of its template can say what changed since.
import {
  inLanguage,
  reportLanguages,
  systemReportLanguage,
  type ReportLanguage,
} from '../reports/language.ts';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { isCalendarDate, today } from '../../db/as-of.ts';
import type { CommitmentFilter } from '../../db/commitments.ts';
import {
  citationStyleIds,
  deadlineStates,
  evidenceFormats,
  type CitationStyle,
  type EvidenceFormat,
} from '../../db/model.ts';
import { listReference } from '../../db/reference.ts';
import { findReportTemplate, type ReportFormat } from '../../db/report-templates.ts';
import { writeAtomically } from '../reports/atomic-file.ts';
import { exportReportToFile, formatDetails } from '../reports/export.ts';
import { safeFileName } from '../reports/file-names.ts';
import type { ReportOptions, ReportScope } from '../reports/model.ts';
import type { CliValues } from './cli.ts';
import { UsageError } from './usage-error.ts';

export const reportFormats = ['pdf', 'xlsx', 'csv', 'md', 'json', 'docx', 'html'] as const;

function reportFormat(values: CliValues, saved: ReportFormat | undefined): ReportFormat {
  const format = values.format?.trim().toLowerCase() ?? saved;
  if (!format) throw new UsageError(`report needs --format (${reportFormats.join(', ')}).`);
  const found = reportFormats.find((known) => known === format || (format === 'markdown' && known === 'md'));
  if (!found) {
    throw new UsageError(
      `--format "${values.format}" is not a report format; use one of ${[...reportFormats, ...evidenceFormats].join(', ')}.`,
    );
  }
  return found;
}

/**
 * The file to write: the folder as typed, which must exist and take files; the name made safe for
 * any system the file may be sent to (no control characters, no reserved device names).
 */
/** --out as a file ending in `extension`, checked the same way for every command that writes one. */
export function outputFile(values: CliValues, extension: string, command = 'report'): string {
  if (!values.out) throw new UsageError(`${command} needs --out FILE.`);
  const wanted = resolve(values.out);
  const folder = dirname(wanted);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`--out: the folder ${folder} does not exist.`);
  }
  if (existsSync(wanted) && statSync(wanted).isDirectory()) {
    throw new UsageError(`--out: ${wanted} is a folder; give the name of the file to write.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out: the folder ${folder} does not let you write in it.`);
  }
  return join(folder, safeFileName(basename(wanted), extension));
}

function calendarDay(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`--${flag} "${value}" is not a date written YYYY-MM-DD.`);
  return value;
}

function reportOptions(values: CliValues, scope: ReportScope, savedName: string | undefined): ReportOptions {
  const since = calendarDay('since', values.since);
  const day = scope.asOf ?? today();
  if (since !== undefined && since > day) {
    throw new UsageError(`--since ${since} is after the day the report describes (${day}).`);
  }
  const template = values.template?.trim();
  if (values.template !== undefined && !template) throw new UsageError('--template needs a name.');
  // A saved template keeps the spelling it was saved with, however its name was typed.
  return { since, template: savedName ?? template, style: citationStyle(values) };
}

/** --style: one of the citation styles offered; left out, the settings' choice. */
function citationStyle(values: CliValues): CitationStyle | undefined {
  if (values.style === undefined) return undefined;
  const wanted = values.style.trim().toLowerCase();
  const found = citationStyleIds.find((known) => known === wanted);
  if (!found) {
    throw new UsageError(
      `--style "${values.style}" is not a citation style; use one of ${citationStyleIds.join(', ')}.`,
    );
  }
  return found;
}

/** `report --format csl-json|bibtex`: the sources the scope's commitments quote, for a reference manager. */
async function writeEvidence(db: Database, values: CliValues, format: EvidenceFormat): Promise<number> {
  if (values.since !== undefined || values.template !== undefined || values.style !== undefined) {
    throw new UsageError(
      `--format ${format} writes the report's sources alone: --since, --template and --style do not apply.`,
    );
  }
  const out = outputFile(values, format === 'bibtex' ? 'bib' : 'json');
  const { dossier: _d, topic: _t, party: _p, status: _s, ...scope } = resolveScope(db, values);
  const { call } = await import('./publish.ts');
  const evidence = await call(db, 'renderEvidence', { scope, format });
  writeAtomically(out, Buffer.from(evidence.base64, 'base64'));
  const count = evidence.sourceCount;
  console.log(`Wrote ${count} source${count === 1 ? '' : 's'} to ${out}`);
  return 0;
}

/** --language en|es, else the system's language (LANG) when it is one of the app's, else English. */
export function languageOf(values: CliValues): ReportLanguage {
  if (values.language === undefined) return systemReportLanguage();
  const wanted = values.language.trim().toLowerCase();
  const found = reportLanguages.find((language) => language === wanted);
  if (!found)
    throw new UsageError(`--language "${values.language}" is not one of ${reportLanguages.join(', ')}.`);
  return found;
}

export async function writeReport(db: Database, values: CliValues): Promise<number> {
  const kind = values.kind?.trim().toLowerCase() ?? 'briefing';
  if (kind === 'scorecard') return (await import('./scorecard.ts')).writeScorecard(db, values);
  if (kind !== 'briefing') {
    throw new UsageError(`--kind "${values.kind}" is not a kind of report; use briefing or scorecard.`);
  }
  if (values.compare !== undefined) {
    throw new UsageError(
      '--compare belongs to the scorecard (--kind scorecard); a briefing takes --since DAY.',
    );
  }
  const evidence = evidenceFormats.find((known) => known === values.format?.trim().toLowerCase());
  if (evidence) return writeEvidence(db, values, evidence);
  const saved = values.template?.trim() ? findReportTemplate(db, values.template) : null;
  const format = reportFormat(values, saved?.format);
  const out = outputFile(values, formatDetails[format].extension);
  const scope = resolveScope(db, values, saved?.scope);
  const options = reportOptions(values, scope, saved?.name);
  const { commitmentCount: count } = await inLanguage(languageOf(values), () =>
    exportReportToFile(db, { ...options, scope, format }, out),
  );
  console.log(`Wrote ${count} commitment${count === 1 ? '' : 's'} to ${out}`);
  return 0;
}

/**
 * Turns names typed on the command line into ids, refusing unknown ones with the known ones listed.
 * A saved template's filters come first; each flag given replaces the template's.
 */
export function resolveScope(db: Database, values: CliValues, base: CommitmentFilter = {}): ReportScope {
  const reference = listReference(db);
  const scope: ReportScope = { ...base };
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
  const given = {
    dossierId: pick('dossier', values.dossier, reference.dossiers, (d) => [d.name]),
    topicId: pick('topic', values.topic, reference.topics, (t) => [t.path, t.name]),
    partyId: pick('party', values.party, reference.parties, (p) => [p.name]),
    statusId: pick('status', values.status, reference.statuses, (s) => [s.name]),
    text: values.text || undefined,
    ...stateFilters(values),
  };
  Object.assign(scope, Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)));
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
  const asOf = calendarDay('as-of', values['as-of']);
  if (asOf !== undefined) filters.asOf = asOf;
  return filters;
}
