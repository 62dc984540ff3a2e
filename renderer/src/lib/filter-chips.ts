// The list's active filters in words ("Topic: trade › tariffs"), one chip each, with what removes it.
import type { ReferenceData } from '../../../db/model.ts';
import { formatDate } from './dates.ts';
import { deadlineStateLabels } from './deadline.ts';
import { dateFieldLabels, type ListQuery } from './list-query.ts';

export interface FilterChip {
  /** Stable key for the chip, also used in tests. */
  key: string;
  label: string;
  value: string;
  /** What to change in the query to remove this filter. */
  remove: Partial<ListQuery>;
}

function nameOf(items: { id: number; name: string }[] | undefined, id: number): string {
  return items?.find((item) => item.id === id)?.name ?? `#${id}`;
}

function dateRange(list: ListQuery): string {
  if (list.dateFrom && list.dateTo) return `${formatDate(list.dateFrom)} – ${formatDate(list.dateTo)}`;
  if (list.dateFrom) return `from ${formatDate(list.dateFrom)}`;
  return `until ${formatDate(list.dateTo ?? null)}`;
}

export function filterChips(list: ListQuery, reference: ReferenceData | null): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (key: string, label: string, value: string, remove: Partial<ListQuery>) =>
    chips.push({ key, label, value, remove });
  if (list.text) add('text', 'Words', `“${list.text}”`, { text: undefined });
  if (list.dossierId)
    add('dossier', 'Dossier', nameOf(reference?.dossiers, list.dossierId), { dossierId: undefined });
  if (list.topicId) {
    const topic = reference?.topics.find((item) => item.id === list.topicId);
    add('topic', 'Topic', topic?.path ?? `#${list.topicId}`, { topicId: undefined });
  }
  if (list.partyId) add('party', 'Party', nameOf(reference?.parties, list.partyId), { partyId: undefined });
  if (list.statusId)
    add('status', 'Status', nameOf(reference?.statuses, list.statusId), { statusId: undefined });
  if (list.statusCategory)
    add('category', 'Status category', list.statusCategory, { statusCategory: undefined });
  if (list.deadlineState)
    add('deadline', 'Deadline', deadlineStateLabels[list.deadlineState], { deadlineState: undefined });
  if (list.dateFrom || list.dateTo)
    add('dates', dateFieldLabels[list.dateField], dateRange(list), {
      dateFrom: undefined,
      dateTo: undefined,
    });
  return chips;
}
