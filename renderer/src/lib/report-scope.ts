// What a report covers, as the report dialog edits it: the list's filters, the day it describes and
// what it is compared with, and the format; turned into the API's report request.
import type { InputOf } from '../../../electron/api/contract.ts';
import { deadlineStates, type CitationStyle } from '../../../electron/domain/model.ts';
import { listFilter, noFilters, readListQuery, type DateField, type ListQuery } from './list-query.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

/** The list's filters without the sort: what a report covers. */
export type ReportScope = Omit<ListQuery, 'sort' | 'direction'>;

export type ReportFormat = 'pdf' | 'xlsx' | 'csv' | 'md' | 'json' | 'docx';

/** In the order the dialog offers them: the briefing first, then the tables, then the rest. */
export const reportFormats: { format: ReportFormat; label: string; what: () => string }[] = [
  { format: 'pdf', label: 'PDF', what: m.report_scope_pdf },
  { format: 'xlsx', label: 'XLSX', what: m.report_scope_xlsx },
  { format: 'csv', label: 'CSV', what: m.report_scope_csv },
  { format: 'md', label: 'Markdown', what: m.report_scope_md },
  { format: 'json', label: 'JSON', what: m.report_scope_json },
  { format: 'docx', label: 'DOCX', what: m.report_scope_docx },
];

export function formatWhat(format: ReportFormat): string {
  return reportFormats.find((entry) => entry.format === format)?.what() ?? m.report_scope_report();
}

export function isReportFormat(value: string): value is ReportFormat {
  return reportFormats.some((entry) => entry.format === value);
}

export const emptyScope: ReportScope = { ...noFilters, dateField: 'due_on' };

/** The scope of the list as the URL holds it ("topic=3&status=2"), or everything. */
export function scopeOfList(query: URLSearchParams | null): ReportScope {
  if (!query) return { ...emptyScope };
  const { sort: _sort, direction: _direction, ...scope } = readListQuery(query);
  return scope;
}

type ApiScope = NonNullable<InputOf<'previewReport'>['scope']>;

/** As the API takes it; `asOf` is the day the report describes (today when null). */
export function apiScope(scope: ReportScope, asOf: string | null): ApiScope {
  // Words are kept as typed (a space may come before the next word) and trimmed only here.
  return listFilter(
    { ...scope, text: scope.text?.trim() || undefined, sort: 'due_on', direction: 'asc' },
    asOf,
  );
}

function id(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A saved template's scope back into the dialog's fields (a template never fixes the day). */
export function scopeOfTemplate(saved: Record<string, unknown>): ReportScope {
  return {
    dossierId: id(saved.dossierId),
    topicId: id(saved.topicId),
    partyId: id(saved.partyId),
    statusId: id(saved.statusId),
    statusCategory:
      saved.statusCategory === 'open' || saved.statusCategory === 'closed' ? saved.statusCategory : undefined,
    deadlineState: deadlineStates.find((state) => state === saved.deadlineState),
    dateField: (saved.dateField === 'announced_on' ? 'announced_on' : 'due_on') as DateField,
    dateFrom: text(saved.dateFrom),
    dateTo: text(saved.dateTo),
    text: text(saved.text),
  };
}

/** What is compared: nothing, changes since a day, or since the last report of the chosen template. */
export type Comparison = { kind: 'none' } | { kind: 'since'; day: string } | { kind: 'last report' };

export interface ReportChoice {
  scope: ReportScope;
  asOf: string | null;
  comparison: Comparison;
  /** The template the report belongs to, so the next one can say what changed since it. */
  template: string | null;
  format: ReportFormat;
  /** The style its sources are cited in; null until the settings' choice is known. */
  style?: CitationStyle | null;
}

/**
 * The request for the preview and the export. A template without a date compares with its last
 * report (the API's rule), so a template with "no comparison" is not possible and not offered.
 */
export function reportRequest(choice: ReportChoice): InputOf<'renderReport'> {
  const since =
    choice.comparison.kind === 'since' && choice.comparison.day ? choice.comparison.day : undefined;
  return {
    scope: apiScope(choice.scope, choice.asOf),
    format: choice.format,
    ...(since ? { since } : {}),
    ...(choice.template ? { template: choice.template } : {}),
    ...(choice.style ? { style: choice.style } : {}),
  };
}
