// A stand-in for the parts of Electron's API that the built main process and preload use, for tests here,
// where no Electron binary can run. It records what the app asked for, so tests can assert it and act on it.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join } from 'node:path';

type Listener = (...args: never[]) => unknown;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameTreeNodeId: number;
  processId: number;
}

export interface FakeWebContents {
  listeners: Map<string, Listener[]>;
  /** Scripts the main process ran in the page (only to move to a route). */
  executed: string[];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  permissionRequestHandler?: (
    contents: unknown,
    permission: string,
    grant: (granted: boolean) => void,
  ) => void;
  permissionCheckHandler?: (contents: unknown, permission: string, origin: string) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;
  mainFrame: FakeFrame;
  /** What session.webRequest.onBeforeRequest was given. */
  requestFilter?: (details: { url: string }, answer: (response: { cancel: boolean }) => void) => void;
}

export interface FakeWindow {
  options: Record<string, unknown>;
  webContents: FakeWebContents;
  loadedUrl?: string;
  loadedFile?: string;
  destroyed: boolean;
  focused: number;
  shown: boolean;
  listeners: Map<string, Listener[]>;
}

function listen(map: Map<string, Listener[]>, event: string, listener: Listener): void {
  map.set(event, [...(map.get(event) ?? []), listener]);
}

/** Calls every listener of `event` with the arguments given. */
export function emit(map: Map<string, Listener[]>, event: string, ...args: unknown[]): void {
  for (const listener of map.get(event) ?? []) (listener as (...args: unknown[]) => unknown)(...args);
}

let nextFrameId = 1;

function fakeWebContents(): FakeWebContents {
  const session = {};
  const contents: FakeWebContents & Record<string, unknown> = {
    listeners: new Map(),
    executed: [],
    mainFrame: {
      url: 'app://pledgewatch/index.html',
      parent: null,
      frameTreeNodeId: nextFrameId++,
      processId: 4,
    },
    session,
    on: (event: string, listener: Listener) => listen(contents.listeners, event, listener),
    setWindowOpenHandler: (handler: FakeWebContents['windowOpenHandler']) =>
      (contents.windowOpenHandler = handler),
    getURL: () => contents.mainFrame.url,
    isLoading: () => false,
    once: (event: string, listener: Listener) => listen(contents.listeners, event, listener),
    executeJavaScript: async (code: string) => void contents.executed.push(code),
  };
  Object.assign(session, {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionRequestHandler']) =>
      (contents.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: FakeWebContents['permissionCheckHandler']) =>
      (contents.permissionCheckHandler = handler),
    setDevicePermissionHandler: (handler: FakeWebContents['devicePermissionHandler']) =>
      (contents.devicePermissionHandler = handler),
    webRequest: {
      onBeforeRequest: (filter: FakeWebContents['requestFilter']) => (contents.requestFilter = filter),
    },
  });
  return contents;
}

function emptyRecord() {
  return {
    appListeners: new Map<string, Listener[]>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
    windows: [] as FakeWindow[],
    errorBoxes: [] as { title: string; content: string }[],
    openedExternally: [] as string[],
    menuTemplate: null as unknown,
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; input: unknown }[],
    saveDialogs: [] as { window: unknown; options: Record<string, unknown> }[],
    /** What the next save dialog answers, as Electron's showSaveDialog resolves. */
    saveDialogAnswer: { canceled: true } as { canceled: boolean; filePath?: string },
    /** Pages printed to PDF: the HTML of the file the window had loaded, and the options. */
    printed: [] as { html: string; options: unknown }[],
    /** Notifications shown, with their click and close listeners. */
    notifications: [] as FakeNotification[],
    /** Whether a system may show notifications at all. */
    notificationsSupported: true,
    defaultProtocolClients: [] as string[],
    exitCode: null as number | null,
    quit: false,
    sandboxEnabled: false,
    singleInstanceLockRequested: false,
  };
}

type Recorded = ReturnType<typeof emptyRecord>;

export interface FakeNotification {
  options: { title: string; body: string };
  shown: boolean;
  listeners: Map<string, Listener[]>;
}

/** Stands in for Electron's printed PDF: the bytes are a marker, the HTML printed is recorded. */
export const standInPdf = '%PDF-1.7 printed by the Electron stand-in';

