// The main process, built as `npm run build` builds it, run against a stand-in for Electron: what it
// registers, how its window is set up, and what its IPC, protocol and navigation handlers answer.
// Saving reports and notifications are in built-app-save and built-app-notifications.test.ts.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../api/operation-names.ts';
import { saveReportChannel } from '../preload/channel.ts';
import { emit, type FakeElectron, type FakeWindow } from './fake-electron.ts';
import { contentSecurityPolicy, sandboxedWebPreferences, startUrl } from './security-policy.ts';
import { invokeEvent, root, useBuiltApp } from './built-app-testing.ts';

const distMain = join(root, 'dist', 'main', 'main.cjs');
const rendererIndex = join(root, 'dist', 'renderer', 'index.html');

const { scratch, bundles, startApp } = useBuiltApp('main-test');

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

describe('the bundled extraction worker', () => {
  it('extracts on its own thread beside main.cjs, with the gazetteer bundled in', async () => {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(bundles().extractWorker);
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
