// The scorecard as an HTML briefing, printed to PDF by the same path as the commitments briefing: the
// parties' figures, the changes since the day compared with, the matrix by topic, the evidence behind
// each score, and how the scores are counted. No script, nothing loaded from outside the document.
import * as m from '../shared/i18n/paraglide/messages.js';
import { briefingCss } from './briefing-css.ts';
import { factsList, fixedTable, noteBlock } from './html-parts.ts';
import { html, trusted, type SafeHtml } from './html-template.ts';
import { pageCss } from './page-css.ts';
import type { Scorecard, ScorecardCell, ScorecardRow } from './scorecard.ts';
import { scorecardCss } from './scorecard-css.ts';
import { updatesOf, type ScorecardEvidence } from './scorecard-evidence.ts';
import type { Tally } from '../domain/compliance.ts';
import {
  assessedText,
  cellOf,
  cellsChangedText,
  cellText,
  changeText,
  fallbackMark,
  fallbackNote,
  figuresText,
  leftOutText,
  meanText,
  percentText,
  rowsByTopic,
  scoreText,
  scoringRule,
  titleText,
  topicText,
} from './scorecard-wording.ts';
import { reportLanguage } from './language.ts';
import { headingFacts } from './heading-facts.ts';
import { scopeLine } from './scope-terms.ts';
import { attribution, readableDay } from './wording.ts';

function header(card: Scorecard): SafeHtml {
  const facts = headingFacts(
    card,
    card.commitments.length,
    card.changes ? readableDay(card.changes.comparedWith) : m.card_no_other_day(),
  );
  return html`<header class="briefing">
    <p class="kicker">${m.card_kicker()}</p>
    <h1>${titleText(card)}</h1>
    <p class="scope">${scopeLine(card.scopeTerms)}</p>
    ${factsList(facts, 'grid-template-columns: repeat(5, auto)')}
  </header>`;
}

function scoreClass(kind: ScorecardCell['kind'], score: number | null): string {
  if (kind === 'unscored') return 'score-unscored';
  if (kind === 'not_assessed') return 'score-none';
  return score! > 0 ? 'score-pos' : score! < 0 ? 'score-neg' : 'score-zero';
}

function meanClass(mean: number | null): string {
  if (mean === null) return 'score-none';
  return mean >= 0.5 ? 'score-pos' : mean <= -0.5 ? 'score-neg' : 'score-zero';
}

function changeCell(change: number | null): SafeHtml {
  const direction = change === null || change === 0 ? '' : change > 0 ? 'up' : 'down';
  return html`<td class="number ${direction}">${changeText(change)}</td>`;
}

function tallyCells(tally: Tally): SafeHtml {
  return html`<td class="number"><span class="mean-figure">${meanText(tally.mean)}</span></td>
    <td class="number">
      ${percentText(tally.percent)}
      ${tally.percent === null ? '' : html`<div class="bar"><span style="width:${tally.percent.toFixed(1)}%"></span></div>`}
    </td>
    <td>
      ${assessedText(tally)}
      <div class="meta">${leftOutText(tally)}</div>
    </td>`;
}

function partiesSection(card: Scorecard): SafeHtml {
  const changes = card.changes;
  const columns: [string, number][] = changes
    ? [
        [m.card_column_party(), 26],
        [m.card_column_mean(), 10],
        [m.card_column_percentage(), 14],
        [m.card_column_scored(), 22],
        [m.card_column_mean_on({ day: readableDay(changes.comparedWith) }), 12],
        [m.card_column_change(), 16],
      ]
    : [
        [m.card_column_party(), 34],
        [m.card_column_mean(), 14],
        [m.card_column_percentage(), 22],
        [m.card_column_scored(), 30],
      ];
  const row = (name: string, tally: Tally, index: number | null) => {
    const change = changes && (index === null ? changes.overall : changes.parties[index]);
    return html`<tr>
      <td class="title">${name}</td>
      ${tallyCells(tally)}
      ${
        change
          ? html`<td class="number">${meanText(change.before.mean)}</td>
              ${changeCell(change.meanChange)}`
          : ''
      }
    </tr>`;
  };
  return html`<section id="parties">
    <h2>${m.card_parties()}</h2>
    <p class="lead">${m.card_parties_lead()}</p>
    ${fixedTable(columns, [
      ...card.parties.map((party, index) => row(party.name, party, index)),
      row(m.card_all_parties(), card.overall, null),
    ])}
  </section>`;
}

