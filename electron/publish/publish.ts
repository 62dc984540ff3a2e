// Publishing a tracker into a folder: the pages are made first, in memory, then written each one
// atomically; a manifest of what was written lets the next publish into the same folder remove the
// pages of commitments that left the scope, and only those. A folder that holds other files and no
// manifest is refused, so publishing never mixes with, or deletes, anything it did not write.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../../db/errors.ts';
import { statement } from '../../db/statements.ts';
import { writeAtomically } from '../reports/atomic-file.ts';
import { buildReport, type ReportScope } from '../reports/model.ts';
import { buildScorecard } from '../reports/scorecard.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { siteCss } from './site-css.ts';
import { sitePages } from './site.ts';

export const manifestName = '.pledgewatch-site.json';

export interface PublishRequest {
  folder: string;
  scope: ReportScope;
  title?: string | undefined;
  includeNotes?: boolean | undefined;
}

export interface Published {
  folder: string;
  pages: number;
  commitmentCount: number;
  sourceCount: number;
  /** Pages of an earlier publish that are gone from the scope, removed. */
  removed: number;
}

interface Manifest {
  generator: 'pledgewatch';
  pages: string[];
}

function readManifest(folder: string): Manifest | null {
  const file = join(folder, manifestName);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (parsed.generator === 'pledgewatch' && Array.isArray(parsed.pages)) {
      return { generator: 'pledgewatch', pages: parsed.pages.filter((p) => typeof p === 'string') };
    }
  } catch {
    // Unreadable: treated as a folder Pledgewatch did not make.
  }
  return null;
}

/** The folder to publish into, made if missing; refused with the reason if it cannot be used. */
function siteFolder(wanted: string): { folder: string; manifest: Manifest | null } {
  if (!wanted.trim()) throw new DomainError('invalid_input', 'Choose a folder to publish into.', 'folder');
  if (!isAbsolute(wanted)) {
    throw new DomainError('invalid_input', `The folder must be a full path, not "${wanted}".`, 'folder');
  }
  const folder = resolve(wanted);
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) {
      throw new DomainError('invalid_input', `${folder} is a file, not a folder.`, 'folder');
    }
    const manifest = readManifest(folder);
    if (!manifest && readdirSync(folder).length > 0) {
      throw new DomainError(
        'invalid_input',
        `${folder} already holds files that Pledgewatch did not publish; choose an empty or new folder.`,
        'folder',
      );
    }
    return { folder, manifest };
  }
  if (!existsSync(dirname(folder))) {
    throw new DomainError('invalid_input', `The folder ${dirname(folder)} does not exist.`, 'folder');
  }
  return { folder, manifest: null };
}

function uidsOf(db: Database, table: 'commitment' | 'source', ids: number[]): Map<number, string> {
  const uid = statement<[number], { uid: string }>(db, `SELECT uid FROM ${table} WHERE id = ?`);
  return new Map(ids.map((id) => [id, uid.get(id)!.uid]));
}

export async function publishTracker(
  db: Database,
  request: PublishRequest,
  now: Date = new Date(),
): Promise<Published> {
  const { folder, manifest } = siteFolder(request.folder);
  // The site cites its sources on their own pages: no references formatted here.
  const report = buildReport(db, request.scope, now, { cite: false });
  const title = request.title?.trim() || m.site_default_title();
  const { statusSummaryFigure, trendFigures } = await import('../reports/trend-svg.ts');
  const figures = {
    summary: statusSummaryFigure(report.summary.byStatus, report.summary.total, 560),
    trends: trendFigures(db, request.scope),
  };
  const pages = sitePages(
    report,
    {
      title,
      includeNotes: request.includeNotes ?? false,
      figures,
      scorecard: buildScorecard(db, { scope: request.scope }, { now }),
      commitmentUids: uidsOf(
        db,
        'commitment',
        report.commitments.map((c) => c.id),
      ),
      sourceUids: uidsOf(
        db,
        'source',
        report.annex.map((s) => s.id),
      ),
    },
    siteCss,
  );
  mkdirSync(join(folder, 'commitments'), { recursive: true });
  mkdirSync(join(folder, 'sources'), { recursive: true });
  for (const page of pages) writeAtomically(join(folder, page.path), page.content);
  const written = new Set(pages.map((page) => page.path));
  const stale = (manifest?.pages ?? []).filter(
    (path) => !written.has(path) && /^(commitments|sources)\/[0-9a-f-]+\.html$/.test(path),
  );
  for (const path of stale) rmSync(join(folder, path), { force: true });
  const next: Manifest = { generator: 'pledgewatch', pages: [...written].sort() };
  writeAtomically(join(folder, manifestName), `${JSON.stringify(next, null, 2)}\n`);
  return {
    folder,
    pages: pages.length,
    commitmentCount: report.commitments.length,
    sourceCount: report.annex.length,
    removed: stale.length,
  };
}
