// A report's scope in the analyst's words, so every report says what it covers.
import type { CommitmentFilter } from '../../db/commitments.ts';
import type { ReferenceData } from '../../db/model.ts';
import { deadlineStateLabel, readableDay } from './wording.ts';

export interface ScopeTerm {
  label: string;
  value: string;
}

/** Names looked up by id, so a scope from the app (ids only) reads like one typed on the command line. */
export function describeScope(scope: CommitmentFilter, reference: ReferenceData): ScopeTerm[] {
  const terms: ScopeTerm[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined) terms.push({ label, value });
  };
  const named = <T extends { id: number }>(items: T[], id: number | undefined, name: (item: T) => string) =>
    id === undefined ? undefined : lookUp(items, id, name);
  add(
    'Dossier',
    named(reference.dossiers, scope.dossierId, (d) => d.name),
  );
  const topic = named(reference.topics, scope.topicId, (t) => t.path);
  add('Topic', topic === undefined ? undefined : `${topic}, with its subtopics`);
  add(
    'Party',
    named(reference.parties, scope.partyId, (p) => p.name),
  );
  add(
    'Status',
    named(reference.statuses, scope.statusId, (s) => s.name),
  );
  add('Status category', scope.statusCategory);
  add('Deadline', scope.deadlineState && deadlineStateLabel(scope.deadlineState));
  if (scope.dateFrom !== undefined || scope.dateTo !== undefined) {
    const which = scope.dateField === 'announced_on' ? 'Announced' : 'Due';
    const from = scope.dateFrom ? `from ${readableDay(scope.dateFrom)}` : '';
    const to = scope.dateTo ? `to ${readableDay(scope.dateTo)}` : '';
    add(which, [from, to].filter(Boolean).join(' '));
  }
  add('Text', scope.text ? `“${scope.text}”` : undefined);
  return terms;
}

/** What a report's scope is written with in its JSON and its snapshot: its ids, and the names they stand for. */
export interface NamedScope extends CommitmentFilter {
  dossier?: string;
  topic?: string;
  party?: string;
  status?: string;
}

/** The scope with the name of each id it holds (a topic by its path), so the JSON reads without a lookup. */
export function namedScope(scope: CommitmentFilter, reference: ReferenceData): NamedScope {
  const named: NamedScope = { ...scope };
  const name = <T extends { id: number }>(
    items: T[],
    id: number | undefined,
    nameOf: (item: T) => string,
  ) => {
    const item = id === undefined ? undefined : items.find((each) => each.id === id);
    return item ? nameOf(item) : undefined;
  };
  const names = {
    dossier: name(reference.dossiers, scope.dossierId, (d) => d.name),
    topic: name(reference.topics, scope.topicId, (t) => t.path),
    party: name(reference.parties, scope.partyId, (p) => p.name),
    status: name(reference.statuses, scope.statusId, (s) => s.name),
  };
  for (const [key, value] of Object.entries(names)) {
    if (value !== undefined) named[key as keyof typeof names] = value;
  }
  return named;
}

function lookUp<T extends { id: number }>(items: T[], id: number, name: (item: T) => string): string {
  const item = items.find((each) => each.id === id);
  return item ? name(item) : `#${id} (no longer exists)`;
}

/** "Dossier: X · Topic: Y", or "All commitments". */
export function scopeLine(terms: ScopeTerm[]): string {
  return terms.length === 0 ? 'All commitments' : terms.map((t) => `${t.label}: ${t.value}`).join(' · ');
}
