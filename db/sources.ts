// Sources: articles, communiqués and transcripts, stored whole with a hash, searched with FTS5,
// and checked for duplicates (the same URL, or nearly the same text) before they are added.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import type {
  CslItem,
  SourceDraft,
  SourceDuplicate,
  SourceExcerpt,
  SourcePage,
  SourceSummary,
} from '../electron/domain/model.ts';
import { statement } from './statements.ts';
import { ftsQuery } from './commitment-filter.ts';

export type SourceFields = SourceDraft;

export interface StoredSource extends SourceFields {
  id: number;
  textSha256: string;
  addedAt: string;
  /** False when the text no longer matches the hash taken when it was stored. */
  textIntact: boolean;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Word shingles of three: two texts sharing nearly all of them are the same article. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<string>();
  for (let index = 0; index + 2 < words.length; index += 1) set.add(words.slice(index, index + 3).join(' '));
  return set;
}

export function similarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  if (left.size === 0 || right.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Looks for a stored source that is this one again: the same URL, or text at least 85% alike. */
export function findDuplicate(
  db: Database,
  fields: Pick<SourceFields, 'url' | 'fullText'>,
): SourceDuplicate | null {
  if (fields.url) {
    const byUrl = statement<[string], { id: number; title: string }>(
      db,
      'SELECT id, title FROM source WHERE url = ? LIMIT 1',
    ).get(fields.url);
    if (byUrl) return { ...byUrl, reason: 'same URL', similarity: 1 };
  }
  const exact = statement<[string], { id: number; title: string }>(
    db,
    'SELECT id, title FROM source WHERE text_sha256 = ? LIMIT 1',
  ).get(sha256(fields.fullText));
  if (exact) return { ...exact, reason: 'same text', similarity: 1 };
  // Candidates share rare words with the new text; compare the closest few in full.
  const words = [...new Set(fields.fullText.toLowerCase().match(/\p{L}{6,}/gu) ?? [])].slice(0, 40);
  if (words.length === 0) return null;
  const query = words.map((word) => `"${word}"`).join(' OR ');
  const nearest = statement<[string], { id: number; title: string; full_text: string }>(
    db,
    `SELECT s.id, s.title, s.full_text FROM source_fts JOIN source s ON s.id = source_fts.rowid
      WHERE source_fts MATCH ? ORDER BY bm25(source_fts) LIMIT 5`,
  ).all(query);
  for (const candidate of nearest) {
    const score = similarity(candidate.full_text, fields.fullText);
    if (score >= 0.85) {
      return { id: candidate.id, title: candidate.title, reason: 'nearly the same text', similarity: score };
    }
  }
  return null;
}

export function insertSource(db: Database, fields: SourceFields): number {
  const values = [
    fields.title,
    fields.publisher,
    fields.url,
    fields.publishedOn,
    fields.language,
    fields.fullText,
    sha256(fields.fullText),
  ];
  // The bibliographic record's column only when there is one: the rest also writes a database
  // from before migration 010 (the migrations' own tests load their data with it).
  if (!fields.csl) {
    return Number(
      statement(
        db,
        `INSERT INTO source (title, publisher, url, published_on, language, full_text, text_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values).lastInsertRowid,
    );
  }
  return Number(
    statement(
      db,
      `INSERT INTO source (title, publisher, url, published_on, language, full_text, text_sha256, csl)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...values, JSON.stringify(fields.csl)).lastInsertRowid,
  );
}

/** Merging a duplicate keeps the stored text (excerpts point into it) and fills in what it lacked. */
export function mergeIntoSource(db: Database, id: number, fields: SourceFields): number {
  const stored = getSource(db, id);
  statement(db, 'UPDATE source SET publisher = ?, url = ?, published_on = ? WHERE id = ?').run(
    stored.publisher || fields.publisher,
    stored.url ?? fields.url,
    stored.publishedOn ?? fields.publishedOn,
    id,
  );
  if (fields.csl) {
    statement(db, 'UPDATE source SET csl = coalesce(csl, ?) WHERE id = ?').run(
      JSON.stringify(fields.csl),
      id,
    );
  }
  return id;
}

export function getSource(db: Database, id: number): StoredSource {
  const row = statement<
    [number],
    Omit<StoredSource, 'textIntact' | 'csl'> & {
      url: string | null;
      publishedOn: string | null;
      csl: string | null;
    }
  >(
    db,
    `SELECT id, title, publisher, url, published_on AS publishedOn, language, full_text AS fullText,
            text_sha256 AS textSha256, added_at AS addedAt, csl
       FROM source WHERE id = ?`,
  ).get(id);
  if (!row) throw new DomainError('not_found', `No source has id ${id}.`, 'id');
  return {
    ...row,
    csl: row.csl === null ? null : (JSON.parse(row.csl) as CslItem),
    textIntact: sha256(row.fullText) === row.textSha256,
  };
}

/** The sources library's page: 50 at a time, the best first for a search, else the newest first. */
export function listSources(
  db: Database,
  text: string | undefined,
  { offset = 0, limit = 50 }: { offset?: number; limit?: number } = {},
): SourcePage {
  const columns = `s.id, s.title, s.publisher, s.url, s.published_on AS publishedOn, s.language,
    s.added_at AS addedAt, (SELECT count(*) FROM excerpt e WHERE e.source_id = s.id) AS excerptCount`;
  const match = text ? ftsQuery(text) : null;
  if (!match) {
    const total = statement<[], [number]>(db, 'SELECT count(*) FROM source').raw().get()![0];
    const sources = statement<[number, number], SourceSummary>(
      db,
      `SELECT ${columns}, NULL AS snippet FROM source s ORDER BY s.published_on DESC, s.id DESC LIMIT ? OFFSET ?`,
    ).all(limit, offset);
    return { total, sources };
  }
  const total = statement<[string], [number]>(db, 'SELECT count(*) FROM source_fts WHERE source_fts MATCH ?')
    .raw()
    .get(match)![0];
  // The best first, by rank alone: SQLite works out every column of a row before it sorts, so the
  // snippets (each reads and splits its whole text) are written in a second pass, for these alone.
  const best = statement<[string, number, number], [number]>(
    db,
    `SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY bm25(source_fts, 5.0, 1.0), rowid LIMIT ? OFFSET ?`,
  )
    .raw()
    .all(match, limit, offset)
    .map((row) => row[0]);
  // "+rowid": the index is read once for the query and the rowids kept as they pass, rather than
  // the query run again for each of them.
  const found = statement<[string, string], SourceSummary>(
    db,
    `SELECT ${columns}, snippet(source_fts, 1, '«', '»', '…', 16) AS snippet
       FROM source_fts JOIN source s ON s.id = source_fts.rowid
      WHERE source_fts MATCH ? AND +source_fts.rowid IN (SELECT value FROM json_each(?))`,
  ).all(match, JSON.stringify(best));
  const byId = new Map(found.map((source) => [source.id, source]));
  return { total, sources: best.flatMap((id) => byId.get(id) ?? []) };
}

/** Stores a span of a source as an excerpt; the text is taken from the source, never from the caller. */
export function insertExcerpt(
  db: Database,
  sourceId: number,
  start: number,
  end: number,
  speaker: string,
  paraphrase = false,
): number {
  const source = getSource(db, sourceId);
  if (!(start >= 0 && end > start && end <= source.fullText.length)) {
    throw new DomainError(
      'invalid_input',
      `The span ${start}–${end} is not inside source ${sourceId}, whose text is ${source.fullText.length} characters long.`,
      'start',
    );
  }
  const existing = statement<[number, number, number], { id: number }>(
    db,
    'SELECT id FROM excerpt WHERE source_id = ? AND start = ? AND end = ?',
  ).get(sourceId, start, end);
  if (existing) return existing.id;
  return Number(
    statement(
      db,
      'INSERT INTO excerpt (source_id, start, end, text, speaker, paraphrase) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(sourceId, start, end, source.fullText.slice(start, end), speaker, paraphrase ? 1 : 0)
      .lastInsertRowid,
  );
}

export function dismissCandidate(db: Database, sourceId: number, start: number, end: number): void {
  getSource(db, sourceId);
  statement(db, 'INSERT OR IGNORE INTO candidate_dismissal (source_id, start, end) VALUES (?, ?, ?)').run(
    sourceId,
    start,
    end,
  );
}

export function dismissedSpans(db: Database, sourceId: number): Set<string> {
  return new Set(
    statement<[number], { start: number; end: number }>(
      db,
      'SELECT start, end FROM candidate_dismissal WHERE source_id = ?',
    )
      .all(sourceId)
      .map((span) => `${span.start}:${span.end}`),
  );
}

export function excerptsOfSource(db: Database, sourceId: number): SourceExcerpt[] {
  const excerpts = statement<
    [number],
    Omit<SourceExcerpt, 'commitments' | 'paraphrase'> & { paraphrase: number }
  >(
    db,
    'SELECT id, start, end, text, speaker, paraphrase FROM excerpt WHERE source_id = ? ORDER BY start',
  ).all(sourceId);
  const linked = statement<[number], { id: number; title: string }>(
    db,
    `SELECT c.id, c.title FROM commitment_excerpt ce JOIN commitment c ON c.id = ce.commitment_id
      WHERE ce.excerpt_id = ? AND c.deleted_at IS NULL ORDER BY c.id`,
  );
  return excerpts.map((excerpt) => ({
    ...excerpt,
    paraphrase: excerpt.paraphrase === 1,
    commitments: linked.all(excerpt.id),
  }));
}

export interface SuggestionHints {
  topicIds?: number[] | undefined;
  partyIds?: number[] | undefined;
  kind?: string | undefined;
}

/**
 * Commitments a quote may be evidence for, best first: shared words count most, then shared topics,
 * the same kind and shared parties, so a Spanish quote still finds the English commitment it is about.
 */
export function similarCommitments(
  db: Database,
  sentence: string,
  hints: SuggestionHints = {},
  limit = 5,
): { id: number; title: string }[] {
  const words = [...new Set(sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
  const byWords = words.length
    ? statement<[string], { id: number }>(
        db,
        `SELECT rowid AS id FROM commitment_fts WHERE commitment_fts MATCH ? ORDER BY bm25(commitment_fts, 3.0, 1.0) LIMIT 20`,
      )
        .all(words.map((word) => `"${word}"*`).join(' OR '))
        .map((row) => row.id)
    : [];
  const topics = JSON.stringify(hints.topicIds ?? []);
  const parties = JSON.stringify(hints.partyIds ?? []);
  const rows = statement<
    { topics: string; parties: string; kind: string; byWords: string },
    { id: number; title: string; shared: number }
  >(
    db,
    `SELECT c.id, c.title,
            3 * (SELECT count(*) FROM commitment_topic ct WHERE ct.commitment_id = c.id
                    AND ct.topic_id IN (SELECT value FROM json_each(@topics)))
          + (SELECT count(*) FROM commitment_party cp WHERE cp.commitment_id = c.id AND cp.role = 'maker'
                    AND cp.party_id IN (SELECT value FROM json_each(@parties)))
          + 2 * (c.kind = @kind) AS shared
       FROM commitment c
      WHERE c.deleted_at IS NULL
        AND (c.id IN (SELECT value FROM json_each(@byWords))
             OR c.id IN (SELECT commitment_id FROM commitment_topic WHERE topic_id IN (SELECT value FROM json_each(@topics))))`,
  ).all({ topics, parties, kind: hints.kind ?? '', byWords: JSON.stringify(byWords) });
  const wordRank = new Map(byWords.map((id, index) => [id, 20 - index]));
  return rows
    .map((row) => ({ id: row.id, title: row.title, score: (wordRank.get(row.id) ?? 0) * 2 + row.shared }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
    .map(({ id, title }) => ({ id, title }));
}

export type OnDuplicate = 'ask' | 'merge' | 'keep both';

/**
 * Adds a source unless it is one already stored: then, by the analyst's choice, it asks (writing nothing),
 * merges into the stored one, or keeps both.
 */
export function addSource(
  db: Database,
  draft: SourceDraft,
  onDuplicate: OnDuplicate,
): { id: number | null; duplicate: SourceDuplicate | null; merged: boolean } {
  return db.transaction(() => {
    const duplicate = findDuplicate(db, draft);
    if (duplicate && onDuplicate === 'ask') return { id: null, duplicate, merged: false };
    if (duplicate && onDuplicate === 'merge') {
      return { id: mergeIntoSource(db, duplicate.id, draft), duplicate, merged: true };
    }
    return { id: insertSource(db, draft), duplicate, merged: false };
  })();
}
