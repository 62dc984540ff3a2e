// Writes an import plan (see import-plan.ts) in one transaction: all of it, or on any error nothing.
import type { Database } from 'better-sqlite3';
import { normaliseDeadline } from './commitments.ts';
import { applyChanges, type CommitmentState } from './edits.ts';
import { DomainError } from './errors.ts';
import {
  ImportError,
  type CommitmentRef,
  type ImportPlace,
  type ImportPlan,
  type ImportResult,
  type PlannedCommitment,
  type PlannedEdit,
} from './import-plan.ts';
import { statement } from './statements.ts';
import { newUid } from './uids.ts';
import { insertStatusUpdate } from './status-updates.ts';

export function applyImport(db: Database, plan: ImportPlan): ImportResult {
  return db.transaction((): ImportResult => {
    const names = new NameIds(db);
    const newIds = withSearchIndexInOneGo(db, () => insertAllNew(db, names, plan.newCommitments));
    const idOf = (ref: CommitmentRef) => ('existing' in ref ? ref.existing : newIds[ref.new]!);
    const setParent = statement(db, 'UPDATE commitment SET parent_id = ? WHERE id = ?');
    plan.newCommitments.forEach((commitment, index) => {
      if (commitment.parent) setParent.run(idOf(commitment.parent), newIds[index]!);
    });
    for (const edit of plan.updatedCommitments) {
      at(edit, null, () => applyChanges(db, edit.id, changesOf(edit, names, idOf)));
    }
    for (const commitment of plan.newCommitments) {
      if (commitment.parent) at(commitment, 'parent_id', () => refuseCycle(db, idOf(commitment.parent!)));
    }
    for (const update of plan.statusUpdates) {
      at(update, 'status', () =>
        insertStatusUpdate(db, {
          commitmentId: idOf(update.commitment),
          statusId: names.status(update.status),
          effectiveOn: update.effectiveOn,
          note: update.note,
          partyId: update.party === null ? null : names.party(update.party),
          excerptId: null,
          correctsId: null,
          ...(update.recordedAt ? { recordedAt: update.recordedAt } : {}),
        }),
      );
    }
    return {
      newCommitmentIds: newIds,
      updatedCommitments: plan.updatedCommitments.length,
      statusUpdates: plan.statusUpdates.length,
    };
  })();
}

/**
 * Adds the new commitments to the full-text index in one statement rather than one by one through
 * its trigger: for 100,000 commitments that is seconds saved (SQLite's FTS5 pays a fixed cost per
 * statement). The trigger is dropped and put back, exactly as it was, inside the same transaction,
 * so no other connection ever sees it missing, and a failure puts everything back as it was.
 */
function withSearchIndexInOneGo(db: Database, insert: () => number[]): number[] {
  const trigger = statement<[], { sql: string }>(
    db,
    `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'commitment_fts_insert'`,
  ).get();
  if (!trigger) return insert();
  db.exec('DROP TRIGGER commitment_fts_insert');
  const ids = insert();
  db.prepare(
    `INSERT INTO commitment_fts (rowid, title, summary)
     SELECT id, title, summary FROM commitment WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(ids));
  db.exec(trigger.sql);
  return ids;
}

/** Runs one step; an error becomes an ImportError at the plan item's line, so the analyst can find it. */
function at<T>(place: ImportPlace, field: string | null, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const path = error instanceof DomainError ? error.path : undefined;
    const message = (error as Error).message;
    throw new ImportError([{ ...place, field: fieldNames[path ?? ''] ?? field, message }]);
  }
}

/** The file's column for the field a database error names. */
const fieldNames: Record<string, string> = {
  parentId: 'parent_id',
  statusId: 'status',
  partyId: 'party',
  dossierId: 'dossier',
  madeBy: 'made_by',
  owedTo: 'owed_to',
  topicIds: 'topics',
};

/**
 * Those keeping the file's id first: a fresh id is one past the largest, so it can never take an
 * id that a later row of the file keeps. Returns the ids in the plan's order.
 */
function insertAllNew(db: Database, names: NameIds, commitments: PlannedCommitment[]): number[] {
  const ids: number[] = new Array<number>(commitments.length);
  const taken = statement<[number], { id: number }>(db, 'SELECT id FROM commitment WHERE id = ?');
  for (const keeping of [true, false]) {
    commitments.forEach((commitment, index) => {
      if ((commitment.keepId !== null) !== keeping) return;
      // Taken since the plan was made: the commitment gets a fresh id instead.
      const keepId = commitment.keepId !== null && taken.get(commitment.keepId) ? null : commitment.keepId;
      ids[index] = at(commitment, 'title', () => insertNew(db, names, commitment, keepId));
    });
  }
  return ids;
}

function insertNew(
  db: Database,
  names: NameIds,
  commitment: PlannedCommitment,
  keepId: number | null,
): number {
  const deadline = normaliseDeadline(commitment.deadline);
  const id = Number(
    statement(
      db,
      `INSERT INTO commitment (id, uid, dossier_id, title, summary, kind, announced_on,
                               deadline_on, deadline_amount, deadline_unit, deadline_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      keepId,
      newUid(),
      names.dossier(commitment.dossier),
      commitment.title,
      commitment.summary,
      commitment.kind,
      commitment.announcedOn,
      deadline.on,
      deadline.amount,
      deadline.unit,
      deadline.from,
    ).lastInsertRowid,
  );
  const addParty = statement(db, 'INSERT OR IGNORE INTO commitment_party VALUES (?, ?, ?)');
  for (const party of commitment.madeBy) addParty.run(id, names.party(party), 'maker');
  for (const party of commitment.owedTo) addParty.run(id, names.party(party), 'owed_to');
  const addTopic = statement(db, 'INSERT OR IGNORE INTO commitment_topic VALUES (?, ?)');
  for (const topic of commitment.topics) addTopic.run(id, names.topic(topic));
  return id;
}

