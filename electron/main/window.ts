// Creates the one app window with Electron's security checklist applied, and keeps it on the app.
import { join } from 'node:path';
import { app, BrowserWindow, shell, type Session, type WebContents } from 'electron';
import {
  isAllowedNavigation,
  isExternalUrlAllowed,
  isPermissionGranted,
  sandboxedWebPreferences,
  startUrl,
} from './security-policy.ts';
import { initialBounds, loadWindowState, rememberWindowState } from './window-state.ts';
import { minimumSize } from './window-bounds.ts';

/** The sandboxed preload is bundled beside the main process by electron/vite.config.ts. */
export const preloadPath = join(app.getAppPath(), 'dist', 'preload', 'preload.cjs');

export const secureWebPreferences = { ...sandboxedWebPreferences, preload: preloadPath } as const;

function openInBrowser(url: string): void {
  if (!isExternalUrlAllowed(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Pledgewatch: could not open ${url}: ${(error as Error).message}`);
  });
}

/** Links to sources open in the system browser; nothing ever opens inside the app but the app. */
function keepOnApp(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionGranted(permission, contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

export function createMainWindow(): BrowserWindow {
  const saved = loadWindowState();
  const window = new BrowserWindow({
    ...initialBounds(saved),
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    title: 'Pledgewatch',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences,
  });
  denyPermissions(window.webContents.session);
  keepOnApp(window.webContents);
  rememberWindowState(window);
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`Pledgewatch: could not load ${startUrl}: ${(error as Error).message}`);
  });
  return window;
}