function changesSection(card: Scorecard): SafeHtml {
  const changes = card.changes;
  if (!changes) return html``;
  const cell = (state: (typeof changes.cells)[number]['from']) =>
    html`<span class="status"
      >${cellText(state)}${state.own || state.status === null ? '' : html`<sup class="fallback">${fallbackMark}</sup>`}</span
    >`;
  return html`<section id="changes">
    <h2>${m.layout_changes_since({ day: readableDay(changes.comparedWith) })}</h2>
    <p class="lead">${cellsChangedText(card, changes)}</p>
    ${
      changes.cells.length === 0
        ? html`<p class="empty">${m.card_no_cell_changed()}</p>`
        : fixedTable(
            [
              [m.layout_column_commitment(), 44],
              [m.card_column_party(), 16],
              [readableDay(changes.comparedWith), 20],
              [readableDay(card.day), 20],
            ],
            changes.cells.map(
              (change) =>
                html`<tr>
                  <td class="title">${change.title}</td>
                  <td>${change.party}</td>
                  <td>${cell(change.from)}</td>
                  <td>${cell(change.to)}</td>
                </tr>`,
            ),
          )
    }
  </section>`;
}

function matrixCell(cell: ScorecardCell | undefined): SafeHtml {
  if (!cell) return html`<td class="none">—</td>`;
  const name = cell.status?.name ?? m.card_no_status_yet();
  const mark = cell.own || cell.status === null ? '' : html`<sup class="fallback">${fallbackMark}</sup>`;
  const score =
    cell.kind === 'scored'
      ? html`<span class="score">${scoreText(cell.score)}</span>`
      : html`<span class="score word">${cell.kind === 'unscored' ? m.card_no_score() : '·'}</span>`;
  return html`<td class="cell ${scoreClass(cell.kind, cell.score)}">${score}${name}${mark}</td>`;
}

function matrixRow(card: Scorecard, row: ScorecardRow): SafeHtml {
  return html`<tr>
    <td>
      <div class="title">${row.title}</div>
      ${row.cells.length === 0 ? html`<div class="meta">${m.card_no_maker_own({ cell: cellText(row) })}</div>` : ''}
    </td>
    ${card.parties.map((party) => matrixCell(cellOf(row, party.id)))}
    <td class="mean ${meanClass(row.mean)}"><span class="mean-figure">${meanText(row.mean)}</span></td>
  </tr>`;
}

