// `import FILE.json|.ris|.bib`: sources from a Zotero export, through the API's importCitations. The
// attachments the entries name (Zotero's "Export Files" writes them beside the file) are read here, on
// the analyst's own machine, each through draftSource, and their text handed to the import.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import type { Database } from '../../db/open.ts';
import { sourceFileTypes } from '../api/contract.ts';
import { call, OperationFailed } from './operations.ts';
import { UsageError } from './usage-error.ts';

/** Each attachment's text by the path the file gives; those missing or unreadable are named on stderr. */
async function attachmentTexts(
  db: Database,
  file: string,
  paths: string[],
): Promise<{ path: string; text: string }[]> {
  const texts: { path: string; text: string }[] = [];
  for (const path of paths) {
    const onDisk = isAbsolute(path) ? path : resolve(dirname(file), path);
    if (!sourceFileTypes.includes(extname(onDisk).toLowerCase())) continue;
    if (!existsSync(onDisk) || !statSync(onDisk).isFile()) {
      console.error(
        `Pledgewatch: ${file}: the attachment ${path} is not there; its entry keeps its abstract.`,
      );
      continue;
    }
    try {
      const draft = await call(db, 'draftSource', {
        name: basename(onDisk),
        contentBase64: readFileSync(onDisk).toString('base64'),
      });
      texts.push({ path, text: draft.fullText });
    } catch (error) {
      if (!(error instanceof OperationFailed)) throw error;
      console.error(`Pledgewatch: ${file}: the attachment ${path} could not be read (${error.message}).`);
    }
  }
  return texts;
}

export async function importCitationFile(db: Database, file: string, dryRun: boolean): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`import: there is no file ${file}.`);
  const input = { name: file, contentBase64: readFileSync(file).toString('base64') };
  // A first look, storing nothing: the file's mistakes (said without the usage, exit code 1) and the
  // attachments its entries name, which only the command line can read.
  const planned = await call(db, 'importCitations', { ...input, dryRun: true });
  const attachments = await attachmentTexts(db, file, planned.attachments);
  const result =
    dryRun && attachments.length === 0
      ? planned
      : await call(db, 'importCitations', { ...input, attachments, dryRun });
  const count = (n: number) => `${n} source${n === 1 ? '' : 's'}`;
  const would = result.dryRun ? 'Would add' : 'Added';
  console.log(`${would} ${count(result.added.length)} from ${file} (${result.entries} entries).`);
  for (const added of result.added)
    console.log(`  + ${added.title}${added.id === null ? '' : ` (source ${added.id})`}`);
  for (const stored of result.alreadyStored) {
    console.log(`  = entry ${stored.entry} is source ${stored.id}, “${stored.title}”, already stored`);
  }
  if (result.dryRun) console.log('Nothing was stored (--dry-run).');
  return 0;
}
