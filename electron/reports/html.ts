// The HTML briefing: the report as a document to read on screen (the live preview) and to print (PDF).
// No script, no external resource: the stylesheet and the chart are inline, so it prints the same anywhere.
import type { CommitmentDetail } from '../domain/model.ts';
import { briefingCss } from './briefing-css.ts';
import { pageCss } from './page-css.ts';
import { changesSection } from './html-changes.ts';
import {
  deadlineRow,
  dueCell,
  factsList,
  fixedTable,
  headlineFigures,
  noteBlock,
  quoteBlock,
  referenceHtml,
  statusBadge,
  statusCell,
  titleCell,
} from './html-parts.ts';
import { html, trusted, type SafeHtml } from './html-template.ts';
import type { Report } from './model.ts';
import { headingFacts } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { currentEntry, latestEvidence, sourceLabels, type SourceCite, type StatusCount } from './sections.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { reportLanguage } from './language.ts';
import {
  excerptWords,
  citationStyleLabel,
  commitmentCountText,
  deadlineStateLabel,
  readableCount,
  readableDay,
  readableShare,
} from './wording.ts';

function header(report: Report): SafeHtml {
  return html`<header class="briefing">
    <p class="kicker">${m.layout_kicker()}</p>
    <h1>${report.title}</h1>
    <p class="scope">${scopeLine(report.scopeTerms)}</p>
    ${factsList(headingFacts(report, report.summary.total))}
  </header>`;
}

function summarySection(report: Report): SafeHtml {
  const { summary } = report;
  const states = (['due_soon', 'passed', 'upcoming', 'met', 'none'] as const).map(
    (state) =>
      html`<tr>
        <td>${deadlineStateLabel(state)}</td>
        <td class="number">${readableCount(summary.byDeadlineState[state])}</td>
      </tr>`,
  );
  return html`<section id="summary">
    <h2>${m.layout_summary()}</h2>
    ${headlineFigures(report)}
    <div class="summary-grid">
      <div>
        <h4>${m.layout_by_status()}</h4>
        ${
          report.summaryFigure
            ? html`<figure class="trend" aria-label="${report.summaryFigure.description}">
                ${trusted(report.summaryFigure.markup)}
              </figure>`
            : statusCounts(summary.byStatus, summary.total)
        }
      </div>
      <div>
        <h4>${m.layout_by_deadline()}</h4>
        <table class="counts">
          <tbody>
            ${states}
          </tbody>
        </table>
      </div>
    </div>
  </section>`;
}

/** The trend charts, when the report was drawn with them (the PDF and its preview). */
function trendsSection(report: Report): SafeHtml {
  if (!report.trendFigures?.length) return html``;
  return html`<section id="trends">
    <h2>${m.layout_trends()}</h2>
    ${report.trendFigures.map(
      (figure) =>
        html`<figure class="trend">
          <h4>${figure.title}</h4>
          ${trusted(figure.markup)}
          <figcaption class="meta">${figure.description}</figcaption>
        </figure>`,
    )}
  </section>`;
}

/** The counts by status as a table, where no chart was drawn (the HTML export, Markdown's sibling). */
function statusCounts(counts: StatusCount[], total: number): SafeHtml {
  if (total === 0) return html`<p class="empty">${m.layout_none_in_scope()}</p>`;
  return html`<table class="counts">
    <tbody>
      ${counts.map(
        (cell) =>
          html`<tr>
            <td>${cell.status ? statusBadge(cell.status) : m.report_no_status()}</td>
            <td class="number">${readableCount(cell.count)} (${readableShare(cell.count, total)})</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function deadlineTable(rows: CommitmentDetail[], empty: string): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return fixedTable(
    [
      [m.layout_column_commitment(), 58],
      [m.layout_column_due(), 21],
      [m.layout_column_status(), 21],
    ],
    rows.map(deadlineRow),
  );
}

