// Who did what to the commitments of a shared dossier, for "changes since": who added a commitment,
// and who edited which of its fields. Read from the team's log as this database has it, and from the
// outbox for what was written here and not yet sent (its author is this machine's member).
import type { Database } from 'better-sqlite3';
import { statement } from '../../db/statements.ts';
import { commitmentFields } from '../team/fields.ts';

/** A field as the team's log names it, with deleted_at told apart as moved to or restored from the trash. */
export type EditedField =
  | 'title'
  | 'summary'
  | 'kind'
  | 'parent'
  | 'announced_on'
  | 'deadline'
  | 'topics'
  | 'maker'
  | 'owed_to'
  | 'trashed'
  | 'restored';

export interface CommitmentEdits {
  commitment: { id: number; title: string };
  /** Each member who edited it, in the order of their first edit since the baseline. */
  by: { author: string; fields: EditedField[]; at: string }[];
}

/** Nothing to read in a database that never shared a dossier: its reports pay nothing for this. */
function sharesAny(db: Database): boolean {
  return statement<[], { found: number }>(db, 'SELECT 1 AS found FROM team_link LIMIT 1').get() !== undefined;
}

/** Who added each of these commitments to the team's dossier, where it is known. */
export function addedBy(db: Database, commitmentIds: number[]): Record<number, string> {
  if (commitmentIds.length === 0 || !sharesAny(db)) return {};
  const rows = statement<[{ ids: string }], { id: number; author: string }>(
    db,
    // One pass over the log (no index leads from a commitment to its create entry), then the outbox.
    `SELECT c.id, l.author FROM team_log l JOIN commitment c ON c.uid = l.entity_uid
      WHERE l.entity = 'commitment' AND l.op = 'create' AND c.id IN (SELECT value FROM json_each(@ids))
     UNION ALL
     SELECT c.id, k.member FROM commitment c
       JOIN team_outbox o ON o.entity_uid = c.uid AND o.entity = 'commitment' AND o.op = 'create'
       JOIN team_link k ON k.dossier_id = o.dossier_id
      WHERE c.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(commitmentIds) });
  const authors: Record<number, string> = {};
  for (const row of rows) authors[row.id] ??= row.author;
  return authors;
}

/** True when the entry sets the field to nothing: for deleted_at, out of the trash. */
function cleared(payload: string): boolean {
  try {
    return ((JSON.parse(payload) as { value?: unknown } | null)?.value ?? null) === null;
  } catch {
    return false;
  }
}

function editedField(field: string, payload: string): EditedField | null {
  if (field === 'deleted_at') return cleared(payload) ? 'restored' : 'trashed';
  // Every other field a commitment carries in the team's log is an edit of that field.
  return (commitmentFields as readonly string[]).includes(field) ? (field as EditedField) : null;
}

/**
 * The edits to these commitments' fields made since `moment` (received by the team's server since, or
 * written here since and not yet sent), grouped per commitment in the order given, then per author.
 */
export function editsSince(
  db: Database,
  commitments: { id: number; title: string }[],
  moment: string,
): CommitmentEdits[] {
  if (commitments.length === 0 || !sharesAny(db)) return [];
  const rows = statement<
    [{ ids: string; moment: string }],
    { id: number; author: string; field: string; payload: string; at: string }
  >(
    db,
    `SELECT * FROM (
       SELECT c.id, l.author, l.field, l.payload, l.received_at AS at, 0 AS pending, l.seq AS n
         FROM team_log l JOIN commitment c ON c.uid = l.entity_uid
        WHERE l.entity = 'commitment' AND l.op = 'set' AND l.received_at >= @moment
          AND c.id IN (SELECT value FROM json_each(@ids))
       UNION ALL
       SELECT c.id, k.member, o.field, o.payload, o.written_at, 1, o.id
         FROM team_outbox o JOIN team_link k ON k.dossier_id = o.dossier_id
         JOIN commitment c ON c.uid = o.entity_uid
        WHERE o.entity = 'commitment' AND o.op = 'set' AND o.written_at >= @moment
          AND c.id IN (SELECT value FROM json_each(@ids)))
     ORDER BY pending, at, n`,
  ).all({ ids: JSON.stringify(commitments.map((c) => c.id)), moment });
  const byCommitment = new Map<number, Map<string, { fields: Set<EditedField>; at: string }>>();
  for (const row of rows) {
    const field = editedField(row.field, row.payload);
    if (field === null) continue;
    const authors = byCommitment.get(row.id) ?? new Map();
    byCommitment.set(row.id, authors);
    const edits = authors.get(row.author) ?? { fields: new Set<EditedField>(), at: row.at };
    authors.set(row.author, edits);
    edits.fields.add(field);
    if (row.at > edits.at) edits.at = row.at;
  }
  return commitments.flatMap((commitment) => {
    const authors = byCommitment.get(commitment.id);
    if (!authors) return [];
    const by = [...authors].map(([author, edits]) => ({ author, fields: [...edits.fields], at: edits.at }));
    return [{ commitment: { id: commitment.id, title: commitment.title }, by }];
  });
}

/** When the commitment was last edited, by anyone. */
export function lastEditAt(edits: CommitmentEdits): string {
  return edits.by.reduce((last, { at }) => (at > last ? at : last), '');
}
