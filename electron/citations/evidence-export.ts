// The evidence of a report for the analyst's reference manager: the sources its commitments cite, as
// CSL JSON (Zotero, Mendeley) or BibTeX, read back by citation-js exactly as they were written.
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import type { CslItem, EvidenceFormat } from '../domain/model.ts';
import { buildReport, type ReportScope } from '../reports/model.ts';
import { reportFileName } from '../reports/file-names.ts';
import { citedSources } from './cited-sources.ts';
import { citationLibrary } from './library.ts';
import { itemOfSource } from './source-items.ts';

export const evidenceFormatDetails: Record<
  EvidenceFormat,
  { extension: string; mimeType: string; label: string }
> = {
  'csl-json': { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json', label: 'CSL JSON' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
};

export interface RenderedEvidence {
  fileName: string;
  mimeType: string;
  base64: string;
  sourceCount: number;
}

/** The file's text, and how many sources it holds. */
export function renderEvidenceText(
  db: Database,
  scope: ReportScope,
  format: EvidenceFormat,
  now: Date = new Date(),
): { text: string; sourceCount: number } {
  const report = buildReport(db, scope, now, { cite: false });
  const items = citedSources(
    db,
    report.annex.map((source) => source.id),
  ).map(itemOfSource);
  if (format === 'csl-json')
    return { text: `${JSON.stringify(items, null, 2)}\n`, sourceCount: items.length };
  const Cite = citationLibrary();
  const text =
    items.length === 0
      ? ''
      : new Cite(items.map(forBibtex), { forceType: '@csl/list+object' }).format('bibtex', {
          format: 'text',
        });
  return { text, sourceCount: items.length };
}

/**
 * BibTeX's @misc, which a web page becomes, has no field for the website: its name goes in as the
 * publisher, so the reference manager (and Pledgewatch, importing it again) still knows who published it.
 */
function forBibtex(item: CslItem): CslItem {
  if (item.publisher || typeof item['container-title'] !== 'string' || item.type !== 'webpage') return item;
  return { ...item, publisher: item['container-title'] };
}

export function renderEvidence(
  db: Database,
  request: { scope: ReportScope; format: EvidenceFormat; title?: string | undefined },
  now: Date = new Date(),
): RenderedEvidence {
  const { text, sourceCount } = renderEvidenceText(db, request.scope, request.format, now);
  const { extension, mimeType } = evidenceFormatDetails[request.format];
  return {
    fileName: reportFileName(
      request.title?.trim() || 'Evidence',
      request.scope.asOf ?? today(now),
      extension,
    ),
    mimeType,
    base64: Buffer.from(text, 'utf8').toString('base64'),
    sourceCount,
  };
}