function changesOf(
  edit: PlannedEdit,
  names: NameIds,
  idOf: (ref: CommitmentRef) => number,
): Partial<CommitmentState> {
  const { changes } = edit;
  return {
    title: changes.title,
    summary: changes.summary,
    kind: changes.kind,
    parentId: changes.parent === undefined ? undefined : changes.parent && idOf(changes.parent),
    madeBy: changes.madeBy?.map((name) => names.party(name)),
    owedTo: changes.owedTo?.map((name) => names.party(name)),
    topicIds: changes.topics?.map((path) => names.topic(path)),
    announcedOn: changes.announcedOn,
    deadline: changes.deadline,
  };
}

/** A new commitment may name a parent that, through the file, is overseen by it. */
function refuseCycle(db: Database, parentId: number): void {
  const loop = statement<[{ id: number }], { id: number }>(
    db,
    `WITH RECURSIVE above (id, depth) AS (
       SELECT parent_id, 1 FROM commitment WHERE id = @id AND parent_id IS NOT NULL
       UNION ALL
       SELECT c.parent_id, above.depth + 1 FROM commitment c JOIN above ON c.id = above.id
        WHERE c.parent_id IS NOT NULL AND above.depth < 10000)
     SELECT id FROM above WHERE id = @id LIMIT 1`,
  ).get({ id: parentId });
  if (loop) {
    throw new DomainError(
      'invalid_input',
      `the parents form a loop: commitment ${parentId} would oversee itself.`,
    );
  }
}

/**
 * Ids of dossiers, parties and topics by the names the file uses, whatever their case; what does
 * not exist yet is created (a party as an organisation, which the analyst can change later).
 */
class NameIds {
  private readonly db: Database;
  private readonly cache = new Map<string, number>();

  constructor(db: Database) {
    this.db = db;
  }

  private remember(key: string, find: () => number | undefined, create: () => number): number {
    let id = this.cache.get(key);
    if (id === undefined) {
      id = find() ?? create();
      this.cache.set(key, id);
    }
    return id;
  }

  status(name: string): number {
    return this.remember(
      `status:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM status WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () => {
        throw new DomainError('not_found', `There is no status “${name}”.`, 'statusId');
      },
    );
  }

  dossier(name: string): number {
    return this.remember(
      `dossier:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM dossier WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () => Number(statement(this.db, 'INSERT INTO dossier (name) VALUES (?)').run(name).lastInsertRowid),
    );
  }

  party(name: string): number {
    return this.remember(
      `party:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM party WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () =>
        Number(
          statement(this.db, `INSERT INTO party (name, kind) VALUES (?, 'organisation')`).run(name)
            .lastInsertRowid,
        ),
    );
  }

  /** "trade › tariffs": each level found or created under the one before. */
  topic(path: string): number {
    const find = statement<[number, string], { id: number }>(
      this.db,
      'SELECT id FROM topic WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE',
    );
    const insert = statement(this.db, 'INSERT INTO topic (parent_id, name) VALUES (?, ?)');
    const levels = path.split('›').map((level) => level.trim());
    let parentId: number | null = null;
    for (let depth = 0; depth < levels.length; depth += 1) {
      const name = levels[depth]!;
      const under: number | null = parentId;
      const key = `topic:${levels
        .slice(0, depth + 1)
        .join(' › ')
        .toLowerCase()}`;
      parentId = this.remember(
        key,
        () => find.get(under ?? 0, name)?.id,
        () => Number(insert.run(under, name).lastInsertRowid),
      );
    }
    if (parentId === null) throw new DomainError('invalid_input', 'A topic needs a name.', 'topicIds');
    return parentId;
  }
}
