// The outbox read for a push: local ids turned into uids and names, and the sources and excerpts an
// entry points to sent before it, once per dossier (their change ids are made from what they are, so
// sending one again, after a lost acknowledgement, stores nothing new).
import type { Database } from 'better-sqlite3';
import { partiesAndTopics } from '../../db/edits.ts';
import { statement } from '../../db/statements.ts';
import type { Entity, OutgoingChange, TeamLink } from './changes.ts';
import { partyRef, partyRefs, statusRef, topicPaths, uidOf } from './portable.ts';

interface OutboxRow {
  id: number;
  change_uid: string;
  known_seq: number;
  entity: Entity;
  entity_uid: string;
  field: string | null;
  op: string;
  payload: string;
}

export interface OutgoingBatch {
  /** Outbox rows this batch carries: removed once the server has them. */
  outboxIds: number[];
  changes: OutgoingChange[];
}

/** The oldest outbox entries of the dossier, marked as being pushed; empty when all are sent. */
export function nextBatch(db: Database, link: TeamLink, writer: string, size: number): OutgoingBatch {
  return db.transaction(() => {
    const rows = statement<[number, number], OutboxRow>(
      db,
      `SELECT id, change_uid, known_seq, entity, entity_uid, field, op, payload FROM team_outbox
        WHERE dossier_id = ? ORDER BY id LIMIT ?`,
    ).all(link.dossierId, size);
    const changes: OutgoingChange[] = [];
    const planned = new Set<string>();
    const base = (row: OutboxRow): Omit<OutgoingChange, 'payload'> => ({
      change_uid: row.change_uid,
      origin: writer,
      known_seq: row.known_seq,
      entity: row.entity,
      entity_uid: row.entity_uid,
      field: row.field,
      op: row.op,
    });
    const withEvidence = (row: OutboxRow, excerptId: number | null) => {
      if (excerptId === null) return;
      for (const change of evidenceChanges(db, link, writer, row.known_seq, excerptId)) {
        if (planned.has(change.change_uid)) continue;
        planned.add(change.change_uid);
        changes.push(change);
      }
    };
    for (const row of rows) {
      const local = JSON.parse(row.payload) as Record<string, unknown>;
      const payload = portablePayload(db, row, local);
      if (payload === null) continue;
      if (row.op === 'link') withEvidence(row, local.excerpt_id as number);
      if (row.entity === 'status_update' && row.op === 'create') {
        withEvidence(row, (local.excerptId as number | null) ?? null);
      }
      changes.push({ ...base(row), payload });
    }
    const ids = rows.map((row) => row.id);
    statement(db, 'UPDATE team_outbox SET pushing = 1 WHERE id IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(ids),
    );
    return { outboxIds: ids, changes };
  })();
}

/** Null when the row it names is gone: nothing to send. */
function portablePayload(
  db: Database,
  row: OutboxRow,
  local: Record<string, unknown>,
): Record<string, unknown> | null {
  if (row.entity === 'commitment' && row.op === 'create') return commitmentPayload(db, local.id as number);
  if (row.entity === 'commitment' && row.op === 'set')
    return { value: portableValue(db, row.field!, local.value) };
  if (row.entity === 'commitment' && row.op === 'link') {
    const excerpt = uidOf(db, 'excerpt', local.excerpt_id as number);
    return excerpt === null ? null : { excerpt };
  }
  if (row.entity === 'status_update' && row.op === 'create') {
    const payload = statusUpdatePayload(db, local.id as number);
    if (payload) local.excerptId = payload.excerptId;
    return payload?.payload ?? null;
  }
  return local;
}

/** Parties and topics by name, the rest as stored. */
export function portableValue(db: Database, field: string, value: unknown): unknown {
  if (field === 'topics') return topicPaths(db, value as number[]);
  if (field === 'maker' || field === 'owed_to') return partyRefs(db, value as number[]);
  return value;
}

export function commitmentPayload(db: Database, id: number): Record<string, unknown> | null {
  const row = statement<
    [number],
    {
      title: string;
      summary: string;
      kind: string;
      parent_id: number | null;
      announced_on: string | null;
      deadline_on: string | null;
      deadline_amount: number | null;
      deadline_unit: string | null;
      deadline_from: string | null;
      created_at: string;
      deleted_at: string | null;
    }
  >(
    db,
    `SELECT title, summary, kind, parent_id, announced_on, deadline_on, deadline_amount, deadline_unit,
            deadline_from, created_at, deleted_at
       FROM commitment WHERE id = ?`,
  ).get(id);
  if (!row) return null;
  const { madeBy, owedTo, topicIds } = partiesAndTopics(db, id);
  return {
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    parent: uidOf(db, 'commitment', row.parent_id),
    announced_on: row.announced_on,
    deadline: deadlineValue(row),
    created_at: row.created_at,
    deleted_at: row.deleted_at,
    topics: topicPaths(db, topicIds),
    maker: partyRefs(db, madeBy),
    owed_to: partyRefs(db, owedTo),
  };
}

