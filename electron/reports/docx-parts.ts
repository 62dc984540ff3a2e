// Pieces of the Word briefing: its styles, tables, quotes and notes, built with the `docx` package.
import {
  BorderStyle,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import type { Evidence, StatusRef } from '../domain/model.ts';
import type { SourceCite } from './sections.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { attribution, excerptWords, messageParts } from './wording.ts';

const ink = '1F2937';
const muted = '6B7280';
const accent = '1E3A5F';

export const styles: IStylesOptions = {
  default: {
    document: { run: { font: 'Calibri', size: 20, color: ink } },
    heading1: { run: { size: 40, bold: true, color: '111827' }, paragraph: { spacing: { after: 80 } } },
    heading2: {
      run: { size: 28, bold: true, color: accent },
      paragraph: {
        spacing: { before: 320, after: 120 },
        keepNext: true,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: accent, space: 2 } },
      },
    },
    heading3: {
      run: { size: 22, bold: true, color: '111827' },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'EvidenceQuote',
      name: 'Evidence quote',
      basedOn: 'Normal',
      run: { italics: true, font: 'Cambria', size: 19, color: '111827' },
      paragraph: {
        indent: { left: 240 },
        spacing: { before: 40, after: 20 },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9CA3AF', space: 6 } },
      },
    },
    {
      id: 'Attribution',
      name: 'Attribution',
      basedOn: 'Normal',
      run: { size: 16, color: muted },
      paragraph: { indent: { left: 240 }, spacing: { after: 80 } },
    },
    { id: 'Meta', name: 'Meta', basedOn: 'Normal', run: { size: 16, color: muted } },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      run: { size: 18, color: '374151' },
      paragraph: { spacing: { after: 60 } },
    },
  ],
};

export type Cell = string | ParagraphChild[] | Paragraph[];

function cellParagraphs(cell: Cell, bold = false): Paragraph[] {
  if (typeof cell === 'string') {
    return cell.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
  }
  if (cell.length > 0 && cell.every((item) => item instanceof Paragraph)) return cell as Paragraph[];
  return [new Paragraph({ children: cell as ParagraphChild[] })];
}

const cellMargins = { top: 50, bottom: 50, left: 80, right: 80 };

/** A full-width table with a shaded header row that repeats on each page; rows never split. */
export function table(header: string[], rows: Cell[][], widths?: number[]): Table {
  const width = (index: number) =>
    widths ? { size: widths[index] ?? 10, type: WidthType.PERCENTAGE } : undefined;
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: header.map(
      (name, index) =>
        new TableCell({
          children: [
            new Paragraph({
              children: [new TextRun({ text: name.toUpperCase(), bold: true, size: 15, color: '374151' })],
            }),
          ],
          shading: { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' },
          margins: cellMargins,
          ...(width(index) ? { width: width(index)! } : {}),
        }),
    ),
  });
  const bodyRows = rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (cell, index) =>
            new TableCell({
              children: cellParagraphs(cell, index === 0 && typeof cell === 'string'),
              margins: cellMargins,
              ...(width(index) ? { width: width(index)! } : {}),
            }),
        ),
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'D1D5DB' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [headerRow, ...bodyRows],
    borders: {
      top: line,
      bottom: line,
      left: none,
      right: none,
      insideHorizontal: line,
      insideVertical: none,
    },
  });
}

/** A status as a square in its colour and its name, so it reads in print without colour too. */
export function statusRuns(status: StatusRef | null): ParagraphChild[] {
  if (!status) return [new TextRun({ text: m.report_no_status(), bold: true })];
  return [
    new TextRun({ text: '■ ', color: status.colour.slice(1).toUpperCase() }),
    new TextRun({ text: status.name, bold: true }),
  ];
}

export function quoteParagraphs(evidence: Evidence, cite: SourceCite | undefined): Paragraph[] {
  return [
    new Paragraph({ style: 'EvidenceQuote', children: [new TextRun(excerptWords(evidence))] }),
    new Paragraph({
      style: 'Attribution',
      children: [
        ...(cite ? [new TextRun({ text: `[${cite.label}] `, bold: true, color: accent })] : []),
        new TextRun(attribution(evidence, cite?.inText)),
      ],
    }),
  ];
}

export function meta(text: string): Paragraph {
  return new Paragraph({ style: 'Meta', children: [new TextRun(text)] });
}

export function plain(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...options })] });
}

export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 60 } });
}

/** "Page 2 of 7" as Word's own fields, in the report's language: the words around them from its message. */
export function pageNumberRun(): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const fields = { page: PageNumber.CURRENT, pages: PageNumber.TOTAL_PAGES } as const;
  return messageParts(m.layout_page_of, ['page', 'pages'])
    .map((part, index) => (index % 2 === 1 ? fields[part as keyof typeof fields] : part))
    .filter((part) => part !== '');
}
