// The API's citation operations over the database: a citation file imported, a running Zotero's
// library read and imported, a report's evidence exported.
import type { Database } from 'better-sqlite3';
import { DomainError } from '../../db/errors.ts';
import { getSettings } from '../../db/settings.ts';
import { CitationFileError } from './citation-files.ts';
import { importCitations, importEntries, type CitationImport } from './import-citations.ts';
import { ZoteroError } from './zotero-error.ts';
import { listZoteroCollections, readZoteroLibrary, type ZoteroCollection } from './zotero-local.ts';

export { renderEvidence } from './evidence-export.ts';

export function importCitationFile(
  db: Database,
  input: {
    name: string;
    contentBase64: string;
    attachments: { path: string; text: string }[];
    dryRun: boolean;
  },
): CitationImport {
  const text = Buffer.from(input.contentBase64, 'base64').toString('utf8');
  const attachments = new Map(input.attachments.map((attachment) => [attachment.path, attachment.text]));
  return importCitations(db, input.name, text, attachments, input.dryRun);
}

/** The port of the running Zotero to read, once the analyst has allowed it; refused before. */
function zoteroPort(db: Database): number {
  const settings = getSettings(db);
  if (!settings.zoteroConnector) {
    throw new ZoteroError(
      'forbidden',
      'Reading from a running Zotero is off: turn on “Read from a running Zotero” in the Sources library first.',
    );
  }
  return settings.zoteroPort;
}

export function zoteroCollections(db: Database): Promise<ZoteroCollection[]> {
  return listZoteroCollections(zoteroPort(db));
}

export async function importFromZotero(
  db: Database,
  input: { collection?: string; dryRun: boolean },
): Promise<CitationImport> {
  let library;
  try {
    library = await readZoteroLibrary(zoteroPort(db), input.collection ?? null);
  } catch (error) {
    // An item that cannot be a source (no title, a name that is no name) refuses the whole reading.
    if (error instanceof CitationFileError) throw new DomainError('invalid_input', error.message);
    throw error;
  }
  return importEntries(db, library.label, library.entries, library.attachments, input.dryRun);
}
