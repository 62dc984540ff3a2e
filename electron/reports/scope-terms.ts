// A report's scope in the analyst's words, so every report says what it covers.
import type { ReferenceData } from '../domain/model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { deadlineStateLabel, readableDay } from './wording.ts';
import type { CommitmentFilter } from '../../db/commitment-filter.ts';

export interface ScopeTerm {
  label: string;
  value: string;
}

const categoryWords: Record<NonNullable<CommitmentFilter['statusCategory']>, () => string> = {
  open: m.layout_scope_category_open,
  closed: m.layout_scope_category_closed,
};

/** Names looked up by id, so a scope from the app (ids only) reads like one typed on the command line. */
export function describeScope(scope: CommitmentFilter, reference: ReferenceData): ScopeTerm[] {
  const terms: ScopeTerm[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined) terms.push({ label, value });
  };
  const named = <T extends { id: number }>(items: T[], id: number | undefined, name: (item: T) => string) =>
    id === undefined ? undefined : lookUp(items, id, name);
  add(
    m.layout_scope_dossier(),
    named(reference.dossiers, scope.dossierId, (d) => d.name),
  );
  const topic = named(reference.topics, scope.topicId, (t) => t.path);
  add(m.layout_scope_topic(), topic === undefined ? undefined : m.layout_scope_topic_value({ topic }));
  add(
    m.layout_scope_party(),
    named(reference.parties, scope.partyId, (p) => p.name),
  );
  add(
    m.layout_scope_status(),
    named(reference.statuses, scope.statusId, (s) => s.name),
  );
  add(m.layout_scope_category(), scope.statusCategory && categoryWords[scope.statusCategory]());
  add(m.layout_scope_deadline(), scope.deadlineState && deadlineStateLabel(scope.deadlineState));
  if (scope.dateFrom !== undefined || scope.dateTo !== undefined) {
    const which = scope.dateField === 'announced_on' ? m.layout_scope_announced() : m.layout_scope_due();
    const from = scope.dateFrom ? m.layout_scope_from({ day: readableDay(scope.dateFrom) }) : '';
    const to = scope.dateTo ? m.layout_scope_to({ day: readableDay(scope.dateTo) }) : '';
    add(which, [from, to].filter(Boolean).join(' '));
  }
  add(m.layout_scope_text(), scope.text ? `“${scope.text}”` : undefined);
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
  return item ? name(item) : m.layout_scope_gone({ id });
}

/** "Dossier: X · Topic: Y", or "All commitments". */
export function scopeLine(terms: ScopeTerm[]): string {
  return terms.length === 0 ? m.layout_scope_all() : terms.map((t) => `${t.label}: ${t.value}`).join(' · ');
}
