// The full-text search figures: what an analyst types into the list's search box and the sources
// library, from a common word to a word begun, each beside the plainest FTS5 statement for it.
import type { Database } from 'better-sqlite3';
import { ftsQuery, listCommitments } from '../../db/commitments.ts';
import { listSources } from '../../db/sources.ts';
import { time, type Figure } from './measure.ts';

/**
 * Chosen from the generated vocabulary (vocabulary.ts) for the share of documents they are in at
 * every size: "security" in about nine sources in ten and three commitments in ten; "tomatoes" in
 * under one source in a hundred; "border patrols", two words each in a few per cent, both in fewer;
 * "infra", the start of "infrastructure", as the list searches while a word is being typed.
 */
export const searches = [
  { kind: 'a common word', text: 'security' },
  { kind: 'a rare word', text: 'tomatoes' },
  { kind: 'two words', text: 'border patrols' },
  { kind: 'a word begun', text: 'infra' },
] as const;

const runs = 100;

export async function searchFigures(db: Database, size: string): Promise<Figure[]> {
  const page = { sort: 'due_on', direction: 'asc', offset: 0, limit: 50, dateField: 'due_on' } as const;
  const rawCommitments = db.prepare(`SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ? LIMIT 50`);
  const rawSources = db.prepare(
    `SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY rank LIMIT 50`,
  );
  const figures: Figure[] = [];
  for (const { kind, text } of searches) {
    // Each as its screen asks, one request each: the list's page of 50 with its count, and the
    // sources library's 50 best with their snippets and their count.
    const match = ftsQuery(text)!;
    const asked = [
      {
        where: 'the list',
        search: () => listCommitments(db, { ...page, text }),
        floor: () => rawCommitments.all(match),
      },
      { where: 'the sources', search: () => listSources(db, text), floor: () => rawSources.all(match) },
    ];
    for (const { where, search, floor } of asked) {
      const measured = await time(search, runs);
      figures.push({
        figure: `full-text search of ${where}, ${kind} (“${text}”)`,
        size,
        ...measured,
        floor: (await time(floor, runs)).p50,
        target: 'p95 ≤ 20 ms',
        met: measured.p95 <= 20,
      });
    }
  }
  return figures;
}
