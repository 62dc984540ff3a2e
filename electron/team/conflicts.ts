// Conflicts of a shared commitment as the analyst sees them, and choosing one value: a new edit that
// every member's machine takes, since its writer had seen both.
import type { Database } from 'better-sqlite3';
import { DomainError } from '../../db/errors.ts';
import { statement } from '../../db/statements.ts';
import { teamLink, whileApplying } from './changes.ts';
import { writeField, type FieldValue } from './fields.ts';
import { deadlineValue } from './outgoing.ts';
import type { PartyRef, TopicPath } from './portable.ts';

export interface FieldConflict {
  field: string;
  /** The value in force now, and the other one written apart, each with who wrote it and when. */
  kept: FieldValue & { text: string };
  other: FieldValue & { text: string };
}

export function listConflicts(db: Database, commitmentId: number): FieldConflict[] {
  return statement<[number], { field: string; kept: string; other: string }>(
    db,
    'SELECT field, kept, other FROM team_conflict WHERE commitment_id = ? ORDER BY field',
  )
    .all(commitmentId)
    .map((row) => {
      const kept = JSON.parse(row.kept) as FieldValue;
      const other = JSON.parse(row.other) as FieldValue;
      return {
        field: row.field,
        kept: { ...kept, text: valueText(db, row.field, kept.value) },
        other: { ...other, text: valueText(db, row.field, other.value) },
      };
    });
}

/** Writes the chosen value and queues it as an edit even when it is the value in force already. */
export function resolveConflict(
  db: Database,
  commitmentId: number,
  field: string,
  choose: 'kept' | 'other',
): void {
  db.transaction(() => {
    const row = statement<[number, string], { kept: string; other: string; dossierId: number; uid: string }>(
      db,
      `SELECT k.kept, k.other, c.dossier_id AS dossierId, c.uid FROM team_conflict k
         JOIN commitment c ON c.id = k.commitment_id WHERE k.commitment_id = ? AND k.field = ?`,
    ).get(commitmentId, field);
    if (!row) {
      throw new DomainError(
        'not_found',
        `Commitment ${commitmentId} has no conflict in its ${field}.`,
        'field',
      );
    }
    const link = teamLink(db, row.dossierId);
    if (!link?.canWrite) {
      throw new DomainError(
        'conflict',
        'This dossier is shared with you read-only: a member who may write has to choose.',
        'field',
      );
    }
    const chosen = JSON.parse(choose === 'kept' ? row.kept : row.other) as FieldValue;
    whileApplying(db, () => writeField(db, commitmentId, field, chosen.value));
    statement(db, 'DELETE FROM team_outbox WHERE entity_uid = ? AND field = ? AND pushing = 0').run(
      row.uid,
      field,
    );
    statement(
      db,
      `INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
       VALUES (?, ?, 'commitment', ?, ?, 'set', ?)`,
    ).run(
      row.dossierId,
      link.cursor,
      row.uid,
      field,
      JSON.stringify({ value: localValue(db, commitmentId, field) }),
    );
    statement(db, 'DELETE FROM team_conflict WHERE commitment_id = ? AND field = ?').run(commitmentId, field);
  })();
}

/** The field as the outbox holds it: local ids for parties and topics, as the capture triggers write. */
function localValue(db: Database, id: number, field: string): unknown {
  switch (field) {
    case 'topics':
      return statement<[number], { id: number }>(
        db,
        'SELECT topic_id AS id FROM commitment_topic WHERE commitment_id = ?',
      )
        .all(id)
        .map((row) => row.id);
    case 'maker':
    case 'owed_to':
      return statement<[number, string], { id: number }>(
        db,
        'SELECT party_id AS id FROM commitment_party WHERE commitment_id = ? AND role = ?',
      )
        .all(id, field)
        .map((row) => row.id);
    case 'parent':
      return (
        statement<[number], { uid: string | null }>(
          db,
          'SELECT p.uid FROM commitment c LEFT JOIN commitment p ON p.id = c.parent_id WHERE c.id = ?',
        ).get(id)?.uid ?? null
      );
    case 'deadline':
      return deadlineValue(
        statement<
          [number],
          {
            deadline_on: string | null;
            deadline_amount: number | null;
            deadline_unit: string | null;
            deadline_from: string | null;
          }
        >(
          db,
          'SELECT deadline_on, deadline_amount, deadline_unit, deadline_from FROM commitment WHERE id = ?',
        ).get(id)!,
      );
    default:
      return (
        statement<[number], Record<string, unknown>>(
          db,
          `SELECT ${columnOf(field)} AS value FROM commitment WHERE id = ?`,
        ).get(id)?.value ?? null
      );
  }
}

function columnOf(field: string): string {
  if (!['title', 'summary', 'kind', 'announced_on', 'deleted_at'].includes(field)) {
    throw new DomainError('invalid_input', `A commitment has no field “${field}”.`, 'field');
  }
  return field;
}

/** A value in the analyst's words: "security › fentanyl", "Mexico, United States", "90 days from 2025-07-31". */
function valueText(db: Database, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  switch (field) {
    case 'topics':
      return (value as TopicPath[]).map((path) => path.join(' › ')).join(', ') || '(none)';
    case 'maker':
    case 'owed_to':
      return (value as PartyRef[]).map((party) => party.name).join(', ') || '(none)';
    case 'parent':
      return (
        statement<[string], { title: string }>(db, 'SELECT title FROM commitment WHERE uid = ?').get(
          value as string,
        )?.title ?? '(a commitment not here)'
      );
    case 'deadline': {
      const deadline = value as { on?: string; amount?: number; unit?: string; from?: string };
      return deadline.on ?? `${deadline.amount} ${deadline.unit} from ${deadline.from}`;
    }
    case 'deleted_at':
      return 'in the trash';
    default:
      return String(value);
  }
}
