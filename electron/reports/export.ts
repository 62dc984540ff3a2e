// Exporting a report: build it once, render it to the format asked for, and remember what it showed
// (a report snapshot) once the file exists, so the next report of its template can say what changed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { today } from '../../db/as-of.ts';
import { dataThrough } from '../../db/data-through.ts';
import { commitmentIds } from '../../db/commitments.ts';
import { recordReportSnapshot, reportState, type ReportState } from '../../db/report-snapshots.ts';
import type { ReportFormat } from '../../db/report-templates.ts';
import { writeAtomically } from './atomic-file.ts';
import { defaultTitle, reportFileName, safeFileName } from './file-names.ts';
import { renderJson } from './json.ts';
import type { Report, ReportOptions, ReportScope } from './model.ts';
import { comparedWithText, firstReportText } from './wording.ts';

export const formatDetails: Record<ReportFormat, { extension: string; mimeType: string; label: string }> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf', label: 'PDF briefing' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
  },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', label: 'HTML page' },
  xlsx: {
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
  },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', label: 'CSV table' },
  json: { extension: 'json', mimeType: 'application/json', label: 'JSON data' },
};

const encoder = new TextEncoder();

/**
 * The file's bytes in the format asked for. Renderers load on first use (Playwright, docx and
 * exceljs are large), so the command line and the app start without them.
 */
export async function renderReportFile(report: Report, format: ReportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf.ts')).renderPdf(report);
    case 'docx':
      return (await import('./docx.ts')).renderDocx(report);
    case 'xlsx':
      return (await import('./xlsx.ts')).renderXlsx(report);
    case 'md':
      return encoder.encode((await import('./markdown.ts')).renderMarkdown(report));
    case 'html':
      return encoder.encode((await import('./html.ts')).renderHtml(report));
    case 'csv':
      return encoder.encode((await import('./csv.ts')).renderCsv(report));
    case 'json':
      return encoder.encode(renderJson(report));
  }
}

/** What a report is remembered by: what it covered, against what, and the state it showed. */
export interface ExportRecord {
  template: string | null;
  format: ReportFormat;
  scope: ReportScope;
  since: string | null;
  state: ReportState;
}

export function exportRecordOf(db: Database, report: Report, format: ReportFormat): ExportRecord {
  return {
    template: report.template,
    format,
    scope: report.scope,
    since: report.changes?.baseline.day ?? report.since,
    state: reportState(
      db,
      report.commitments.map((c) => c.id),
      report.asOf ?? undefined,
    ),
  };
}

/** For exports streamed from the database without a report model (large CSV and XLSX files). */
export function streamedExportRecord(
  scope: ReportScope,
  format: ReportFormat,
  options: ReportOptions,
  state: ReportState,
): ExportRecord {
  return { template: options.template?.trim() || null, format, scope, since: options.since ?? null, state };
}

/** Call once the file is written: a report that failed to export is not remembered as sent. */
export function rememberExport(db: Database, record: ExportRecord, now: Date = new Date()): number {
  return recordReportSnapshot(db, {
    template: record.template,
    format: record.format,
    scope: record.scope,
    asOf: record.scope.asOf ?? null,
    since: record.since,
    dataThrough: dataThrough(db),
    state: record.state,
    createdAt: now.toISOString(),
  });
}

export interface ExportRequest extends ReportOptions {
  scope: ReportScope;
  format: ReportFormat;
  /** The name the analyst wants; sanitised. Left out: the title and the day. */
  fileName?: string | undefined;
}

export interface ExportedReport {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  commitmentCount: number;
  snapshotId: number;
}

export const tableFormats = ['csv', 'xlsx'] as const;

function isTable(format: ReportFormat): format is (typeof tableFormats)[number] {
  return (tableFormats as readonly string[]).includes(format);
}

/** A spreadsheet written: its commitments, and their state as the file shows them (its snapshot). */
export interface WrittenTable {
  count: number;
  state: ReportState;
}

/**
 * Spreadsheets are streamed from the database a chunk at a time (csv.ts, xlsx.ts), never building
 * the whole report model: 100,000 commitments fit. The file appears complete or not at all. The
 * workbook gathers the state from the rows it writes; the CSV, which reads no history, has it read
 * just before its rows, with nothing let in between.
 */
export async function writeTable(
  db: Database,
  scope: ReportScope,
  format: (typeof tableFormats)[number],
  file: string,
  now: Date,
): Promise<WrittenTable> {
  if (format === 'xlsx') return (await import('./xlsx.ts')).writeXlsx(db, scope, file, now);
  const { writeCsv } = await import('./csv.ts');
  const state = reportState(db, commitmentIds(db, scope), scope.asOf);
  return { count: writeCsv(db, scope, file), state };
}

