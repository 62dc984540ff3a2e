// The briefing's stylesheet: one for the preview on screen and for the PDF printed from it.
// The printed page (size, margins, running header and footer) is in page-css.ts.
export const briefingCss = `
figure.trend { margin: 0 0 14px; break-inside: avoid; }
figure.trend h4 { margin: 0 0 4px; }
figure.trend svg { max-width: 100%; height: auto; color: #111827; }
figure.trend figcaption { margin-top: 2px; }

:root {
  --ink: #1f2937; --muted: #6b7280; --rule: #d1d5db; --faint: #f3f4f6; --accent: #1e3a5f;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; padding: 24px; max-width: 210mm; color: var(--ink);
  font: 9.5pt/1.42 "Liberation Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
}
@media print { body { padding: 0; max-width: none; } }

header.briefing { border-bottom: 3px solid var(--accent); padding-bottom: 8pt; margin-bottom: 10pt; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 7.5pt; color: var(--accent); font-weight: 700; margin: 0; }
h1 { font-size: 20pt; line-height: 1.15; margin: 2pt 0 4pt; color: #111827; }
.scope { margin: 0 0 6pt; font-size: 10pt; color: #374151; }
dl.facts { display: grid; grid-template-columns: repeat(4, auto); justify-content: start; gap: 2pt 18pt; margin: 0; font-size: 8pt; }
dl.facts div { display: flex; flex-direction: column; }
dl.facts dt { color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; font-size: 6.5pt; }
dl.facts dd { margin: 0; font-weight: 600; }

h2 {
  font-size: 13pt; color: var(--accent); margin: 16pt 0 6pt; padding-bottom: 2pt;
  border-bottom: 1px solid var(--accent); break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 10.5pt; margin: 12pt 0 4pt; color: #111827; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 9pt; margin: 8pt 0 3pt; color: #374151; text-transform: uppercase; letter-spacing: 0.04em; break-after: avoid; }
section { break-inside: auto; }
p { margin: 0 0 5pt; }
.empty, .lead { color: var(--muted); }
.lead { margin-bottom: 6pt; }

.figures { display: flex; gap: 8pt; margin: 4pt 0 10pt; }
.figure { flex: 1; border: 1px solid var(--rule); border-radius: 4px; padding: 5pt 7pt; }
.figure strong { display: block; font-size: 17pt; line-height: 1.1; color: #111827; }
.figure span { font-size: 7.5pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.figure.alert strong { color: #b91c1c; }
.summary-grid { display: grid; grid-template-columns: 1fr 190px; gap: 14pt; align-items: start; break-inside: avoid; }

table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 2pt 0 8pt; }
table.fixed { table-layout: fixed; }
td { overflow-wrap: anywhere; }
thead { display: table-header-group; }
th {
  text-align: left; font-size: 7pt; text-transform: uppercase; letter-spacing: 0.05em; color: #374151;
  background: var(--faint); border-bottom: 1px solid #9ca3af; padding: 3pt 5pt;
}
td { border-bottom: 1px solid #e5e7eb; padding: 4pt 5pt; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.day { white-space: nowrap; }
td.day .meta { white-space: normal; }
table.counts td { padding: 2pt 5pt; }
.title { font-weight: 700; color: #111827; }
.meta { font-size: 7.5pt; color: var(--muted); margin-top: 1pt; }

.status { white-space: nowrap; font-weight: 600; }
.swatch { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-right: 4px; vertical-align: baseline; }
.change { display: inline-flex; flex-wrap: wrap; gap: 2pt 4pt; align-items: baseline; }
.arrow { color: var(--muted); }
.state-passed { color: #b91c1c; font-weight: 600; }
.state-due_soon { color: #b45309; font-weight: 600; }
.state-met { color: #15803d; }

blockquote.quote {
  margin: 0 0 2pt; padding: 1pt 0 1pt 6pt; border-left: 2px solid #9ca3af;
  font: italic 8.5pt/1.4 "Liberation Serif", Georgia, "DejaVu Serif", serif; color: #111827;
}
.cite { font-size: 7.5pt; color: var(--muted); }
.cite .label { font-weight: 700; color: var(--accent); }
.note { font-size: 8pt; color: #374151; margin-top: 3pt; }
.note p, .note ul, .note ol, .note blockquote { margin: 0 0 2pt; }
.note ul, .note ol { padding-left: 12pt; }
.note h3, .note h4 { font-size: 8pt; margin: 2pt 0; }

ol.annex { padding-left: 0; list-style: none; margin: 0; }
ol.annex > li { margin: 0 0 8pt; break-inside: avoid; }
ol.annex .source { font-weight: 700; }
ol.annex .entry { padding-left: 18pt; text-indent: -18pt; }
ol.annex .entry .label { display: inline-block; min-width: 18pt; text-indent: 0; }
ol.annex ul { margin: 3pt 0 0; padding-left: 10pt; list-style: none; }
ol.annex ul li { margin-bottom: 3pt; }
a { color: var(--accent); word-break: break-all; }
`;
