// Creating, editing and deleting reference data (dossiers, parties, topics, statuses), undoably.
import type { Database } from 'better-sqlite3';
import { logAction, quoted } from './action-log.ts';
import { DomainError } from './errors.ts';
import type { PartyKind } from '../electron/domain/model.ts';
import {
  isUsed,
  referenceUsage,
  requireReference,
  usageMessage,
  type ReferenceKind,
} from './reference-usage.ts';
import { statement } from './statements.ts';

export interface DossierInput {
  id?: number | undefined;
  name: string;
  description: string;
}

export interface PartyInput {
  id?: number | undefined;
  name: string;
  kind: PartyKind;
  /** Only a person acts for anyone, and only for a state or organisation. */
  actsForId: number | null;
  aliases: string[];
}

export interface TopicInput {
  id?: number | undefined;
  name: string;
  parentId: number | null;
  keywords: string[];
}

export interface StatusInput {
  id?: number | undefined;
  name: string;
  colour: string;
  category: 'open' | 'closed';
  score: -1 | 0 | 1 | null;
  /** Kept so a deleted status comes back in its place; new ones go last. */
  position?: number | undefined;
}

export type ReferenceInput =
  | { kind: 'dossier'; input: DossierInput }
  | { kind: 'party'; input: PartyInput }
  | { kind: 'topic'; input: TopicInput }
  | { kind: 'status'; input: StatusInput };

export const saveDossier = (db: Database, input: DossierInput): number =>
  save(db, { kind: 'dossier', input });
export const saveParty = (db: Database, input: PartyInput): number => save(db, { kind: 'party', input });
export const saveTopic = (db: Database, input: TopicInput): number => save(db, { kind: 'topic', input });
export const saveStatus = (db: Database, input: StatusInput): number => save(db, { kind: 'status', input });

export function createDossier(db: Database, name: string, description: string): number {
  return saveDossier(db, { name, description });
}

/** Creates when there is no id, else updates; logged for undo in the same transaction. */
function save(db: Database, reference: ReferenceInput): number {
  return db.transaction(() => {
    const { kind, input } = reference;
    const before = input.id === undefined ? null : currentReference(db, kind, input.id);
    const id = writeReference(db, reference, 'save');
    if (before) {
      logAction(db, `Edited ${kind} ${quoted(input.name.trim())}`, { undo: 'rewrite', reference: before });
    } else {
      logAction(db, `Created ${kind} ${quoted(input.name.trim())}`, { undo: 'remove', kind, id });
    }
    return id;
  })();
}

export function deleteReference(db: Database, kind: ReferenceKind, id: number): number {
  return db.transaction(() => {
    const before = currentReference(db, kind, id);
    removeReference(db, kind, id);
    logAction(db, `Deleted ${kind} ${quoted(before.input.name)}`, { undo: 'recreate', reference: before });
    return id;
  })();
}

/** Refuses while anything uses it, saying what; "not yet assessed" is never removed. */
export function removeReference(db: Database, kind: ReferenceKind, id: number): void {
  const name = requireReference(db, kind, id);
  if (kind === 'status' && !isAssessed(db, id)) {
    throw new DomainError(
      'conflict',
      `${quoted(name)} is the status every new commitment starts with; it cannot be deleted.`,
      'id',
    );
  }
  const usage = referenceUsage(db, kind, id);
  if (isUsed(usage)) throw new DomainError('conflict', usageMessage(kind, usage), 'id');
  statement(db, `DELETE FROM ${kind} WHERE id = ?`).run(id);
}

/** Writes a reference after checking it; 'recreate' puts a deleted one back under its old id. */
export function writeReference(db: Database, reference: ReferenceInput, mode: 'save' | 'recreate'): number {
  if (mode === 'recreate' && reference.input.id !== undefined) {
    const taken = statement<[number], { name: string }>(
      db,
      `SELECT name FROM ${reference.kind} WHERE id = ?`,
    ).get(reference.input.id);
    if (taken) throw new DomainError('conflict', `Its id is now held by ${quoted(taken.name)}.`, 'id');
  }
  const update = mode === 'save' && reference.input.id !== undefined;
  if (update) requireReference(db, reference.kind, reference.input.id!);
  switch (reference.kind) {
    case 'dossier':
      return writeDossier(db, reference.input, update);
    case 'party':
      return writeParty(db, reference.input, update);
    case 'topic':
      return writeTopic(db, reference.input, update);
    case 'status':
      return writeStatus(db, reference.input, update);
  }
}

