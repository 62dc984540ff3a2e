// The pages of a published tracker, drawn from the same report model as every export: an index (status
// tallies, each party's standing, deadlines, every commitment), a page per commitment (its timeline and
// the quotes behind it, linked to their sources) and a page per source. Plain HTML and one stylesheet,
// relative links only, no script and nothing fetched from any host, so it reads from disk or any
// static host. Page names are the rows' uids: publishing again keeps every address. Its words are in the
// report's language, and so is its <html lang>; its addresses and anchors are the same in every language.
import type { CommitmentDetail, Evidence, HistoryEntry } from '../domain/model.ts';
import { dueCell, headlineFigures, noteBlock, statusBadge, statusCell } from '../reports/html-parts.ts';
import { html, trusted, type SafeHtml } from '../reports/html-template.ts';
import type { Report } from '../reports/model.ts';
import { scopeLine } from '../reports/scope-terms.ts';
import type { AnnexSource } from '../reports/sections.ts';
import type { Scorecard } from '../reports/scorecard.ts';
import type { Tally } from '../domain/compliance.ts';
import type { TrendFigure } from '../reports/trend-svg.ts';
import { reportLanguage } from '../reports/language.ts';
import { meanText, percentText } from '../reports/scorecard-wording.ts';
import { excerptWords } from '../reports/wording.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import {
  commitmentCountText,
  deadlineRule,
  deadlineStateLabel,
  kindText,
  messageParts,
  partiesLine,
  readableCount,
  readableDay,
  readableMoment,
} from '../reports/wording.ts';

export interface SiteOptions {
  title: string;
  /** The analyst's notes on status updates are left out unless asked for. */
  includeNotes: boolean;
  /** The uid of each commitment and source of the report, by local id: the pages' stable names. */
  commitmentUids: Map<number, string>;
  sourceUids: Map<number, string>;
  /** Each party's compliance over the scope, from the scorecard's model. */
  scorecard: SiteScorecard;
  /** The charts, drawn once in Node (see trend-svg.ts): the site needs no script to show them. */
  figures: { summary: TrendFigure | null; trends: TrendFigure[] };
}

export type SiteScorecard = Pick<Scorecard, 'parties' | 'overall'>;

export interface SitePage {
  /** Relative to the site's folder, with forward slashes. */
  path: string;
  content: string;
}

export const stylesheetPath = 'style.css';

export function commitmentPath(uid: string): string {
  return `commitments/${uid}.html`;
}

export function sourcePath(uid: string): string {
  return `sources/${uid}.html`;
}

/** A whole page: `root` is the way back to the site's folder from the page ('' or '../'). */
function page(options: SiteOptions, report: Report, root: string, title: string, body: SafeHtml): string {
  const asOf = report.asOf
    ? m.site_as_of({ day: readableDay(report.asOf) })
    : m.site_on({ day: readableDay(report.day) });
  const moment = readableMoment(report.generatedAt);
  return html`<!doctype html>
    <html lang="${reportLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Pledgewatch" />
        <title>${title === options.title ? title : `${title} · ${options.title}`}</title>
        <link rel="stylesheet" href="${root}${stylesheetPath}" />
      </head>
      <body>
        <a class="skip" href="#content">${m.site_skip()}</a>
        <header class="site">
          <div class="inner">
            <a class="name" href="${root}index.html">${options.title}</a>
            <p>${m.site_tagline({ when: asOf })}</p>
          </div>
        </header>
        <main id="content">${body}</main>
        <footer class="site">
          <div class="inner">
            ${
              report.dataThrough
                ? m.site_footer({ moment, through: readableMoment(report.dataThrough) })
                : m.site_footer_no_data({ moment })
            }
          </div>
        </footer>
      </body>
    </html>`.value;
}

function commitmentLink(options: SiteOptions, root: string, commitment: { id: number; title: string }) {
  const uid = options.commitmentUids.get(commitment.id);
  if (!uid) return html`${commitment.title}`;
  return html`<a href="${root}${commitmentPath(uid)}">${commitment.title}</a>`;
}

