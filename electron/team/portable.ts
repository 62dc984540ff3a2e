// Rows as every member's machine can read them: commitments, updates and excerpts by uid; parties,
// topics and statuses by name (a topic by its path), created on arrival when a machine lacks them.
import type { Database } from 'better-sqlite3';
import { statement } from '../../db/statements.ts';

export interface PartyRef {
  name: string;
  kind: 'state' | 'organisation' | 'person';
  actsFor: string | null;
}

export interface StatusRef {
  name: string;
  category: 'open' | 'closed';
  score: -1 | 0 | 1 | null;
  colour: string;
  assessed: boolean;
}

/** A topic by its names from the root down: ["security", "fentanyl"]. */
export type TopicPath = string[];

export function partyRef(db: Database, id: number): PartyRef | null {
  const row = statement<[number], { name: string; kind: PartyRef['kind']; actsFor: string | null }>(
    db,
    `SELECT p.name, p.kind, a.name AS actsFor FROM party p LEFT JOIN party a ON a.id = p.acts_for_id
      WHERE p.id = ?`,
  ).get(id);
  return row ?? null;
}

export function statusRef(db: Database, id: number): StatusRef | null {
  const row = statement<[number], Omit<StatusRef, 'assessed'> & { assessed: number }>(
    db,
    'SELECT name, category, score, colour, assessed FROM status WHERE id = ?',
  ).get(id);
  return row ? { ...row, assessed: row.assessed === 1 } : null;
}

export function topicPath(db: Database, id: number): TopicPath | null {
  const path: string[] = [];
  let next: number | null = id;
  while (next !== null && path.length < 32) {
    const row = statement<[number], { name: string; parentId: number | null }>(
      db,
      'SELECT name, parent_id AS parentId FROM topic WHERE id = ?',
    ).get(next);
    if (!row) return null;
    path.unshift(row.name);
    next = row.parentId;
  }
  return path;
}

export function uidOf(db: Database, table: 'commitment' | 'status_update' | 'excerpt', id: number | null) {
  if (id === null) return null;
  return (
    statement<[number], { uid: string }>(db, `SELECT uid FROM ${table} WHERE id = ?`).get(id)?.uid ?? null
  );
}

export function idOf(db: Database, table: 'commitment' | 'status_update' | 'excerpt', uid: string | null) {
  if (uid === null) return null;
  return (
    statement<[string], { id: number }>(db, `SELECT id FROM ${table} WHERE uid = ?`).get(uid)?.id ?? null
  );
}

/** The local party of that name, made if missing (an arriving commitment names a party new here). */
export function localParty(db: Database, ref: PartyRef): number {
  const found = statement<[string], { id: number }>(
    db,
    'SELECT id FROM party WHERE name = ? COLLATE NOCASE',
  ).get(ref.name);
  if (found) return found.id;
  const actsFor =
    ref.kind === 'person' && ref.actsFor !== null
      ? localParty(db, { name: ref.actsFor, kind: 'state', actsFor: null })
      : null;
  return Number(
    statement(db, 'INSERT INTO party (name, kind, acts_for_id) VALUES (?, ?, ?)').run(
      ref.name,
      ref.kind,
      actsFor,
    ).lastInsertRowid,
  );
}

export function localStatus(db: Database, ref: StatusRef): number {
  const found = statement<[string], { id: number }>(
    db,
    'SELECT id FROM status WHERE name = ? COLLATE NOCASE',
  ).get(ref.name);
  if (found) return found.id;
  return Number(
    statement(
      db,
      `INSERT INTO status (name, category, score, colour, position, assessed)
       VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM status), ?)`,
    ).run(ref.name, ref.category, ref.score, ref.colour, ref.assessed ? 1 : 0).lastInsertRowid,
  );
}

export function localTopic(db: Database, path: TopicPath): number {
  let parent: number | null = null;
  for (const name of path) {
    const found: { id: number } | undefined = statement<[number, string], { id: number }>(
      db,
      'SELECT id FROM topic WHERE coalesce(parent_id, 0) = ? AND name = ?',
    ).get(parent ?? 0, name);
    parent = found
      ? found.id
      : Number(
          statement(db, 'INSERT INTO topic (parent_id, name) VALUES (?, ?)').run(parent, name)
            .lastInsertRowid,
        );
  }
  if (parent === null) throw new Error('A topic path names at least one topic.');
  return parent;
}

const present = <T>(value: T | null): value is T => value !== null;

export const partyRefs = (db: Database, ids: number[]): PartyRef[] =>
  ids.map((id) => partyRef(db, id)).filter(present);

export const topicPaths = (db: Database, ids: number[]): TopicPath[] =>
  ids.map((id) => topicPath(db, id)).filter(present);
