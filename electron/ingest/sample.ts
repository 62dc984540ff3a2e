// Loads the US–Mexico 2025 sample dossier into a database, once, in a single transaction.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../../db/errors.ts';
import { statement } from '../../db/statements.ts';
import { insertStatusUpdate } from '../../db/status-updates.ts';
import {
  usMexico2025,
  type SampleCommitment,
  type SampleDossier,
  type SampleExcerpt,
  type SampleParty,
  type SampleSource,
  type SampleStatusName,
  type SampleTopic,
} from './sample-us-mexico-2025.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

export interface SampleLoad {
  dossierId: number;
  created: boolean;
}

/** Loads the sample unless a dossier of its name exists; then it writes nothing and says so. */
export function loadSample(db: Database): SampleLoad {
  return loadDossier(db, usMexico2025);
}

export function loadDossier(db: Database, sample: SampleDossier): SampleLoad {
  return db.transaction((): SampleLoad => {
    const existing = findDossier(db, sample.name);
    if (existing !== undefined) return { dossierId: existing, created: false };
    const dossierId = Number(
      statement(db, 'INSERT INTO dossier (name, description) VALUES (?, ?)').run(
        sample.name,
        sample.description,
      ).lastInsertRowid,
    );
    const refs: References = {
      dossierId,
      parties: ensureParties(db, sample.parties),
      topics: ensureTopics(db, sample.topics),
      excerpts: insertSources(db, sample.sources, sample.excerpts),
      commitments: new Map(),
    };
    for (const commitment of sample.commitments) addCommitment(db, refs, commitment);
    return { dossierId, created: true };
  })();
}

/** Ids of what the sample has written so far, by the names and keys the data uses. */
interface References {
  dossierId: number;
  parties: Map<string, number>;
  topics: Map<string, number>;
  excerpts: Map<string, number>;
  commitments: Map<string, number>;
}

function findDossier(db: Database, name: string): number | undefined {
  return statement<[string], { id: number }>(db, 'SELECT id FROM dossier WHERE name = ? COLLATE NOCASE').get(
    name,
  )?.id;
}

/** Reuses parties the analyst already has (by name, whatever the case); their aliases are left as they are. */
function ensureParties(db: Database, parties: SampleParty[]): Map<string, number> {
  const ids = new Map<string, number>();
  const find = statement<[string], { id: number }>(db, 'SELECT id FROM party WHERE name = ? COLLATE NOCASE');
  const insert = statement(db, 'INSERT INTO party (name, kind, acts_for_id, aliases) VALUES (?, ?, ?, ?)');
  for (const party of parties) {
    const existing = find.get(party.name)?.id;
    const actsFor = party.actsFor === null ? null : lookUp(ids, party.actsFor, 'party');
    const id =
      existing ??
      Number(insert.run(party.name, party.kind, actsFor, party.aliases.join('\n')).lastInsertRowid);
    ids.set(party.name, id);
  }
  return ids;
}

