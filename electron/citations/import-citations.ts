// Imports a citation file's entries as sources in one transaction: all of them, or (on any error,
// or for a dry run) none. An entry that is a source already stored (the same URL or text) is not
// added again; the stored one gains the entry's bibliographic record if it had none.
import type { Database } from 'better-sqlite3';
import { DomainError } from '../../db/errors.ts';
import { findDuplicate, insertSource, mergeIntoSource } from '../../db/sources.ts';
import { detectLanguage } from '../ingest/extract/language.ts';
import { CitationFileError, readCitationFile, type CitationEntry } from './citation-files.ts';
import { languageOf, sourceOfItem } from './source-items.ts';

export interface CitationImport {
  file: string;
  entries: number;
  /** Each new source; its id is null in a dry run, which stores nothing. */
  added: { id: number | null; title: string }[];
  /** Entries that were sources already: the stored source each one matched. */
  alreadyStored: { entry: number; id: number; title: string }[];
  /** True when nothing was written: what the import would do. */
  dryRun: boolean;
  /**
   * The files the entries name as attachments, by the path the file gives (beside it, or absolute):
   * a caller that can read them (the command line) sends their text in `attachments` for the entries.
   */
  attachments: string[];
}

/** An attachment's text, by the path the file gives it; the command line reads them (see cli/citations.ts). */
export type AttachmentTexts = ReadonlyMap<string, string>;

/** The text a source keeps: its attachment's, else the abstract, else its title (a source has a text). */
function textOf(entry: CitationEntry, attachments: AttachmentTexts): string {
  for (const path of entry.attachments) {
    const text = attachments.get(path)?.trim();
    if (text) return text;
  }
  const abstract = typeof entry.item.abstract === 'string' ? entry.item.abstract.trim() : '';
  return abstract || String(entry.item.title).trim();
}

class DryRun extends Error {
  readonly result: CitationImport;
  constructor(result: CitationImport) {
    super('dry run');
    this.result = result;
  }
}

export function readCitations(file: string, text: string): CitationEntry[] {
  try {
    return readCitationFile(file, text);
  } catch (error) {
    if (error instanceof CitationFileError) throw new DomainError('invalid_input', error.message, 'name');
    throw error;
  }
}

export function importCitations(
  db: Database,
  file: string,
  text: string,
  attachments: AttachmentTexts = new Map(),
  dryRun = false,
): CitationImport {
  return importEntries(db, file, readCitations(file, text), attachments, dryRun);
}

/**
 * Entries read already (from a file, or from a running Zotero) as sources, all or nothing; `file`
 * names where they came from, in the result and in any message.
 */
export function importEntries(
  db: Database,
  file: string,
  entries: CitationEntry[],
  attachments: AttachmentTexts = new Map(),
  dryRun = false,
): CitationImport {
  const result: CitationImport = {
    file,
    entries: entries.length,
    added: [],
    alreadyStored: [],
    dryRun,
    attachments: [...new Set(entries.flatMap((entry) => entry.attachments))],
  };
  try {
    db.transaction(() => {
      entries.forEach((entry, index) => {
        const fullText = textOf(entry, attachments);
        const language = languageOf(entry.item) ?? detectLanguage(`${String(entry.item.title)} ${fullText}`);
        const draft = sourceOfItem(entry.item, fullText, language);
        const duplicate = findDuplicate(db, draft);
        if (duplicate) {
          mergeIntoSource(db, duplicate.id, draft);
          result.alreadyStored.push({ entry: index + 1, id: duplicate.id, title: duplicate.title });
        } else {
          result.added.push({ id: insertSource(db, draft), title: draft.title });
        }
      });
      // The same writes, then undone: a dry run says exactly what the import would do.
      if (dryRun) throw new DryRun(result);
    })();
  } catch (error) {
    if (error instanceof DryRun)
      return { ...error.result, added: error.result.added.map(({ title }) => ({ id: null, title })) };
    throw error;
  }
  return result;
}
