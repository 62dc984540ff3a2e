// The main process, built as `npm run build` builds it, run against a stand-in for Electron: what it
// registers, how its window is set up, and what its IPC, protocol and navigation handlers answer.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../../db/open.ts';
import { saveSettings } from '../../db/settings.ts';
import { newCommitment } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { operationNames } from '../api/operation-names.ts';
import { saveReportChannel } from '../preload/channel.ts';
import { electronPrintOptions } from '../reports/pdf.ts';
import { buildElectronBundles, type BuiltBundles } from './build-for-test.ts';
import {
  createFakeElectron,
  emit,
  runBundleWith,
  standInPdf,
  type FakeElectron,
  type FakeWindow,
} from './fake-electron.ts';
import { contentSecurityPolicy, sandboxedWebPreferences, startUrl } from './security-policy.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

const root = join(import.meta.dirname, '..', '..');
const distMain = join(root, 'dist', 'main', 'main.cjs');
const rendererIndex = join(root, 'dist', 'renderer', 'index.html');

const scratch = mkdtempSync(join(tmpdir(), 'pledgewatch-main-test-'));
let bundles: BuiltBundles;
beforeAll(async () => {
  bundles = await buildElectronBundles();
}, 60_000);
afterAll(() => {
  bundles?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

async function startApp(database: string): Promise<FakeElectron> {
  const userData = mkdtempSync(join(scratch, 'user-data-'));
  const fake = createFakeElectron({ appPath: root, userData });
  vi.stubEnv('PLEDGEWATCH_DB', database);
  runBundleWith(fake, bundles.main);
  fake.markReady();
  await vi.waitFor(() => {
    if (fake.recorded.windows.length === 0 && fake.recorded.exitCode === null) throw new Error('not started');
  });
  return fake;
}

function invokeEvent(window: FakeWindow, frame = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame };
}

describe('the built main process', () => {
  let fake: FakeElectron;
  let window: FakeWindow;

  beforeAll(async () => {
    fake = await startApp(join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite'));
    window = fake.recorded.windows[0]!;
  });
  afterAll(() => {
    emit(fake.recorded.appListeners, 'will-quit');
    vi.unstubAllEnvs();
  });

  it('asks for the single-instance lock, the sandbox everywhere, and a privileged app: scheme', () => {
    expect(fake.recorded.singleInstanceLockRequested).toBe(true);
    expect(fake.recorded.sandboxEnabled).toBe(true);
    expect(fake.recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('opens one hidden window with the production web preferences, on the app protocol', () => {
    expect(fake.recorded.windows).toHaveLength(1);
    expect(window.options.webPreferences).toEqual({
      ...sandboxedWebPreferences,
      preload: join(root, 'dist', 'preload', 'preload.cjs'),
    });
    expect(window.options.show).toBe(false);
    expect(window.loadedUrl).toBe(startUrl);
    emit(window.listeners, 'ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('binds exactly one IPC channel per operation, and the desktop save dialog', () => {
    expect([...fake.recorded.ipcHandlers.keys()].sort()).toEqual(
      [...operationNames.map((name) => `pledgewatch:${name}`), saveReportChannel].sort(),
    );
  });

  it('answers the window’s own frame through the API, validating input', async () => {
    const listReference = fake.recorded.ipcHandlers.get('pledgewatch:listReference')!;
    expect(await listReference(invokeEvent(window), {})).toMatchObject({ ok: true });
    const getCommitment = fake.recorded.ipcHandlers.get('pledgewatch:getCommitment')!;
    expect(await getCommitment(invokeEvent(window), { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses every other sender', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handler = fake.recorded.ipcHandlers.get('pledgewatch:listReference')!;
    const main = window.webContents.mainFrame;
    const senders = [
      { sender: window.webContents, senderFrame: null },
      invokeEvent(window, { ...main, url: 'https://evil.example/' }),
      invokeEvent(window, { ...main, parent: main }),
      invokeEvent(window, { ...main, parent: main, frameTreeNodeId: 999 }),
      invokeEvent(window, { ...main, frameTreeNodeId: 999 }),
      { sender: {}, senderFrame: main },
    ];
    for (const event of senders) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { message: /untrusted sender/ } });
    }
    expect(warn).toHaveBeenCalledTimes(senders.length);
    warn.mockRestore();
  });

  it.skipIf(!existsSync(rendererIndex))('serves the renderer with the CSP on every response', async () => {
    const serve = fake.recorded.protocolHandlers.get('app')!;
    const index = await serve(new Request(startUrl));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await index.text()).toContain('<title>Pledgewatch</title>');

    const escape = await serve(new Request('app://pledgewatch/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(403);
    expect(escape.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await serve(new Request(startUrl, { method: 'POST' }))).status).toBe(405);
  });

  it('keeps the window on the app and sends only web links to the browser', () => {
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      emit(window.webContents.listeners, 'will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://pledgewatch/index.html#/new')).toBe(false);
    expect(navigate('https://www.whitehouse.gov/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.gob.mx/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://pledgewatch/index.html' })).toEqual({ action: 'deny' });
    expect(fake.recorded.openedExternally).toEqual(['https://www.whitehouse.gov/', 'https://www.gob.mx/']);
  });

  it('refuses redirects away from the app, webviews and every permission', () => {
    const redirect = { url: 'https://evil.example/', preventDefault: vi.fn() };
    emit(window.webContents.listeners, 'will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    emit(window.webContents.listeners, 'will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const grant = vi.fn();
    window.webContents.permissionRequestHandler!(window.webContents, 'media', grant);
    expect(grant).toHaveBeenCalledWith(false);
    expect(window.webContents.permissionCheckHandler!(null, 'notifications', 'app://pledgewatch')).toBe(
      false,
    );
    expect(window.webContents.devicePermissionHandler!({})).toBe(false);
  });

  it('focuses the existing window when a second instance starts', () => {
    emit(fake.recorded.appListeners, 'second-instance');
    expect(fake.recorded.windows).toHaveLength(1);
    expect(window.focused).toBe(1);
  });

  it('installs a menu with the edit roles and developer tools outside a packaged app', () => {
    const text = JSON.stringify(fake.recorded.menuTemplate);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'toggleDevTools']) {
      expect(text).toContain(`"role":"${role}"`);
    }
  });
});

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

describe('the built main process given a database from a newer Pledgewatch', () => {
  afterAll(() => vi.unstubAllEnvs());

  it('explains, quits with an error, and leaves the file as it was', async () => {
    const file = join(mkdtempSync(join(scratch, 'newer-')), 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);

    const fake = await startApp(file);
    expect(fake.recorded.exitCode).toBe(1);
    expect(fake.recorded.windows).toHaveLength(0);
    expect(fake.recorded.errorBoxes).toHaveLength(1);
    expect(fake.recorded.errorBoxes[0]!.content).toMatch(/newer Pledgewatch/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('the bundled extraction worker', () => {
  it('extracts on its own thread beside main.cjs, with the gazetteer bundled in', async () => {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(bundles.extractWorker);
    const text =
      'Joint statement of Peru and Chile\nLIMA, 3 March 2026 - Peru will open a consulate in Arica within six months.';
    const answer = await new Promise<{
      id: number;
      extraction: { candidates: { parties: string[]; deadline: string }[] };
    }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 7, text, options: { vocabulary: { parties: [], topics: [] } } });
    });
    await worker.terminate();
    expect(answer.id).toBe(7);
    expect(answer.extraction.candidates[0]).toMatchObject({ parties: ['Peru'], deadline: 'P6M' });
  });
});

describe('dist/main/main.cjs as `npm run build` last wrote it', () => {
  it.skipIf(!existsSync(distMain))(
    'keeps contextIsolation and the sandbox on (skipped: not built yet)',
    () => {
      const source = readFileSync(distMain, 'utf8');
      expect(source).toMatch(/contextIsolation:\s*(true|!0)/);
      expect(source).toMatch(/sandbox:\s*(true|!0)/);
      expect(source).toMatch(/nodeIntegration:\s*(false|!1)/);
    },
  );
});

describe('deadline notifications and pledgewatch:// links in the built main process', () => {
  const inDays = (days: number) => {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };

  /** The sample, plus commitments due in three and five days; `notify` as the analyst set it. */
  function prepare(notify: boolean): { file: string; uid: string; id: number } {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const db = openDatabase(file);
    loadSample(db);
    const dossierId = db.prepare('SELECT id FROM dossier LIMIT 1').pluck().get() as number;
    const id = insertCommitment(
      db,
      newCommitment(dossierId, { title: 'Open the joint inspection office', deadline: { on: inDays(3) } }),
    );
    insertCommitment(
      db,
      newCommitment(dossierId, { title: 'Publish the joint seizure figures', deadline: { on: inDays(5) } }),
    );
    saveSettings(db, { notifyDeadlines: notify });
    const uid = db.prepare('SELECT uid FROM commitment WHERE id = ?').pluck().get(id) as string;
    db.close();
    return { file, uid, id };
  }

  afterEach(() => vi.unstubAllEnvs());

  it('shows one notification at start naming what is due this week and what passed, and opens the dashboard', async () => {
    const { file } = prepare(true);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.notifications).toHaveLength(1);
      const [notice] = fake.recorded.notifications;
      expect(notice!.shown).toBe(true);
      expect(notice!.options.title).toBe(
        'Pledgewatch: 2 deadlines this week, 3 deadlines passed with no update',
      );
      expect(notice!.options.body.split('\n')[0]).toBe('Open the joint inspection office: due in 3 days');
      expect(notice!.options.body).toContain('and 1 more');
      const window = fake.recorded.windows[0]!;
      emit(notice!.listeners, 'click');
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/"');
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });

  it('shows none when the analyst turned them off', async () => {
    const { file } = prepare(false);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.notifications).toHaveLength(0);
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });

  it('registers pledgewatch:// and opens a commitment’s link on its page, ignoring anything else', async () => {
    const { file, uid, id } = prepare(false);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.defaultProtocolClients).toEqual(['pledgewatch']);
      const window = fake.recorded.windows[0]!;
      emit(fake.recorded.appListeners, 'second-instance', {}, [
        '/opt/Pledgewatch',
        `pledgewatch://commitment/${uid}`,
      ]);
      expect(window.webContents.executed.at(-1)).toBe(`window.location.hash = "#/commitments/${id}"`);
      const openUrl = { preventDefault: vi.fn() };
      emit(fake.recorded.appListeners, 'open-url', openUrl, 'pledgewatch://dashboard');
      expect(openUrl.preventDefault).toHaveBeenCalled();
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/"');
      const before = window.webContents.executed.length;
      for (const link of [
        'pledgewatch://commitment/1; alert(1)',
        'pledgewatch://commitment/../../etc/passwd',
        'https://example.org/commitment/' + uid,
        'pledgewatch://settings',
      ]) {
        emit(fake.recorded.appListeners, 'open-url', { preventDefault: vi.fn() }, link);
      }
      expect(window.webContents.executed).toHaveLength(before);
      // A commitment this database does not hold opens the list.
      emit(
        fake.recorded.appListeners,
        'open-url',
        { preventDefault: vi.fn() },
        'pledgewatch://commitment/01a236ea-0000-7000-8000-000000000000',
      );
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/commitments"');
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });
});
