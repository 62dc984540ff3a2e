// The "changes since" section of the HTML briefing: news first, corrections to past entries apart.
import {
  deadlineRow,
  dueCell,
  fixedTable,
  noteBlock,
  quoteBlock,
  statusBadge,
  statusCell,
  titleCell,
} from './html-parts.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { html, type SafeHtml } from './html-template.ts';
import type { Report } from './model.ts';
import type { StatusChange } from './since.ts';
import { lastEditAt } from './team-authors.ts';
import { sourceLabels } from './sections.ts';
import {
  addedByText,
  comparedWithText,
  correctionText,
  editedText,
  firstReportText,
  readableDay,
  readableCount,
  readableMoment,
  recordedText,
} from './wording.ts';

function group(title: string, rows: SafeHtml[], columns: [string, number][]): SafeHtml {
  if (rows.length === 0) {
    return html`<h4>${title}</h4>
      <p class="empty">${m.layout_none()}</p>`;
  }
  return html`<h4>${title} (${readableCount(rows.length)})</h4>
    ${fixedTable(columns, rows)}`;
}

/** "announced → in progress" as badges; a reaffirmed or first status as one badge and a word. */
function changeCell(change: StatusChange): SafeHtml {
  const to = statusBadge(change.entry.status);
  const party = change.entry.party
    ? html`<div class="meta">${m.layout_for_party({ party: change.entry.party })}</div>`
    : '';
  if (change.from === null)
    return html`${to}
      <div class="meta">${m.layout_first_assessment()}</div>
      ${party}`;
  if (change.from.id === change.entry.status.id)
    return html`${to}
      <div class="meta">${m.layout_reaffirmed()}</div>
      ${party}`;
  return html`<span class="change">${statusBadge(change.from)} <span class="arrow">→</span> ${to}</span
    >${party}`;
}

export function changesSection(report: Report): SafeHtml {
  if (report.firstOfTemplate) {
    return html`<section id="changes">
      <h2>${m.layout_changes_since_last()}</h2>
      <p class="empty">${firstReportText(report.template)}</p>
    </section>`;
  }
  const changes = report.changes;
  if (!changes) return html``;
  const labels = sourceLabels(report.annex);
  const newRows = changes.newCommitments.map((c) => {
    const added = addedByText(changes, c.id);
    return html`<tr>
      <td>${titleCell(c)}${added ? html`<div class="meta">${added}</div>` : ''}</td>
      <td>${statusCell(c)}</td>
      <td class="day">${dueCell(c)}</td>
    </tr>`;
  });
  const statusRows = changes.statusChanges.map(
    (change) =>
      html`<tr>
        <td><div class="title">${change.commitment.title}</div></td>
        <td>${changeCell(change)}</td>
        <td class="day">
          ${readableDay(change.entry.effectiveOn)}
          <div class="meta">${recordedText(change.entry)}</div>
        </td>
        <td>
          ${change.entry.evidence ? quoteBlock(change.entry.evidence, labels) : ''}${noteBlock(change.entry.note)}
        </td>
      </tr>`,
  );
  const evidenceRows = changes.newEvidence.map(
    (row) =>
      html`<tr>
        <td><div class="title">${row.commitment.title}</div></td>
        <td>${quoteBlock(row.evidence, labels)}</td>
      </tr>`,
  );
  const passedRows = changes.deadlinesPassed.map(deadlineRow);
  const editRows = changes.edits.map(
    (edits) =>
      html`<tr>
        <td><div class="title">${edits.commitment.title}</div></td>
        <td>${editedText(edits)}</td>
        <td class="day">${readableMoment(lastEditAt(edits))}</td>
      </tr>`,
  );
  const correctionRows = changes.corrections.map(
    (correction) =>
      html`<tr>
        <td><div class="title">${correction.commitment.title}</div></td>
        <td>${correctionText(correction)}${noteBlock(correction.entry.note)}</td>
        <td class="day">${readableMoment(correction.at)}</td>
      </tr>`,
  );
  const commitment = m.layout_column_commitment();
  return html`<section id="changes">
    <h2>${m.layout_changes_since({ day: readableDay(changes.baseline.day) })}</h2>
    <p class="lead">${comparedWithText(changes)}</p>
    ${group(m.layout_new_commitments(), newRows, [
      [commitment, 58],
      [m.layout_column_status(), 21],
      [m.layout_column_due(), 21],
    ])}
    ${group(m.layout_status_changes(), statusRows, [
      [commitment, 28],
      [m.layout_column_change(), 20],
      [m.layout_column_effective(), 14],
      [m.layout_column_evidence_note(), 38],
    ])}
    ${group(m.layout_new_evidence(), evidenceRows, [
      [commitment, 34],
      [m.layout_column_quote(), 66],
    ])}
    ${group(m.layout_deadlines_passed(), passedRows, [
      [commitment, 58],
      [m.layout_column_due(), 21],
      [m.layout_column_status_now(), 21],
    ])}
    ${
      editRows.length === 0
        ? ''
        : group(m.layout_edits(), editRows, [
            [commitment, 30],
            [m.layout_column_who_changed(), 50],
            [m.layout_column_last_edit(), 20],
          ])
    }
    ${group(m.layout_corrections(), correctionRows, [
      [commitment, 30],
      [m.layout_column_correction(), 50],
      [m.layout_column_made(), 20],
    ])}
  </section>`;
}
