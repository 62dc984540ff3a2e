// The printed page: A4, margins, and the running header and "Page N of M" footer as CSS page-margin
// boxes, so Chromium (Playwright), Electron's printToPDF and the browser's own print all draw them
// the same, and at a fraction of the cost of header and footer templates on a long briefing.
import type { Report } from './model.ts';
import { readableDay, readableMoment } from './wording.ts';

/**
 * A CSS string literal: quotes and backslashes escaped, line breaks as \A, and "<" written as an
 * escape so that no text (a template's name) can close the <style> element it sits in.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (character) => {
    if (character === '\n' || character === '\r' || character === '\f') return '\\A ';
    if (character === '<') return '\\3C ';
    if (character === '>') return '\\3E ';
    return `\\${character}`;
  });
  return `"${escaped}"`;
}

/** What the page's running header and footer say: a briefing's, or a scorecard's. */
export type PageFacts = Pick<Report, 'title' | 'asOf' | 'day' | 'dataThrough' | 'generatedAt'>;

export function pageCss(report: PageFacts): string {
  const day = report.asOf ? `As of ${readableDay(report.asOf)}` : readableDay(report.day);
  const through = report.dataThrough ? ` · data through ${readableMoment(report.dataThrough)}` : '';
  const furniture = `font: 7.5pt "Liberation Sans", Arial, sans-serif; color: #6b7280;`;
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(`Pledgewatch · ${report.title}`)}; ${furniture} }
  @top-right { content: ${cssString(`${day}${through}`)}; ${furniture} }
  @bottom-left { content: ${cssString(`Generated ${readableMoment(report.generatedAt)}`)}; ${furniture} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${furniture} }
}
`;
}