/** A name already taken (whatever the case) by another row of the same kind is a conflict on 'name'. */
function requireFreeName(
  db: Database,
  kind: 'dossier' | 'party' | 'status',
  name: string,
  id?: number,
): void {
  const taken = statement<[string, number], { id: number }>(
    db,
    `SELECT id FROM ${kind} WHERE name = ? COLLATE NOCASE AND id <> ?`,
  ).get(name, id ?? 0);
  if (taken) throw new DomainError('conflict', `A ${kind} named ${quoted(name, 60)} already exists.`, 'name');
}

function writeDossier(db: Database, input: DossierInput, update: boolean): number {
  const name = input.name.trim();
  requireFreeName(db, 'dossier', name, input.id);
  if (update) {
    statement(db, 'UPDATE dossier SET name = ?, description = ? WHERE id = ?').run(
      name,
      input.description,
      input.id,
    );
    return input.id!;
  }
  return Number(
    statement(db, 'INSERT INTO dossier (id, name, description) VALUES (?, ?, ?)').run(
      input.id ?? null,
      name,
      input.description,
    ).lastInsertRowid,
  );
}

/** One per line, trimmed, without blanks or repeats: how aliases and keywords are stored. */
function lines(values: string[]): string {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))].join('\n');
}

function writeParty(db: Database, input: PartyInput, update: boolean): number {
  const name = input.name.trim();
  requireFreeName(db, 'party', name, input.id);
  if (input.actsForId !== null) requireActsFor(db, input);
  if (update && input.kind === 'person') {
    const agents = statement<[number], { name: string }>(
      db,
      'SELECT name FROM party WHERE acts_for_id = ? ORDER BY name COLLATE NOCASE',
    ).all(input.id!);
    if (agents.length > 0) {
      throw new DomainError(
        'conflict',
        `${agents.map((agent) => quoted(agent.name, 60)).join(', ')} ${agents.length === 1 ? 'acts' : 'act'} for ${quoted(name, 60)}, so it must stay a state or organisation.`,
        'kind',
      );
    }
  }
  const values = [name, input.kind, input.actsForId, lines(input.aliases)] as const;
  if (update) {
    statement(db, 'UPDATE party SET name = ?, kind = ?, acts_for_id = ?, aliases = ? WHERE id = ?').run(
      ...values,
      input.id,
    );
    return input.id!;
  }
  return Number(
    statement(db, 'INSERT INTO party (id, name, kind, acts_for_id, aliases) VALUES (?, ?, ?, ?, ?)').run(
      input.id ?? null,
      ...values,
    ).lastInsertRowid,
  );
}

/** A person may act for a state or an organisation (Rubio for the US); nothing else acts for anyone. */
function requireActsFor(db: Database, input: PartyInput): void {
  if (input.kind !== 'person') {
    throw new DomainError(
      'invalid_input',
      `Only a person can act for a state or organisation; ${quoted(input.name.trim(), 60)} is ${input.kind === 'state' ? 'a state' : 'an organisation'}.`,
      'actsForId',
    );
  }
  const principal = statement<[number], { name: string; kind: PartyKind }>(
    db,
    'SELECT name, kind FROM party WHERE id = ?',
  ).get(input.actsForId!);
  if (!principal) throw new DomainError('not_found', `No party has id ${input.actsForId}.`, 'actsForId');
  if (principal.kind === 'person') {
    throw new DomainError(
      'invalid_input',
      `A person can act only for a state or organisation; ${quoted(principal.name, 60)} is a person.`,
      'actsForId',
    );
  }
}

function writeTopic(db: Database, input: TopicInput, update: boolean): number {
  const name = input.name.trim();
  const parent =
    input.parentId === null
      ? null
      : statement<[number], { name: string }>(db, 'SELECT name FROM topic WHERE id = ?').get(input.parentId);
  if (input.parentId !== null && !parent) {
    throw new DomainError('not_found', `No topic has id ${input.parentId}.`, 'parentId');
  }
  if (update && input.parentId !== null) requireNoTopicCycle(db, input.id!, input.parentId, name);
  const taken = statement<[number, string, number], { id: number }>(
    db,
    'SELECT id FROM topic WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE AND id <> ?',
  ).get(input.parentId ?? 0, name, input.id ?? 0);
  if (taken) {
    const where = parent ? `under ${quoted(parent.name, 60)}` : 'at the top level';
    throw new DomainError('conflict', `A topic named ${quoted(name, 60)} already exists ${where}.`, 'name');
  }
  const values = [input.parentId, name, lines(input.keywords)] as const;
  if (update) {
    statement(db, 'UPDATE topic SET parent_id = ?, name = ?, keywords = ? WHERE id = ?').run(
      ...values,
      input.id,
    );
    return input.id!;
  }
  return Number(
    statement(db, 'INSERT INTO topic (id, parent_id, name, keywords) VALUES (?, ?, ?, ?)').run(
      input.id ?? null,
      ...values,
    ).lastInsertRowid,
  );
}

