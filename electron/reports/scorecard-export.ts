// Exporting the scorecard: built once from the database, rendered to the format asked for, written
// through a temporary file so that a failed export never leaves half a file.
import type { Database } from 'better-sqlite3';
import { writeAtomically } from './atomic-file.ts';
import { formatDetails } from './export.ts';
import { reportFileName } from './file-names.ts';
import { buildScorecard, type Scorecard, type ScorecardRequest } from './scorecard.ts';
import { scorecardEvidence } from './scorecard-evidence.ts';

export const scorecardFormats = ['pdf', 'xlsx', 'csv', 'md', 'json', 'docx', 'html'] as const;
export type ScorecardFormat = (typeof scorecardFormats)[number];

const encoder = new TextEncoder();

/** The briefings print the evidence behind each score; the data formats carry the figures only. */
export async function renderScorecardFile(
  db: Database,
  card: Scorecard,
  format: ScorecardFormat,
): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return encoder.encode((await import('./scorecard-json.ts')).renderScorecardJson(card));
    case 'csv':
      return encoder.encode((await import('./scorecard-csv.ts')).renderScorecardCsv(card));
    case 'xlsx':
      return (await import('./scorecard-xlsx.ts')).renderScorecardXlsx(card);
    case 'md':
      return encoder.encode(
        (await import('./scorecard-markdown.ts')).renderScorecardMarkdown(card, scorecardEvidence(db, card)),
      );
    case 'docx':
      return (await import('./scorecard-docx.ts')).renderScorecardDocx(card, scorecardEvidence(db, card));
    case 'html':
      return encoder.encode(
        (await import('./scorecard-html.ts')).renderScorecardHtml(card, scorecardEvidence(db, card)),
      );
    case 'pdf': {
      const html = (await import('./scorecard-html.ts')).renderScorecardHtml(
        card,
        scorecardEvidence(db, card),
      );
      return (await import('./pdf.ts')).printHtml(html);
    }
  }
}

export async function exportScorecardToFile(
  db: Database,
  request: ScorecardRequest,
  format: ScorecardFormat,
  file: string,
  now: Date = new Date(),
): Promise<{ commitmentCount: number; partyCount: number }> {
  const card = buildScorecard(db, request, { now });
  writeAtomically(file, await renderScorecardFile(db, card, format));
  return { commitmentCount: card.commitments.length, partyCount: card.parties.length };
}

/** The scorecard as a file for a transport that carries JSON, and what it holds. */
export interface RenderedScorecard {
  /** "Compliance scorecard <day>", with the format's extension. */
  fileName: string;
  mimeType: string;
  base64: string;
  commitmentCount: number;
  partyCount: number;
}

/** For the app and the command line: the file's bytes in base64 and the name to save it under. */
export async function renderScorecardForApi(
  db: Database,
  request: ScorecardRequest,
  format: ScorecardFormat,
  now: Date = new Date(),
): Promise<RenderedScorecard> {
  const card = buildScorecard(db, request, { now });
  const { extension, mimeType } = formatDetails[format];
  return {
    fileName: reportFileName(card.title, card.day, extension),
    mimeType,
    base64: Buffer.from(await renderScorecardFile(db, card, format)).toString('base64'),
    commitmentCount: card.commitments.length,
    partyCount: card.parties.length,
  };
}
