// The sample exported in every format of the briefing, each read back by an independent reader
// (poppler's pdftotext, the DOCX's own XML, marked as a forge reads Markdown, JSON.parse): every
// commitment's title, status and due date is there; a formula-like title is plain text; a note's
// script and event handler never become markup.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import {
  newCommitment,
  newStatusUpdate,
  statusIdOf,
  temporaryDatabase,
  temporaryFolder,
} from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { renderReportFile } from './export.ts';
import { renderHtml } from './html.ts';
import { buildReport, type Report } from './model.ts';
import { readableDay } from './wording.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

const formula = '=HYPERLINK("http://x","y")';
const hostileNote =
  'Seen at <script>alert("owned")</script> the border <img src=x onerror="alert(2)"> today.';

let report: Report;
const texts: Record<'pdf' | 'docx' | 'md' | 'html' | 'json', string> = {
  pdf: '',
  docx: '',
  md: '',
  html: '',
  json: '',
};
let docxRows: string[] = [];

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Word's text, a paragraph a line, and each table row's text on a line of its own. */
function docxText(file: string): { text: string; rows: string[] } {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  const runs = (fragment: string) =>
    decode([...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runs(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => runs(m[0]));
  return { text: paragraphs.join('\n'), rows };
}

/** The Markdown as a forge shows it: rendered by marked, the tags taken away. */
function markdownAsRead(markdown: string): string {
  return decode(marked.parse(markdown, { async: false, gfm: true }).replace(/<[^>]+>/g, ''));
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  const { db } = temporaryDatabase();
  const { dossierId } = loadSample(db);
  const hostile = insertCommitment(
    db,
    newCommitment(dossierId, { title: formula, deadline: { on: '2027-03-01' } }),
  );
  recordStatusUpdate(
    db,
    newStatusUpdate(hostile, statusIdOf(db, 'stalled'), '2025-10-01', { note: hostileNote }),
  );
  report = buildReport(db, {}, new Date(), { since: '2025-10-01' });
  const folder = temporaryFolder();
  for (const format of ['pdf', 'docx', 'md', 'html', 'json'] as const) {
    const file = join(folder, `sample.${format}`);
    writeFileSync(file, await renderReportFile(report, format));
    // -raw: in the order Chromium drew the text, so a table cell's wrapped lines stay together.
    if (format === 'pdf') texts.pdf = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    if (format === 'docx') ({ text: texts.docx, rows: docxRows } = docxText(file));
    if (format === 'md') texts.md = execFileSync('cat', [file], { encoding: 'utf8' });
    if (format === 'html' || format === 'json')
      texts[format] = execFileSync('cat', [file], { encoding: 'utf8' });
  }
}, 120_000);

describe('the sample in every briefing format', () => {
  it('has every commitment with its status and due date in the PDF', () => {
    const pdf = squeeze(texts.pdf);
    expect(report.commitments).toHaveLength(10);
    for (const c of report.commitments) {
      expect(pdf, c.title).toContain(c.title);
      expect(pdf).toContain(c.status!.name);
      if (c.deadline.dueOn) expect(pdf, c.title).toContain(readableDay(c.deadline.dueOn));
    }
    expect(pdf).toMatch(/Page 1 of [2-9]/);
    expect(pdf).toContain('data through');
    // The chart's bars are labelled in text: each status and its count.
    for (const label of ['announced', '4 (40%)', 'in progress', '5 (50%)', 'stalled', '1 (10%)']) {
      expect(pdf).toContain(label);
    }
  });

  it('has a table row for every commitment with its status and due date in the DOCX', () => {
    for (const c of report.commitments) {
      const due = c.deadline.dueOn ? readableDay(c.deadline.dueOn) : 'no deadline';
      const rows = docxRows.filter((text) => text.startsWith(c.title));
      expect(
        rows.some((row) => row.includes(c.status!.name) && row.includes(due)),
        c.title,
      ).toBe(true);
    }
    expect(texts.docx).toContain('Commitments by topic');
    // A speaker's words in quotation marks; a span of a summary as a paraphrase, never quoted.
    const quotes = report.annex.flatMap((source) => source.quotes);
    expect(quotes.some((quote) => quote.paraphrase)).toBe(true);
    expect(quotes.some((quote) => !quote.paraphrase)).toBe(true);
    for (const quote of quotes) {
      expect(texts.docx).toContain(quote.paraphrase ? `Paraphrase: ${quote.text}` : `“${quote.text}”`);
      if (quote.paraphrase) expect(texts.docx).not.toContain(`“${quote.text}”`);
    }
  });

  it('has a table row for every commitment in the Markdown, as a forge reads it', () => {
    const tokens = marked.lexer(texts.md, { gfm: true });
    const tables = tokens.filter((token) => token.type === 'table') as { rows: { text: string }[][] }[];
    const rows = tables.flatMap((table) => table.rows.map((cells) => cells.map((cell) => cell.text)));
    for (const c of report.commitments) {
      const row = rows.find((cells) => decode(cells[0] ?? '').replace(/\\(.)/g, '$1') === c.title);
      expect(row, c.title).toBeDefined();
      expect(row![1]).toContain(c.status!.name);
      expect(row![2]).toContain(c.deadline.dueOn ? readableDay(c.deadline.dueOn) : 'no deadline');
    }
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text);
    expect(headings).toEqual(expect.arrayContaining(['Summary', 'Deadlines', 'Commitments by topic']));
    expect(tokens.some((t) => t.type === 'blockquote')).toBe(true);
  });

  it('keeps a formula-like title as plain text everywhere', () => {
    expect(squeeze(texts.pdf)).toContain(formula);
    expect(docxRows.some((row) => row.startsWith(formula))).toBe(true);
    expect(markdownAsRead(texts.md)).toContain(formula);
    expect(JSON.parse(texts.json).commitments.some((c: { title: string }) => c.title === formula)).toBe(true);
  });

  it('never lets a note’s script or event handler become markup', () => {
    for (const html of [texts.html, renderHtml(report)]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/onerror/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('Seen at');
    }
    expect(texts.pdf).toContain('Seen at');
    expect(texts.pdf).not.toContain('alert');
    const forge = marked.parse(texts.md, { async: false, gfm: true });
    // As text it may say "onerror": what must never be there is a tag, or an attribute inside one.
    expect(forge).not.toMatch(/<(script|img)\b/i);
    expect(forge).not.toMatch(/<[^>]*\sonerror=/i);
    expect(markdownAsRead(texts.md)).toContain('<script>alert("owned")</script>');
  });

  it('says the day it describes and the moment its data runs to in every format', () => {
    const through = readableDay(report.dataThrough);
    for (const text of [texts.pdf, texts.docx, texts.md, texts.html]) expect(text).toMatch(/data through/i);
    expect(texts.md).toContain(`**Data through:** ${through}`);
    expect(texts.docx).toContain(`data through ${through}`);
    expect(JSON.parse(texts.json)).toMatchObject({ data_through: report.dataThrough, since: '2025-10-01' });
  });
});