function matrixSection(card: Scorecard): SafeHtml {
  if (card.commitments.length === 0) {
    return html`<section id="scorecard">
      <h2>${m.card_scorecard()}</h2>
      <p class="empty">${m.layout_none_in_scope()}</p>
    </section>`;
  }
  const partyWidth = Math.min(16, 56 / Math.max(1, card.parties.length));
  const titleWidth = 100 - 10 - partyWidth * card.parties.length;
  const span = card.parties.length + 2;
  return html`<section id="scorecard">
    <h2>${m.card_by_topic()}</h2>
    <table class="scorecard">
      <colgroup>
        <col style="width:${titleWidth}%" />
        ${card.parties.map(() => html`<col style="width:${partyWidth}%" />`)}
        <col style="width:10%" />
      </colgroup>
      <thead>
        <tr>
          <th>${m.layout_column_commitment()}</th>
          ${card.parties.map((party) => html`<th class="party">${party.name}</th>`)}
          <th class="mean">${m.card_column_mean()}</th>
        </tr>
      </thead>
      ${rowsByTopic(card).map(
        ({ topic, rows }) =>
          html`<tbody>
            <tr class="topic">
              <th colspan="${span}">
                ${topicText(topic.topic)}
                <span class="meta">· ${figuresText(topic)} · ${assessedText(topic)}</span>
              </th>
            </tr>
            ${rows.map((row) => matrixRow(card, row))}
          </tbody>`,
      )}
      <tfoot>
        <tr>
          <td>${m.card_means_row()}</td>
          ${card.parties.map(
            (party) =>
              html`<td class="mean ${meanClass(party.mean)}">
                ${meanText(party.mean)}
                <div class="meta">${percentText(party.percent)}</div>
              </td>`,
          )}
          <td class="mean ${meanClass(card.overall.mean)}">
            ${meanText(card.overall.mean)}
            <div class="meta">${percentText(card.overall.percent)}</div>
          </td>
        </tr>
      </tfoot>
    </table>
    <p class="meta">${fallbackNote()} ${m.card_dot_note()}</p>
  </section>`;
}

function evidenceSection(card: Scorecard, evidence: ScorecardEvidence): SafeHtml {
  const blocks = card.commitments.flatMap((row) => {
    const items = updatesOf(row).flatMap((group) => {
      const entry = evidence.get(group.updateId);
      if (!entry) return [];
      const whose = group.parties.length === 0 ? m.card_the_commitment() : group.parties.join(', ');
      const how = group.own ? m.card_own_assessment() : m.card_commitments_status();
      return [
        html`<li>
          <div>
            <strong>${whose}</strong>: ${entry.status.name}
            <span class="meta">· ${how}, ${m.layout_since({ day: readableDay(entry.effectiveOn) })}</span>
          </div>
          ${
            entry.evidence
              ? html`<blockquote class="quote">“${entry.evidence.text}”</blockquote>
                  <div class="cite">
                    ${attribution(entry.evidence)}${entry.evidence.source.url ? html` · <a href="${entry.evidence.source.url}">${entry.evidence.source.url}</a>` : ''}
                  </div>`
              : ''
          }
          ${noteBlock(entry.note)}
        </li>`,
      ];
    });
    return items.length === 0
      ? []
      : [
          html`<div class="evidence-title">${row.title}</div>
            <ul class="evidence">
              ${items}
            </ul>`,
        ];
  });
  if (blocks.length === 0) return html``;
  return html`<section id="evidence">
    <h2>${m.card_evidence()}</h2>
    ${blocks}
  </section>`;
}

function ruleSection(card: Scorecard): SafeHtml {
  return html`<section id="rule">
    <h2>${m.card_rule_heading()}</h2>
    <p class="rule">${scoringRule(card)}</p>
    <div class="key">
      <span><span class="chip score-pos">+1</span> ${m.card_key_complied()}</span>
      <span><span class="chip score-zero">0</span> ${m.card_key_partly()}</span>
      <span><span class="chip score-neg">−1</span> ${m.card_key_did_not()}</span>
      <span><span class="chip score-unscored">${m.card_no_score()}</span> ${m.card_key_no_score()}</span>
      <span><span class="chip score-none">·</span> ${m.card_key_not_assessed()}</span>
    </div>
  </section>`;
}

/** The whole scorecard briefing as one HTML document. */
export function renderScorecardHtml(card: Scorecard, evidence: ScorecardEvidence = new Map()): string {
  const document = html`<!doctype html>
    <html lang="${reportLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${titleText(card)}</title>
        <style>
          ${trusted(briefingCss + scorecardCss + pageCss({ ...card, title: titleText(card) }))}
        </style>
      </head>
      <body>
        ${header(card)} ${partiesSection(card)} ${changesSection(card)} ${matrixSection(card)}
        ${evidenceSection(card, evidence)} ${ruleSection(card)}
      </body>
    </html> `;
  return document.value;
}
