// `import FILE.json|.ris|.bib`: sources from a Zotero export, through the API's importCitations. The
// attachments the entries name (Zotero's "Export Files" writes them beside the file) are read here, on
// the analyst's own machine, and their text handed to the operation.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CitationFileError, readCitationFile } from '../citations/citation-files.ts';
import { readSourceFile, sourceFileTypes } from '../ingest/source-files.ts';
import { call } from './publish.ts';
import { UsageError } from './usage-error.ts';

/** Each attachment's text by the path the file gives; those missing or unreadable are named on stderr. */
async function attachmentTexts(file: string, text: string): Promise<{ path: string; text: string }[]> {
  let paths: string[];
  try {
    paths = [...new Set(readCitationFile(file, text).flatMap((entry) => entry.attachments))];
  } catch (error) {
    // The file's own mistake, not the command's: said without the usage, exit code 1.
    if (error instanceof CitationFileError) throw new Error(error.message, { cause: error });
    throw error;
  }
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
      texts.push({ path, text: (await readSourceFile(onDisk)).fullText });
    } catch (error) {
      console.error(
        `Pledgewatch: ${file}: the attachment ${path} could not be read (${(error as Error).message}).`,
      );
    }
  }
  return texts;
}

export async function importCitationFile(db: Database, file: string, dryRun: boolean): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`import: there is no file ${file}.`);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const result = await call(db, 'importCitations', {
    name: file,
    contentBase64: bytes.toString('base64'),
    attachments: await attachmentTexts(file, text),
    dryRun,
  });
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
