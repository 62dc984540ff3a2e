// The sources a report cites, read with their CSL items, and formatted in the report's style.
import type { Database } from 'better-sqlite3';
import type { CitationStyle, CslItem } from '../domain/model.ts';
import { statement } from '../../db/statements.ts';
import { formatCitations, type FormattedCitation } from './references.ts';
import { itemId, itemOfSource, type CitedSource } from './source-items.ts';

/** The stored sources with these ids, in the order given. */
export function citedSources(db: Database, ids: number[]): CitedSource[] {
  const rows = statement<[string], Omit<CitedSource, 'csl'> & { csl: string | null }>(
    db,
    `SELECT id, title, publisher, url, published_on AS publishedOn, language, csl
       FROM source WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, csl: row.csl === null ? null : (JSON.parse(row.csl) as CslItem) }] : [];
  });
}

/** Each source's citation in the style, by source id. */
export function citationsOf(
  db: Database,
  ids: number[],
  style: CitationStyle,
): Map<number, FormattedCitation> {
  const formatted = formatCitations(citedSources(db, ids).map(itemOfSource), style);
  return new Map(
    ids.flatMap((id) => {
      const citation = formatted.get(itemId(id));
      return citation ? [[id, citation] as const] : [];
    }),
  );
}
