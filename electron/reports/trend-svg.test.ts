// The trend charts in the PDF briefing: drawn by Plot in Node (linkedom), printed by Chromium, and read
// back with pdftotext; the other formats carry none.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { exportReportToFile } from './export.ts';
import { trendFigures } from './trend-svg.ts';

describe('trend charts in the briefing', () => {
  it('draws each chart as labelled SVG with its description', () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const figures = trendFigures(db, { asOf: '2026-01-31' });
    expect(figures.map((figure) => figure.title)).toEqual(['Commitments by status over time', 'Deadlines']);
    for (const figure of figures) {
      expect(figure.markup).toContain('<svg');
      expect(figure.markup).toContain(`aria-label="${figure.description.replace(/'/g, '&#39;')}"`);
      expect(figure.markup).not.toMatch(/<script|javascript:/i);
    }
    expect(figures[0]!.description).toContain('On 31 Jan 2026:');
  });

  it('prints them in the PDF, with axes and captions a reader can read, and leaves them out of the Markdown', async () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const folder = temporaryFolder();
    const pdf = join(folder, 'briefing.pdf');
    await exportReportToFile(db, { scope: { asOf: '2026-01-31' }, format: 'pdf' }, pdf);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Trends');
    // Headings are set in capitals by the stylesheet.
    expect(text).toContain('COMMITMENTS BY STATUS OVER TIME');
    expect(text).toContain('↑ Commitments');
    expect(text).toMatch(/Commitments by status at the end of each month, \d+ \w+ 2025 to 31 Jan 2026/);
    expect(text).toContain('Review the USMCA trade agreement');
    const md = join(folder, 'briefing.md');
    await exportReportToFile(db, { scope: { asOf: '2026-01-31' }, format: 'md' }, md);
    expect(readFileSync(md, 'utf8')).not.toContain('Commitments by status over time');
  }, 60_000);
});
