// Saving a report from the desktop app: the native save dialog opens in the folder the last report went
// to, then the report is made and written there (never half-written), and remembered as sent only then.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { contract, type ApiResult } from '../api/contract.ts';
import { describeFailure, invalidInput } from '../api/dispatch.ts';
import type { SavedReport } from '../preload/bridge.ts';
import { saveReportChannel } from '../preload/channel.ts';
import { exportReportToFile, formatDetails, suggestedFileName } from '../reports/export.ts';
import { isFromMainWindow, untrusted } from './ipc.ts';

function folderFile(): string {
  return join(app.getPath('userData'), 'report-folder.json');
}

/** The folder the last report was saved to; the Documents folder the first time. */
export function rememberedFolder(): string {
  try {
    const saved = JSON.parse(readFileSync(folderFile(), 'utf8')) as { folder?: unknown };
    if (typeof saved.folder === 'string' && saved.folder) return saved.folder;
  } catch {
    // Not saved yet, or unreadable: start from Documents.
  }
  return app.getPath('documents');
}

function rememberFolder(folder: string): void {
  const file = folderFile();
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify({ folder }));
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.warn(`Pledgewatch: could not remember the report folder: ${(error as Error).message}`);
  }
}

async function saveReport(
  db: Database,
  window: BrowserWindow,
  input: unknown,
): Promise<ApiResult<SavedReport>> {
  const parsed = contract.renderReport.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput('renderReport', parsed.error) };
  const { fileName: _wanted, ...request } = parsed.data;
  const { extension, label } = formatDetails[request.format];
  const choice = await dialog.showSaveDialog(window, {
    title: 'Save report',
    defaultPath: join(rememberedFolder(), suggestedFileName(request)),
    filters: [{ name: label, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
  const path = choice.filePath;
  try {
    const { commitmentCount } = await exportReportToFile(db, request, path);
    rememberFolder(dirname(path));
    return { ok: true, value: { saved: true, path, commitmentCount } };
  } catch (error) {
    return { ok: false, error: describeFailure('renderReport', error) };
  }
}

/** Answers only the main window's own frame, as every API channel does. */
export function registerSaveReport(db: Database, mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(saveReportChannel, (event, input: unknown) => {
    const window = mainWindow();
    if (!window || !isFromMainWindow(event, window)) return untrusted;
    return saveReport(db, window, input);
  });
}
