// The extractor's vocabulary read from the database: parties with aliases, topics with their keywords.
import type { Database } from 'better-sqlite3';
import { statement } from '../../db/statements.ts';
import type { Vocabulary } from './extract/vocabulary.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function knownVocabulary(db: Database): Vocabulary {
  const parties = statement<[], { name: string; aliases: string; actsFor: string | null }>(
    db,
    `SELECT p.name, p.aliases, f.name AS actsFor FROM party p LEFT JOIN party f ON f.id = p.acts_for_id`,
  )
    .all()
    .map((party) => ({ name: party.name, aliases: lines(party.aliases), actsFor: party.actsFor }));
  const topics = statement<[], { path: string; keywords: string }>(
    db,
    `WITH RECURSIVE tree (id, path, keywords) AS (
       SELECT id, name, keywords FROM topic WHERE parent_id IS NULL
       UNION ALL
       SELECT t.id, tree.path || ' › ' || t.name, t.keywords FROM topic t JOIN tree ON t.parent_id = tree.id)
     SELECT path, keywords FROM tree`,
  )
    .all()
    .map((topic) => ({ path: topic.path, keywords: lines(topic.keywords) }));
  return { parties, topics };
}
