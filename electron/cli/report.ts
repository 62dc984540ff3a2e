// `report`: resolves the filters by name, has the API render the report (renderReport, which remembers
// it as a report snapshot so the next one of its template can say what changed since), and writes the
// bytes it returns without half-written files.
import type { Database } from '../../db/open.ts';
import {
  citationStyle,
  deadlineState,
  evidenceFormat,
  reportFormat,
  reportLanguage,
  statusCategory,
  type InputOf,
  type OutputOf,
} from '../api/contract.ts';
import { systemReportLanguage } from '../reports/language.ts';
import type { CliValues } from './cli.ts';
import { calendarDay, today } from './days.ts';
import { call, type Flags } from './operations.ts';
import { outputFile, writeOut } from './out-file.ts';
import { UsageError } from './usage-error.ts';

/** The list's filters as the API takes them: ids, resolved here from the names typed. */
export type Scope = NonNullable<InputOf<'renderReport'>['scope']>;
type Format = InputOf<'renderReport'>['format'];
type Language = NonNullable<InputOf<'renderReport'>['language']>;
type Style = NonNullable<InputOf<'renderReport'>['style']>;
type Template = OutputOf<'listReportTemplates'>[number];

export const reportFormats = reportFormat.options;

/** The flags behind the fields of a report's input, so the contract's refusals name what was typed. */
export const scopeFlags: Flags = {
  'scope.text': '--text',
  'scope.asOf': '--as-of',
  language: '--language',
};

/** The format asked for (each file's extension is its format's name), else the saved template's. */
export function formatOf(values: CliValues, saved: Format | undefined, of: 'report' | 'scorecard'): Format {
  const format = values.format?.trim().toLowerCase() ?? saved;
  const command = of === 'report' ? 'report' : 'report --kind scorecard';
  if (!format) throw new UsageError(`${command} needs --format (${reportFormats.join(', ')}).`);
  const found = reportFormats.find((known) => known === format || (format === 'markdown' && known === 'md'));
  if (!found) {
    // A briefing's evidence is a format of its own (csl-json, bibtex); a scorecard has none.
    const offered = of === 'report' ? [...reportFormats, ...evidenceFormat.options] : reportFormats;
    throw new UsageError(
      `--format "${values.format}" is not a ${of} format; use one of ${offered.join(', ')}.`,
    );
  }
  return found;
}

function reportOptions(
  values: CliValues,
  scope: Scope,
  savedName: string | undefined,
): { since?: string; template?: string; style?: Style } {
  const since = calendarDay('since', values.since);
  const day = scope.asOf ?? today();
  if (since !== undefined && since > day) {
    throw new UsageError(`--since ${since} is after the day the report describes (${day}).`);
  }
  const template = values.template?.trim();
  if (values.template !== undefined && !template) throw new UsageError('--template needs a name.');
  // A saved template keeps the spelling it was saved with, however its name was typed.
  const name = savedName ?? template;
  const style = citationStyleOf(values);
  return {
    ...(since === undefined ? {} : { since }),
    ...(name === undefined ? {} : { template: name }),
    ...(style === undefined ? {} : { style }),
  };
}

/** --style: one of the citation styles offered; left out, the settings' choice. */
function citationStyleOf(values: CliValues): Style | undefined {
  if (values.style === undefined) return undefined;
  const wanted = values.style.trim().toLowerCase();
  const found = citationStyle.options.find((known) => known === wanted);
  if (!found) {
    throw new UsageError(
      `--style "${values.style}" is not a citation style; use one of ${citationStyle.options.join(', ')}.`,
    );
  }
  return found;
}

/** A template saved in the app, by its name in any case. */
async function savedTemplate(db: Database, name: string): Promise<Template | undefined> {
  const wanted = name.trim().toLowerCase();
  const templates = await call(db, 'listReportTemplates', {});
  return templates.find((template) => template.name.trim().toLowerCase() === wanted);
}