/** Reuses topics by name within the same parent; keys the result by path, "security › migration". */
function ensureTopics(db: Database, topics: SampleTopic[]): Map<string, number> {
  const ids = new Map<string, number>();
  const find = statement<[number, string], { id: number }>(
    db,
    'SELECT id FROM topic WHERE coalesce(parent_id, 0) = ? AND name = ?',
  );
  const insert = statement(db, 'INSERT INTO topic (parent_id, name, keywords) VALUES (?, ?, ?)');
  for (const topic of topics) {
    const name = topic.path[topic.path.length - 1]!;
    const parentPath = topic.path.slice(0, -1).join(' › ');
    const parentId = parentPath === '' ? null : lookUp(ids, parentPath, 'topic');
    const id =
      find.get(parentId ?? 0, name)?.id ??
      Number(insert.run(parentId, name, topic.keywords.join('\n')).lastInsertRowid);
    ids.set(topic.path.join(' › '), id);
  }
  return ids;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Inserts the sources and their excerpts; returns excerpt ids by key. */
function insertSources(
  db: Database,
  sources: SampleSource[],
  excerpts: SampleExcerpt[],
): Map<string, number> {
  const insertSource = statement(
    db,
    `INSERT INTO source (title, publisher, url, published_on, language, full_text, text_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const sourceIds = new Map<string, { id: number; fullText: string }>();
  for (const source of sources) {
    const { fullText } = source;
    const id = Number(
      insertSource.run(
        source.title,
        source.publisher,
        source.url,
        source.publishedOn,
        source.language,
        fullText,
        sha256(fullText),
      ).lastInsertRowid,
    );
    sourceIds.set(source.key, { id, fullText });
  }
  const insertExcerpt = statement(
    db,
    'INSERT INTO excerpt (source_id, start, end, text, speaker, paraphrase) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const excerptIds = new Map<string, number>();
  for (const excerpt of excerpts) {
    const source = lookUp(sourceIds, excerpt.source, 'source');
    const { start, end } = spanOf(source.fullText, excerpt);
    excerptIds.set(
      excerpt.key,
      Number(
        insertExcerpt.run(source.id, start, end, excerpt.text, excerpt.speaker, excerpt.paraphrase ? 1 : 0)
          .lastInsertRowid,
      ),
    );
  }
  return excerptIds;
}

/** UTF-16 offsets, as the UI selects text; an excerpt must occur exactly once so its span is not a guess. */
function spanOf(fullText: string, excerpt: SampleExcerpt): { start: number; end: number } {
  const start = fullText.indexOf(excerpt.text);
  if (start < 0)
    throw new Error(`Sample excerpt "${excerpt.key}" does not occur in source "${excerpt.source}".`);
  if (fullText.indexOf(excerpt.text, start + 1) >= 0) {
    throw new Error(`Sample excerpt "${excerpt.key}" occurs more than once in source "${excerpt.source}".`);
  }
  return { start, end: start + excerpt.text.length };
}

function statusId(db: Database, name: SampleStatusName): number {
  const row = statement<[string], { id: number }>(db, 'SELECT id FROM status WHERE name = ?').get(name);
  if (!row) {
    throw new DomainError(
      'not_found',
      `The sample needs the status "${name}", which is not in the status vocabulary.`,
      'status',
    );
  }
  return row.id;
}

function addCommitment(db: Database, refs: References, commitment: SampleCommitment): void {
  const id = insertCommitment(db, {
    dossierId: refs.dossierId,
    title: commitment.title,
    summary: commitment.summary,
    kind: commitment.kind,
    parentId: commitment.parent === null ? null : lookUp(refs.commitments, commitment.parent, 'commitment'),
    madeBy: commitment.madeBy.map((name) => lookUp(refs.parties, name, 'party')),
    owedTo: commitment.owedTo.map((name) => lookUp(refs.parties, name, 'party')),
    topicIds: commitment.topics.map((path) => lookUp(refs.topics, path, 'topic')),
    announcedOn: commitment.announcedOn,
    deadline: commitment.deadline,
    statusId: statusId(db, commitment.status),
    firstUpdate: {
      note: commitment.statusNote,
      excerptId:
        commitment.evidence[0] === undefined
          ? null
          : lookUp(refs.excerpts, commitment.evidence[0], 'excerpt'),
      recordedAt: `${commitment.announcedOn}T18:00:00.000Z`,
    },
    excerptIds: commitment.evidence.map((key) => lookUp(refs.excerpts, key, 'excerpt')),
  });
  refs.commitments.set(commitment.key, id);
  for (const update of commitment.updates) {
    insertStatusUpdate(db, {
      commitmentId: id,
      statusId: statusId(db, update.status),
      effectiveOn: update.effectiveOn,
      recordedAt: update.recordedAt,
      note: update.note,
      partyId: update.party === null ? null : lookUp(refs.parties, update.party, 'party'),
      excerptId: update.evidence === null ? null : lookUp(refs.excerpts, update.evidence, 'excerpt'),
      correctsId: null,
    });
  }
}

/** A reference inside the sample data that names nothing is a bug in the data: say which. */
function lookUp<Value>(ids: Map<string, Value>, key: string, kind: string): Value {
  const value = ids.get(key);
  if (value === undefined) throw new Error(`The sample data names an unknown ${kind} "${key}".`);
  return value;
}
