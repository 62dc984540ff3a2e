// The API's citation operations over the database: a citation file imported, a report's evidence exported.
import type { Database } from 'better-sqlite3';
import { importCitations, type CitationImport } from './import-citations.ts';

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
