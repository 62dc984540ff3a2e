// What others wrote, applied to this database in the log's order, inside the caller's transaction.
// History, evidence and sources only add, so they merge by union; a field of a commitment takes the
// value of the last entry in the log for it, unless this database has an edit of it not yet sent.
import type { Database } from 'better-sqlite3';
import { sha256 } from '../../db/sources.ts';
import { statement } from '../../db/statements.ts';
import { keepInLog, whileApplying, type LoggedChange, type TeamLink } from './changes.ts';
import { commitmentFields, settleFields, writeField } from './fields.ts';
import { idOf, localParty, localStatus, type PartyRef, type StatusRef } from './portable.ts';

/** Applies a batch read from the log and moves the cursor past it; call inside a transaction. */
export function applyLogged(db: Database, link: TeamLink, writer: string, changes: LoggedChange[]): void {
  whileApplying(db, () => {
    keepInLog(db, link.dossierId, changes);
    const touched = new Set<string>();
    for (const change of changes) {
      if (change.entity === 'commitment' && change.op === 'set') {
        touched.add(`${change.entity_uid}\n${change.field}`);
        continue;
      }
      // This database's own changes were applied when they were written.
      if (change.origin === writer) continue;
      applyOne(db, link, change);
    }
    settleFields(
      db,
      [...touched].map((key) => key.split('\n') as [string, string]),
    );
    const last = changes.at(-1);
    if (last) {
      statement(db, 'UPDATE team_link SET cursor = max(cursor, ?) WHERE dossier_id = ?').run(
        last.seq,
        link.dossierId,
      );
    }
  });
}

function applyOne(db: Database, link: TeamLink, change: LoggedChange): void {
  const payload = change.payload;
  switch (`${change.entity}.${change.op}`) {
    case 'commitment.create':
      return createCommitment(db, link, change.entity_uid, payload);
    case 'commitment.link': {
      const commitment = idOf(db, 'commitment', change.entity_uid);
      const excerpt = idOf(db, 'excerpt', payload.excerpt as string);
      if (commitment !== null && excerpt !== null) {
        statement(db, 'INSERT OR IGNORE INTO commitment_excerpt VALUES (?, ?)').run(commitment, excerpt);
      }
      return;
    }
    case 'commitment.unlink': {
      const commitment = idOf(db, 'commitment', change.entity_uid);
      const excerpt = idOf(db, 'excerpt', payload.excerpt as string);
      statement(db, 'DELETE FROM commitment_excerpt WHERE commitment_id = ? AND excerpt_id = ?').run(
        commitment,
        excerpt,
      );
      return;
    }
    case 'status_update.create':
      return createStatusUpdate(db, change);
    case 'status_update.retract': {
      const update = idOf(db, 'status_update', change.entity_uid);
      if (update === null) return;
      statement(
        db,
        'INSERT OR IGNORE INTO status_update_retraction (update_id, retracted_at, reason) VALUES (?, ?, ?)',
      ).run(update, payload.retracted_at as string, (payload.reason as string | undefined) ?? '');
      return;
    }
    case 'source.create':
      return createSource(db, change.entity_uid, payload);
    case 'excerpt.create':
      return createExcerpt(db, change.entity_uid, payload);
    default:
      // A change from a newer Pledgewatch: kept in the log, applied once this one learns it.
      return;
  }
}

function createCommitment(db: Database, link: TeamLink, uid: string, payload: Record<string, unknown>) {
  if (idOf(db, 'commitment', uid) !== null) return;
  const id = Number(
    statement(
      db,
      `INSERT INTO commitment (uid, dossier_id, title, summary, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      uid,
      link.dossierId,
      payload.title as string,
      (payload.summary as string | undefined) ?? '',
      payload.kind as string,
      payload.created_at as string,
    ).lastInsertRowid,
  );
  // Title, summary and kind went into the row itself.
  for (const field of commitmentFields.slice(3)) {
    if (payload[field] !== undefined) writeField(db, id, field, payload[field]);
  }
}

function createStatusUpdate(db: Database, change: LoggedChange): void {
  if (idOf(db, 'status_update', change.entity_uid) !== null) return;
  const payload = change.payload;
  const commitment = idOf(db, 'commitment', payload.commitment as string);
  if (commitment === null) return;
  statement(
    db,
    `INSERT INTO status_update (uid, commitment_id, party_id, status_id, effective_on, recorded_at, note,
                                excerpt_id, corrects_id, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    change.entity_uid,
    commitment,
    payload.party ? localParty(db, payload.party as PartyRef) : null,
    localStatus(db, payload.status as StatusRef),
    payload.effective_on as string,
    payload.recorded_at as string,
    (payload.note as string | undefined) ?? '',
    idOf(db, 'excerpt', (payload.excerpt as string | null) ?? null),
    idOf(db, 'status_update', (payload.corrects as string | null) ?? null),
    change.author,
  );
}

/** The source's CSL item as stored: only a JSON object; what a change sent from before migration 010 lacks is null. */
function cslOf(value: unknown): string | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : null;
}

function createSource(db: Database, sha: string, payload: Record<string, unknown>): void {
  const known = statement<[string], { id: number }>(db, 'SELECT id FROM source WHERE text_sha256 = ?').get(
    sha,
  );
  if (known) return;
  const fullText = payload.full_text as string;
  // The hash names the text: a source whose text does not match it is not that source.
  if (sha256(fullText) !== sha) return;
  statement(
    db,
    `INSERT INTO source (title, publisher, url, published_on, language, full_text, text_sha256, added_at, csl)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    payload.title as string,
    (payload.publisher as string | undefined) ?? '',
    (payload.url as string | null) ?? null,
    (payload.published_on as string | null) ?? null,
    (payload.language as string | undefined) ?? 'en',
    fullText,
    sha,
    payload.added_at as string,
    cslOf(payload.csl),
  );
}

function createExcerpt(db: Database, uid: string, payload: Record<string, unknown>): void {
  if (idOf(db, 'excerpt', uid) !== null) return;
  const source = statement<[string], { id: number }>(
    db,
    'SELECT id FROM source WHERE text_sha256 = ? ORDER BY id LIMIT 1',
  ).get(payload.source as string);
  if (!source) return;
  statement(
    db,
    'INSERT INTO excerpt (uid, source_id, start, "end", text, speaker, paraphrase) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    uid,
    source.id,
    payload.start as number,
    payload.end as number,
    payload.text as string,
    (payload.speaker as string | undefined) ?? '',
    payload.paraphrase === true ? 1 : 0,
  );
}