function deadlinesSection(report: Report): SafeHtml {
  return html`<section id="deadlines">
    <h2>${m.layout_deadlines()}</h2>
    <h4>${m.layout_due_soon_heading({ count: readableCount(report.deadlines.dueSoon.length) })}</h4>
    ${deadlineTable(report.deadlines.dueSoon, m.layout_due_soon_empty())}
    <h4>${m.layout_passed_heading({ count: readableCount(report.deadlines.passedNoUpdate.length) })}</h4>
    ${deadlineTable(report.deadlines.passedNoUpdate, m.layout_passed_empty())}
  </section>`;
}

function commitmentRow(
  commitment: CommitmentDetail,
  topic: string,
  labels: Record<number, SourceCite>,
): SafeHtml {
  const others = commitment.topics.map((t) => t.path).filter((path) => path !== topic);
  const evidence = latestEvidence(commitment);
  const note = currentEntry(commitment)?.note ?? '';
  return html`<tr>
    <td>${titleCell(commitment, others)}</td>
    <td>${statusCell(commitment)}</td>
    <td class="day">${dueCell(commitment)}</td>
    <td>
      ${evidence ? quoteBlock(evidence, labels) : html`<span class="meta">${m.layout_no_quote()}</span>`}${noteBlock(note)}
    </td>
  </tr>`;
}

function commitmentsSection(report: Report): SafeHtml {
  const labels = sourceLabels(report.annex);
  if (report.commitments.length === 0) {
    return html`<section id="commitments">
      <h2>${m.layout_commitments()}</h2>
      <p class="empty">${m.layout_none_in_scope()}</p>
    </section>`;
  }
  return html`<section id="commitments">
    <h2>${m.layout_commitments_by_topic()}</h2>
    ${report.byTopic.map(
      (group) =>
        html`<h3>
            ${group.topic} <span class="meta">· ${commitmentCountText(group.commitments.length)}</span>
          </h3>
          ${fixedTable(
            [
              [m.layout_column_commitment(), 34],
              [m.layout_column_status(), 14],
              [m.layout_column_due(), 13],
              [m.layout_column_latest_evidence(), 39],
            ],
            group.commitments.map((c) => commitmentRow(c, group.topic, labels)),
          )}`,
    )}
  </section>`;
}

function annexSection(report: Report): SafeHtml {
  if (report.annex.length === 0) return html``;
  return html`<section id="annex">
    <h2>${m.layout_annex()}</h2>
    <p class="meta">${m.layout_cited_in({ style: citationStyleLabel(report.citationStyle) })}</p>
    <ol class="annex">
      ${report.annex.map(
        (source) =>
          html`<li>
            <div class="entry">
              <span class="cite"><span class="label">[${source.label}]</span></span>
              ${
                source.citation
                  ? html`<span class="reference">${referenceHtml(source.citation.reference)}</span>`
                  : html`<span class="source">${source.title}</span>
                      <span class="meta"
                        >${[source.publisher, readableDay(source.publishedOn)].filter(Boolean).join(', ')}</span
                      >`
              }
            </div>
            ${
              source.url && !source.citation
                ? html`<div class="meta"><a href="${source.url}">${source.url}</a></div>`
                : ''
            }
            <ul>
              ${source.quotes.map(
                (quote) =>
                  html`<li>
                    <blockquote class="quote">${excerptWords(quote)}</blockquote>
                    <div class="cite">
                      ${quote.speaker ? `${quote.speaker} · ` : ''}${m.layout_quoted_for({
                        commitments: quote.commitments.map((c) => c.title).join('; '),
                      })}
                    </div>
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ol>
  </section>`;
}

/** The whole briefing as one HTML document. */
export function renderHtml(report: Report): string {
  const document = html`<!doctype html>
    <html lang="${reportLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${report.title}</title>
        <style>
          ${trusted(briefingCss + pageCss(report))}
        </style>
      </head>
      <body>
        ${header(report)} ${summarySection(report)} ${trendsSection(report)} ${changesSection(report)}
        ${deadlinesSection(report)} ${commitmentsSection(report)} ${annexSection(report)}
      </body>
    </html> `;
  return document.value;
}
