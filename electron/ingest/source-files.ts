// Reads a file on disk into a source draft (the command line's `import`).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { draftFromFile, type SourceDraft } from './source-drafts.ts';

export { SourceFileError, sourceFileTypes } from './source-drafts.ts';

export async function readSourceFile(path: string): Promise<SourceDraft> {
  return draftFromFile(basename(path), new Uint8Array(await readFile(path)));
}
