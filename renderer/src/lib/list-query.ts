// The list's filters and sort as they live in the URL, so a view can be bookmarked and reloaded.

export type SortColumn = 'title' | 'dossier' | 'status' | 'announced_on' | 'due_on' | 'updated';

export interface ListQuery {
  dossierId: number | undefined;
  topicId: number | undefined;
  partyId: number | undefined;
  statusId: number | undefined;
  text: string | undefined;
  sort: SortColumn;
  direction: 'asc' | 'desc';
}

export const sortLabels: Record<SortColumn, string> = {
  title: 'Commitment',
  dossier: 'Dossier',
  status: 'Status',
  announced_on: 'Announced',
  due_on: 'Due',
  updated: 'Last update',
};

function id(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function readListQuery(query: URLSearchParams): ListQuery {
  const sort = query.get('sort');
  return {
    dossierId: id(query.get('dossier')),
    topicId: id(query.get('topic')),
    partyId: id(query.get('party')),
    statusId: id(query.get('status')),
    text: query.get('q')?.trim() || undefined,
    sort: sort && sort in sortLabels ? (sort as SortColumn) : 'due_on',
    direction: query.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The hash for a list view, leaving defaults out so plain views keep plain URLs. */
export function listHash(list: ListQuery): string {
  const params = new URLSearchParams();
  if (list.dossierId) params.set('dossier', String(list.dossierId));
  if (list.topicId) params.set('topic', String(list.topicId));
  if (list.partyId) params.set('party', String(list.partyId));
  if (list.statusId) params.set('status', String(list.statusId));
  if (list.text) params.set('q', list.text);
  if (list.sort !== 'due_on') params.set('sort', list.sort);
  if (list.direction !== 'asc') params.set('dir', list.direction);
  const search = params.toString();
  return search ? `#/?${search}` : '#/';
}
