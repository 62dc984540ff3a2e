// The report model: a scope of commitments built once from the database, then rendered per format.
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import { commitmentIds, getCommitment } from '../../db/commitments.ts';
import type { CitationStyle, CommitmentDetail } from '../domain/model.ts';
import { getSettings } from '../../db/settings.ts';
import { citationsOf } from '../citations/cited-sources.ts';
import { listReference } from '../../db/reference.ts';
import { latestSnapshotOf, type ReportSnapshot } from '../../db/report-snapshots.ts';
import { dataThrough } from '../../db/data-through.ts';
import { DomainError } from '../../db/errors.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import {
  annexOf,
  byTopic,
  deadlinesOf,
  summarise,
  type AnnexSource,
  type ReportDeadlines,
  type ReportSummary,
  type TopicGroup,
} from './sections.ts';
import { changesSince, dayBaseline, snapshotBaseline, type ReportChanges } from './since.ts';
import { describeScope, namedScope, type ScopeTerm } from './scope-terms.ts';
import type { TrendFigure } from './trend-svg.ts';
import type { CommitmentFilter } from '../../db/commitment-filter.ts';

export interface ReportScope extends CommitmentFilter {
  dossier?: string;
  topic?: string;
  party?: string;
  status?: string;
}

export interface ReportOptions {
  /** What changed since this day (YYYY-MM-DD). */
  since?: string | undefined;
  /**
   * The template the report belongs to: without `since`, it is compared with that template's last
   * report made on an earlier day.
   */
  template?: string | null | undefined;
  /** The style sources are cited in; left out, the one chosen in the settings. */
  style?: CitationStyle | undefined;
  /** False: the annex without references formatted (the evidence export needs only its sources). */
  cite?: boolean | undefined;
}

/** What every report (a briefing, a scorecard) says of itself at its head. */
export interface ReportHeading {
  generatedAt: string;
  /** The day the report describes, from history; null for today. */
  asOf: string | null;
  /** The day the report describes: asOf, or the day it was made. */
  day: string;
  /** The last moment any recorded data in the database dates from. */
  dataThrough: string | null;
  scope: ReportScope;
  /** The scope in words: "Topic: trade › tariffs, with its subtopics". */
  scopeTerms: ScopeTerm[];
  /** The template's name, or a plain title. */
  title: string;
}

export interface Report extends ReportHeading {
  template: string | null;
  /** The --since day asked for, if any. */
  since: string | null;
  commitments: CommitmentDetail[];
  summary: ReportSummary;
  deadlines: ReportDeadlines;
  /** Null when nothing is compared: no --since, and no earlier report of the template. */
  changes: ReportChanges | null;
  /** True for the first report of a template: nothing earlier to compare with. */
  firstOfTemplate: boolean;
  byTopic: TopicGroup[];
  annex: AnnexSource[];
  /** The style the annex's references and the quotes' citations are written in. */
  citationStyle: CitationStyle;
  /** The charts, drawn for the PDF briefing and its preview only (see trend-svg.ts). */
  trendFigures?: TrendFigure[];
  summaryFigure?: TrendFigure | null;
}

/** In the as-of view, a quote from a source published after the day was not evidence yet. */
function asOfEvidence(commitment: CommitmentDetail, asOf: string | undefined): CommitmentDetail {
  if (asOf === undefined) return commitment;
  const cited = new Set(
    commitment.history.flatMap((entry) => (entry.evidence ? [entry.evidence.excerptId] : [])),
  );
  const evidence = commitment.evidence.filter(
    (quote) => cited.has(quote.excerptId) || (quote.source.publishedOn ?? '') <= asOf,
  );
  return { ...commitment, evidence };
}

/**
 * The last report of the template sent on an earlier day: exporting the briefing as PDF and then as
 * XLSX, or again after fixing an entry, still compares with last week's, not the one sent minutes ago.
 */
function previousReport(db: Database, template: string, now: Date): ReportSnapshot | null {
  return latestSnapshotOf(db, template, new Date(`${today(now)}T00:00:00`).toISOString());
}

/** Each annex source with its reference and in-text citation in the style. */
function citedAnnex(db: Database, annex: AnnexSource[], style: CitationStyle): AnnexSource[] {
  const citations = citationsOf(
    db,
    annex.map((source) => source.id),
    style,
  );
  return annex.map((source) => {
    const citation = citations.get(source.id);
    return citation ? { ...source, citation } : source;
  });
}

export function buildReport(
  db: Database,
  scope: ReportScope,
  now: Date = new Date(),
  options: ReportOptions = {},
): Report {
  const day = scope.asOf ?? today(now);
  if (options.since !== undefined && options.since > day) {
    throw new DomainError(
      'invalid_input',
      `The changes since ${options.since} cannot be shown in a report of ${day}, an earlier day.`,
      'since',
    );
  }
  const reference = listReference(db);
  const style = options.style ?? getSettings(db).citationStyle;
  const commitments = commitmentIds(db, scope).map((id) =>
    asOfEvidence(getCommitment(db, id, scope.asOf), scope.asOf),
  );
  const template = options.template?.trim() || null;
  const previous = options.since === undefined && template ? previousReport(db, template, now) : null;
  const fromPrevious = previous ? snapshotBaseline(previous) : null;
  // A report of a day before the last one sent (an as-of report) has nothing to add to it.
  const baseline =
    options.since !== undefined
      ? dayBaseline(options.since)
      : fromPrevious && fromPrevious.day <= day
        ? fromPrevious
        : null;
  return {
    generatedAt: now.toISOString(),
    asOf: scope.asOf ?? null,
    day,
    dataThrough: dataThrough(db),
    scope: namedScope(scope, reference),
    scopeTerms: describeScope(scope, reference),
    title: template ?? m.layout_default_title(),
    template,
    since: options.since ?? null,
    commitments,
    summary: summarise(commitments, reference.statuses),
    deadlines: deadlinesOf(commitments),
    changes: baseline ? changesSince(db, commitments, baseline, day) : null,
    firstOfTemplate: template !== null && options.since === undefined && previous === null,
    byTopic: byTopic(commitments),
    annex: options.cite === false ? annexOf(commitments) : citedAnnex(db, annexOf(commitments), style),
    citationStyle: style,
  };
}
