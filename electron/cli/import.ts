// `import FILE`: an article (.txt, .md, .html, .pdf) becomes a source, read by the API's draftSource and
// stored by addSource; duplicates are reported or merged. Which operation a file goes to is decided here.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Database } from '../../db/open.ts';
import { sourceFileTypes, type InputOf, type OutputOf } from '../api/contract.ts';
import { isCslJson } from '../citations/csl-json-shape.ts';
import { call, OperationFailed } from './operations.ts';
import { UsageError } from './usage-error.ts';

type OnDuplicate = NonNullable<InputOf<'addSource'>['onDuplicate']>;

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

/** A source file read by the API: what it cannot read is the file's fault, said with its name. */
async function draftOf(db: Database, file: string): Promise<OutputOf<'draftSource'>> {
  try {
    return await call(db, 'draftSource', {
      name: basename(file),
      contentBase64: readFileSync(file).toString('base64'),
    });
  } catch (error) {
    if (error instanceof OperationFailed) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

export async function importSource(db: Database, file: string, onDuplicate = 'ask'): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`import: there is no file ${file}.`);
  const choice = duplicateChoices[onDuplicate];
  if (!choice) throw new UsageError(`--on-duplicate "${onDuplicate}": use ask, merge or keep-both.`);
  const draft = await draftOf(db, file);
  const result = await call(db, 'addSource', { ...draft, onDuplicate: choice });
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
