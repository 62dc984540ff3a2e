// The published tracker's one stylesheet: readable on a phone and a wide screen, printable, no web
// fonts or images from anywhere (the site must open from disk with no network).
export const siteCss = `
:root {
  --ink: #111827; --muted: #4b5563; --line: #d1d5db; --paper: #ffffff; --tint: #f3f4f6;
  --accent: #1d4ed8; --alert: #b91c1c;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif;
}
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.5rem; }
header.site { border-bottom: 1px solid var(--line); background: var(--tint); }
header.site .inner, main, footer.site .inner { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header.site p { margin: 0; color: var(--muted); font-size: 0.9rem; }
header.site .name { font-weight: 700; color: var(--ink); text-decoration: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.meta { color: var(--muted); font-size: 0.875rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.75rem 0 0; padding: 0; }
.facts div { margin: 0; }
.facts dt { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.figures { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1rem; min-width: 8rem; }
.figure strong { display: block; font-size: 1.5rem; }
.figure.alert strong { color: var(--alert); }
.figure span { color: var(--muted); font-size: 0.875rem; }
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); background: var(--tint); }
tbody th { text-transform: none; letter-spacing: 0; font-size: 1rem; color: var(--ink); background: none; }
table.commitments { table-layout: fixed; }
table.commitments col { width: 18%; }
table.commitments col.wide { width: 64%; }
tr.overall th, tr.overall td { font-weight: 700; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-flex; align-items: center; gap: 0.35rem; white-space: nowrap; font-weight: 600; }
.swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; border: 1px solid rgba(0,0,0,.25); }
.state-passed { color: var(--alert); font-weight: 600; }
.state-due_soon { color: #b45309; font-weight: 600; }
figure.chart { margin: 0 0 1.5rem; max-width: 46rem; }
figure.chart h3 { margin-top: 0; }
figure.chart svg { max-width: 100%; height: auto; color: var(--ink); }
figure.chart figcaption { margin-top: 0.25rem; }
.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid var(--line); }
.timeline li { margin: 0 0 1rem; padding: 0 0 0 1rem; position: relative; }
.timeline li::before {
  content: ""; position: absolute; left: -0.55rem; top: 0.35rem; width: 0.8rem; height: 0.8rem;
  border-radius: 50%; background: var(--paper); border: 3px solid var(--accent);
}
.timeline .day { font-weight: 700; margin-right: 0.5rem; }
blockquote.quote { margin: 0.5rem 0 0.25rem; padding: 0.5rem 0.9rem; border-left: 4px solid var(--accent); background: var(--tint); font-style: italic; }
.cite { color: var(--muted); font-size: 0.875rem; }
.note { margin-top: 0.35rem; }
.empty { color: var(--muted); font-style: italic; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.25rem; margin: 1rem 0; }
dl.details dt { color: var(--muted); font-weight: 600; }
dl.details dd { margin: 0; }
footer.site { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  table.commitments col { width: 26%; }
  table.commitments col.wide { width: 48%; }
  dl.details { grid-template-columns: 1fr; }
}
@media print {
  header.site, footer.site { background: none; }
  a { color: inherit; }
}
`;