function commitmentTable(options: SiteOptions, commitments: CommitmentDetail[], empty: string): SafeHtml {
  if (commitments.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table class="commitments">
    <colgroup>
      <col class="wide" />
      <col />
      <col />
    </colgroup>
    <thead>
      <tr>
        <th scope="col">${m.layout_column_commitment()}</th>
        <th scope="col">${m.layout_column_status()}</th>
        <th scope="col">${m.layout_column_due()}</th>
      </tr>
    </thead>
    <tbody>
      ${commitments.map(
        (c) =>
          html`<tr>
            <td>
              ${commitmentLink(options, '', c)}
              <div class="meta">${partiesLine(c)}</div>
            </td>
            <td>${statusCell(c)}</td>
            <td>${dueCell(c)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Each party's compliance, as the scorecard counts it: the mean of its scored commitments. */
function scorecardSection(scorecard: SiteScorecard): SafeHtml {
  if (scorecard.parties.length === 0) {
    return html`<p class="empty">${m.site_no_maker()}</p>`;
  }
  const row = (name: string, tally: Tally, overall = false) =>
    html`<tr class="${overall ? 'overall' : ''}">
      <th scope="row">${name}</th>
      <td class="number">${meanText(tally.mean)}</td>
      <td class="number">${percentText(tally.percent)}</td>
      <td class="number">
        ${m.site_scored_of({ assessed: readableCount(tally.assessed), total: readableCount(tally.total) })}
      </td>
      <td class="number">${readableCount(tally.unscored)}</td>
      <td class="number">${readableCount(tally.notYetAssessed)}</td>
    </tr>`;
  return html`<p class="meta">${m.site_rule()}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${m.site_column_party()}</th>
          <th scope="col" class="number">${m.site_column_mean()}</th>
          <th scope="col" class="number">${m.site_column_percent()}</th>
          <th scope="col" class="number">${m.site_column_scored()}</th>
          <th scope="col" class="number">${m.site_column_no_score()}</th>
          <th scope="col" class="number">${m.site_column_not_assessed()}</th>
        </tr>
      </thead>
      <tbody>
        ${scorecard.parties.map((party) => row(party.name, party))}
        ${row(m.site_all_parties(), scorecard.overall, true)}
      </tbody>
    </table>`;
}

/** A chart drawn by Plot, with its description as the caption: the markup was escaped when serialised. */
function figure(drawn: TrendFigure): SafeHtml {
  return html`<figure class="chart">
    <h3>${drawn.title}</h3>
    ${trusted(drawn.markup)}
    <figcaption class="meta">${drawn.description}</figcaption>
  </figure>`;
}

function indexPage(options: SiteOptions, report: Report): string {
  const { deadlines } = report;
  const upcoming = report.commitments
    .filter((c) => c.deadlineState === 'upcoming')
    .sort((a, b) => (a.deadline.dueOn ?? '').localeCompare(b.deadline.dueOn ?? ''));
  const body = html`<h1>${options.title}</h1>
    <p class="meta">${scopeLine(report.scopeTerms)}</p>
    <section aria-labelledby="tallies">
      <h2 id="tallies">${m.site_tallies()}</h2>
      ${headlineFigures(report)} ${options.figures.summary ? figure(options.figures.summary) : ''}
    </section>
    <section aria-labelledby="parties">
      <h2 id="parties">${m.site_scorecard()}</h2>
      ${scorecardSection(options.scorecard)}
    </section>
    <section aria-labelledby="deadlines">
      <h2 id="deadlines">${m.layout_deadlines()}</h2>
      <h3>${m.layout_due_soon_heading({ count: readableCount(deadlines.dueSoon.length) })}</h3>
      ${commitmentTable(options, deadlines.dueSoon, m.layout_due_soon_empty())}
      <h3>${m.layout_passed_heading({ count: readableCount(deadlines.passedNoUpdate.length) })}</h3>
      ${commitmentTable(options, deadlines.passedNoUpdate, m.layout_passed_empty())}
      <h3>${m.site_later({ count: readableCount(upcoming.length) })}</h3>
      ${commitmentTable(options, upcoming, m.site_no_later())}
    </section>
    ${
      options.figures.trends.length > 0
        ? html`<section aria-labelledby="over-time">
            <h2 id="over-time">${m.site_over_time()}</h2>
            ${options.figures.trends.map(figure)}
          </section>`
        : ''
    }
    <section aria-labelledby="all">
      <h2 id="all">${m.site_every_commitment()}</h2>
      ${report.byTopic.length === 0 ? html`<p class="empty">${m.layout_none_in_scope()}</p>` : ''}
      ${report.byTopic.map(
        (group) =>
          html`<h3>
              ${group.topic} <span class="meta">· ${commitmentCountText(group.commitments.length)}</span>
            </h3>
            ${commitmentTable(options, group.commitments, '')}`,
      )}
    </section>
    ${sourcesSection(options, report.annex)}`;
  return page(options, report, '', options.title, body);
}

function sourcesSection(options: SiteOptions, annex: AnnexSource[]): SafeHtml {
  if (annex.length === 0) return html``;
  return html`<section aria-labelledby="sources">
    <h2 id="sources">${m.site_sources()}</h2>
    <ul>
      ${annex.map(
        (source) =>
          html`<li>
            <a href="${sourcePath(options.sourceUids.get(source.id)!)}">${source.title}</a>
            <span class="meta"
              >${[source.publisher, readableDay(source.publishedOn)].filter(Boolean).join(', ')}</span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

function quote(options: SiteOptions, evidence: Evidence): SafeHtml {
  const uid = options.sourceUids.get(evidence.source.id);
  const where = [evidence.source.publisher, readableDay(evidence.source.publishedOn)]
    .filter(Boolean)
    .join(', ');
  return html`<blockquote class="quote">${excerptWords(evidence)}</blockquote>
    <div class="cite">
      ${evidence.speaker ? `${evidence.speaker}, ` : ''}${
        uid
          ? html`<a href="../${sourcePath(uid)}#quote-${evidence.excerptId}">${evidence.source.title}</a>`
          : evidence.source.title
      }${where ? ` (${where})` : ''}
    </div>`;
}

function timelineEntry(options: SiteOptions, entry: HistoryEntry): SafeHtml {
  return html`<li>
    <span class="day">${readableDay(entry.effectiveOn)}</span>${statusBadge(entry.status)}
    ${entry.party ? html`<span class="meta"> ${m.layout_for_party({ party: entry.party })}</span>` : ''}
    ${entry.evidence ? quote(options, entry.evidence) : ''}
    ${options.includeNotes ? noteBlock(entry.note) : ''}
  </li>`;
}

function commitmentPage(options: SiteOptions, report: Report, commitment: CommitmentDetail): string {
  const rule = deadlineRule(commitment);
  const details: [string, SafeHtml | string][] = [
    [m.site_kind(), kindText(commitment.kind)],
    [m.site_made_by(), commitment.madeBy.map((p) => p.name).join(', ') || '—'],
    [m.site_owed_to(), commitment.owedTo.map((p) => p.name).join(', ') || '—'],
    [m.site_topics(), commitment.topics.map((t) => t.path).join('; ') || '—'],
    [m.site_announced(), readableDay(commitment.announcedOn) || '—'],
    [
      m.site_deadline(),
      commitment.deadline.dueOn
        ? `${readableDay(commitment.deadline.dueOn)} (${deadlineStateLabel(commitment.deadlineState)})${rule ? `, ${rule}` : ''}`
        : m.site_deadline_none(),
    ],
    [m.site_status(), statusCell(commitment)],
  ];
  if (commitment.parent) details.push([m.site_part_of(), commitmentLink(options, '../', commitment.parent)]);
  if (commitment.children.length > 0) {
    details.push([
      m.site_made_up_of(),
      html`${commitment.children.map((child, index) => html`${index > 0 ? '; ' : ''}${commitmentLink(options, '../', child)}`)}`,
    ]);
  }
  for (const standing of commitment.standings) {
    details.push([
      standing.party.name,
      standing.status
        ? statusBadge(standing.status)
        : html`<span class="meta">${m.site_no_own_status()}</span>`,
    ]);
  }
  const others = commitment.evidence.filter(
    (evidence) => !commitment.history.some((entry) => entry.evidence?.excerptId === evidence.excerptId),
  );
  const body = html`<p class="meta">
      <a href="../index.html">${m.site_all_commitments()}</a> · ${commitment.dossier.name}
    </p>
    <h1>${commitment.title}</h1>
    ${commitment.summary ? html`<p>${commitment.summary}</p>` : ''}
    <dl class="details">
      ${details.map(
        ([label, value]) =>
          html`<dt>${label}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    <section aria-labelledby="timeline">
      <h2 id="timeline">${m.site_timeline()}</h2>
      ${
        commitment.history.length === 0
          ? html`<p class="empty">${m.site_nothing_recorded()}</p>`
          : html`<ol class="timeline">
              ${commitment.history.map((entry) => timelineEntry(options, entry))}
            </ol>`
      }
    </section>
    ${
      others.length > 0
        ? html`<section aria-labelledby="evidence">
            <h2 id="evidence">${m.site_other_evidence()}</h2>
            ${others.map((evidence) => quote(options, evidence))}
          </section>`
        : ''
    }`;
  return page(options, report, '../', commitment.title, body);
}

/** "for <links>", "sobre <links>": the words of the message around the commitments' links. */
function quotedFor(links: SafeHtml[]): SafeHtml {
  const parts = messageParts(m.layout_quoted_for, ['commitments']);
  return html`${parts.map((part, index) => (index % 2 === 1 ? links : part))}`;
}

function sourcePage(options: SiteOptions, report: Report, source: AnnexSource): string {
  const body = html`<p class="meta"><a href="../index.html#sources">${m.site_all_sources()}</a></p>
    <h1>${source.title}</h1>
    <dl class="details">
      <dt>${m.site_publisher()}</dt>
      <dd>${source.publisher || '—'}</dd>
      <dt>${m.site_published()}</dt>
      <dd>${readableDay(source.publishedOn) || '—'}</dd>
      ${
        source.url
          ? html`<dt>${m.site_original()}</dt>
              <dd><a href="${source.url}" rel="noreferrer">${source.url}</a></dd>`
          : ''
      }
    </dl>
    <section aria-labelledby="quotes">
      <h2 id="quotes">${m.site_quoted()}</h2>
      ${source.quotes.map(
        (quoted) =>
          html`<div id="quote-${quoted.excerptId}">
            <blockquote class="quote">${excerptWords(quoted)}</blockquote>
            <div class="cite">
              ${quoted.speaker ? `${quoted.speaker} · ` : ''}${quotedFor(
                quoted.commitments.map(
                  (c, index) => html`${index > 0 ? '; ' : ''}${commitmentLink(options, '../', c)}`,
                ),
              )}
            </div>
          </div>`,
      )}
    </section>`;
  return page(options, report, '../', source.title, body);
}

/** Every page of the site, and its stylesheet. */
export function sitePages(report: Report, options: SiteOptions, css: string): SitePage[] {
  return [
    { path: 'index.html', content: indexPage(options, report) },
    { path: stylesheetPath, content: css },
    ...report.commitments.map((commitment) => ({
      path: commitmentPath(options.commitmentUids.get(commitment.id)!),
      content: commitmentPage(options, report, commitment),
    })),
    ...report.annex.map((source) => ({
      path: sourcePath(options.sourceUids.get(source.id)!),
      content: sourcePage(options, report, source),
    })),
  ];
}