/** A deadline as the log carries it: a date, or a duration from a date, or null. */
export function deadlineValue(row: {
  deadline_on: string | null;
  deadline_amount: number | null;
  deadline_unit: string | null;
  deadline_from: string | null;
}): Record<string, unknown> | null {
  if (row.deadline_on !== null) return { on: row.deadline_on };
  if (row.deadline_amount !== null) {
    return { amount: row.deadline_amount, unit: row.deadline_unit, from: row.deadline_from };
  }
  return null;
}

function statusUpdatePayload(
  db: Database,
  id: number,
): { payload: Record<string, unknown>; excerptId: number | null } | null {
  const row = statement<
    [number],
    {
      commitment_id: number;
      party_id: number | null;
      status_id: number;
      effective_on: string;
      recorded_at: string;
      note: string;
      excerpt_id: number | null;
      corrects_id: number | null;
    }
  >(
    db,
    `SELECT commitment_id, party_id, status_id, effective_on, recorded_at, note, excerpt_id, corrects_id
       FROM status_update WHERE id = ?`,
  ).get(id);
  if (!row) return null;
  return {
    excerptId: row.excerpt_id,
    payload: {
      commitment: uidOf(db, 'commitment', row.commitment_id),
      party: row.party_id === null ? null : partyRef(db, row.party_id),
      status: statusRef(db, row.status_id),
      effective_on: row.effective_on,
      recorded_at: row.recorded_at,
      note: row.note,
      excerpt: uidOf(db, 'excerpt', row.excerpt_id),
      corrects: uidOf(db, 'status_update', row.corrects_id),
    },
  };
}

/** The source and the excerpt, unless the dossier's log already holds them. */
function evidenceChanges(
  db: Database,
  link: TeamLink,
  writer: string,
  knownSeq: number,
  excerptId: number,
): OutgoingChange[] {
  const excerpt = statement<
    [number],
    {
      uid: string;
      start: number;
      end: number;
      text: string;
      speaker: string;
      paraphrase: number;
      sha: string;
      title: string;
      publisher: string;
      url: string | null;
      published_on: string | null;
      language: string;
      full_text: string;
      added_at: string;
      csl: string | null;
    }
  >(
    db,
    `SELECT e.uid, e.start, e."end" AS "end", e.text, e.speaker, e.paraphrase, s.text_sha256 AS sha, s.title, s.publisher,
            s.url, s.published_on, s.language, s.full_text, s.added_at, s.csl
       FROM excerpt e JOIN source s ON s.id = e.source_id WHERE e.id = ?`,
  ).get(excerptId);
  if (!excerpt) return [];
  const inLog = statement<[string], { found: number }>(
    db,
    'SELECT 1 AS found FROM team_log WHERE change_uid = ?',
  );
  const changes: OutgoingChange[] = [];
  const sourceChange = `source:${link.dossierUid}:${excerpt.sha}`;
  if (!inLog.get(sourceChange)) {
    changes.push({
      change_uid: sourceChange,
      origin: writer,
      known_seq: knownSeq,
      entity: 'source',
      entity_uid: excerpt.sha,
      field: null,
      op: 'create',
      payload: {
        title: excerpt.title,
        publisher: excerpt.publisher,
        url: excerpt.url,
        published_on: excerpt.published_on,
        language: excerpt.language,
        full_text: excerpt.full_text,
        added_at: excerpt.added_at,
        // The bibliographic record (migration 010); a client from before it ignores the field.
        csl: excerpt.csl === null ? null : (JSON.parse(excerpt.csl) as unknown),
      },
    });
  }
  const excerptChange = `excerpt:${link.dossierUid}:${excerpt.uid}`;
  if (!inLog.get(excerptChange)) {
    changes.push({
      change_uid: excerptChange,
      origin: writer,
      known_seq: knownSeq,
      entity: 'excerpt',
      entity_uid: excerpt.uid,
      field: null,
      op: 'create',
      payload: {
        source: excerpt.sha,
        start: excerpt.start,
        end: excerpt.end,
        text: excerpt.text,
        speaker: excerpt.speaker,
        // Migration 013; a client from before it ignores the field.
        paraphrase: excerpt.paraphrase === 1,
      },
    });
  }
  return changes;
}
