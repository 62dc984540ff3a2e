// Test support for citations: the Zotero fixtures, read as the command line reads them, and a
// dossier whose commitments quote the imported sources as evidence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { SourceDescription } from '../domain/model.ts';
import { callOperationAsync } from '../api/dispatch.ts';

export const fixtures = join(import.meta.dirname, 'fixtures');

/** The input of importCitations for a fixture file, with the attachments' text given as the CLI reads them. */
export function citationFile(name: string, attachments: { path: string; text: string }[] = []) {
  return {
    name,
    contentBase64: readFileSync(join(fixtures, name)).toString('base64'),
    attachments,
  };
}

export async function call<T>(db: Database, name: string, input: unknown): Promise<T> {
  const result = await callOperationAsync(db, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

export interface StoredSourceRow extends SourceDescription {
  id: number;
  fullText: string;
  csl: string | null;
}

export function storedSources(db: Database): StoredSourceRow[] {
  return db
    .prepare(
      `SELECT id, title, publisher, url, published_on AS publishedOn, language, full_text AS fullText, csl
         FROM source ORDER BY id`,
    )
    .all() as StoredSourceRow[];
}

/**
 * A dossier with one commitment quoting the first sentence of each stored source, so each one is
 * evidence in the report.
 */
export async function quoteEverySource(db: Database): Promise<number> {
  const { id: dossierId } = await call<{ id: number }>(db, 'createDossier', {
    name: 'US–Mexico security 2025',
  });
  const { id: commitmentId } = await call<{ id: number }>(db, 'createCommitment', {
    dossierId,
    title: 'Set up the security implementation group',
    announcedOn: '2025-09-03',
  });
  for (const source of storedSources(db)) {
    const end = Math.min(source.fullText.length, Math.max(20, source.fullText.indexOf('.') + 1));
    await call(db, 'attachEvidence', {
      quote: { sourceId: source.id, start: 0, end, speaker: '' },
      commitmentId,
    });
  }
  return dossierId;
}
