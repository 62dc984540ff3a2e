// `import FILE`: an article (.txt, .md, .html, .pdf) becomes a source; duplicates are reported or merged.
// Spreadsheets (.csv, .xlsx, .json) of commitments go to electron/ingest/import/import-file.ts.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { addSource, type OnDuplicate } from '../../db/sources.ts';
import { readSourceFile, SourceFileError, sourceFileTypes } from '../ingest/source-files.ts';
import { isCslJson } from '../citations/csl-json-shape.ts';
import { UsageError } from './usage-error.ts';

const duplicateChoices: Record<string, OnDuplicate> = {
  ask: 'ask',
  merge: 'merge',
  'keep-both': 'keep both',
};

/** Commitments and status updates, in the columns Pledgewatch's exports use. */
export function isSpreadsheetFile(file: string): boolean {
  return ['.csv', '.xlsx', '.json'].includes(extname(file).toLowerCase());
}

/**
 * A Zotero export: .ris and .bib always; a .json whose top level is a list of items (CSL JSON), where
 * a Pledgewatch JSON report of commitments is an object.
 */
export function isCitationFile(file: string): boolean {
  const extension = extname(file).toLowerCase();
  if (extension === '.ris' || extension === '.bib') return true;
  if (extension !== '.json' || !existsSync(file)) return false;
  const start = readFileSync(file, { encoding: 'utf8' }).slice(0, 4096);
  return isCslJson(start);
}

export function isSourceFile(file: string): boolean {
  return sourceFileTypes.includes(extname(file).toLowerCase());
}

export async function importSource(db: Database, file: string, onDuplicate = 'ask'): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`import: there is no file ${file}.`);
  const choice = duplicateChoices[onDuplicate];
  if (!choice) throw new UsageError(`--on-duplicate "${onDuplicate}": use ask, merge or keep-both.`);
  let draft;
  try {
    draft = await readSourceFile(file);
  } catch (error) {
    if (error instanceof SourceFileError) throw new UsageError(error.message);
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const result = addSource(db, draft, choice);
  if (result.id === null && result.duplicate) {
    console.error(
      `Pledgewatch: ${file} looks like source ${result.duplicate.id}, “${result.duplicate.title}” (${result.duplicate.reason}); ` +
        'nothing was added. Use --on-duplicate merge or --on-duplicate keep-both.',
    );
    return 1;
  }
  console.log(
    result.merged
      ? `Merged ${file} into source ${result.id}, “${result.duplicate?.title}”.`
      : `Added source ${result.id}, “${draft.title}” (${draft.language}, ${draft.fullText.length} characters).`,
  );
  return 0;
}
