// The scorecard's own styles, on top of the briefing's (briefing-css.ts): score cells tinted by score,
// with the score printed in them too, so the page reads the same in black and white.
export const scorecardCss = `
table.scorecard { table-layout: fixed; }
table.scorecard td, table.scorecard th { vertical-align: middle; }
table.scorecard th.party, table.scorecard td.cell, table.scorecard td.mean, table.scorecard th.mean { text-align: center; }
table.scorecard td.cell { border-left: 2px solid #fff; font-size: 8pt; line-height: 1.25; overflow-wrap: anywhere; }
/* A cell's state in words ("announced (sin puntuación)") wraps in its column rather than run past it. */
#changes .status { white-space: normal; }
table.scorecard td.cell .score { display: block; font-size: 10.5pt; font-weight: 700; }
table.scorecard td.cell .score.word { font-size: 7pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; padding: 2pt 0 1pt; }
table.scorecard tr.topic th {
  background: #fff; color: var(--accent); text-transform: none; letter-spacing: 0; font-size: 9pt;
  border-bottom: 1px solid var(--accent); padding-top: 8pt;
}
table.scorecard tr.topic th .meta { font-weight: 400; text-transform: none; }
table.scorecard tr.topic { break-after: avoid; page-break-after: avoid; }
/* The party means once, at the end of the table: not repeated at the foot of every page. */
table.scorecard tfoot { display: table-row-group; }
table.scorecard tfoot td { border-top: 2px solid #374151; font-weight: 700; }
.score-pos { background: #dcfce7; color: #14532d; }
.score-zero { background: #fef3c7; color: #713f12; }
.score-neg { background: #fee2e2; color: #7f1d1d; }
.score-unscored { background: #f3f4f6; color: #374151; }
.score-none { background: #fff; color: var(--muted); }
td.none { color: var(--muted); text-align: center; }
.fallback { color: var(--muted); font-weight: 400; margin-left: 1px; }
.mean-figure { font-weight: 700; white-space: nowrap; }
.bar { height: 7px; background: #e5e7eb; border-radius: 2px; overflow: hidden; margin-top: 2px; }
.bar span { display: block; height: 100%; background: var(--accent); }
table.parties td { vertical-align: middle; }
.up { color: #15803d; font-weight: 600; }
.down { color: #b91c1c; font-weight: 600; }
.rule { font-size: 8pt; color: #374151; }
ul.evidence { list-style: none; padding: 0; margin: 0 0 6pt; }
ul.evidence > li { margin: 0 0 5pt; padding-left: 8pt; break-inside: avoid; }
.evidence-title { font-weight: 700; margin: 8pt 0 2pt; break-after: avoid; page-break-after: avoid; }
.key { display: flex; flex-wrap: wrap; gap: 3pt 10pt; font-size: 8pt; margin: 2pt 0 6pt; }
.key span.chip { display: inline-block; padding: 0 4pt; border-radius: 2px; }
`;
