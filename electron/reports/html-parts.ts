// Small pieces of the HTML briefing, shared by its sections and the scorecard: status, due date,
// quote, note, the facts under a title.
import type { CommitmentDetail, Evidence, StatusRef } from '../domain/model.ts';
import type { CitationRun } from '../citations/references.ts';
import type { Report } from './model.ts';
import type { SourceCite } from './sections.ts';
import { html, trusted, type SafeHtml } from './html-template.ts';
import { noteToSafeHtml } from './notes.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import {
  excerptWords,
  attribution,
  deadlineRule,
  deadlineStateLabel,
  partiesLine,
  readableCount,
  readableDay,
} from './wording.ts';

/** Facts as a definition list of label and value; `style` sets the scorecard's grid. */
export function factsList(facts: [label: string, value: string][], style?: string): SafeHtml {
  const items = facts.map(
    ([label, value]) =>
      html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`,
  );
  return style === undefined
    ? html`<dl class="facts">${items}</dl>`
    : html`<dl class="facts" style="${style}">${items}</dl>`;
}

export function statusBadge(status: StatusRef | null): SafeHtml {
  if (!status) return html`<span class="status">${m.report_no_status()}</span>`;
  return html`<span class="status"
    ><span class="swatch" style="background:${status.colour}"></span>${status.name}</span
  >`;
}

export function statusCell(commitment: CommitmentDetail): SafeHtml {
  const since = commitment.statusSince
    ? html`<div class="meta">${m.layout_since({ day: readableDay(commitment.statusSince) })}</div>`
    : '';
  return html`${statusBadge(commitment.status)}${since}`;
}

export function dueCell(commitment: CommitmentDetail): SafeHtml {
  const dueOn = commitment.deadline.dueOn;
  if (!dueOn) return html`<span class="meta">${deadlineStateLabel('none')}</span>`;
  const rule = deadlineRule(commitment);
  return html`${readableDay(dueOn)}
    <div class="meta state-${commitment.deadlineState}">${deadlineStateLabel(commitment.deadlineState)}</div>
    ${rule ? html`<div class="meta">${rule}</div>` : ''}`;
}

export function titleCell(commitment: CommitmentDetail, otherTopics: string[] = []): SafeHtml {
  return html`<div class="title">${commitment.title}</div>
    <div class="meta">${partiesLine(commitment)}</div>
    ${otherTopics.length > 0 ? html`<div class="meta">${m.layout_also_under({ topics: otherTopics.join('; ') })}</div>` : ''}`;
}

/** A quote with who said it and where, citing the annex entry of its source. */
/** A row of title, due date and status: the deadlines tables of the briefing and of its changes. */
export function deadlineRow(commitment: CommitmentDetail): SafeHtml {
  return html`<tr>
    <td>${titleCell(commitment)}</td>
    <td class="day">${dueCell(commitment)}</td>
    <td>${statusCell(commitment)}</td>
  </tr>`;
}

export function quoteBlock(evidence: Evidence, labels: Record<number, SourceCite>): SafeHtml {
  const cite = labels[evidence.source.id];
  return html`<blockquote class="quote">${excerptWords(evidence)}</blockquote>
    <div class="cite">
      ${cite ? html`<span class="label">[${cite.label}]</span> ` : ''}${attribution(evidence, cite?.inText)}
    </div>`;
}

/** A reference formatted in the report's style: its titles in italics, all of it escaped text. */
export function referenceHtml(runs: CitationRun[]): SafeHtml {
  return html`${runs.map((run) => {
    const text = run.bold ? html`<b>${run.text}</b>` : run.text;
    return run.italic ? html`<i>${text}</i>` : text;
  })}`;
}

/** An analyst's note: Markdown, sanitised before it becomes HTML (see notes.ts). */
export function noteBlock(note: string): SafeHtml {
  if (note.trim() === '') return html``;
  return html`<div class="note">${trusted(noteToSafeHtml(note))}</div>`;
}

/**
 * A table with fixed column widths (percent of the page): Chromium then lays out each row as it
 * comes, without first measuring every cell of a table hundreds of rows long.
 */
export function fixedTable(columns: [header: string, width: number][], rows: SafeHtml[]): SafeHtml {
  return html`<table class="fixed">
    <colgroup>
      ${columns.map(([, width]) => html`<col style="width:${width}%" />`)}
    </colgroup>
    <thead>
      <tr>
        ${columns.map(([header]) => html`<th>${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** The headline counts of a report: commitments, open, closed, due soon, passed with no update. */
export function headlineFigures(report: Pick<Report, 'summary' | 'deadlines'>): SafeHtml {
  const { summary, deadlines } = report;
  const closed = summary.byStatus
    .filter((cell) => cell.status?.category === 'closed')
    .reduce((sum, cell) => sum + cell.count, 0);
  const figures: [string, number, boolean][] = [
    [m.layout_figure_commitments(), summary.total, false],
    [m.layout_figure_open(), summary.total - closed, false],
    [m.layout_figure_closed(), closed, false],
    [m.layout_figure_due_soon(), deadlines.dueSoon.length, false],
    [m.layout_figure_passed(), deadlines.passedNoUpdate.length, deadlines.passedNoUpdate.length > 0],
  ];
  return html`<div class="figures">
    ${figures.map(
      ([label, value, alert]) =>
        html`<div class="figure${alert ? ' alert' : ''}">
          <strong>${readableCount(value)}</strong><span>${label}</span>
        </div>`,
    )}
  </div>`;
}
