// Saving a report from the main process, built as `npm run build` builds it, against a stand-in for
// Electron: the save dialog, where the file goes, the PDF printed in a hidden window, bad input.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { saveReportChannel } from '../preload/channel.ts';
import { electronPrintOptions } from '../reports/pdf.ts';
import { emit, standInPdf, type FakeElectron, type FakeWindow } from './fake-electron.ts';
import { invokeEvent, useBuiltApp } from './built-app-testing.ts';

const { scratch, startApp } = useBuiltApp('main-save-test');

describe('saving a report from the built main process', () => {
  let fake: FakeElectron;
  let window: FakeWindow;
  let database: string;
  let save: (event: unknown, input: unknown) => unknown;

  beforeAll(async () => {
    database = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    fake = await startApp(database);
    window = fake.recorded.windows[0]!;
    const loadSample = fake.recorded.ipcHandlers.get('pledgewatch:loadSample')!;
    expect(await loadSample(invokeEvent(window), {})).toMatchObject({ ok: true });
    save = fake.recorded.ipcHandlers.get(saveReportChannel)!;
  });
  afterAll(() => {
    emit(fake.recorded.appListeners, 'will-quit');
    vi.unstubAllEnvs();
  });

  function snapshotCount(): number {
    const db = new Database(database, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM report_snapshot').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  const scope = { dateField: 'due_on', asOf: '2025-12-01' };

  it('asks where in the Documents folder first, writes the file there and remembers it as sent', async () => {
    const folder = mkdtempSync(join(scratch, 'reports-'));
    const path = join(folder, 'for-the-desk.csv');
    fake.recorded.saveDialogAnswer = { canceled: false, filePath: path };
    const before = snapshotCount();

    const answer = await save(invokeEvent(window), { scope, format: 'csv' });

    expect(answer).toEqual({ ok: true, value: { saved: true, path, commitmentCount: 8 } });
    const dialog = fake.recorded.saveDialogs.at(-1)!;
    expect(dialog.window).toBe(window);
    expect(dialog.options.defaultPath).toBe(
      join(fake.electron.app.getPath('documents'), 'Commitments briefing 2025-12-01.csv'),
    );
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => row.title)).toContain('Curb the smuggling of US-bought firearms into Mexico');
    expect(snapshotCount()).toBe(before + 1);
  });

  it('opens the next save dialog in the folder the last report went to', async () => {
    const folder = dirname(String(fake.recorded.saveDialogAnswer.filePath));
    fake.recorded.saveDialogAnswer = { canceled: true };
    await save(invokeEvent(window), { scope, format: 'md', template: 'Friday briefing' });
    expect(fake.recorded.saveDialogs.at(-1)!.options.defaultPath).toBe(
      join(folder, 'Friday briefing 2025-12-01.md'),
    );
  });

  it('writes nothing and remembers nothing when the dialog is cancelled', async () => {
    fake.recorded.saveDialogAnswer = { canceled: true };
    const before = snapshotCount();
    expect(await save(invokeEvent(window), { scope, format: 'json' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(snapshotCount()).toBe(before);
  });

  it('prints the PDF with Electron in a hidden window that runs no script and loads nothing else', async () => {
    const path = join(mkdtempSync(join(scratch, 'pdf-')), 'briefing.pdf');
    fake.recorded.saveDialogAnswer = { canceled: false, filePath: path };
    const windowsBefore = fake.recorded.windows.length;

    expect(await save(invokeEvent(window), { scope, format: 'pdf' })).toMatchObject({ ok: true });

    const printer = fake.recorded.windows[windowsBefore]!;
    expect(printer.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(printer.destroyed).toBe(true);
    expect(existsSync(printer.loadedFile!)).toBe(false);
    const printed = fake.recorded.printed.at(-1)!;
    expect(printed.options).toEqual(electronPrintOptions);
    expect(printed.html).toContain('Curb the smuggling of US-bought firearms into Mexico');
    expect(readFileSync(path, 'utf8')).toBe(standInPdf);
    const allowed = (url: string) => {
      let cancelled = true;
      printer.webContents.requestFilter!({ url }, ({ cancel }) => (cancelled = cancel));
      return !cancelled;
    };
    expect(allowed(pathToFileURL(printer.loadedFile!).href)).toBe(true);
    expect(allowed('https://tracker.example/pixel.png')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
  });

  it('reports a folder it cannot write to, and remembers no report', async () => {
    fake.recorded.saveDialogAnswer = { canceled: false, filePath: join(scratch, 'gone', 'x.json') };
    const before = snapshotCount();
    const answer = await save(invokeEvent(window), { scope, format: 'json' });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        message:
          /Cannot write .*x\.json: the folder does not exist or cannot hold files\. Nothing was written\./,
      },
    });
    expect(snapshotCount()).toBe(before);
  });

  it('refuses bad input and other senders before any dialog opens', async () => {
    const dialogs = fake.recorded.saveDialogs.length;
    expect(await save(invokeEvent(window), { scope, format: 'exe' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'format' }] },
    });
    const stranger = invokeEvent(window, { ...window.webContents.mainFrame, url: 'https://evil.example/' });
    expect(await save(stranger, { scope, format: 'csv' })).toMatchObject({
      ok: false,
      error: { message: /untrusted sender/ },
    });
    expect(fake.recorded.saveDialogs).toHaveLength(dialogs);
  });
});