/** A topic cannot sit under itself or under one of its own sub-topics. */
function requireNoTopicCycle(db: Database, id: number, parentId: number, name: string): void {
  const below = statement<[number, number], { name: string }>(
    db,
    `WITH RECURSIVE below (id) AS (
       SELECT ? UNION SELECT t.id FROM topic t JOIN below ON t.parent_id = below.id)
     SELECT name FROM topic WHERE id = ? AND id IN (SELECT id FROM below)`,
  ).get(id, parentId);
  if (below) {
    const message =
      parentId === id
        ? `A topic cannot sit under itself.`
        : `${quoted(name, 60)} cannot sit under ${quoted(below.name, 60)}, which is one of its own sub-topics.`;
    throw new DomainError('invalid_input', message, 'parentId');
  }
}

function isAssessed(db: Database, id: number): boolean {
  return (
    statement<[number], { assessed: number }>(db, 'SELECT assessed FROM status WHERE id = ?').get(id)
      ?.assessed !== 0
  );
}

function writeStatus(db: Database, input: StatusInput, update: boolean): number {
  const name = input.name.trim();
  requireFreeName(db, 'status', name, input.id);
  if (update && !isAssessed(db, input.id!)) {
    // "Not yet assessed" is never inaction and never a verdict: it stays open and unscored.
    if (input.category !== 'open') {
      throw new DomainError('invalid_input', `${quoted(name, 60)} must stay an open status.`, 'category');
    }
    if (input.score !== null) {
      throw new DomainError('invalid_input', `${quoted(name, 60)} carries no compliance score.`, 'score');
    }
  }
  if (update) {
    statement(db, 'UPDATE status SET name = ?, colour = ?, category = ?, score = ? WHERE id = ?').run(
      name,
      input.colour,
      input.category,
      input.score,
      input.id,
    );
    return input.id!;
  }
  const position =
    input.position ??
    statement<[], { next: number }>(db, 'SELECT coalesce(max(position), 0) + 1 AS next FROM status').get()!
      .next;
  return Number(
    statement(
      db,
      'INSERT INTO status (id, name, colour, category, score, position, assessed) VALUES (?, ?, ?, ?, ?, ?, 1)',
    ).run(input.id ?? null, name, input.colour, input.category, input.score, position).lastInsertRowid,
  );
}

/** A reference as it is now, in the shape its save takes: what undoing an edit or a delete puts back. */
export function currentReference(db: Database, kind: ReferenceKind, id: number): ReferenceInput {
  requireReference(db, kind, id);
  switch (kind) {
    case 'dossier':
      return {
        kind,
        input: statement<[number], DossierInput>(
          db,
          'SELECT id, name, description FROM dossier WHERE id = ?',
        ).get(id)!,
      };
    case 'party': {
      const row = statement<[number], Omit<PartyInput, 'aliases'> & { aliases: string }>(
        db,
        'SELECT id, name, kind, acts_for_id AS actsForId, aliases FROM party WHERE id = ?',
      ).get(id)!;
      return { kind, input: { ...row, aliases: row.aliases.split('\n').filter(Boolean) } };
    }
    case 'topic': {
      const row = statement<[number], Omit<TopicInput, 'keywords'> & { keywords: string }>(
        db,
        'SELECT id, name, parent_id AS parentId, keywords FROM topic WHERE id = ?',
      ).get(id)!;
      return { kind, input: { ...row, keywords: row.keywords.split('\n').filter(Boolean) } };
    }
    case 'status':
      return {
        kind,
        input: statement<[number], StatusInput>(
          db,
          'SELECT id, name, colour, category, score, position FROM status WHERE id = ?',
        ).get(id)!,
      };
  }
}