/** A spreadsheet's bytes, streamed through a temporary file that is always removed. */
async function tableBytes(
  db: Database,
  request: ExportRequest & { format: (typeof tableFormats)[number] },
  now: Date,
): Promise<{ bytes: Uint8Array } & WrittenTable> {
  const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-export-'));
  try {
    const file = join(folder, `export.${request.format}`);
    const written = await writeTable(db, request.scope, request.format, file, now);
    return { bytes: readFileSync(file), ...written };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The whole export for the app. The state is read with the rows of a spreadsheet, and before a built
 * report is rendered (which may take seconds while the analyst goes on working), so the snapshot
 * remembers what the file shows.
 */
export async function exportReport(
  db: Database,
  request: ExportRequest,
  now: Date = new Date(),
): Promise<ExportedReport> {
  const { format } = request;
  let record: ExportRecord;
  let rendered: { bytes: Uint8Array; count: number };
  // Named in English in every language: the title, but not the file name, is in the report's language.
  const title = request.template?.trim() || defaultTitle;
  if (isTable(format)) {
    const { bytes, count, state } = await tableBytes(db, { ...request, format }, now);
    record = streamedExportRecord(request.scope, format, request, state);
    rendered = { bytes, count };
  } else {
    const report = await built(db, request.scope, now, citing(request), format);
    record = exportRecordOf(db, report, format);
    rendered = { bytes: await renderReportFile(report, format), count: report.commitments.length };
  }
  const { extension, mimeType } = formatDetails[format];
  const fileName = request.fileName?.trim()
    ? safeFileName(request.fileName, extension)
    : reportFileName(title, request.scope.asOf ?? today(now), extension);
  const snapshotId = rememberExport(db, record, now);
  return { fileName, mimeType, bytes: rendered.bytes, commitmentCount: rendered.count, snapshotId };
}

/**
 * Writes the report to `file` (the command line's --out, the desktop save dialog's choice) and
 * remembers it once the file is whole. Spreadsheets are streamed; the rest is built and rendered,
 * then written through a temporary file and renamed, so nothing is ever half-written.
 */
export async function exportReportToFile(
  db: Database,
  request: Omit<ExportRequest, 'fileName'>,
  file: string,
  now: Date = new Date(),
): Promise<{ commitmentCount: number; snapshotId: number }> {
  const { format, scope } = request;
  let record: ExportRecord;
  let commitmentCount: number;
  if (isTable(format)) {
    const { count, state } = await writeTable(db, scope, format, file, now);
    record = streamedExportRecord(scope, format, request, state);
    commitmentCount = count;
  } else {
    const report = await built(db, scope, now, citing(request), format);
    record = exportRecordOf(db, report, format);
    writeAtomically(file, await renderReportFile(report, format));
    commitmentCount = report.commitments.length;
  }
  return { commitmentCount, snapshotId: rememberExport(db, record, now) };
}

/** The name a report is offered under before it is made: the template's name (or the title) and the day. */
export function suggestedFileName(request: Omit<ExportRequest, 'fileName'>, now: Date = new Date()): string {
  const { extension } = formatDetails[request.format];
  return reportFileName(
    request.template?.trim() || defaultTitle,
    request.scope.asOf ?? today(now),
    extension,
  );
}

/** The formats that print citations; the JSON report lists its sources as data, unformatted. */
function citing<Request extends ReportOptions & { format: ReportFormat }>(request: Request): Request {
  return { ...request, cite: ['pdf', 'html', 'md', 'docx'].includes(request.format) };
}

/**
 * The report model, loaded on first use like the renderers: a spreadsheet is streamed without it, so
 * a table export never loads it nor the citation engine behind it. The PDF briefing (and its
 * preview) carries the trend charts; the other formats have no charts.
 */
async function built(
  db: Database,
  scope: ReportScope,
  now: Date,
  options: ReportOptions,
  format: ReportFormat,
): Promise<Report> {
  const { buildReport } = await import('./model.ts');
  return withTrends(buildReport(db, scope, now, options), db, format);
}

async function withTrends(report: Report, db: Database, format: ReportFormat): Promise<Report> {
  if (format !== 'pdf' && format !== 'html') return report;
  const { statusSummaryFigure, trendFigures } = await import('./trend-svg.ts');
  return {
    ...report,
    trendFigures: trendFigures(db, report.scope),
    summaryFigure: statusSummaryFigure(report.summary.byStatus, report.summary.total, 360),
  };
}

/** What the app's report dialog shows while the analyst chooses: the briefing as it will read. */
export interface ReportPreview {
  html: string;
  commitmentCount: number;
  dataThrough: string | null;
  /** What the changes are counted against, in a sentence; null when nothing is compared. */
  comparedWith: string | null;
  /** The name the file would be given. */
  fileName: string;
}

export async function previewReport(
  db: Database,
  request: ReportOptions & { scope: ReportScope; format?: ReportFormat | undefined },
  now: Date = new Date(),
): Promise<ReportPreview> {
  const report = await built(db, request.scope, now, request, request.format ?? 'pdf');
  const extension = formatDetails[request.format ?? 'pdf'].extension;
  return {
    html: (await import('./html.ts')).renderHtml(report),
    commitmentCount: report.commitments.length,
    dataThrough: report.dataThrough,
    comparedWith: report.firstOfTemplate
      ? firstReportText(report.template)
      : report.changes && comparedWithText(report.changes),
    fileName: reportFileName(report.template ?? defaultTitle, report.day, extension),
  };
}

/** The exported file for a transport that carries JSON: the bytes in base64, for the app to save. */
export interface RenderedReport {
  fileName: string;
  mimeType: string;
  base64: string;
  commitmentCount: number;
  snapshotId: number;
}

export async function renderReportForApi(db: Database, request: ExportRequest): Promise<RenderedReport> {
  const { bytes, ...exported } = await exportReport(db, request);
  return { ...exported, base64: Buffer.from(bytes).toString('base64') };
}