/** `report --format csl-json|bibtex`: the sources the scope's commitments quote, for a reference manager. */
async function writeEvidence(
  db: Database,
  values: CliValues,
  format: InputOf<'renderEvidence'>['format'],
): Promise<number> {
  if (values.since !== undefined || values.template !== undefined || values.style !== undefined) {
    throw new UsageError(
      `--format ${format} writes the report's sources alone: --since, --template and --style do not apply.`,
    );
  }
  const out = outputFile(values, format === 'bibtex' ? 'bib' : 'json');
  const scope = await resolveScope(db, values);
  const evidence = await writeOut(out, () => call(db, 'renderEvidence', { scope, format }, scopeFlags));
  const count = evidence.sourceCount;
  console.log(`Wrote ${count} source${count === 1 ? '' : 's'} to ${out}`);
  return 0;
}

/** --language en|es, else the system's language (LANG) when it is one of the app's, else English. */
export function languageOf(values: CliValues): Language {
  const languages = reportLanguage.unwrap().options;
  if (values.language === undefined) return systemReportLanguage();
  const wanted = values.language.trim().toLowerCase();
  const found = languages.find((language) => language === wanted);
  if (!found) throw new UsageError(`--language "${values.language}" is not one of ${languages.join(', ')}.`);
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
  const evidence = evidenceFormat.options.find((known) => known === values.format?.trim().toLowerCase());
  if (evidence) return writeEvidence(db, values, evidence);
  const saved = values.template?.trim() ? await savedTemplate(db, values.template) : undefined;
  const format = formatOf(values, saved?.format, 'report');
  const out = outputFile(values, format);
  const scope = await resolveScope(db, values, saved?.scope);
  const options = reportOptions(values, scope, saved?.name);
  const rendered = await writeOut(out, () =>
    call(db, 'renderReport', { ...options, scope, format, language: languageOf(values) }, scopeFlags),
  );
  const count = rendered.commitmentCount;
  console.log(`Wrote ${count} commitment${count === 1 ? '' : 's'} to ${out}`);
  return 0;
}

/**
 * Turns names typed on the command line into ids, refusing unknown ones with the known ones listed.
 * A saved template's filters come first; each flag given replaces the template's.
 */
export async function resolveScope(db: Database, values: CliValues, base: Scope = {}): Promise<Scope> {
  const reference = await call(db, 'listReference', {});
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
  const given: Scope = {
    dossierId: pick('dossier', values.dossier, reference.dossiers, (d) => [d.name]),
    topicId: pick('topic', values.topic, reference.topics, (t) => [t.path, t.name]),
    partyId: pick('party', values.party, reference.parties, (p) => [p.name]),
    statusId: pick('status', values.status, reference.statuses, (s) => [s.name]),
    text: values.text || undefined,
    ...stateFilters(values),
  };
  return { ...base, ...defined(given) };
}

function defined(scope: Scope): Scope {
  return Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined)) as Scope;
}

/** The filters on the state of a commitment on a day: its status category, its deadline, the day. */
function stateFilters(values: CliValues): Pick<Scope, 'statusCategory' | 'deadlineState' | 'asOf'> {
  const filters: Pick<Scope, 'statusCategory' | 'deadlineState' | 'asOf'> = {};
  const category = values['status-category'];
  if (category !== undefined) {
    const wanted = category.trim().toLowerCase();
    const found = statusCategory.options.find((known) => known === wanted);
    if (!found) {
      throw new UsageError(
        `--status-category "${category}" is not a status category; use one of ${statusCategory.options.join(', ')}.`,
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
    const found = deadlineState.options.find((known) => known === wanted);
    if (!found) {
      throw new UsageError(
        `--deadline-state "${state}" is not a deadline state; use one of ${deadlineState.options.join(', ')}.`,
      );
    }
    filters.deadlineState = found;
  }
  const asOf = calendarDay('as-of', values['as-of']);
  if (asOf !== undefined) filters.asOf = asOf;
  return filters;
}
