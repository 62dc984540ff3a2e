// The printed page: A4, margins, and the running header and "Page N of M" footer as CSS page-margin
// boxes, so Chromium (Playwright), Electron's printToPDF and the browser's own print all draw them
// the same, and at a fraction of the cost of header and footer templates on a long briefing.
import type { Report } from './model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { messageParts, readableDay, readableMoment } from './wording.ts';

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
  const day = report.asOf ? m.layout_meta_as_of({ day: readableDay(report.asOf) }) : readableDay(report.day);
  const through = report.dataThrough
    ? ` · ${m.layout_meta_data_through({ moment: readableMoment(report.dataThrough) })}`
    : '';
  // "Page " counter(page) " of " counter(pages), in the language's own order.
  const pageNumbers = messageParts(m.layout_page_of, ['page', 'pages'])
    .map((part, index) => (index % 2 === 1 ? `counter(${part})` : part && cssString(part)))
    .filter(Boolean)
    .join(' ');
  const furniture = `font: 7.5pt "Liberation Sans", Arial, sans-serif; color: #6b7280;`;
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(`Pledgewatch · ${report.title}`)}; ${furniture} }
  @top-right { content: ${cssString(`${day}${through}`)}; ${furniture} }
  @bottom-left { content: ${cssString(m.layout_page_generated({ moment: readableMoment(report.generatedAt) }))}; ${furniture} }
  @bottom-right { content: ${pageNumbers}; ${furniture} }
}
`;
}