function fakeWindow(options: Record<string, unknown>, recorded: Recorded): FakeWindow {
  const webContents = fakeWebContents();
  const window: FakeWindow & Record<string, unknown> = {
    options,
    webContents,
    destroyed: false,
    focused: 0,
    shown: false,
    listeners: new Map(),
    on: (event: string, listener: Listener) => listen(window.listeners, event, listener),
    once: (event: string, listener: Listener) => listen(window.listeners, event, listener),
    loadURL: async (url: string) => void (window.loadedUrl = url),
    loadFile: async (file: string) => void (window.loadedFile = file),
    destroy: () => void (window.destroyed = true),
    show: () => void (window.shown = true),
    focus: () => void (window.focused += 1),
    isDestroyed: () => window.destroyed,
    isMinimized: () => false,
    restore: () => {},
    maximize: () => {},
    isMaximized: () => false,
    getNormalBounds: () => ({ x: 10, y: 10, width: 1200, height: 800 }),
  };
  Object.assign(webContents, {
    printToPDF: async (printOptions: unknown) => {
      if (!window.loadedFile) throw new Error('printToPDF before a page was loaded');
      recorded.printed.push({ html: readFileSync(window.loadedFile, 'utf8'), options: printOptions });
      return Buffer.from(standInPdf);
    },
  });
  return window;
}

function fakeApp(recorded: Recorded, paths: FakePaths, ready: Promise<void>) {
  return {
    isPackaged: false,
    whenReady: () => ready,
    isReady: () => false,
    getAppPath: () => paths.appPath,
    getPath: (name: string) => (name === 'documents' ? join(paths.userData, 'Documents') : paths.userData),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => (recorded.singleInstanceLockRequested = true),
    enableSandbox: () => void (recorded.sandboxEnabled = true),
    on: (event: string, listener: Listener) => listen(recorded.appListeners, event, listener),
    exit: (code: number) => void (recorded.exitCode = code),
    quit: () => void (recorded.quit = true),
    setAboutPanelOptions: () => {},
    isDefaultProtocolClient: (scheme: string) => recorded.defaultProtocolClients.includes(scheme),
    setAsDefaultProtocolClient: (scheme: string) => void recorded.defaultProtocolClients.push(scheme),
  };
}

/** The renderer-side modules the preload uses. */
function fakeRendererSide(recorded: Recorded) {
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        recorded.invoked.push({ channel, input });
        return { ok: true, value: channel };
      },
    },
  };
}

function fakeMainSide(recorded: Recorded) {
  return {
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) =>
        recorded.ipcHandlers.set(channel, handler),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
      showSaveDialog: async (window: unknown, options: Record<string, unknown>) => {
        recorded.saveDialogs.push({ window, options });
        return recorded.saveDialogAnswer;
      },
    },
    shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url) },
    screen: { getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void (recorded.menuTemplate = menu),
    },
  };
}

export interface FakePaths {
  appPath: string;
  userData: string;
}

/** `electron` is what require('electron') returns; `markReady` resolves app.whenReady(). */
export function createFakeElectron(paths: FakePaths) {
  const recorded = emptyRecord();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  // Called with `new` by the app; returning an object from a constructor makes that object the instance.
  function BrowserWindow(options: Record<string, unknown>): FakeWindow {
    const window = fakeWindow(options, recorded);
    recorded.windows.push(window);
    return window;
  }
  function Notification(options: FakeNotification['options']): Record<string, unknown> {
    const notification: FakeNotification = { options, shown: false, listeners: new Map() };
    recorded.notifications.push(notification);
    return {
      on: (event: string, listener: Listener) => listen(notification.listeners, event, listener),
      show: () => void (notification.shown = true),
    };
  }
  Notification.isSupported = () => recorded.notificationsSupported;
  const electron = {
    app: fakeApp(recorded, paths, ready),
    Notification,
    ...fakeMainSide(recorded),
    ...fakeRendererSide(recorded),
    BrowserWindow,
  };
  return { electron, recorded, markReady };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * Runs a built bundle (dist/…/*.cjs) with `require('electron')` answered by the fake. Each call starts
 * the bundle afresh, as a new process would.
 */
export function runBundleWith(fake: FakeElectron, bundle: string): void {
  const require = createRequire(import.meta.url);
  const electronPath = require.resolve('electron');
  const standIn = new Module(electronPath);
  standIn.filename = electronPath;
  standIn.exports = fake.electron;
  standIn.loaded = true;
  require.cache[electronPath] = standIn;
  delete require.cache[require.resolve(bundle)];
  try {
    require(bundle);
  } finally {
    delete require.cache[electronPath];
  }
}
