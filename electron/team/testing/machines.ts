// Test support for the sync property test: the members' machines, the local writes fast-check draws
// for them, and what each machine committed to its own file, which the server must end up holding.
import type { Database } from 'better-sqlite3';
import { updateCommitment } from '../../../db/edits.ts';
import { DomainError } from '../../../db/errors.ts';
import { newCommitment } from '../../../db/testing.ts';
import { deleteCommitment } from '../../../db/trash.ts';
import { undoLastAction } from '../../../db/undo.ts';
import { day, recordStatus } from './clients.ts';
import { insertCommitment } from '../../../db/commitment-add.ts';

const trackedFields = ['title', 'summary', 'deleted_at'] as const;
// Statuses that need no reason before a deadline.
const statuses = ['announced', 'in progress', 'stalled', 'at risk', 'fulfilled', 'partially fulfilled'];

/** What one machine wrote and committed to its own file: what the server must end up holding. */
export interface Written {
  statusUpdates: Set<string>;
  commitments: Set<string>;
  retractions: Set<string>;
  /** The last value this machine gave a field, by `uid\nfield`. */
  lastValues: Map<string, unknown>;
}

export interface Machine {
  login: string;
  db: Database;
  dossierId: number;
  written: Written;
}

export interface Run {
  dossierUid: string;
  machines: Machine[];
  /** Every status update its own day: see the same-day tie in robustness-writers.test.ts, a known bug. */
  day: number;
}

export interface Snapshot {
  statusUpdates: Set<string>;
  retracted: Set<string>;
  commitments: Map<string, Record<string, unknown>>;
}

export function snapshot(machine: Machine): Snapshot {
  const { db, dossierId } = machine;
  const updates = db
    .prepare(
      `SELECT u.uid, EXISTS (SELECT 1 FROM status_update_retraction r WHERE r.update_id = u.id) AS retracted
         FROM status_update u JOIN commitment c ON c.id = u.commitment_id WHERE c.dossier_id = ?`,
    )
    .all(dossierId) as { uid: string; retracted: number }[];
  const commitments = db
    .prepare('SELECT uid, title, summary, deleted_at FROM commitment WHERE dossier_id = ?')
    .all(dossierId) as (Record<string, unknown> & { uid: string })[];
  return {
    statusUpdates: new Set(updates.map((row) => row.uid)),
    retracted: new Set(updates.filter((row) => row.retracted).map((row) => row.uid)),
    commitments: new Map(commitments.map((row) => [row.uid, row])),
  };
}

/** Notes what a committed local write changed, whatever db function made it. */
export function noteWrite(machine: Machine, before: Snapshot, after: Snapshot): void {
  const { written } = machine;
  for (const uid of after.statusUpdates) if (!before.statusUpdates.has(uid)) written.statusUpdates.add(uid);
  for (const uid of after.retracted) if (!before.retracted.has(uid)) written.retractions.add(uid);
  for (const [uid, row] of after.commitments) {
    const old = before.commitments.get(uid);
    if (!old) written.commitments.add(uid);
    for (const field of trackedFields) {
      if (!old || old[field] !== row[field]) written.lastValues.set(`${uid}\n${field}`, row[field]);
    }
  }
}

export type WriteKind = 'status' | 'title' | 'summary' | 'add' | 'trash' | 'undo';

export function write(run: Run, index: number, kind: WriteKind, pick: number): void {
  const machine = run.machines[index]!;
  const { db, dossierId, login } = machine;
  const live = db
    .prepare('SELECT id FROM commitment WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY id DESC')
    .pluck()
    .all(dossierId) as number[];
  const target = live[pick % Math.max(1, live.length)];
  if (target === undefined && kind !== 'add' && kind !== 'undo') return;
  run.day += 1;
  const on = day(run.day);
  const before = snapshot(machine);
  try {
    if (kind === 'status') recordStatus(db, target!, statuses[pick % statuses.length]!, on, `${login} ${on}`);
    if (kind === 'title') updateCommitment(db, { id: target!, title: `${login}’s title of ${on}` });
    if (kind === 'summary') updateCommitment(db, { id: target!, summary: `${login}’s summary of ${on}` });
    if (kind === 'add') {
      insertCommitment(
        db,
        newCommitment(dossierId, { title: `${login}’s pledge of ${on}`, announcedOn: on }),
      );
    }
    if (kind === 'trash') deleteCommitment(db, target!);
    if (kind === 'undo') undoLastAction(db);
  } catch (error) {
    // Refused as the analyst would be (nothing to undo that is still possible): nothing was written.
    if (error instanceof DomainError) return;
    throw error;
  }
  noteWrite(machine, before, snapshot(machine));
}
