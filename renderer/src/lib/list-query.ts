// The list's filters and sort as they live in the URL, so a view can be bookmarked, saved and reopened.
import { deadlineStates, type DeadlineState } from '../../../electron/domain/model.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

export type SortColumn = 'title' | 'dossier' | 'status' | 'announced_on' | 'due_on' | 'updated';
export type DateField = 'announced_on' | 'due_on';

export interface ListQuery {
  dossierId: number | undefined;
  topicId: number | undefined;
  partyId: number | undefined;
  statusId: number | undefined;
  statusCategory: 'open' | 'closed' | undefined;
  deadlineState: DeadlineState | undefined;
  /** Which date the range applies to. */
  dateField: DateField;
  dateFrom: string | undefined;
  dateTo: string | undefined;
  text: string | undefined;
  sort: SortColumn;
  direction: 'asc' | 'desc';
}

// Read once: the window reloads when the analyst changes the language.
export const sortLabels: Record<SortColumn, string> = {
  title: m.list_query_sort_title(),
  dossier: m.list_query_sort_dossier(),
  status: m.list_query_sort_status(),
  announced_on: m.list_query_sort_announced(),
  due_on: m.list_query_sort_due(),
  updated: m.list_query_sort_updated(),
};

export const dateFieldLabels: Record<DateField, string> = {
  announced_on: m.list_query_sort_announced(),
  due_on: m.list_query_sort_due(),
};

/** The filters alone, without the sort: what "Clear filters" empties. */
export const noFilters = {
  dossierId: undefined,
  topicId: undefined,
  partyId: undefined,
  statusId: undefined,
  statusCategory: undefined,
  deadlineState: undefined,
  dateFrom: undefined,
  dateTo: undefined,
  text: undefined,
} satisfies Partial<ListQuery>;

function id(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function day(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

function oneOf<Value extends string>(value: string | null, allowed: readonly Value[]): Value | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function readListQuery(query: URLSearchParams): ListQuery {
  return {
    dossierId: id(query.get('dossier')),
    topicId: id(query.get('topic')),
    partyId: id(query.get('party')),
    statusId: id(query.get('status')),
    statusCategory: oneOf(query.get('category'), ['open', 'closed'] as const),
    deadlineState: oneOf(query.get('deadline'), deadlineStates),
    dateField: query.get('dates') === 'announced_on' ? 'announced_on' : 'due_on',
    dateFrom: day(query.get('from')),
    dateTo: day(query.get('to')),
    text: query.get('q')?.trim() || undefined,
    sort: oneOf(query.get('sort'), Object.keys(sortLabels) as SortColumn[]) ?? 'due_on',
    direction: query.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The URL query of a list view ("topic=3&status=2"), leaving defaults out so plain views keep plain URLs. */
export function listSearch(list: ListQuery): string {
  const params = new URLSearchParams();
  if (list.dossierId) params.set('dossier', String(list.dossierId));
  if (list.topicId) params.set('topic', String(list.topicId));
  if (list.partyId) params.set('party', String(list.partyId));
  if (list.statusId) params.set('status', String(list.statusId));
  if (list.statusCategory) params.set('category', list.statusCategory);
  if (list.deadlineState) params.set('deadline', list.deadlineState);
  if (list.dateField !== 'due_on') params.set('dates', list.dateField);
  if (list.dateFrom) params.set('from', list.dateFrom);
  if (list.dateTo) params.set('to', list.dateTo);
  if (list.text) params.set('q', list.text);
  if (list.sort !== 'due_on') params.set('sort', list.sort);
  if (list.direction !== 'asc') params.set('dir', list.direction);
  return params.toString();
}

/** The hash for a list view. */
export function listHash(list: ListQuery): string {
  const search = listSearch(list);
  return search ? `#/commitments?${search}` : '#/commitments';
}

/** The list's filters as the API takes them (listCommitments, bulk actions). */
export function listFilter(list: ListQuery, asOf: string | null) {
  return {
    dossierId: list.dossierId,
    topicId: list.topicId,
    partyId: list.partyId,
    statusId: list.statusId,
    statusCategory: list.statusCategory,
    deadlineState: list.deadlineState,
    dateField: list.dateField,
    dateFrom: list.dateFrom,
    dateTo: list.dateTo,
    text: list.text,
    asOf: asOf ?? undefined,
  };
}

export function hasFilters(list: ListQuery): boolean {
  return (Object.keys(noFilters) as (keyof typeof noFilters)[]).some((key) => list[key] !== undefined);
}
