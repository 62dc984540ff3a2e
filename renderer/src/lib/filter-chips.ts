// The list's active filters in words ("Topic: trade › tariffs"), one chip each, with what removes it.
import type { ReferenceData } from '../../../electron/domain/model.ts';
import { formatDate } from './dates.ts';
import { deadlineStateLabels } from './deadline.ts';
import { dateFieldLabels, type ListQuery } from './list-query.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

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
  if (list.dateFrom) return m.filter_chips_from({ date: formatDate(list.dateFrom) });
  return m.filter_chips_until({ date: formatDate(list.dateTo ?? null) });
}

export function filterChips(list: ListQuery, reference: ReferenceData | null): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (key: string, label: string, value: string, remove: Partial<ListQuery>) =>
    chips.push({ key, label, value, remove });
  if (list.text) add('text', m.filter_chips_words(), `“${list.text}”`, { text: undefined });
  if (list.dossierId)
    add('dossier', m.filter_chips_dossier(), nameOf(reference?.dossiers, list.dossierId), {
      dossierId: undefined,
    });
  if (list.topicId) {
    const topic = reference?.topics.find((item) => item.id === list.topicId);
    add('topic', m.filter_chips_topic(), topic?.path ?? `#${list.topicId}`, { topicId: undefined });
  }
  if (list.partyId)
    add('party', m.filter_chips_party(), nameOf(reference?.parties, list.partyId), { partyId: undefined });
  if (list.statusId)
    add('status', m.filter_chips_status(), nameOf(reference?.statuses, list.statusId), {
      statusId: undefined,
    });
  if (list.statusCategory)
    add(
      'category',
      m.filter_chips_category(),
      list.statusCategory === 'open' ? m.filter_chips_open() : m.filter_chips_closed(),
      { statusCategory: undefined },
    );
  if (list.deadlineState)
    add('deadline', m.filter_chips_deadline(), deadlineStateLabels[list.deadlineState], {
      deadlineState: undefined,
    });
  if (list.dateFrom || list.dateTo)
    add('dates', dateFieldLabels[list.dateField], dateRange(list), {
      dateFrom: undefined,
      dateTo: undefined,
    });
  return chips;
}
