// The fields of a shared commitment: the value in force is the last entry in the log for that field,
// and two values written apart are a conflict kept until someone chooses. Both follow from the log
// alone, so every member's machine reaches the same values and shows the same conflicts.
import type { Database } from 'better-sqlite3';
import { statement } from '../../db/statements.ts';
import { idOf, localParty, localTopic, type PartyRef, type TopicPath } from './portable.ts';
import { normaliseDeadline } from '../../db/commitment-add.ts';

export const commitmentFields = [
  'title',
  'summary',
  'kind',
  'parent',
  'announced_on',
  'deadline',
  'deleted_at',
  'topics',
  'maker',
  'owed_to',
] as const;
export type CommitmentField = (typeof commitmentFields)[number];

export interface FieldValue {
  value: unknown;
  author: string;
  at: string;
}

interface LogEntry {
  seq: number;
  origin: string;
  author: string;
  received_at: string;
  known_seq: number;
  payload: string;
}

/** Writes one field's value as the log carries it; the caller stands the capture triggers aside. */
export function writeField(db: Database, commitmentId: number, field: string, value: unknown): void {
  switch (field) {
    case 'title':
    case 'summary':
    case 'kind':
    case 'announced_on':
    case 'deleted_at':
      statement(db, `UPDATE commitment SET ${field} = ? WHERE id = ?`).run(
        value as string | null,
        commitmentId,
      );
      return;
    case 'parent': {
      const parent = idOf(db, 'commitment', value as string | null);
      statement(db, 'UPDATE commitment SET parent_id = ? WHERE id = ?').run(
        parent === commitmentId ? null : parent,
        commitmentId,
      );
      return;
    }
    case 'deadline': {
      const deadline = normaliseDeadline(value as Parameters<typeof normaliseDeadline>[0]);
      statement(
        db,
        `UPDATE commitment SET deadline_on = ?, deadline_amount = ?, deadline_unit = ?, deadline_from = ?
          WHERE id = ?`,
      ).run(deadline.on, deadline.amount, deadline.unit, deadline.from, commitmentId);
      return;
    }
    case 'topics': {
      statement(db, 'DELETE FROM commitment_topic WHERE commitment_id = ?').run(commitmentId);
      const add = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
      for (const path of value as TopicPath[]) add.run(commitmentId, localTopic(db, path));
      return;
    }
    case 'maker':
    case 'owed_to': {
      statement(db, 'DELETE FROM commitment_party WHERE commitment_id = ? AND role = ?').run(
        commitmentId,
        field,
      );
      const add = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
      for (const party of value as PartyRef[]) add.run(commitmentId, localParty(db, party), field);
      return;
    }
    default:
      return;
  }
}

/**
 * For each (commitment uid, field): the last entry in the log sets the value, unless an edit of it made
 * here waits in the outbox; an entry from another writer that the last one's writer had not seen, with
 * another value, makes a conflict; otherwise any conflict of that field is settled.
 */
export function settleFields(db: Database, keys: [uid: string, field: string][]): void {
  for (const [uid, field] of keys) {
    const commitment = idOf(db, 'commitment', uid);
    if (commitment === null) continue;
    const entries = statement<[string, string], LogEntry>(
      db,
      `SELECT seq, origin, author, received_at, known_seq, payload FROM team_log
        WHERE entity_uid = ? AND field = ? ORDER BY seq DESC`,
    ).all(uid, field);
    const last = entries[0];
    if (!last) continue;
    const waiting = statement<[string, string], { found: number }>(
      db,
      'SELECT 1 AS found FROM team_outbox WHERE entity_uid = ? AND field = ? LIMIT 1',
    ).get(uid, field);
    if (!waiting) writeField(db, commitment, field, (JSON.parse(last.payload) as { value: unknown }).value);
    const unseen = entries.find(
      (entry) =>
        entry.seq < last.seq &&
        entry.seq > last.known_seq &&
        entry.origin !== last.origin &&
        !sameValue(field, entry.payload, last.payload),
    );
    if (unseen) {
      statement(
        db,
        `INSERT INTO team_conflict (commitment_id, field, kept, other) VALUES (?, ?, ?, ?)
         ON CONFLICT (commitment_id, field) DO UPDATE SET kept = excluded.kept, other = excluded.other`,
      ).run(commitment, field, JSON.stringify(fieldValue(last)), JSON.stringify(fieldValue(unseen)));
    } else {
      statement(db, 'DELETE FROM team_conflict WHERE commitment_id = ? AND field = ?').run(commitment, field);
    }
  }
}

/** Two members who both put a commitment in the trash agree, whenever each did it. */
function sameValue(field: string, one: string, other: string): boolean {
  if (field !== 'deleted_at') return one === other;
  const inTrash = (payload: string) => (JSON.parse(payload) as { value: unknown }).value !== null;
  return inTrash(one) === inTrash(other);
}

function fieldValue(entry: LogEntry): FieldValue {
  return {
    value: (JSON.parse(entry.payload) as { value: unknown }).value,
    author: entry.author,
    at: entry.received_at,
  };
}
